"""The public pages of recurring lessons."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from accounts.roles import is_curator
from findings.models import Lesson
from vocabulary import Nation


def lesson_index(request):
    lessons = Lesson.objects.filter(status=Lesson.Status.PUBLISHED).with_review_counts(request.user)
    return render(
        request,
        "findings/lessons/index.html",
        {"lessons": lessons.order_by("-review_count", "statement"), "can_manage": is_curator(request.user)},
    )


def lesson_detail(request, slug):
    lesson = get_object_or_404(Lesson.objects.visible_to(request.user).prefetch_related("themes"), slug=slug)
    reach = lesson.reach(request.user)
    nations = dict(Nation.choices)
    context = {
        "lesson": lesson,
        "reach": reach,
        "nations": [nations.get(n, n) for n in reach["nations"]],
        "findings": lesson.visible_findings(request.user),
        "can_manage": is_curator(request.user),
        "crumbs": [("Lessons", reverse("lesson-index"))],
    }
    return render(request, "findings/lessons/detail.html", context)
