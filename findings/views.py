from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from config.pagination import paginate
from findings.filters import SearchFilterSet
from findings.lessons import with_review_counts
from findings.models import Facet, Lesson, Theme, ThemeRedirect
from findings.search import search
from reviews.models import Review, is_curator


def theme_index(request):
    themes = Theme.objects.active().with_counts(request.user)
    facets = [(facet, [t for t in themes if t.facet == facet]) for facet in Facet]
    return render(request, "findings/theme_index.html", {"facets": facets, "can_manage": is_curator(request.user)})


def theme_detail(request, slug):
    theme = Theme.objects.with_counts(request.user).filter(slug=slug).first()
    if theme is None:  # renamed or merged: its old address leads to the theme it is now
        moved = get_object_or_404(ThemeRedirect.objects.select_related("theme"), old_slug=slug)
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(moved.theme.get_absolute_url() + (f"?{query}" if query else ""))
    findings = (
        theme.visible_findings(request.user)
        .for_display()
        .order_by("-review__publication_year", "-review__publication_date", "review_id", "position")
    )
    tagged_reviews = Review.objects.visible_to(request.user).filter(themes=theme).for_display().newest_first()
    by_year = theme.by_year(request.user)
    return render(
        request,
        "findings/theme_detail.html",
        {
            "theme": theme,
            "page": paginate(request, findings),
            "tagged_reviews": tagged_reviews,
            "by_year": by_year,
            "peak": max([n for _, f, r in by_year for n in (f, r)], default=0),
            "co_occurring": theme.co_occurring(request.user),
            "top_agencies": theme.top_agencies(request.user),
            "lessons": with_review_counts(theme.lessons.filter(status=Lesson.Status.PUBLISHED), request.user),
            "can_manage": is_curator(request.user),
            "crumbs": [("Themes", reverse("theme-index"))],
        },
    )


def search_page(request):
    arguments, errors = SearchFilterSet(request.GET).clean_values()
    try:
        page = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page = 1
    results = search(user=request.user, page=page, page_size=settings.PAGE_SIZE, **arguments)
    if results.results == [] and results.count and page > results.num_pages:
        results = search(user=request.user, page=results.num_pages, page_size=settings.PAGE_SIZE, **arguments)
    return render(
        request,
        "findings/search.html",
        {
            "results": results,
            "arguments": arguments,
            "errors": errors,
            "facet_groups": facet_groups(results, arguments["filters"]),
            "selected": selected_filters(request.GET, results),
            "export_query": request.GET.urlencode(),
            "lesson_choices": Lesson.objects.order_by("statement") if is_curator(request.user) else None,
        },
    )


FACET_TITLES = [
    ("theme", "Theme"),
    ("facet", "Kind of theme"),
    ("agency", "Agency"),
    ("nation", "Nation"),
    ("region", "English region"),
    ("review_type", "Type of review"),
    ("age_band", "Age of the child"),
    ("outcome", "Outcome"),
]


def facet_groups(results, filters):
    return [
        {"name": name, "title": title, "options": results.facets.get(name, []), "open": bool(filters.get(name))}
        for name, title in FACET_TITLES
    ]


def selected_filters(query, results):
    """Each active filter value with a link that removes just it."""
    labels = {name: {o.value: o.label for o in options} for name, options in results.facets.items()}
    chosen = []
    for name, title in [*FACET_TITLES, ("year_from", "From"), ("year_to", "To")]:
        for value in query.getlist(name):
            if not value:
                continue
            rest = query.copy()
            rest.setlist(name, [v for v in query.getlist(name) if v != value])
            rest.pop("page", None)
            label = labels.get(name, {}).get(value, value)
            chosen.append({"title": title, "label": label, "remove": "?" + rest.urlencode()})
    return chosen
