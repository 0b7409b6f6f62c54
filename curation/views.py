"""The curators' side of reviews: the queue of submitted reviews and the curation screen of one review.

Every action is a plain form POST that redirects back to the screen, to the part it changed, with a message.
Everyone but curators gets a 404.
"""

from itertools import pairwise, zip_longest

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.timesince import timesince
from django.views.decorators.http import require_POST

from accounts.roles import curator_required
from config.forms import posted
from curation.forms import (
    AddThemesForm,
    AgenciesForm,
    LessonLinkForm,
    NewFindingForm,
    PublishForm,
    ReturnForm,
    ReviewDetailsForm,
    WithdrawForm,
    agencies_by_sector,
    themes_by_facet,
)
from curation.queue import backlog_queue, curation_queue
from findings import vectors
from findings.forms import FindingForm, MergeForm, SplitForm
from findings.models import AgencySuggestion, Finding, Lesson, RecommendationThemeSuggestion, Theme, ThemeSuggestion
from reviews.models import IllegalTransition, PublicCopy, Review
from reviews.public_copy import request_public_copy


def _review(slug):
    return get_object_or_404(Review.objects.select_related("partnership", "curator"), slug=slug)


def _finding(review, pk):
    return get_object_or_404(Finding, pk=pk, review=review)


def _name(user):
    return user.get_full_name() or user.get_username()


def _back(review, anchor=""):
    """Back to the curation screen, at the part an action changed."""
    return redirect(reverse("curation-review", args=[review.slug]) + (f"#{anchor}" if anchor else ""))


def _finding_anchor(finding):
    return f"finding-{finding.pk}"


def _first_error(form):
    return next(iter(form.errors.values()))[0]


@curator_required
def queue(request):
    reviews = curation_queue().select_related("partnership", "curator")
    rows = [(review, timesince(review.waiting_since(), depth=1)) for review in reviews]
    backlog = backlog_queue().select_related("partnership")
    return render(request, "curation/queue.html", {"rows": rows, "backlog": backlog})


@curator_required
@require_POST
def take(request, slug):
    review = _review(slug)
    try:
        previous = review.take_for_curation(request.user)
    except IllegalTransition as refused:
        messages.error(request, str(refused))
        return redirect("curation-queue")
    if previous:
        messages.success(request, f"You have taken “{review.title}” from {_name(previous)}.")
    else:
        messages.success(request, f"You are now curating “{review.title}”.")
    return _back(review)


def _screen(request, review, *, publish_problems=()):
    suggestions = ThemeSuggestion.objects.filter(decision=ThemeSuggestion.Decision.PENDING).select_related("theme")
    named = AgencySuggestion.objects.filter(decision=AgencySuggestion.Decision.PENDING).select_related("agency")
    findings = list(
        review.findings.order_by("position", "id").prefetch_related(
            "themes",
            "agencies",
            "lessons",
            "recommendations",
            Prefetch("suggestions", queryset=suggestions, to_attr="pending"),
            Prefetch("agency_suggestions", queryset=named, to_attr="pending_agencies"),
        )
    )
    resembling = vectors.resembling_lessons(findings)
    for finding in findings:
        finding.resembling = resembling.get(finding.pk, [])
    suggested = RecommendationThemeSuggestion.objects.pending().select_related("theme")
    recommendations = list(
        review.recommendations.prefetch_related(
            "agencies", "findings", "themes", "actions", Prefetch("suggestions", queryset=suggested, to_attr="pending")
        ).order_by("position", "id")
    )
    for recommendation, following in pairwise(recommendations):
        recommendation.next_pk = following.pk  # "Merge with the next"
    for recommendation in recommendations:
        recommendation.likely = recommendation.likely_findings()
    context = {
        "review": review,
        "crumbs": [("Curation", reverse("curation-queue"))],
        "rows": list(zip_longest(findings, findings[1:])),  # each finding with the next one
        "findings": findings,
        "flags": review.open_flags(),
        "pending_themes": sum(len(row.pending) for row in [*findings, *recommendations]),
        "problems": review.publication_problems() if review.status == Review.Status.IN_CURATION else [],
        "publish_problems": publish_problems,
        "lessons": Lesson.objects.all(),
        "recommendations": recommendations,
        "return_form": ReturnForm(),
        "withdraw_form": WithdrawForm(),
    }
    return render(request, "curation/review.html", context)


