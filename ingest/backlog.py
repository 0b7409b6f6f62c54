"""The backlog: reports already published, read from a folder (`manage.py ingest_folder`) into draft reviews
that curators take from the curation queue. Each file is checked as an upload is, stored once (by its SHA-256:
running again on the same folder adds nothing), and processed by the worker like any upload; what the report says
about itself (ingest.metadata) fills what a CSV did not give.
"""

import csv
from dataclasses import dataclass
from hashlib import file_digest
from pathlib import Path

from django.core.files import File

from agencies.models import private_slugs
from ingest.documents import DocumentRejected
from ingest.metadata import partnership_named
from ingest.uploads import DuplicateUpload, check_upload, create_review_with_document, record_rejection
from reviews.models import Review, ReviewDocument
from vocabulary import Nation, ReviewType, match_choice, match_review_type

SUFFIXES = {".pdf", ".docx", ".txt", ".md"}
CSV_COLUMNS = ("file", "title", "partnership", "nation", "review_type", "month", "year")


class MetadataError(ValueError):
    """A metadata CSV that cannot be used, with the line and the reason."""


@dataclass
class Added:
    path: Path
    outcome: str  # "queued", "already" (stored before) or "refused"
    review: Review | None = None
    code: str = ""  # why it was refused (DocumentRejected's code)
    message: str = ""


def files_in(folder):
    """(review documents, other files) in the folder and its subfolders, in name order."""
    every = sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.name.startswith("."))
    return [p for p in every if p.suffix.lower() in SUFFIXES], [p for p in every if p.suffix.lower() not in SUFFIXES]


def read_csv(path):
    """{file name: {column: value}} of a metadata CSV; MetadataError says what is wrong and where."""
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        if "file" not in columns:
            raise MetadataError(f"{path}: the first line must name the columns, one of them “file”.")
        unknown = sorted(set(columns) - set(CSV_COLUMNS))
        if unknown:
            raise MetadataError(f"{path}: unknown columns {', '.join(unknown)}; use {', '.join(CSV_COLUMNS)}.")
        rows = {}
        for number, row in enumerate(reader, start=2):
            row = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
            rows[row["file"]] = _checked_row(row, f"{path} line {number}")
    return rows


def _checked_row(row, where):
    out = {"title": row.get("title", ""), "partnership": row.get("partnership", "")}
    if row.get("nation"):
        out["nation"] = match_choice(Nation, row["nation"])
        if out["nation"] is None:
            raise MetadataError(f"{where}: nation “{row['nation']}” is not one of {', '.join(Nation.labels)}.")
    if row.get("review_type"):
        out["review_type"] = match_choice(ReviewType, row["review_type"]) or match_review_type(
            row["review_type"], out.get("nation", "")
        )
        if out["review_type"] is None:
            raise MetadataError(f"{where}: review type “{row['review_type']}” is not a type of review we know.")
    for key, low, high in (("month", 1, 12), ("year", 1970, 2100)):
        if row.get(key):
            if not row[key].isdigit() or not low <= int(row[key]) <= high:
                raise MetadataError(f"{where}: {key} “{row[key]}” is not a number from {low} to {high}.")
            out[key] = int(row[key])
    return out


def add_file(path, given=None):
    """Check a file as an upload is and, unless stored before, make a backlog draft of it and queue it."""
    given = given or {}
    with path.open("rb") as handle:
        digest = file_digest(handle, "sha256").hexdigest()
        stored = ReviewDocument.objects.select_related("review").filter(sha256=digest).first()
        if stored is not None:
            return Added(path, "already", stored.review)
        handle.seek(0)
        uploaded = File(handle, name=path.name)
        try:
            checked = check_upload(uploaded)
        except DuplicateUpload as duplicate:  # stored meanwhile by someone else
            return Added(path, "already", duplicate.document.review if duplicate.document else None)
        except DocumentRejected as rejected:
            record_rejection(None, uploaded, rejected, None)
            return Added(path, "refused", code=rejected.code, message=rejected.message)
    named = given.get("partnership")
    review = Review(
        title=given.get("title", ""),
        nation=given.get("nation", ""),
        review_type=given.get("review_type", ""),
        publication_year=given.get("year"),
        publication_month=given.get("month"),
        partnership=partnership_named(named, given.get("nation", "")) if named else None,
        backlog=True,
    )
    review.slug = private_slugs(Review, [review.title or path.stem], max_length=110)[0]
    create_review_with_document(review, checked, None)
    return Added(path, "queued", review)
