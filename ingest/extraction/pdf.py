"""PDF: text from PDFium (pypdfium2), annotations from pypdf, and text hidden under drawn boxes."""

import ctypes
import dataclasses
import io
import itertools
import math
import re
import shutil
import subprocess
from dataclasses import dataclass, field

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.documents import DocumentRejected, Extra, ExtractedDocument, Page
from ingest.extraction.detect import _EXPORT_INSTEAD, _LETTER, _corrupt, _count, _encrypted_pdf

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
_BOLD = 600  # a font weight from this up is bold (400 is regular, 700 bold)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_NOTE_SIZE = 0.9  # footnotes are in type smaller than this part of the body's
_NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_FURNITURE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)
_MARK = re.compile(r"[A-Za-z)\]\u2019\u201d\"'.,;:](?P<mark>\d{1,3})(?=\s|[.,;:)]|$)")
_MARK_SIZE = 0.8  # a mark's type is smaller than this part of the word before it
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_SCAN_CHUNK = 1024 * 1024
_CONTEXT = 80  # characters kept of the text before a footnote's mark
_OCR_DPI = 300
_OCR_SECONDS = 120  # one page; the whole stage is bounded too (reviews.bounded)
_LIST_ITEM = re.compile(r"([\u2022\u2023\u25aa\u25cf\u25e6\u2043\u2013*-]|\(?\w{1,3}[.)])\s")
# A numbered paragraph's number, starting a line after a sentence's end: "10.3 The LSCB is asked to ...".
_PARAGRAPH_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,2}\s+[A-Z]")


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


def check_pdf(path, size):
    """The cheap check of a PDF, made while the author waits: it ends as a PDF does, and it is not encrypted.

    Reads the raw bytes a chunk at a time and parses nothing: an encrypted PDF names its /Encrypt dictionary in
    its trailer or cross-reference stream, which are never compressed.
    """
    _check_end(path, size)
    overlap = b""
    with path.open("rb") as upload:
        while chunk := upload.read(_SCAN_CHUNK):
            if _ENCRYPT.search(overlap + chunk):
                raise _encrypted_pdf()
            overlap = chunk[-64:]


def _check_end(path, size):
    with path.open("rb") as upload:
        upload.seek(max(0, size - 1024))
        if b"%%EOF" not in upload.read():
            raise _corrupt("PDF")


def _read_pdf(path, size, *, ocr=True):
    _check_end(path, size)
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
        textless, pictured, read_by_ocr, hidden = 0, 0, 0, []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                (text, footnotes), objects = _page_text(textpage), _scan_objects(page)
                document.extras += [
                    Extra("footnote", note, f"Footnote {mark}", index + 1, context) for mark, note, context in footnotes
                ]
                covers = objects.covers + annotations.covers.get(index, [])
                hidden += _hidden_text(textpage, covers, objects.texts, index + 1) if covers else []
                scanned = objects.pictures > 0 and len(_LETTER.findall(text)) < _TEXTLESS_LETTERS
                if scanned and ocr and ocr_available():
                    recognised = _ocr(page)
                    if len(_LETTER.findall(recognised)) >= _TEXTLESS_LETTERS:
                        text, scanned = recognised, False
                        read_by_ocr += 1
            except pdfium.PdfiumError as error:
                raise _corrupt("PDF") from error
            document.pages.append(Page(index + 1, text))
            pictured += objects.pictures > 0
            textless += scanned
    _refuse_scans(len(document.pages), textless)
    notes = [note for index in sorted(annotations.notes) for note in annotations.notes[index]]
    document.extras += notes + [Extra("metadata", author, "Comment author") for author in sorted(annotations.authors)]
    document.extras += hidden
    document.notes = _pdf_notes(len(document.pages), textless, pictured, len(notes), len(hidden))
    if read_by_ocr:
        document.notes.insert(
            0,
            f"{_count(read_by_ocr, 'page')} {'was' if read_by_ocr == 1 else 'were'} scanned pictures, read by "
            "optical character recognition (OCR): check their findings and flags against the document.",
        )
    return document


def ocr_available():
    """Whether Debian's tesseract-ocr is installed: scanned pages are then read with it."""
    return shutil.which("tesseract") is not None


