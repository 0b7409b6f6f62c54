"""Takes an uploaded document through its stages: text extracted, anonymisation checked, findings proposed,
themes suggested.

Each stage works in two steps: the work on the document's content, run in a child process with a time and a
memory limit (reviews.bounded), then the writing of what it found, in one transaction with the stage's progress.
Each is recorded as a ProcessingStep with its timing and any error, so a crash loses only the stage in hand: the
file and every finished stage are kept, and processing resumes where it stopped. Every stage writes by natural
keys (a flag's span, a proposal's index, a suggestion's theme), so running a stage again updates what it wrote
before instead of adding to it.

What the document is refused for once read (a scan without text, too many words, too many possible
identifiers, a limit of time or memory) is said to the author on the document's page and recorded like a refusal
at upload; anything else unexpected is a failure the author can retry.

While a document is processed its worker holds a PostgreSQL advisory lock on it. The lock goes when the
worker's connection goes, so a document marked as running whose lock is free was left by a worker that
died: `recover_interrupted` queues it again, and the stage it was in is recorded as interrupted.
"""

import functools
import logging
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from agencies import terms
from agencies.models import Agency
from findings.models import (
    AgencySuggestion,
    Finding,
    Recommendation,
    RecommendationThemeSuggestion,
    Theme,
    ThemeSuggestion,
)
from ingest import anonymisation, extraction, recommendations, segmentation
from ingest.documents import DocumentRejected, Extra, ExtractedDocument, Page
from ingest.limits import check_flag_count, check_length, extraction_limits
from ingest.metadata import fill_metadata
from ingest.suggestions import get_suggester, suggest_agencies
from reviews import bounded
from reviews.models import AnonymisationFlag, ProcessingStep, RejectedUpload, Review, ReviewDocument

logger = logging.getLogger(__name__)

Stage = ReviewDocument.Stage
State = ReviewDocument.State
LOCK_NAMESPACE = 7301  # first key of the advisory locks taken on documents
LARGE_QUEUE = "large"

# What each stage does to the document, for messages about it.
_WORK = {
    Stage.EXTRACTED: "Reading the text of this file",
    Stage.CHECKED: "Checking this document for identifying details",
    Stage.PROPOSED: "Finding the findings and recommendations in this document",
    Stage.SUGGESTED: "Suggesting themes for this document's findings",
}


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


def in_child(stage, function, *args, **kwargs):
    """function(*args, **kwargs) in a child process with the stage's limits; a limit reached is a refusal."""
    seconds, memory = settings.INGEST_STAGE_SECONDS, settings.INGEST_STAGE_MEMORY_MB
    try:
        return bounded.run(functools.partial(function, *args, **kwargs), seconds=seconds, memory_mb=memory)
    except bounded.Overrun as overrun:
        logger.warning("%s stopped: %s", stage.label, overrun)
        if overrun.limit == "time":
            raise DocumentRejected(
                "too_slow",
                f"{_WORK[stage]} took longer than the {seconds:,} seconds allowed, so it was stopped. The document "
                "is far longer or more complicated than a review usually is, or it is damaged. Check it is the "
                "right file, save it again from your word processor (or export it to PDF), and upload that.",
            ) from None
        raise DocumentRejected(
            "too_complex",
            f"{_WORK[stage]} needed more than the {memory:,} MB of memory allowed, so it was stopped. The file is "
            "far larger or more complicated inside than a review needs, or it is damaged or deliberately "
            "malformed. Save the review again from your word processor as a new DOCX or PDF, and upload that.",
        ) from None


class StoredFileMissing(Exception):
    """The stored file cannot be found: a fault of the storage, not of the file, so the author may retry."""


@contextmanager
def stored_copy(document):
    """A local path to the document's stored file: the file itself on local storage, a temporary copy of it on
    object storage (deleted afterwards)."""
    storage, name = document.file.storage, document.file.name
    if not storage.exists(name):
        raise StoredFileMissing(
            f"The stored file {name} is missing from the repository's storage, so its text cannot be read. Retry "
            "once the service team has restored it, or upload the document again as a new version."
        )
    try:
        local = storage.path(name)
    except NotImplementedError:
        local = None
    if local is not None:
        yield Path(local)
        return
    with tempfile.NamedTemporaryFile(prefix="document-", suffix=Path(name).suffix[:10]) as copy:
        with storage.open(name, "rb") as stored:
            shutil.copyfileobj(stored, copy, 1024 * 1024)
        copy.flush()
        yield Path(copy.name)


