from django.contrib import admin

from findings.models import Finding, Recommendation, Theme, ThemeSuggestion
from reviews.admin import ReviewAdmin
from reviews.models import Review


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0
    fields = ["position", "title", "text", "themes", "agencies", "source_page"]
    filter_horizontal = ["themes", "agencies"]


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0
    fields = ["position", "label", "text", "kind", "addressee", "addressee_text", "agencies", "findings", "themes"]
    filter_horizontal = ["agencies", "themes"]
    raw_id_fields = ["findings"]


# A review's page in the admin shows its findings and recommendations first (reviews knows nothing of findings).
admin.site.unregister(Review)


@admin.register(Review)
class ReviewWithFindingsAdmin(ReviewAdmin):
    inlines = [FindingInline, RecommendationInline, *ReviewAdmin.inlines]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "facet", "active", "position"]
    list_filter = ["facet", "active"]
    search_fields = ["name", "slug", "definition", "keywords"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["title", "review", "position", "source_page"]
    list_filter = ["review__status", "review__nation", "themes", "agencies__sector"]
    search_fields = ["title", "text", "review__title", "review__external_id"]
    autocomplete_fields = ["review"]
    filter_horizontal = ["themes", "agencies"]
    list_select_related = ["review", "review__partnership"]


@admin.register(ThemeSuggestion)
class ThemeSuggestionAdmin(admin.ModelAdmin):
    list_display = ["theme", "finding", "score", "source", "decision"]
    list_filter = ["decision", "source", "theme"]
    search_fields = ["finding__title", "finding__review__title"]
    readonly_fields = ["finding", "theme", "score", "reasons", "source"]
