"""DOCX, read as XML (python-docx drops tracked deletions and text boxes)."""

import re
import struct
import zipfile
import zlib
from contextlib import contextmanager

from lxml import etree

from ingest.documents import DocumentRejected, Extra, ExtractedDocument, Page
from ingest.extraction.detect import (
    _MB,
    _ZIP_END,
    MAX_COMPRESSION_RATIO,
    _corrupt,
    _count,
    _encrypted_office,
    _package_kind,
    _unknown_package,
    _wrong_type,
)

# DOCX

_CONTEXT = 80  # characters kept of the text before a footnote's mark
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
_XML_PARTS = (".xml", ".rels")  # the parts read; pictures and embedded files are only counted
_CHUNK = 64 * 1024
_END_SEARCH = 22 + 65535  # the end record and the longest comment it can have
_DIRECTORY_ENTRY = 1024  # bytes a part's directory entry may take (Word's part names are short)


def check_docx(path, name, limits):
    """The cheap check of a DOCX package, made while the author waits: its index of parts, their declared sizes,
    encryption, and the parts that make it a Word document. Reads the ZIP's directory and one small part only."""
    with _open_docx(path, name, limits):
        pass


def _read_docx(path, name, limits):
    with _open_docx(path, name, limits) as parts:
        return _docx_document(parts)


@contextmanager
def _open_docx(path, name, limits):
    _check_directory(path, limits)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _corrupt("Word document") from error
    with archive:
        members = archive.infolist()
        if len(members) > limits.parts:
            raise _too_many_parts(len(members), limits)
        xml = sum(member.file_size for member in members if member.filename.endswith(_XML_PARTS))
        if xml > limits.xml_bytes:
            raise _too_much_xml(limits)
        if sum(member.file_size for member in members) > limits.unpacked_bytes or any(
            member.file_size >= _BIG_PART and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
            for member in members
        ):
            raise DocumentRejected(
                "zip_bomb",
                f"This file uncompresses to far more data than a review needs (over "
                f"{limits.unpacked_bytes // _MB} MB, or parts that grow more than {MAX_COMPRESSION_RATIO} times), so "
                "it is damaged or deliberately malformed and we will not open it. Save the review again from your "
                "word processor as a new DOCX, or export it to PDF, and upload that.",
            )
        if any(member.flag_bits & 0x1 for member in members):
            raise _encrypted_office()
        parts = _DocxParts(archive, limits)
        kind = _package_kind(parts.names, parts.text("[Content_Types].xml"), parts.text("mimetype"))
        if kind != "docx":
            raise _wrong_type(name, *(kind or _unknown_package(parts.text("[Content_Types].xml"))))
        if not {"word/document.xml", "[Content_Types].xml"} <= parts.names:
            raise _corrupt("Word document")
        yield parts


