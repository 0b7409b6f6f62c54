from django.urls import path

from findings import history_views
from reviews import document_views, views

urlpatterns = [
    path("", views.review_list, name="review-list"),
    path("new/", document_views.new_review, name="review-new"),
    path("<slug:slug>/", views.review_detail, name="review-detail"),
    path("<slug:slug>/document/", document_views.document, name="review-document"),
    path("<slug:slug>/document/upload/", document_views.upload_version, name="review-upload-version"),
    path("<slug:slug>/document/retry/", document_views.retry, name="review-document-retry"),
    path("<slug:slug>/flags/<int:flag_id>/", document_views.resolve_flag, name="review-flag"),
    path("<slug:slug>/submit/", document_views.submit, name="review-submit"),
    path("<slug:slug>/history/", history_views.review_history, name="review-history"),
]
