"""Background work of search: embeddings, on their own queue (`process_worker --queue-name embeddings`)."""

from django.db import connection, transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from search import semantic
from search.models import EmbeddingChange

QUEUE = "embeddings"


@task(queue_name=QUEUE)
def embed_changes_task():
    semantic.embed_changes()


def _enqueue():
    if EmbeddingChange.objects.exists() and not _waiting():
        embed_changes_task.enqueue()


def _waiting():
    """Whether an embedding task is queued and not started yet (it will see every change logged so far)."""
    return DBTaskResult.objects.ready().filter(queue_name=QUEUE, task_path=embed_changes_task.module_path).exists()


def request_embedding(**kwargs):
    """When the current transaction commits (once, however many rows it wrote), queue the embedding of what it
    changed, unless a queued task will see it anyway. Connected to saves and to findings.signals.texts_changed."""
    if not semantic.enabled():
        return
    pending = getattr(connection, "run_on_commit", [])
    if connection.in_atomic_block and any(entry[1] is _enqueue for entry in pending):
        return
    transaction.on_commit(_enqueue, robust=True)  # a failure is logged: the change stays logged for the next run
