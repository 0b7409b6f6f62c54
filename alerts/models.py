"""E-mail alerts without an account: an address, the alerts it asked for (double opt-in), what is waiting to be sent.

An address is stored only while it has an alert; an alert not confirmed within ALERTS_CONFIRM_DAYS is deleted with it
(`purge_unconfirmed`). The outbox holds one row per (address, item): two alerts of one address that find the same
finding send it once, and a row is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two workers never send it
twice (alerts.sending)."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone


class Subscriber(models.Model):
    email = models.EmailField(unique=True)  # lower case
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Subscriber {self.pk}"  # the address is never shown


class AlertQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Alert(models.Model):
    """What an address asked to hear about, and how often."""

    class Kind(models.TextChoices):
        SEARCH = "search", "A search"
        THEME = "theme", "A theme"
        AGENCY = "agency", "An agency"
        LESSONS = "lessons", "Recurring lessons"
        LESSON = "lesson", "A recurring lesson"
        DIGEST = "digest", "The monthly national digest"

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "As soon as they are published"
        WEEKLY = "weekly", "Once a week"
        MONTHLY = "monthly", "Once a month"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parameters = models.CharField(max_length=2000, blank=True)  # the search's query string, or the slug
    label = models.CharField(max_length=300)  # what it is about, in words: "Neglect", "“bruising” in Wales"
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # What was published after this is new to it; moved on each time its new items are queued.
    checked_until = models.DateTimeField(default=timezone.now)
    last_run_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["subscriber", "created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label} ({self.frequency})"

    def confirm(self):
        self.confirmed_at = timezone.now()
        self.checked_until = self.confirmed_at  # what is new from now on
        self.save(update_fields=["confirmed_at", "checked_until"])

    def is_due(self, now=None):
        """Whether its new items are gathered now: always for "as soon as published"; a week after they last were
        for weekly; in a new calendar month for monthly."""
        now = now or timezone.now()
        if self.frequency == self.Frequency.IMMEDIATE:
            return True
        last = self.last_run_at or self.confirmed_at or self.created_at
        if self.frequency == self.Frequency.WEEKLY:
            return now - last >= timedelta(days=7)
        return (now.year, now.month) != (last.year, last.month)

    @property
    def query(self):
        return QueryDict(self.parameters)

    def page_url(self):
        """The page the alert follows."""
        if self.kind == self.Kind.SEARCH:
            return f"{reverse('search')}?{self.parameters}"
        if self.kind == self.Kind.THEME:
            return reverse("theme-detail", args=[self.parameters])
        if self.kind == self.Kind.AGENCY:
            return reverse("agency-detail", args=[self.parameters])
        if self.kind == self.Kind.DIGEST:
            return reverse("review-list")
        if self.kind == self.Kind.LESSON:
            return reverse("lesson-detail", args=[self.parameters])
        return reverse("lesson-index")


def address_key(email):
    """What the rate limits keep of an address: a keyed hash, so that no address outlives its alerts."""
    return hmac.new(settings.SECRET_KEY.encode(), email.lower().encode(), hashlib.sha256).hexdigest()


class ConfirmationSent(models.Model):
    """A confirmation e-mail sent: confirmation e-mails are limited per address and per client (ALERTS_RATE_*).
    The address is kept as a keyed hash (`address_key`), for a day."""

    address = models.CharField(max_length=64)
    client = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"Confirmation sent at {self.sent_at:%Y-%m-%d %H:%M}"

    @classmethod
    def too_many(cls, email, client):
        """Whether another confirmation to this address, or from this client, would pass the hourly limits."""
        since = timezone.now() - timedelta(hours=1)
        recent = cls.objects.filter(sent_at__gte=since)
        cls.objects.filter(sent_at__lt=timezone.now() - timedelta(days=1)).delete()  # forgotten after a day
        return (
            recent.filter(address=address_key(email)).count() >= settings.ALERTS_RATE_PER_ADDRESS
            or recent.filter(client=client).count() >= settings.ALERTS_RATE_PER_CLIENT
        )


class OutboxItem(models.Model):
    """One item (a finding, review, recommendation or lesson) to tell one address about."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        DROPPED = "dropped", "Not sent: no longer published"
        FAILED = "failed", "Not sent: gave up after repeated failures"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="outbox")
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="outbox")
    item_key = models.CharField(max_length=100)  # "finding:12", "review:3", "lesson:4:1733212800"
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "item_key"], name="one_outbox_row_per_item")]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.item_key} ({self.status})"
