"""Telling what kind of file an upload is, from its content, and the messages that refuse one."""

import codecs
import math
import re
import struct
import zlib
from dataclasses import dataclass

from ingest.documents import DocumentRejected

MAX_COMPRESSION_RATIO = 100  # for any part of 1 MB or more; Word's XML packs about 10 to 1
HEAD_BYTES = 64 * 1024  # what detect_kind() wants to see of a file

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much of a Word package is read: its parts, their declared size unpacked (pictures included), and the
    XML actually unpacked, counted as it is read; and whether scanned PDF pages are read by OCR (when tesseract is
    installed). The service sets them from settings (ingest.limits)."""

    parts: int = 1000  # Word writes a few dozen
    unpacked_bytes: int = 200 * _MB
    xml_bytes: int = 64 * _MB
    ocr: bool = True


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