def _ocr(page):
    """The text of a scanned page: rendered at _OCR_DPI and read by tesseract (English)."""
    image = page.render(scale=_OCR_DPI / 72, grayscale=True).to_pil()
    with io.BytesIO() as png:
        image.save(png, format="PNG")
        result = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "eng", "--psm", "3"],
            input=png.getvalue(),
            capture_output=True,
            timeout=_OCR_SECONDS,
            check=False,
        )
    if result.returncode != 0:
        raise DocumentRejected(
            "ocr_failed",
            "A scanned page of this PDF could not be read by OCR. "
            f"{result.stderr.decode(errors='replace').strip()[:200]}",
        )
    return result.stdout.decode("utf-8", errors="replace").replace("\f", "").strip()


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
    bold: bool = False  # every sampled character in bold type (a heading, most often)
    position: int = 0  # of its first character in the page's text, in UTF-16 units
    marks: tuple = ()  # (footnote mark, the line's text before it) for the marks taken out of it
    row: bool = False  # a table's row, its cells set apart by " | " (_tables_as_rows)


def _page_text(textpage):
    """The page's text: paragraphs separated by a blank line, and the lines of a paragraph joined where one runs
    on to the next.

    A line starts a paragraph when it lies further below the line above than the page's usual line spacing, is in
    another size or weight of type (a bold heading above its text), or is back up the page (a new column or box).
    A line runs on to the next when it reaches the right-hand edge of the page's text, unless the next starts a list
    item; other line breaks are kept. PDFium marks a hyphen that ends a line with U+FFFE and joins the lines; the
    break is put back for _join_hyphenated.
    """
    lines = []
    position = 0  # in UTF-16 units, as PDFium counts
    for text in textpage.get_text_range().split("\r\n"):
        if text.strip():
            lines.append(_line(textpage, text, position))
        position += _utf16_length(text) + 2
    lines = [_without_raised_marks(textpage, line) for line in lines]
    lines, notes = _take_out_notes(lines)
    cited = {}  # mark: the words before it, from the lines above too
    for index, line in enumerate(lines):
        for mark, before in line.marks:
            cited.setdefault(mark, " ".join([*(above.text for above in lines[max(0, index - 2) : index]), before]))
    notes = [(mark, note, cited.get(mark, "")[-_CONTEXT:]) for mark, note in notes]
    positioned = [line for line in lines if line.baseline is not None]
    pitches = [
        above.baseline - below.baseline
        for above, below in itertools.pairwise(positioned)
        if 0 < above.baseline - below.baseline < 3 * above.height
    ]
    usual = sorted(pitches)[len(pitches) // 4] if len(pitches) >= 3 else None  # lower quartile: body text
    left = min((line.left for line in positioned), default=0)
    full = left + _FULL_LINE * (max((line.right for line in positioned), default=0) - left)
    lines = _tables_as_rows(textpage, lines)
    parts = [lines[0].text] if lines else []
    for above, below in itertools.pairwise(lines):
        if above.row or below.row:  # a table's rows, one a line, the table a paragraph of its own
            parts.append("\n" if above.row and below.row else "\n\n")
        elif _starts_paragraph(above, below, usual):
            parts.append("\n\n")
        elif below.text[:1] in ".,;:" and not above.text.endswith(" "):
            pass  # a full stop after a raised mark, which PDFium puts on a line of its own
        elif (
            above.baseline is not None
            and above.right >= full
            and not _LIST_ITEM.match(below.text.lstrip())
            and not (_PARAGRAPH_NUMBER.match(below.text.lstrip()) and above.text.rstrip().endswith((".", ":", ";")))
        ):
            parts.append(" ")
        else:
            parts.append("\n")
        parts.append(below.text)
    return "".join(parts).replace("\ufffe", "-\n"), notes


_CELL_GAP = 0.9  # of the type's height: a wider gap between two words of a line parts two cells of a table
_COLUMN_SLACK = 3.0  # points: cells of one column start this close to each other
_CELL_LINE = 1.6  # of the type's height: the most a cell's next line lies below its line
_TURN_WITHIN = 40  # lines: a table's text goes back up the page within this many (its first cell's lines)


@dataclass
class _Piece:
    """A cell's line, or the part of a PDFium line in one cell (PDFium joins cells that share a baseline)."""

    text: str
    left: float
    right: float
    baseline: float
    height: float


def _tables_as_rows(textpage, lines):
    """The lines, with each table's lines (PDFium gives a row's cells one after another, each cell's lines top to
    bottom, so the text goes back up the page at each cell) replaced by a line a row: "Finding 1 | 1 | The LSCB
    should ...", an empty cell where a row has none. A table is two rows or more, each with two cells or more, whose
    cells start at the columns of its first row."""
    out, index, pieces = [], 0, {}
    while index < len(lines):
        found = _table_at(textpage, lines, index, pieces) if _turns_up(lines, index) else None
        found = found or _one_line_rows(textpage, lines, index, pieces)
        if found and out and out[-1] is lines[index - 1] and (header := _header_above(textpage, out[-1], found[2])):
            out[-1] = _Line(header, out[-1].baseline, position=out[-1].position, row=True)
        if found:
            rows, end, _ = found
            out.extend(_Line(row, lines[index].baseline, position=lines[index].position, row=True) for row in rows)
            index = end
        else:
            out.append(lines[index])
            index += 1
    return out


def _one_line_rows(textpage, lines, index, pieces):
    """([row, ...], the index of the line after it, its columns) of a table whose cells are each one line (a version
    table, a glossary: PDFium gives each row as one line), or None. Its first line is a header of short cells
    ("Version  Date  Author  Comment"), and each line after it has two cells or more starting at the header's columns;
    the line after the table does not go on one of its cells."""
    if lines[index].baseline is None:
        return None
    if index not in pieces:
        pieces[index] = _pieces(textpage, lines[index])
    header = pieces[index]
    if len(header) < 2 or any(len(p.text.split()) > 4 or p.text.endswith((".", ",", ";")) for p in header):
        return None
    columns = [p.left for p in header]
    rows, end = [[p.text for p in header]], index + 1
    for number in range(index + 1, len(lines)):
        if lines[number].baseline is None or lines[number].baseline >= lines[number - 1].baseline:
            break
        if number not in pieces:
            pieces[number] = _pieces(textpage, lines[number])
        at = [_column(piece, columns) for piece in pieces[number]]
        if len(at) < 2 or None in at or at != sorted(set(at)):
            break
        row = [""] * len(columns)
        for column, piece in zip(at, pieces[number], strict=True):
            row[column] = piece.text
        rows.append(row)
        end = number + 1
    if len(rows) < 2 or (end < len(lines) and _wraps_into(textpage, lines[end], columns, pieces, end)):
        return None  # (a table whose cells wrap on to further lines is read by _table_at, or as text)
    return [" | ".join(row).rstrip() for row in rows], end, columns  # (an empty last cell as _table_at gives it)


def _wraps_into(textpage, line, columns, pieces, number):
    """Whether a line goes on a cell of the row above: one piece, under a column but the first, in lower case."""
    if line.baseline is None:
        return False
    if number not in pieces:
        pieces[number] = _pieces(textpage, line)
    found = pieces[number]
    column = _column(found[0], columns) if len(found) == 1 else None
    return bool(column) and found[0].text[:1].islower()


def _turns_up(lines, index):
    """Whether the text goes back up the page (or along the line) within the next few lines: a table may start here."""
    for above, below in itertools.pairwise(lines[index : index + _TURN_WITHIN]):
        if above.baseline is None or below.baseline is None:
            return False
        if below.baseline >= above.baseline - 0.3 * max(above.height, below.height) and below.left > above.left:
            return True
    return False


def _pieces(textpage, line):
    """A line split where the gap between two words is wider than a space could be: the cells it crosses."""
    text = line.text
    if line.baseline is None or line.marks:  # (a line whose footnote marks were taken out: its offsets have moved)
        return [_Piece(text.strip(), line.left, line.right, line.baseline or 0, line.height)]
    pieces, start, left = [], 0, line.left
    for index in range(1, len(text)):
        if text[index].isspace() or not text[index - 1].isspace():
            continue  # (only where a word starts)
        before = _char_box(textpage, line, len(text[:index].rstrip()) - 1)
        after = _char_box(textpage, line, index)
        if before and after and after.left - before.right > _CELL_GAP * line.height:
            pieces.append(_Piece(text[start:index].strip(), left, before.right, line.baseline, line.height))
            start, left = index, after.left
    pieces.append(_Piece(text[start:].strip(), left, line.right, line.baseline, line.height))
    return pieces


def _char_box(textpage, line, index):
    char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, line.position + _utf16_length(line.text[:index]))
    box = pdfium_c.FS_RECTF()
    if char < 0 or not pdfium_c.FPDFText_GetLooseCharBox(textpage, char, box):
        return None
    return box


