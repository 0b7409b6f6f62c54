"""Render the fictional review report sources in ``reports/*.json`` into real files.

Four formats, laid out the way published child safeguarding review reports are:

* ``pdf``  - A4, reportlab canvas + platypus flowables driven by a small page-layout loop, so that
  footnotes are printed at the foot of the page where their marker falls.
* ``docx`` - python-docx, with real Word footnotes (a ``word/footnotes.xml`` part built with lxml).
* ``txt``  - a plain-text export (hard-wrapped at 90 columns, form feeds for page breaks).
* ``md``   - Markdown with pipe tables and ``[^N]`` footnotes.

Usage::

    python render.py OUT_DIR            # every report in every format -> OUT_DIR/<id>.<fmt>
    python render.py OUT_DIR --formats pdf,txt

Source format: see README.md, "Report source format".  Layout furniture that is not in the
source (running headers, "Page N of M" footers, rules, bullets, list numbers) is added; no text
of the report is invented or dropped.  Output is deterministic: two runs give identical bytes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import os
import pathlib
import re
import sys
import textwrap
import zipfile
from xml.sax.saxutils import escape as _xml_escape

FORMATS = ("pdf", "docx", "txt", "md")
HERE = pathlib.Path(__file__).resolve().parent
REPORTS_DIR = HERE / "reports"

# Fixed timestamp written wherever a library stores one (DOCX core properties, zip entries).
FIXED_DATETIME = _dt.datetime(2024, 1, 1, 9, 0, 0)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_MARK_RE = re.compile(r"\[\^([^\]\s]+)\]")
_DOT_LEADER_RE = re.compile(r"\.{4,}\s*\S*\s*$")


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


def load_report(path: pathlib.Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def split_marks(text: str, notes: dict[str, str]) -> list[tuple[str, str]]:
    """Split paragraph text into ("text", s) and ("mark", m) pieces.

    A marker whose mark has no footnote in the block is kept as literal text (never dropped)."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _MARK_RE.finditer(text):
        if m.group(1) not in notes:
            continue
        if m.start() > pos:
            out.append(("text", text[pos : m.start()]))
        out.append(("mark", m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def block_notes(block: dict) -> list[tuple[str, str]]:
    return [(str(n.get("mark", "")), n.get("text", "")) for n in (block.get("footnotes") or [])]


def unmarked_notes(block: dict) -> list[tuple[str, str]]:
    """Footnotes of a block whose marker does not appear in its text (rendered after the text)."""
    text = block.get("text", "")
    present = set(_MARK_RE.findall(text))
    return [(m, t) for m, t in block_notes(block) if m not in present]


def title_page_end(blocks: list[dict]) -> int:
    """Index of the first page_break (the title page is blocks[:index]); 0 if there is none."""
    for i, b in enumerate(blocks):
        if b.get("type") == "page_break":
            return i
    return 0


def list_starts(blocks: list[dict]) -> dict[int, int]:
    """Start number for each ordered list.

    An ordered list continues the numbering of the previous ordered list when only paragraphs,
    lists and tables or level-3 headings lie between them (no level-1/2 heading and no page
    break), as Word does for an interrupted numbered list: e.g. a contents list broken by
    unnumbered "1.1 ..." lines, or recommendations grouped under addressee sub-headings."""
    starts: dict[int, int] = {}
    prev_end = None  # next number to use if continuing
    for i, b in enumerate(blocks):
        t = b.get("type")
        if t == "page_break" or (t == "heading" and int(b.get("level", 1)) <= 2):
            prev_end = None
        elif t == "list" and b.get("ordered"):
            start = prev_end if prev_end is not None else 1
            starts[i] = start
            prev_end = start + len(b.get("items") or [])
    return starts


def short_title(report: dict) -> str:
    return report.get("title") or (report.get("metadata") or {}).get("title") or report.get("id", "")


def _meta(report: dict, key: str) -> str:
    v = (report.get("metadata") or {}).get(key, "")
    return "" if v is None else str(v)


# ---------------------------------------------------------------------------------------------
# TXT
# ---------------------------------------------------------------------------------------------

TXT_WIDTH = 90


def _txt_wrap(text: str, first: str = "", rest: str = "") -> str:
    w = textwrap.TextWrapper(
        width=TXT_WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
        replace_whitespace=True,
        drop_whitespace=True,
    )
    lines = w.wrap(text)
    return "\n".join(lines) if lines else first.rstrip()


def render_txt(report: dict) -> str:
    blocks = report.get("blocks") or []
    starts = list_starts(blocks)
    parts: list[str] = []
    all_notes: list[tuple[str, str]] = []
    for i, b in enumerate(blocks):
        t = b.get("type")
        if t == "heading":
            parts.append(_txt_wrap(b.get("text", "")))
        elif t == "paragraph":
            notes = block_notes(b)
            nd = dict(notes)
            text = "".join(s for _, s in split_marks(b.get("text", ""), nd))
            extra = unmarked_notes(b)
            if extra:
                text += "".join(m for m, _ in extra)
            parts.append(_txt_wrap(text))
            all_notes.extend(notes)
        elif t == "list":
            lines = []
            n = starts.get(i, 1)
            for k, item in enumerate(b.get("items") or []):
                lab = f"{n + k}. " if b.get("ordered") else "\u2022 "
                lines.append(_txt_wrap(item, lab, " " * len(lab)))
            parts.append("\n".join(lines))
        elif t == "table":
            rows = [b.get("header") or [], *list(b.get("rows") or [])]
            parts.append("\n".join(" | ".join(str(c) for c in r) for r in rows if r is not None))
        elif t == "page_break":
            parts.append("\f")
        else:  # unknown block type: keep any text it carries
            if b.get("text"):
                parts.append(_txt_wrap(b["text"]))
    if all_notes:
        notes_txt = ["Notes"]
        for m, text in all_notes:
            lab = f"{m} "
            notes_txt.append(_txt_wrap(text, lab, " " * len(lab)))
        parts.append("\n".join(notes_txt))
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

_MD_BLOCK_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)](\s|$)|={3,}|-{3,}|_{3,}|\*{3,})")


