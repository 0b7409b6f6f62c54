"""The read-only JSON API, served by django-ninja from the schemas in api.schemas: the OpenAPI description at
/api/v1/schema is generated from the same declarations that check every answer. Everything it returns goes
through the visibility rule, as the pages do; search goes through search.engine.search."""

import uuid

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from ninja import NinjaAPI, Query, Status
from ninja.errors import Throttled, ValidationError
from ninja.throttling import BaseThrottle

from accounts.ratelimit import seconds_to_wait
from api import schemas
from findings import vectors
from findings.models import Facet, Finding, Lesson, Recommendation, Theme
from reviews.models import Review
from search.engine import search
from search.filters import FILTERS, SearchForm


class PerAddress(BaseThrottle):
    """The rate limit on anonymous clients (accounts.ratelimit), for every operation of the API."""

    def allow_request(self, request):
        self.seconds = seconds_to_wait(request, "api")
        return not self.seconds

    def wait(self):
        return self.seconds


# What any operation may answer besides its own: too many requests this minute, or no database.
ANY_REQUEST = {429: schemas.Error, 503: schemas.Error}

api = NinjaAPI(
    title="casereviews API",
    version="1.0.0",
    description="Findings and reviews from UK child safeguarding case reviews. Read-only. " + schemas.VISIBILITY,
    openapi_url=None,  # served by `schema` below (with the server's address), generated all the same
    docs_url=None,
    urls_namespace="api",
    throttle=PerAddress(),
)


@api.exception_handler(Throttled)
def too_many_requests(request, exc):
    return api.create_response(
        request, {"error": f"Too many requests from this address: try again in {exc.wait} seconds."}, status=429
    )


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """A parameter that is not valid is a 400 naming it, as every other check of the parameters says."""
    errors = {}
    for error in exc.errors:
        loc = [part for part in error.get("loc", ()) if part not in ("query", "path", "parameters")]
        errors.setdefault(str(loc[0]) if loc else "request", []).append(error["msg"])
    return api.create_response(request, {"error": "Some parameters are not valid.", "errors": errors}, status=400)


def _by_id_or_slug(queryset, given):
    """The row whose public id (a UUID) or slug is given, among those the queryset holds, or None."""
    if "\x00" in given:  # no id or slug holds a NUL (and PostgreSQL refuses one in a string)
        return None
    try:
        return queryset.get(public_id=uuid.UUID(given))
    except (ValueError, queryset.model.DoesNotExist):
        return queryset.filter(slug=given).first()


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
        "label": finding.label or None,
        "title": finding.title,
        "text": finding.text,
        "recommendation": "\n\n".join(r.text for r in finding.recommendations.all()),
        "questions": finding.question_list,
        "notes": finding.note_list,
        "themes": [theme.slug for theme in finding.themes.all()],
        "agencies": [agency.slug for agency in finding.agencies.all()],
        "url": request.build_absolute_uri(finding.get_absolute_url()),
    }
    if review:
        data["review"] = review_json(finding.review, request)
    if hasattr(finding, "snippet"):
        data["snippet"] = finding.snippet
        data["by_meaning"] = getattr(finding, "by_meaning", False)
        data["score"] = getattr(finding, "score", 0.0)
    return data


def recommendation_json(recommendation):
    return {
        "id": recommendation.pk,
        "position": recommendation.position,
        "label": recommendation.label or None,
        "text": recommendation.text,
        "kind": recommendation.kind,
        "addressee": recommendation.addressee,
        "addressed_to": recommendation.addressed_to,
        "agencies": [agency.slug for agency in recommendation.agencies.all()],
        "findings": [finding.pk for finding in recommendation.findings.all()],
        "themes": [theme.slug for theme in recommendation.themes.all()],
    }


def recommendation_with_review_json(recommendation, request):
    return {
        **recommendation_json(recommendation),
        "url": request.build_absolute_uri(recommendation.get_absolute_url()),
        "review": review_json(recommendation.review, request),
    }


