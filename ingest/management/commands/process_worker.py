import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from ingest import anonymisation, suggestions
from ingest.models import WorkerHeartbeat
from ingest.processing import recover_interrupted


class Command(DatabaseWorker):
    help = (
        "Run the background worker for uploaded documents. On start it queues again any document whose "
        "processing stopped with an earlier worker, then works the queue (options as db_worker): the default queue, "
        "or --queue-name large for documents of INGEST_LARGE_MB or more, or --queue-name embeddings for semantic "
        "search's embeddings. While it runs it writes a heartbeat every "
        "WORKER_HEARTBEAT_SECONDS, which /healthz reads."
    )

    def handle(self, *args, **options):
        if set(options["queue_name"].split(",")) & {"default", "large", "*"}:
            anonymisation.warm_up()  # load the name model now, not in the first document's check
            suggestions.get_suggester()  # and the newest theme model
        recovered = recover_interrupted()
        if recovered:
            self.stderr.write(f"Queued again {recovered} document{'s' if recovered != 1 else ''} left unfinished.")
        beating = Heartbeat(options["worker_id"], options["queue_name"])
        beating.start()
        try:
            return super().handle(*args, **options)
        finally:
            beating.stop()


class Heartbeat(threading.Thread):
    """Writes the worker's heartbeat row now and every WORKER_HEARTBEAT_SECONDS, on its own connection, also
    while a long document is worked on; removes it when the worker stops, and old rows of workers long gone."""

    def __init__(self, worker_id, queues):
        super().__init__(name="worker-heartbeat", daemon=True)
        self.row = {"worker_id": worker_id, "queues": queues, "host": socket.gethostname(), "pid": os.getpid()}
        self.stopping = threading.Event()

    def run(self):
        WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - timedelta(days=1)).delete()
        try:
            while not self.stopping.is_set():
                WorkerHeartbeat.objects.update_or_create(
                    worker_id=self.row["worker_id"], defaults={**self.row, "seen_at": timezone.now()}
                )
                self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS)
            WorkerHeartbeat.objects.filter(worker_id=self.row["worker_id"]).delete()
        finally:
            connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)
