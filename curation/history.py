"""History pages (curators only): who changed what, when, for a review and for a lesson, read from the
audit record that database triggers keep (reviews.audit)."""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, render
from pghistory.models import Events

from accounts.roles import curator_required
from findings.models import Finding, Lesson
from reviews.models import Review

HIDDEN_FIELDS = {
    "id",
    "pgh_id",
    "pgh_obj",
    "pgh_label",
    "pgh_created_at",
    "pgh_context",
    "public_id",
    "status_changed_at",
}
USER_FIELDS = {"curator_id", "created_by_id", "added_by_id", "decided_by_id", "uploaded_by_id", "resolved_by_id"}


@dataclass
class HistoryRow:
    at: object
    who: str
    what: str
    subject: str
    changes: list  # [(field, before, after)]


def _short(value, limit=160):
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _subject(data):
    for field in ("title", "statement", "name", "old_slug"):
        if data.get(field):
            return _short(data[field], 80)
    for field in ("theme", "agency", "finding"):
        if data.get(field):
            return f"{field} {data[field]}"
    return ""


def history(*objects):
    """Every recorded change to the objects and to whatever refers to them (their findings, links),
    newest first, as rows for a history page."""
    events = []
    for obj in objects:
        if isinstance(obj, list | tuple):
            if obj:
                events += list(Events.objects.references(list(obj)))
        else:
            events += list(Events.objects.references(obj))
    seen, unique = set(), []
    for event in sorted(events, key=lambda e: (e.pgh_created_at, e.pgh_slug), reverse=True):
        if event.pgh_slug not in seen:
            seen.add(event.pgh_slug)
            unique.append(event)
    user_ids = {(e.pgh_context or {}).get("user") for e in unique}
    user_ids |= {value for e in unique for f, pair in (e.pgh_diff or {}).items() if f in USER_FIELDS for value in pair}
    user_ids -= {None}
    names = {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.filter(pk__in=user_ids)
    }
    rows = []
    for event in unique:
        context = event.pgh_context or {}
        model = re.sub(r"(?<!^)(?=[A-Z])", " ", event.pgh_model.split(".")[-1].removesuffix("Event")).capitalize()
        changes = []
        for field, (before, after) in sorted((event.pgh_diff or {}).items()):
            if field in USER_FIELDS:  # a user's id: show the user
                field, before, after = field.removesuffix("_id"), names.get(before, before), names.get(after, after)
            if field not in HIDDEN_FIELDS:
                changes.append((field.replace("_", " "), _short(before), _short(after)))
        who = names.get(context.get("user"), "") or ("a command or the system" if not context else "someone signed out")
        rows.append(
            HistoryRow(
                at=event.pgh_created_at,
                who=who,
                what=f"{model} {event.pgh_label}",
                subject=_subject(event.pgh_data or {}),
                changes=changes,
            )
        )
    return rows


@curator_required
def review_history(request, slug):
    review = get_object_or_404(Review, slug=slug)
    rows = history(review, list(Finding.objects.filter(review=review)))
    return render(request, "history.html", {"subject": review, "kind": "review", "rows": rows})


@curator_required
def lesson_history(request, slug):
    lesson = get_object_or_404(Lesson, slug=slug)
    return render(request, "history.html", {"subject": lesson, "kind": "lesson", "rows": history(lesson)})