def lesson_json(lesson, request):
    """A recurring lesson in brief; `reviews` needs the review_count annotation (Lesson.objects.with_review_counts)."""
    return {
        "id": str(lesson.public_id),
        "statement": lesson.statement,
        "url": request.build_absolute_uri(lesson.get_absolute_url()),
        "themes": [theme.slug for theme in lesson.themes.all()],
        "reviews": lesson.review_count,
    }


@api.get(
    "search",
    url_name="api-search",
    response={200: schemas.SearchPage, 400: schemas.Error, **ANY_REQUEST},
    exclude_unset=True,
    summary="Search findings, reviews or recommendations, with facet counts",
    description="The same search as the search page, with the same parameters. " + schemas.VISIBILITY,
)
def search_api(request, parameters: Query[schemas.SearchParameters]):
    checked = SearchForm(request.GET).parameters()  # what the declared types cannot know: slugs, year order
    if checked.errors:
        return Status(400, {"error": "Some parameters are not valid.", "errors": checked.errors})
    results = search(user=request.user, page=parameters.page, page_size=parameters.page_size, **checked.arguments())

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
                "by_meaning": review.by_meaning,
                "findings": [finding_json(f, request, review=False) for f in review.top_findings],
            }
            for review in results.results
        ]
    elif results.level == "recommendations":
        items = [
            {**recommendation_with_review_json(r, request), "score": r.score, "snippet": r.snippet}
            for r in results.results
        ]
    else:
        items = [finding_json(finding, request) for finding in results.results]
    return {
        "query": results.query,
        "corrected_from": results.corrected_from or None,
        "did_you_mean": results.did_you_mean or None,
        "understood": [{"filter": o.filter, "value": o.value, "label": o.label} for o in results.offers],
        "instead": [{"filter": o.filter, "value": o.value, "label": o.label} for o in results.instead],
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


@api.get(
    "reviews/{id}",
    url_name="api-review",
    response={200: schemas.ReviewDetail, 404: schemas.Error, **ANY_REQUEST},
    exclude_unset=True,
    summary="One review with its findings",
    description="The review whose id (a UUID) or slug is given. " + schemas.VISIBILITY,
)
def review_api(request, id: str):
    review = _by_id_or_slug(Review.objects.visible_to(request.user).select_related("partnership"), id)
    if review is None:
        return Status(404, {"error": "No review you may see has this id."})
    findings = review.findings.prefetch_related("themes", "agencies", "recommendations").order_by("position", "id")
    recommendations = review.recommendations.prefetch_related("agencies", "findings", "themes").order_by("position")
    return {
        **review_json(review, request),
        "publication_date": review.publication_date,
        "age_bands": review.age_bands,
        "sex": review.sex,
        "outcome": review.outcome,
        "summary": review.summary,
        "keywords": review.keywords,
        "themes": [theme.slug for theme in review.themes.all()],
        "source_url": review.source_url,
        "findings": [finding_json(f, request, review=False) for f in findings],
        "recommendations": [recommendation_json(r) for r in recommendations],
    }


@api.get(
    "reviews/{id}/similar",
    url_name="api-review-similar",
    response={200: schemas.SimilarReviews, 404: schemas.Error, **ANY_REQUEST},
    summary="Reviews like this one",
    description="Published reviews whose summaries and findings are closest in meaning to those of the review whose "
    "id (a UUID) or slug is given (which must be one the caller may see). Empty until the review has been embedded.",
)
def similar_reviews_api(request, id: str):
    review = _by_id_or_slug(Review.objects.visible_to(request.user), id)
    if review is None:
        return Status(404, {"error": "No review you may see has this id."})
    return {
        "results": [
            {**review_json(other, request), "similarity": round(other.similarity, 4)}
            for other in vectors.similar_reviews(review)
        ]
    }


@api.get(
    "findings/{id}/similar",
    url_name="api-finding-similar",
    response={200: schemas.SimilarFindings, 404: schemas.Error, **ANY_REQUEST},
    summary="Similar findings in other reviews",
    description="Published findings of other reviews closest in meaning to the finding whose id is given (which "
    "must be one the caller may see). Empty until the finding has been embedded.",
)
def similar_findings_api(request, id: int):
    finding = Finding.objects.visible_to(request.user).filter(pk=id).first() if 0 < id < 2**63 else None
    if finding is None:
        return Status(404, {"error": "No finding you may see has this id."})
    similar = vectors.similar_findings([finding]).get(finding.pk, [])
    return {"results": [{**finding_json(f, request), "similarity": round(f.similarity, 4)} for f in similar]}


@api.get(
    "themes",
    url_name="api-themes",
    response={200: schemas.ThemeList, **ANY_REQUEST},
    summary="The themes with the number of findings and reviews the caller may see for each",
)
def themes_api(request):
    themes = Theme.objects.active().with_counts(request.user)
    return {
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


@api.get(
    "lessons",
    url_name="api-lessons",
    response={200: schemas.LessonList, **ANY_REQUEST},
    summary="The recurring lessons the caller may see, those found by the most reviews first",
)
def lessons_api(request):
    lessons = Lesson.objects.visible_to(request.user).with_review_counts(request.user)
    return {
        "results": [
            {**lesson_json(lesson, request), "summary": lesson.summary}
            for lesson in lessons.order_by("-review_count", "statement")
        ]
    }


@api.get(
    "lessons/{id}",
    url_name="api-lesson",
    response={200: schemas.LessonDetail, 404: schemas.Error, **ANY_REQUEST},
    exclude_unset=True,
    summary="One recurring lesson with the findings the caller may see that found it",
    description="The lesson whose id (a UUID) or slug is given. Drafts are for curators only.",
)
def lesson_api(request, id: str):
    lesson = _by_id_or_slug(Lesson.objects.visible_to(request.user).with_review_counts(request.user), id)
    if lesson is None:
        return Status(404, {"error": "No lesson you may see has this id."})
    reach = lesson.reach(request.user)
    return {
        **lesson_json(lesson, request),
        "summary": lesson.summary,
        "years": reach["years"],
        "nations": reach["nations"],
        "findings": [finding_json(f, request) for f in lesson.visible_findings(request.user)],
    }


@api.get(
    "recommendations",
    url_name="api-recommendations",
    response={200: schemas.RecommendationPage, 400: schemas.Error, **ANY_REQUEST},
    summary="Reviews' recommendations, newest review first, with whom they ask and the findings they follow from",
    description="Filters combine. " + schemas.VISIBILITY,
)
def recommendations_api(request, parameters: Query[schemas.RecommendationParameters]):
    if parameters.year_from and parameters.year_to and parameters.year_from > parameters.year_to:
        return Status(400, {"error": "year_from is after year_to.", "errors": {"year_to": ["Before year_from."]}})
    filters = parameters.model_dump(exclude={"review", "page", "page_size"})
    chosen = Recommendation.objects.visible_to(request.user).matching(**filters)
    if parameters.review:
        chosen = chosen.filter(review=_by_id_or_slug(Review.objects.visible_to(request.user), parameters.review))
    chosen = chosen.select_related("review", "review__partnership").prefetch_related("agencies", "findings", "themes")
    pages = Paginator(chosen, parameters.page_size)
    page = pages.page(min(parameters.page, max(pages.num_pages, 1)))

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": pages.count,
        "page": page.number,
        "pages": pages.num_pages,
        "next": page_url(page.next_page_number()) if page.has_next() else None,
        "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
        "results": [recommendation_with_review_json(r, request) for r in page.object_list],
    }


def openapi_schema(request=None):
    """The OpenAPI description, generated from the declarations above."""
    schema = api.get_openapi_schema(path_prefix="api/v1/")
    if request is not None:
        schema["servers"] = [{"url": request.build_absolute_uri("/").rstrip("/")}]
    return schema


def schema(request):
    return JsonResponse(openapi_schema(request), json_dumps_params={"indent": 2})


def documentation(request):
    return render(
        request,
        "api/docs.html",
        {"schema_url": reverse("api-schema"), "filters": FILTERS, "visibility": schemas.VISIBILITY},
    )
