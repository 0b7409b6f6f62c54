"""Plain text and Markdown. Markdown is read as the structure it writes: `#` headings become headings of their
own (a line with blank lines around it), `**bold**` and `__bold__` marks go, a link keeps its text and address,
a table's separator row goes while its rows stay as cells separated by " | ", and footnotes (`[^2]` in the text,
`[^2]: the note` below) leave the text: their marks go and their notes become extras of the page that cites
them (still checked for identifiers, never part of a finding)."""

import re

from ingest.documents import Extra, ExtractedDocument, Page
from ingest.extraction.detect import _decode, _unrecognised

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)\)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_NOTE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_NOTE_MARK = re.compile(r"\[\^([^\]\s]+)\]")


def _read_text(path, kind, name):
    decoded = _decode(path.read_bytes(), complete=True)
    if decoded is None:
        raise _unrecognised(name)
    text, encoding = decoded
    notes = {}
    if kind == "markdown":
        text, notes = _plain_markdown(text)
    texts = text.split("\f")
    extras = [
        Extra("footnote", note, f"Footnote {mark}", _citing_page(texts, mark)) for mark, note in notes.items() if note
    ]
    if notes:
        texts = [_NOTE_MARK.sub("", page) for page in texts]
    pages = [Page(number, page) for number, page in enumerate(texts, start=1)]
    return ExtractedDocument(kind, pages, extras=extras, metadata={"Encoding": encoding})


def _citing_page(texts, mark):
    return next((number for number, text in enumerate(texts, start=1) if f"[^{mark}]" in text), None)


def _plain_markdown(text):
    """(the text as plain text with its footnote marks still in, {mark: note})."""
    lines, notes, note = [], {}, None
    for line in text.replace("\r\n", "\n").split("\n"):
        definition = _NOTE.match(line)
        if definition:
            note = definition.group(1)
            notes[note] = _inline(definition.group(2)).strip()
            continue
        if note is not None and line.startswith(("    ", "\t")) and line.strip():
            notes[note] = f"{notes[note]} {_inline(line.strip())}".strip()  # the note goes on, indented
            continue
        note = None
        heading = _HEADING.match(line)
        if heading:
            lines += ["", _inline(heading.group(1)).strip(), ""]
        elif _TABLE_RULE.match(line) and "-" in line:
            continue
        else:
            row = _TABLE_ROW.match(line)
            if row:
                line = " | ".join(cell.strip() for cell in row.group(1).split("|"))
            lines.append(_inline(line))
    return "\n".join(lines), notes


def _inline(line):
    return _LINK.sub(r"\1 (\2)", _STRONG.sub(r"\2", line))
