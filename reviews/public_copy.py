"""The public copy of a review's report: what readers download, made in the worker from the latest checked
document with everything that is not the report's visible text taken out. The file is untrusted: it is read and
written again in a child process with the document stages' time and memory limits (reviews.bounded), and a copy
that cannot be made says why.

- PDF: every page copied without its annotations (comments, sticky notes, redaction marks); a page where the check
  found hidden text (text under a box or a redaction mark) is flattened to an image, so what was under the box is
  gone; the document information and XMP metadata are not copied.
- DOCX: comments removed, tracked deletions dropped and insertions kept as text, hidden (vanished) text removed,
  embedded files (a spreadsheet, another document: never read by the check) removed, the document properties
  emptied (the title set to the review's pseudonym), the application's and custom properties, the list of people
  who commented and the thumbnail left out.
- Text and Markdown: the text as uploaded, as UTF-8.
"""

import functools
import io
import logging
import re

import docx
import pypdfium2
from django.conf import settings
from django.db import transaction
from django_tasks import task
from docx.opc.constants import RELATIONSHIP_TYPE
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from reviews import bounded
from reviews.models import PublicCopy, ReviewDocument

logger = logging.getLogger(__name__)

FLATTEN_DPI = 150
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Parts of a Word package that carry who worked on it or what it holds beyond the visible text.
_DROPPED_PACKAGE_PARTS = (RELATIONSHIP_TYPE.EXTENDED_PROPERTIES, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES,
                          RELATIONSHIP_TYPE.THUMBNAIL)  # fmt: skip
_DROPPED_DOCUMENT_PARTS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people",
                           "/oleObject", "/package")  # fmt: skip
TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "text": ("text/plain; charset=utf-8", "txt"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
}


def clean_pdf(data, flatten=()):
    """The PDF without annotations and metadata; the pages numbered in flatten (from 1) as images."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    rendered = pypdfium2.PdfDocument(data) if flatten else None
    for number, page in enumerate(reader.pages, start=1):
        if number in flatten:
            image = rendered[number - 1].render(scale=FLATTEN_DPI / 72, draw_annots=False).to_pil().convert("RGB")
            flat = io.BytesIO()
            image.save(flat, "PDF", resolution=FLATTEN_DPI)
            writer.add_page(PdfReader(flat).pages[0])
            continue
        if "/Annots" in page:
            del page[NameObject("/Annots")]
        writer.add_page(page)
    writer.add_metadata({"/Producer": "casereviews"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def clean_docx(data, title=""):
    """The Word document without comments, tracked changes (deletions dropped), hidden text or properties."""
    document = docx.Document(io.BytesIO(data))
    parts = [document.part, *(rel.target_part for rel in document.part.rels.values() if not rel.is_external)]
    for part in parts:
        element = getattr(part, "element", None)
        if element is None:
            continue
        for name in ("del", "commentRangeStart", "commentRangeEnd", "commentReference"):
            for found in list(element.iter(f"{W}{name}")):
                found.getparent().remove(found)
        for inserted in list(element.iter(f"{W}ins")):  # an insertion stays as ordinary text
            parent = inserted.getparent()
            for child in list(inserted):
                inserted.addprevious(child)
            parent.remove(inserted)
        for hidden in list(element.iter(f"{W}vanish")):
            run = hidden.getparent().getparent()  # w:vanish in w:rPr in w:r
            if run is not None and run.tag == f"{W}r":
                run.getparent().remove(run)
    for embedded in list(document.element.iter(f"{W}object")):  # an embedded file, with its preview picture
        embedded.getparent().remove(embedded)
    for rel_id, rel in list(document.part.rels.items()):
        if not rel.is_external and rel.reltype.endswith(_DROPPED_DOCUMENT_PARTS):
            document.part.drop_rel(rel_id)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in _DROPPED_PACKAGE_PARTS:
            del package.rels[rel_id]
    properties = document.core_properties
    for name in ("author", "last_modified_by", "comments", "keywords", "subject", "category", "identifier"):
        setattr(properties, name, "")
    properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def safe_filename(title, extension):
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:80] or "review"
    return f"{stem}-report.{extension}"


def clean(kind, data, hidden_pages, title):
    """The bytes of the public copy of a document of this kind (run in a child process)."""
    if kind == "pdf":
        return clean_pdf(data, flatten=hidden_pages)
    if kind == "docx":
        return clean_docx(data, title=title)
    return data


@transaction.atomic
def request_public_copy(document) -> PublicCopy:
    """Ask for the review's public copy to be made from this document, in the worker once this commits."""
    copy = PublicCopy.start(document)
    transaction.on_commit(lambda: make_public_copy_task.enqueue(copy.pk, copy.made_at.isoformat()))
    return copy


def make_public_copy(document: ReviewDocument) -> PublicCopy:
    """Make the review's public copy from this document now; it waits for a curator's approval."""
    with transaction.atomic():
        copy = PublicCopy.start(document)
    return _make(copy)


@task()
def make_public_copy_task(copy_id, made_at):
    copy = PublicCopy.objects.select_related("review", "document").filter(pk=copy_id).first()
    if copy is not None and copy.made_at.isoformat() == made_at:  # else it was asked for again since
        _make(copy)


def _make(copy):
    document, review = copy.document, copy.review
    seconds, memory = settings.INGEST_STAGE_SECONDS, settings.INGEST_STAGE_MEMORY_MB
    hidden = {extra.get("page") for extra in document.extras or [] if extra.get("source") == "hidden_text"}
    try:
        with document.file.open("rb") as original:
            data = original.read()
        work = functools.partial(clean, document.kind, data, hidden - {None}, review.title)
        data = bounded.run(work, seconds=seconds, memory_mb=memory)
    except bounded.Overrun as overrun:
        logger.warning("The public copy of review %s stopped: %s", review.pk, overrun)
        copy.fail(
            f"Making the copy took longer than the {seconds:,} seconds allowed, so it was stopped."
            if overrun.limit == "time"
            else f"Making the copy needed more than the {memory:,} MB of memory allowed, so it was stopped."
        )
        return copy
    except Exception as error:  # a file the parsers cannot write again: the curator is told, the worker goes on
        logger.exception("The public copy of review %s could not be made", review.pk)
        copy.fail(f"The document could not be read and written again ({type(error).__name__}: {error}).")
        return copy
    content_type, extension = TYPES[document.kind]
    copy.finish(safe_filename(review.title, extension), content_type, data)
    return copy
