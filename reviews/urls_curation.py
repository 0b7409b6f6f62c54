from django.urls import path

from reviews import curation

urlpatterns = [
    path("", curation.queue, name="curation-queue"),
    path("<slug:slug>/", curation.screen, name="curation-review"),
    path("<slug:slug>/take/", curation.take, name="curation-take"),
    path("<slug:slug>/details/", curation.details, name="curation-details"),
    path("<slug:slug>/findings/new/", curation.finding_add, name="curation-finding-add"),
    path("<slug:slug>/findings/merge/", curation.merge, name="curation-merge"),
    path("<slug:slug>/findings/<int:pk>/", curation.finding_edit, name="curation-finding-edit"),
    path("<slug:slug>/findings/<int:pk>/split/", curation.finding_split, name="curation-finding-split"),
    path("<slug:slug>/findings/<int:pk>/delete/", curation.finding_delete, name="curation-finding-delete"),
    path("<slug:slug>/findings/<int:pk>/move/", curation.finding_move, name="curation-finding-move"),
    path("<slug:slug>/findings/<int:pk>/themes/", curation.themes_add, name="curation-themes-add"),
    path(
        "<slug:slug>/findings/<int:pk>/themes/<int:theme_id>/remove/",
        curation.theme_remove,
        name="curation-theme-remove",
    ),
    path("<slug:slug>/findings/<int:pk>/agencies/", curation.agencies, name="curation-agencies"),
    path("<slug:slug>/findings/<int:pk>/lessons/", curation.lesson_link, name="curation-lesson-link"),
    path(
        "<slug:slug>/findings/<int:pk>/lessons/<int:lesson_id>/unlink/",
        curation.lesson_unlink,
        name="curation-lesson-unlink",
    ),
    path("<slug:slug>/suggestions/<int:pk>/", curation.suggestion, name="curation-suggestion"),
    path("<slug:slug>/return/", curation.return_to_author, name="curation-return"),
    path("<slug:slug>/publish/", curation.publish, name="curation-publish"),
    path("<slug:slug>/withdraw/", curation.withdraw, name="curation-withdraw"),
    path("<slug:slug>/restore/", curation.restore, name="curation-restore"),
]
