"""Authors' pages: upload a review, follow its processing, resolve its anonymisation flags, submit it; and the
curators' page of the theme suggestion model."""

from django.urls import path

from ingest import model_views, views

urlpatterns = [
    path("reviews/yours/", views.my_reviews, name="review-mine"),
    path("reviews/new/", views.new_review, name="review-new"),
    path("reviews/<slug:slug>/document/", views.document, name="review-document"),
    path("reviews/<slug:slug>/details/", views.details, name="review-details"),
    path("reviews/<slug:slug>/findings/<int:pk>/", views.finding_edit, name="review-finding-edit"),
    path("reviews/<slug:slug>/findings/<int:pk>/delete/", views.finding_delete, name="review-finding-delete"),
    path("reviews/<slug:slug>/findings/<int:pk>/move/", views.finding_move, name="review-finding-move"),
    path("reviews/<slug:slug>/findings/<int:pk>/split/", views.finding_split, name="review-finding-split"),
    path("reviews/<slug:slug>/findings/merge/", views.findings_merge, name="review-findings-merge"),
    path("reviews/<slug:slug>/document/upload/", views.upload_version, name="review-upload-version"),
    path("reviews/<slug:slug>/document/retry/", views.retry, name="review-document-retry"),
    path("reviews/<slug:slug>/flags/<int:flag_id>/", views.resolve_flag, name="review-flag"),
    path("reviews/<slug:slug>/submit/", views.submit, name="review-submit"),
    path("reviews/<slug:slug>/submitted/", views.submitted, name="review-submitted"),
    path("themes/manage/suggestion-model/", model_views.theme_model, name="theme-model"),
]
