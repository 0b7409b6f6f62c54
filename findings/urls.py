from django.urls import path

from findings import taxonomy, views

urlpatterns = [
    path("", views.theme_index, name="theme-index"),
    path("manage/", taxonomy.theme_manage, name="theme-manage"),
    path("manage/new/", taxonomy.theme_new, name="theme-new"),
    path("manage/<slug:slug>/", taxonomy.theme_edit, name="theme-edit"),
    path("manage/<slug:slug>/deactivate/", taxonomy.theme_set_active, {"active": False}, name="theme-deactivate"),
    path("manage/<slug:slug>/reactivate/", taxonomy.theme_set_active, {"active": True}, name="theme-reactivate"),
    path("manage/<slug:slug>/merge/", taxonomy.theme_merge, name="theme-merge"),
    path("<slug:slug>/", views.theme_detail, name="theme-detail"),
]
