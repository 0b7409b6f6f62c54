from django.contrib import admin

from agencies.models import Agency, Partnership


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "nation", "region", "kind"]
    list_filter = ["nation", "region", "kind"]
    search_fields = ["name", "former_names"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "position"]
    list_filter = ["sector"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
