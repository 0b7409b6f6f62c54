"""Gathering and sending alerts, run by the worker each minute (alerts.tasks.run_alerts) or by
`manage.py send_alerts`.

1. `queue_due`: each confirmed alert that is due (alerts.models.Alert.is_due) has what was published since it last
   looked put in the outbox, one row per (address, item): an item two alerts of one address find is sent once.
2. `send_pending`: rows waiting are claimed with SELECT ... FOR UPDATE SKIP LOCKED, one address at a time, so two
   workers never send the same row; each item is read again through the visibility rule (a review withdrawn since
   it was queued is dropped, never sent); one e-mail goes to the address with its items, and the rows are marked
   sent once the mail server has accepted it. A failure is recorded and tried again later (1, 2, 4 ... minutes, at
   most a day apart; given up after MAX_ATTEMPTS). A crash between the server's acceptance and the marking leaves
   the rows waiting: that one e-mail may be sent again, once (README).
3. `purge_unconfirmed`: alerts not confirmed within ALERTS_CONFIRM_DAYS, and addresses left without an alert, are
   deleted.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from alerts.matching import item_of, new_items
from alerts.models import Alert, OutboxItem, Subscriber
from findings.models import Lesson, LessonFinding
from reviews.models import Review

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BATCH = 200  # rows claimed at a time


def token(purpose, pk):
    """A signed link's token: what it is for ("confirm", "manage", "unsubscribe") and the row it names."""
    return signing.dumps(pk, salt=f"alerts.{purpose}")


def url(purpose, pk):
    names = {
        "confirm": "alert-confirm",
        "manage": "alert-manage",
        "unsubscribe": "alert-unsubscribe",
        "stop": "alert-stop-all",
    }
    return settings.SITE_URL.rstrip("/") + reverse(names[purpose], args=[token(purpose, pk)])


def latest_publications():
    """When anything an alert could find last appeared: {"reviews": last publication, "lessons": last change of a
    published lesson, "lesson": last link of a finding to one}; a digest always looks (its month decides)."""
    return {
        "reviews": Review.objects.visible_to(None).aggregate(last=Max("status_changed_at"))["last"],
        Alert.Kind.LESSONS: Lesson.objects.visible_to(None).aggregate(last=Max("updated_at"))["last"],
        Alert.Kind.LESSON: LessonFinding.objects.aggregate(last=Max("added_at"))["last"],
        Alert.Kind.DIGEST: timezone.now() + timedelta(days=1),
    }


def queue_due(now=None):
    """Put in the outbox what each due alert found since it last looked. How many rows were added."""
    now = now or timezone.now()
    added = 0
    newest = latest_publications()
    for alert in Alert.objects.confirmed().select_related("subscriber"):
        if not alert.is_due(now):
            continue
        quiet = newest.get(alert.kind, newest["reviews"])
        # (nothing published since it last looked: no search to run; each minute, most alerts are so)
        found = [] if quiet is None or quiet <= alert.checked_until else new_items(alert, alert.checked_until, now)
        rows = [
            OutboxItem(subscriber=alert.subscriber, alert=alert, item_key=key, next_attempt_at=now) for key, _ in found
        ]
        before = alert.subscriber.outbox.count()
        OutboxItem.objects.bulk_create(rows, ignore_conflicts=True)  # (an item another alert of the address found)
        added += alert.subscriber.outbox.count() - before
        alert.checked_until, alert.last_run_at = now, now
        alert.save(update_fields=["checked_until", "last_run_at"])
    return added


@dataclass
class Letter:
    """One e-mail to one address: its items under the alerts that found them."""

    subscriber: Subscriber
    rows: list
    sections: dict = field(default_factory=dict)  # {alert: [item]}

    @property
    def subject(self):
        first = next(iter(self.sections), None)
        if first is not None and first.kind == Alert.Kind.DIGEST:
            return self.sections[first][0].title
        count = sum(len(items) for items in self.sections.values())
        names = ", ".join(alert.label for alert in self.sections)
        return f"{count} new item{'s' if count != 1 else ''} from case reviews: {names}"[:200]


def _letter(rows, dry_run=False):
    """The e-mail for one address's claimed rows; rows whose item is no longer published are marked dropped (left
    as they are, dry_run)."""
    letter = Letter(rows[0].subscriber, [])
    for row in rows:
        item = item_of(row.item_key)
        if item is None:
            if not dry_run:
                row.status = OutboxItem.Status.DROPPED
                row.save(update_fields=["status"])
            continue
        letter.rows.append(row)
        letter.sections.setdefault(row.alert, []).append(item)
    return letter


