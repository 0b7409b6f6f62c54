"""The monthly national digest: what was published in a calendar month, for those who ask for it.

- reviews published that month, by nation;
- findings of those reviews by theme, and the themes that rose most: a theme's share of the findings published in
  the last three months (the month and the two before it) against its share of those published in the twelve months
  before that, among themes with at least RISING_LEAST findings in the last three months;
- recurring lessons published or updated that month;
- recommendations made that month (of the reviews published that month) and completed that month (the last of their
  actions completed in it).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time

from django.db.models import Count, Max, Q
from django.utils import timezone

from findings.models import Action, Finding, Lesson, Recommendation, Theme
from reviews.models import Review
from vocabulary import Nation

PUBLIC = None
RISING_LEAST = 5  # findings in the last three months, for a theme to count as rising
RISING_MOST = 3


def month_start(year, month):
    return timezone.make_aware(datetime.combine(datetime(year, month, 1).date(), time.min))


def add_months(start, months):
    index = start.year * 12 + start.month - 1 + months
    return month_start(index // 12, index % 12 + 1)


@dataclass
class Digest:
    start: object  # the month's first moment
    reviews: list = field(default_factory=list)
    by_nation: list = field(default_factory=list)  # [(nation name, count)]
    by_theme: list = field(default_factory=list)  # [(theme, count)], most first
    rising: list = field(default_factory=list)  # [(theme, share now %, share before %)]
    lessons_new: list = field(default_factory=list)
    lessons_updated: list = field(default_factory=list)
    recommendations_made: int = 0
    recommendations_completed: int = 0

    @property
    def key(self):
        return f"digest:{self.start:%Y-%m}"

    @property
    def title(self):
        return f"Case reviews published in {self.start:%B %Y}"

    @property
    def empty(self):
        return not (self.reviews or self.lessons_new or self.lessons_updated or self.recommendations_completed)


def build(start):
    """The digest of the calendar month that begins at `start`, of published material only."""
    end = add_months(start, 1)
    digest = Digest(start)
    published = Review.objects.visible_to(PUBLIC)
    digest.reviews = list(
        published.filter(status_changed_at__gte=start, status_changed_at__lt=end).defer("full_text").order_by("title")
    )
    nations = dict(Nation.choices)
    counted = Counter(review.nation for review in digest.reviews)
    digest.by_nation = sorted(((nations.get(n, n), c) for n, c in counted.items()), key=lambda row: (-row[1], row[0]))
    findings = Finding.objects.visible_to(PUBLIC)
    themes = {theme.pk: theme for theme in Theme.objects.all()}
    month = _by_theme(findings, start, end)
    digest.by_theme = sorted(((themes[pk], n) for pk, n in month.items()), key=lambda row: (-row[1], row[0].name))
    recent, recent_total = _by_theme(findings, add_months(start, -2), end), _total(findings, add_months(start, -2), end)
    before_total = _total(findings, add_months(start, -14), add_months(start, -2))
    before = _by_theme(findings, add_months(start, -14), add_months(start, -2))
    rising = []
    for pk, n in recent.items():
        if n < RISING_LEAST or not recent_total:
            continue
        now_share = 100 * n / recent_total
        then_share = 100 * before.get(pk, 0) / before_total if before_total else 0.0
        if now_share > then_share:
            rising.append((themes[pk], round(now_share, 1), round(then_share, 1)))
    digest.rising = sorted(rising, key=lambda row: (-(row[1] - row[2]), row[0].name))[:RISING_MOST]
    lessons = Lesson.objects.visible_to(PUBLIC)
    digest.lessons_new = list(lessons.filter(published_at__gte=start, published_at__lt=end).order_by("statement"))
    digest.lessons_updated = list(
        lessons.filter(updated_at__gte=start, updated_at__lt=end)
        .exclude(published_at__gte=start, published_at__lt=end)
        .order_by("statement")
    )
    recommendations = Recommendation.objects.visible_to(PUBLIC)
    digest.recommendations_made = recommendations.filter(review__in=digest.reviews).count()
    done = recommendations.annotate(
        actions_total=Count("actions"),
        actions_open=Count("actions", filter=~Q(actions__status=Action.Status.COMPLETED)),
        last_completed=Max("actions__completed_at"),
    ).filter(actions_total__gt=0, actions_open=0, last_completed__gte=start.date(), last_completed__lt=end.date())
    digest.recommendations_completed = done.count()
    return digest


def _published_between(findings, start, end):
    return findings.filter(review__status_changed_at__gte=start, review__status_changed_at__lt=end)


def _by_theme(findings, start, end):
    rows = _published_between(findings, start, end).values("themes").annotate(n=Count("pk", distinct=True))
    return {row["themes"]: row["n"] for row in rows if row["themes"] is not None}


def _total(findings, start, end):
    return _published_between(findings, start, end).count()
