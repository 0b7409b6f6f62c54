"""The search page and the CSV exports: the search's reads its parameters through search.filters and calls search
(findings, or recommendations at that level); the national recommendations page's takes the filters of the
recommendations API."""

import csv

from django.conf import settings
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.ratelimit import seconds_to_wait, too_many
from accounts.roles import is_curator
from findings.forms import RecommendationFilters
from findings.models import Lesson, Recommendation
from search.engine import matching_rows, search
from search.filters import BY_NAME, FILTERS, SearchForm, facets_of


def search_page(request):
    if wait := seconds_to_wait(request, "search"):
        return too_many(request, wait)
    parameters = SearchForm(request.GET).parameters()
    arguments, errors = parameters.arguments(), parameters.errors
    try:
        page = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page = 1
    results = search(user=request.user, page=page, page_size=settings.PAGE_SIZE, **arguments)
    if results.results == [] and results.count and page > results.num_pages:
        results = search(user=request.user, page=results.num_pages, page_size=settings.PAGE_SIZE, **arguments)
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "arguments": arguments,
            "errors": errors,
            "facet_groups": facet_groups(results, arguments["filters"]),
            "selected": selected_filters(request.GET, results),
            "offers": offered_filters(request.GET, results),
            "instead_link": instead_link(request.GET, results),
            "export_query": request.GET.urlencode(),
            "lesson_choices": Lesson.objects.order_by("statement") if is_curator(request.user) else None,
        },
    )


def facet_groups(results, filters):
    return [
        {"name": f.name, "title": f.label, "options": results.facets.get(f.name, []), "open": bool(filters.get(f.name))}
        for f in facets_of(results.level)
    ]


def selected_filters(query, results):
    """Each active filter value with a link that removes just it."""
    labels = {name: {o.value: o.label for o in options} for name, options in results.facets.items()}
    chosen = []
    for name, title in [(f.name, f.label) for f in FILTERS if results.level in f.levels]:
        for value in query.getlist(name):
            if not value:
                continue
            rest = query.copy()
            rest.setlist(name, [v for v in query.getlist(name) if v != value])
            rest.pop("page", None)
            label = labels.get(name, {}).get(value, value)
            chosen.append({"title": title, "label": label, "remove": "?" + rest.urlencode()})
    return chosen


OFFER_LABELS = {
    "nation": "{}",
    "review_type": "{}",
    "age_band": "age {}",
    "agency": "{}",
    "year_from": "published {}",
    "year_to": "published {}",
}


def offered_filters(query, results):
    """The filters the query names ("Welsh", "SCR", "baby", "since 2018"), each with a link that adds it."""
    return [
        {"label": OFFER_LABELS[offer.filter].format(offer.label), "add": "?" + _adding(query, [offer]).urlencode()}
        for offer in results.offers
    ]


def _adding(query, offers):
    """The query string with the offered filters added, from its first page."""
    chosen = query.copy()
    for offer in offers:
        if BY_NAME[offer.filter].many:
            chosen.appendlist(offer.filter, offer.value)
        else:
            chosen[offer.filter] = offer.value
    chosen.pop("page", None)
    return chosen


def instead_link(query, results):
    """For results shown instead of a query that found nothing: the search with those filters and no query."""
    if not results.instead:
        return ""
    chosen = _adding(query, results.instead)
    chosen.pop("q", None)
    return "?" + chosen.urlencode()


def _cell(value):
    """Text from uploads is untrusted: keep spreadsheet programs from reading a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


CSV_COLUMNS = [
    "finding_id",
    "finding_label",
    "finding_title",
    "finding_text",
    "recommendations",
    "themes",
    "agencies",
    "review_id",
    "external_id",
    "review_title",
    "area",
    "nation",
    "region",
    "review_type",
    "year",
    "age_bands",
    "outcome",
    "review_url",
    "finding_url",
]


@require_GET
def export_csv(request):
    """Every finding (at the recommendations level, every recommendation) that matches the search, with its review's
    metadata and tags, streamed."""
    if wait := seconds_to_wait(request, "export"):
        return too_many(request, wait)
    parameters = SearchForm(request.GET).parameters()
    arguments, errors = parameters.arguments(), parameters.errors
    if errors:
        problems = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
        return HttpResponseBadRequest(f"Some search parameters are not valid: {problems}", content_type="text/plain")
    level = "recommendations" if arguments["level"] == "recommendations" else "findings"
    rows = matching_rows(
        query=arguments["query"],
        filters=arguments["filters"],
        user=request.user,
        level=level,
        sort=arguments["sort"],
        exact=arguments["exact"],
    )
    if level == "recommendations":
        return _recommendations_csv(request, rows)
    return _findings_csv(request, rows)


def _findings_csv(request, findings):
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for finding in findings:
            review = finding.review
            yield writer.writerow(
                _cell(value)
                for value in [
                    finding.pk,
                    finding.label,
                    finding.title,
                    finding.text,
                    "\n\n".join(r.text for r in finding.recommendations.all()),
                    "; ".join(t.name for t in finding.themes.all()),
                    "; ".join(a.name for a in finding.agencies.all()),
                    str(review.public_id),
                    review.external_id or "",
                    review.title,
                    review.area,
                    review.get_nation_display(),
                    review.partnership.get_region_display() if review.partnership_id else "",
                    review.get_review_type_display(),
                    review.year or "",
                    "; ".join(review.age_band_labels),
                    review.get_outcome_display(),
                    request.build_absolute_uri(review.get_absolute_url()),
                    request.build_absolute_uri(finding.get_absolute_url()),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="casereviews-findings-{stamp}.csv"'
    return response


RECOMMENDATION_COLUMNS = [
    "recommendation_id",
    "position",
    "label",
    "text",
    "kind",
    "addressee",
    "addressed_to",
    "agencies",
    "findings",
    "themes",
    "review_id",
    "review_title",
    "area",
    "nation",
    "review_type",
    "year",
    "recommendation_url",
]


@require_GET
def export_recommendations_csv(request):
    """Every recommendation the reader may see that matches the filters, with its review's metadata, streamed."""
    if wait := seconds_to_wait(request, "export"):
        return too_many(request, wait)
    form = RecommendationFilters(request.GET)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in form.errors.items())
        return HttpResponseBadRequest(f"Some filters are not valid: {problems}", content_type="text/plain")
    chosen = Recommendation.objects.visible_to(request.user).matching(**form.filters()).for_display()
    return _recommendations_csv(request, chosen.iterator(chunk_size=500))


def _recommendations_csv(request, recommendations):
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(RECOMMENDATION_COLUMNS)
        for r in recommendations:
            review = r.review
            yield writer.writerow(
                _cell(value)
                for value in [
                    r.pk,
                    r.position,
                    r.label,
                    r.text,
                    r.get_kind_display(),
                    r.get_addressee_display(),
                    r.addressed_to,
                    "; ".join(a.name for a in r.agencies.all()),
                    "; ".join(f"{f.label or f.position}: {f.title}" for f in r.findings.all()),
                    "; ".join(t.name for t in r.themes.all()),
                    str(review.public_id),
                    review.title,
                    review.area,
                    review.get_nation_display(),
                    review.get_review_type_display(),
                    review.year or "",
                    request.build_absolute_uri(r.get_absolute_url()),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="casereviews-recommendations-{stamp}.csv"'
    return response
