from django.conf import settings
from django.contrib.messages import constants, get_messages

from accounts.roles import can_upload, is_curator

NAVIGATION = [
    ("search", "search", "Search"),
    ("review", "review-list", "Reviews"),
    ("theme", "theme-index", "Themes"),
    ("lesson", "lesson-index", "Lessons"),
    ("recommendation", "recommendation-figures", "Recommendations"),
    ("agency", "agency-index", "Agencies"),
]
AUTHORING = [("mine", "review-mine", "Your reviews"), ("upload", "review-new", "Upload a review")]
CURATION = ("curation", "curation-queue", "Curation")  # every page named "curation-..." is in this section
# Pages that belong to an author's section rather than to the section their URL name starts with.
SECTIONS = {
    "review-new": "upload",
    "review-mine": "mine",
    "review-document": "mine",
    "review-upload-version": "mine",
    "review-submit": "mine",
    "review-submitted": "mine",
}


def site(request):
    match = getattr(request, "resolver_match", None)
    url_name = (match.url_name or "") if match else ""
    current = SECTIONS.get(url_name, url_name.split("-")[0])
    user = getattr(request, "user", None)
    items = NAVIGATION + (AUTHORING if can_upload(user) else []) + ([CURATION] if is_curator(user) else [])
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


def refused(request):
    """Whether the page says a refusal (an error message after a redirect): its title then starts "Error: "."""
    return {"refused": any(message.level == constants.ERROR for message in get_messages(request))}
