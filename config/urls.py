from django.contrib import admin
from django.urls import include, path

# The curators' and authors' pages come first: their fixed paths ("reviews/new/", "themes/manage/") would
# otherwise be read as the slug of a public page; ingest's "themes/manage/suggestion-model/" as a theme's slug.
urlpatterns = [
    path("", include("ingest.urls")),
    path("", include("curation.urls")),
    path("", include("search.urls")),
    path("", include("api.urls")),
    path("", include("findings.urls")),
    path("account/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "config.errors.server_error"
