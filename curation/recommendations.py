"""The curation screen's recommendations: add, change (words, whom it asks, findings, themes), reorder, delete."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import curator_required
from config.forms import posted
from curation.forms import RecommendationForm, agencies_by_sector
from curation.views import _back, _form_page, _review
from findings.models import Recommendation


def _recommendation(review, pk):
    return get_object_or_404(Recommendation, pk=pk, review=review)


def _anchor(recommendation):
    return f"recommendation-{recommendation.position}"


def _page(request, review, form, heading, button, back="recommendations"):
    chosen = {str(value) for value in form["agencies"].value() or []}
    return _form_page(request, review, form, heading, button, "curation/recommendation_form.html",
                      groups=agencies_by_sector(), chosen=chosen, back=back)  # fmt: skip


@curator_required
def recommendation_add(request, slug):
    review = _review(slug)
    form = RecommendationForm(posted(request), review=review, initial={"addressee": "partnership",
                                                                         "kind": "multi-agency"})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        recommendation = form.save()
        messages.success(request, f"Recommendation {recommendation.position} was added.")
        return _back(review, _anchor(recommendation))
    return _page(request, review, form, "Add a recommendation", "Add the recommendation")


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
