"""The JSON API (read-only, public material only) and the CSV export. Both call findings.search."""

import csv
import uuid

from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from findings.filters import SearchFilterSet
from findings.lessons import with_review_counts
from findings.models import Facet, Lesson, Theme
from findings.openapi import openapi_schema
from findings.search import matching_findings, search
from reviews.models import Review


def _error(status, message, errors=None):
    body = {"error": message}
    if errors:
        body["errors"] = errors
    return JsonResponse(body, status=status)


def review_json(review, request):
    return {
        "id": str(review.public_id),
        "external_id": review.external_id,
        "title": review.title,
        "area": review.area,
        "nation": review.nation,
        "year": review.year,
        "review_type": review.review_type,
        "url": request.build_absolute_uri(review.get_absolute_url()),
    }


def finding_json(finding, request, review=True):
    data = {
        "id": finding.pk,
        "title": finding.title,
        "text": finding.text,
        "recommendation": finding.recommendation,
        "themes": [theme.slug for theme in finding.themes.all()],
        "agencies": [agency.slug for agency in finding.agencies.all()],
        "url": request.build_absolute_uri(finding.get_absolute_url()),
    }
    if review:
        data["review"] = review_json(finding.review, request)
    if hasattr(finding, "snippet"):
        data["snippet"] = finding.snippet
        data["score"] = getattr(finding, "score", 0.0)
    return data


def lesson_json(lesson, request):
    """A recurring lesson in brief; `reviews` needs the review_count annotation (see with_review_counts)."""
    return {
        "id": str(lesson.public_id),
        "statement": lesson.statement,
        "url": request.build_absolute_uri(lesson.get_absolute_url()),
        "themes": [theme.slug for theme in lesson.themes.all()],
        "reviews": lesson.review_count,
    }


def _int_param(request, name, default, low, high):
    raw = request.GET.get(name, "")
    if raw == "":
        return default, None
    try:
        value = int(raw)
    except ValueError:
        return default, f"{name} must be a whole number"
    if not low <= value <= high:
        return default, f"{name} must be between {low} and {high}"
    return value, None


@require_GET
def search_api(request):
    arguments, errors = SearchFilterSet(request.GET).clean_values()
    page, page_error = _int_param(request, "page", 1, 1, 100000)
    page_size, size_error = _int_param(request, "page_size", 20, 1, 100)
    errors.update({name: [message] for name, message in (("page", page_error), ("page_size", size_error)) if message})
    if errors:
        return _error(400, "Some parameters are not valid.", errors)
    results = search(user=request.user, page=page, page_size=page_size, **arguments)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    if results.level == "reviews":
        items = [
            {
                **review_json(review, request),
                "score": review.score,
                "snippet": review.snippet,
                "findings": [finding_json(f, request, review=False) for f in review.top_findings],
            }
            for review in results.results
        ]
    else:
        items = [finding_json(finding, request) for finding in results.results]
    return JsonResponse(
        {
            "query": results.query,
            "corrected_from": results.corrected_from or None,
            "level": results.level,
            "sort": results.sort,
            "count": results.count,
            "next": page_url(results.page + 1) if results.has_next else None,
            "previous": page_url(results.page - 1) if results.has_previous else None,
            "results": items,
            "lessons": [lesson_json(lesson, request) for lesson in results.lessons],
            "facets": {
                name: [{"value": o.value, "label": o.label, "count": o.count} for o in options]
                for name, options in results.facets.items()
            },
            "facets_approximate": results.facets_approximate,
        }
    )


def _by_id_or_slug(queryset, given):
    """The row whose public id (a UUID) or slug is given, among those the queryset holds, or None."""
    try:
        return queryset.get(public_id=uuid.UUID(given))
    except (ValueError, queryset.model.DoesNotExist):
        return queryset.filter(slug=given).first()


@require_GET
def review_api(request, review_id):
    review = _by_id_or_slug(Review.objects.visible_to(request.user).select_related("partnership"), review_id)
    if review is None:
        return _error(404, "No review you may see has this id.")
    findings = review.findings.prefetch_related("themes", "agencies").order_by("position", "id")
    return JsonResponse(
        {
            **review_json(review, request),
            "publication_date": review.publication_date.isoformat() if review.publication_date else None,
            "age_bands": review.age_bands,
            "sex": review.sex,
            "outcome": review.outcome,
            "summary": review.summary,
            "keywords": review.keywords,
            "themes": [theme.slug for theme in review.themes.all()],
            "source_url": review.source_url,
            "findings": [finding_json(f, request, review=False) for f in findings],
        }
    )


@require_GET
def themes_api(request):
    themes = Theme.objects.active().with_counts(request.user)
    return JsonResponse(
        {
            "results": [
                {
                    "slug": theme.slug,
                    "name": theme.name,
                    "facet": theme.facet,
                    "definition": theme.definition,
                    "keywords": theme.keywords,
                    "finding_count": theme.finding_count,
                    "review_count": theme.review_count,
                    "url": request.build_absolute_uri(theme.get_absolute_url()),
                }
                for theme in themes
            ],
            "facets": [{"value": facet.value, "label": facet.label} for facet in Facet],
        }
    )


@require_GET
def lessons_api(request):
    lessons = with_review_counts(Lesson.objects.visible_to(request.user), request.user)
    return JsonResponse(
        {
            "results": [
                {**lesson_json(lesson, request), "summary": lesson.summary}
                for lesson in lessons.order_by("-review_count", "statement")
            ]
        }
    )


@require_GET
def lesson_api(request, lesson_id):
    lesson = _by_id_or_slug(with_review_counts(Lesson.objects.visible_to(request.user), request.user), lesson_id)
    if lesson is None:
        return _error(404, "No lesson you may see has this id.")
    reach = lesson.reach(request.user)
    return JsonResponse(
        {
            **lesson_json(lesson, request),
            "summary": lesson.summary,
            "years": reach["years"],
            "nations": reach["nations"],
            "findings": [finding_json(f, request) for f in lesson.visible_findings(request.user)],
        }
    )


@require_GET
def schema(request):
    return JsonResponse(openapi_schema(request.build_absolute_uri("/")), json_dumps_params={"indent": 2})


@require_GET
def documentation(request):
    return render(request, "findings/api_docs.html", {"schema_url": reverse("api-schema")})


def _cell(value):
    """Text from uploads is untrusted: keep spreadsheet programs from reading a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


CSV_COLUMNS = [
    "finding_id",
    "finding_title",
    "finding_text",
    "recommendation",
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
    """Every finding that matches the search, with its review's metadata and tags, streamed."""
    arguments, errors = SearchFilterSet(request.GET).clean_values()
    if errors:
        problems = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
        return HttpResponseBadRequest(f"Some search parameters are not valid: {problems}", content_type="text/plain")
    findings = matching_findings(
        query=arguments["query"],
        filters=arguments["filters"],
        user=request.user,
        sort=arguments["sort"],
        exact=arguments["exact"],
    )
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for finding in findings:
            review = finding.review
            yield writer.writerow(
                _cell(value)
                for value in [
                    finding.pk,
                    finding.title,
                    finding.text,
                    finding.recommendation,
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
