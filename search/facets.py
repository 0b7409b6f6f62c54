"""The options of each filter with their counts, as the page and the API show them."""

from dataclasses import dataclass

from findings.models import Theme
from search.filters import facets_of


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def facet_options(counts, filters, level):
    """For each filter of the level, its options with their counts; options with none are left out unless chosen."""
    names = {item.name: dict(item.options()) for item in facets_of(level)}
    names["theme"] = dict(Theme.objects.active().values_list("slug", "name"))  # retired themes are not offered
    facets = {}
    for name, options in names.items():
        chosen = set(filters.get(name) or [])
        found = counts.get(name, {})
        facets[name] = [
            FacetOption(value, label, found.get(value, 0), value in chosen)
            for value, label in options.items()
            if found.get(value, 0) or value in chosen
        ]
    years = counts.get("year", {})
    facets["year"] = [FacetOption(y, y, n, False) for y, n in sorted(years.items(), reverse=True)]
    return facets