def _table_at(textpage, lines, index, pieces):
    """([row, ...], the index of the line after it, its columns) of a table whose first row starts at lines[index],
    or None; pieces caches each line's pieces."""
    rows, columns, starts = [], [], []  # starts: the line each row starts on
    end = index
    for number in range(index, len(lines)):
        if lines[number].baseline is None:
            break
        if number not in pieces:
            pieces[number] = _pieces(textpage, lines[number])
        kept = [[list(cell) for cell in row] for row in rows], list(columns)
        if not all(_place(piece, rows, columns) for piece in pieces[number]):
            rows, columns = kept  # (a table that ends part-way through a line ends before it)
            if len(rows) > 1 and sum(bool(cell) for cell in rows[-1]) < 2:
                # a row begun and not carried on: the first cell of the next table, set out otherwise
                while len(rows) > 1 and sum(bool(cell) for cell in rows[-1]) < 2:
                    rows.pop()
                end = starts[len(rows)]
            break
        starts += [number] * (len(rows) - len(starts))
        end = number + 1
    rows = [row for row in rows if any(row)]
    if end - index < 3 or len(rows) < 2 or sum(len([cell for cell in row if cell]) >= 2 for row in rows) < 2:
        return None
    texts = []
    for row in rows:
        cells = [" ".join(piece.text for piece in cell) for cell in row]
        texts.append(" | ".join(cells + [""] * (len(columns) - len(cells))).rstrip())
    return texts, end, columns


