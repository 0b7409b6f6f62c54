"""Recurring lessons: the curators' pages to write, publish and link findings to them (the public pages are
findings.views.lessons)."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.roles import curator_required
from curation.lesson_forms import LessonForm, LinkFindingForm
from findings.models import Lesson


@curator_required
def lesson_manage(request):
    lessons = Lesson.objects.with_review_counts(request.user).annotate(finding_count=Count("links"))
    return render(
        request, "curation/lessons/manage.html", {"lessons": lessons, "crumbs": [("Lessons", reverse("lesson-index"))]}
    )


def _crumbs():
    return [("Lessons", reverse("lesson-index")), ("Manage lessons", reverse("lesson-manage"))]


@curator_required
def lesson_new(request):
    form = LessonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        lesson = form.save()
        messages.success(request, "The lesson was added as a draft. Link findings to it from the search results.")
        return redirect("lesson-edit", slug=lesson.slug)
    return render(request, "curation/lessons/form.html", {"form": form, "crumbs": _crumbs()})


@curator_required
def lesson_edit(request, slug):
    lesson = get_object_or_404(Lesson, slug=slug)
    form = LessonForm(request.POST or None, instance=lesson)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The lesson was saved.")
        return redirect("lesson-edit", slug=lesson.slug)
    context = {"form": form, "lesson": lesson, "findings": lesson.visible_findings(request.user), "crumbs": _crumbs()}
    return render(request, "curation/lessons/form.html", context)


@curator_required
@require_POST
def lesson_publish(request, slug, publish):
    lesson = get_object_or_404(Lesson, slug=slug)
    if publish:
        lesson.publish()
        messages.success(request, "The lesson was published: everyone can see it.")
    else:
        lesson.unpublish()
        messages.success(request, "The lesson was unpublished: only curators can see it.")
    return redirect("lesson-edit", slug=lesson.slug)


@curator_required
@require_POST
def lesson_unlink(request, slug, finding_id):
    lesson = get_object_or_404(Lesson, slug=slug)
    link = get_object_or_404(lesson.links.select_related("finding"), finding_id=finding_id)
    lesson.unlink(link.finding)
    messages.success(request, f"“{link.finding.title}” is no longer linked to the lesson.")
    return redirect("lesson-edit", slug=lesson.slug)


@curator_required
@require_POST
def lesson_link(request):
    """Link a finding to a lesson from the search results, then go back to the same results."""
    form = LinkFindingForm(request.POST)
    if form.is_valid():
        lesson, finding = form.cleaned_data["lesson"], form.cleaned_data["finding"]
        already = lesson.links.filter(finding=finding).exists()
        lesson.link(finding, by=request.user)
        state = "was already" if already else "is now"
        messages.success(request, f"“{finding.title}” {state} linked to the lesson “{lesson.statement}”.")
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    back = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return redirect(back if safe else reverse("search"))
