"""What the API takes and gives, declared once: django-ninja validates the answers against these and generates
the OpenAPI description from them. The search parameters come from the filter registry (search.filters)."""

from datetime import date
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, create_model

from findings.models import Recommendation as RecommendationModel
from search.filters import FILTERS, LEVEL_CHOICES, MATCH_CHOICES, SORT_CHOICES, YEARS
from vocabulary import Nation, ReviewType

VISIBILITY = (
    "Anyone sees published material; a signed-in author also sees their partnerships' reviews in every status, "
    "and a curator every review."
)


def _empty_is_none(value):
    return None if value == "" else value


def _choices(pairs):
    return Literal[tuple(value for value, _ in pairs)]


def _filter_field(item):
    """A filter of the registry as a query parameter: a list (repeat the parameter) or a year."""
    if item.many:
        values = item.options() if not callable(item.choices) else []
        kind = list[_choices(values)] if values else list[str]
        return kind, Field([], description=f"{item.help} Repeat the parameter for several values.")
    year = Annotated[int | None, BeforeValidator(_empty_is_none)]
    return year, Field(None, ge=YEARS[0], le=YEARS[1], description=item.help)


SearchParameters = create_model(
    "SearchParameters",
    __base__=Schema,
    q=(str, Field("", description='What to search for. Plain phrases work; "quoted phrases", OR and -exclude too.')),
    level=(
        _choices(LEVEL_CHOICES),
        Field(
            "findings",
            description="Findings, reviews with their best findings, or recommendations (which kind and addressee "
            "filter).",
        ),
    ),
    sort=(_choices(SORT_CHOICES), Field("relevance", description="Order of results (relevance needs q).")),
    exact=(bool, Field(False, description="true: search for q as typed, without a spelling suggestion.")),
    theme_match=(
        _choices(MATCH_CHOICES),
        Field("any", description="Whether results carry any or all of the chosen themes."),
    ),
    page=(int, Field(1, ge=1, le=100_000, description="Page number.")),
    page_size=(int, Field(20, ge=1, le=100, description="Results per page.")),
    **{item.name: _filter_field(item) for item in FILTERS},
)


class Error(Schema):
    """A 400 (parameters not valid, each named in `errors`), a 404, a 429 (too many requests this minute from
    one address without signing in: try again when it says), or a 503 (the service cannot reach its database:
    try again in a few minutes)."""

    error: str
    errors: dict[str, list[str]] | None = Field(None, description="For each parameter not valid, what is wrong")


class Review(Schema):
    id: str = Field(description="The review's public id (a UUID)")
    external_id: str | None = Field(description="The identifier of the source record, if imported")
    title: str = Field(description="The pseudonym, e.g. Child J")
    area: str = Field(description="The publishing partnership, or Anonymous")
    nation: Literal[tuple(Nation.values)]
    year: int | None
    review_type: Literal[tuple(ReviewType.values)]
    url: str


class Finding(Schema):
    id: int
    label: str | None = Field(description="The review's own label for the finding, e.g. Finding 3 or Key learning 2")
    title: str
    text: str
    recommendation: str = Field(
        description="The text of the review's recommendations that follow from the finding, a blank line apart "
        "(each is also in the review's recommendations)"
    )
    questions: list[str] = Field(description="Questions the review asks of the partnership about the finding")
    notes: list[str] = Field(description="The review's footnotes the finding cites, each with its number")
    themes: list[str] = Field(description="Theme slugs")
    agencies: list[str] = Field(description="Agency slugs")
    url: str
    review: Review | None = None
    snippet: str | None = Field(None, description="HTML: escaped text with <mark> around matches")
    score: float | None = None
    by_meaning: bool | None = Field(
        None, description="Found by meaning alone (no word of the query): the snippet is its closest sentence"
    )


class SimilarFinding(Finding):
    similarity: float = Field(description="Cosine similarity of the two findings' embeddings (0 to 1)")


class SimilarFindings(Schema):
    results: list[SimilarFinding] = Field(description="Published findings of other reviews, closest first")


class SimilarReview(Review):
    similarity: float = Field(description="Cosine similarity of the two reviews' embeddings (0 to 1)")


class SimilarReviews(Schema):
    results: list[SimilarReview] = Field(description="Published reviews, closest first")


class ReviewResult(Review):
    score: float
    snippet: str = Field(description="HTML: escaped text with <mark> around matches")
    by_meaning: bool = Field(
        description="Found by meaning alone (no word of the query): the snippet is its closest sentence"
    )
    findings: list[Finding] = Field(description="Its best-matching findings")


