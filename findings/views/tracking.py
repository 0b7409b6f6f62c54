"""Tracking a published recommendation: the response to it and the actions taken, recorded by the partnership that
published the review (curators for all, and for national recommendations). Anyone else signed in gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from config.forms import posted
from findings.forms import ActionForm, ResponseForm
from findings.models import Action, Recommendation


def _trackable(request, slug, pk):
    recommendation = get_object_or_404(
        Recommendation.objects.visible_to(request.user).select_related("review", "review__partnership"),
        pk=pk,
        review__slug=slug,
    )
    if not recommendation.is_trackable_by(request.user):
        raise Http404
    return recommendation


def _page(recommendation):
    return reverse("recommendation-track", args=[recommendation.review.slug, recommendation.pk])


@login_required
def track(request, slug, pk):
    """The response to a recommendation, and its actions with links to change them."""
    recommendation = _trackable(request, slug, pk)
    form = ResponseForm(posted(request), instance=recommendation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The response was saved.")
        return redirect(_page(recommendation))
    context = {
        "review": recommendation.review,
        "recommendation": recommendation,
        "form": form,
        "actions": recommendation.actions.select_related("owner"),
        "crumbs": [(recommendation.review.title, recommendation.get_absolute_url())],
    }
    return render(request, "reviews/recommendation_track.html", context, status=400 if form.errors else 200)


@login_required
def action(request, slug, pk, action_id=None):
    """Add an action to a recommendation (no action_id), or change one."""
    recommendation = _trackable(request, slug, pk)
    instance = get_object_or_404(Action, pk=action_id, recommendation=recommendation) if action_id else None
    form = ActionForm(posted(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        form.instance.recommendation = recommendation
        form.save()
        messages.success(request, "The action was saved." if instance else "The action was added.")
        return redirect(_page(recommendation))
    context = {
        "review": recommendation.review,
        "recommendation": recommendation,
        "form": form,
        "heading": "Change the action" if instance else "Add an action",
        "crumbs": [
            (recommendation.review.title, recommendation.get_absolute_url()),
            ("Tracking", _page(recommendation)),
        ],
    }
    return render(request, "reviews/action_form.html", context, status=400 if form.errors else 200)
