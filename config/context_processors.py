from django.conf import settings

NAVIGATION = [
    ("search", "search", "Search"),
    ("review", "review-list", "Reviews"),
    ("theme", "theme-index", "Themes"),
    ("agency", "agency-index", "Agencies"),
]


def site(request):
    match = getattr(request, "resolver_match", None)
    current = (match.url_name or "").split("-")[0] if match else ""
    return {
        "site_name": settings.SITE_NAME,
        "navigation": [
            {
                "url_name": url_name,
                "label": label,
                "active": section == current,
                "current": match and match.url_name == url_name,
            }
            for section, url_name, label in NAVIGATION
        ],
    }