class Recommendation(Schema):
    """A formal recommendation of a review: what it asks someone to change."""

    id: int
    position: int = Field(description="Its place among the review's recommendations, from 1")
    label: str | None = Field(description="As the report wrote it, e.g. Recommendation 3 or CSC 1")
    text: str
    kind: Literal[tuple(RecommendationModel.Kind.values)]
    addressee: Literal[tuple(RecommendationModel.Addressee.values)]
    addressed_to: str = Field(description="Whom it asks, in words")
    agencies: list[str] = Field(description="Slugs of the agencies it asks")
    findings: list[int] = Field(description="Ids of the review's findings it follows from")
    themes: list[str] = Field(description="Theme slugs")


class RecommendationWithReview(Recommendation):
    url: str = Field(description="The recommendation on its review's page")
    review: Review


class RecommendationResult(RecommendationWithReview):
    score: float
    snippet: str = Field(description="HTML: escaped text with <mark> around matches")


class RecommendationParameters(Schema):
    """Filters of the list of recommendations; all are optional and combine."""

    nation: Literal[tuple(Nation.values)] | None = None
    year_from: int | None = Field(None, ge=1900, le=2100, description="Reviews published in or after this year")
    year_to: int | None = Field(None, ge=1900, le=2100, description="Reviews published in or before this year")
    kind: Literal[tuple(RecommendationModel.Kind.values)] | None = None
    addressee: Literal[tuple(RecommendationModel.Addressee.values)] | None = None
    theme: str | None = Field(
        None, description="A theme's slug: recommendations tagged with it, or following from a finding tagged with it"
    )
    agency: str | None = Field(None, description="An agency's slug: recommendations that ask it")
    review: str | None = Field(None, description="A review's id (a UUID) or slug")
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


class RecommendationPage(Schema):
    count: int = Field(description="How many recommendations match, of those the caller may see")
    page: int
    pages: int
    next: str | None = None
    previous: str | None = None
    results: list[RecommendationWithReview]


class ReviewDetail(Review):
    publication_date: date | None
    age_bands: list[str]
    sex: str
    outcome: str
    summary: str
    keywords: list[str]
    themes: list[str] = Field(description="Theme slugs of the review as a whole")
    source_url: str
    findings: list[Finding]
    recommendations: list[Recommendation]


class Lesson(Schema):
    """A recurring lesson: something several reviews found, stated by the curators."""

    id: str
    statement: str
    url: str
    themes: list[str] = Field(description="Theme slugs")
    reviews: int = Field(description="How many reviews the caller may see found it")


class LessonWithSummary(Lesson):
    summary: str


class LessonDetail(LessonWithSummary):
    years: list[int]
    nations: list[Literal[tuple(Nation.values)]]
    findings: list[Finding]


class FacetOption(Schema):
    value: str | int
    label: str | int
    count: int


class Understood(Schema):
    filter: str = Field(description="The search parameter, e.g. nation, review_type, age_band, agency, year_from")
    value: str = Field(description="Its value, e.g. scotland")
    label: str = Field(description="How to say it, e.g. Scotland")


class SearchPage(Schema):
    query: str = Field(description="The query searched (a spelling suggestion, maybe)")
    corrected_from: str | None = Field(
        description="The query as typed, when it found nothing and the results are for its spelling suggestion"
    )
    did_you_mean: str | None = Field(description="A spelling suggestion, offered beside the results as typed")
    understood: list[Understood] = Field(
        description="Filters the query names (a nation, a type of review, an age, a period, an agency) and that are "
        "not applied yet: results that fit them rank higher; add one as a parameter to keep to it"
    )
    instead: list[Understood] = Field(
        description="When q found nothing but names what reviews it wants (a nation, a type of review...): those "
        "filters, applied instead of q; the results are the rows that fit them, newest first"
    )
    level: str
    sort: str
    count: int
    next: str | None
    previous: str | None
    results: list[Finding] | list[ReviewResult] | list[RecommendationResult] = Field(
        description="Findings, reviews (level=reviews) or recommendations (level=recommendations)"
    )
    lessons: list[Lesson] = Field(description="Recurring lessons that match q (at most 5; first page only)")
    facets: dict[str, list[FacetOption]]
    facets_approximate: bool = Field(
        description="True when very many results match: facet counts are then estimated from a sample"
    )


class Theme(Schema):
    slug: str
    name: str
    facet: str
    definition: str
    keywords: list[str]
    finding_count: int
    review_count: int
    url: str


class FacetKind(Schema):
    value: str
    label: str


class ThemeList(Schema):
    results: list[Theme]
    facets: list[FacetKind]


class LessonList(Schema):
    results: list[LessonWithSummary]
