"""Takes an uploaded document through its stages: text extracted, anonymisation checked, findings proposed,
themes suggested.

Each stage runs in its own transaction and is recorded as a ProcessingStep with its timing and any error,
so a crash loses only the stage in hand: the file and every finished stage are kept, and processing resumes
where it stopped. Every stage writes by natural keys (a flag's span, a proposal's index, a suggestion's
theme), so running a stage again updates what it wrote before instead of adding to it.

While a document is processed its worker holds a PostgreSQL advisory lock on it. The lock goes when the
worker's connection goes, so a document marked as running whose lock is free was left by a worker that
died: `recover_interrupted` queues it again.
"""

import logging
import time
from contextlib import contextmanager
from dataclasses import asdict

from django.db import connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from findings.models import Finding, Theme, ThemeSuggestion
from ingest import anonymisation, extraction, segmentation
from ingest.documents import DocumentRejected, Extra, ExtractedDocument, Page
from reviews.models import AnonymisationFlag, ProcessingStep, Review, ReviewDocument

logger = logging.getLogger(__name__)

Stage = ReviewDocument.Stage
State = ReviewDocument.State
LOCK_NAMESPACE = 7301  # first key of the advisory locks taken on documents


@contextmanager
def document_lock(document_id):
    """Try to take the document's advisory lock; yields whether it was taken."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, document_id])
        taken = cursor.fetchone()[0]
    try:
        yield taken
    finally:
        if taken:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, document_id])


# Stages ------------------------------------------------------------------------------------------------
def extract_text(document):
    if not document.file.storage.exists(document.file.name):
        raise DocumentRejected(
            "missing",
            f"The stored file {document.file.name} is missing from the repository's storage, so its text cannot be "
            "read. Upload the document again as a new version.",
        )
    extracted = extraction.extract(document.file.path)
    document.kind = extracted.kind
    document.pages = [{"number": page.number, "text": page.text} for page in extracted.pages]
    document.extras = [asdict(extra) for extra in extracted.extras]
    document.metadata = extracted.metadata
    document.notes = extracted.notes
    document.page_count = len(extracted.pages)
    document.extracted_text = extracted.text
    document.save(update_fields=["kind", "pages", "extras", "metadata", "notes", "page_count", "extracted_text"])
    # The review's full text is its latest document's; search reads it once the review is published.
    Review.objects.filter(pk=document.review_id).update(full_text=extracted.text)
    return f"{len(extracted.pages)} page{'s' if len(extracted.pages) != 1 else ''}, {extracted.word_count:,} words"


def extracted_document(document):
    return ExtractedDocument(
        kind=document.kind,
        pages=[Page(**page) for page in document.pages],
        extras=[Extra(**extra) for extra in document.extras],
        metadata=document.metadata,
        notes=document.notes,
    )


def declared_names(review):
    """Names the review declares as its own: pseudonyms, its authors and chair, the partnership."""
    names = [name for name in review.pseudonyms if name.strip()]
    names += [part.strip() for part in review.reviewer.replace(";", ",").split(",") if part.strip()]
    if review.partnership_id:
        names.append(review.partnership.name)
    return names


def check_anonymity(document):
    review = document.review
    found = anonymisation.check_document(extracted_document(document), allow=declared_names(review))
    earlier = {
        (flag.kind, flag.text): flag
        for flag in AnonymisationFlag.objects.filter(
            review=review,
            document__version__lt=document.version,
            resolution=AnonymisationFlag.Resolution.NOT_IDENTIFYING,
        ).select_related("document")
    }
    # One row a span: the same span of two different extras (two comments of one length) is one flag.
    found = list({(f.source, f.page, f.start, f.end, f.kind): f for f in reversed(found)}.values())[::-1]
    kept = []
    for flag in found:
        row, created = AnonymisationFlag.objects.update_or_create(
            document=document,
            source=flag.source,
            page=flag.page,
            start=flag.start,
            end=flag.end,
            kind=flag.kind,
            defaults={
                "review": review,
                "severity": flag.severity,
                "text": flag.text,
                "context": flag.context,
                "detector": flag.detector,
                "message": flag.message,
            },
        )
        previous = earlier.get((flag.kind, flag.text))
        if created and previous is not None:
            # The author already explained this one on an earlier version.
            row.resolution = previous.resolution
            row.reason = f"{previous.reason} (marked on version {previous.document.version})"
            row.resolved_by = previous.resolved_by
            row.resolved_at = previous.resolved_at
            row.save(update_fields=["resolution", "reason", "resolved_by", "resolved_at"])
        kept.append(row.pk)
    document.flags.exclude(pk__in=kept).delete()
    # What an earlier version was flagged for and this one no longer contains has been fixed.
    present = {(flag.kind, flag.text) for flag in found}
    for old in AnonymisationFlag.objects.filter(
        review=review, document__version__lt=document.version, resolution=AnonymisationFlag.Resolution.OPEN
    ):
        if (old.kind, old.text) not in present:
            old.resolution = AnonymisationFlag.Resolution.FIXED
            old.save(update_fields=["resolution"])
    document.checker_version = anonymisation.CHECKER_VERSION
    document.save(update_fields=["checker_version"])
    blocking = sum(1 for flag in found if flag.severity == anonymisation.BLOCK)
    return f"{len(found)} flag{'s' if len(found) != 1 else ''}, {blocking} to resolve"


def propose_findings(document):
    review = document.review
    proposal = segmentation.propose_findings(extracted_document(document).pages)
    # Proposals from earlier versions of the text give way to this version's.
    Finding.objects.filter(review=review, document__version__lt=document.version).delete()
    for index, proposed in enumerate(proposal.findings):
        Finding.objects.update_or_create(
            document=document,
            proposal_index=index,
            defaults={
                "review": review,
                "position": index + 1,
                "title": proposed.title[: Finding._meta.get_field("title").max_length],
                "text": proposed.text,
                "recommendation": proposed.recommendation,
                "source_page": proposed.page,
            },
        )
    document.proposed_findings.filter(proposal_index__gte=len(proposal.findings)).delete()
    document.proposal_note = proposal.note
    document.save(update_fields=["proposal_note"])
    count = len(proposal.findings)
    return f"{count} finding{'s' if count != 1 else ''} proposed" + (" (fallback)" if proposal.fallback else "")


def suggest_themes(document):
    from ingest.suggestions import get_suggester

    suggester = get_suggester()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    total = 0
    for finding in document.proposed_findings.all():
        kept = []
        for suggestion in suggester.suggest(finding.text, title=finding.title):
            row, _ = ThemeSuggestion.objects.update_or_create(
                finding=finding,
                theme=themes[suggestion.slug],
                defaults={
                    "score": suggestion.score,
                    "reasons": [asdict(reason) for reason in suggestion.reasons],
                    "source": suggestion.source,
                },
            )
            kept.append(row.pk)
        # Decisions people made stay; stale undecided suggestions go.
        finding.suggestions.filter(decision=ThemeSuggestion.Decision.PENDING).exclude(pk__in=kept).delete()
        total += len(kept)
    return f"{total} theme suggestion{'s' if total != 1 else ''}"


STAGES = [
    (Stage.EXTRACTED, extract_text),
    (Stage.CHECKED, check_anonymity),
    (Stage.PROPOSED, propose_findings),
    (Stage.SUGGESTED, suggest_themes),
]


# Running -----------------------------------------------------------------------------------------------
def process(document_id, *, from_start=False, on_stage=None):
    """Run the document's unfinished stages (every stage, from_start). Returns the document, or None if
    another worker has it."""
    with document_lock(document_id) as taken:
        if not taken:
            return None
        document = ReviewDocument.objects.select_related("review__partnership").get(pk=document_id)
        if document.state == State.DONE and not from_start:
            return document
        if from_start:
            document.stage = Stage.STORED
        document.state, document.error = State.RUNNING, ""
        document.save(update_fields=["stage", "state", "error"])
        finished = ReviewDocument.STAGE_ORDER.index(Stage(document.stage))
        for stage, run in STAGES[finished:]:
            step = ProcessingStep.objects.create(document=document, stage=stage)
            began = time.monotonic()
            try:
                with transaction.atomic():
                    step.detail = run(document)
                    document.stage = stage
                    document.save(update_fields=["stage"])
            except DocumentRejected as rejected:
                return _fail(document, step, rejected.message)
            except Exception as error:
                logger.exception("Processing %s stopped at %s", document, stage)
                return _fail(
                    document,
                    step,
                    f"{stage.label} failed unexpectedly ({type(error).__name__}: {error}). "
                    "Retry it; if it fails again, the service team has the details.",
                )
            step.finished_at = timezone.now()
            step.save(update_fields=["finished_at", "detail"])
            logger.info("%s: %s in %.1f s (%s)", document, stage.label, time.monotonic() - began, step.detail)
            if on_stage:
                on_stage(document, stage)
        document.state = State.DONE
        document.save(update_fields=["state"])
        return document


def _fail(document, step, message):
    step.finished_at = timezone.now()
    step.error = message
    step.save(update_fields=["finished_at", "error"])
    document.state, document.error = State.FAILED, message
    document.save(update_fields=["state", "error"])
    return document


@task()
def process_document_task(document_id):
    process(document_id)


def enqueue(document, *, from_start=False):
    """Queue the document for the background worker (tests run it at once)."""
    document.state, document.error = State.QUEUED, ""
    if from_start:
        document.stage = Stage.STORED
    document.save(update_fields=["state", "error", "stage"])
    result = process_document_task.enqueue(document.pk)
    ReviewDocument.objects.filter(pk=document.pk, state=State.QUEUED).update(task_id=str(result.id))
    document.refresh_from_db()
    return document


def recover_interrupted():
    """Queue again the documents whose worker stopped before finishing them. Returns how many."""
    from django_tasks_db.models import DBTaskResult

    recovered = 0
    for document in ReviewDocument.objects.filter(state__in=[State.QUEUED, State.RUNNING]):
        waiting = DBTaskResult.objects.filter(id=document.task_id or None, status=TaskResultStatus.READY)
        if document.state == State.QUEUED and document.task_id and waiting.exists():
            continue  # still in the queue
        with document_lock(document.pk) as taken:
            if not taken:
                continue  # a live worker has it
        stale = DBTaskResult.objects.filter(id=document.task_id or None, status=TaskResultStatus.RUNNING)
        for result in stale:
            result.set_failed(RuntimeError("The worker stopped while processing this document."))
        enqueue(document)
        recovered += 1
    return recovered
