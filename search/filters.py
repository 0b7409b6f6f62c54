"""Every parameter of search in one place.

`FILTERS` is the registry of filters: each says its parameter name, label, help text, choices, which
column of the search entries it reads and how its options are counted. The search form (and so the page,
the CSV export and the API, which all validate through it), the facets and their labels, the page's filter
panel and the API's declared parameters (and so its OpenAPI description) are all built from it.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.cache import cache
from django.db.models import Q

from agencies.models import Agency, Partnership
from findings.models import Facet, Recommendation, Theme
from search.indexing import corpus_version
from vocabulary import AgeBand, Nation, Outcome, Region, ReviewType

LEVEL_CHOICES = [("findings", "Findings"), ("reviews", "Reviews"), ("recommendations", "Recommendations")]
SORT_CHOICES = [("relevance", "Most relevant"), ("newest", "Newest first"), ("oldest", "Oldest first")]
MATCH_CHOICES = [("any", "Any of the chosen themes"), ("all", "All of the chosen themes")]
YEARS = (1970, 2100)


def ids_of(model, **lookup):
    return list(model.objects.filter(**lookup).values_list("pk", flat=True))


def _themes():
    """(slug, name) of every theme, read once per version of the corpus (a theme's change moves it on)."""
    return cache.get_or_set(
        f"theme-choices:{corpus_version()}", lambda: list(Theme.objects.values_list("slug", "name")), timeout=3600
    )


def _partnerships():
    """(slug, name) of every partnership, kept a few minutes (partnerships are added rarely)."""
    read = lambda: list(Partnership.objects.order_by("name").values_list("slug", "name"))  # noqa: E731
    return cache.get_or_set("partnership-choices", read, timeout=300)


def _agencies():
    """(slug, name) of every agency: a list that changes only by migration or in the admin, kept a few minutes."""
    return cache.get_or_set("agency-choices", lambda: list(Agency.objects.values_list("slug", "name")), timeout=300)


@dataclass(frozen=True)
class Filter:
    """One filter of search.

    kind says how it matches and how its options are counted:
    - "choice": the entry's `column` is one of the values; counted by that column;
    - "overlap": the entry's array `column` shares a value; counted by its values;
    - "tags": the entry's id array `column` holds the row of one of the chosen slugs (`model`);
    - "model": the entry's id `column` is the row of one of the chosen slugs (`model`);
    - "theme_kind": the entry carries a theme of one of the chosen kinds;
    - "year_from", "year_to": the year is at least, or at most, the value (one facet: counts by year).

    levels: the levels of search it applies to (a recommendation's kind and addressee only to recommendations);
    at another level its value is ignored and it has no facet.
    """

    name: str
    label: str
    help: str
    kind: str
    column: str = ""
    choices: object = None  # [(value, label)] or a function that reads them (themes, agencies)
    model: object = None  # for "tags": the model whose slugs are the values
    levels: tuple = ("findings", "reviews", "recommendations")

    @property
    def many(self):
        return not self.kind.startswith("year")

    @property
    def facet(self):
        """The name its options are counted under: the year range counts by year."""
        return "year" if self.kind.startswith("year") else self.name

    def options(self):
        return list(self.choices() if callable(self.choices) else self.choices or [])

    def q(self, value, filters):
        """A Q on search entries for this filter's cleaned value."""
        if self.kind == "choice":
            return Q(**{f"{self.column}__in": value})
        if self.kind == "overlap":
            return Q(**{f"{self.column}__overlap": value})
        if self.kind == "tags":
            ids = ids_of(self.model, slug__in=value)
            if self.name == "theme" and filters.get("theme_match") == "all":
                return Q(**{f"{self.column}__contains": ids}) if len(ids) == len(set(value)) else Q(pk__in=[])
            return Q(**{f"{self.column}__overlap": ids})
        if self.kind == "model":
            return Q(**{f"{self.column}__in": ids_of(self.model, slug__in=value)})
        if self.kind == "theme_kind":
            return Q(theme_ids__overlap=ids_of(Theme, facet__in=value))
        return Q(**{f"{self.column}__{'gte' if self.kind == 'year_from' else 'lte'}": value})

    def form_field(self):
        if self.many:
            return forms.MultipleChoiceField(label=self.label, required=False, choices=self.options())
        return forms.DecimalField(label=self.label, required=False, min_value=YEARS[0], max_value=YEARS[1])


# A finding's theme ids are its own themes; a review's, its own and those of its findings; a recommendation's, its
# own and those of the findings it follows from.
FILTERS = [
    Filter("theme", "Theme", "Theme slugs (see /api/v1/themes).", "tags", "theme_ids", _themes, Theme),
    Filter("facet", "Kind of theme", "Kinds of theme: practice or context.", "theme_kind", choices=Facet.choices),
    Filter("agency", "Agency", "Agency slugs: findings that name the agency.", "tags", "agency_ids", _agencies, Agency),
    Filter("nation", "Nation", "Nations of the review.", "choice", "nation", Nation.choices),
    Filter(
        "region", "English region", "English regions of the review's partnership.", "choice", "region", Region.choices
    ),
    Filter("review_type", "Type of review", "Types of review.", "choice", "review_type", ReviewType.choices),
    Filter(
        "partnership",
        "Partnership",
        "Partnership slugs: the partnership that published the review.",
        "model",
        "partnership_id",
        _partnerships,
        Partnership,
    ),
    Filter("year_from", "From", "Published in or after this year.", "year_from", "year"),
    Filter("year_to", "To", "Published in or before this year.", "year_to", "year"),
    Filter("age_band", "Age of the child", "Age bands of the child.", "overlap", "age_bands", AgeBand.choices),
    Filter("outcome", "Outcome", "Outcome for the child.", "choice", "outcome", Outcome.choices),
    Filter(
        "kind",
        "Kind of recommendation",
        "Kinds of recommendation (recommendations only).",
        "choice",
        "kind",
        Recommendation.Kind.choices,
        levels=("recommendations",),
    ),
    Filter(
        "addressee",
        "Addressed to",
        "Whom recommendations ask (recommendations only).",
        "choice",
        "addressee",
        Recommendation.Addressee.choices,
        levels=("recommendations",),
    ),
]
BY_NAME = {f.name: f for f in FILTERS}
# The facets the page shows, in order (the year range is asked for with two boxes, not as a facet).
FACETS = [f for f in FILTERS if f.many]


def facets_of(level):
    """The facets a level of search shows, in order."""
    return [item for item in FACETS if level in item.levels]


def _chosen(filters, level):
    """The filters of the level with a value chosen."""
    return [item for item in FILTERS if level in item.levels and filters.get(item.name) not in (None, "", [])]


def filter_q(filters, level, only=None):
    """A Q on a level's search entries for every active filter (or those of one facet: the year range is one)."""
    q = Q()
    for item in _chosen(filters, level):
        if only in (None, item.facet):
            q &= item.q(filters[item.name], filters)
    return q


def active_facets(filters, level):
    """The facets (filter groups) of the level with a value chosen, sorted."""
    return sorted({item.facet for item in _chosen(filters, level)})


@dataclass
class Parameters:
    """A search's parameters as search() takes them, and {parameter: [messages]} for those not valid."""

    query: str = ""
    level: str = "findings"
    sort: str = "relevance"
    exact: bool = False
    filters: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)

    def arguments(self):
        return {
            "query": self.query,
            "level": self.level,
            "sort": self.sort,
            "exact": self.exact,
            "filters": self.filters,
        }


class SearchForm(forms.Form):
    """Every parameter of the search page, the CSV export and the API, validated once."""

    q = forms.CharField(label="Search findings and reviews", required=False)
    level = forms.ChoiceField(choices=LEVEL_CHOICES, required=False)
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False)
    theme_match = forms.ChoiceField(choices=MATCH_CHOICES, required=False)
    exact = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for item in FILTERS:
            self.fields[item.name] = item.form_field()

    def parameters(self):
        """The valid parameters (an invalid one is left out) and what was wrong with the others."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        filters = {item.name: data.get(item.name) for item in FILTERS}
        filters["theme_match"] = data.get("theme_match")
        for item in FILTERS:
            if not item.many and filters[item.name] is not None:
                filters[item.name] = int(filters[item.name])
        errors = {name: list(messages) for name, messages in self.errors.items()}
        if filters["year_from"] and filters["year_to"] and filters["year_from"] > filters["year_to"]:
            errors["year_to"] = ["The end year must be the same as or after the start year"]
            filters["year_to"] = None
        return Parameters(
            query=(data.get("q") or "").strip(),
            level=data.get("level") or "findings",
            sort=data.get("sort") or "relevance",
            exact=bool(data.get("exact")),
            filters=filters,
            errors=errors,
        )