# Stages: the work on the content (in a child process), then the writing -----------------------------------
def read_text(document):
    with stored_copy(document) as path:
        extracted = in_child(
            Stage.EXTRACTED, extraction.extract, path, name=document.original_name, limits=extraction_limits()
        )
    check_length(extracted)
    return extracted


def save_text(document, extracted):
    text = extracted.text
    _check_indexable(text)
    document.kind = extracted.kind
    document.pages = [{"number": page.number, "text": page.text} for page in extracted.pages]
    document.extras = [asdict(extra) for extra in extracted.extras]
    document.metadata = extracted.metadata
    document.notes = extracted.notes
    document.page_count = len(extracted.pages)
    document.extracted_text = text
    document.save(update_fields=["kind", "pages", "extras", "metadata", "notes", "page_count", "extracted_text"])
    # The review's full text is its latest document's; search reads it once the review is published.
    Review.objects.filter(pk=document.review_id).update(full_text=text)
    if document.review.backlog:  # a report from the backlog: what it says about itself fills what is unknown
        fill_metadata(document.review, document)
    return f"{len(extracted.pages)} page{'s' if len(extracted.pages) != 1 else ''}, {extracted.word_count:,} words"


def _check_indexable(text):
    """Refuse a text the search index cannot take (PostgreSQL's text search vectors hold 1 MB of distinct words)."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT length(to_tsvector('english', %s))", [text])
    except DatabaseError as error:
        raise DocumentRejected(
            "not_indexable",
            "This document has more different words than the search index can hold (PostgreSQL says: "
            f"{str(error).strip()}). A review never has: check it is the right file, and upload the review itself.",
        ) from None


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


def check_for_identifiers(document):
    anonymisation.warm_up()  # loaded once in the worker, not in every child
    found = in_child(
        Stage.CHECKED,
        anonymisation.check_document,
        extracted_document(document),
        allow=declared_names(document.review),
    )
    # One row a span: the same span of two different extras (two comments of one length) is one flag.
    found = list({(f.source, f.page, f.start, f.end, f.kind): f for f in reversed(found)}.values())[::-1]
    check_flag_count(found)
    return found


def save_flags(document, found):
    review = document.review
    earlier = {
        (flag.kind, flag.text): flag
        for flag in AnonymisationFlag.objects.filter(
            review=review,
            document__version__lt=document.version,
            resolution=AnonymisationFlag.Resolution.NOT_IDENTIFYING,
        ).select_related("document")
    }
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


def _propose(pages):
    proposal = segmentation.propose_findings(pages)
    made = recommendations.propose_recommendations(pages, proposal.findings)
    return proposal, made, recommendations.names_recommendations(pages)


def find_findings(document):
    return in_child(Stage.PROPOSED, _propose, extracted_document(document).pages)


def save_proposal(document, proposed):
    proposal, recommended, names_recommendations = proposed
    review = document.review
    # Proposals from earlier versions of the text give way to this version's.
    Finding.objects.filter(review=review, document__version__lt=document.version).delete()
    Recommendation.objects.filter(review=review, document__version__lt=document.version).delete()
    footnotes = [extra for extra in document.extras or [] if extra["source"] == "footnote"]
    findings = []
    for index, proposed_finding in enumerate(proposal.findings):
        finding, _ = Finding.objects.update_or_create(
            document=document,
            proposal_index=index,
            defaults={
                "review": review,
                "position": index + 1,
                "label": proposed_finding.label[: Finding._meta.get_field("label").max_length],
                "title": proposed_finding.title[: Finding._meta.get_field("title").max_length],
                "text": proposed_finding.text,
                "questions": "\n".join(" ".join(question.split()) for question in proposed_finding.questions),
                "notes": "\n".join(segmentation.cited_notes(proposed_finding.text, footnotes)),
                "source_page": proposed_finding.page,
            },
        )
        findings.append(finding)
    document.proposed_findings.filter(proposal_index__gte=len(proposal.findings)).delete()
    agencies = {agency.name: agency for agency in Agency.objects.all()}
    for index, proposed_recommendation in enumerate(recommended):
        named = [agencies[name] for name in proposed_recommendation.agencies if name in agencies]
        recommendation, _ = Recommendation.objects.update_or_create(
            document=document,
            proposal_index=index,
            defaults={
                "review": review,
                "position": index + 1,
                "label": proposed_recommendation.label[: Recommendation._meta.get_field("label").max_length],
                "text": proposed_recommendation.text,
                "kind": Recommendation.kind_for(proposed_recommendation.addressee, len(named)),
                "addressee": proposed_recommendation.addressee,
                "addressee_text": proposed_recommendation.addressee_text[:300],
                "source_page": proposed_recommendation.page,
            },
        )
        recommendation.agencies.set(named)
        recommendation.findings.set([findings[i] for i in proposed_recommendation.findings if i < len(findings)])
        if not recommendation.actions.exists():  # the report's action plan; once people have actions, theirs stay
            _add_actions(recommendation, proposed_recommendation.actions, agencies)
    document.proposed_recommendations.filter(proposal_index__gte=len(recommended)).delete()
    document.proposal_note = f"{proposal.note} {_recommendations_note(len(recommended))}"
    document.names_recommendations = names_recommendations
    document.save(update_fields=["proposal_note", "names_recommendations"])
    count = len(proposal.findings)
    return (
        f"{count} finding{'s' if count != 1 else ''} and {len(recommended)} "
        f"recommendation{'s' if len(recommended) != 1 else ''} proposed" + (" (fallback)" if proposal.fallback else "")
    )


def _add_actions(recommendation, proposed_actions, agencies):
    """The rows of the report's action plan, as the recommendation's actions: the owner an agency of the list when
    the words name one (and in words as written), the due date and status read from the words."""
    for proposed in proposed_actions:
        named = next((agencies[m.agency] for m in terms.mentions(proposed.owner) if m.agency in agencies), None)
        status = proposed.progress()
        recommendation.actions.create(
            text=proposed.text,
            owner=named,
            owner_text=proposed.owner[:200],
            due=proposed.due_date(),
            status=status,
            evidence=" ".join(part for part in (proposed.status, proposed.evidence) if part),
        )


def _recommendations_note(count):
    if not count:
        return "No recommendations were recognised: add them if the report makes any."
    return f"Proposed {count} recommendation{'s' if count != 1 else ''}."


def _suggest_each(suggester, pieces):
    """(themes, agencies) suggested for each (text, title)."""
    return [(suggester.suggest(text, title=title), suggest_agencies(text, title=title)) for text, title in pieces]


def suggest_for_proposals(document):
    """Themes and agencies suggested for each proposed finding, and themes for each proposed recommendation:
    ([(finding, (themes, agencies))], [(recommendation, themes)])."""
    findings = list(document.proposed_findings.all())
    recommendations = list(document.proposed_recommendations.all())
    pieces = [(finding.text, finding.title) for finding in findings]
    pieces += [(recommendation.text, "") for recommendation in recommendations]
    suggested = in_child(Stage.SUGGESTED, _suggest_each, get_suggester(), pieces)
    return (
        list(zip(findings, suggested[: len(findings)], strict=True)),
        [
            (recommendation, themes)
            for recommendation, (themes, _) in zip(recommendations, suggested[len(findings) :], strict=True)
        ],
    )


def _save_theme_suggestions(model, owner, suggestions, themes):
    """Keep the suggestions of themes for a finding or recommendation (the model's owner); decisions people made
    stay, stale undecided suggestions go. How many there are."""
    kept = []
    for suggestion in suggestions:
        row, _ = model.objects.update_or_create(
            **{model.OWNER: owner},
            theme=themes[suggestion.slug],
            defaults={
                "score": suggestion.score,
                "reasons": [asdict(reason) for reason in suggestion.reasons],
                "source": suggestion.source,
            },
        )
        kept.append(row.pk)
    owner.suggestions.filter(decision=model.Decision.PENDING).exclude(pk__in=kept).delete()
    return len(kept)


def save_suggestions(document, suggested):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    agencies = {agency.name: agency for agency in Agency.objects.all()}
    for_findings, for_recommendations = suggested
    total = named = 0
    for finding, (theme_suggestions, agency_mentions) in for_findings:
        total += _save_theme_suggestions(ThemeSuggestion, finding, theme_suggestions, themes)
        kept = []
        for mention in agency_mentions:
            row, _ = AgencySuggestion.objects.update_or_create(
                finding=finding,
                agency=agencies[mention.agency],
                defaults={"phrase": mention.phrase[:200], "sentence": mention.sentence, "mentions": mention.mentions},
            )
            kept.append(row.pk)
        finding.agency_suggestions.filter(decision=AgencySuggestion.Decision.PENDING).exclude(pk__in=kept).delete()
        named += len(kept)
    for recommendation, theme_suggestions in for_recommendations:
        total += _save_theme_suggestions(RecommendationThemeSuggestion, recommendation, theme_suggestions, themes)
    return f"{total} theme suggestion{'s' if total != 1 else ''}, {named} agenc{'ies' if named != 1 else 'y'} named"


STAGES = [
    (Stage.EXTRACTED, read_text, save_text),
    (Stage.CHECKED, check_for_identifiers, save_flags),
    (Stage.PROPOSED, find_findings, save_proposal),
    (Stage.SUGGESTED, suggest_for_proposals, save_suggestions),
]


# Running -----------------------------------------------------------------------------------------------
def process(document_id, *, from_start=False, on_stage=None):
    """Run the document's unfinished stages (every stage, from_start). Returns the document, or None if
    another worker has it."""
    with document_lock(document_id) as taken:
        if not taken:
            return None
        document = ReviewDocument.objects.select_related("review__partnership").get(pk=document_id)
        if document.state in (State.DONE, State.REFUSED) and not from_start:
            return document
        # A step left open was in hand when its worker stopped.
        document.steps.filter(finished_at__isnull=True).update(finished_at=timezone.now(), interrupted=True)
        if from_start:
            document.stage = Stage.STORED
        document.state, document.error = State.RUNNING, ""
        document.save(update_fields=["stage", "state", "error"])
        finished = ReviewDocument.STAGE_ORDER.index(Stage(document.stage))
        for stage, work, write in STAGES[finished:]:
            step = ProcessingStep.objects.create(document=document, stage=stage)
            began = time.monotonic()
            try:
                found = work(document)
                with transaction.atomic():
                    step.detail = write(document, found)
                    document.stage = stage
                    document.save(update_fields=["stage"])
            except DocumentRejected as rejected:
                return _refuse(document, step, rejected)
            except StoredFileMissing as missing:
                return _fail(document, step, str(missing))
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


def _fail(document, step, message, state=State.FAILED):
    step.finished_at = timezone.now()
    step.error = message
    step.save(update_fields=["finished_at", "error"])
    document.state, document.error = state, message
    document.save(update_fields=["state", "error"])
    return document


def _refuse(document, step, rejected):
    """The document cannot be used: said on its page and recorded like a refusal at upload."""
    RejectedUpload.objects.create(
        review=document.review,
        original_name=document.original_name,
        size=document.size,
        sha256=document.sha256,
        code=rejected.code,
        message=rejected.message,
        by=document.uploaded_by,
    )
    return _fail(document, step, rejected.message, state=State.REFUSED)


@task()
def process_document_task(document_id):
    process(document_id)


def enqueue(document, *, from_start=False):
    """Queue the document for the background worker (tests run it at once). A large file goes to its own queue,
    worked by its own worker, so small ones are never stuck behind it."""
    document.state, document.error = State.QUEUED, ""
    if from_start:
        document.stage = Stage.STORED
    document.save(update_fields=["state", "error", "stage"])
    if document.size >= settings.INGEST_LARGE_MB * 1024 * 1024:
        result = process_document_task.using(queue_name=LARGE_QUEUE).enqueue(document.pk)
    else:
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
        document.steps.filter(finished_at__isnull=True).update(finished_at=timezone.now(), interrupted=True)
        enqueue(document)
        recovered += 1
    return recovered