_MD_HTML_LIKE = re.compile(r"<(?=[A-Za-z/!?])")


def _md_inline(text: str) -> str:
    """Keep text literal: only '<' that would open an HTML tag or autolink is escaped."""
    return _MD_HTML_LIKE.sub(r"\\<", " ".join(str(text).split("\n")))


def _md_text(text: str) -> str:
    text = _md_inline(text)
    if _MD_BLOCK_START.match(text):
        m = re.match(r"^(\d{1,9})([.)])", text)
        text = m.group(1) + "\\" + text[len(m.group(1)) :] if m else "\\" + text
    return text


def _md_cell(text: str) -> str:
    return _md_inline(str(text).replace("\\", "\\\\").replace("|", "\\|"))


def render_md(report: dict) -> str:
    blocks = report.get("blocks") or []
    starts = list_starts(blocks)
    out: list[str] = []
    pending: list[tuple[str, str]] = []

    def flush():
        if pending:
            out.append("\n".join(f"[^{m}]: {t}" for m, t in pending))
            pending.clear()

    for i, b in enumerate(blocks):
        t = b.get("type")
        if t == "heading":
            flush()
            lvl = min(max(int(b.get("level", 1)), 1), 6)
            out.append("#" * lvl + " " + _md_inline(b.get("text", "")))
        elif t == "paragraph":
            text = b.get("text", "")
            extra = unmarked_notes(b)
            if extra:
                text += "".join(f"[^{m}]" for m, _ in extra)
            out.append(_md_text(text))
            pending.extend(block_notes(b))
        elif t == "list":
            n = starts.get(i, 1)
            lines = []
            for k, item in enumerate(b.get("items") or []):
                lab = f"{n + k}." if b.get("ordered") else "-"
                lines.append(f"{lab} {_md_inline(item)}")
            out.append("\n".join(lines))
        elif t == "table":
            header = [_md_cell(c) for c in (b.get("header") or [])]
            rows = [[_md_cell(c) for c in r] for r in (b.get("rows") or [])]
            ncol = max([len(header)] + [len(r) for r in rows]) if (header or rows) else 0
            if ncol == 0:
                continue
            header += [""] * (ncol - len(header))
            lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * ncol) + "|"]
            for r in rows:
                r = r + [""] * (ncol - len(r))
                lines.append("| " + " | ".join(r) + " |")
            out.append("\n".join(lines))
        elif t == "page_break":
            out.append("---")
        else:
            if b.get("text"):
                out.append(_md_text(b["text"]))
    flush()
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

_FONT_CANDIDATES = [
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-BoldItalic.ttf",
    ),
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf",
    ),
]
_FONTS: tuple[str, str] | None = None


