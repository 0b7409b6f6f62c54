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
from ingest.extraction.detect import (
    _OLE_MAGIC,
    HEAD_BYTES,
    MAX_DOCX_PARTS,  # noqa: F401 (the package's own names)
    _megabytes,
    detect_kind,
)
from ingest.extraction.docx import _read_docx
from ingest.extraction.normalise import _finish
from ingest.extraction.pdf import _read_pdf
from ingest.extraction.text import _read_text


def extract(path, *, max_bytes=None, name=None):
    """Read an uploaded review into pages of text and the identifying text around them.

    name is the file name the author gave, if the upload is stored under another; it only tells Markdown from
    plain text and names the file in messages. Raises DocumentRejected with a message for the author.
    """
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
    kind = detect_kind(head, name)
    if kind == "pdf":
        document = _read_pdf(path, size)
    elif kind == "docx":
        document = _read_docx(path, name)
    else:
        document = _read_text(path, kind, name)
    return _finish(document)


def preflight(path, *, name=None, max_bytes=None):
    """The check made while the author waits: the kind of document, or DocumentRejected.

    It is a whole extract(), under a second for a 100-page PDF, so that no upload accepted here is refused later.
    """
    return extract(path, max_bytes=max_bytes, name=name).kind
