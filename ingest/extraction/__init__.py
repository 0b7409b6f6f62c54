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

import codecs
import ctypes
import itertools
import math
import re
import struct
import unicodedata
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from lxml import etree

from ingest.documents import DocumentRejected, Extra, ExtractedDocument, Page

MAX_DOCX_PARTS = 1000  # Word writes a few dozen
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, once unpacked
MAX_COMPRESSION_RATIO = 100  # for any part of 1 MB or more; Word's XML packs about 10 to 1
HEAD_BYTES = 64 * 1024  # what detect_kind() wants to see of a file

_MB = 1024 * 1024
_PDF_MAGIC = re.compile(rb"%PDF-\d")
_PDF_MAGIC_WITHIN = 1024  # readers accept junk before the header
_ZIP_PART = b"PK\x03\x04"
_ZIP_END = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # tab, line breaks and form feed are allowed
_LETTER = re.compile(r"[^\W\d_]")

_UPLOAD = "Upload the review as a PDF, a Word document (.docx) or a plain text file."
_RESAVE = "Open it in your word processor, save it as a Word document (.docx) or export it to PDF, and upload that."
_PICTURE = (
    "We cannot check the words in a picture: upload the original document instead, as a DOCX or as a PDF exported "
    "from your word processor."
)
_ARCHIVE = "Take the review out of the archive and upload the document itself as a PDF, DOCX or plain text file."
_EXPORT_INSTEAD = (
    "Export the original document to PDF from your word processor (for example File > Save As > PDF) instead of "
    "scanning it, or upload the DOCX."
)

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _PICTURE),
    (b"\xff\xd8\xff", "a JPEG image", _PICTURE),
    (b"GIF87a", "a GIF image", _PICTURE),
    (b"GIF89a", "a GIF image", _PICTURE),
    (b"II*\x00", "a TIFF image", _PICTURE),
    (b"MM\x00*", "a TIFF image", _PICTURE),
    (b"{\\rtf", "a Rich Text Format (RTF) document", _RESAVE),
    (b"\x7fELF", "a program", _UPLOAD),
    (b"\x1f\x8b", "a compressed (gzip) archive", _ARCHIVE),
    (b"Rar!\x1a\x07", "a RAR archive", _ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", _ARCHIVE),
)
_MARKUP = (
    ("<!doctype html", "a web page (HTML)", _RESAVE),
    ("<html", "a web page (HTML)", _RESAVE),
    ("<head", "a web page (HTML)", _RESAVE),
    ("<body", "a web page (HTML)", _RESAVE),
    ("<?xml", "an XML file", _UPLOAD),
)
_WORD_MAIN_PART = re.compile(r"(?i)(wordprocessingml|ms-word)\.[\w.]*main\+xml")
_OTHER_PACKAGES = (
    (re.compile(r"(?im)(spreadsheetml|ms-excel)\.[\w.]*main\+xml|^xl/"), "an Excel spreadsheet (.xlsx)", _UPLOAD),
    (
        re.compile(r"(?im)(presentationml|ms-powerpoint)\.[\w.]*main\+xml|^ppt/"),
        "a PowerPoint presentation (.pptx)",
        _UPLOAD,
    ),
    (re.compile(r"opendocument\.text"), "an OpenDocument text document (.odt)", _RESAVE),
    (re.compile(r"opendocument\.spreadsheet"), "an OpenDocument spreadsheet (.ods)", _UPLOAD),
    (re.compile(r"opendocument\.presentation"), "an OpenDocument presentation (.odp)", _UPLOAD),
    (re.compile(r"epub\+zip"), "an e-book (EPUB)", _UPLOAD),
)
_OLE_STREAMS = (
    ("WordDocument", "a Word document in the old .doc format"),
    ("Workbook", "an Excel spreadsheet in the old .xls format"),
    ("PowerPoint Document", "a PowerPoint presentation in the old .ppt format"),
)
_OLD_OFFICE = (
    "Open it in Word and use File > Save As to save it as a Word Document (.docx) or as a PDF, then upload the new "
    "file."
)


def detect_kind(head, name=""):
    """The kind of document in a file, judged from its first bytes (HEAD_BYTES of them, or all of a smaller file).

    Returns "pdf", "docx", "text" or "markdown", and raises DocumentRejected ("wrong_type", or "encrypted" for a
    password-protected Office file) for anything else. The name only tells Markdown from plain text and names the
    file in messages. A ZIP whose telling parts lie beyond the head counts as "docx" here; extract() then checks the
    whole package.
    """
    if _PDF_MAGIC.search(head, 0, _PDF_MAGIC_WITHIN + 6):
        return "pdf"
    if head.startswith((_ZIP_PART, _ZIP_END)):
        names, content_types, mimetype = _package_from_head(head)
        kind = _package_kind(names, content_types, mimetype)
        if kind == "docx" or (kind is None and _ZIP_END not in head):
            return "docx"
        raise _wrong_type(name, *(kind or _unknown_package(content_types)))
    if head.startswith(_OLE_MAGIC):
        raise _old_office_rejection(head, name)
    binary = _binary_description(head)
    if binary:
        raise _wrong_type(name, *binary)
    decoded = _decode(head, complete=False)
    if decoded is None:
        raise _unrecognised(name)
    _refuse_markup(decoded[0], name)
    if name.lower().endswith((".md", ".markdown")) or _MARKDOWN_HEADING.search(decoded[0]):
        return "markdown"
    return "text"


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


# Messages


def _subject(name):
    return f"The file “{name}”" if name else "This file"


def _wrong_type(name, what, advice):
    return DocumentRejected("wrong_type", f"{_subject(name)} is {what}, not a document we can read. {advice}")


