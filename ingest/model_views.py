"""The curators' page of the theme suggestion model: the version in use, what it learnt from, and training a new one
(queued for the worker: a request never trains)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from accounts.roles import curator_required
from ingest import training
from ingest.models import ThemeModel


@curator_required
def theme_model(request):
    if request.method == "POST":
        if training.request_training(by=request.user):
            messages.success(request, "A new version will be trained by the background worker shortly.")
        else:
            messages.info(request, "A new version is queued for training already.")
        return redirect("theme-model")
    in_hand, failed = training.training_state()
    context = {
        "model": ThemeModel.objects.defer("payload").select_related("requested_by").first(),
        "training": in_hand,
        "failed": failed,
        "crumbs": [("Themes", reverse("theme-index")), ("Manage themes", reverse("theme-manage"))],
    }
    return render(request, "ingest/theme_model.html", context)
