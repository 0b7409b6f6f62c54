"""History pages (curators only): who changed what, when, for a review and for a lesson, read from the
audit record that database triggers keep (reviews.audit)."""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, render
from pghistory.models import Events

from accounts.roles import curator_required
from agencies.models import Agency
from findings.models import Finding, Lesson, Recommendation, Theme
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
    what: str  # the change in words: "Theme “Neglect” added to finding 3 “Missed health appointments”"
    changes: list  # [(field, before, after, diff)]: diff is [(kind, words)] for a longer text, else None


def _short(value, limit=160):
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


LONG_TEXT = 80  # a text change longer than this is shown as a word diff
CONTEXT_WORDS = 8  # unchanged words kept either side of a change


def word_diff(before, after):
    """[(kind, text)] with kind "same", "del" or "ins": the words removed and added, with a little unchanged
    text around each change ("…" for the rest)."""
    old, new = str(before or "").split(), str(after or "").split()
    out = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            same = old[a1:a2]
            if len(same) > 2 * CONTEXT_WORDS:
                head = same[:CONTEXT_WORDS] if out else []
                tail = same[-CONTEXT_WORDS:] if a2 < len(old) or b2 < len(new) else []
                same = [*head, "…", *tail]
            out.append(("same", " ".join(same)))
            continue
        if a2 > a1:
            out.append(("del", " ".join(old[a1:a2])))
        if b2 > b1:
            out.append(("ins", " ".join(new[b1:b2])))
    return out


def _finding(position, title):
    return f"finding {position} “{_short(title, 80)}”"


def _recommendation(label, text):
    return f"recommendation {label} “{_short(text, 60)}”"


def _ref(data, name):
    """The id a recorded row holds for a foreign key ("theme_id")."""
    return data.get(f"{name}_id", data.get(name))


class _Names:
    """The names of the things events point at, read once for a page."""

    def __init__(self, events):
        def ids(key):
            return {_ref(e.pgh_data or {}, key) for e in events} - {None}

        self.themes = dict(Theme.objects.filter(pk__in=ids("theme")).values_list("pk", "name"))
        self.agencies = dict(Agency.objects.filter(pk__in=ids("agency")).values_list("pk", "name"))
        self.lessons = dict(Lesson.objects.filter(pk__in=ids("lesson")).values_list("pk", "statement"))
        found = Finding.objects.filter(pk__in=ids("finding")).values_list("pk", "position", "title")
        self.findings = {pk: _finding(position, title) for pk, position, title in found}
        asked = Recommendation.objects.filter(pk__in=ids("recommendation"))
        asked = asked.values_list("pk", "label", "position", "text")
        self.recommendations = {pk: _recommendation(label or position, text) for pk, label, position, text in asked}
        # Each finding as it was at each recorded change, oldest first (within one transaction, which has one time,
        # in the order recorded): a link is named as the finding was then.
        self.states = defaultdict(list)
        for event in sorted(events, key=lambda e: (e.pgh_created_at, e.pgh_model, e.pgh_id)):
            data = event.pgh_data or {}
            if event.pgh_model == "findings.FindingEvent":
                described = _finding(data.get("position"), data.get("title"))
                self.states[data.get("id")].append((event.pgh_created_at, described))

    def finding(self, pk, at):
        earlier = [described for when, described in self.states.get(pk, []) if when <= at]
        if earlier:
            return earlier[-1]
        return self.findings.get(pk) or next((d for _, d in self.states.get(pk, [])), "a finding since deleted")


def _choices(event):
    """{field: {value: label}} of the fields of the event's model that have choices ("in_curation" is "In
    curation")."""
    model = apps.get_model(event.pgh_model)
    return {field.name: {str(k): v for k, v in field.flatchoices} for field in model._meta.fields if field.choices}