def _unrecognised(name):
    return DocumentRejected(
        "wrong_type",
        f"{_subject(name)} is not a PDF, a Word document (.docx) or a plain text file, so we cannot read it. "
        "Save the review in one of those formats and upload it again.",
    )


def _corrupt(what):
    return DocumentRejected(
        "corrupt",
        f"This {what} seems to be damaged or incomplete, so we cannot read it; it may not have finished saving or "
        "copying. Open the original, save or export it again, and upload the new file.",
    )


def _encrypted_office():
    return DocumentRejected(
        "encrypted",
        "This document is protected with a password, so we cannot read it. Remove the password (in Word: File > "
        "Info > Protect Document > Encrypt with Password, then clear it), save it, and upload it again.",
    )


def _encrypted_pdf():
    return DocumentRejected(
        "encrypted",
        "This PDF is encrypted: it has a password or security restrictions, even if it opens without asking for a "
        "password. We cannot check an encrypted file. Remove the password and security (in Adobe Acrobat: File > "
        "Properties > Security > No Security), or export the PDF again from your word processor without a "
        "password, and upload it again.",
    )


def _megabytes(size):
    return f"{math.ceil(size / _MB * 10) / 10:g}"


def _count(number, singular, plural=None):
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


# Telling the kind of file


def _binary_description(head):
    """What a binary file is, as (description, advice), for the kinds worth naming; None otherwise."""
    for magic, what, advice in _SIGNATURES:
        if head.startswith(magic):
            return what, advice
    if head.startswith(b"MZ") and b"\x00" in head[2:64]:
        return "a Windows program", _UPLOAD
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image", _PICTURE
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"heif", b"mif1"):
        return "a HEIC photo", _PICTURE
    if head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00":
        return "a BMP image", _PICTURE
    return None


def _decode(data, *, complete):
    """(text, encoding) if data reads as text: UTF-8 or UTF-16 with a byte-order mark, UTF-8, or Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or len(_CONTROL.findall(text)) > len(text) / 100:
            return None
        return text, encoding
    return None


def _refuse_markup(text, name):
    start = text.lstrip("\ufeff \t\r\n").lower()
    for opening, what, advice in _MARKUP:
        if start.startswith(opening):
            if opening == "<?xml" and ("<w:worddocument" in start or "<pkg:package" in start):
                raise _wrong_type(name, "a Word XML document", _RESAVE)
            raise _wrong_type(name, what, advice)


def _package_from_head(head):
    """The part names in the local headers within the first bytes of a ZIP, and its content types and mimetype."""
    names, texts = [], {}
    for match in re.finditer(re.escape(_ZIP_PART), head):
        start = match.start()
        if start + 30 > len(head):
            break
        flags, method = struct.unpack_from("<HH", head, start + 6)
        (compressed_size,) = struct.unpack_from("<I", head, start + 18)
        name_length, extra_length = struct.unpack_from("<HH", head, start + 26)
        name = head[start + 30 : start + 30 + name_length].decode("utf-8" if flags & 0x800 else "cp437", "replace")
        names.append(name)
        if name in ("[Content_Types].xml", "mimetype"):
            data = head[start + 30 + name_length + extra_length :]
            texts[name] = _inflate(data if flags & 0x08 else data[:compressed_size], method)
    return names, texts.get("[Content_Types].xml", ""), texts.get("mimetype", "")


def _inflate(data, method):
    """A small ZIP member's text from its raw bytes; as much as can be read, since the head may cut it short."""
    if method == 8:
        try:
            data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, _MB)
        except zlib.error:
            return ""
    elif method != 0:
        return ""
    return data.decode("utf-8", "replace")


def _package_kind(names, content_types, mimetype):
    """Either "docx", or (description, advice) for another kind of package, or None if the parts seen do not tell."""
    if "word/document.xml" in names or _WORD_MAIN_PART.search(content_types):
        return "docx"
    declared = "\n".join([content_types, mimetype, *names])
    for pattern, what, advice in _OTHER_PACKAGES:
        if pattern.search(declared):
            return what, advice
    return None


def _unknown_package(content_types):
    if content_types:
        return "an Office document but not a Word document", _UPLOAD
    return "a ZIP archive", _ARCHIVE


def _old_office_rejection(data, name):
    if "EncryptedPackage".encode("utf-16-le") in data:
        return _encrypted_office()
    for stream, what in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return _wrong_type(name, what, _OLD_OFFICE)
    return _wrong_type(name, "a Microsoft Office file in an old format (such as a .doc Word document)", _OLD_OFFICE)


# Normalising the text of every kind

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"[^\S\n]+")
_SPACE_AROUND_BREAK = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"[^\W\d_]+")
_LINE_END_HYPHEN = re.compile(r"\b([^\W\d_]+)[-\u2010]\n([^\W\d_]+)")
# First parts that usually keep their hyphen ("multi-agency", "step-father"), when the document does not show which
# form it uses.
_HYPHEN_PREFIXES = frozenset(
    (
        *("anti", "co", "cross", "ex", "face", "follow", "full", "half", "high", "long", "low", "mid", "multi"),
        *("non", "one", "part", "post", "pre", "self", "semi", "short", "step", "well", "first", "second", "third"),
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    )
)
_PAGE_NUMBER = re.compile(r"(?i)(page\s*)?[-\u2013\u2014]?\s*\d{1,3}\s*[-\u2013\u2014]?(\s*(of|/)\s*\d{1,4})?")
_FURNITURE_SHARE = 0.6  # of pages, for a line at the top or bottom to count as a running header or footer
_FURNITURE_MIN_PAGES = 3
_FURNITURE_MIN_LINES = 3  # on a page with fewer lines, a header could not be told from the page's own text