def _pdf_fonts() -> tuple[str, str]:
    """Register a Unicode TrueType family (Welsh/Polish letters such as ŷ, ł, ś need it)."""
    global _FONTS
    if _FONTS is not None:
        return _FONTS
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    cands = list(_FONT_CANDIDATES)
    import reportlab

    rl_fonts = pathlib.Path(reportlab.__file__).parent / "fonts"
    cands.append(tuple(str(rl_fonts / f) for f in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")))
    for paths in cands:
        if all(os.path.exists(p) for p in paths):
            names = ("RptSans", "RptSans-Bold", "RptSans-Italic", "RptSans-BoldItalic")
            for n, p in zip(names, paths, strict=False):
                pdfmetrics.registerFont(TTFont(n, p))
            addMapping("RptSans", 0, 0, names[0])
            addMapping("RptSans", 1, 0, names[1])
            addMapping("RptSans", 0, 1, names[2])
            addMapping("RptSans", 1, 1, names[3])
            _FONTS = (names[0], names[1])
            return _FONTS
    _FONTS = ("Helvetica", "Helvetica-Bold")
    return _FONTS


def _pdf_styles():
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    reg, bold = _pdf_fonts()
    body = ParagraphStyle(
        "Body",
        fontName=reg,
        fontSize=11,
        leading=15.5,
        alignment=TA_JUSTIFY,
        spaceAfter=7,
        allowWidows=0,
        allowOrphans=0,
    )
    st = {
        "body": body,
        "body_left": ParagraphStyle("BodyLeft", parent=body, alignment=TA_LEFT),
        "h1": ParagraphStyle(
            "H1", fontName=bold, fontSize=18, leading=23, spaceBefore=16, spaceAfter=10, alignment=TA_LEFT
        ),
        "h2": ParagraphStyle(
            "H2", fontName=bold, fontSize=14, leading=18, spaceBefore=14, spaceAfter=7, alignment=TA_LEFT
        ),
        "h3": ParagraphStyle(
            "H3", fontName=bold, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=5, alignment=TA_LEFT
        ),
        "item": ParagraphStyle(
            "Item",
            parent=body,
            alignment=TA_LEFT,
            leftIndent=22,
            bulletIndent=6,
            bulletFontName=reg,
            bulletFontSize=11,
            spaceAfter=3,
        ),
        "cell": ParagraphStyle("Cell", fontName=reg, fontSize=9, leading=11.5, alignment=TA_LEFT),
        "cell_head": ParagraphStyle("CellHead", fontName=bold, fontSize=9, leading=11.5, alignment=TA_LEFT),
        "note": ParagraphStyle(
            "Note",
            fontName=reg,
            fontSize=8,
            leading=10,
            alignment=TA_LEFT,
            leftIndent=12,
            bulletIndent=0,
            bulletFontName=reg,
            bulletFontSize=8,
            spaceAfter=2,
        ),
        # title page
        "t_h1": ParagraphStyle(
            "TH1", fontName=bold, fontSize=24, leading=30, spaceBefore=18, spaceAfter=14, alignment=TA_CENTER
        ),
        "t_h2": ParagraphStyle(
            "TH2", fontName=bold, fontSize=18, leading=23, spaceBefore=10, spaceAfter=12, alignment=TA_CENTER
        ),
        "t_h3": ParagraphStyle(
            "TH3", fontName=bold, fontSize=14, leading=18, spaceBefore=8, spaceAfter=10, alignment=TA_CENTER
        ),
        "t_body": ParagraphStyle("TBody", fontName=reg, fontSize=12, leading=16, spaceAfter=12, alignment=TA_CENTER),
    }
    return st


def _para_markup(text: str, notes: dict[str, str], key: str) -> str:
    """reportlab mini-markup: escaped text, footnote markers as raised small digits."""
    out = []
    for kind, s in split_marks(text, notes):
        if kind == "text":
            out.append(_xml_escape(s))
        else:
            lab = _xml_escape(f"{key}|{s}", {'"': "&quot;"})
            out.append(f'<super rise="3.5" size="7">{_xml_escape(s)}</super><onDraw name="fnmark" label="{lab}"/>')
    return "".join(out)


class _PdfWriter:
    """Minimal page-layout loop over platypus flowables.

    Handles the title page, running header/footer, keep-with-next for headings and, above all,
    footnotes at the foot of the page on which their marker is drawn."""

    def __init__(self, canv, report: dict, total_pages: int):
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        self.c = canv
        self.report = report
        self.total = total_pages
        self.st = _pdf_styles()
        self.pw, self.ph = A4
        self.left = 25 * mm
        self.right = self.pw - 25 * mm
        self.width = self.right - self.left
        self.top = self.ph - 25 * mm
        self.bottom = 22 * mm
        self.page = 1
        self.y = self.top
        self.page_empty = True
        self.page_notes: list[tuple[str, str]] = []
        self.drawn_marks: list[str] = []
        self._unmarked: set[str] = set()  # marks of notes with no marker in the current paragraph
        canv.setNamedCB("fnmark", self._on_mark)

    # -- callbacks / furniture ---------------------------------------------------------------
    def _on_mark(self, canv, kind, label):
        self.drawn_marks.append(label)

    def _note_flowables(self, notes):
        from reportlab.platypus import Paragraph

        return [Paragraph(_xml_escape(t), self.st["note"], bulletText=m) for m, t in notes]

    def _notes_height(self, notes) -> float:
        if not notes:
            return 0.0
        h = 10.0  # gap + rule
        for p in self._note_flowables(notes):
            _, ph = p.wrap(self.width, self.ph)
            h += ph + p.getSpaceAfter()
        return h

    def _finish_page(self):
        c = self.c
        reg, _ = _pdf_fonts()
        if self.page_notes:
            h = self._notes_height(self.page_notes)
            ytop = self.bottom + h
            c.saveState()
            c.setLineWidth(0.5)
            c.line(self.left, ytop - 3, self.left + 50 * 72 / 25.4, ytop - 3)
            c.restoreState()
            y = ytop - 10
            for p in self._note_flowables(self.page_notes):
                _, ph = p.wrap(self.width, self.ph)
                p.drawOn(c, self.left, y - ph)
                y -= ph + p.getSpaceAfter()
        if self.page > 1:  # running footer (not on the title page)
            c.saveState()
            c.setFont(reg, 9)
            c.setFillGray(0.25)
            c.drawCentredString(self.pw / 2, 12 * 72 / 25.4, f"Page {self.page} of {self.total}")
            c.restoreState()

    def _start_page(self):
        """Running header, drawn first so that it also comes first in the content stream."""
        if self.page > 1:
            c = self.c
            reg, _ = _pdf_fonts()
            c.saveState()
            c.setFont(reg, 8.5)
            c.setFillGray(0.25)
            c.drawString(self.left, self.ph - 15 * 72 / 25.4, short_title(self.report))
            c.setLineWidth(0.4)
            c.setStrokeGray(0.5)
            c.line(self.left, self.ph - 17 * 72 / 25.4, self.right, self.ph - 17 * 72 / 25.4)
            c.restoreState()

    def new_page(self):
        self._finish_page()
        self.c.showPage()
        self.page += 1
        self.y = self.top
        self.page_empty = True
        self.page_notes = []
        self._start_page()

    def finish(self):
        self._finish_page()
        self.c.showPage()

    # -- placing ------------------------------------------------------------------------------
    def place(self, flow, notes=None, space_before=0.0, space_after=0.0, keep_next=0.0):
        """Draw one flowable, splitting it across pages if it is too tall.

        `notes` are the footnotes whose markers are in the flowable; each is printed at the foot
        of the page on which its marker is actually drawn."""
        pending = list(notes or [])
        first = True
        while True:
            sb = 0.0 if self.page_empty else space_before
            reserve = self._notes_height(self.page_notes + pending)
            avail = self.y - sb - self.bottom - reserve
            _, h = flow.wrap(self.width, max(avail, 1.0))
            need = h + (keep_next if first else 0.0)
            if need <= avail + 0.01 or (self.page_empty and h <= avail + 0.01):
                self._draw(flow, sb, h, pending)
                self.y -= space_after
                return
            parts = flow.split(self.width, avail) if avail > 0 and not keep_next else []
            if len(parts) >= 2:
                head, rest = parts[0], parts[1:]
                _, hh = head.wrap(self.width, avail)
                attached = self._draw(head, sb, hh, pending)
                pending = [(m, t) for m, t in pending if m not in attached]
                self.new_page()
                flow = rest[0] if len(rest) == 1 else _Stack(rest)
                first = False
                continue
            if self.page_empty:
                # Cannot split and does not fit on an empty page: draw it anyway (overflows).
                self._draw(flow, sb, h, pending)
                self.y -= space_after
                return
            self.new_page()

    def _draw(self, flow, sb, h, pending):
        self.drawn_marks = []
        self.y -= sb
        flow.drawOn(self.c, self.left, self.y - h)
        self.y -= h
        self.page_empty = False
        drawn = {lab.split("|", 1)[1] for lab in self.drawn_marks}
        # Notes whose marker was drawn, plus notes with no marker in the text at all.
        attached = set()
        for m, t in pending:
            if m in drawn or m in self._unmarked:
                self.page_notes.append((m, t))
                attached.add(m)
        return attached

    # -- blocks --------------------------------------------------------------------------------
    def render(self):
        from reportlab.platypus import Paragraph

        blocks = self.report.get("blocks") or []
        tp_end = title_page_end(blocks)
        starts = list_starts(blocks)
        st = self.st
        if tp_end:
            self.y = self.top - 90
            self.page_empty = True
        for i, b in enumerate(blocks):
            t = b.get("type")
            on_title = i < tp_end
            if t == "page_break":
                if not (self.page_empty and i > tp_end):
                    self.new_page()
                continue
            if t == "heading":
                lvl = min(max(int(b.get("level", 1)), 1), 3)
                style = st[("t_h%d" if on_title else "h%d") % lvl]
                p = Paragraph(_xml_escape(b.get("text", "")), style)
                self.place(
                    p,
                    space_before=style.spaceBefore,
                    space_after=style.spaceAfter,
                    keep_next=0 if on_title else 3 * st["body"].leading,
                )
            elif t == "paragraph":
                notes = block_notes(b)
                nd = dict(notes)
                key = str(i)
                text = b.get("text", "")
                markup = _para_markup(text, nd, key)
                extra = unmarked_notes(b)
                self._unmarked = {m for m, _ in extra}
                for m, _ in extra:  # notes with no marker: put the number at the end of the text
                    markup += f'<super rise="3.5" size="7">{_xml_escape(m)}</super>'
                if on_title:
                    style = st["t_body"]
                elif _DOT_LEADER_RE.search(text) or len(text) < 60:
                    style = st["body_left"]
                else:
                    style = st["body"]
                self.place(Paragraph(markup, style), notes=notes, space_after=style.spaceAfter)
                self._unmarked = set()
            elif t == "list":
                items = b.get("items") or []
                n = starts.get(i, 1)
                for k, item in enumerate(items):
                    lab = f"{n + k}." if b.get("ordered") else "\u2022"
                    p = Paragraph(_xml_escape(item), st["item"], bulletText=lab)
                    last = k == len(items) - 1
                    self.place(p, space_after=st["item"].spaceAfter + (5 if last else 0))
            elif t == "table":
                tbl = self._table(b)
                if tbl is not None:
                    self.place(tbl, space_before=4, space_after=10)
            elif b.get("text"):
                self.place(Paragraph(_xml_escape(b["text"]), st["body"]), space_after=7)
        self.finish()

    def _table(self, b):
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Paragraph, Table, TableStyle

        st = self.st
        header = [str(c) for c in (b.get("header") or [])]
        rows = [[str(c) for c in r] for r in (b.get("rows") or [])]
        ncol = max([len(header)] + [len(r) for r in rows]) if (header or rows) else 0
        if ncol == 0:
            return None
        all_rows = ([header + [""] * (ncol - len(header))] if header else []) + [
            r + [""] * (ncol - len(r)) for r in rows
        ]
        reg, bold = _pdf_fonts()
        pad = 8.0
        nat = [0.0] * ncol
        mins = [0.0] * ncol
        for ri, r in enumerate(all_rows):
            f = bold if (ri == 0 and header) else reg
            for ci, cell in enumerate(r):
                nat[ci] = max(nat[ci], stringWidth(cell, f, 9) + pad)
                for w in cell.split():
                    mins[ci] = max(mins[ci], stringWidth(w, f, 9) + pad)
        mins = [max(m, 28.0) for m in mins]
        nat = [max(n, m) for n, m in zip(nat, mins, strict=False)]
        W = self.width
        if sum(nat) <= W:
            widths = [n * W / sum(nat) for n in nat]
        elif sum(mins) >= W:
            widths = [m * W / sum(mins) for m in mins]
        else:
            extra = W - sum(mins)
            flex = [n - m for n, m in zip(nat, mins, strict=False)]
            widths = [m + extra * f / sum(flex) for m, f in zip(mins, flex, strict=False)]
        data = []
        for ri, r in enumerate(all_rows):
            style = st["cell_head"] if (ri == 0 and header) else st["cell"]
            data.append([Paragraph(_xml_escape(c), style) for c in r])
        tbl = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
        cmds = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)))
        tbl.setStyle(TableStyle(cmds))
        return tbl


