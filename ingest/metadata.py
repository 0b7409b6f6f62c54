"""What a published report says about itself on its title page and first pages: the pseudonym, the partnership
that published it, the nation, the type of review, and the month and year. Used for the backlog
(`ingest_folder`, ingest.backlog), where a curator confirms what was read; values given in a CSV win over what is
read here (fill_metadata fills only what is still unknown, once the worker has read the document).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q

from agencies.models import Partnership
from vocabulary import REVIEW_TYPE_NATIONS, Nation, match_review_type, review_type_phrases

FIRST_WORDS = 1500  # the title page and the first pages are read
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
WELSH_MONTHS = ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref",
                "tachwedd", "rhagfyr")  # fmt: skip

TITLE_WORDS = frozenset(("the", "a", "re", "child", "practice", "review", "report", "case", "serious", "significant",
                         "learning", "extended", "concise", "executive", "summary", "overview", "management", "local",
                         "safeguarding", "of", "for", "by", "and"))  # fmt: skip
PSEUDONYM = re.compile(
    r"\b(?:Child(?:ren)?|Baby|Babies|Infant|Young Person|Young People|Siblings?|Family|Twins?|Adult)\s+"
    r"[A-Z]{1,2}\d*\b(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z]{1,2}\d*\b)*"
)
BODY_ENDINGS = (
    r"Safeguarding Children(?:'s|\u2019s)? (?:Partnership|Board)|Safeguarding (?:Partnership|Board)"
    r"|Child Protection Committee|Public Protection (?:Committee|Partnership)|Regional Safeguarding (?:Children )?Board"
    r"|Safeguarding Children and Adults Partnership|Children(?:'s|\u2019s)? Safeguarding Partnership"
)
BODY = re.compile(rf"\b((?:[A-Z][\w'\u2019&-]*\s+(?:(?:and|of|&)\s+)?){{1,5}}(?:{BODY_ENDINGS}))")
SBNI = re.compile(r"Safeguarding Board for Northern Ireland|\bSBNI\b")
DATE = re.compile(
    rf"\b({'|'.join(MONTHS + WELSH_MONTHS)})\s+((?:19[89]|20[0-4])\d)\b|\b((?:19[89]|20[0-4])\d)-(0[1-9]|1[0-2])\b",
    re.I,
)
PUBLISHED = re.compile(r"\b(?:published|publication date|date of publication|date)\b[:\s]*", re.I)
NATION_WORDS = [
    (re.compile(r"Northern Ireland|\bHSC Trust|\bPSNI\b"), Nation.NORTHERN_IRELAND),
    (re.compile(r"Scotland|Scottish|Police Scotland|\bCPC\b"), Nation.SCOTLAND),
    (re.compile(r"Wales|Welsh|Cymru|Bwrdd"), Nation.WALES),
    (re.compile(r"England|English|Ofsted|\bLSCB\b"), Nation.ENGLAND),
]


@dataclass
class ReadMetadata:
    title: str = ""
    partnership: str = ""
    nation: str = ""
    review_type: str = ""
    month: int | None = None
    year: int | None = None

    def as_dict(self):
        return {key: value for key, value in self.__dict__.items() if value not in ("", None)}


def read_metadata(text):
    """ReadMetadata of a report's text (its first FIRST_WORDS words); a field not found is left empty."""
    head = " ".join((text or "").split()[:FIRST_WORDS])
    found = ReadMetadata()
    pseudonym = PSEUDONYM.search(head)
    if pseudonym:
        found.title = " ".join(pseudonym.group().split())
    if SBNI.search(head):
        found.partnership = "Safeguarding Board for Northern Ireland"
    else:
        found.partnership = _partnership(text or "")
    found.nation = _nation(head, found.partnership)
    found.review_type = _review_type(head, found.nation)
    if found.review_type and not found.nation:
        nations = REVIEW_TYPE_NATIONS.get(found.review_type, set())
        found.nation = next(iter(nations)) if len(nations) == 1 else ""
    found.month, found.year = _date(head)
    return found


def _partnership(text):
    """The first name of a partnership, board or committee on a line of the first pages, without the words of
    the report's title that may share its line ("Child Practice Review Report Cwm Tawelan Regional ...")."""
    for line in text.splitlines()[:200]:
        body = BODY.search(PSEUDONYM.sub(" ", line))
        if body:
            words = body.group(1).split()
            while len(words) > 1 and words[0].strip(":").lower() in TITLE_WORDS:
                words.pop(0)
            return " ".join(words)
    return ""


def _nation(head, partnership):
    if "Child Protection Committee" in partnership:
        return Nation.SCOTLAND
    if "Regional Safeguarding" in partnership:
        return Nation.WALES
    if partnership == "Safeguarding Board for Northern Ireland":
        return Nation.NORTHERN_IRELAND
    counts = [(len(pattern.findall(head)), nation) for pattern, nation in NATION_WORDS]
    most, nation = max(counts, key=lambda item: item[0])
    return nation if most else ""


def _review_type(head, nation):
    lowered = " ".join(re.findall(r"[a-z0-9]+", head.lower()))
    for phrase, _ in review_type_phrases():  # longest first: the first found on the title page
        if f" {phrase} " in f" {lowered} ":
            return match_review_type(phrase, nation) or ""
    if re.search(r"\bSCR\b", head):
        return match_review_type("scr", nation) or ""
    return ""


def _date(head):
    """(month, year) of publication: the date after "Published", else the first month and year on the pages."""
    labelled = PUBLISHED.search(head)
    for start in ((labelled.end(),) if labelled else ()) + (0,):
        match = DATE.search(head, start)
        if match and (start == 0 or match.start() - start < 40):
            if match.group(1):
                name = match.group(1).lower()
                month = (MONTHS.index(name) if name in MONTHS else WELSH_MONTHS.index(name)) + 1
                return month, int(match.group(2))
            return int(match.group(4)), int(match.group(3))
    return None, None


def partnership_named(name, nation=""):
    """The partnership of that name (or a former name), or a new one marked for a curator to confirm."""
    found = Partnership.objects.filter(Q(name__iexact=name) | Q(former_names__contains=[name])).first()
    if found is not None:
        return found
    return Partnership.objects.create(
        name=name, nation=nation, kind=Partnership.kind_from_name(name, nation), confirmed=False
    )


def fill_metadata(review, document):
    """Fill what is still unknown about a backlog draft from its document's text; the file name is the title
    when the report names no pseudonym."""
    read = read_metadata(document.extracted_text)
    changed = []

    def fill(field, value):
        if value not in ("", None) and getattr(review, field) in ("", None):
            setattr(review, field, value)
            changed.append(field)

    fill("title", read.title or Path(document.original_name).stem.replace("_", " ").replace("-", " ").strip()[:200])
    fill("nation", read.nation)
    fill("review_type", read.review_type)
    fill("publication_year", read.year)
    fill("publication_month", read.month)
    if review.partnership_id is None and read.partnership:
        fill("partnership", partnership_named(read.partnership, review.nation))
    if changed:
        review.save(update_fields=changed)
    return changed