def _message(letter):
    first_alert = next(iter(letter.sections))
    if first_alert.kind == Alert.Kind.DIGEST:
        return _digest_message(letter, first_alert, letter.sections[first_alert][0])
    one = len(letter.sections) == 1  # one alert's items: stop that one; several: stop them all
    unsubscribe = url("unsubscribe", first_alert.pk) if one else url("stop", letter.subscriber.pk)
    site = settings.SITE_URL.rstrip("/")
    sections = [(alert, items, site + alert.page_url()) for alert, items in letter.sections.items()]
    return _mail(letter, "alerts/email/items", unsubscribe, {"sections": sections})


def _digest_message(letter, alert, made):
    return _mail(letter, "alerts/email/digest", url("unsubscribe", alert.pk), {"digest": made})


def _mail(letter, template, unsubscribe, context):
    """The e-mail to the letter's address, in plain text and HTML (template.txt, template.html), with the links
    every alert e-mail carries: manage, and unsubscribe in one click (RFC 8058 headers)."""
    context = {**context, "site": settings.SITE_URL.rstrip("/"), "manage": url("manage", letter.subscriber.pk),
               "unsubscribe": unsubscribe}  # fmt: skip
    message = EmailMultiAlternatives(
        letter.subject,
        render_to_string(f"{template}.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [letter.subscriber.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def send_pending(now=None, limit=None, dry_run=False):
    """Send what waits in the outbox, one e-mail an address, at most `limit` e-mails (ALERTS_SEND_PER_MINUTE).
    Returns [(subscriber id, subject, item keys)] of what was sent (or, dry_run, would be: nothing is changed)."""
    now = now or timezone.now()
    limit = settings.ALERTS_SEND_PER_MINUTE if limit is None else limit
    done, skipped = [], set()
    while len(done) < limit:
        with transaction.atomic():
            waiting = (
                OutboxItem.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(status=OutboxItem.Status.PENDING, next_attempt_at__lte=now)
                .exclude(subscriber_id__in=skipped)
                .select_related("alert", "subscriber")
                .order_by("subscriber_id", "id")[:BATCH]
            )
            rows = list(waiting)
            if not rows:
                break
            rows = [row for row in rows if row.subscriber_id == rows[0].subscriber_id]
            digests = [row for row in rows if row.item_key.startswith("digest:")]
            rows = digests[:1] or rows  # a digest goes in an e-mail of its own
            letter = _letter(rows, dry_run)
            if dry_run:
                skipped.add(letter.subscriber.pk)
                if letter.rows:
                    done.append((letter.subscriber.pk, letter.subject, [row.item_key for row in letter.rows]))
                continue
            if not letter.rows:
                continue
            try:
                _message(letter).send()
            except Exception as error:  # the mail server refused or could not be reached: try again later
                _failed(letter.rows, error, now)
                skipped.add(letter.subscriber.pk)
                logger.warning("Alert e-mail not sent (%s attempt): %s", letter.rows[0].attempts, error)
                continue
            OutboxItem.objects.filter(pk__in=[row.pk for row in letter.rows]).update(
                status=OutboxItem.Status.SENT, sent_at=timezone.now()
            )
            done.append((letter.subscriber.pk, letter.subject, [row.item_key for row in letter.rows]))
    return done


def _failed(rows, error, now):
    for row in rows:
        row.attempts += 1
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        row.next_attempt_at = now + min(timedelta(minutes=2 ** (row.attempts - 1)), timedelta(days=1))
        if row.attempts >= MAX_ATTEMPTS:
            row.status = OutboxItem.Status.FAILED
        row.save(update_fields=["attempts", "last_error", "next_attempt_at", "status"])


def send_confirmation_mail(alert_id):
    """Ask the address to confirm the alert: a signed link valid ALERTS_CONFIRM_DAYS days. An alert deleted (or
    confirmed) meanwhile needs none."""
    alert = Alert.objects.select_related("subscriber").filter(pk=alert_id, confirmed_at__isnull=True).first()
    if alert is None:
        return
    context = {"alert": alert, "confirm": url("confirm", alert.pk), "days": settings.ALERTS_CONFIRM_DAYS,
               "site": settings.SITE_URL.rstrip("/")}  # fmt: skip
    message = EmailMultiAlternatives(
        f"Confirm your e-mail alert: {alert.label}"[:200],
        render_to_string("alerts/email/confirm.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [alert.subscriber.email],
    )
    message.attach_alternative(render_to_string("alerts/email/confirm.html", context), "text/html")
    message.send()


def purge_unconfirmed(now=None):
    """Delete alerts not confirmed in time and addresses left without an alert. How many addresses went."""
    now = now or timezone.now()
    Alert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=settings.ALERTS_CONFIRM_DAYS)
    ).delete()
    return Subscriber.objects.filter(alerts__isnull=True).delete()[0]
