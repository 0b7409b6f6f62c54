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
