from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

# The service's own pages: linked from the footer and the phase banner.
SERVICE_PAGES = [
    ("accessibility/", "service/accessibility.html", "accessibility"),
    ("privacy/", "service/privacy.html", "privacy"),
    ("cookies/", "service/cookies.html", "cookies"),
    ("contact/", "service/contact.html", "contact"),
]

# The curators' and authors' pages come before the public ones: their fixed paths ("reviews/new/", "themes/manage/")
# would otherwise be read as the slug of a public page; ingest's "themes/manage/suggestion-model/" as a theme's slug.
urlpatterns = [
    *(path(url, TemplateView.as_view(template_name=template), name=name) for url, template, name in SERVICE_PAGES),
    path("", include("ingest.urls")),
    path("", include("curation.urls")),
    path("", include("search.urls")),
    path("", include("api.urls")),
    path("", include("alerts.urls")),
    path("", include("findings.urls")),
    path("account/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
