"""Curators' pages for the theme taxonomy: list, add, change, deactivate or reactivate, merge."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import curator_required
from curation.taxonomy_forms import MergeForm, NewThemeForm, ThemeForm
from findings.models import Facet, Theme


def _crumbs(*extra):
    return [("Themes", reverse("theme-index")), ("Manage themes", reverse("theme-manage")), *extra]


@curator_required
def theme_manage(request):
    themes = Theme.objects.with_counts(request.user)
    facets = [(facet, [t for t in themes if t.facet == facet]) for facet in Facet]
    return render(request, "curation/taxonomy/manage.html", {"facets": facets, "crumbs": _crumbs()[:1]})


@curator_required
def theme_new(request):
    form = NewThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        theme = form.save()
        messages.success(request, f"The theme “{theme.name}” was added.")
        return redirect("theme-manage")
    return render(request, "curation/taxonomy/new.html", {"form": form, "crumbs": _crumbs()})


@curator_required
def theme_edit(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    old_slug = theme.slug
    form = ThemeForm(request.POST or None, theme=theme)
    if request.method == "POST" and form.is_valid():
        theme = form.save()
        moved = f" /themes/{old_slug}/ now redirects to /themes/{theme.slug}/." if theme.slug != old_slug else ""
        messages.success(request, f"The theme “{theme.name}” was saved.{moved}")
        return redirect("theme-manage")
    return render(
        request,
        "curation/taxonomy/edit.html",
        {"theme": theme, "form": form, "redirects": theme.redirects.order_by("old_slug"), "crumbs": _crumbs()},
    )


@curator_required
@require_POST
def theme_set_active(request, slug, active):
    theme = get_object_or_404(Theme, slug=slug)
    theme.active = active
    theme.save(update_fields=["active"])
    if active:
        messages.success(request, f"The theme “{theme.name}” is in use again.")
    else:
        messages.success(request, f"The theme “{theme.name}” was deactivated. Findings keep it as a tag.")
    return redirect("theme-manage")


@curator_required
def theme_merge(request, slug):
    """Choose the theme to merge into (GET), confirm (GET with `into`), merge (POST)."""
    theme = get_object_or_404(Theme, slug=slug)
    data = request.POST if request.method == "POST" else request.GET if "into" in request.GET else None
    form = MergeForm(data, theme=theme)
    crumbs = _crumbs((theme.name, reverse("theme-edit", args=[theme.slug])))
    if not form.is_valid():
        return render(request, "curation/taxonomy/merge.html", {"theme": theme, "form": form, "crumbs": crumbs})
    survivor = form.cleaned_data["into"]
    if request.method == "POST":
        moved = theme.merge_into(survivor)
        messages.success(
            request,
            f"“{theme.name}” was merged into “{survivor.name}”: {moved} finding{'s' * (moved != 1)} moved. "
            f"/themes/{slug}/ now redirects to /themes/{survivor.slug}/.",
        )
        return redirect("theme-manage")
    context = {
        "theme": theme,
        "survivor": survivor,
        "finding_count": theme.findings.count(),
        "review_count": theme.reviews.count(),
        "lesson_count": theme.lessons.count(),
        "crumbs": crumbs,
    }
    return render(request, "curation/taxonomy/merge_confirm.html", context)
