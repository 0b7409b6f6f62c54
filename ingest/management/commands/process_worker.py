from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from ingest import anonymisation
from ingest.processing import recover_interrupted


class Command(DatabaseWorker):
    help = (
        "Run the background worker for uploaded documents. On start it queues again any document whose "
        "processing stopped with an earlier worker, then works the queue (options as db_worker): the default queue, "
        "or --queue-name large for documents of INGEST_LARGE_MB or more."
    )

    def handle(self, *args, **options):
        anonymisation.warm_up()  # load the name model now, not in the first document's check
        recovered = recover_interrupted()
        if recovered:
            self.stderr.write(f"Queued again {recovered} document{'s' if recovered != 1 else ''} left unfinished.")
        return super().handle(*args, **options)
