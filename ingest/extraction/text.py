"""Plain text and Markdown. Markdown is read as the structure it writes: `#` headings become headings of their
own (a line with blank lines around it), `**bold**` and `__bold__` marks go, a link keeps its text and address,
a table's separator row goes while its rows stay as cells separated by " | ", a backslash escape ("1\\.") leaves
its character, and footnotes (`[^2]` in the text, `[^2]: the note` below) leave the text: their marks go and their
notes become extras of the page that cites them (still checked for identifiers, never part of a finding). A
plain-text export's notes at its end ("Notes", then "1 The note...", numbered from 1) are read the same way: the
notes leave the text, and so do their numbers where they stick to the end of a word ("practice3.")."""

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
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # "1\." for a "1." that is not to start a list: a backslash escape
_CONTEXT = 80  # characters kept of the text before a footnote's mark
_NOTES_HEADING = re.compile(r"^(?:notes|endnotes|footnotes)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_NUMBERED_NOTE = re.compile(r"^(\d{1,3})[ \t]+(\S.*)$")
# A number stuck to the end of a word of letters, or to its punctuation ("practice3.", "man,3"), not inside a handle
# or a reference ("@lily.model2", "KM2011").
_STUCK = r"(?<!\S)([A-Za-z][A-Za-z'\u2019-]*[a-z][)\]\u2019\u201d\"'.,;:]?)"


def _read_text(path, kind, name):
    decoded = _decode(path.read_bytes(), complete=True)
    if decoded is None:
        raise _unrecognised(name)
    text, encoding = decoded
    if kind == "markdown":
        text, notes = _plain_markdown(text)
        mark_of = {note: re.compile(re.escape(f"[^{note}]")) for note in notes}
    else:
        text, notes = _end_notes(text)
        mark_of = {note: re.compile(rf"{_STUCK}{note}(?=[\s.,;:)\]\u2019\u201d\"']|$)") for note in notes}
    texts = text.split("\f")
    extras = [
        Extra("footnote", note, f"Footnote {mark}", _citing_page(texts, mark_of[mark]), _context(text, mark_of[mark]))
        for mark, note in notes.items()
        if note
    ]
    for pattern in mark_of.values():
        texts = [pattern.sub(lambda match: match.group(1) if match.groups() else "", page) for page in texts]
    pages = [Page(number, page) for number, page in enumerate(texts, start=1)]
    return ExtractedDocument(kind, pages, extras=extras, metadata={"Encoding": encoding})


def _context(text, mark):
    """The words before a note's first mark, without other marks."""
    found = mark.search(text)
    if found is None:
        return ""
    before = text[: found.end(1) if found.groups() else found.start()]
    return re.sub(r"\[\^\w+\]", "", before)[-_CONTEXT:]


def _citing_page(texts, mark):
    return next((number for number, text in enumerate(texts, start=1) if mark.search(text)), None)


def _end_notes(text):
    """(the text without its notes, {number: note}) for notes at the end of a plain-text export; (the text, {}) when
    its end is anything else."""
    headings = list(_NOTES_HEADING.finditer(text))
    if not headings:
        return text, {}
    notes, note = {}, None
    for line in text[headings[-1].end() :].split("\n"):
        numbered = _NUMBERED_NOTE.match(line)
        if numbered and int(numbered.group(1)) == len(notes) + 1:
            note = numbered.group(1)
            notes[note] = numbered.group(2).strip()
        elif note and line[:1] in (" ", "\t") and line.strip():
            notes[note] = f"{notes[note]} {line.strip()}"
        elif line.strip():
            return text, {}  # something other than notes follows the heading
    return (text[: headings[-1].start()].rstrip() + "\n", notes) if notes else (text, {})


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
                line = " | ".join(cell.strip() for cell in re.split(r"(?<!\\)\|", row.group(1)))  # ("\|" is a "|")
            lines.append(_inline(line))
    return "\n".join(lines), notes


def _inline(line):
    return _ESCAPE.sub(r"\1", _LINK.sub(r"\1 (\2)", _STRONG.sub(r"\2", line)))
