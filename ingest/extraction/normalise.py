"""Normalising the text of every kind: spaces, hyphenation, running headers, footers and page numbers."""

import html
import math
import re
import unicodedata
from collections import Counter

from ingest.documents import DocumentRejected, Extra, Page
from ingest.extraction.detect import _LETTER

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
    """NFKC (so ligatures become letters), no soft hyphens or zero-width characters, single spaces, no more than
    one blank line in a row, and words set in a bold the PDF faked by printing each letter twice read once."""
    if len(_MOJIBAKE.findall(text)) >= _MOJIBAKE_LEAST:  # UTF-8 read as Windows-1252: "Officersâ€™ Group"
        text = _MOJIBAKE.sub(_as_utf8, text)
    if len(_ENTITY.findall(text)) >= _ENTITIES_LEAST:  # a web page's source pasted or printed: "Child&rsquo;s"
        text = html.unescape(text)
    if len(_FIELD_CODE.findall(text)) >= _FIELD_CODES_LEAST:  # a Word file read with its field codes shown
        text = _ORPHAN_SWITCH.sub("", _FIELD_CODE.sub(" ", _ENDNOTE_XML.sub(" ", text)))
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _undoubled(_BLANK_LINES.sub("\n\n", _SPACE_AROUND_BREAK.sub("\n", text)).strip())


# A character of UTF-8 read as Windows-1252, two or three bytes shown as letters: "\u00e2\u20ac\u2122" for a right
# quotation mark, "\u00c3\u00a9" for "\u00e9".
_CP1252_HIGH = (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]{{1,3}}")
_MOJIBAKE_LEAST = 3


def _as_utf8(match):
    try:
        return match.group().encode("cp1252").decode("utf-8")
    except UnicodeError:
        return match.group()


# HTML's character references left in a text ("&rsquo;", "&nbsp;", "&#8217;"): a few make the text a page's source.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_ENTITIES_LEAST = 3
# Word's field codes, read out with a document's text when its fields are shown ("Finding SEQ Finding \* ARABIC 1",
# "REF _Ref161900101 \h 1", "MERGEFIELD Child_DOB 11/08/2021"), and a citation manager's codes ("ADDIN EN.CITE
# <EndNote>...</EndNote>"): the codes out, their results kept.
_FIELD_SWITCHES = (
    r"(?:[^\S\n]*\\[*#@!a-zA-Z](?:[^\S\n]+(?:MERGEFORMAT|ARABIC|roman|ROMAN|alphabetic|ALPHABETIC|\"[^\"\n]*\"))?)*"
)
_FIELD_CODE = re.compile(
    r"(?<![\w])(?:SEQ\s+\w+(?=[^\S\n]*\\)|REF\s+_Ref\d+|PAGEREF\s+_Toc\d+|HYPERLINK\s+\\l\s+\"[^\"\n]*\""
    r"|TOC(?=\s+\\)|MERGEFIELD\s+\w+|ADDIN\s+EN\.(?:CITE|REFLIST)|NOTEREF\s+_Ref\d+)"
    + _FIELD_SWITCHES
)
_ORPHAN_SWITCH = re.compile(r"[^\S\n]+\\?\*[^\S\n]+(?:ARABIC|MERGEFORMAT|roman|ROMAN|alphabetic|ALPHABETIC)\b")
_ENDNOTE_XML = re.compile(r"<EndNote>.*?</EndNote>", re.DOTALL)
_FIELD_CODES_LEAST = 1  # (each code's shape is its own: one is enough)
# A run of words each of whose characters comes twice ("RReeccoommmmeennddaattiioonn 44 ((LLSSCCBB))::"): a text layer
# of bold faked by overprinting. Long enough not to be "11" or "aa" of ordinary text.
_DOUBLED_RUN = re.compile(r"(?<!\S)(?:(?:(\S)\1)+(?!\S)(?: |$))+", re.MULTILINE)
_DOUBLED_LEAST = 12  # characters of a run, doubled


def _undoubled(text):
    def once(match):
        run = match.group()
        return re.sub(r"(\S)\1", r"\1", run) if len(run.replace(" ", "")) >= _DOUBLED_LEAST else run

    return _DOUBLED_RUN.sub(once, text)


def _finish(document):
    """Normalise the pages and extras, take out page numbers and running headers and footers, refuse a document
    with no text at all (one non-blank character is enough to be checked: a bare NHS number is a document)."""
    texts = _join_hyphenated([_normalise(page.text) for page in document.pages])
    if len(texts) > 1:
        texts = [_drop_page_numbers(text) for text in texts]
    texts, furniture = _take_out_furniture(texts)
    if not any(text.strip() for text in texts):
        raise DocumentRejected(
            "empty",
            "This file is empty: we could not find any text in it. Check that you chose the right file. If the "
            "review's text is in pictures, upload the original document instead, as a DOCX or as a PDF exported from "
            "your word processor.",
        )
    document.pages = [Page(number, text) for number, text in enumerate(texts, start=1)]
    extras = [
        Extra(extra.source, text, _normalise(extra.label), extra.page, _normalise(extra.context))
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
