from django.conf import settings
from django.db import models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    """A document worker saying it is alive: written every few seconds while it runs (`process_worker`), read
    by the health check (`/healthz`)."""

    worker_id = models.CharField(max_length=64, unique=True)
    queues = models.CharField(max_length=200)  # the queue names it works, comma-separated ("*": all)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self):
        return f"{self.worker_id} on {self.host} ({self.queues})"

    def works(self, queue):
        return queue in self.queues.split(",") or "*" in self.queues.split(",")


class ThemeModelQuerySet(models.QuerySet):
    def latest_version(self):
        """The newest version number, or None before the first training (one small query)."""
        return self.aggregate(latest=models.Max("version"))["latest"]


class ThemeModel(models.Model):
    """A trained theme classifier (ingest.suggestions.ThemeClassifier), persisted by the training task
    (ingest.training) so that every process, on every machine, loads the same one and picks up a newer version.

    The payload is the classifier pickled and compressed; only the training task writes it.
    """

    version = models.PositiveIntegerField(unique=True)
    trained_at = models.DateTimeField(default=timezone.now)
    findings = models.PositiveIntegerField(help_text="Findings it was trained on: confirmed ones and the seed set.")
    confirmed = models.PositiveIntegerField(help_text="Of those, findings curators confirmed (published, tagged).")
    themes = models.PositiveIntegerField(help_text="Themes with enough examples for it to suggest them.")
    confirmed_tags = models.PositiveIntegerField(help_text="Curators' confirmed tags when it was trained.")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    seconds = models.FloatField(help_text="How long training took.")
    made_with = models.CharField(
        max_length=100, help_text="The code that can read it: ingest.training.MADE_WITH when it was trained."
    )
    payload = models.BinaryField()

    objects = ThemeModelQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]

    def __str__(self):
        return f"Theme model version {self.version} ({self.findings} findings)"


class ScheduledRun(models.Model):
    """A periodic task queued for one minute (settings.WORKER_EVERY_MINUTE): the first worker to write the row for
    that minute queues the task, so several workers queue it once."""

    name = models.CharField(max_length=200)  # the task's dotted path
    minute = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "minute"], name="one_run_per_task_minute")]

    def __str__(self):
        return f"{self.name} at {self.minute:%Y-%m-%d %H:%M}"

    @classmethod
    def claim(cls, name, minute):
        """Whether this worker is the one to queue `name` for `minute` (and the row says so)."""
        _, created = cls.objects.get_or_create(name=name, minute=minute)
        if created and minute.minute == 0:  # now and then, forget the runs long past
            cls.objects.filter(minute__lt=minute - timezone.timedelta(days=1)).delete()
        return created
