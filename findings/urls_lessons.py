from django.urls import path

from findings import lessons

urlpatterns = [
    path("", lessons.lesson_index, name="lesson-index"),
    path("manage/", lessons.lesson_manage, name="lesson-manage"),
    path("manage/new/", lessons.lesson_new, name="lesson-new"),
    path("manage/link/", lessons.lesson_link, name="lesson-link"),
    path("manage/<slug:slug>/edit/", lessons.lesson_edit, name="lesson-edit"),
    path("manage/<slug:slug>/publish/", lessons.lesson_publish, {"publish": True}, name="lesson-publish"),
    path("manage/<slug:slug>/unpublish/", lessons.lesson_publish, {"publish": False}, name="lesson-unpublish"),
    path("manage/<slug:slug>/unlink/<int:finding_id>/", lessons.lesson_unlink, name="lesson-unlink"),
    path("<slug:slug>/", lessons.lesson_detail, name="lesson-detail"),
]
