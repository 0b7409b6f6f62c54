"""Curators' pages: the queue and curation screen, the taxonomy, recurring lessons and history."""

from django.urls import path

from curation import history, lessons, recommendations, taxonomy
from curation import views as curation
from findings.models import AgencySuggestion, ThemeSuggestion

urlpatterns = [
    path("curation/", curation.queue, name="curation-queue"),
    path("curation/<slug:slug>/", curation.screen, name="curation-review"),
    path("curation/<slug:slug>/take/", curation.take, name="curation-take"),
    path("curation/<slug:slug>/details/", curation.details, name="curation-details"),
    path("curation/<slug:slug>/findings/new/", curation.finding_add, name="curation-finding-add"),
    path("curation/<slug:slug>/findings/merge/", curation.merge, name="curation-merge"),
    path("curation/<slug:slug>/findings/<int:pk>/", curation.finding_edit, name="curation-finding-edit"),
    path("curation/<slug:slug>/findings/<int:pk>/split/", curation.finding_split, name="curation-finding-split"),
    path("curation/<slug:slug>/findings/<int:pk>/delete/", curation.finding_delete, name="curation-finding-delete"),
    path("curation/<slug:slug>/findings/<int:pk>/move/", curation.finding_move, name="curation-finding-move"),
    path("curation/<slug:slug>/findings/<int:pk>/themes/", curation.themes_add, name="curation-themes-add"),
    path(
        "curation/<slug:slug>/findings/<int:pk>/themes/<int:theme_id>/remove/",
        curation.theme_remove,
        name="curation-theme-remove",
    ),
    path("curation/<slug:slug>/findings/<int:pk>/agencies/", curation.agencies, name="curation-agencies"),
    path("curation/<slug:slug>/findings/<int:pk>/lessons/", curation.lesson_link, name="curation-lesson-link"),
    path(
        "curation/<slug:slug>/findings/<int:pk>/lessons/<int:lesson_id>/unlink/",
        curation.lesson_unlink,
        name="curation-lesson-unlink",
    ),
    path(
        "curation/<slug:slug>/suggestions/<int:pk>/",
        curation.suggestion,
        {"model": ThemeSuggestion},
        name="curation-suggestion",
    ),
    path("curation/<slug:slug>/suggestions/accept/", curation.suggestions_accept_all, name="curation-accept-all"),
    path(
        "curation/<slug:slug>/findings/<int:pk>/suggestions/",
        curation.suggestions_decide,
        name="curation-suggestions-decide",
    ),
    path(
        "curation/<slug:slug>/agency-suggestions/<int:pk>/",
        curation.suggestion,
        {"model": AgencySuggestion},
        name="curation-agency-suggestion",
    ),
    path(
        "curation/<slug:slug>/recommendations/new/",
        recommendations.recommendation_add,
        name="curation-recommendation-add",
    ),
    path(
        "curation/<slug:slug>/recommendations/<int:pk>/",
        recommendations.recommendation_edit,
        name="curation-recommendation-edit",
    ),
    path(
        "curation/<slug:slug>/recommendations/<int:pk>/delete/",
        recommendations.recommendation_delete,
        name="curation-recommendation-delete",
    ),
    path(
        "curation/<slug:slug>/recommendations/<int:pk>/move/",
        recommendations.recommendation_move,
        name="curation-recommendation-move",
    ),
    path(
        "curation/<slug:slug>/recommendations/<int:pk>/split/",
        recommendations.recommendation_split,
        name="curation-recommendation-split",
    ),
    path(
        "curation/<slug:slug>/recommendation-suggestions/<int:pk>/",
        recommendations.recommendation_suggestion,
        name="curation-recommendation-suggestion",
    ),
    path(
        "curation/<slug:slug>/recommendations/<int:pk>/link/",
        recommendations.recommendation_link,
        name="curation-recommendation-link",
    ),
    path(
        "curation/<slug:slug>/recommendations/merge/",
        recommendations.recommendation_merge,
        name="curation-recommendation-merge",
    ),
    path("curation/<slug:slug>/return/", curation.return_to_author, name="curation-return"),
    path("curation/<slug:slug>/publish/", curation.publish, name="curation-publish"),
    path("curation/<slug:slug>/public-copy/", curation.public_copy, name="curation-public-copy"),
    path("curation/<slug:slug>/withdraw/", curation.withdraw, name="curation-withdraw"),
    path("curation/<slug:slug>/restore/", curation.restore, name="curation-restore"),
    path("themes/manage/", taxonomy.theme_manage, name="theme-manage"),
    path("themes/manage/new/", taxonomy.theme_new, name="theme-new"),
    path("themes/manage/<slug:slug>/", taxonomy.theme_edit, name="theme-edit"),
    path(
        "themes/manage/<slug:slug>/deactivate/", taxonomy.theme_set_active, {"active": False}, name="theme-deactivate"
    ),
    path("themes/manage/<slug:slug>/reactivate/", taxonomy.theme_set_active, {"active": True}, name="theme-reactivate"),
    path("themes/manage/<slug:slug>/merge/", taxonomy.theme_merge, name="theme-merge"),
    path("lessons/manage/", lessons.lesson_manage, name="lesson-manage"),
    path("lessons/manage/new/", lessons.lesson_new, name="lesson-new"),
    path("lessons/manage/link/", lessons.lesson_link, name="lesson-link"),
    path("lessons/manage/<slug:slug>/edit/", lessons.lesson_edit, name="lesson-edit"),
    path("lessons/manage/<slug:slug>/publish/", lessons.lesson_publish, {"publish": True}, name="lesson-publish"),
    path("lessons/manage/<slug:slug>/unpublish/", lessons.lesson_publish, {"publish": False}, name="lesson-unpublish"),
    path("lessons/manage/<slug:slug>/unlink/<int:finding_id>/", lessons.lesson_unlink, name="lesson-unlink"),
    path("reviews/<slug:slug>/history/", history.review_history, name="review-history"),
    path("lessons/<slug:slug>/history/", history.lesson_history, name="lesson-history"),
]
