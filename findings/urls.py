"""The public pages: home, reviews, themes, recurring lessons and agencies."""

from django.urls import path

from findings.views import agencies, lessons, recommendations, reviews, themes, tracking

urlpatterns = [
    path("", reviews.home, name="home"),
    path("reviews/", reviews.review_list, name="review-list"),
    path("reviews/<slug:slug>/", reviews.review_detail, name="review-detail"),
    path("reviews/<slug:slug>/report/", reviews.review_report, name="review-report"),
    path("reviews/<slug:slug>/recommendations/<int:pk>/", tracking.track, name="recommendation-track"),
    path(
        "reviews/<slug:slug>/recommendations/<int:pk>/actions/new/",
        tracking.action,
        name="recommendation-action-add",
    ),
    path(
        "reviews/<slug:slug>/recommendations/<int:pk>/actions/<int:action_id>/",
        tracking.action,
        name="recommendation-action-edit",
    ),
    path("recommendations/", recommendations.recommendation_figures, name="recommendation-figures"),
    path("themes/", themes.theme_index, name="theme-index"),
    path("themes/<slug:slug>/", themes.theme_detail, name="theme-detail"),
    path("lessons/", lessons.lesson_index, name="lesson-index"),
    path("lessons/<slug:slug>/", lessons.lesson_detail, name="lesson-detail"),
    path("partnerships/<slug:slug>/", reviews.partnership_detail, name="partnership-detail"),
    path("agencies/", agencies.agency_index, name="agency-index"),
    path("agencies/<slug:slug>/", agencies.agency_detail, name="agency-detail"),
]