class _Stack:
    """A sequence of flowables treated as one (when a split returns more than two parts)."""

    def __init__(self, parts):
        self.parts = parts

    def wrap(self, w, h):
        self._sizes = [p.wrap(w, h) for p in self.parts]
        return w, sum(s[1] for s in self._sizes)

    def split(self, w, h):
        first = self.parts[0]
        sub = first.split(w, h)
        if len(sub) >= 2:
            return [sub[0], _Stack(sub[1:] + self.parts[1:])]
        _, fh = first.wrap(w, h)
        if fh <= h:
            return [first, _Stack(self.parts[1:]) if len(self.parts) > 2 else self.parts[1]]
        return []

    def drawOn(self, canv, x, y):
        h = sum(s[1] for s in self._sizes)
        top = y + h
        for p, (_, ph) in zip(self.parts, self._sizes, strict=False):
            p.drawOn(canv, x, top - ph)
            top -= ph


def _pdf_bytes(report: dict, total_pages: int) -> tuple[bytes, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(_meta(report, "title"))
    c.setAuthor(_meta(report, "author"))
    c.setSubject("")
    c.setCreator("")
    w = _PdfWriter(c, report, total_pages)
    w.render()
    c.save()
    return buf.getvalue(), w.page


def render_pdf(report: dict, path: pathlib.Path) -> None:
    # Pass 1 counts the pages (layout does not depend on the footer text); pass 2 writes "of M".
    _, pages = _pdf_bytes(report, 0)
    data, pages2 = _pdf_bytes(report, pages)
    assert pages == pages2
    path.write_bytes(data)


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _w(tag: str) -> str:
    return f"{{{_W_NS}}}{tag}"


def _docx_add_field(paragraph, instr: str, cached: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(el):
        r = paragraph.add_run()
        r._r.append(el)
        return r

    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    run_with(b)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run_with(it)
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    run_with(s)
    paragraph.add_run(cached)
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    run_with(e)


def _docx_styles(doc):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    styles = doc.styles
    names = {s.name for s in styles}
    if "footnote text" not in names:
        s = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        s.element.style_id = "FootnoteText"
        s.base_style = styles["Normal"]
        s.font.size = Pt(9)
        s.paragraph_format.space_after = Pt(0)
        s.priority = 99
        s.unhide_when_used = True
    if "footnote reference" not in names:
        s = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        s.element.style_id = "FootnoteReference"
        s.font.superscript = True
        s.priority = 99
        s.unhide_when_used = True


class _DocxNumbering:
    """Creates one w:num per ordered list so that each list starts at its own number."""

    def __init__(self, doc):
        from docx.oxml.ns import qn

        self.qn = qn
        self.numbering = doc.part.numbering_part.element
        style = doc.styles["List Number"].element
        num_id_el = style.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId"))
        base_num = int(num_id_el.get(qn("w:val")))
        self.abstract_id = None
        for num in self.numbering.findall(qn("w:num")):
            if int(num.get(qn("w:numId"))) == base_num:
                self.abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        self.next_id = max([int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))] + [0]) + 1

    def new_list(self, start: int) -> int:
        from docx.oxml import OxmlElement

        qn = self.qn
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        a = OxmlElement("w:abstractNumId")
        a.set(qn("w:val"), str(self.abstract_id))
        num.append(a)
        ov = OxmlElement("w:lvlOverride")
        ov.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        ov.append(so)
        num.append(ov)
        self.numbering.append(num)  # w:num elements come after all w:abstractNum
        self.next_id += 1
        return self.next_id - 1

    def apply(self, paragraph, num_id: int):
        from docx.oxml import OxmlElement

        qn = self.qn
        pPr = paragraph._p.get_or_add_pPr()
        numPr = OxmlElement("w:numPr")
        il = OxmlElement("w:ilvl")
        il.set(qn("w:val"), "0")
        numPr.append(il)
        ni = OxmlElement("w:numId")
        ni.set(qn("w:val"), str(num_id))
        numPr.append(ni)
        # numPr goes after pStyle/keepNext/.../pageBreakBefore etc.; right after pStyle is valid.
        pstyle = pPr.find(qn("w:pStyle"))
        if pstyle is not None:
            pstyle.addnext(numPr)
        else:
            pPr.insert(0, numPr)


