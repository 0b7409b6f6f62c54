"""What a search returns, and the highlighted snippets its rows show."""

import html
import math
from dataclasses import dataclass, field

from django.db.models.expressions import RawSQL

from findings.models import Finding, Recommendation
from reviews.models import Review

HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"


@dataclass
class SearchResults:
    query: str
    level: str
    sort: str
    count: int
    results: list  # Finding, Review or Recommendation objects with .score and .snippet (reviews: .top_findings)
    facets: dict  # name -> [search.facets.FacetOption]
    page: int
    page_size: int
    corrected_from: str = ""  # the query as typed, when results are for a spelling suggestion
    did_you_mean: str = ""  # a spelling suggestion offered beside the results of the query as typed
    themes_named: list = field(default_factory=list)
    offers: list = field(default_factory=list)  # search.understanding.Offer: filters the query names
    # Offers applied instead of a query that found nothing: the results are the rows of such reviews, newest first
    instead: list = field(default_factory=list)
    lessons: list = field(default_factory=list)  # recurring lessons that match the query (first page only)
    facets_approximate: bool = False  # facet counts estimated from a sample (very broad searches)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1


def highlight(headline):
    """Escape a headline from PostgreSQL, then turn its markers into <mark> elements."""
    escaped = html.escape(headline or "")
    return escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")


HEADLINE_OPTIONS = (
    f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=40, MinWords=20, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


# What a result's snippet is made from, by level.
SNIPPET_SOURCES = {
    "findings": (Finding, "text"),
    "reviews": (Review, "summary"),
    "recommendations": (Recommendation, "text"),
}


def add_snippets(rows, level, query_plan):
    model, source = SNIPPET_SOURCES[level]
    for row in rows:
        row.snippet = ""
        row.score = round(getattr(row, "score", 0.0) or 0.0, 4)
    if not rows or query_plan is None:
        for row in rows:
            row.snippet = html.escape(_shorten(getattr(row, source)))
        return
    headlines = dict(
        model.objects.filter(pk__in=[r.pk for r in rows])
        .annotate(
            headline=RawSQL(
                f"ts_headline('english', {model._meta.db_table}.{source}, %s::tsquery, %s)",
                [query_plan.highlight, HEADLINE_OPTIONS],
            )
        )
        .values_list("pk", "headline")
    )
    for row in rows:
        row.snippet = highlight(headlines.get(row.pk, ""))


def _shorten(text, words=40):
    parts = (text or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
