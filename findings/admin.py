from django.contrib import admin

from findings.models import Finding, Theme


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
    search_fields = ["title", "text", "recommendation", "review__title", "review__external_id"]
    autocomplete_fields = ["review"]
    filter_horizontal = ["themes", "agencies"]
    list_select_related = ["review", "review__partnership"]
