"""The curation screen's recommendations: add (from the review's text), change (words, whom it asks, findings,
themes), split, merge, reorder, delete."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import curator_required
from config.forms import posted
from curation.forms import RecommendationForm, RecommendationMergeForm, RecommendationSplitForm, agencies_by_sector
from curation.views import _back, _first_error, _form_page, _review
from findings.models import Recommendation, RecommendationThemeSuggestion


def _recommendation(review, pk):
    return get_object_or_404(Recommendation, pk=pk, review=review)


def _anchor(recommendation):
    return f"recommendation-{recommendation.position}"


def _page(request, review, form, heading, button, back="recommendations", **context):
    chosen = {str(value) for value in form["agencies"].value() or []}
    return _form_page(request, review, form, heading, button, "curation/recommendation_form.html",
                      groups=agencies_by_sector(), chosen=chosen, back=back, **context)  # fmt: skip


@curator_required
def recommendation_add(request, slug):
    review = _review(slug)
    form = RecommendationForm(posted(request), review=review, initial={"addressee": "partnership",
                                                                         "kind": "multi-agency"})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        recommendation = form.save()
        messages.success(request, f"Recommendation {recommendation.position} was added.")
        return _back(review, _anchor(recommendation))
    return _page(request, review, form, "Add a recommendation", "Add the recommendation", from_text=True,
                 document=review.latest_document())  # fmt: skip


@curator_required
def recommendation_edit(request, slug, pk):
    review = _review(slug)
    recommendation = _recommendation(review, pk)
    form = RecommendationForm(posted(request), instance=recommendation, review=review)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Recommendation {recommendation.position} was saved.")
        return _back(review, _anchor(recommendation))
    heading = f"Change recommendation {recommendation.label or recommendation.position}"
    return _page(request, review, form, heading, "Save the recommendation", back=_anchor(recommendation))


@curator_required
def recommendation_delete(request, slug, pk):
    review = _review(slug)
    recommendation = _recommendation(review, pk)
    if request.method == "POST":
        recommendation.discard()
        messages.success(request, f"Recommendation “{recommendation.label or recommendation.text[:60]}” was deleted.")
        return _back(review, "recommendations")
    back = reverse("curation-review", args=[review.slug]) + f"#{_anchor(recommendation)}"
    context = {"review": review, "recommendation": recommendation, "back": back}
    return render(request, "curation/recommendation_delete.html", context)


@curator_required
@require_POST
def recommendation_move(request, slug, pk):
    review = _review(slug)
    recommendation = _recommendation(review, pk)
    if request.POST.get("direction") not in ("up", "down"):
        raise BadRequest("The direction is up or down.")
    up = request.POST["direction"] == "up"
    if recommendation.move(up=up):
        where = f"{'up' if up else 'down'} to number {recommendation.position}"
        messages.success(request, f"The recommendation moved {where}.")
    else:
        messages.info(request, f"The recommendation is already the {'first' if up else 'last'}.")
    return _back(review, _anchor(recommendation))


@curator_required
def recommendation_split(request, slug, pk):
    review = _review(slug)
    recommendation = _recommendation(review, pk)
    form = RecommendationSplitForm(posted(request), row=recommendation)
    if request.method == "POST" and form.is_valid():
        new = form.save()
        messages.success(
            request, f"The {recommendation.name} was split: its later sentences are now recommendation {new.position}."
        )
        return _back(review, _anchor(new))
    heading = f"Split {recommendation.name}"
    return _form_page(request, review, form, heading, "Split the recommendation", "curation/recommendation_split.html",
                      recommendation=recommendation, back=_anchor(recommendation))  # fmt: skip


@curator_required
@require_POST
def recommendation_merge(request, slug):
    review = _review(slug)
    form = RecommendationMergeForm(request.POST, review=review)
    if not form.is_valid():
        messages.error(request, f"Nothing was merged: {_first_error(form)}")
        return _back(review, "recommendations")
    first, names = form.save()
    merged = " and ".join(names).capitalize()
    messages.success(request, f"{merged} {'was' if len(names) == 1 else 'were'} merged into {first.name}.")
    return _back(review, _anchor(first))


@curator_required
@require_POST
def recommendation_suggestion(request, slug, pk):
    """Accept or reject a theme suggested for a recommendation in one click."""
    review = _review(slug)
    suggested = get_object_or_404(
        RecommendationThemeSuggestion.objects.select_related("theme", "recommendation"),
        pk=pk,
        recommendation__review=review,
    )
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject"):
        raise BadRequest("The decision is to accept or reject.")
    name = suggested.recommendation.name
    if decision == "accept":
        suggested.accept(by=request.user)
        messages.success(request, f"“{suggested.theme}” was added to {name}.")
    else:
        suggested.reject(by=request.user)
        messages.success(request, f"The suggestion of “{suggested.theme}” for {name} was rejected.")
    return _back(review, _anchor(suggested.recommendation))


@curator_required
@require_POST
def recommendation_link(request, slug, pk):
    """Link a recommendation to a finding of its review it follows from (a suggestion taken in one click)."""
    review = _review(slug)
    recommendation = _recommendation(review, pk)
    finding = get_object_or_404(review.findings, pk=request.POST.get("finding") or 0)
    recommendation.findings.add(finding)
    messages.success(request, f"{recommendation.name.capitalize()} now follows from finding {finding.position}.")
    return _back(review, _anchor(recommendation))
