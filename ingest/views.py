"""The author's side of a review: upload, processing progress, anonymisation flags, submission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import author_partnership_ids, can_upload
from findings.forms import FindingForm, MergeForm, SplitForm
from findings.models import Action, Finding, ThemeSuggestion
from ingest.documents import DocumentRejected
from ingest.forms import FlagResolutionForm, NewReviewForm, NewVersionForm, ReviewDetailsForm, SubmissionForm
from ingest.processing import enqueue
from reviews.models import AnonymisationFlag, IllegalTransition, Review


def _editable_review(request, slug):
    """The review if the user may work on it; anything else is a 404."""
    return get_object_or_404(Review.objects.editable_by(request.user).select_related("partnership"), slug=slug)


@login_required
def my_reviews(request):
    """The reviews of the user's partnerships, with where each stands and what to do next."""
    if not can_upload(request.user):
        raise Http404
    reviews = (
        Review.objects.filter(partnership_id__in=author_partnership_ids(request.user))
        .select_related("partnership")
        .order_by("-status_changed_at")
    )
    rows = [{"review": review, "step": review.author_step(), "open": review.open_flags().count()} for review in reviews]
    overdue = (
        Action.objects.overdue()
        .filter(recommendation__review__partnership_id__in=author_partnership_ids(request.user))
        .select_related("recommendation__review", "owner")
        .order_by("due", "pk")
    )
    return render(request, "reviews/my_reviews.html", {"rows": rows, "overdue": overdue})


@login_required
def new_review(request):
    if not can_upload(request.user):
        raise Http404
    form = NewReviewForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            review = form.save()
        except DocumentRejected:  # said on the form
            pass
        else:
            messages.success(request, f"“{review.title}” was uploaded. It is being checked now.")
            return redirect("review-document", slug=review.slug)
    return render(request, "reviews/upload_new.html", {"form": form})


@login_required
def document(request, slug):
    return _document_page(request, _editable_review(request, slug))


def _document_page(request, review, flag_error=None):
    """The author's page for a review's document; flag_error ({"flag", "message", "value"}) when a flag's
    resolution was refused, shown in the error summary and beside the flag (the page is then titled "Error: ...")."""
    current = review.latest_document()
    context = {
        "review": review,
        "document": current,
        "versions": review.documents.order_by("-version"),
        "flag_error": flag_error,
    }
    if current is not None:
        flags = list(current.flags.select_related("resolved_by"))
        context |= {
            "steps": current.steps.all(),
            "flags": flags,
            "open_flags": sum(flag.is_open for flag in flags),
            "blocking_flags": sum(flag.is_open and flag.severity == flag.Severity.BLOCK for flag in flags),
            "findings": current.proposed_findings.order_by("position").prefetch_related(
                Prefetch("suggestions", queryset=ThemeSuggestion.objects.select_related("theme").order_by("-score"))
            ),
            "version_form": NewVersionForm(review=review, user=request.user),
            "recommendations": current.proposed_recommendations.order_by("position").prefetch_related(
                "agencies", "findings", "themes"
            ),
        }
    else:
        context["findings"] = Finding.objects.none()
    context["problems"] = review.submission_problems() if review.status == Review.Status.DRAFT else []
    context["tasks"] = review.author_tasks() if review.status == Review.Status.DRAFT else []
    return render(request, "reviews/document.html", context)


@login_required
def details(request, slug):
    """The review's details, changed by its authors while it is a draft (curators change them in curation)."""
    review = _editable_review(request, slug)
    if review.status != Review.Status.DRAFT:
        status = review.get_status_display().lower()
        messages.error(request, f"“{review.title}” is {status}: only a draft's details are changed here.")
        return redirect("review-document", slug=review.slug)
    form = ReviewDetailsForm(request.POST if request.method == "POST" else None, instance=review)
    back = request.POST.get("back") or request.GET.get("back") or ""  # "check": from check your answers
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"The details of “{review.title}” were saved.")
        return redirect("review-submit" if back == "check" else "review-document", slug=review.slug)
    to = reverse("review-submit" if back == "check" else "review-document", kwargs={"slug": review.slug})
    context = {"review": review, "form": form, "heading": "Change the review's details", "back": to, "came_from": back}
    return render(request, "reviews/details.html", context)


def _still_a_draft(request, review):
    """Whether the review is a draft its authors may change; if not, the refusal is said."""
    if review.status == Review.Status.DRAFT:
        return True
    messages.error(request, f"“{review.title}” is {review.get_status_display().lower()}: the curators edit it now.")
    return False


def _draft_finding(request, slug, pk):
    """A finding of a draft the user may work on, or (review, None) with a message when the review is not a draft."""
    review = _editable_review(request, slug)
    finding = get_object_or_404(Finding, pk=pk, review=review)
    return review, finding if _still_a_draft(request, review) else None


def _finding_page(request, review, finding, form, page, verb):
    """The author's page for one proposed finding (reviews/finding_<page>.html), headed "<verb> finding N"."""
    back = reverse("review-document", kwargs={"slug": review.slug}) + f"#proposed-{finding.pk}"
    heading = f"{verb} finding {finding.position}"
    context = {"review": review, "finding": finding, "form": form, "heading": heading, "back": back}
    return render(request, f"reviews/finding_{page}.html", context)


def _to_findings(review, finding=None):
    anchor = f"#proposed-{finding.pk}" if finding else "#proposed-title"
    return redirect(reverse("review-document", kwargs={"slug": review.slug}) + anchor)


