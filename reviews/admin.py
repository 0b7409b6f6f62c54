from django.contrib import admin
from django.db import models

from reviews.models import AnonymisationFlag, ProcessingStep, RejectedUpload, Review, ReviewDocument, StatusChange


class ReviewDocumentInline(admin.TabularInline):
    model = ReviewDocument
    extra = 0
    fields = ["version", "original_name", "content_type", "size", "page_count", "sha256", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "nation", "review_type", "publication_year", "status"]
    list_filter = ["status", "nation", "review_type", "publication_year", "outcome", "partnership__region"]
    search_fields = ["title", "summary", "external_id", "partnership__name", "keywords"]
    autocomplete_fields = ["partnership"]
    filter_horizontal = ["themes"]
    readonly_fields = ["public_id", "status", "status_changed_at", "created_at", "updated_at"]
    list_select_related = ["partnership"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ReviewDocumentInline, StatusChangeInline]  # findings.admin puts the findings first


class ProcessingStepInline(admin.TabularInline):
    model = ProcessingStep
    extra = 0
    fields = ["stage", "started_at", "finished_at", "detail", "error"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReviewDocument)
class ReviewDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "review", "version", "kind", "stage", "state", "page_count", "uploaded_at"]
    list_filter = ["kind", "state", "stage"]
    readonly_fields = ["stage", "state", "error", "checker_version", "task_id"]
    inlines = [ProcessingStepInline]
    search_fields = ["original_name", "sha256", "review__title"]
    autocomplete_fields = ["review"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["review", "from_status", "to_status", "by", "at"]
    list_filter = ["to_status", "from_status"]
    search_fields = ["review__title", "reason"]
    readonly_fields = ["review", "from_status", "to_status", "by", "reason", "at"]

    def has_add_permission(self, request):
        return False


@admin.register(AnonymisationFlag)
class AnonymisationFlagAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "severity", "review", "page", "resolution"]
    list_filter = ["severity", "resolution", "kind"]
    search_fields = ["review__title", "text"]
    readonly_fields = ["review", "document", "kind", "severity", "text", "page", "start", "end", "context", "source"]


@admin.register(RejectedUpload)
class RejectedUploadAdmin(admin.ModelAdmin):
    list_display = ["original_name", "code", "review", "by", "at"]
    list_filter = ["code"]
    readonly_fields = ["review", "original_name", "size", "sha256", "code", "message", "by", "at"]

    def has_add_permission(self, request):
        return False
