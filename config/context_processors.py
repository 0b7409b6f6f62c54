from django.conf import settings

from accounts.roles import can_upload, is_curator

NAVIGATION = [
    ("search", "search", "Search"),
    ("review", "review-list", "Reviews"),
    ("theme", "theme-index", "Themes"),
    ("lesson", "lesson-index", "Lessons"),
    ("agency", "agency-index", "Agencies"),
]
UPLOAD = ("upload", "review-new", "Upload a review")
CURATION = ("curation", "curation-queue", "Curation")  # every page named "curation-..." is in this section
# Pages that belong to the upload section rather than to the section their URL name starts with.
UPLOAD_PAGES = {"review-new", "review-document", "review-upload-version"}


def site(request):
    match = getattr(request, "resolver_match", None)
    url_name = (match.url_name or "") if match else ""
    current = "upload" if url_name in UPLOAD_PAGES else url_name.split("-")[0]
    user = getattr(request, "user", None)
    items = NAVIGATION + ([UPLOAD] if can_upload(user) else []) + ([CURATION] if is_curator(user) else [])
    return {
        "site_name": settings.SITE_NAME,
        "service_email": settings.SERVICE_EMAIL,
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
