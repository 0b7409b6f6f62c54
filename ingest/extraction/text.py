"""Plain text and Markdown. Markdown is read as the structure it writes: `#` headings become headings of their
own (a line with blank lines around it), `**bold**` and `__bold__` marks go, a link keeps its text and address,
and a table's separator row goes while its rows stay as cells separated by " | "."""

import re

from ingest.documents import ExtractedDocument, Page
from ingest.extraction.detect import _decode, _unrecognised

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)\)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")


def _read_text(path, kind, name):
    decoded = _decode(path.read_bytes(), complete=True)
    if decoded is None:
        raise _unrecognised(name)
    text, encoding = decoded
    if kind == "markdown":
        text = _plain_markdown(text)
    pages = [Page(number, page) for number, page in enumerate(text.split("\f"), start=1)]
    return ExtractedDocument(kind, pages, metadata={"Encoding": encoding})


def _plain_markdown(text):
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
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
    return "\n".join(lines)


def _inline(line):
    return _LINK.sub(r"\1 (\2)", _STRONG.sub(r"\2", line))
