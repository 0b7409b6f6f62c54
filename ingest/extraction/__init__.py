"""Text extraction for uploaded case reviews.

``extract()`` turns a PDF, DOCX, plain-text or Markdown upload into numbered pages of plain text, plus every
piece of text outside the body that can still identify someone: document properties, comments, tracked changes,
PDF annotations, PDF text hidden under a drawn box, and repeated page headers and footers. An upload that cannot
be checked is refused with ``DocumentRejected``, whose message is written for the author.

The kind of file is judged from its content (``detect_kind``); the name only tells Markdown from plain text.

PDF text comes from PDFium (pypdfium2): a 100-page PDF of 500 words a page takes about 0.6 s in all, where
pdfplumber took 44 s for its text alone. PDFium gives lines but no paragraphs, so blank lines are put back where the
gap between two lines is wider than the page's usual line spacing. PDFium is not thread-safe: extract PDFs in one
thread of a process at a time. Annotations are read with pypdf, which gives their dictionaries: PDFium will
not give the fill colour of an annotation that has an appearance. DOCX parts are read as XML, because
python-docx drops tracked deletions and text boxes.
"""

from pathlib import Path

from ingest.documents import DocumentRejected
from ingest.extraction.detect import _OLE_MAGIC, HEAD_BYTES, Limits, _megabytes, detect_kind
from ingest.extraction.docx import _read_docx, check_docx
from ingest.extraction.normalise import _finish
from ingest.extraction.pdf import _read_pdf, check_pdf
from ingest.extraction.text import _read_text

__all__ = ["Limits", "detect_kind", "extract", "preflight"]

DEFAULT_LIMITS = Limits()


def extract(path, *, max_bytes=None, name=None, limits=DEFAULT_LIMITS):
    """Read an uploaded review into pages of text and the identifying text around them.

    name is the file name the author gave, if the upload is stored under another; it only tells Markdown from
    plain text and names the file in messages. Raises DocumentRejected with a message for the author.
    Unbounded in time and in memory for a hostile file: the service runs it in a child process
    (reviews.bounded), never in a request.
    """
    path, name, kind = _kind(path, name, max_bytes)
    if kind == "pdf":
        document = _read_pdf(path, path.stat().st_size, ocr=limits.ocr)
    elif kind == "docx":
        document = _read_docx(path, name, limits)
    else:
        document = _read_text(path, kind, name)
    return _finish(document)


def preflight(path, *, name=None, max_bytes=None, limits=DEFAULT_LIMITS):
    """The check made while the author waits: the kind of document, or DocumentRejected.

    Cheap and bounded: the size, the kind from the first bytes, and for a PDF its end and any encryption, for a
    Word document its ZIP directory (parts, declared sizes, encryption) and content types. No parser reads the
    content: what only reading it can find (a scan without text, a damaged page, too many words) is found by the
    worker and shown on the document's page.
    """
    path, name, kind = _kind(path, name, max_bytes)
    if kind == "pdf":
        check_pdf(path, path.stat().st_size)
    elif kind == "docx":
        check_docx(path, name, limits)
    return kind


def _kind(path, name, max_bytes):
    path = Path(path)
    name = path.name if name is None else name
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise DocumentRejected(
            "too_large",
            f"This file is {_megabytes(size)} MB, which is over the {_megabytes(max_bytes)} MB limit. Make it "
            "smaller, for example by compressing its pictures or leaving out ones the review does not need, and "
            "upload it again.",
        )
    if size == 0:
        raise DocumentRejected("empty", "This file is empty (0 bytes). Check that you chose the right file.")
    with path.open("rb") as upload:
        head = upload.read(HEAD_BYTES)
    if head.startswith(_OLE_MAGIC):
        head = path.read_bytes()  # the names of an old Office file's streams are often near its end
    return path, name, detect_kind(head, name)
