"""The public copy of a review's report: what readers download, made in the worker from the latest checked
document with everything that is not the report's visible text taken out.

- PDF: every page copied without its annotations (comments, sticky notes, redaction marks); a page where the check
  found hidden text (text under a box or a redaction mark) is flattened to an image, so what was under the box is
  gone; the document information and XMP metadata are not copied.
- DOCX: comments removed, tracked deletions dropped and insertions kept as text, hidden (vanished) text removed,
  the document properties emptied (the title set to the review's pseudonym).
- Text and Markdown: the text as uploaded, as UTF-8.
"""

import io
import re

import docx
import pypdfium2
from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task
from docx.opc.constants import RELATIONSHIP_TYPE
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from reviews.models import PublicCopy, ReviewDocument

FLATTEN_DPI = 150
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.COMMENTS or rel.reltype.endswith("/commentsExtended"):
            document.part.drop_rel(rel_id)
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


@transaction.atomic
def make_public_copy(document: ReviewDocument) -> PublicCopy:
    """Make (or make again) the review's public copy from this document; it waits for a curator's approval."""
    review = document.review
    with document.file.open("rb") as original:
        data = original.read()
    if document.kind == "pdf":
        hidden = {extra.get("page") for extra in document.extras if extra.get("source") == "hidden_text"}
        data = clean_pdf(data, flatten=hidden - {None})
    elif document.kind == "docx":
        data = clean_docx(data, title=review.title)
    content_type, extension = TYPES[document.kind]
    name = safe_filename(review.title, extension)
    PublicCopy.objects.filter(review=review).delete()
    copy = PublicCopy(review=review, document=document, filename=name, content_type=content_type, size=len(data))
    copy.file.save(name, ContentFile(data), save=False)
    copy.save()
    return copy


@task()
def make_public_copy_task(document_id):
    make_public_copy(ReviewDocument.objects.select_related("review").get(pk=document_id))
