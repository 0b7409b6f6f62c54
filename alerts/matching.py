"""What is new for an alert: the published findings, reviews, recommendations or lessons it follows that were
published after a moment, or (the digest) last month's digest. Each as (key, object): the key names it in the outbox
("finding:12", "digest:2026-11"); a lesson's key holds the time it changed, so an update is news again."""

from django.utils import timezone

from alerts import digest
from alerts.models import Alert
from findings.models import Finding, Lesson, Recommendation
from reviews.models import Review
from search.engine import search
from search.filters import SearchForm

PUBLIC = None  # alerts tell of published material only
MOST = 100  # items of one alert at one time


def key_of(item):
    if isinstance(item, Lesson):
        return f"lesson:{item.pk}:{int(item.updated_at.timestamp())}"
    return f"{type(item).__name__.lower()}:{item.pk}"


def item_of(key):
    """The published item a key names, or None when it is no longer published (or gone). A digest is made again
    from what is published when it is sent."""
    kind, pk, *_ = key.split(":")
    if kind == "digest":
        year, month = (int(part) for part in pk.split("-"))
        made = digest.build(digest.month_start(year, month))
        return None if made.empty else made
    model = {"finding": Finding, "review": Review, "recommendation": Recommendation, "lesson": Lesson}.get(kind)
    if model is None:
        return None
    return model.objects.visible_to(PUBLIC).filter(pk=pk).first()


def new_items(alert, since, now=None):
    """[(key, item)] that the alert follows, published after `since`, newest first; for the digest, the digest of
    the month before `now`'s when there was anything in it."""
    if alert.kind == Alert.Kind.DIGEST:
        now = now or timezone.now()
        last_month = digest.build(digest.add_months(digest.month_start(now.year, now.month), -1))
        return [] if last_month.empty else [(last_month.key, last_month)]
    if alert.kind == Alert.Kind.LESSONS:
        items = Lesson.objects.visible_to(PUBLIC).filter(updated_at__gt=since).order_by("-updated_at")[:MOST]
    elif alert.kind == Alert.Kind.LESSON:  # findings linked to the lesson since, of published reviews
        items = (
            Finding.objects.visible_to(PUBLIC)
            .filter(lesson_links__lesson__slug=alert.parameters, lesson_links__lesson__status=Lesson.Status.PUBLISHED)
            .filter(lesson_links__added_at__gt=since)
            .order_by("-lesson_links__added_at")[:MOST]
        )
    elif alert.kind in (Alert.Kind.THEME, Alert.Kind.AGENCY):
        field = "themes__slug" if alert.kind == Alert.Kind.THEME else "agencies__slug"
        items = (
            Finding.objects.visible_to(PUBLIC)
            .filter(**{field: alert.parameters}, review__status_changed_at__gt=since)
            .order_by("-review__status_changed_at", "position")[:MOST]
        )
    else:
        parameters = SearchForm(alert.query).parameters()
        found = search(user=PUBLIC, page_size=MOST, **{**parameters.arguments(), "sort": "newest"}).results
        items = [item for item in found if published_at(item) > since]
    return [(key_of(item), item) for item in items]


def published_at(item):
    """When a review, or the review of a finding or recommendation, was published."""
    return item.status_changed_at if isinstance(item, Review) else item.review.status_changed_at
