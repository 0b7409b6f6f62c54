"""History pages (curators only): who changed what, when, for a review and for a lesson."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from findings.audit import history
from findings.models import Finding, Lesson
from reviews.models import Review, is_curator


def _curators_only(request):
    if not is_curator(request.user):
        raise Http404


@login_required
def review_history(request, slug):
    _curators_only(request)
    review = get_object_or_404(Review, slug=slug)
    rows = history(review, list(Finding.objects.filter(review=review)))
    return render(request, "history.html", {"subject": review, "kind": "review", "rows": rows})


@login_required
def lesson_history(request, slug):
    _curators_only(request)
    lesson = get_object_or_404(Lesson, slug=slug)
    return render(request, "history.html", {"subject": lesson, "kind": "lesson", "rows": history(lesson)})
