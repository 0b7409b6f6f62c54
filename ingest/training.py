"""Training the theme classifier: in a background task, never in a request or a processing stage.

A new version is trained when a curator asks (the taxonomy page, or `manage.py train_theme_model`), or when
curators' confirmed tags have moved by RETRAIN_CHANGE since the last version (checked whenever a review is
published), once MIN_CONFIRMED findings are confirmed. It learns from the confirmed findings (of published
reviews, tagged by curators) and from the project's own seed set (ingest/data/training_findings*.jsonl, written
for training and never part of a test set). Each version is persisted (ingest.models.ThemeModel) with its size;
every process loads the newest and picks up a newer one at its next suggestion (ingest.suggestions.get_suggester).
"""

import json
import logging
import pickle
import time
import zlib
from collections import defaultdict
from importlib import metadata

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import F
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from findings.models import Finding
from ingest.models import ThemeModel
from ingest.suggestions import DATA, MAX_TRAINING, MIN_CONFIRMED, RETRAIN_CHANGE, ThemeClassifier
from reviews.models import Review

# The seed set: training_findings.jsonl (TRAINING.md), training_findings_second.jsonl (TRAINING_SECOND.md),
# training_findings_third.jsonl (TRAINING_THIRD.md) and training_findings_fourth.jsonl (TRAINING_FOURTH.md: short
# learning points as repositories and briefings publish them).
SEEDS = sorted(DATA.glob("training_findings*.jsonl"))
KEEP = 3  # versions kept: the newest and two before it
# What a pickled classifier needs to be read back: the layout of ThemeClassifier (raise FORMAT when it changes) and
# scikit-learn's version. A version made with other code is not loaded: suggestions use the rules until the next
# training, which is queued at once.
FORMAT = 1
MADE_WITH = f"ThemeClassifier {FORMAT}; scikit-learn {metadata.version('scikit-learn')}"
logger = logging.getLogger(__name__)


def seed_findings():
    """[(text, {slug})] of the seed set."""
    lines = [line for seed in SEEDS for line in seed.read_text(encoding="utf-8").splitlines()]
    rows = [json.loads(line) for line in lines if line.strip()]
    return [(f"{row['title']}\n{row['text']}", set(row["themes"])) for row in rows]


def _confirmed():
    return Finding.objects.filter(review__status=Review.Status.PUBLISHED, themes__isnull=False)


def confirmed_tags():
    """How many theme tags curators have confirmed: on findings of published reviews."""
    return Finding.themes.through.objects.filter(finding__review__status=Review.Status.PUBLISHED).count()


def confirmed_findings():
    """[(text, {slug}, review id)] of the confirmed findings, newest reviews first, at most MAX_TRAINING."""
    rows = list(
        _confirmed()
        .distinct()
        .order_by(F("review__publication_year").desc(nulls_last=True), "-id")
        .values_list("id", "review_id", "title", "text")[:MAX_TRAINING]
    )
    tags = defaultdict(set)
    through = Finding.themes.through.objects.filter(finding_id__in=[row[0] for row in rows])
    for finding_id, slug in through.values_list("finding_id", "theme__slug"):
        tags[finding_id].add(slug)
    return [(f"{title}\n{text}", tags[pk], review_id) for pk, review_id, title, text in rows]


def train(requested_by=None):
    """Train, persist and return a new version (ThemeModel); None when too few findings have themes."""
    started = time.monotonic()
    tags = confirmed_tags()
    confirmed = confirmed_findings()
    seed = seed_findings()
    classifier = ThemeClassifier.train(
        [text for text, *_ in confirmed] + [text for text, _ in seed],
        [slugs for _, slugs, _ in confirmed] + [slugs for _, slugs in seed],
        [review for *_, review in confirmed] + [f"seed-{n}" for n in range(len(seed))],
        rated=len(confirmed),
    )
    if classifier is None:
        return None
    payload = zlib.compress(pickle.dumps(classifier, protocol=pickle.HIGHEST_PROTOCOL), 6)
    with transaction.atomic():
        with connection.cursor() as cursor:  # one version number per training, however many run at once
            cursor.execute(f"LOCK TABLE {ThemeModel._meta.db_table} IN EXCLUSIVE MODE")
        version = (ThemeModel.objects.latest_version() or 0) + 1
        model = ThemeModel.objects.create(
            version=version,
            findings=len(confirmed) + len(seed),
            confirmed=len(confirmed),
            themes=len(classifier.models),
            confirmed_tags=tags,
            requested_by=requested_by,
            seconds=round(time.monotonic() - started, 2),
            made_with=MADE_WITH,
            payload=payload,
        )
        ThemeModel.objects.filter(version__lte=version - KEEP).delete()
    return model


def load(version):
    """The classifier of a version (a ThemeClassifier), or None if it is gone or was made by other code (a new
    version is then queued)."""
    row = ThemeModel.objects.filter(version=version).values_list("made_with", "payload").first()
    if row is None:
        return None
    made_with, payload = row
    if made_with != MADE_WITH:
        logger.warning("Theme model %s was made with %s, not %s: queueing a new one.", version, made_with, MADE_WITH)
        transaction.on_commit(request_training, robust=True)
        return None
    return pickle.loads(zlib.decompress(payload))  # written by train() only


@task()
def train_theme_model_task(requested_by_id=None):
    requested_by = get_user_model().objects.filter(pk=requested_by_id).first() if requested_by_id else None
    model = train(requested_by=requested_by)
    return model.version if model else None


def training_due():
    """Whether curators' confirmed tags moved enough since the last version (or, before the first, whether
    enough findings are confirmed) for a new one to be trained."""
    latest = ThemeModel.objects.order_by("-version").values_list("confirmed_tags", flat=True).first()
    if latest is None:
        return _confirmed().distinct().count() >= MIN_CONFIRMED
    return abs(confirmed_tags() - latest) > RETRAIN_CHANGE * max(latest, 1)


def training_state():
    """(queued or running task, last failed task since the last version) for the taxonomy page."""
    tasks = DBTaskResult.objects.filter(task_path=train_theme_model_task.module_path)
    in_hand = (tasks.ready() | tasks.running()).order_by("enqueued_at").first()
    latest = ThemeModel.objects.order_by("-version").values_list("trained_at", flat=True).first()
    failed = tasks.failed().order_by("-finished_at")
    if latest:
        failed = failed.filter(finished_at__gt=latest)
    return in_hand, failed.first()


def request_training(by=None):
    """Queue a training now (a curator asked), unless one is queued already. Whether one was queued."""
    tasks = DBTaskResult.objects.filter(task_path=train_theme_model_task.module_path)
    if tasks.ready().exists():
        return False
    train_theme_model_task.enqueue(by.pk if by else None)
    return True


def _enqueue_if_due():
    if training_due():
        request_training()


def train_if_due(**kwargs):
    """When the current transaction commits (once, however many reviews it published), queue a training if
    one is due. Connected to reviews' saves."""
    pending = getattr(connection, "run_on_commit", [])
    if connection.in_atomic_block and any(entry[1] is _enqueue_if_due for entry in pending):
        return
    transaction.on_commit(_enqueue_if_due, robust=True)  # a failure is logged: the next publication tries again