def _header_above(textpage, line, columns):
    """The header row of a table whose rows start below it, as its cells: a line PDFium gave whole because each of
    its cells is one line ("Paragraph  Addressed to  Key finding  Subject"), short cells at the table's columns.
    None for any other line."""
    if line.baseline is None or line.row or line.marks:
        return None
    cells = [[] for _ in columns]
    for word in re.finditer(r"\S+", line.text):
        box = _char_box(textpage, line, word.start())
        if box is None:
            return None
        at = [k for k, left in enumerate(columns) if left <= box.left + _COLUMN_SLACK]
        if not at:
            return None
        if not cells[at[-1]] and abs(box.left - columns[at[-1]]) > _COLUMN_SLACK:
            return None  # (a cell's first word starts at its column)
        cells[at[-1]].append(word.group())
    if not all(cells) or any(len(cell) > 4 or cell[-1].endswith((".", ",", ";")) for cell in cells):
        return None
    return " | ".join(" ".join(cell) for cell in cells)


def _place(piece, rows, columns):
    """Puts a piece in its table's cell (a row is a list of cells, a cell a list of pieces; columns are the first
    row's cells' left edges): the next line of the cell it is under, the next cell of the row, or the first of a new
    row. False when it is none of these: the table has ended."""
    if not rows:
        rows.append([[piece]])
        columns.append(piece.left)
        return True
    row = rows[-1]
    filled = [cell for cell in row if cell]
    if not filled:  # the row after a row across the table
        column = _column(piece, columns)
        if column is None:
            return False
        row.extend([] for _ in range(column + 1 - len(row)))
        row[column].append(piece)
        return _fits(piece, columns)
    cell = filled[-1]
    last = cell[-1]
    height = max(piece.height, last.height)
    top = max(p.baseline for c in filled for p in c)
    bottom = min(p.baseline for c in filled for p in c)
    column = _column(piece, columns)
    if abs(piece.left - cell[0].left) <= _COLUMN_SLACK and 0 < last.baseline - piece.baseline <= _CELL_LINE * height:
        cell.append(piece)  # the cell's next line (further down, past the cell's edge, is the next row's)
    elif piece.left > cell[0].left + _COLUMN_SLACK and bottom - 0.5 * height <= piece.baseline <= top + 0.5 * height:
        # (the next cell of the row, beside the cells before it: at their top, or lower down when it is centred)
        if len(rows) == 1:
            columns.append(piece.left)  # the first row sets the columns
            row.append([piece])
        elif column is None or column < len(row) - 1:
            return False
        else:
            row.extend([] for _ in range(column - len(row) + 1))
            row[column].append(piece)
    elif piece.baseline < bottom - 0.3 * height and piece.left <= cell[0].left + _COLUMN_SLACK and column is not None:
        if not _fits(piece, columns) and len(piece.text.split()) <= 10 and not piece.text.endswith((".", ":")):
            rows.extend([[[piece]], []])  # a row across the table, naming a group of rows ("Regional recommendations")
            return True
        rows.append([[] for _ in range(column)] + [[piece]])  # a new row (its first cells may be empty)
    else:
        return False
    return _fits(piece, columns)


def _column(piece, columns):
    return next((k for k, left in enumerate(columns) if abs(piece.left - left) <= _COLUMN_SLACK), None)


def _fits(piece, columns):
    """Whether a piece stays inside its column: a paragraph across the page is no cell."""
    column = _column(piece, columns)
    if column is None:
        return len(columns) == 1 or piece.left > columns[-1]
    return column == len(columns) - 1 or piece.right <= columns[column + 1] + _COLUMN_SLACK


