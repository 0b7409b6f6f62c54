from django.conf import settings

from reviews.models import can_upload

NAVIGATION = [
    ("search", "search", "Search"),
    ("review", "review-list", "Reviews"),
    ("theme", "theme-index", "Themes"),
    ("agency", "agency-index", "Agencies"),
]
UPLOAD = ("upload", "review-new", "Upload a review")
# Pages that belong to the upload section rather than to the section their URL name starts with.
UPLOAD_PAGES = {"review-new", "review-document", "review-upload-version"}


def site(request):
    match = getattr(request, "resolver_match", None)
    url_name = (match.url_name or "") if match else ""
    current = "upload" if url_name in UPLOAD_PAGES else url_name.split("-")[0]
    items = NAVIGATION + ([UPLOAD] if can_upload(getattr(request, "user", None)) else [])
    return {
        "site_name": settings.SITE_NAME,
        "navigation": [
            {
                "url_name": name,
                "label": label,
                "active": section == current,
                "current": url_name == name,
            }
            for section, name, label in items
        ],
    }
