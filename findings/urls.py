from django.urls import path

from findings import views

urlpatterns = [
    path("", views.theme_index, name="theme-index"),
    path("<slug:slug>/", views.theme_detail, name="theme-detail"),
]