def _check_directory(path, limits):
    """Refuse a ZIP whose directory lists more parts than a Word document has, before reading the directory in:
    its end record says how many parts and how many bytes the directory has."""
    with path.open("rb") as archive:
        archive.seek(0, 2)
        size = archive.tell()
        archive.seek(max(0, size - _END_SEARCH))
        tail = archive.read()
    end = tail.rfind(_ZIP_END)
    if end < 0 or end + 22 > len(tail):
        raise _corrupt("Word document")
    entries, directory_size = struct.unpack_from("<HI", tail, end + 10)
    if entries > limits.parts:
        raise _too_many_parts(entries, limits)
    if directory_size > limits.parts * _DIRECTORY_ENTRY:
        raise _too_many_parts(directory_size // 46, limits)  # 46 bytes: the smallest entry


def _too_many_parts(count, limits):
    return DocumentRejected(
        "too_many_parts",
        f"This Word document is made of {count:,} or more internal parts, more than the {limits.parts:,} we accept "
        "(Word writes a few dozen), so it may be damaged or deliberately malformed. Save the review again from your "
        "word processor as a new DOCX, or export it to PDF, and upload that.",
    )


def _too_much_xml(limits):
    return DocumentRejected(
        "too_much_xml",
        f"This Word document unpacks to more than {limits.xml_bytes / _MB:g} MB of text and layout, far more than a "
        "review needs, so it may be damaged or deliberately malformed. Save the review again from your word "
        "processor as a new DOCX, or export it to PDF, and upload that.",
    )


class _DocxParts:
    """The parts of a DOCX package, read and parsed with every failure turned into a "corrupt" rejection.

    Parts are unpacked a chunk at a time and every byte unpacked counts against the limit on XML: a part whose
    header understates its size is stopped there (or by its checksum), never inflated whole first.
    """

    def __init__(self, archive, limits):
        self.archive = archive
        self.names = set(archive.namelist())
        self.limits = limits
        self.unpacked = 0

    def read(self, name):
        chunks = []
        try:
            with self.archive.open(name) as member:
                while chunk := member.read(_CHUNK):
                    self.unpacked += len(chunk)
                    if self.unpacked > self.limits.xml_bytes:
                        raise _too_much_xml(self.limits)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as error:
            raise _corrupt("Word document") from error
        return b"".join(chunks)

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
    numbering = WordNumbering(parts.xml("word/numbering.xml"), parts.xml("word/styles.xml"), w)
    main = _WordText(w, paginated=True, numbering=numbering)
    main.blocks(body)
    # Footnotes and endnotes are notes of the page that cites them (the last page for endnotes), not its text.
    footnotes, endnotes = parts.xml("word/footnotes.xml"), parts.xml("word/endnotes.xml")
    notes = [
        Extra(
            "footnote",
            text,
            f"Footnote {number}",
            main.footnote_pages.get(note.get(f"{w}id"), len(main.pages)),
            main.footnote_contexts.get(note.get(f"{w}id"), ""),
        )
        for number, note in enumerate(_real_notes(footnotes, f"{w}footnote", w), start=1)
        if (text := main.collect(note))
    ]
    notes += [
        Extra("footnote", text, f"Endnote {number}", len(main.pages), main.endnote_contexts.get(note.get(f"{w}id"), ""))
        for number, note in enumerate(_real_notes(endnotes, f"{w}endnote", w), start=1)
        if (text := main.collect(note))
    ]
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
        *notes,
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


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _roman(number):
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number):
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


