from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class LoginAttemptQuerySet(models.QuerySet):
    def recent_failures(self, username):
        since = timezone.now() - timedelta(minutes=settings.LOCKOUT_MINUTES)
        return self.filter(username=username.strip().lower(), succeeded=False, at__gte=since)


class LoginAttempt(models.Model):
    """One try at signing in: what lockout counts."""

    username = models.CharField(max_length=150, db_index=True)  # as typed, lower-cased
    ip = models.GenericIPAddressField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = LoginAttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.username} {'signed in' if self.succeeded else 'failed'} at {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def minutes_locked(cls, username):
        """How many more minutes sign-in stays locked for this username (0: not locked).

        After LOCKOUT_FAILURES failed tries within LOCKOUT_MINUTES, the account is locked until
        LOCKOUT_MINUTES after the last of them, whatever password is given.
        """
        failures = cls.objects.recent_failures(username)
        if failures.count() < settings.LOCKOUT_FAILURES:
            return 0
        last = failures.order_by("-at").values_list("at", flat=True).first()
        remaining = last + timedelta(minutes=settings.LOCKOUT_MINUTES) - timezone.now()
        return max(1, int(remaining.total_seconds() // 60) + 1)

    @classmethod
    def record(cls, username, ip, succeeded):
        cls.objects.create(username=username.strip().lower()[:150], ip=ip, succeeded=succeeded)
        if succeeded:  # a successful sign-in clears the count
            cls.objects.filter(username=username.strip().lower(), succeeded=False).delete()