def _take_out_notes(lines):
    """(the lines without the page's footnotes, [(number, note)]): footnotes are the lines at the foot of the page
    in type smaller than the body's, from the first that starts with a number ("3 Munro, E. (2011) ..."); page
    furniture among them ("Page 4 of 12") stays for normalise to take out."""
    heights = sorted(line.height for line in lines if line.baseline is not None)
    if len(heights) < 3:
        return lines, []
    body = heights[len(heights) // 2]
    small = len(lines)
    while small and lines[small - 1].baseline is not None and lines[small - 1].height < _NOTE_SIZE * body:
        small -= 1
    first = next((i for i in range(small, len(lines)) if _NOTE_START.match(lines[i].text.strip())), None)
    if first is None:
        return lines, []
    marks = {mark for line in lines[:small] for mark, _ in line.marks}
    worded = any(not _FURNITURE.match(lines[i].text.strip()) for i in range(small, first))
    if worded and _NOTE_START.match(lines[first].text.strip()).group(1) not in marks:
        return lines, []  # (small type that starts with words, its numbers no marks of the page: a table at the foot)
    kept, notes = lines[:first], []
    for line in lines[first:]:
        text = line.text.strip()
        start = _NOTE_START.match(text)
        if _FURNITURE.match(text):
            kept.append(line)
        elif start:
            notes.append((start.group(1), start.group(2)))
        elif notes:
            notes[-1] = (notes[-1][0], f"{notes[-1][1]} {text}")
    return kept, notes


def _without_raised_marks(textpage, line):
    """The line without footnote marks: digits stuck to the end of a word in type much smaller than the line's."""
    if line.baseline is None or not _MARK.search(line.text):
        return line
    text, marks = line.text, []
    for match in reversed(list(_MARK.finditer(text))):
        digit = pdfium_c.FPDFText_GetCharIndexFromTextIndex(
            textpage, line.position + _utf16_length(text[: match.start("mark")])
        )
        letter = pdfium_c.FPDFText_GetCharIndexFromTextIndex(
            textpage, line.position + _utf16_length(text[: match.start("mark") - 1])
        )
        if digit < 0 or letter < 0:
            continue
        size = pdfium_c.FPDFText_GetFontSize
        if size(textpage, digit) < _MARK_SIZE * size(textpage, letter):
            marks.append((match.group("mark"), text[: match.start("mark")]))
            text = text[: match.start("mark")] + text[match.end("mark") :]
    return dataclasses.replace(line, text=text, marks=tuple(marks))


def _line(textpage, text, position):
    """A line of text placed by its first, middle and last characters: the middle baseline and the greatest type
    height of the three, so that a word in another font at one end does not count."""
    samples = {len(text) - len(text.lstrip()), len(text.rstrip()) - 1}
    # (the middle character; a line whose second half is only spaces, "\u2713    ", has its last for middle)
    samples.add(next((i for i in range(len(text) // 2, len(text)) if not text[i].isspace()), len(text.rstrip()) - 1))
    baselines, heights, lefts, rights, weights = [], [], [], [], []
    for index in sorted(samples):
        char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, position + _utf16_length(text[:index]))
        x, y, box = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF()
        if (
            char >= 0
            and pdfium_c.FPDFText_GetCharOrigin(textpage, char, x, y)
            and pdfium_c.FPDFText_GetLooseCharBox(textpage, char, box)
        ):
            baselines.append(y.value)
            weights.append(_weight(textpage, char))
            heights.append(box.top - box.bottom)
            lefts.append(box.left)
            rights.append(box.right)
    if not baselines:
        return _Line(text, position=position)
    bold = min(weights) >= _BOLD
    middle = sorted(baselines)[len(baselines) // 2]
    return _Line(text, middle, max(heights), min(lefts), max(rights), bold, position)


def _weight(textpage, char):
    """The character's font weight, from the font, or from its name where the font does not say (the standard 14
    fonts: "Helvetica-Bold")."""
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, char)
    if weight > 0:
        return weight
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(textpage, char, None, 0, flags)
    name = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDFText_GetFontInfo(textpage, char, name, size, flags)
    return 700 if _BOLD_NAME.search(name.value.decode("latin-1")) else 400


def _starts_paragraph(above, below, usual):
    """Whether the line below starts a paragraph; usual is the page's line spacing, if it has lines enough."""
    if above.baseline is None or below.baseline is None:
        return False
    pitch = above.baseline - below.baseline
    # (lines of larger type than the body's, a heading wrapped on to a second line, lie further apart)
    usual = max(usual or 0, _SINGLE_SPACING * min(above.height, below.height))
    return (
        pitch < -0.5 * below.height
        or abs(above.height - below.height) > 0.15 * max(above.height, below.height)
        or above.bold != below.bold
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