class WordNumbering:
    """Word's automatic list numbers ("1.", "a)", "2.1", bullets), which are not in the text: worked out from the
    numbering and styles parts, counted in document order as Word counts them, and put before each paragraph's
    text as a reader sees them."""

    def __init__(self, numbering, styles, w):
        self.w = w
        self.levels = {}  # abstract id: {level: (start, format, text)}
        self.instances = {}  # num id: (abstract id, {level: start override})
        self.styles = {}  # style id: (num id or None, level or None, based on)
        self.counters = {}  # abstract id: [count per level]
        self.started = set()  # (num id, level) of the list instances used so far
        if numbering is not None:
            for abstract in numbering.iter(f"{w}abstractNum"):
                levels = {}
                for level in abstract.iter(f"{w}lvl"):
                    levels[self._int(level.get(f"{w}ilvl"), 0)] = (
                        self._int(self._val(level, "start"), 1),
                        self._val(level, "numFmt") or "decimal",
                        self._val(level, "lvlText") or "",
                    )
                self.levels[abstract.get(f"{w}abstractNumId")] = levels
            for instance in numbering.iter(f"{w}num"):
                overrides = {
                    self._int(override.get(f"{w}ilvl"), 0): self._int(self._val(override, "startOverride"), 1)
                    for override in instance.iter(f"{w}lvlOverride")
                    if override.find(f"{w}startOverride") is not None
                }
                self.instances[instance.get(f"{w}numId")] = (self._val(instance, "abstractNumId"), overrides)
        if styles is not None:
            for style in styles.iter(f"{w}style"):
                number = style.find(f"{w}pPr/{w}numPr")
                self.styles[style.get(f"{w}styleId")] = (
                    self._val(number, "numId") if number is not None else None,
                    self._val(number, "ilvl") if number is not None else None,
                    self._val(style, "basedOn"),
                )

    def _val(self, element, name):
        found = element.find(f"{self.w}{name}") if element is not None else None
        return found.get(f"{self.w}val") if found is not None else None

    @staticmethod
    def _int(text, default):
        try:
            return int(text)
        except (TypeError, ValueError):
            return default

    def _from_style(self, style_id):
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            num_id, level, based_on = self.styles[style_id]
            if num_id is not None or level is not None:
                return num_id, level
            style_id = based_on
        return None, None

    def label(self, properties):
        """The number or bullet Word shows before a paragraph with these properties (pPr), or ""."""
        if properties is None or not self.instances:
            return ""
        number = properties.find(f"{self.w}numPr")
        num_id = self._val(number, "numId") if number is not None else None
        level = self._val(number, "ilvl") if number is not None else None
        if num_id is None or level is None:
            styled_id, styled_level = self._from_style(self._val(properties, "pStyle"))
            num_id, level = num_id or styled_id, level if level is not None else styled_level
        if num_id in (None, "0") or num_id not in self.instances:
            return ""
        abstract, overrides = self.instances[num_id]
        levels = self.levels.get(abstract, {})
        level = min(max(self._int(level, 0), 0), 8)
        if level not in levels:
            return ""
        counts = self.counters.setdefault(abstract, [None] * 9)
        start = overrides.get(level, levels[level][0])
        # a list's own instance that says where it starts (w:startOverride) starts there when first used, however far
        # another list of the same definition has counted
        restarts = level in overrides and (num_id, level) not in self.started
        self.started.add((num_id, level))
        counts[level] = start if counts[level] is None or restarts else counts[level] + 1
        for deeper in range(level + 1, 9):
            counts[deeper] = None
        shown, text = levels[level][1], levels[level][2]
        if shown == "bullet":
            return "\u2022"
        if shown == "none":
            return ""

        def number_of(match):
            at = int(match.group(1)) - 1
            if not 0 <= at <= level or at not in levels:
                return ""
            count = counts[at] if counts[at] is not None else levels[at][0]
            return _FORMATS.get(levels[at][1], str)(count)

        return re.sub(r"%([1-9])", number_of, text).strip()


class _WordText:
    """Collects the text of WordprocessingML in document order.

    Paragraphs are separated by a blank line; a table row becomes one line with its cells separated by " | ";
    a text box follows the paragraph it is anchored in. Tracked insertions stay in the text and are listed;
    tracked deletions are only listed. When paginated, explicit page breaks (w:br type="page", pageBreakBefore)
    and the page breaks Word last laid out (w:lastRenderedPageBreak) start a new page; inside a table or text box
    the break waits until the table or paragraph ends.
    """

    def __init__(self, w, *, paginated, numbering=None):
        self.w = w
        self.paginated = paginated
        self.numbering = numbering
        self.pages = [[]]  # blocks of text per page
        self.extras = []
        self.tracked_changes = 0
        self.comment_pages = {}
        self.footnote_pages = {}
        self.footnote_contexts, self.endnote_contexts = {}, {}  # id: the paragraph's text before its mark
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
        text = "".join(pieces)
        label = self.numbering.label(properties) if self.numbering is not None and text.strip() else ""
        self._emit(f"{label} {text}" if label else text)
        for box in boxes:
            self._emit(box)

    def _table(self, table):
        rows = [[self.collect(cell) for cell in self._children(row, "tc")] for row in self._children(table, "tr")]
        if all(len(cells) <= 1 for cells in rows):
            # a box (a table of one column, as a form's are): its paragraphs and lines stay lines
            self._emit("\n".join(line.strip() for cells in rows for cell in cells for line in cell.split("\n")))
            return
        cells = [[" ".join(cell.split()) for cell in row] for row in rows]
        self._emit("\n".join(" | ".join(row) for row in cells if any(row)))

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
                self.footnote_contexts.setdefault(child.get(f"{w}id"), "".join(pieces)[-_CONTEXT:])
            elif name == "endnoteReference":
                self.endnote_contexts.setdefault(child.get(f"{w}id"), "".join(pieces)[-_CONTEXT:])
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
