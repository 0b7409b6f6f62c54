"""The national picture of recommendations: how many were made, accepted and completed, by year, nation, theme,
whom they ask and agency, of what the reader may see."""

from django.shortcuts import render

from agencies.models import Agency
from findings.forms import RecommendationFilters
from findings.models import Recommendation, Theme
from vocabulary import Nation


def recommendation_figures(request):
    form = RecommendationFilters(request.GET or None)
    if form.is_bound and not form.is_valid():  # a reversed year range lists nothing
        return render(request, "findings/recommendation_figures.html", {"form": form}, status=400)
    filters = form.filters() if form.is_bound else {}
    figures = Recommendation.objects.visible_to(request.user).matching(**filters).figures()
    years = figures.of("year")
    known = sorted(year for year in years if year is not None)
    by_year = [(year, *years.get(year, (0, 0, 0))) for year in range(known[0], known[-1] + 1)] if known else []
    context = {
        "form": form,
        "total": figures.total,
        "by_year": by_year,
        "peak": max((made for _, made, _, _ in by_year), default=0),
        "by_nation": _rows(figures.of("nation"), dict(Nation.choices)),
        "by_addressee": _rows(figures.of("addressee"), dict(Recommendation.Addressee.choices)),
        "by_theme": _rows(figures.of("theme"), {theme.pk: theme for theme in Theme.objects.all()}),
        "by_agency": _rows(figures.of("agency"), {agency.pk: agency for agency in Agency.objects.all()}),
    }
    return render(request, "findings/recommendation_figures.html", context)


def _rows(counts, names):
    """[(name or object, made, accepted, completed)], the most made first."""
    rows = [(names[value], *numbers) for value, numbers in counts.items() if value in names]
    return sorted(rows, key=lambda row: (-row[1], str(row[0])))
