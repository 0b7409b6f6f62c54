import unicodedata
from datetime import timedelta

from django.conf import settings
from django.db import connection, models
from django.utils import timezone


def normalise_username(username):
    """A user name as lockout counts it: compatibility forms folded (full-width letters), case folded, spaces
    squeezed, so that variants of one name count as one."""
    return " ".join(unicodedata.normalize("NFKC", username or "").casefold().split())[:150]


class LoginAttemptQuerySet(models.QuerySet):
    def recent(self):
        return self.filter(at__gte=timezone.now() - timedelta(minutes=settings.LOCKOUT_MINUTES))

    def recent_failures(self, username, ip=None):
        """Failed tries at the user name (from one client address, when given) within LOCKOUT_MINUTES."""
        failures = self.recent().filter(username=normalise_username(username), succeeded=False)
        return failures.filter(ip=ip) if ip is not None else failures


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
    def minutes_locked(cls, username, ip=None):
        """How many more minutes sign-in stays locked for this user name from this client address (0: not
        locked).

        After LOCKOUT_FAILURES failed tries at one user name from one address within LOCKOUT_MINUTES, that
        pair is locked until LOCKOUT_MINUTES after the last of them, whatever password is given; the owner,
        from another address, is not. An address with LOCKOUT_ADDRESS_FAILURES failures, at any names, is
        locked for every name.
        """
        failures = cls.objects.recent_failures(username, ip)
        from_address = cls.objects.recent().filter(ip=ip, succeeded=False)
        if failures.count() >= settings.LOCKOUT_FAILURES:
            last = failures.order_by("-at").values_list("at", flat=True).first()
        elif ip is not None and from_address.count() >= settings.LOCKOUT_ADDRESS_FAILURES:
            last = from_address.order_by("-at").values_list("at", flat=True).first()
        else:
            return 0
        remaining = last + timedelta(minutes=settings.LOCKOUT_MINUTES) - timezone.now()
        return max(1, int(remaining.total_seconds() // 60) + 1)

    @classmethod
    def hold(cls, username):
        """Until the transaction ends, make other sign-ins at this user name wait: a count read and the try
        recorded after it are one step, so parallel wrong passwords get no more tries than serial ones."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7240002, hashtext(%s))", [normalise_username(username)])

    KEPT_DAYS = 90  # the privacy notice says so

    @classmethod
    def record(cls, username, ip, succeeded):
        cls.objects.create(username=normalise_username(username), ip=ip, succeeded=succeeded)
        if succeeded:  # a successful sign-in clears the count
            cls.clear(username)
        cls.objects.filter(at__lt=timezone.now() - timedelta(days=cls.KEPT_DAYS)).delete()

    @classmethod
    def clear(cls, username):
        """Forget the failures at a user name (it was signed in to, or its password was reset)."""
        cls.objects.filter(username=normalise_username(username), succeeded=False).delete()


class RateWindow(models.Model):
    """How many requests of one kind one client made in one minute: what the rate limits count. Kept in the
    database so that every web process, on every machine, counts the same."""

    key = models.CharField(max_length=200)  # kind and client address
    minute = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "minute"], name="one_count_per_client_minute")]
        indexes = [models.Index(fields=["minute"])]

    def __str__(self):
        return f"{self.key} at {self.minute:%H:%M}: {self.count}"

    @classmethod
    def hit(cls, key):
        """Count one request for key in this minute; returns the count so far (this one included)."""
        minute = timezone.now().replace(second=0, microsecond=0)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {cls._meta.db_table} (key, minute, count) VALUES (%s, %s, 1) "
                "ON CONFLICT (key, minute) DO UPDATE SET count = EXCLUDED.count + "
                f"{cls._meta.db_table}.count RETURNING count",
                [key[:200], minute],
            )
            count = cursor.fetchone()[0]
        if count == 1 and minute.minute % 10 == 0:  # now and then, forget the minutes long past
            cls.objects.filter(minute__lt=minute - timedelta(hours=1)).delete()
        return count