@login_required
def finding_edit(request, slug, pk):
    """An author changes a proposed finding's title, text, questions and notes while the review is a draft."""
    review, finding = _draft_finding(request, slug, pk)
    if finding is None:
        return _to_findings(review)
    form = FindingForm(request.POST if request.method == "POST" else None, instance=finding)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Finding {finding.position}, “{finding.title}”, was saved.")
        return _to_findings(review, finding)
    return _finding_page(request, review, finding, form, "edit", "Change")


@login_required
def finding_delete(request, slug, pk):
    review, finding = _draft_finding(request, slug, pk)
    if finding is None:
        return _to_findings(review)
    if request.method == "POST":
        finding.discard()
        messages.success(request, f"Finding “{finding.title}” was deleted.")
        return _to_findings(review)
    return _finding_page(request, review, finding, None, "delete", "Delete")


@login_required
def finding_split(request, slug, pk):
    """An author splits a proposed finding before one of its sentences."""
    review, finding = _draft_finding(request, slug, pk)
    if finding is None:
        return _to_findings(review)
    form = SplitForm(request.POST if request.method == "POST" else None, finding=finding)
    if request.method == "POST" and form.is_valid():
        new = form.save()
        messages.success(request, f"“{finding.title}” was split: its later sentences are now finding {new.position}.")
        return _to_findings(review, new)
    return _finding_page(request, review, finding, form, "split", "Split")


@login_required
@require_POST
def findings_merge(request, slug):
    """An author merges ticked proposed findings of a draft into the first of them."""
    review = _editable_review(request, slug)
    if not _still_a_draft(request, review):
        return _to_findings(review)
    form = MergeForm(request.POST, review=review)
    if not form.is_valid():
        messages.error(request, f"Nothing was merged: {next(iter(form.errors.values()))[0]}")
        return _to_findings(review)
    first, others = form.save()
    merged = ", ".join(f"“{other.title}”" for other in others)
    messages.success(request, f"{merged} {'was' if len(others) == 1 else 'were'} merged into “{first.title}”.")
    return _to_findings(review, first)


@login_required
@require_POST
def finding_move(request, slug, pk):
    review, finding = _draft_finding(request, slug, pk)
    if finding is None:
        return _to_findings(review)
    up = request.POST.get("direction") == "up"
    if finding.move(up=up):
        messages.success(request, f"“{finding.title}” moved {'up' if up else 'down'} to number {finding.position}.")
    else:
        messages.info(request, f"“{finding.title}” is already the {'first' if up else 'last'} finding.")
    return _to_findings(review, finding)


@login_required
def upload_version(request, slug):
    review = _editable_review(request, slug)
    form = NewVersionForm(request.POST or None, request.FILES or None, review=review, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            document = form.save()
        except DocumentRejected:  # said on the form
            pass
        else:
            messages.success(request, f"Version {document.version} was uploaded. It is being checked now.")
            return redirect("review-document", slug=review.slug)
    return render(request, "reviews/upload_version.html", {"review": review, "form": form})


@login_required
@require_POST
def retry(request, slug):
    review = _editable_review(request, slug)
    current = review.latest_document()
    if current is None or current.is_working:
        messages.info(request, "There is nothing to retry.")
    elif current.state == current.State.REFUSED:
        messages.error(request, f"{current} cannot be used, so retrying would not help: upload a corrected version.")
    else:
        enqueue(current)
        messages.success(request, f"Processing of {current} has been started again.")
    return redirect("review-document", slug=review.slug)


@login_required
@require_POST
def resolve_flag(request, slug, flag_id):
    review = _editable_review(request, slug)
    flag = get_object_or_404(AnonymisationFlag, pk=flag_id, review=review)
    back = redirect(reverse("review-document", kwargs={"slug": slug}) + f"#flag-{flag.pk}")
    try:
        if request.POST.get("action") == "reopen":
            flag.reopen(by=request.user)
            messages.info(request, f"The flag on “{flag.text}” is open again.")
            return back
        form = FlagResolutionForm(request.POST, flag=flag)
        if not form.is_valid():
            error = {"flag": flag.pk, "message": form.errors["reason"][0], "value": form["reason"].value() or ""}
            return _document_page(request, review, flag_error=error)
        flag.mark_not_identifying(form.cleaned_data["reason"], by=request.user)
        messages.success(request, f"“{flag.text}” was marked not identifying.")
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return back


@login_required
def submit(request, slug):
    """Check your answers, with the declaration, then submit. A review that is not a draft goes back to its page
    (posted to, with the workflow's refusal)."""
    review = _editable_review(request, slug)
    draft = review.status == Review.Status.DRAFT
    if request.method != "POST" and not draft:
        return redirect("review-document", slug=review.slug)
    form = SubmissionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and (form.is_valid() or not draft):  # not a draft: the workflow's refusal
        try:
            review.submit(by=request.user, reason="Submitted by the author")
        except IllegalTransition as refused:
            messages.error(request, str(refused))
            return redirect("review-document", slug=review.slug)
        return redirect("review-submitted", slug=review.slug)
    current = review.latest_document()
    context = {
        "review": review,
        "form": form,
        "document": current,
        "problems": review.submission_problems(),
        "findings": review.findings.order_by("position"),
        "decided": current.flags.exclude(resolution=AnonymisationFlag.Resolution.OPEN) if current else [],
        "flags": current.flags.count() if current else 0,
    }
    return render(request, "reviews/submit.html", context)


@login_required
def submitted(request, slug):
    """The confirmation page after submitting: what happens next."""
    review = _editable_review(request, slug)
    if review.status not in (Review.Status.SUBMITTED, Review.Status.IN_CURATION):
        raise Http404
    return render(request, "reviews/submitted.html", {"review": review})
