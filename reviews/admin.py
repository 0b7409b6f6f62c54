from django.contrib import admin
from django.db import models

from findings.models import Finding
from reviews.models import Review, ReviewDocument, StatusChange


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0
    fields = ["position", "title", "text", "recommendation", "themes", "agencies", "source_page"]
    filter_horizontal = ["themes", "agencies"]


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
    inlines = [FindingInline, ReviewDocumentInline, StatusChangeInline]


@admin.register(ReviewDocument)
class ReviewDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "review", "version", "content_type", "size", "page_count", "uploaded_at"]
    list_filter = ["content_type"]
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