def _describe(event, names):
    """The change in words."""
    data = event.pgh_data or {}
    model, label = event.pgh_model.split(".")[-1].removesuffix("Event"), event.pgh_label
    added = label in ("add", "insert")
    if model in ("FindingTheme", "FindingAgency"):
        thing = "Theme" if model == "FindingTheme" else "Agency"
        name = names.themes.get(_ref(data, "theme")) if thing == "Theme" else names.agencies.get(_ref(data, "agency"))
        finding = names.finding(_ref(data, "finding"), event.pgh_created_at)
        return f"{thing} “{name or 'since deleted'}” {'added to' if added else 'removed from'} {finding}"
    if model in ("ReviewTheme", "LessonTheme"):
        name = names.themes.get(_ref(data, "theme"), "since deleted")
        return f"Theme “{name}” {'added to' if added else 'removed from'} the {model[:-5].lower()}"
    if model == "LessonFinding":
        lesson = _short(names.lessons.get(_ref(data, "lesson"), "a lesson since deleted"), 80)
        finding = names.finding(_ref(data, "finding"), event.pgh_created_at)
        return f"{finding[0].upper()}{finding[1:]} {'linked to' if added else 'unlinked from'} the lesson “{lesson}”"
    if model in ("RecommendationTheme", "RecommendationAgency"):
        thing = "Theme" if model == "RecommendationTheme" else "Agency"
        name = names.themes.get(_ref(data, "theme")) if thing == "Theme" else names.agencies.get(_ref(data, "agency"))
        recommendation = names.recommendations.get(_ref(data, "recommendation"), "a recommendation since deleted")
        return f"{thing} “{name or 'since deleted'}” {'added to' if added else 'removed from'} {recommendation}"
    if model == "RecommendationFinding":
        finding = names.finding(_ref(data, "finding"), event.pgh_created_at)
        recommendation = names.recommendations.get(_ref(data, "recommendation"), "a recommendation since deleted")
        return f"{recommendation[0].upper()}{recommendation[1:]} {'linked to' if added else 'unlinked from'} {finding}"
    verb = {"insert": "added", "update": "changed", "delete": "deleted"}.get(label, label)
    if model == "Recommendation":
        described = _recommendation(data.get("label") or data.get("position"), data.get("text"))
        return f"{described[0].upper()}{described[1:]} {verb}"
    if model == "Action":
        return f"Action “{_short(data.get('text'), 60)}” {verb}"
    if model == "Finding":
        described = _finding(data.get("position"), data.get("title"))
        return f"{described[0].upper()}{described[1:]} {verb}"
    if model == "Review":
        status = (event.pgh_diff or {}).get("status")
        if label == "update" and status:
            labels = _choices(event).get("status", {})
            return f"Status changed from “{labels.get(status[0], status[0])}” to “{labels.get(status[1], status[1])}”"
        return "Review created" if label == "insert" else f"Review details {verb}"
    return f"{re.sub(r'(?<!^)(?=[A-Z])', ' ', model).capitalize()} {verb}"


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
    people = {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.filter(pk__in=user_ids)
    }
    names = _Names(unique)
    rows = []
    for event in unique:
        context = event.pgh_context or {}
        choices = _choices(event)
        changes = []
        for field, (before, after) in sorted((event.pgh_diff or {}).items()):
            if field in USER_FIELDS:  # a user's id: show the user
                field, before, after = field.removesuffix("_id"), people.get(before, before), people.get(after, after)
            elif field in choices:
                before, after = choices[field].get(str(before), before), choices[field].get(str(after), after)
            if field in HIDDEN_FIELDS:
                continue
            long = len(str(before or "")) > LONG_TEXT or len(str(after or "")) > LONG_TEXT
            diff = word_diff(before, after) if long and isinstance(after or before, str) else None
            changes.append((field.replace("_", " "), _short(before), _short(after), diff))
        who = people.get(context.get("user"), "")
        who = who or ("a command or the system" if not context else "someone signed out")
        rows.append(HistoryRow(at=event.pgh_created_at, who=who, what=_describe(event, names), changes=changes))
    return rows


@curator_required
def review_history(request, slug):
    review = get_object_or_404(Review, slug=slug)
    recommendations = list(Recommendation.objects.filter(review=review))
    rows = history(review, list(Finding.objects.filter(review=review)), recommendations)
    return render(request, "history.html", {"subject": review, "kind": "review", "rows": rows})


@curator_required
def lesson_history(request, slug):
    lesson = get_object_or_404(Lesson, slug=slug)
    return render(request, "history.html", {"subject": lesson, "kind": "lesson", "rows": history(lesson)})