@curator_required
def screen(request, slug):
    return _screen(request, _review(slug))


def _form_page(request, review, form, heading, button, template="curation/_form_page.html", **context):
    """A page of its own for a form of the screen, shown again with its errors until it is valid."""
    return render(request, template, {"review": review, "form": form, "heading": heading, "button": button, **context})


@curator_required
def details(request, slug):
    review = _review(slug)
    form = ReviewDetailsForm(posted(request), instance=_review(slug))  # the page shows the review as it is saved
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"The details of “{review.title}” were saved.")
        return _back(review, "details")
    return _form_page(request, review, form, "Change the details", "Save the details", back="details")


@curator_required
def finding_add(request, slug):
    review = _review(slug)
    form = NewFindingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        finding = form.save(review)
        messages.success(request, f"“{finding.title}” was added as finding {finding.position}.")
        return _back(review, _finding_anchor(finding))
    return _form_page(
        request,
        review,
        form,
        "Add a finding",
        "Add the finding",
        "curation/finding_add.html",
        document=review.latest_document(),
    )


@curator_required
def finding_edit(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    form = FindingForm(posted(request), instance=finding)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Finding {finding.position}, “{finding.title}”, was saved.")
        return _back(review, _finding_anchor(finding))
    heading = f"Change finding {finding.position}"
    return _form_page(request, review, form, heading, "Save the finding", back=_finding_anchor(finding))


@curator_required
def finding_split(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    form = SplitForm(posted(request), finding=finding)
    if request.method == "POST" and form.is_valid():
        new = form.save()
        messages.success(
            request, f"“{finding.title}” was split: its later sentences are now finding {new.position}, “{new.title}”."
        )
        return _back(review, _finding_anchor(new))
    heading = f"Split finding {finding.position}"
    return _form_page(
        request,
        review,
        form,
        heading,
        "Split the finding",
        "curation/finding_split.html",
        finding=finding,
        back=_finding_anchor(finding),
    )


@curator_required
def finding_delete(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    if request.method == "POST":
        finding.discard()
        messages.success(request, f"Finding “{finding.title}” was deleted.")
        return _back(review, "findings")
    back = reverse("curation-review", args=[review.slug]) + f"#{_finding_anchor(finding)}"
    return render(request, "curation/finding_delete.html", {"review": review, "finding": finding, "back": back})


@curator_required
@require_POST
def finding_move(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    if request.POST.get("direction") not in ("up", "down"):
        raise BadRequest("The direction is up or down.")
    up = request.POST["direction"] == "up"
    if finding.move(up=up):
        messages.success(request, f"“{finding.title}” moved {'up' if up else 'down'} to number {finding.position}.")
    else:
        messages.info(request, f"“{finding.title}” is already the {'first' if up else 'last'} finding.")
    return _back(review, _finding_anchor(finding))


@curator_required
@require_POST
def merge(request, slug):
    review = _review(slug)
    form = MergeForm(request.POST, review=review)
    if not form.is_valid():
        messages.error(request, f"Nothing was merged: {_first_error(form)}")
        return _back(review, "merge")
    first, others = form.save()
    merged = ", ".join(f"“{other.title}”" for other in others)
    messages.success(request, f"{merged} {'was' if len(others) == 1 else 'were'} merged into “{first.title}”.")
    return _back(review, _finding_anchor(first))


@curator_required
@require_POST
def suggestion(request, slug, pk, model):
    """Accept or reject a suggested theme or agency (model: ThemeSuggestion or AgencySuggestion) in one click."""
    review = _review(slug)
    suggested = get_object_or_404(model.objects.select_related(model.TAG), pk=pk, finding__review=review)
    finding = suggested.finding
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject"):
        raise BadRequest("The decision is to accept or reject.")
    if decision == "accept":
        suggested.accept(by=request.user)
        messages.success(request, f"“{suggested.tag}” was added to “{finding.title}”.")
    else:
        suggested.reject(by=request.user)
        messages.success(request, f"The suggestion of “{suggested.tag}” for “{finding.title}” was rejected.")
    return _back(review, _finding_anchor(finding))


@curator_required
@require_POST
def suggestions_decide(request, slug, pk):
    """Accept or reject the suggested themes ticked for one finding, in one step."""
    review = _review(slug)
    finding = _finding(review, pk)
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject"):
        raise BadRequest("The decision is to accept or reject.")
    chosen = ThemeSuggestion.objects.filter(finding=finding, pk__in=request.POST.getlist("suggestion"))
    if not chosen.pending().exists():
        messages.error(request, f"Select the suggested themes to {decision} for “{finding.title}”.")
        return _back(review, _finding_anchor(finding))
    names = ", ".join(f"“{s.theme}”" for s in chosen.pending().select_related("theme").order_by("theme__name"))
    chosen.decide_all(accept=decision == "accept", by=request.user)
    done = "added to" if decision == "accept" else "rejected for"
    messages.success(request, f"{names} {'were' if ', ' in names else 'was'} {done} “{finding.title}”.")
    return _back(review, _finding_anchor(finding))


@curator_required
@require_POST
def suggestions_accept_all(request, slug):
    """Accept every theme suggested for the review's findings and recommendations in one step (a curator checks them
    first)."""
    review = _review(slug)
    accepted = ThemeSuggestion.objects.filter(finding__review=review).accept_all(by=request.user)
    accepted += RecommendationThemeSuggestion.objects.filter(recommendation__review=review).accept_all(by=request.user)
    messages.success(request, f"{accepted} suggested theme{'s were' if accepted != 1 else ' was'} accepted.")
    return _back(review, "findings")


@curator_required
def themes_add(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    form = AddThemesForm(posted(request))
    if request.method == "POST" and form.is_valid():
        finding.add_themes(form.cleaned_data["themes"], by=request.user)
        names = ", ".join(f"“{theme}”" for theme in form.cleaned_data["themes"])
        messages.success(request, f"{names} added to “{finding.title}”.")
        return _back(review, _finding_anchor(finding))
    return _form_page(
        request,
        review,
        form,
        f"Add themes to finding {finding.position}",
        "Add the themes",
        "curation/finding_themes.html",
        finding=finding,
        groups=themes_by_facet(leaving_out=finding.themes.all()),
        chosen=set(),
        back=_finding_anchor(finding),
    )


@curator_required
@require_POST
def theme_remove(request, slug, pk, theme_id):
    review = _review(slug)
    finding = _finding(review, pk)
    theme = get_object_or_404(Theme, pk=theme_id)
    finding.remove_theme(theme, by=request.user)
    messages.success(request, f"“{theme}” was removed from “{finding.title}”.")
    return _back(review, _finding_anchor(finding))


@curator_required
def agencies(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    form = AgenciesForm(posted(request), instance=finding)
    if request.method == "POST" and form.is_valid():
        form.save(by=request.user)
        messages.success(request, f"The agencies of “{finding.title}” were saved.")
        return _back(review, _finding_anchor(finding))
    return _form_page(
        request,
        review,
        form,
        f"Agencies of finding {finding.position}",
        "Save the agencies",
        "curation/finding_agencies.html",
        finding=finding,
        groups=agencies_by_sector(),
        chosen={str(value) for value in form["agencies"].value()},
        back=_finding_anchor(finding),
    )


@curator_required
@require_POST
def lesson_link(request, slug, pk):
    review = _review(slug)
    finding = _finding(review, pk)
    form = LessonLinkForm(request.POST)
    if form.is_valid():
        form.cleaned_data["lesson"].link(finding, by=request.user)
        messages.success(request, f"“{finding.title}” was linked to the lesson “{form.cleaned_data['lesson']}”.")
    else:
        messages.error(request, f"“{finding.title}” was not linked: {_first_error(form)}")
    return _back(review, _finding_anchor(finding))


@curator_required
@require_POST
def lesson_unlink(request, slug, pk, lesson_id):
    review = _review(slug)
    finding = _finding(review, pk)
    lesson = get_object_or_404(Lesson, pk=lesson_id)
    lesson.unlink(finding)
    messages.success(request, f"“{finding.title}” is no longer linked to the lesson “{lesson}”.")
    return _back(review, _finding_anchor(finding))


@curator_required
def return_to_author(request, slug):
    review = _review(slug)
    form = ReturnForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            review.return_to_author(by=request.user, reason=form.cleaned_data["comments"])
        except IllegalTransition as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"“{review.title}” was returned to its author with your comments.")
        return _back(review, "workflow")
    return _form_page(
        request, review, form, "Return to the author", "Return to the author", "curation/return.html", back="workflow"
    )


@curator_required
def withdraw(request, slug):
    review = _review(slug)
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            review.withdraw(form.cleaned_data["reason"], by=request.user)
        except IllegalTransition as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"“{review.title}” was withdrawn. It is no longer public.")
        return _back(review, "workflow")
    return _form_page(
        request,
        review,
        form,
        "Withdraw the review",
        "Withdraw the review",
        "curation/withdraw.html",
        back="workflow",
        warning=True,
    )


@curator_required
def publish(request, slug):
    """Check what the public will see, then publish (posted), saying whether readers may download the public copy;
    a review not in curation goes back to the screen."""
    review = _review(slug)
    if request.method != "POST" and review.status != Review.Status.IN_CURATION:
        return _back(review, "workflow")
    document = review.latest_document()
    copy = PublicCopy.objects.filter(review=review, document=document).first() if document else None
    ready = copy is not None and copy.state == PublicCopy.State.READY
    unconfirmed = bool(document and document.names_recommendations and not review.recommendations.exists())
    form = PublishForm(posted(request), copy_ready=ready, confirm_no_recommendations=unconfirmed)
    # A review not in curation gets the workflow's refusal, whatever was answered.
    if request.method == "POST" and (form.is_valid() or review.status != Review.Status.IN_CURATION):
        try:
            with transaction.atomic():
                review.publish(by=request.user)
                if form.offers_copy:
                    copy.approve(by=request.user)
        except IllegalTransition as refused:
            problems = review.publication_problems() if review.status == Review.Status.IN_CURATION else []
            return _screen(request, review, publish_problems=problems or [str(refused)])
        messages.success(request, f"“{review.title}” was published.")
        return _back(review, "workflow")
    context = {
        "review": review,
        "findings": review.findings.order_by("position", "id").prefetch_related("themes", "agencies", "lessons"),
        "document": document,
        "copy": copy,
        "form": form,
        "problems": review.publication_problems(),
        "crumbs": [
            ("Curation", reverse("curation-queue")),
            (review.title, reverse("curation-review", args=[slug])),
        ],
    }
    return render(request, "curation/publish.html", context, status=400 if form.errors else 200)


@curator_required
@require_POST
def public_copy(request, slug):
    """Make the public copy of the review's latest document (in the worker), for the curator to check."""
    review = _review(slug)
    document = review.latest_document()
    if document is None or document.state != document.State.DONE:
        messages.error(request, f"“{review.title}” has no checked document to make a public copy from.")
    else:
        request_public_copy(document)
    return redirect(reverse("curation-publish", args=[review.slug]) + "#public-copy")


@curator_required
@require_POST
def restore(request, slug):
    review = _review(slug)
    try:
        review.restore(by=request.user)
    except IllegalTransition as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"“{review.title}” was restored. It is public again.")
    return _back(review, "workflow")
