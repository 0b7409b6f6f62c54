"""The search form: every parameter of the search page, the API and the CSV export, validated once."""

import django_filters
from django import forms

from agencies.models import Agency
from findings.models import Facet, Finding, Theme
from reviews.vocabulary import AgeBand, Nation, Outcome, Region, ReviewType

LEVEL_CHOICES = [("findings", "Findings"), ("reviews", "Reviews")]
SORT_CHOICES = [("relevance", "Most relevant"), ("newest", "Newest first"), ("oldest", "Oldest first")]
MATCH_CHOICES = [("any", "Any of the chosen themes"), ("all", "All of the chosen themes")]


def _ignore(queryset, name, value):
    """The filters only validate; findings.search applies them (see filter_q)."""
    return queryset


class SearchFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search findings and reviews", method=_ignore)
    level = django_filters.ChoiceFilter(choices=LEVEL_CHOICES, method=_ignore, empty_label=None)
    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, method=_ignore, empty_label=None)
    theme = django_filters.MultipleChoiceFilter(label="Theme", method=_ignore)
    theme_match = django_filters.ChoiceFilter(choices=MATCH_CHOICES, method=_ignore, empty_label=None)
    facet = django_filters.MultipleChoiceFilter(choices=Facet.choices, label="Kind of theme", method=_ignore)
    agency = django_filters.MultipleChoiceFilter(label="Agency", method=_ignore)
    nation = django_filters.MultipleChoiceFilter(choices=Nation.choices, label="Nation", method=_ignore)
    region = django_filters.MultipleChoiceFilter(choices=Region.choices, label="English region", method=_ignore)
    review_type = django_filters.MultipleChoiceFilter(
        choices=ReviewType.choices, label="Type of review", method=_ignore
    )
    year_from = django_filters.NumberFilter(label="From", method=_ignore, min_value=1970, max_value=2100)
    year_to = django_filters.NumberFilter(label="To", method=_ignore, min_value=1970, max_value=2100)
    age_band = django_filters.MultipleChoiceFilter(choices=AgeBand.choices, label="Age of the child", method=_ignore)
    outcome = django_filters.MultipleChoiceFilter(choices=Outcome.choices, label="Outcome", method=_ignore)
    exact = django_filters.BooleanFilter(method=_ignore, widget=forms.HiddenInput)

    class Meta:
        model = Finding
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=Finding.objects.none(), **kwargs)
        self.filters["theme"].extra["choices"] = list(Theme.objects.values_list("slug", "name"))
        self.filters["agency"].extra["choices"] = list(Agency.objects.values_list("slug", "name"))

    def clean_values(self):
        """The valid parameters as search() arguments, and {field: [messages]} for the invalid ones."""
        form = self.form
        form.is_valid()
        data = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
        filters = {
            name: data.get(name)
            for name in (
                "theme",
                "theme_match",
                "facet",
                "agency",
                "nation",
                "region",
                "review_type",
                "year_from",
                "year_to",
                "age_band",
                "outcome",
            )
        }
        for name in ("year_from", "year_to"):
            if filters[name] is not None:
                filters[name] = int(filters[name])
        arguments = {
            "query": (data.get("q") or "").strip(),
            "level": data.get("level") or "findings",
            "sort": data.get("sort") or "relevance",
            "exact": bool(data.get("exact")),
            "filters": filters,
        }
        errors = {name: list(messages) for name, messages in form.errors.items()}
        if filters["year_from"] and filters["year_to"] and filters["year_from"] > filters["year_to"]:
            errors["year_to"] = ["The end year must be the same as or after the start year"]
            filters["year_to"] = None
        return arguments, errors
