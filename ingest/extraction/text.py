"""Plain text and Markdown."""

from ingest.documents import ExtractedDocument, Page
from ingest.extraction.detect import _decode, _unrecognised

# Plain text and Markdown


def _read_text(path, kind, name):
    decoded = _decode(path.read_bytes(), complete=True)
    if decoded is None:
        raise _unrecognised(name)
    text, encoding = decoded
    pages = [Page(number, page) for number, page in enumerate(text.split("\f"), start=1)]
    return ExtractedDocument(kind, pages, metadata={"Encoding": encoding})
