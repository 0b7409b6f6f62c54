"""Taking an uploaded review document: the checks made while the author waits, and storing it as a version."""

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Max

from ingest import extraction
from ingest.documents import DocumentRejected
from ingest.limits import extraction_limits
from ingest.processing import enqueue
from reviews.models import RejectedUpload, Review, ReviewDocument

ONE_COPY = "one_document_per_file"  # the unique constraint on a document's digest

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text": "text/plain",
    "markdown": "text/markdown",
}


class DuplicateUpload(DocumentRejected):
    """The file is already stored. The message names the review it belongs to only for someone who may work on
    that review (`document` is then set, for a link); anyone else learns only that it is there."""

    def __init__(self, document, user):
        if document.review.is_editable_by(user):
            message = (
                f"This file has already been uploaded, as version {document.version} of “{document.review.title}” "
                f"on {document.uploaded_at:%-d %B %Y}. Upload a corrected file, or carry on with that one."
            )
            self.document = document
        else:
            message = (
                "This file has already been uploaded to the repository, for a review you do not have access to. "
                "If it is your review, ask the national panel to add you to its partnership's authors."
            )
            self.document = None
        super().__init__("duplicate", message)


@dataclass
class CheckedUpload:
    path: Path  # a private copy, deleted once stored
    name: str
    size: int
    sha256: str
    kind: str


def max_bytes():
    return settings.UPLOAD_MAX_MB * 1024 * 1024


def check_upload(uploaded, user=None):
    """Check an uploaded file before anything is stored. Raises DocumentRejected saying what is wrong (to user)."""
    name = Path(uploaded.name or "document").name
    if uploaded.size > max_bytes():
        raise DocumentRejected(
            "too_large",
            f"The file is {uploaded.size / 1024 / 1024:.1f} MB; the largest file accepted is "
            f"{settings.UPLOAD_MAX_MB} MB. Compress the images in it or split it, and upload it again.",
        )
    if uploaded.size == 0:
        raise DocumentRejected("empty", "The file is empty: it has no content at all. Choose the review document.")
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(prefix="upload-", suffix=Path(name).suffix[:10], delete=False) as copy:
        for chunk in uploaded.chunks():
            digest.update(chunk)
            copy.write(chunk)
    path = Path(copy.name)
    try:
        duplicate = ReviewDocument.objects.select_related("review").filter(sha256=digest.hexdigest()).first()
        if duplicate is not None:
            raise DuplicateUpload(duplicate, user)
        kind = extraction.preflight(path, name=name, max_bytes=max_bytes(), limits=extraction_limits())
    except DocumentRejected:
        path.unlink(missing_ok=True)
        raise
    return CheckedUpload(path=path, name=name, size=uploaded.size, sha256=digest.hexdigest(), kind=kind)


def record_rejection(review, uploaded, rejected, user):
    RejectedUpload.objects.create(
        review=review if review is not None and review.pk else None,
        original_name=Path(uploaded.name or "").name[:300],
        size=uploaded.size or 0,
        code=rejected.code,
        message=rejected.message,
        by=user if user is not None and user.is_authenticated else None,
    )


def store(review, checked, user, version):
    """Store a checked file as a document of the review (in the caller's transaction). Two uploads of one file
    can pass their checks at the same time: the unique constraint on the file's digest lets only the first be
    stored (the second waits for the first's transaction, then is refused as a duplicate)."""
    document = ReviewDocument(
        review=review,
        version=version,
        original_name=checked.name[:300],
        size=checked.size,
        sha256=checked.sha256,
        kind=checked.kind,
        content_type=CONTENT_TYPES[checked.kind],
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )
    with checked.path.open("rb") as handle:
        document.file.save(checked.name, File(handle), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:
        document.file.delete(save=False)
        if getattr(error.__cause__, "diag", None) is None or error.__cause__.diag.constraint_name != ONE_COPY:
            raise
        raise DuplicateUpload(
            ReviewDocument.objects.select_related("review").get(sha256=checked.sha256), user
        ) from None
    checked.path.unlink(missing_ok=True)
    return document


@transaction.atomic
def create_review_with_document(review, checked, user):
    """Save a new draft review with its first document, and queue the document for processing."""
    review.status = Review.Status.DRAFT
    review.save()
    enqueue(store(review, checked, user, version=1))
    return review


class NotDraft(DocumentRejected):
    def __init__(self, review):
        super().__init__(
            "not_draft",
            f"“{review.title}” is {review.get_status_display().lower()}, so its document cannot be replaced. "
            "Ask the curators to return it to you if it needs correcting.",
        )


@transaction.atomic
def add_version(review, checked, user):
    """Store a corrected document as the review's next version (earlier ones are kept) and queue it."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.status != Review.Status.DRAFT:
        raise NotDraft(review)
    latest = review.documents.aggregate(latest=Max("version"))["latest"] or 0
    return enqueue(store(review, checked, user, version=latest + 1))