def _docx_footnotes_part(doc, notes: list[tuple[int, str, str, bool]]):
    """notes: (id, mark, text, custom_mark).  Adds /word/footnotes.xml and relates it."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    W = _w
    root = etree.Element(W("footnotes"), nsmap={"w": _W_NS})
    for fid, kind, sep in ((-1, "separator", "separator"), (0, "continuationSeparator", "continuationSeparator")):
        fn = etree.SubElement(root, W("footnote"))
        fn.set(W("type"), kind)
        fn.set(W("id"), str(fid))
        p = etree.SubElement(fn, W("p"))
        pPr = etree.SubElement(p, W("pPr"))
        sp = etree.SubElement(pPr, W("spacing"))
        sp.set(W("after"), "0")
        sp.set(W("line"), "240")
        sp.set(W("lineRule"), "auto")
        r = etree.SubElement(p, W("r"))
        etree.SubElement(r, W(sep))
    for fid, mark, text, custom in notes:
        fn = etree.SubElement(root, W("footnote"))
        fn.set(W("id"), str(fid))
        p = etree.SubElement(fn, W("p"))
        pPr = etree.SubElement(p, W("pPr"))
        ps = etree.SubElement(pPr, W("pStyle"))
        ps.set(W("val"), "FootnoteText")
        r = etree.SubElement(p, W("r"))
        rPr = etree.SubElement(r, W("rPr"))
        rs = etree.SubElement(rPr, W("rStyle"))
        rs.set(W("val"), "FootnoteReference")
        if custom:
            t = etree.SubElement(r, W("t"))
            t.text = mark
        else:
            etree.SubElement(r, W("footnoteRef"))
        r2 = etree.SubElement(p, W("r"))
        t2 = etree.SubElement(r2, W("t"))
        t2.text = " " + text
        t2.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, blob, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)

    # settings.xml: <w:footnotePr> naming the separator footnotes, as Word writes it.
    settings = doc.settings.element
    if settings.find(W("footnotePr")) is None:
        fp = etree.Element(W("footnotePr"))
        for fid in ("-1", "0"):
            e = etree.SubElement(fp, W("footnote"))
            e.set(W("id"), fid)
        after_names = [
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ]
        anchor = None
        for child in settings:
            if etree.QName(child).namespace == _W_NS and etree.QName(child).localname in after_names:
                anchor = child
                break
            if etree.QName(child).namespace == "http://schemas.openxmlformats.org/officeDocument/2006/math":
                anchor = child
                break
        if anchor is not None:
            anchor.addprevious(fp)
        else:
            settings.append(fp)


def _docx_add_text_with_notes(doc, paragraph, text, notes, fn_state):
    """Add runs for `text`, turning [^N] markers into real w:footnoteReference runs."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    nd = dict(notes)

    def add_ref(mark):
        fn_state["seq"] += 1
        fid = fn_state["seq"]
        custom = mark != str(fid)
        fn_state["notes"].append((fid, mark, nd[mark], custom))
        run = paragraph.add_run()
        rPr = run._r.get_or_add_rPr()
        rs = OxmlElement("w:rStyle")
        rs.set(qn("w:val"), "FootnoteReference")
        rPr.insert(0, rs)
        if custom:
            fr = OxmlElement("w:footnoteReference")
            fr.set(qn("w:customMarkFollows"), "1")
            fr.set(qn("w:id"), str(fid))
            run._r.append(fr)
            t = OxmlElement("w:t")
            t.text = mark
            run._r.append(t)
        else:
            fr = OxmlElement("w:footnoteReference")
            fr.set(qn("w:id"), str(fid))
            run._r.append(fr)

    for kind, s in split_marks(text, nd):
        if kind == "text":
            paragraph.add_run(s)
        else:
            add_ref(s)
    present = set(_MARK_RE.findall(text))
    for m, _ in notes:
        if m not in present:
            add_ref(m)