def _normalise(text):
    """NFKC (so ligatures become letters), no soft hyphens or zero-width characters, single spaces, and no more
    than one blank line in a row."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n\n", _SPACE_AROUND_BREAK.sub("\n", text)).strip()


def _finish(document):
    """Normalise the pages and extras, take out page numbers and running headers and footers, refuse no words."""
    texts = _join_hyphenated([_normalise(page.text) for page in document.pages])
    if len(texts) > 1:
        texts = [_drop_page_numbers(text) for text in texts]
    texts, furniture = _take_out_furniture(texts)
    if not any(_LETTER.search(text) for text in texts):
        raise DocumentRejected(
            "empty",
            "This file is empty: we could not find any words in it. Check that you chose the right file. If the "
            "review's text is in pictures, upload the original document instead, as a DOCX or as a PDF exported from "
            "your word processor.",
        )
    document.pages = [Page(number, text) for number, text in enumerate(texts, start=1)]
    extras = [
        Extra(extra.source, text, _normalise(extra.label), extra.page)
        for extra in document.extras
        if (text := _normalise(extra.text))
    ]
    document.extras = extras + furniture
    return document


def _join_hyphenated(texts):
    """Mend words split across lines: "safe-\\nguarding" becomes "safeguarding", "multi-\\nagency" "multi-agency".

    The document itself decides where it can: a hyphenated form it uses elsewhere keeps its hyphen, a joined form
    it uses elsewhere is joined. Otherwise the hyphen stays after a usual first part or before a capital letter.
    """
    if not any("-\n" in text or "\u2010\n" in text for text in texts):
        return texts
    whole = "\n".join(texts).lower()
    words = set(_WORD.findall(whole))

    def mend(match):
        first, second = match.groups()
        hyphenated = f"{first}-{second}"
        if second[0].isupper() or re.search(rf"(?<![^\W\d_]){re.escape(hyphenated.lower())}(?![^\W\d_])", whole):
            return hyphenated
        if (first + second).lower() in words or first.lower() not in _HYPHEN_PREFIXES:
            return first + second
        return hyphenated

    return [_LINE_END_HYPHEN.sub(mend, text) for text in texts]


def _edge_lines(lines, minimum=1):
    """Indexes of the first two and last two lines that have text, as (top, bottom); none on a page of fewer than
    minimum such lines."""
    filled = [index for index, line in enumerate(lines) if line]
    if len(filled) < minimum:
        return [], []
    return filled[:2], filled[-2:]


def _drop_page_numbers(text):
    lines = text.split("\n")
    top, bottom = _edge_lines(lines)
    edges = {*top, *bottom}
    lines = [line for index, line in enumerate(lines) if index not in edges or not _PAGE_NUMBER.fullmatch(line)]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _furniture_key(line):
    key = re.sub(r"\d+", "#", " ".join(line.lower().split()))
    return key if _LETTER.search(key) else ""


def _take_out_furniture(texts):
    """Remove lines repeated at the top or bottom of most pages (ignoring digits), and report each once."""
    if len(texts) < _FURNITURE_MIN_PAGES:
        return texts, []
    pages = [text.split("\n") for text in texts]
    seen, first_seen = Counter(), {}
    for lines in pages:
        top, bottom = _edge_lines(lines, _FURNITURE_MIN_LINES)
        keys = set()
        for index in [*top, *bottom]:
            key = _furniture_key(lines[index])
            if key:
                keys.add(key)
                first_seen.setdefault(key, (lines[index], "Page header" if index in top else "Page footer"))
        seen.update(keys)
    needed = max(2, math.ceil(_FURNITURE_SHARE * len(pages)))
    repeated = {key for key, count in seen.items() if count >= needed}
    if not repeated:
        return texts, []
    cleaned = []
    for lines in pages:
        top, bottom = _edge_lines(lines, _FURNITURE_MIN_LINES)
        edges = {*top, *bottom}
        kept = [line for index, line in enumerate(lines) if index not in edges or _furniture_key(line) not in repeated]
        cleaned.append(_BLANK_LINES.sub("\n\n", "\n".join(kept)).strip())
    extras = [Extra("header_footer", text, label) for key, (text, label) in first_seen.items() if key in repeated]
    return cleaned, extras


# Plain text and Markdown


def _read_text(path, kind, name):
    decoded = _decode(path.read_bytes(), complete=True)
    if decoded is None:
        raise _unrecognised(name)
    text, encoding = decoded
    pages = [Page(number, page) for number, page in enumerate(text.split("\f"), start=1)]
    return ExtractedDocument(kind, pages, metadata={"Encoding": encoding})


# PDF

_PDF_METADATA = ("Author", "Title", "Subject", "Keywords", "Creator", "Producer")
_PDF_PERSONAL_METADATA = ("Author", "Title", "Subject", "Keywords")
_UNDER_BOX = "Text under a filled box"
_UNDER_REDACTION = "Text marked for redaction but not removed"
_TEXTLESS_LETTERS = 10  # a page with pictures and fewer letters than this is taken to be a scan
_MIN_COVER = 3.0  # points: a filled shape thinner than this is a rule or a border, not a box over text
_OPAQUE = 230  # of 255
_UNREADABLE_CONTRAST = 1.5  # WCAG contrast ratio; 1 is the same colour, 21 black on white
_PARAGRAPH_GAP = 1.25  # a line spacing this many times the page's usual one starts a new paragraph
_SINGLE_SPACING = 1.2  # line spacing for the height of a line of type, when a page has too few lines to tell
_FULL_LINE = 0.85  # of the width of the page's text: a line reaching this far runs on to the next
_LIST_ITEM = re.compile(r"([\u2022\u2023\u25aa\u25cf\u25e6\u2043\u2013*-]|\(?\w{1,3}[.)])\s")


@dataclass
class _Cover:
    """A filled shape or box annotation that may hide text under it."""

    bounds: tuple[float, float, float, float]  # left, bottom, right, top on the page
    order: float  # painting order: a later one is painted over an earlier one; annotations over the whole page
    colour: tuple[int, int, int] | None
    opaque: bool
    label: str


@dataclass
class _Text:
    """A visible text object (one run of text shown by the page's content)."""

    bounds: tuple[float, float, float, float]
    order: int
    colour: tuple[int, int, int] | None


@dataclass
class _PageObjects:
    texts: list[tuple[pdfium.PdfObject, int]] = field(default_factory=list)  # text objects and their painting order
    covers: list[_Cover] = field(default_factory=list)
    pictures: int = 0


@dataclass
class _Annotations:
    notes: dict[int, list[Extra]] = field(default_factory=dict)  # page index: comments written on the page
    covers: dict[int, list[_Cover]] = field(default_factory=dict)  # page index: boxes drawn over it
    authors: set[str] = field(default_factory=set)


def _read_pdf(path, size):
    with path.open("rb") as upload:
        upload.seek(max(0, size - 1024))
        if b"%%EOF" not in upload.read():
            raise _corrupt("PDF")
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise _encrypted_pdf() from error
        raise _corrupt("PDF") from error
    with pdf:
        if pdfium_c.FPDF_GetSecurityHandlerRevision(pdf) != -1:
            raise _encrypted_pdf()
        if len(pdf) == 0:
            raise _corrupt("PDF")
        document = ExtractedDocument("pdf", [])
        info = pdf.get_metadata_dict(skip_empty=True)
        document.metadata = {key: info[key].strip() for key in _PDF_METADATA if info.get(key, "").strip()}
        document.extras = [
            Extra("metadata", document.metadata[key], key) for key in _PDF_PERSONAL_METADATA if key in document.metadata
        ]
        annotations = _read_annotations(path)
        textless, pictured, hidden = 0, 0, []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                text, objects = _page_text(textpage), _scan_objects(page)
                covers = objects.covers + annotations.covers.get(index, [])
                hidden += _hidden_text(textpage, covers, objects.texts, index + 1) if covers else []
            except pdfium.PdfiumError as error:
                raise _corrupt("PDF") from error
            document.pages.append(Page(index + 1, text))
            pictured += objects.pictures > 0
            textless += objects.pictures > 0 and len(_LETTER.findall(text)) < _TEXTLESS_LETTERS
    _refuse_scans(len(document.pages), textless)
    notes = [note for index in sorted(annotations.notes) for note in annotations.notes[index]]
    document.extras += notes + [Extra("metadata", author, "Comment author") for author in sorted(annotations.authors)]
    document.extras += hidden
    document.notes = _pdf_notes(len(document.pages), textless, pictured, len(notes), len(hidden))
    return document


def _refuse_scans(pages, textless):
    """Refuse a PDF with more pages that are only pictures than pages with text."""
    if textless * 2 > pages:
        share = "This PDF has" if textless == pages else f"{textless} of the {pages} pages of this PDF have"
        raise DocumentRejected(
            "no_text_layer",
            f"{share} no text we can read: the pages are pictures, as from a scanner, and we need the text to check "
            f"the review for identifying details. {_EXPORT_INSTEAD}",
        )


def _pdf_notes(pages, textless, pictured, notes, hidden):
    result = []
    if textless:
        result.append(
            f"{textless} of {_count(pages, 'page')} {'has' if textless == 1 else 'have'} no text (pictures or "
            "scans); their content could not be checked."
        )
    if hidden:
        result.append(
            f"{_count(hidden, 'piece')} of text {'is' if hidden == 1 else 'are'} hidden under a filled box or a "
            "redaction mark. A box drawn over text hides it on screen but leaves it in the file: delete the text "
            "itself before publishing."
        )
    if notes:
        result.append(
            f"The PDF contains {_count(notes, 'comment')} added as annotations (such as sticky notes): remove "
            f"{'it' if notes == 1 else 'them'} before publishing."
        )
    if pictured:
        result.append(
            f"{_count(pictured, 'page')} {'has' if pictured == 1 else 'have'} pictures; words inside pictures (for "
            "example a genogram or a scanned letter) could not be checked."
        )
    return result


def _utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Line:
    """A line of text as PDFium gives it, and where it lies; baseline is None where PDFium gives no position."""

    text: str
    baseline: float | None = None
    height: float = 0.0  # of the type
    left: float = 0.0
    right: float = 0.0


def _page_text(textpage):
    """The page's text: paragraphs separated by a blank line, and the lines of a paragraph joined where one runs
    on to the next.

    A line starts a paragraph when it lies further below the line above than the page's usual line spacing, is in
    another size of type, or is back up the page (a new column or box). A line runs on to the next when it reaches
    the right-hand edge of the page's text, unless the next starts a list item; other line breaks are kept. PDFium
    marks a hyphen that ends a line with U+FFFE and joins the lines; the break is put back for _join_hyphenated.
    """
    lines = []
    position = 0  # in UTF-16 units, as PDFium counts
    for text in textpage.get_text_range().split("\r\n"):
        if text.strip():
            lines.append(_line(textpage, text, position))
        position += _utf16_length(text) + 2
    positioned = [line for line in lines if line.baseline is not None]
    pitches = [
        above.baseline - below.baseline
        for above, below in itertools.pairwise(positioned)
        if 0 < above.baseline - below.baseline < 3 * above.height
    ]
    usual = sorted(pitches)[len(pitches) // 4] if len(pitches) >= 3 else None  # lower quartile: body text
    left = min((line.left for line in positioned), default=0)
    full = left + _FULL_LINE * (max((line.right for line in positioned), default=0) - left)
    parts = [lines[0].text] if lines else []
    for above, below in itertools.pairwise(lines):
        if _starts_paragraph(above, below, usual):
            parts.append("\n\n")
        elif above.baseline is not None and above.right >= full and not _LIST_ITEM.match(below.text.lstrip()):
            parts.append(" ")
        else:
            parts.append("\n")
        parts.append(below.text)
    return "".join(parts).replace("\ufffe", "-\n")


def _line(textpage, text, position):
    """A line of text placed by its first, middle and last characters: the middle baseline and the greatest type
    height of the three, so that a word in another font at one end does not count."""
    samples = {len(text) - len(text.lstrip()), len(text.rstrip()) - 1}
    samples.add(next(index for index in range(len(text) // 2, len(text)) if not text[index].isspace()))
    baselines, heights, lefts, rights = [], [], [], []
    for index in sorted(samples):
        char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, position + _utf16_length(text[:index]))
        x, y, box = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF()
        if (
            char >= 0
            and pdfium_c.FPDFText_GetCharOrigin(textpage, char, x, y)
            and pdfium_c.FPDFText_GetLooseCharBox(textpage, char, box)
        ):
            baselines.append(y.value)
            heights.append(box.top - box.bottom)
            lefts.append(box.left)
            rights.append(box.right)
    if not baselines:
        return _Line(text)
    return _Line(text, sorted(baselines)[len(baselines) // 2], max(heights), min(lefts), max(rights))


def _starts_paragraph(above, below, usual):
    """Whether the line below starts a paragraph; usual is the page's line spacing, if it has lines enough."""
    if above.baseline is None or below.baseline is None:
        return False
    pitch = above.baseline - below.baseline
    usual = usual or _SINGLE_SPACING * above.height
    return (
        pitch < -0.5 * below.height
        or abs(above.height - below.height) > 0.15 * max(above.height, below.height)
        or pitch > usual * _PARAGRAPH_GAP + 1
    )


def _address(pointer):
    return ctypes.cast(pointer, ctypes.c_void_p).value


def _scan_objects(page):
    """The page's text objects, the filled shapes that could cover text, and how many pictures it has."""
    scan = _PageObjects()
    for order, obj in enumerate(page.get_objects()):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            scan.texts.append((obj, order))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            scan.pictures += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and (cover := _path_cover(obj, order)):
            scan.covers.append(cover)
    return scan


def _path_cover(obj, order):
    fill_mode, stroke = ctypes.c_int(), pdfium_c.FPDF_BOOL()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
        return None
    fill = _fill_colour(obj)
    bounds = _page_bounds(obj)
    if fill is None or bounds is None or min(bounds[2] - bounds[0], bounds[3] - bounds[1]) < _MIN_COVER:
        return None
    colour, alpha = fill
    return _Cover(bounds, order, colour, alpha >= _OPAQUE, _UNDER_BOX)


def _fill_colour(obj):
    """((red, green, blue), alpha) of a page object's fill, 0 to 255, or None."""
    red, green, blue, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
        return None
    return (red.value, green.value, blue.value), alpha.value


def _page_bounds(obj):
    """(left, bottom, right, top) of a page object on the page, or None."""
    try:
        left, bottom, right, top = obj.get_bounds()
    except pdfium.PdfiumError:
        return None
    container = obj.container  # the bounds of an object inside a form XObject are in the form's space
    while container is not None:
        left, bottom, right, top = container.get_matrix().on_rect(left, bottom, right, top)
        container = container.container
    return left, bottom, right, top


def _read_annotations(path):
    """Comments written on each page, and boxes drawn over it (redaction marks, filled rectangles)."""
    found = _Annotations()
    try:
        reader = pypdf.PdfReader(path)
        for index, page in enumerate(reader.pages):
            listed = page.get("/Annots")
            for reference in listed.get_object() if listed is not None else ():
                annotation = reference.get_object()
                subtype = str(annotation.get("/Subtype", ""))
                cover = _annotation_cover(annotation, subtype)
                if cover:
                    found.covers.setdefault(index, []).append(cover)
                contents = str(annotation.get("/Contents", "")).strip()
                author = str(annotation.get("/T", "")).strip()
                if contents and subtype != "/Popup":
                    label = f"Comment by {author}" if author else "Comment"
                    found.notes.setdefault(index, []).append(Extra("annotation", contents, label, index + 1))
                    if author:
                        found.authors.add(author)
    except (pypdf.errors.PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise _corrupt("PDF") from error
    return found


def _annotation_cover(annotation, subtype):
    rectangle = [float(value) for value in annotation.get("/Rect", ())]
    if len(rectangle) != 4:
        return None
    bounds = (min(rectangle[0::2]), min(rectangle[1::2]), max(rectangle[0::2]), max(rectangle[1::2]))
    if subtype == "/Redact":
        return _Cover(bounds, math.inf, None, True, _UNDER_REDACTION)
    fill = [float(value) for value in annotation.get("/IC", ())]
    if subtype != "/Square" or len(fill) not in (1, 3, 4):
        return None
    if len(fill) == 1:
        fill *= 3
    elif len(fill) == 4:
        fill = [(1 - component) * (1 - fill[3]) for component in fill[:3]]
    colour = tuple(round(255 * component) for component in fill)
    opaque = float(annotation.get("/CA", 1)) * 255 >= _OPAQUE
    return _Cover(bounds, math.inf, colour, opaque, _UNDER_BOX)


def _hidden_text(textpage, covers, texts, number):
    """Text under a box painted over it, or under a box of nearly its own colour, in whole words, one Extra a line.

    Covers are first matched against whole text objects, so a page of shaded table cells costs little; only
    pages with a cover that may hide something are read character by character.
    """
    visible = _visible_texts(texts)
    covers = [
        cover
        for cover in covers
        if any(_overlap(cover.bounds, text.bounds) > 0 and _hides(cover, text) for text in visible.values())
    ]
    if not covers:
        return []
    runs, run = [], None  # [first char, last char, cover]
    for index in range(textpage.count_chars()):
        if chr(pdfium_c.FPDFText_GetUnicode(textpage, index)).isspace() or pdfium_c.FPDFText_IsGenerated(
            textpage, index
        ):
            continue
        text = visible.get(_address(pdfium_c.FPDFText_GetTextObject(textpage, index)))
        cover = _cover_over(textpage, index, covers, text) if text else None
        if cover is None:
            run = None
        elif run is not None and run[2] is cover:
            run[1] = index
        else:
            run = [index, index, cover]
            runs.append(run)
    extras = []
    for first, last, cover in runs:
        first, last = _whole_words(textpage, first, last)
        lines = textpage.get_text_range(first, last - first + 1).replace("\ufffe", "-").splitlines()
        extras += [Extra("hidden_text", line.strip(), cover.label, number) for line in lines if line.strip()]
    return extras


def _whole_words(textpage, first, last):
    """Widen a run of characters to the whole words at its ends, where a box covers only part of a word."""
    count = textpage.count_chars()
    while first > 0 and chr(pdfium_c.FPDFText_GetUnicode(textpage, first - 1)).isalnum():
        first -= 1
    while last + 1 < count and chr(pdfium_c.FPDFText_GetUnicode(textpage, last + 1)).isalnum():
        last += 1
    return first, last


def _visible_texts(texts):
    """Text object address: _Text, leaving out invisible text (the text layer that OCR puts over a scan)."""
    visible = {}
    for obj, order in texts:
        if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
            continue
        bounds, fill = _page_bounds(obj), _fill_colour(obj)
        if bounds is not None:
            visible[_address(obj.raw)] = _Text(bounds, order, fill[0] if fill else None)
    return visible


def _overlap(first, second):
    width = min(first[2], second[2]) - max(first[0], second[0])
    height = min(first[3], second[3]) - max(first[1], second[1])
    return width * height if width > 0 and height > 0 else 0


def _hides(cover, text):
    """Whether a cover hides text it overlaps: painted over it opaquely, or too close to its colour to read."""
    if cover.order > text.order and cover.opaque:
        return True
    if cover.colour is None or text.colour is None:
        return False
    lighter, darker = sorted((_luminance(cover.colour), _luminance(text.colour)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05) < _UNREADABLE_CONTRAST


def _cover_over(textpage, index, covers, text):
    """The cover hiding a character of text: one that hides the text and holds the character's centre and at least
    half its area."""
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
        return None
    box = (left.value, bottom.value, right.value, top.value)
    area = (box[2] - box[0]) * (box[3] - box[1])
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for cover in covers:
        cover_left, cover_bottom, cover_right, cover_top = cover.bounds
        if (
            area > 0
            and cover_left <= x <= cover_right
            and cover_bottom <= y <= cover_top
            and _overlap(box, cover.bounds) >= area / 2
            and _hides(cover, text)
        ):
            return cover
    return None


def _luminance(colour):
    """WCAG relative luminance of an sRGB colour given as 0-255 components."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


# DOCX

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CORE_PROPERTIES = (
    (f"{_DC}creator", "Author"),
    (f"{_CORE}lastModifiedBy", "Last modified by"),
    (f"{_DC}title", "Title"),
    (f"{_DC}subject", "Subject"),
    (f"{_CORE}keywords", "Keywords"),
    (f"{_DC}description", "Description"),
    (f"{_CORE}category", "Category"),
)
_APP_PROPERTIES = ((f"{_APP}Company", "Company"), (f"{_APP}Manager", "Manager"), (f"{_APP}Application", "Application"))
_IMPERSONAL_PROPERTIES = frozenset(("Application",))  # kept in metadata, not listed as text to check
_HEADER_FOOTER_PART = re.compile(r"word/(header|footer)\d*\.xml")
_SEPARATOR_NOTES = ("separator", "continuationSeparator", "continuationNotice")
# WordprocessingML elements with no text of their own to read (properties, field codes, old-style fallbacks).
_NOT_TEXT = frozenset(
    ("", "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "instrText", "delInstrText", "mc:Fallback")
)
_BIG_PART = _MB


def _read_docx(path, name):
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _corrupt("Word document") from error
    with archive:
        members = archive.infolist()
        if len(members) > MAX_DOCX_PARTS:
            raise DocumentRejected(
                "too_many_parts",
                f"This Word document is made of {len(members):,} internal parts, more than the {MAX_DOCX_PARTS:,} "
                "we accept (Word writes a few dozen), so it may be damaged or deliberately malformed. Save the "
                "review again from your word processor as a new DOCX, or export it to PDF, and upload that.",
            )
        if sum(member.file_size for member in members) > MAX_DOCX_UNCOMPRESSED or any(
            member.file_size >= _BIG_PART and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
            for member in members
        ):
            raise DocumentRejected(
                "zip_bomb",
                f"This file uncompresses to far more data than a review needs (over {MAX_DOCX_UNCOMPRESSED // _MB} MB, "
                f"or parts that grow more than {MAX_COMPRESSION_RATIO} times), so it is damaged or deliberately "
                "malformed and we will not open it. Save the review again from your word processor as a new DOCX, "
                "or export it to PDF, and upload that.",
            )
        if any(member.flag_bits & 0x1 for member in members):
            raise _encrypted_office()
        parts = _DocxParts(archive)
        kind = _package_kind(parts.names, parts.text("[Content_Types].xml"), parts.text("mimetype"))
        if kind != "docx":
            raise _wrong_type(name, *(kind or _unknown_package(parts.text("[Content_Types].xml"))))
        if not {"word/document.xml", "[Content_Types].xml"} <= parts.names:
            raise _corrupt("Word document")
        return _docx_document(parts)


class _DocxParts:
    """The parts of a DOCX package, read and parsed with every failure turned into a "corrupt" rejection."""

    def __init__(self, archive):
        self.archive = archive
        self.names = set(archive.namelist())

    def read(self, name):
        try:
            return self.archive.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as error:
            raise _corrupt("Word document") from error

    def text(self, name):
        return self.read(name).decode("utf-8", "replace") if name in self.names else ""

    def xml(self, name):
        if name not in self.names:
            return None
        try:
            return etree.fromstring(self.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as error:
            raise _corrupt("Word document") from error


def _docx_document(parts):
    root = parts.xml("word/document.xml")
    w = f"{{{etree.QName(root).namespace}}}"  # transitional or strict WordprocessingML
    body = root.find(f"{w}body")
    if body is None:
        raise _corrupt("Word document")
    main = _WordText(w, paginated=True)
    main.blocks(body)
    footnotes, endnotes = parts.xml("word/footnotes.xml"), parts.xml("word/endnotes.xml")
    for note in _real_notes(footnotes, f"{w}footnote", w):
        main.pages[main.footnote_pages.get(note.get(f"{w}id"), len(main.pages)) - 1].append(main.collect(note))
    main.pages[-1].extend(main.collect(note) for note in _real_notes(endnotes, f"{w}endnote", w))
    pages = ["\n\n".join(blocks) for blocks in main.pages]
    if len(pages) > 1 and not pages[-1]:
        pages.pop()  # after a page break at the very end
    document = ExtractedDocument("docx", [Page(number, page) for number, page in enumerate(pages, start=1)])

    outside = _WordText(w, paginated=False)
    headers = {name: parts.xml(name) for name in sorted(parts.names) if _HEADER_FOOTER_PART.fullmatch(name)}
    furniture = {}
    for name, part in headers.items():
        furniture.setdefault(outside.collect(part), f"Page {_HEADER_FOOTER_PART.fullmatch(name).group(1)}")
    comments_part = parts.xml("word/comments.xml")
    comments, comment_authors = _docx_comments(comments_part, outside, main.comment_pages, w)
    read = [part for part in (root, footnotes, endnotes, comments_part, *headers.values()) if part is not None]
    revision_authors = {
        element.get(f"{w}author").strip()
        for part in read
        for element in part.iterfind(f".//*[@{w}author]")
        if element.tag != f"{w}comment"
    }
    properties = _docx_properties(parts)
    document.metadata = dict(properties)
    document.extras = [
        *main.extras,
        *(Extra("header_footer", words, label) for words, label in furniture.items()),
        *comments,
        *outside.extras,
        *(Extra("metadata", author, "Comment author") for author in sorted(comment_authors)),
        *(Extra("metadata", author, "Author of tracked changes") for author in sorted(revision_authors) if author),
        *(Extra("metadata", value, label) for label, value in properties if label not in _IMPERSONAL_PROPERTIES),
    ]
    document.notes = _docx_notes(parts.names, len(comments), main.tracked_changes + outside.tracked_changes)
    return document


def _docx_comments(part, text, pages, w):
    """Each comment (part is None if the document has none) with its author in the label and its page, and the
    authors' names."""
    comments, authors = [], set()
    for comment in part.iter(f"{w}comment") if part is not None else ():
        author = (comment.get(f"{w}author") or "").strip()
        label = f"Comment by {author}" if author else "Comment"
        comments.append(Extra("comment", text.collect(comment), label, pages.get(comment.get(f"{w}id"))))
        authors.add(author)
    return comments, authors - {""}


def _real_notes(part, tag, w):
    """The footnotes or endnotes in a part (None if the document has none), without the separator lines."""
    if part is None:
        return []
    return [note for note in part.iter(tag) if note.get(f"{w}type") not in _SEPARATOR_NOTES]


def _docx_properties(parts):
    """The core, extended and custom document properties that have a value, as (label, value)."""
    found = []
    for part_name, properties in (("docProps/core.xml", _CORE_PROPERTIES), ("docProps/app.xml", _APP_PROPERTIES)):
        part = parts.xml(part_name)
        if part is not None:
            found += [(label, part.findtext(tag, "").strip()) for tag, label in properties]
    part = parts.xml("docProps/custom.xml")
    if part is not None:
        found += [(prop.get("name", ""), "".join(prop.itertext()).strip()) for prop in part.iter(f"{_CUSTOM}property")]
    return [(label, value) for label, value in found if label and value]


def _docx_notes(names, comments, tracked_changes):
    notes = []
    marks = []
    if comments:
        marks.append(_count(comments, "comment"))
    if tracked_changes:
        marks.append(_count(tracked_changes, "tracked change"))
    if marks:
        notes.append(f"The document contains {' and '.join(marks)}: remove them before publishing.")
    pictures = sum(name.startswith("word/media/") for name in names)
    if pictures:
        notes.append(
            f"The document contains {_count(pictures, 'picture')}; words inside pictures (for example a genogram or "
            "a scanned letter) could not be checked."
        )
    embedded = sum(name.startswith("word/embeddings/") for name in names)
    if embedded:
        notes.append(
            f"The document contains {_count(embedded, 'embedded file')} (such as a spreadsheet); "
            f"{'its' if embedded == 1 else 'their'} content could not be checked."
        )
    return notes


class _WordText:
    """Collects the text of WordprocessingML in document order.

    Paragraphs are separated by a blank line; a table row becomes one line with its cells separated by " | ";
    a text box follows the paragraph it is anchored in. Tracked insertions stay in the text and are listed;
    tracked deletions are only listed. When paginated, explicit page breaks (w:br type="page", pageBreakBefore)
    and the page breaks Word last laid out (w:lastRenderedPageBreak) start a new page; inside a table or text box
    the break waits until the table or paragraph ends.
    """

    def __init__(self, w, *, paginated):
        self.w = w
        self.paginated = paginated
        self.pages = [[]]  # blocks of text per page
        self.extras = []
        self.tracked_changes = 0
        self.comment_pages = {}
        self.footnote_pages = {}
        self._sinks = [self.pages[-1]]
        self._pending_break = False
        self._revisions = {"Inserted text": [], "Deleted text": []}

    @property
    def page(self):
        return len(self.pages) if self.paginated else None

    def collect(self, element):
        """The text of the blocks inside element (a table cell, text box, note, comment, header or footer)."""
        sink = []
        self._sinks.append(sink)
        self.blocks(element)
        self._sinks.pop()
        return "\n\n".join(sink)

    def blocks(self, container):
        for child in container:
            name = self._local(child)
            if name == "p":
                self._paragraph(child)
            elif name == "tbl":
                self._table(child)
            elif name not in _NOT_TEXT:
                self.blocks(child)  # content controls, custom XML and other wrappers
            if self._pending_break and len(self._sinks) == 1:
                self._pending_break = False
                self._new_page()

    def _local(self, element):
        tag = element.tag
        if not isinstance(tag, str):
            return ""  # an XML comment or processing instruction
        if tag.startswith(self.w):
            return tag[len(self.w) :]
        return "mc:Fallback" if tag == _MC_FALLBACK else "other"

    def _children(self, element, name):
        for child in element:
            local = self._local(child)
            if local == name:
                yield child
            elif local in ("sdt", "sdtContent", "customXml"):
                yield from self._children(child, name)

    def _paragraph(self, paragraph):
        properties = paragraph.find(f"{self.w}pPr")
        if properties is not None:
            page_break_before = properties.find(f"{self.w}pageBreakBefore")
            if page_break_before is not None and page_break_before.get(f"{self.w}val") not in ("0", "false", "off"):
                self._break([])
        pieces, boxes = [], []
        self._inline(paragraph, pieces, boxes, None)
        self._flush_revisions()
        self._emit("".join(pieces))
        for box in boxes:
            self._emit(box)

    def _table(self, table):
        rows = []
        for row in self._children(table, "tr"):
            cells = [" ".join(self.collect(cell).split()) for cell in self._children(row, "tc")]
            if any(cells):
                rows.append(" | ".join(cells))
        self._emit("\n".join(rows))

    def _inline(self, element, pieces, boxes, revision):
        w = self.w
        for child in element:
            name = self._local(child)
            if name in _NOT_TEXT:
                continue
            if name == "t":
                if revision != "moveFrom":  # moved text is read where it was moved to
                    self._add(pieces, child.text or "", revision)
            elif name == "delText":
                self._revisions["Deleted text"].append(child.text or "")
            elif name in ("tab", "ptab"):
                pieces.append("\t")
            elif name == "noBreakHyphen":
                pieces.append("-")
            elif name == "cr" or (name == "br" and child.get(f"{w}type") != "page"):
                pieces.append("\n")
            elif name in ("br", "lastRenderedPageBreak"):
                self._break(pieces)
            elif name == "txbxContent":
                boxes.append(self.collect(child))
            elif name in ("ins", "del", "moveFrom"):
                self._inline(child, pieces, boxes, name)
            elif name in ("commentRangeStart", "commentReference"):
                self.comment_pages.setdefault(child.get(f"{w}id"), self.page)
            elif name == "footnoteReference":
                self.footnote_pages.setdefault(child.get(f"{w}id"), self.page)
            else:
                self._inline(child, pieces, boxes, revision)  # runs, hyperlinks, fields, drawings, moveTo

    def _add(self, pieces, text, revision):
        pieces.append(text)
        if revision == "ins":
            self._revisions["Inserted text"].append(text)
        elif text.strip():
            self._flush_revisions()

    def _flush_revisions(self):
        for label, texts in self._revisions.items():
            text = "".join(texts).strip()
            if text:
                self.extras.append(Extra("tracked_change", text, label, self.page))
                self.tracked_changes += 1
            texts.clear()

    def _emit(self, text):
        if text.strip():
            self._sinks[-1].append(text)

    def _break(self, pieces):
        if not self.paginated:
            return
        if len(self._sinks) > 1:
            self._pending_break = True
            return
        self._flush_revisions()
        self._emit("".join(pieces))
        pieces.clear()
        self._new_page()

    def _new_page(self):
        if self.pages[-1]:
            self.pages.append([])
            self._sinks[0] = self.pages[-1]
