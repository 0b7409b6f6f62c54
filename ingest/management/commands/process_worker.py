import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from ingest import anonymisation, suggestions
from ingest.models import ScheduledRun, WorkerHeartbeat
from ingest.processing import recover_interrupted


class Command(DatabaseWorker):
    help = (
        "Run the background worker for uploaded documents. On start it queues again any document whose "
        "processing stopped with an earlier worker, then works the queue (options as db_worker): the default queue, "
        "or --queue-name large for documents of INGEST_LARGE_MB or more, or --queue-name embeddings for semantic "
        "search's embeddings. While it runs it writes a heartbeat every "
        "WORKER_HEARTBEAT_SECONDS, which /healthz reads; the default queue's worker also queues the tasks of "
        "WORKER_EVERY_MINUTE (alerts) once a minute, once whatever the number of workers."
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
        scheduling = Scheduler() if set(options["queue_name"].split(",")) & {"default", "*"} else None
        if scheduling:
            scheduling.start()
        try:
            return super().handle(*args, **options)
        finally:
            beating.stop()
            if scheduling:
                scheduling.stop()


class Scheduler(threading.Thread):
    """Queues each task of WORKER_EVERY_MINUTE once a minute (whichever worker writes the minute's ScheduledRun
    row first queues it): the alerts are gathered and sent without a second service."""

    def __init__(self):
        super().__init__(name="worker-scheduler", daemon=True)
        self.stopping = threading.Event()

    def run(self):
        try:
            while not self.stopping.is_set():
                minute = timezone.now().replace(second=0, microsecond=0)
                for name in settings.WORKER_EVERY_MINUTE:
                    try:
                        if ScheduledRun.claim(name, minute):
                            import_string(name).enqueue()
                    except IntegrityError:  # another worker claimed the minute at the same moment
                        continue
                self.stopping.wait(60 - timezone.now().second)
        finally:
            connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)


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