def _docx_mark_header_row(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trPr.append(h)


def _normalise_zip(path: pathlib.Path) -> None:
    """Rewrite a zip with fixed entry timestamps so that two runs give identical bytes."""
    with zipfile.ZipFile(path) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def render_docx(report: dict, path: pathlib.Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    doc = docx.Document()
    _docx_styles(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(25)
    sec.top_margin = sec.bottom_margin = Mm(25)
    sec.header_distance = sec.footer_distance = Mm(12)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = short_title(report)
    hp.style = doc.styles["Header"]
    fp = sec.footer.paragraphs[0]
    fp.style = doc.styles["Footer"]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Page ")
    _docx_add_field(fp, "PAGE", "1")
    fp.add_run(" of ")
    _docx_add_field(fp, "NUMPAGES", "1")
    # first page (title page): empty header and footer
    sec.first_page_header.paragraphs[0].text = ""
    sec.first_page_footer.paragraphs[0].text = ""

    blocks = report.get("blocks") or []
    tp_end = title_page_end(blocks)
    starts = list_starts(blocks)
    numbering = _DocxNumbering(doc)
    fn_state = {"seq": 0, "notes": []}

    def new_par(style=None):
        return doc.add_paragraph(style=style)

    for i, b in enumerate(blocks):
        t = b.get("type")
        on_title = i < tp_end
        if t == "heading":
            lvl = min(max(int(b.get("level", 1)), 1), 3)
            style = "Title" if (on_title and lvl == 1) else f"Heading {lvl}"
            p = new_par(style)
            p.add_run(b.get("text", ""))
            if on_title:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif t == "paragraph":
            p = new_par()
            _docx_add_text_with_notes(doc, p, b.get("text", ""), block_notes(b), fn_state)
            if on_title:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for r in p.runs:
                    r.font.size = Pt(14)
        elif t == "list":
            ordered = bool(b.get("ordered"))
            num_id = numbering.new_list(starts.get(i, 1)) if ordered else None
            for item in b.get("items") or []:
                p = new_par("List Number" if ordered else "List Bullet")
                p.add_run(item)
                if num_id is not None:
                    numbering.apply(p, num_id)
        elif t == "table":
            header = [str(c) for c in (b.get("header") or [])]
            rows = [[str(c) for c in r] for r in (b.get("rows") or [])]
            ncol = max([len(header)] + [len(r) for r in rows]) if (header or rows) else 0
            if ncol == 0:
                continue
            all_rows = ([header] if header else []) + rows
            tbl = doc.add_table(rows=len(all_rows), cols=ncol)
            tbl.style = doc.styles["Table Grid"]
            for ri, r in enumerate(all_rows):
                for ci in range(ncol):
                    cell = tbl.cell(ri, ci)
                    cp = cell.paragraphs[0]
                    run = cp.add_run(r[ci] if ci < len(r) else "")
                    if ri == 0 and header:
                        run.bold = True
            if header:
                _docx_mark_header_row(tbl.rows[0])
            # an empty paragraph after a table is what Word needs between adjacent tables
            if i + 1 < len(blocks) and blocks[i + 1].get("type") == "table":
                new_par()
        elif t == "page_break":
            p = doc.add_paragraph()
            p.add_run().add_break(WD_BREAK.PAGE)
        elif b.get("text"):
            new_par().add_run(b["text"])

    if fn_state["notes"]:
        _docx_footnotes_part(doc, fn_state["notes"])

    cp = doc.core_properties
    cp.title = _meta(report, "title")
    cp.author = _meta(report, "author")
    cp.last_modified_by = ""
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = FIXED_DATETIME
    cp.modified = FIXED_DATETIME
    doc.save(str(path))
    _normalise_zip(path)


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def render(report: dict, fmt: str, path: pathlib.Path) -> pathlib.Path:
    """Render `report` (a source dict) as `fmt` ("pdf", "docx", "txt" or "md") into `path`."""
    path = pathlib.Path(path)
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "txt":
        path.write_text(render_txt(report), encoding="utf-8", newline="\n")
    elif fmt == "md":
        path.write_text(render_md(report), encoding="utf-8", newline="\n")
    elif fmt == "pdf":
        render_pdf(report, path)
    else:
        render_docx(report, path)
    return path


def report_sources(reports_dir: pathlib.Path = REPORTS_DIR) -> list[pathlib.Path]:
    return sorted(p for p in reports_dir.glob("*.json") if not p.name.endswith(".labels.json"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Render the review report sources to pdf/docx/txt/md.")
    ap.add_argument("out_dir", type=pathlib.Path)
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of pdf,docx,txt,md")
    ap.add_argument("--reports", type=pathlib.Path, default=REPORTS_DIR, help="directory of <id>.json sources")
    args = ap.parse_args(argv)
    fmts = [f.strip() for f in args.formats.split(",") if f.strip()]
    for f in fmts:
        if f not in FORMATS:
            ap.error(f"unknown format {f!r}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for src in report_sources(args.reports):
        report = load_report(src)
        rid = report.get("id") or src.stem
        for f in fmts:
            render(report, f, args.out_dir / f"{rid}.{f}")
            n += 1
    print(f"wrote {n} files to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
