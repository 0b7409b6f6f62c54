"""Proposes the findings of a review from its extracted text, for the author or curator to confirm.

Reviews are laid out in many ways: "Findings" with "Finding 1: ..." headings and a recommendation
after each; numbered sections ("6 Findings and analysis", "6.2 ...", "6.2.10 text"); a "Learning"
or "Key learning" list (Welsh child practice reviews, Scottish learning reviews); "Analysis" with
sub-headings.

The text is read as paragraphs (blank lines apart, page numbers kept; a paragraph running over a
page break is joined and keeps its first page). Contents pages, glossaries, terms of reference and
the like are left out. Headings are told apart from text (short lines, numbered or labelled, known
section words, no full stop at the end), the sections found, and one finding proposed per finding or
learning point: its heading as title (or a short first sentence), its paragraphs as text, the page
where it starts. Recommendations written after a finding are kept out of its text (ProposedFinding.recommendations,
their blocks), for ingest.recommendations to propose as records of their own.

With no findings or learning section, the learning and recommendation paragraphs are proposed
instead, then the conclusion or summary, then the longest paragraphs: a document with text never
gets nothing. Proposal.note says which was done.
"""

import csv
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ingest.documents import Page
from vocabulary import acronyms

MAX_FINDINGS = 25
MIN_WORDS = 25  # a paragraph-made finding shorter than this joins the one before
HEADING_WORDS = 15  # the most words of an unlabelled heading
STATEMENT_WORDS = 25  # ... of one that states a finding over numbered paragraphs ("Adults' drinking was known to ...")
LABELLED_WORDS = 45  # ... of a labelled one ("Finding 3: Professionals did not ...")
TITLE_WORDS = 35  # a title made from a first sentence is cut to this many words (a statement is often long)
FALLBACK_PARAGRAPHS = 10  # the most paragraphs proposed by the last fallback
SUBTITLE_WORDS = 8  # the most words after the colon of a section's heading ("Recommendations: what we ask")
UNWRAPPED = 100  # characters: a line longer than a text file wraps its lines at is a paragraph of its own

NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
        start=1,
    )
}  # fmt: skip
# "Finding 1.2" (numbered within a theme), "Learning point C", and a letter with a number ("Finding A1": numbered
# within a report's lines of enquiry)
NUMBER = r"(\d{1,2}(?:\.\d{1,2}(?!\d))?|(?-i:[A-H])(?:\d{1,2})?(?![\w'\u2019])|" + "|".join(NUMBER_WORDS) + r")"
LABEL = re.compile(
    rf"^(?:(?P<finding>(?:key\s+)?findings?)|(?P<learning>(?:key\s+)?learning(?:\s+(?:points?|themes?))?|lessons?(?:\s+learned)?|themes?)"
    rf"|(?P<recommendation>recommendations?)|(?P<episode>key\s+practice\s+episodes?|kpe))"
    rf"(?:\s*/\s*[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?)?"  # a bilingual label: "Learning / Dysgu 1"
    rf"\s*(?:no\.?\s*)?{NUMBER}\b\s*[:.\-\u2013\u2014)]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
LABEL_SEPARATOR = re.compile(r"^\s*[:.\-\u2013\u2014)]")
# A heading in a series the report numbers ("Area for improvement 1: ...", "Key Learning Area (ii): ..."): when two or
# more headings share the words, with different numbers, they label the report's findings.
SERIES = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?(?P<words>[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,4}?)"
    r"\s+(?:no\.?\s*)?(?P<number>\d{1,2}|\((?:[ivx]{1,5}|[a-h])\)|(?:[ivx]{1,5}|(?-i:[A-H]))(?=\s*[:.\-\u2013\u2014]))"
    r"\s*[:.\-\u2013\u2014]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
ROMAN = {"i": 1, "v": 5, "x": 10}
# Words that number the parts of a report, not its findings.
STRUCTURE = re.compile(
    r"^(?:part|section|chapter|appendix|annex|annexe|table|figure|chart|box|stage|phase|step|episode|period"
    r"|practice episode|key episode|time ?line|recommendations?|actions?|questions?|version|volume|page|day|week|month"
    r"|year|case|child|sibling|tier|level|schedule|option|model|meeting|session|event|visit|terms?\s+of\s+reference"
    r"|atodiad|rhan|adran|pennod|tabl|ffigur|cam)$",  # Welsh: appendix, part, section, chapter, table, figure, step
    re.IGNORECASE,
)
SECTION_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<rest>\S.*)$")
LEADER = re.compile(r"(?:\.{3,}|\u2026+|\s{2,}|\t)\s*\d{1,3}\s*$")  # a contents entry: "Findings ....... 12"
ENTRY = re.compile(r"^\S.{0,100}?\s\d{1,3}$")  # perhaps one: "Findings 12"
CONTENTS = re.compile(r"^(?:table of )?contents:?$", re.IGNORECASE)
WRAPPED = re.compile(r"^[\"'\u2018\u201c(]?[a-z]")  # a heading's second line: "'was not brought'", "matter?"
# A list item: "2.", "2.1", a bullet, "(b)", "iv)", "IV."
LISTED = re.compile(r"^(?:\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?|[\u2022*\-]|\(?[a-z]{1,4}\)|(?-i:[IVX]{1,5})\.)\s")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"'\u201c]")
DOTS = re.compile(r"^(?:[.\u2026]\s*){5,}\d{0,3}$")  # the rest of a contents entry's leader, wrapped on to a line
# (not "01" alone: a number set above what it numbers, as designed pages do)
PAGE_FURNITURE = re.compile(r"^(?:page\s+)?(?!0\d$)\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
DATE_LINE = re.compile(  # a letter's date: "14 June 2004" is no section 14
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}$", re.IGNORECASE
)
LEARNING_CUES = re.compile(
    r"\b(?:the learning|learning (?:is|for|from|point)|lessons?\b|learnt|learned|should|must|need(?:s|ed)? to"
    r"|recommend)",
    re.IGNORECASE,
)
REF_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2}){0,3}|" + "|".join(NUMBER_WORDS) + r")\b"

# Section words: what a heading names, after its number is taken off (lower case, "&" as "and").
SECTION_KINDS = [
    ("skip", r"(?:table of )?contents|glossary(?: .*)?|abbreviations|acronyms|terms of reference"
     r"|references|bibliography|appendix.*|annex.*|acknowledgements?|foreword|membership.*|the review panel"
     r"|review panel|panel membership|methodology|process|scope(?: of the review)?|timeframe|time ?frame"),
    ("findings", r"(?:the )?(?:key |main |detailed )?findings(?: and (?:analysis|learning|recommendations))?"
     r"|(?:the )?(?:panel|review|reviewers?|review team)['\u2019]s? (?:key |main )?findings"
     r"|findings (?:against|on|by|under|in relation to|across) .*"
     r"|(?:the )?findings in (?:detail|full)|analysis and findings"
     r"|findings from the review|what the review found|key issues|themes and learning|learning themes"),
    ("learning", r"(?:key |main )?learning(?: points| themes| and (?:improvement|actions|recommendations))?"
     r"|lessons(?: learned| learnt)?|what (?:has been|have we|was) learn[te]d.*"
     r"|learning for (?:practice|practitioners|agencies|organisations|services|the system).*"
     r"|what (?:did|do|can) (?:we|the review|the panel|agencies) learn\b.*|what (?:we|the review|the panel) learn[te]d"
     r"|key learning points|summary of learning|learning summary|learning and improvement"
     r"|learning (?:through|across|under|by) .*|learning from (?:this|the) (?:review|case)"
     r"|(?:practice and )?organisational learning|practice learning"),
    ("recommendations", r"(?:key |summary of |list of |[\w'-]+ agency |[\w'-]+ )?recommendations"
     r"(?: and (?:the )?(?:[\w'-]+ )?(?:actions?|action plan|responses?|timetable|timescales?|delivery plan)"
     r"(?: (?:of|from|by) .*)?)?"
     r"|(?:agreed |multi-agency )?actions|improvement actions|action plan|plan on a page.*"
     r"|recommendations (?:for|to|made to|on|under|against|by|arising) .*"
     r"|recommendations (?:proposed|confirmed|agreed|accepted|endorsed|adopted|approved) (?:by|at) .*"
     r"|recommendations of (?:the (?:review )?panel|this review|the review(?: team)?)"
     r"|summary of (?:the )?findings and recommendations"
     r"|what (?:we|the (?:review|panel)) (?:are asking|asks?)(?: .*)?"
     r"|national (?:learning|recommendations|implications)|(?:learning|recommendations) for (?:national )?government.*"
     r"|improving systems and practice|gwella systemau ac ymarfer|what (?:we|the (?:review|panel)) recommends?"
     r"|(?:our |the )?recommendations (?:at a glance|in (?:brief|summary|full))|our recommendations"
     r"|key actions(?: for .*)?"),
    ("analysis", r"(?:critical )?analysis|analysis of (?:practice|the case|involvement).*|appraisal of practice"
     r"|practice analysis|analysis (?:against|by|under|in relation to|of) (?:the )?(?:terms of reference|key lines of"
     r" enquiry|review questions|key questions)"),
    ("episodes", r"key practice episodes?|kpes?|key episodes"),
    ("conclusion", r"conclusions?|concluding (?:comments|remarks)|overall conclusions?|summary|executive summary"
     r"|summary of (?:the case|the review|findings)|overview"),
    ("other", r"introduction|background|family background|chronology|the family|case summary|context"
     r"|good practice|involvement of (?:the )?family|family involvement|views of the family"
     r"|(?:agency )?involvement|events|narrative|circumstances.*|the child|what happened|next steps"
     r"|the way forward|moving forward|what happens next|notes|endnotes|publication|dissemination"
     r"|what has (?:already )?changed(?: already| since)?.*"
     r"|statements? (?:by|of) .*|datganiad.*"),
]  # fmt: skip
SECTION_PATTERNS = [(kind, re.compile(rf"^(?:{words})$")) for kind, words in SECTION_KINDS]


@dataclass
class ProposedFinding:
    title: str
    text: str
    page: int | None
    kind: str = "finding"  # "finding" | "learning"
    label: str = ""  # the report's label for it, as written ("Finding 3", "Key learning 2"), not in the title
    questions: list = field(default_factory=list)  # questions it asks of the partnership ("Issues for the Board...")
    recommendations: list = field(default_factory=list)  # the blocks of recommendations written after it


@dataclass
class Proposal:
    findings: list[ProposedFinding]
    fallback: bool
    note: str  # what was done, for the person confirming the proposal


# Reading the pages into blocks -----------------------------------------------------------------------
@dataclass
class Block:
    """A paragraph or a heading, with the page it starts on."""

    text: str
    page: int | None
    heading: bool = False
    number: str = ""  # "6.2" for a numbered heading or paragraph
    label: str = ""  # "finding", "learning", "recommendation" or "episode" for "Finding 3: ...", "group" for a
    # heading over labelled findings ("Line of enquiry A: ...?", "4.1 Theme one: ...")
    label_text: str = ""  # a series heading's label as written ("Area for improvement 1"), and its title
    title: str = ""
    section: str = ""  # the kind of section a heading names: see SECTION_KINDS; "" for an item heading
    row: str = ""  # the table row a finding's heading and text were read from ("Finding 4: ... | ..."), as it was


def _words(text):
    return len(text.split())


def _section_kind(text):
    """The kind of section a heading names; either side of a bilingual heading ("Dysgu / Learning") will do."""
    sides = text.split(" / ") if text.count(" / ") == 1 else [text, re.sub(r"[^/:|]+? / ", "", text)]
    for side in sides:  # ("Atodiad / Appendix: Cynllun gweithredu / Action plan": its English words too)
        key = re.sub(r"\s+", " ", side.lower().replace("&", "and")).strip(" :.-")
        key = re.sub(r"\s*[(\[]?\b(?:continued|cont(?:'d|\.)?)[)\]]?$", "", key)  # "8. Recommendations (continued)"
        key = re.sub(r"\s+\((?:[^()\s]+\s?){1,4}\)$", "", key)  # "7. Recommendations (one page each)"
        if sheet := CONTINUATION_SHEET.match(key):  # "Continuation sheet C2: Section 11 (Recommendations ...)"
            return _section_kind(sheet.group("name"))
        name, colon, subtitle = key.partition(":") if ":" in key else key.partition(", ")  # ("Recommendations, case
        # by case")
        subtitled = colon and _words(subtitle) <= SUBTITLE_WORDS and not _ends_sentence(subtitle)
        appended = APPENDED.match(key)
        if appended and _section_kind(appended.group("rest")) in ("learning", "findings"):
            return _section_kind(appended.group("rest"))  # "Appendix 3: Learning summary": where the findings are
        for kind, pattern in SECTION_PATTERNS:
            if pattern.match(key) or (subtitled and pattern.match(name.rstrip())):
                return kind  # "Recommendations: what the Partnership will do" too (not a run-in "Learning: ...")
    return ""


# A sheet at the end of a form that continues one of its sections: "Continuation sheet C2: Section 11
# (Recommendations of the Review Panel), continued from page 16".
CONTINUATION_SHEET = re.compile(r"^continuation\s+sheet\b[^(]{0,40}\((?P<name>[^()]{3,80})\)")
APPENDED = re.compile(r"^(?:appendix|annex)\s+[\w.]{1,4}\s*[:.\-\u2013]\s*(?P<rest>\S.*)$")
# The Welsh half before an English label: "Dysgu 3 / " of "Dysgu 3 / Learning 3: The risk of overdose ...".
WELSH_HALF = re.compile(
    r"^(?:pwynt\s+dysgu|dysgu|canfyddiad|gwers|thema)\s*\d{1,2}\s*/\s*(?=(?:key\s+)?(?:learning|finding|lesson|theme))",
    re.IGNORECASE,
)


def _english_label(text):
    """A label with its English half only ("Learning 3: ..." of "Dysgu 3 / Learning 3: ..."), and where it starts."""
    half = WELSH_HALF.match(text)
    return (text[half.end() :], half.end()) if half else (text, 0)


def _label(text):
    text, _ = _english_label(text)
    if text[:1].islower():
        return None  # a line that carries on a sentence ("recommendation 4 will be carried out ..."), no label
    match = LABEL.match(text)
    numbered = None if match else SECTION_NUMBER.match(text)
    if numbered:  # "7.1 Finding 1 \u2013 Methadone ...": a label after a section number, set off by punctuation
        match = LABEL.match(numbered.group("rest"))
        if (
            match
            and match.group("rest")
            and not LABEL_SEPARATOR.match(match.string[match.end(5) : match.start("rest")])
        ):
            match = None
    if not match:
        return None
    kind = next(k for k in ("finding", "learning", "recommendation", "episode") if match.group(k))
    raw = match.group(5).lower()
    if kind in ("recommendation", "episode") and re.fullmatch(r"[a-h]\d*", raw):
        return None  # lettered points are findings' ("Learning point C"); "Recommendation A." reads as text
    return kind, match.group("rest").strip()


def _ends_sentence(text):
    return text.rstrip().endswith((".", ";", ",", "!"))


def _is_heading(line, *, alone):
    """Whether a line reads as a heading: labelled, a section word, or short, numbered or title case, no full stop."""
    line = line.strip()
    if not line or PAGE_FURNITURE.match(line) or DATE_LINE.match(line):
        return False
    if _label(line):
        numbered = SECTION_NUMBER.match(line)  # ("5. Finding 1: ...": the number's full stop ends no sentence)
        if _words(line) > LABELLED_WORDS or SENTENCE_BREAK.search(numbered.group("rest") if numbered else line):
            return False  # "Finding 3: The plan was not reviewed. Text..." is a paragraph (see read_blocks)
        return alone or not _ends_sentence(line)
    if (
        alone
        and TRAILING_LABEL.match(line)
        and _words(line) <= LABELLED_WORDS
        and not SENTENCE_BREAK.search(line)
        and not ASKING.search(line)
        and not LISTED.match(line)
        and not CODED_ITEM.match(line)
    ):
        return True  # "The move ended the health visiting relationship just when it was most needed (Finding 2)"
    numbered = SECTION_NUMBER.match(line)
    rest = numbered.group("rest") if numbered else line
    if _section_kind(rest) and not (_ends_sentence(rest) and _words(rest) > 6):
        return True  # (not "8.4 Recommendations to single agencies are set out in Appendix C.")
    if alone and SERIES.match(line) and _words(line) <= LABELLED_WORDS and not _ends_sentence(line):
        return not SENTENCE_BREAK.search(line)  # "Area for improvement 2: The significance of bruising in ..."
    if numbered and rest.rstrip().endswith("?"):
        return False  # a numbered question ("2. Should health partners adopt ...?") is a point, not a heading
    if _ends_sentence(line) or _words(rest) > HEADING_WORDS or not rest[:1].isupper():
        return False
    if SENTENCE_BREAK.search(rest) or (not alone and _words(rest) > HEADING_WORDS * 2 // 3):
        return False  # two sentences, or a long first line of a paragraph
    if numbered or alone:
        return True
    capitalised = [w for w in rest.split() if w[:1].isupper()]
    return len(capitalised) >= 0.6 * _words(rest)


# A figure's caption before what it states: "Figure 3: " of "Figure 3: Key learning 1 \u2013 A kinship care ...".
CAPTION = re.compile(
    r"^(?i:figure|fig\.|ffigur|diagram|graphic|illustration|infographic|chart|image)\s+\d{1,2}[a-z]?\s*[:.\-\u2013\u2014]\s+"
)


def _uncaptioned(paragraph):
    """A paragraph whose caption states a finding (the report's learning shown as graphics, each stated in its
    caption), without the figure's number: "Key learning 1 \u2013 A kinship care assessment looks at ..."."""
    lines, page = paragraph
    caption = CAPTION.match(lines[0])
    if caption and (label := _label(lines[0][caption.end() :])) and label[0] in ("finding", "learning") and label[1]:
        return ([lines[0][caption.end() :], *lines[1:]], page)
    return paragraph


# A finding stated in the middle of a paragraph after its label, more of the paragraph after it: "7.2
# Recommendation 1 (regional): The SBNI should ... Finding 1: No agency whose staff saw the dog ... children. The
# staff nurse, ...".
STATED_WITHIN = re.compile(
    r"(?<=[.!?)]\s)(?=(?i:key\s+)?(?i:finding|learning(?:\s+point)?|lesson)\s+\d{1,2}\s*:\s+[A-Z][^.!?]{30,600}[.!?]\s+[A-Z])"
)


def _stated_within(paragraph):
    """A paragraph split where a finding's label starts a sentence in its middle (what it recommends or describes
    before, the finding and its evidence after), so that the finding opens a paragraph of its own. A label that
    closes the paragraph's last sentence is left where it is (see _closing_statements)."""
    lines, page = paragraph
    text = " ".join(lines)
    if " | " in text or not (found := STATED_WITHIN.search(text)) or _label(text):
        return [paragraph]
    return [([text[: found.start()].strip()], page), ([text[found.start() :]], page)]


# A label's word as a scan's text layer misreads it ("rn" read as "m", "in" as "m"): "7.4 Fmding 3: ...", "Leaming".
OCR_LABEL_WORD = re.compile(
    r"^((?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?(?:Key\s+)?)(Fmding|Findmg|Fmdmg|Leaming|Recornmendation)\b"
)
OCR_READINGS = {
    "Fmding": "Finding",
    "Findmg": "Finding",
    "Fmdmg": "Finding",
    "Leaming": "Learning",
    "Recornmendation": "Recommendation",
}


def _ocr_label(line):
    """A line whose label's word a scan's text layer misread, with the word as printed: "7.4 Finding 3: ...";
    a line set letter by letter, with its letters together again: "F I N D I N G T W O" is "FINDING TWO"."""
    if LETTER_SPACED.fullmatch(line) and (words := SPACED_LABEL.fullmatch(line.replace(" ", ""))):
        return " ".join(word.capitalize() for word in words.groups() if word)
    return OCR_LABEL_WORD.sub(lambda m: m.group(1) + OCR_READINGS[m.group(2)], line)


# A line set in spaced capitals, a letter at a time ("F I N D I N G O N E"), and the label it spells once its letters
# are together (the spaces between its words lost with the others).
LETTER_SPACED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})?\s+)?(?:[A-Z]\s){4,}[A-Z]")
SPACED_LABEL = re.compile(
    r"(\d{1,2}(?:\.\d{1,2})?)?(KEY)?(FINDING|LEARNING|LESSON|THEME)"
    r"(\d{1,2}|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE)"
)


def _make_block(text, page, *, heading):
    text = " ".join(text.split())
    block = Block(text, page, heading=heading)
    numbered = SECTION_NUMBER.match(text)
    if numbered and (heading or len(numbered.group("number")) > 1 or "." in numbered.group("number")):
        block.number = numbered.group("number")
    if heading:
        label = _label(text)
        tagged = TRAILING_LABEL.match(text)
        if label:
            block.label = label[0]
        elif tagged and tagged.group("kind"):  # "Professionals saw the partner but never asked who he was (Finding 1)"
            block.label, block.label_text = "finding", " ".join(tagged.group("label").split())
            block.title = tagged.group("rest").strip()
        elif tagged:
            block.label = "group"  # "(Good practice 1)": a heading of the same shape, no finding
        else:
            block.section = _section_kind(numbered.group("rest") if numbered else text)
    return block


# What a finding's heading never does: ask someone to act ("... should ...", "B Establish a national route ...").
ASKING = re.compile(
    r"\b(?:should|must|shall|needs?\s+to|will|recommends?)\b|^(?:[A-Z]\s|\(?[a-z]\)\s)"
    r"|^(?:Establish|Require|Issue|Ensure|Review|Commission|Develop|Publish|Consider|Agree|Provide|Introduce|Revise"
    r"|Audit|Seek|Make|Set|Create|Strengthen|Undertake|Extend|Share|Update|Embed|Monitor|Evaluate)\b"
)
# A statement heading that ends with its label in brackets: "... never asked who he was (Finding 1)"; one ending
# "(Good practice 2)" is shaped the same and is none.
TRAILING_LABEL = re.compile(
    r"^(?P<rest>(?-i:[A-Z]).{10,400}?[^.!?\s])\s*\((?P<label>(?:(?P<kind>(?:key\s+)?(?:finding|learning(?:\s+point)?|lesson))"
    r"|good\s+practice|effective\s+practice|strength)\s+\d{1,2})\)$",
    re.IGNORECASE,
)


def _continues(before, lines):
    """Whether lines at the top of a page carry on the paragraph that ended the page before."""
    if before[-1].rstrip().endswith((".", "!", "?", ":")) or _is_heading(lines[0], alone=len(lines) == 1):
        return False
    if LISTED.match(lines[0]) or CODED_ITEM.match(lines[0]):
        return False  # a list's next item ("R6 The Education Authority should ...")
    if TAGGED_END.search(before[-1]) and not lines[0][:1].islower():
        return False  # a sentence and its tag ("... in disabled children. (Learning 3)")
    row = " | " in lines[0] and not lines[0].startswith("|") and not lines[0][:1].islower()
    if row and " | " in before[-1] and lines[0].count(" | ") != before[-1].count(" | "):
        return False  # a row of other cells (a landscape page's running header), not a cut row's rest
    return lines[0][:1].islower() or _words(" ".join(before)) >= 12


CODED_ITEM = re.compile(r"^(?:[A-Z]{1,4}\.?\d{1,2}(?:\.\d{1,2})?[a-z]?|(?i:recommendation)\s+\d{1,2})[.:)]?\s+[A-Z]")
TAGGED_END = re.compile(r"[.!?][\"'\u201d]?\s*[(\[][^()\[\]]{1,60}[)\]]$")


# A line that ends with a word its number follows: "... which is reproduced at Appendix" then "2. The letter ...".
NUMBERED_WORD = re.compile(
    r"\b(?:appendix|annex|paragraphs?|sections?|chapters?|pages?|tables?|figures?|parts?|recommendations?|findings?"
    r"|issues?|stages?|steps?|version)$",
    re.IGNORECASE,
)


def _list_items(lines):
    """Lines split into list items where two or more start with a bullet or a number ("\u2022 ...", "2. ..."), or a
    label in two languages (a box's lines, which a PDF or Markdown may run into one)."""
    lines = [part for line in lines for part in _cut_at_run_ins(line)]
    marked = [
        i
        for i, line in enumerate(lines)
        if LISTED.match(line) and not (i and NUMBERED_WORD.search(lines[i - 1]) and re.match(r"\d", line))
    ]
    if len(marked) < 2:  # items coded by a letter and a number ("C1. The Committee may wish ...", "C2. ...")
        marked = [i for i, line in enumerate(lines) if CODED_LINE.match(line)]
    if len(marked) < 2:
        marked = _bare_numbered(lines)
    # a box's lines, some opening with a label in two languages ("Pwynt dysgu 1 / Learning point 1 \u2013 ..."): each
    # starts a paragraph too
    labelled = [i for i, line in enumerate(lines) if i and BILINGUAL_RUN_IN.match(line)]
    marked = sorted({*labelled, *marked}) if labelled or len(marked) >= 2 else []
    if not marked:
        return [lines]
    starts = sorted({0, *marked})
    return [lines[a:b] for a, b in itertools.pairwise([*starts, len(lines)])]


CODED_LINE = re.compile(r"^(?-i:[A-Z]{1,3})\d{1,2}[.)]\s+(?-i:[A-Z])")
# A sentence in two languages opening with a numbered label and a dash or colon, in the middle of a line ("... was
# the child. Pwynt dysgu 2 / Learning point 2 \u2013 The health visitor ..."), or with a label of the same shape
# unnumbered ("... within a week. Arfer effeithiol / Effective practice \u2013 The ambulance crew ...").
SENTENCE_ENDED = r"(?:(?<=[.!?\u2019\u201d])|(?<=[.!?]\)))\s+"
NUMBERED_RUN_IN = re.compile(
    SENTENCE_ENDED + r"(?=[A-Z][^/\n|.!?]{1,40}\s\d{1,2}\s/\s[A-Z][^/\n|.!?]{1,40}\s\d{1,2}\s?[\u2013:-]\s+[A-Z])"
)
# (and the questions a box lists after such a label: "Cwestiynau i'r Bwrdd / Questions for the Board: \u2022 How ...?")
UNNUMBERED_RUN_IN = re.compile(
    SENTENCE_ENDED + r"(?=[A-Z][^/\n|.!?\d]{1,40}\s/\s[A-Z][^/\n|.!?\d]{1,40}\s?[\u2013:-]\s+[A-Z\u2022])"
    r"|(?<=[.!?:])\s+(?=\u2022\s)"
)


def _cut_at_run_ins(line):
    """A line cut before each sentence that opens with a label in two languages, when one of them is numbered."""
    if not NUMBERED_RUN_IN.search(line):
        return [line]
    cuts = sorted(
        {m.end() for m in NUMBERED_RUN_IN.finditer(line)} | {m.end() for m in UNNUMBERED_RUN_IN.finditer(line)}
    )
    return [line[a:b].strip() for a, b in itertools.pairwise([0, *cuts, len(line)])]


# A line opening with a label in two languages and a dash or colon ("Arfer effeithiol / Effective practice - The ...").
BILINGUAL_RUN_IN = re.compile(r"^[^/\n|]{2,40}\s/\s[^/\n|\u2013:]{2,40}?\s?[\u2013:]\s+[A-Z]")


def _bare_numbered(lines):
    """The lines that start a table's numbered rows read as lines, their numbers bare and in sequence ("1 The LSCB
    should ...", "2 The LSCB should ..."): a PDF's table without its rules."""
    marked = [(i, int(found.group(1))) for i, line in enumerate(lines) if (found := BARE_NUMBER.match(line))]
    for k, first in enumerate(marked):
        run = [first]
        for j, following in marked[k + 1 :]:
            if following == run[-1][1] + 1:
                run.append((j, following))
        if len(run) >= 2:
            return [i for i, _ in run]
    return []


BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=[A-Z])")


# Where one paragraph ends and the next begins: a blank line, or a dividing rule of dashes on a line of its own (a
# PDF may set paragraphs with no gap between them: "- - - - - - cut along the dotted line - - - - - -"), or a card's
# side named on a line of its own ("CARD 3 OF 6 \u00b7 FRONT").
PARAGRAPH_BREAK = re.compile(
    r"\n\s*\n|\n?^[^\S\n]*(?:[-\u2013\u2014_=~\u2702\u2704][^\S\n]?){6,}.*$\n?"
    r"|\n(?=CARD[^\S\n]+\d{1,2}[^\S\n]+OF[^\S\n]+\d{1,2}\W{1,3}(?:FRONT|BACK)$)|(?<=FRONT)\n|(?<=BACK)\n",
    re.MULTILINE,
)


def _paragraphs(pages):
    """(lines, page) paragraphs, page furniture and contents entries taken out, breaks across pages mended."""
    out, in_contents = [], False
    titles = set()  # short paragraphs of one line so far (headings, a box's title)
    for page in pages:
        top = True  # the first paragraph of the page, which may carry on the page before's last
        for raw in PARAGRAPH_BREAK.split((page.text or "").replace("\r\n", "\n")):
            found = [
                _ocr_label(ln.strip())
                for ln in raw.split("\n")
                if ln.strip() and not PAGE_FURNITURE.match(ln.strip()) and not DOTS.match(ln.strip())
            ]
            led = [ln for ln in found if LEADER.search(ln)]
            words = sum(map(_words, found))
            ended = led and re.search(r"[a-z][.?!]\s+(?:\.{3,}|\u2026+)", led[0])  # ("... child present. ..... 18")
            if len(led) == 1 and (words > 20 or (ended and words >= 12) or found[0][:1].islower()):
                # a list that gives each item in full with the page it arises on after dots ("Recommendation 6. The
                # Chief Executive ... may move on. ..... 16", or its rest on the next page): an item, no contents entry
                found = [LEADER.sub("", ln).rstrip(" .\u2026") + "." if ln in led else ln for ln in found]
            lines = [ln for ln in found if not LEADER.search(ln)]
            # (a row of three cells or more that ends in a number is a table's, not a contents entry)
            entries = [ln for ln in lines if ENTRY.match(ln) and not _ends_sentence(ln) and ln.count(" | ") < 2]
            listed = len(found) - len(lines) + len(entries)
            if not lines or (entries == lines and in_contents) or (len(found) > 1 and listed >= 0.6 * len(found)):
                continue  # a contents page
            if CONTENTS.match(lines[0]):
                in_contents = True
                out.append(([lines[0]], page.number))
                continue
            in_contents = False
            cut_before = bool(out) and not out[-1][0][-1].rstrip().endswith((".", "!", "?", ":"))
            if top and cut_before and len(lines) == 1 and lines[0].lower() in titles:
                continue  # a box's title repeated over the rest of the box on the next page, a paragraph of its own
            if top and len(lines) > 1 and lines[1][:1].islower() and lines[0].lower() in titles:
                lines = lines[1:]  # ... or the first line of the rest
            if (
                re.match(r"[^\W\d_]{3}", lines[0])
                and _words(lines[0]) <= 8
                and (len(lines) == 1 or _is_heading(lines[0], alone=True))
            ):
                titles.add(lines[0].lower())  # (in words: not a number set alone, "05")
            if sum(map(_is_row, lines)) >= 2:  # a table's rows, one a line: each a paragraph
                out.extend(([line], page.number) for line in _table_rows(lines))
                continue
            items = _list_items(lines)
            if len(items) > 1:
                out.extend((item, page.number) for item in items)
                continue
            at_top, top = top, False
            if at_top and out and out[-1][1] != page.number and _continues(out[-1][0], lines):
                # the paragraph before ran over the page break; when it was a list's item, the list's next item
                # starts a paragraph of its own
                item = next((kind for kind in (LISTED, CODED_LINE) if kind.match(out[-1][0][0])), None)
                cut = next((i for i, line in enumerate(lines) if i and item and item.match(line)), len(lines))
                out[-1][0].extend(lines[:cut])
                if lines[cut:]:
                    out.append((lines[cut:], page.number))
                continue
            out.append((lines, page.number))
    return _reading_columns(_english_column(_without_running_lines(out)))


def _is_row(line):
    """Whether a line is a table's row: cells apart, or an empty first cell ("| and that every burn ...")."""
    return " | " in line or line.startswith("| ") or line == "|"


# A running footer set as a row: "Dunmorrach CPC | SCR Child M | Final | Page 16".
FOOTER_ROW = re.compile(r"^(?:[^|]{1,60}\s\|\s){1,5}page\s+\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)


def _without_running_lines(paragraphs):
    """The paragraphs without a running footer set as a row of cells ending in the page's number, nor the running
    header straight after it (a line that recurs so through the document), nor a running header of parts set apart
    or of cells on three pages or more, as plain text and Markdown keep them."""
    footers = [i for i, (lines, _) in enumerate(paragraphs) if len(lines) == 1 and FOOTER_ROW.match(lines[0])]
    after = defaultdict(int)
    for i in footers:
        if i + 1 < len(paragraphs) and len(paragraphs[i + 1][0]) == 1:
            after[paragraphs[i + 1][0][0]] += 1
    headers = {line for line, n in after.items() if n >= 2 and _words(line) <= HEADING_WORDS}
    drop = set(footers) | {i + 1 for i in footers if i + 1 < len(paragraphs) and paragraphs[i + 1][0][0] in headers}
    # a running header of parts set apart ("Auchenvey CPC \u2013 Significant Case Review \u2013 Child V", "Cawdleigh
    # Safeguarding Children Partnership \u00b7 LCSPR Archie \u00b7 OFFICIAL") on three pages or more, or of cells
    # ("Wixhampton LSCB | Serious Case Review: Child N | Final") heading no rows of its width (a table's header,
    # repeated on each page, heads its rows)
    alone = {  # a row that somewhere heads no row of its width
        lines[0]
        for (lines, _), (after, _) in itertools.pairwise([*paragraphs, ([], None)])
        if not _heads_row(lines, after)
    }
    recurring = Counter(
        " ".join(lines)
        for lines, _ in paragraphs
        if len(lines) <= 2 and RUNNING_HEADER.match(" ".join(lines)) and (" | " not in lines[0] or lines[0] in alone)
    )
    drop |= {i for i, (lines, _) in enumerate(paragraphs) if len(lines) <= 2 and recurring[" ".join(lines)] >= 3}
    # a running header whose last cell names what the page holds ("... | Recommendation 4"): that cell alone
    prefixes = _running_prefixes(paragraphs, alone)
    return [
        ([lines[0].rpartition(" | ")[2]], page) if _header_prefix(lines) in prefixes else (lines, page)
        for i, (lines, page) in enumerate(paragraphs)
        if i not in drop
    ]


def _header_prefix(lines):
    """The cells before the last of a running header set as one row ("Strathvorlich CPC | Learning Review: Young
    Person UX | Recommendation 4"), as one string; "" for any other paragraph's lines."""
    if len(lines) != 1 or " | " not in lines[0]:
        return ""
    return lines[0].rpartition(" | ")[0]


def _running_prefixes(paragraphs, alone):
    """The first cells of running headers whose last cell names what the page holds: the same cells, heading no row,
    three times or more (a page's top, or its break where a text file or Markdown has no pages), the last cell
    changing ("... | Recommendation 1", "... | Recommendation 2")."""
    lasts = defaultdict(list)
    for lines, _ in paragraphs:
        if (prefix := _header_prefix(lines)) and lines[0] in alone and RUNNING_HEADER.match(lines[0]):
            lasts[prefix].append(lines[0].rpartition(" | ")[2])
    return {prefix for prefix, last in lasts.items() if len(last) >= 3 and len(set(last)) >= 3}


RUNNING_HEADER = re.compile(r"^(?![\d(])(?=.{0,100}\s[\u2013\u2014\u00b7|/-]\s)(?!(?:\S+\s+){25}).{5,200}[^.:;?!]$")


def _heads_row(lines, following):
    """Whether a row is followed by a row as wide: a table's header, or a row among others."""
    if not (len(lines) == len(following) == 1 and " | " in lines[0] and " | " in following[0]):
        return False
    return len(row_cells(lines[0])) == len(row_cells(following[0]))


BILINGUAL_HEADER = {"cymraeg", "welsh", "english", "saesneg"}


def _table_rows(lines):
    """A table's lines as its rows: a cell written over several lines (its questions after its text) goes on until
    the row has as many cells as the table's first row."""
    width = len(row_cells(lines[0]))
    rows, within = [], False  # within: a line with no cells has carried on the row before
    for line in lines:
        short = rows and len(row_cells(rows[-1])) < width
        if short and (" | " not in line or within) and not line.startswith("|"):
            rows[-1] = f"{rows[-1]} {line}"
            within = " | " not in line or len(row_cells(rows[-1])) < width
        elif short and len(row_cells(rows[-1])) + len(row_cells(line)) - 1 == width and not line.startswith("|"):
            rows[-1] = f"{rows[-1]} {line}"  # a middle cell written over two lines: "... | Lead Officer" "CPC | ..."
            within = False
        elif rows and " | " in rows[-1] and "|" not in line:
            rows[-1] = f"{rows[-1]} {line}"  # the row's last cell, written over two lines ("Key fact" and its text)
        else:
            rows.append(line)
            within = False
    return rows


def _english_column(paragraphs):
    """A report set out in two columns side by side, Welsh and English (a table headed "Cymraeg | English"), read in
    its English column: each row becomes the paragraph or heading its English cell is."""
    out, english = [], None
    for lines, page in paragraphs:
        cells = [cell.strip().lower() for cell in lines[0].split(" | ")] if len(lines) == 1 else []
        if len(cells) == 2 and set(cells) <= BILINGUAL_HEADER and len(set(cells)) == 2:
            english = next(i for i, cell in enumerate(cells) if cell in ("english", "saesneg"))
            continue  # (the header, on each page the table runs over)
        row = lines[0].split(" | ") if english is not None and len(lines) == 1 else []
        if len(row) == 2:
            if row[english].strip():
                out.append(([row[english].strip()], page))
            continue
        english = None
        out.append((lines, page))
    return out


# A box beside the text, its title run into it: "Recommendation 1 The Partnership should ...", "Question for the
# partnership How many ...?".
BOX_TITLE = re.compile(
    r"^(?P<title>(?i:recommendation)\s+\d{1,2}[a-z]?|(?i:questions?\s+for\s+the\s+(?:partnership|board|partners))"
    r"|(?i:recommendation))\s+(?=[A-Z\"\u201c])"
)


def _reading_columns(paragraphs):
    """A page designed in two columns and set as a table of two ("6.1.1 <the analysis> | <a box beside it>", or
    recommendations "1. ... | 6. ..." to be read down the left column and then down the right one), read as columns:
    the left column's cells in order (with a paragraph after the table that goes on numbering them), then the right
    column's, a cell that starts in the middle of a sentence carrying on the one before it. A table is read so when a
    row with no cells heads it (a designed page's empty header), or when its left cells are numbered in sequence and
    its right cells either go on with the numbers or are unnumbered boxes beside numbered paragraphs ("6.1.2")."""
    out, i = [], 0
    while i < len(paragraphs):
        headed = paragraphs[i][0] == ["|"]
        start = i + headed
        end = start
        while end < len(paragraphs) and len(paragraphs[end][0]) == 1 and len(row_cells(paragraphs[end][0][0])) == 2:
            end += 1
        rows = [row_cells(lines[0]) for lines, _ in paragraphs[start:end]]
        # (a card whose left cells name its rows, "What we found | ...", "Who should act | ...", is read by its rows)
        named = all(len(cells[0].split()) <= 6 and not _ends_sentence(cells[0]) for cells in rows)
        if end - start < 2 or not (headed or _columns_numbered(rows)) or named:
            out.append(paragraphs[i])
            i += 1
            continue
        left = [([cells[0]], page) for cells, (_, page) in zip(rows, paragraphs[start:end], strict=True) if cells[0]]
        numbers = [_number(lines[0]) for lines, _ in left]
        while end < len(paragraphs) and numbers[-1] and _number(paragraphs[end][0][0]) == _next_number(numbers[-1]):
            left.append(paragraphs[end])  # the left column's last cell, set below the table when the right was empty
            numbers.append(_number(paragraphs[end][0][0]))
            end += 1
        right = [([cells[1]], page) for cells, (_, page) in zip(rows, paragraphs[start:end], strict=False) if cells[1]]
        for lines, page in [*left, *right]:
            if out and lines[0][:1].islower():
                out[-1] = ([*out[-1][0], *lines], out[-1][1])
            elif box := BOX_TITLE.match(lines[0]):
                out.append(([f"{box.group('title')}:", lines[0][box.end() :], *lines[1:]], page))
            else:
                out.append((lines, page))
        i = end
    return out


def _number(text):
    """A cell's number as a tuple ("6.1.2 ..." gives (6, 1, 2)), or None."""
    numbered = SECTION_NUMBER.match(text)
    return tuple(int(part) for part in numbered.group("number").split(".")) if numbered else None


def _next_number(number):
    return (*number[:-1], number[-1] + 1)


def _columns_numbered(rows):
    """Whether a headless table of two is two columns of one text: its left cells numbered in sequence, and its right
    cells numbered on from the left's last, or unnumbered beside paragraphs numbered by their section ("6.1.2")."""
    left = [_number(cells[0]) for cells in rows if cells[0]]
    if len(left) < 2 or None in left or any(b != _next_number(a) for a, b in itertools.pairwise(left)):
        return False
    right = [_number(cells[1]) for cells in rows if cells[1] and not cells[1][:1].islower()]
    if right and None not in right:
        return right[0] > left[-1] and all(b == _next_number(a) for a, b in itertools.pairwise(right))
    return len(left[0]) > 1 and not any(right) and all(len(cells[1].split()) >= 6 for cells in rows if cells[1])


def _ends_heading(heading, line):
    """Whether a line of one to three words finishes the numbered section heading before it, wrapped ("8. Questions
    for the Child Protection" then "Committee"): together they name a section, and the heading alone names none."""
    if not heading.heading or not heading.number or heading.section or _words(line) > 3 or _ends_sentence(line):
        return False
    if _asks_questions(heading.text) or _label(line):
        return False
    joined = SECTION_NUMBER.match(f"{heading.text} {line}")
    return bool(
        joined and line[:1].isupper() and (_section_kind(joined.group("rest")) or _asks_questions(joined.group(0)))
    )


def _states_finding(lines, following):
    """Whether a paragraph is a heading that states a finding, longer than other headings, over the numbered paragraphs
    that discuss it: "Adults' drinking was known to every agency, but nobody asked who was looking after the children"
    then "5.2 Each agency held part of the picture."."""
    joined = " ".join(lines)
    text = re.sub(r"^(?-i:[IVX]{1,5})\.\s+", "", joined)  # ("II. Mother's engagement was taken as ...")
    if following is None or not re.match(r"\d{1,2}\.\d{1,2}\s", following[0][0]):
        return False
    shortest = 3 if text != joined else HEADING_WORDS + 1  # (a shorter heading is read as one already)
    return (
        shortest <= _words(text) <= STATEMENT_WORDS
        and text[:1].isupper()
        and not _ends_sentence(text)
        and not SENTENCE_BREAK.search(text)
        and not re.search(r"[|:;]", text)
        and not (LISTED.match(text) or SECTION_NUMBER.match(text) or CODED_ITEM.match(text) or _label(text))
    )


# A number standing alone among words: where a margin's line number lands in a page's text.
LONE_NUMBER = re.compile(r"(?<![\S])\d{1,4}(?![\S])")
MARGIN_FIVES_LEAST = 6
MARGIN_LINE_SPAN = (200, 800)  # characters between two numbers five lines apart


def _without_margin_fives(text):
    """A draft printed with every fifth line numbered in the margin ("controlled 95 drug", "100 Questions for the
    CPC"), the numbers taken out: a run of six or more counting up in fives (from where a page starts), five lines'
    worth of text apart. Any other text is as it was."""
    runs = {}  # the number each run of margin numbers expects next: the numbers found so far
    for match in LONE_NUMBER.finditer(text):
        number = int(match.group())
        if number % 5:
            continue
        run = runs.pop(number, None)
        if run and not MARGIN_LINE_SPAN[0] <= match.start() - run[-1].start() <= MARGIN_LINE_SPAN[1]:
            run = None  # (too near or too far to be five lines on)
        runs[number + 5] = [*(run or []), match]
    marks = max(runs.values(), key=len, default=[])
    if len(marks) < MARGIN_FIVES_LEAST:
        return text
    out, at = [], 0
    for match in marks:  # (the number and the space after it: "controlled 95 drug" is "controlled drug")
        out.append(text[at : match.start()])
        at = match.end() + (text[match.end() : match.end() + 1] == " ")
    out.append(text[at:])
    return "".join(out)


# A transcript's timecode at the start of a line: "[00:13:15] Key learning 2. The online contact ...".
TIMECODE = re.compile(r"^[^\S\n]*\[\d{1,2}:\d{2}(?P<seconds>:\d{2})?(?:[.,]\d{1,3})?\][^\S\n]*", re.MULTILINE)
TIMECODES_LEAST = 3


def _untimed(text):
    """A transcript's text (a dictation, a recorded briefing) without the timecodes that open its lines (to the
    second, "[00:19:44]", or three or more to the minute); any other text as it was."""
    found = list(TIMECODE.finditer(text))
    if len(found) >= TIMECODES_LEAST or any(m["seconds"] for m in found):
        return TIMECODE.sub("", text)
    return text


# A word-level comparison of two versions (git's and wdiff's markup): what was deleted, what was inserted.
DELETED = re.compile(r"\[-.*?-\]", re.DOTALL)
INSERTED = re.compile(r"\{\+(.*?)\+\}", re.DOTALL)
CHANGES_LEAST = 3


def _as_published(text):
    """A comparison of a draft and the published version read as the published one: deletions out ("[-Learning
    5-]"), insertions in ("{+Learning 4+}"). A text with fewer such marks is as it was."""
    if len(DELETED.findall(text)) + len(INSERTED.findall(text)) < CHANGES_LEAST:
        return text
    return INSERTED.sub(r"\1", DELETED.sub("", text))


# A case system's record printed with its fields: a repeating group's header, numbered in the group ("Pwynt dysgu /
# Learning point [1 o / of 5] \u00b7 Cyfeirnod / Ref: LP1"), and a field's label, in two languages ("Datganiad /
# Statement: ...").
GROUP_HEADER = re.compile(
    r"^[^\S\n]*(?:[^/\n\[]{2,40}\s/\s)?(?P<name>[A-Za-z][^/\n\[]{1,40}?)[^\S\n]*\[(?P<n>\d{1,2})[^\S\n]+"
    r"(?:[^/\n\]]{1,6}/[^\S\n]*)?of[^\S\n]+\d{1,2}\](?:[^\S\n]*\u00b7[^\n]*)?$",
    re.MULTILINE | re.IGNORECASE,
)
FIELD_LABEL = re.compile(r"^[^\S\n]*[^/\n:]{2,40}\s/\s(?P<english>[A-Z][^/\n:]{1,60}):[^\S\n]*", re.MULTILINE)
STATEMENT_FIELD = re.compile(r"^[^\S\n]*(?:Statement|Datganiad|Text):[^\S\n]*", re.MULTILINE)


def _record_fields(text):
    """A record printed with its fields as the report it holds: each repeating group's header as its label
    ("Learning point 1"), the English side of each field's label, and a group's statement as its words. A text with
    fewer than two such groups is as it was."""
    if len(GROUP_HEADER.findall(text)) < 2:
        return text
    text = GROUP_HEADER.sub(lambda m: f"{m['name'].strip()} {m['n']}", text)
    return STATEMENT_FIELD.sub("", FIELD_LABEL.sub(lambda m: f"{m['english']}: ", text))


# A caption file's cue (WebVTT or SubRip): its number, then its timing, on the line of its text or the line before
# ("58 00:08:44.700 --> 00:08:46.300 6. Key learning."); and its header, notes and styles.
CUE_TIMING = re.compile(
    r"^[^\S\n]*(?:\d{1,5}[^\S\n]*\n?[^\S\n]*)?\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}[^\S\n]+-->[^\S\n]+"
    r"\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}(?:[^\S\n]+[\w-]+:\S+)*[^\S\n]*\n?[^\S\n]*",
    re.MULTILINE,
)
CUE_FURNITURE = re.compile(r"^(?:WEBVTT|NOTE|STYLE|REGION)\b.*?(?:\n[^\S\n]*\n|\Z)", re.MULTILINE | re.DOTALL)
CUES_LEAST = 5


def _uncaptioned_cues(text):
    """A caption file's text (a report's audio version, its cues timed): each cue's words a paragraph, without its
    number and timing, and without the file's header, notes and styles. Any other text is as it was."""
    if len(CUE_TIMING.findall(text)) < CUES_LEAST:
        return text
    return CUE_TIMING.sub("", CUE_FURNITURE.sub("", text))


# A Pandoc fenced div's opening line, with its class and a number attribute ("::: {.finding number=\"1\"}"), or its
# closing line (":::"); and the headings its classes stand for.
FENCED_DIV = re.compile(
    r"^[^\S\n]*:{3,}[^\S\n]*(?:\{[^}\n]*?\.(?P<class>[\w-]+)(?:[^}\n]*?\bnumber=\"?(?P<number>[\w.]+)\"?)?[^}\n]*\})?"
    r"[^\S\n]*$",
    re.MULTILINE,
)
DIV_HEADINGS = {
    "finding": "Finding",
    "keyfinding": "Key finding",
    "learning": "Learning",
    "keylearning": "Key learning",
    "learningpoint": "Learning point",
    "goodpractice": "Good practice",
    "recommendation": "Recommendation",
}


def _undivided(text):
    """A Markdown source's fenced divs as the headings their classes stand for ("::: {.finding number=\"1\"}" is
    "Finding 1", "::: {.goodpractice}" is "Good practice"); their closing lines, and other divs' fences, left out."""
    if ":::" not in text:
        return text

    def heading(match):
        name = DIV_HEADINGS.get((match.group("class") or "").replace("-", "").lower(), "")
        return f"{name} {match.group('number') or ''}".strip() if name else ""

    return FENCED_DIV.sub(heading, text)


def _without_line_numbers(text):
    """A page printed with its lines numbered in the margin ("141 9.1 The panel makes ... to 142 government."), the
    numbers taken out: those that start its paragraphs count up, and a number inside a paragraph between two of them
    is the number of a line it wrapped over; any other page as it is."""
    starts = [int(m.group(1)) for m in LINE_NUMBER_START.finditer(text)]
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part.strip()]
    if len(starts) < 4 or len(starts) < 0.6 * len(paragraphs) or any(b <= a for a, b in itertools.pairwise(starts)):
        return text
    bounds = iter([*starts[1:], starts[-1] + 10])
    out = []
    for part in re.split(r"(\n\s*\n)", text):
        start = LINE_NUMBER_START.match(part)
        if start is None:
            out.append(part)
            continue
        out.append(_wrapped_numbers_out(part[start.end() :], int(start.group(1)), next(bounds)))
    joined = "".join(out)
    # (a list numbered "1 ...", "2 ..." counts up too: only numbers found where its paragraphs' lines wrapped say so)
    return joined if len(joined.split()) < len(text.split()) - len(starts) else text


def _wrapped_numbers_out(text, first, upper):
    """A numbered paragraph's text without the numbers of the lines it wrapped over (between first and upper)."""
    return re.sub(r"(?<=\S) (\d{1,4}) (?=\S)", lambda m: " " if first < int(m.group(1)) < upper else m.group(0), text)


LINE_NUMBER_START = re.compile(r"(?:^|(?<=\n\n))[^\S\n]*(\d{1,4}) (?=\S)")


def _unquoted(text):
    """A page of a report forwarded as an e-mail's quoted body ("> 4.1 The panel identified ..."), its quote marks
    taken off; any other page as it is."""
    starts = [part.lstrip() for part in re.split(r"\n\s*\n", text) if part.strip()]  # (each paragraph's first line:
    # a text export wraps a quoted line without marking its rest)
    if not starts or sum(start.startswith(">") for start in starts) < 0.4 * len(starts):
        return text
    return EMAIL_QUOTE.sub("", text)


EMAIL_QUOTE = re.compile(r"^[^\S\n]*(?:>[^\S\n]?)+", re.MULTILINE)


def _csv_as_rows(text):
    """The text with a spreadsheet pasted as comma-separated lines ("Ref,Type,Statement,...", then one line a row,
    quoted where a cell has commas) set out as a table's rows ("L1 | Learning | Professionals relied on ...")."""
    if text.count(",") < 6:
        return text
    lines, out, width = text.split("\n"), [], 0
    while lines:
        line = lines.pop(0)
        while width and lines and lines[0].strip() and (line.count('"') % 2 or len(_csv_fields(line) or ()) < width):
            line = f"{line} {lines.pop(0).strip()}"  # (a row a text export wrapped over lines)
        fields = _csv_fields(line)
        if width and fields is not None and 2 <= len(fields) <= width:
            out.append(" | ".join([*fields, *[""] * (width - len(fields))]).rstrip(" |") or line)
            continue
        if not line.strip() and width:
            out.append(line)
            continue
        width = 0
        if fields is not None and len(fields) >= 4 and all(0 < len(f.split()) <= 4 for f in fields):
            width = len(fields)  # a header row: short names, no space after its commas
            out.append(" | ".join(fields))
            continue
        out.append(line)
    return "\n".join(out)


def _csv_fields(line):
    """The fields of a line written as comma-separated values, or None when it is not (a sentence's commas have a
    space after them)."""
    if "," not in line or re.search(r',\s(?=(?:[^"]*"[^"]*")*[^"]*$)', line):
        return None
    try:
        return next(csv.reader([line.strip()]))
    except csv.Error:
        return None


# What an export or a print added to a page's layout, each taken back in turn (each pass leaves a page without its
# own evidence as it was): a draft/published comparison's marks, a transcript's timecodes, a caption file's cues, a
# record's repeating field groups, a Markdown source's fenced divs, every fifth line numbered in the margin, every line
# numbered, an e-mail's quote marks, a spreadsheet's comma-separated lines (as a table's rows).
LAYOUT_PASSES = (
    _as_published,
    _untimed,
    _uncaptioned_cues,
    _record_fields,
    _undivided,
    _without_margin_fives,
    _without_line_numbers,
    _unquoted,
    _csv_as_rows,
)


def _as_laid_out(text):
    """A page's text with what an export or a print added to its layout taken back (LAYOUT_PASSES)."""
    for undo in LAYOUT_PASSES:
        text = undo(text)
    return text


def read_blocks(pages):
    """The document as headings and paragraphs, in order.

    A paragraph that opens with a label ("Finding 3: The plan was not reviewed. Text...") is read as
    the heading "Finding 3: The plan was not reviewed" and the text after it.
    """
    blocks = []
    pages = _in_page_order([replace(page, text=_as_laid_out(page.text or "")) for page in pages])
    paragraphs = [part for paragraph in _paragraphs(pages) for part in _stated_within(_uncaptioned(paragraph))]
    for (lines, page), following in itertools.zip_longest(paragraphs, paragraphs[1:]):
        if _states_finding(lines, following):
            blocks.append(_make_block(" ".join(lines), page, heading=True))
            continue
        if boxed := FORM_BOX_TITLE.match(lines[0]):
            # a form's box: its title in capitals, then what to write in it ("11. RECOMMENDATIONS OF THE REVIEW PANEL.
            # Number each recommendation and ..."): the title a heading, the instruction a paragraph
            blocks.append(_make_block(boxed.group("title"), page, heading=True))
            lines = [boxed.group("rest"), *lines[1:]]
        first, _, rest = " ".join(lines).partition(" | ")
        if rest and (cell := _label(first)) and cell[1] and cell[0] in ("finding", "learning"):
            # a table with a row a finding: "Finding 4: <title> | <what the review found>"
            for block in (_make_block(first, page, heading=True), _make_block(rest, page, heading=False)):
                block.row = " ".join(lines)
                blocks.append(block)
            continue
        if (
            len(lines) > 1
            and (
                _label(lines[0])
                or SERIES.match(lines[0])
                or SECTION_NUMBER.match(lines[0])
                or _is_heading(lines[0], alone=False)
            )
            and all(WRAPPED.match(line) or (lines[0].isupper() and line.isupper()) for line in lines[1:])
            and _is_heading(" ".join(lines), alone=True)
        ):
            # a heading wrapped on to further lines (plain-text exports and PDFs wrap long headings; one in capitals
            # goes on in capitals)
            blocks.append(_make_block(" ".join(lines), page, heading=True))
            continue
        if len(lines) == 1 and blocks and _ends_heading(blocks[-1], lines[0]):
            blocks[-1] = _make_block(f"{blocks[-1].text} {lines[0]}", blocks[-1].page, heading=True)
            continue  # the last words of a numbered heading, wrapped on to a line of their own ("Committee")
        if (
            len(lines) == 2
            and _is_heading(lines[0], alone=False)
            and _ends_heading(_make_block(lines[0], page, heading=True), lines[1])
        ):
            blocks.append(_make_block(" ".join(lines), page, heading=True))
            continue
        if len(lines) == 1 and _is_heading(lines[0], alone=True):
            blocks.append(_make_block(lines[0], page, heading=True))
            continue
        continued = len(lines) > 1 and WRAPPED.match(lines[1]) and not LISTED.match(lines[1])
        labelled = _label(lines[0]) if len(lines) > 1 else None
        if labelled and labelled[0] == "recommendation" and labelled[1] and not ASKING.search(labelled[1]):
            continued = continued or bool(ASKING.search(lines[1]))  # "Recommendation 1: The Board and the" "Partnership
            # should agree ...": its words, wrapped, not a title over them
        if len(lines) > 1 and _is_heading(lines[0], alone=False) and not continued:
            # (a first line whose sentence goes on in lower case on the next is not a heading over it)
            blocks.append(_make_block(lines[0], page, heading=True))
            lines = lines[1:]
        if len(lines) > 1 and all(len(line) > UNWRAPPED and line.endswith((".", "!", "?")) for line in lines):
            # lines too long to have been wrapped, each a whole sentence or more: the rows of a one-column table
            blocks.extend(_make_block(line, page, heading=False) for line in lines)
            continue
        text = " ".join(lines)
        label = _label(text) if " | " not in text else None  # (a table's row is not split at its first cell's label)
        opening = re.match(r"^(.{3,300}?[.!?])\s+(?=[A-Z\"'\u201c])", text) if label else None
        if opening:
            blocks.append(_make_block(opening.group(1).rstrip("."), page, heading=True))
            text = text[opening.end() :]
        blocks.append(_make_block(text, page, heading=False))
    blocks = _finding_cells(_kickers(blocks))
    _form_tables(blocks)
    _label_series(blocks)
    return blocks


# A running line that numbers its page: "SBNI \u00b7 Case Management Review \u00b7 Child ZT \u00b7 16", "Annual report |
# page 7".
NUMBERED_RUNNING_LINE = re.compile(
    r"^(?P<words>[^\d\n]{6,80}?)\s*(?:[\u00b7|\u2022\u2013\u2014-]\s*(?:page\s+)?|page\s+)(?P<number>\d{1,3})[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
RUNNING_LINES_LEAST = 4


def _in_page_order(pages):
    """The pages put back in the order their running lines number them, when they come out of order (a booklet
    uploaded as the printer's imposed spreads: 20, 1, 2, 19, ...). A running line ends the page it numbers (a
    footer), or opens it when the document's pages open with one (a header); a document whose numbered running lines
    are in order, or too few to be sure of, is as it was."""
    found = [(page, m) for page in pages for m in NUMBERED_RUNNING_LINE.finditer(page.text)]
    words = Counter(" ".join(m["words"].split()).lower() for _, m in found).most_common(1)
    if not words or words[0][1] < RUNNING_LINES_LEAST:
        return pages
    running = [(page, m) for page, m in found if " ".join(m["words"].split()).lower() == words[0][0]]
    numbers = [int(m["number"]) for _, m in running]
    if (
        numbers == sorted(numbers)
        or len(set(numbers)) < len(numbers)
        or max(numbers) - min(numbers) >= 2 * len(numbers)
    ):
        return pages
    headers = sum(not page.text[: m.start()].strip() for page, m in running) > len(running) / 2
    # (the page's number in the document, the file's page it starts on, its text); a page's text runs on over the
    # file's page ends to its running line
    chunks, number, pending = [], None, []
    for page in pages:
        at = 0
        for _, m in (found for found in running if found[0] is page):
            cut = m.start() if headers else m.end()
            pending.append((page.number, page.text[at:cut]))
            if "".join(text for _, text in pending).strip():
                chunks.append((number if headers else int(m["number"]), pending[0][0], pending))
            at, number, pending = cut, int(m["number"]), []
        pending.append((page.number, page.text[at:]))
    if "".join(text for _, text in pending).strip():
        chunks.append((number if headers else None, pending[0][0], pending))
    last = max(numbers) + 1  # (text outside any numbered page keeps its place after them)
    chunks.sort(key=lambda chunk: last if chunk[0] is None else chunk[0])
    return [Page(start, "\n".join(text.strip("\n") for _, text in parts) + "\n") for _, start, parts in chunks]


# A numbered title in capitals that opens a line and a sentence after it: a form's box and what to write in it.
FORM_BOX_TITLE = re.compile(r"^(?P<title>\d{1,2}\.?\s+[A-Z][A-Z ,'\u2019&-]{5,80}[A-Z])\.\s+(?P<rest>[A-Z][a-z].*)$")


def _kicker(text):
    """(kind, label) when a line is a finding's label and nothing else ("Finding 3", "SYSTEMS FINDING 2", either side
    of "Pwynt dysgu 1 / Learning point 1"); None otherwise. A label in capitals is given in sentence case."""
    for side in text.split(" / ") if text.count(" / ") == 1 else [text]:
        words = side.strip(" :.-\u2013\u2014").split()
        for skip in range(3):
            if any(word.endswith(":") for word in words[:skip]):
                break  # ("Arising from: Key learning 3" points to a finding, and labels none)
            found = _label(" ".join(words[skip:])) if len(words) - skip >= 2 else None
            if found and found[0] in ("finding", "learning") and not found[1]:
                label = " ".join(words)
                return found[0], label[0] + label[1:].lower() if label.isupper() else label
    return None


def _is_title(text):
    """Whether a line under a finding's label reads as its title: one statement, no full stop."""
    statement = not (_ends_sentence(text) or SENTENCE_BREAK.search(text))
    return statement and text[:1].isupper() and _words(text) <= LABELLED_WORDS


def _kickers(blocks):
    """A label printed on its own line above its finding's heading ("SYSTEMS FINDING 2" over "What adult services
    knew was not used") labels that heading."""
    out = []
    for block in blocks:
        before = out[-1] if out else None
        kicker = _kicker(before.text) if before and _words(before.text) <= 8 else None
        if (
            kicker
            and (block.heading or _is_title(block.text))  # (a long or wrapped title may read as a paragraph)
            and not block.label
            and not block.section
            and not INNER_HEADING.match(block.text.strip(" :"))
            and not _asks_questions(block.text)
        ):
            block.heading, block.label, block.label_text, block.title = True, *kicker, block.text
            block.page = before.page
            out[-1] = block
        else:
            out.append(block)
    return out


def _finding_cell(block):
    """(index, heading, text) of the cell of a table's row that sets out a finding ("KPE 2: ... | <what happened> |
    Finding 2: <statement>. <what it tells us>"), in any column but the first; None when no cell does."""
    if " | " not in block.text:
        return None
    for index, cell in enumerate(row_cells(block.text)[1:], start=1):
        found = _label(cell.strip())
        if found and found[0] in ("finding", "learning") and found[1]:
            opening = re.match(r"^(.{3,300}?[.!?])(?:\s+(?=[A-Z\"'\u201c])|$)", cell.strip())
            heading = opening.group(1).rstrip(".") if opening else cell.strip()
            return index, heading, cell.strip()[opening.end() :].strip() if opening else ""
    return None


def _finding_cells(blocks):
    """A table whose rows set out findings in a column of their own (a key practice episode, what happened, then
    "Finding 2: ..." as what it tells us): each such cell becomes the finding's heading and text. The rest of its row
    and the rows with no finding are context that belongs to no finding (a "group"). Nothing changes unless two rows
    of a table do so."""
    rows, run = [], []
    for block in [*blocks, Block("", None)]:
        if " | " in block.text:
            run.append(block)
            continue
        if sum(_finding_cell(row) is not None for row in run) >= 2:
            rows.extend(run)
        run = []
    if not rows:
        return blocks
    out = []
    for block in blocks:
        cell = _finding_cell(block) if any(block is row for row in rows) else None
        if cell is None and any(block is row for row in rows):
            block.heading, block.label, block.section = True, "group", ""
            out.append(block)
        elif cell is None:
            out.append(block)
        else:
            out.append(_make_block(cell[1], block.page, heading=True))
            if cell[2]:
                out.append(_make_block(cell[2], block.page, heading=False))
            rest = row_cells(block.text)
            del rest[cell[0]]
            out.append(Block(" | ".join(rest), block.page, heading=True, label="group"))  # (what follows is not its)
    return out


def _form_tables(blocks):
    """A finding set out as a form, a table of its own: a first row "Learning point 1 | <statement>" labels it and
    gives its title, and each row after it ("What happened | ...") is a paragraph of its text, led by the row's name."""
    in_form = False
    for block in blocks:
        cells = row_cells(block.text) if " | " in block.text else []
        kicker = _kicker(cells[0]) if len(cells) == 2 and cells[1] else None
        if kicker:
            block.heading, block.section, block.title = True, "", cells[1]
            block.label, block.label_text = kicker
            in_form = True
        elif in_form and len(cells) == 2 and _words(cells[0]) <= 12:
            block.heading, block.section, block.text = False, "", f"{cells[0]}: {cells[1]}"
        else:
            in_form = False


def series_number(raw):
    raw = raw.strip("()").lower()
    if raw.isdigit():
        return int(raw)
    if raw in "abcdefgh":
        return ord(raw) - ord("a") + 1
    values = [ROMAN[c] for c in raw]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _label_series(blocks):
    """Headings numbered in a series of the report's own words ("Area for improvement 1: ...", "Key Learning Area
    (ii): ...") label its findings, when two or more share the words with different numbers (a heading restated
    with its number and title, over the recommendations that follow from it, is one of them again); when the
    findings are labelled already ("Finding A1: ..."), such a series groups them."""
    series = defaultdict(list)
    for block in blocks:
        # (not a table's row: "1.1 and 1.2 | Write the procedure ... | Lead": a plan's row for two recommendations)
        found = SERIES.match(block.text) if block.heading and not block.label and " | " not in block.text else None
        if (
            found
            and not STRUCTURE.match(found.group("words"))
            and not _section_kind(found.group("words"))
            and _section_kind(found.group("rest")) != "skip"  # "Annex 1: Glossary"
        ):
            series[" ".join(found.group("words").lower().split())].append((block, found))
    labelled = any(map(_is_labelled_item, blocks))
    for words, members in series.items():
        titles = defaultdict(set)  # number: the titles it is given (a restatement gives the same one again)
        for _, found in members:
            titles[series_number(found.group("number"))].add(" ".join(found.group("rest").lower().split()))
        if len(titles) < 2 or any(len(given) > 1 for given in titles.values()):
            continue
        at = [next(i for i, b in enumerate(blocks) if b is block) for block, _ in members]
        # "Issue 1: ..." over its own "Findings" sub-heading: the findings are under that, and the series groups them
        grouping = labelled or all(
            any(b.heading and b.section == "findings" for b in blocks[start + 1 : end])
            for start, end in itertools.pairwise([*at, len(blocks)])
        )
        for block, found in members:
            if grouping:  # the findings have labels of their own: the series groups them ("Line of enquiry A: ...?")
                block.label = "group"
                continue
            block.label = "learning" if re.search(r"\blearn|\blesson", words) else "finding"
            block.section = ""
            block.label_text = block.text[found.start("words") : found.start("rest")].strip(" :.-\u2013\u2014")
            block.title = found.group("rest").strip()


# Sections and items ----------------------------------------------------------------------------------
@dataclass
class Section:
    kind: str  # a SECTION_KINDS kind, or "" before the first heading
    blocks: list = field(default_factory=list)
    heading: Block | None = None  # the heading that starts it


@dataclass
class Item:
    heading: Block | None
    paragraphs: list = field(default_factory=list)
    recommendation: list = field(default_factory=list)
    kind: str = "finding"
    questions: list = field(default_factory=list)


def _level(block):
    return block.number.count(".") + 1 if block.number else 1


def sections(blocks):
    """Split at the headings that name a section (known words, or a top-level number); a bare "Learning" or
    "Analysis" under a labelled finding is a sub-heading of it."""
    out = [Section("")]
    numbered_level, nested = None, None  # the level of the last numbered heading; of the one a bare heading is under
    chapter = 0  # the number of the last numbered chapter
    for block in blocks:
        top = block.heading and not block.label and (block.section or (block.number and _level(block) == 1))
        if top and block.number and _level(block) == 1:
            # a chapter numbered lower than the one before is no chapter ("1 SBNI": a table's cells a PDF set apart),
            # unless it names a section or comes after an appendix (which may number its own)
            if not block.section and out[-1].kind != "skip" and int(block.number) < chapter:
                top = False
            else:
                chapter = int(block.number)
        inner = (
            top
            and not block.number
            and any(INNER_HEADING.match(side.strip(" :")) for side in block.text.split(" / "))
            and any(map(_is_labelled_item, out[-1].blocks))
        )
        # a bare section word under a numbered sub-heading ("5.1 Primary school years", then "Learning") ends at the
        # next heading numbered at that level or above ("5.2 ...")
        closes = nested is not None and block.heading and block.number and not block.label and _level(block) <= nested
        if top and not inner:
            out.append(Section(block.section or "other", heading=block))
            nested = numbered_level if not block.number and (numbered_level or 0) >= 2 else None
        elif closes:
            out.append(Section("other", heading=block))
            nested = None
        else:
            out[-1].blocks.append(block)
        if block.heading and block.number and not block.label:
            numbered_level = _level(block)
    return out


# Sub-headings a finding may have that also name sections: under a labelled finding, unnumbered, they stay in it.
INNER_HEADING = re.compile(
    r"^(?:learning|analysis|what happened|what (?:the (?:review|panel|reviewers?)|we) (?:found|learn[te]d)"
    r"|why (?:it|this) matters|recommendations?(?: (?:from|arising from|following from|for) (?:this|the) (?:key )?"
    r"(?:finding|theme|learning(?: point)?|issue|area))?|what needs to change|(?:this|the) review recommends)$",
    re.IGNORECASE,
)
RECOMMENDATION_HEADING = re.compile(
    r"^(?:recommendations?(?:\s+(?:from|arising\s+from|following\s+from|for)\s+(?:this|the)\s+(?:key\s+)?"
    r"(?:finding|theme|learning(?:\s+point)?|issue|area))?"  # "Recommendations from this finding"
    r"|(?:this|the)\s+(?:review|panel|reviewers?)\s+(?:therefore\s+)?recommends?"
    r"|we\s+(?:therefore\s+)?recommend)(?:\s+that)?:?$",
    re.IGNORECASE,
)
# A finding's questions for the partnership (Learning Together's "Issues for the Board to consider", Welsh "Cwestiynau
# i'r Bwrdd"): kept as its questions, not as text, headings or recommendations.
BODIES = r"(?:board|partnership|partners|committee|panel|agencies|lscb|scp|cpc|sbni)"
QUESTIONS_HEADING = re.compile(
    rf"^(?:(?:(?:reflective|key|suggested)\s+)?(?:issues|questions|matters|points)\s+(?:for|to)\s+(?:the\s+)?"
    rf"(?:[\w'\u2019&-]+\s+){{0,4}}?"
    rf"(?:{BODIES}|(?:whole\s+)?system|consider(?:ation)?)\b.*"
    r"|questions?\s+(?:for|to)\s+consider.*|questions\s+arising.*"
    rf"|(?:the\s+)?(?:[\w'\u2019&-]+\s+){{0,4}}?{BODIES}\s+(?:may|might|should|will|is\s+asked\s+to)\s+(?:wish\s+to\s+)?"
    r"consider\b.*"
    rf"|for\s+(?:the\s+)?(?:[\w'\u2019&-]+\s+){{0,4}}?{BODIES}\s+to\s+(?:consider|reflect\s+on)\b.*"  # "For the ..."
    rf"|(?:the\s+)?(?:review|panel|reviewers?)\s+(?:asks?|invites?)\s+(?:the\s+)?(?:[\w'\u2019&-]+\s+){{0,4}}?{BODIES}\s+to\s+"
    r"(?:consider|reflect\s+on)\b.*"
    r"|.*\bthe\s+following\s+questions?\s*:"
    r"|cwestiynau\s+(?:i[\u2019']r|i|ar\s+gyfer\s+y)\s+\w+.*|(?:materion|pwyntiau)\s+i[\u2019'](?:r\s+\w+\s+eu|w)\s+hystyried.*)$",
    re.IGNORECASE,
)
# A recommendation written in a finding: "Recommendation 2: ...", and "Area for improvement 1: The CPC should ..." (a
# Scottish review's name for them; a heading "Area for improvement 2: The significance of bruising" is a finding).
RECOMMENDATION_START = re.compile(
    r"^(?:recommendations?\b\s*(?:\d{1,2}\s*)?|(?:area\s+for\s+improvement|(?:improvement\s+)?action)\s*\d{1,2}\s*"
    r"(?=[:.\-\u2013]\s*.{0,160}?\b(?:should|must|needs?\s+to)\b))[:.\-\u2013]\s*",
    re.IGNORECASE,
)


def _asks_questions(text):
    """Whether a heading or a paragraph ending in a colon introduces a finding's questions (either side of a
    bilingual heading; a paragraph number aside)."""
    return any(QUESTIONS_HEADING.match(_strip_number(side.strip())) for side in text.split(" / "))


def _is_labelled_item(block):
    return block.heading and block.label in ("finding", "learning")


def _items(section, kind):
    """The findings or learning points of a section.

    Under "Finding N" / "Learning point N" headings when it has them (other sub-headings then stay
    inside the item, as lines of its text); else one per sub-heading; else one per paragraph, short fragments joined
    to the one before. A recommendation after a finding ("Recommendation 2: ...", or text under a
    "Recommendation(s)" heading) is that finding's; what follows "Issues for the Board to consider" (or the like)
    inside a finding is its questions.
    """
    if columns := _transposed_items(section):
        return columns
    if tiles := _tile_items(section, kind):
        return tiles
    _label_numbered_under_themes(section)
    _themes_over_findings(section)
    labelled = any(_is_labelled_item(b) for b in section.blocks)
    if not labelled and (rows := _table_items(section, kind) or _list_items_as_findings(section, kind)):
        return rows
    themes = [b for b in section.blocks if _is_labelled_item(b)]
    headed = all(b.heading and " | " not in b.text for b in themes)  # (headings, not a table's rows)
    if themes and headed and all(re.match(r"(?i)(?:learning\s+)?themes?\b", b.text) for b in themes):
        rows = _table_items(section, kind)  # themes, each over a table of its findings ("1.1 | ...", "1.2 | ...")
        if len(rows) > len(themes) and all(row.heading.label_text for row in rows):
            return rows
    stated = [] if labelled or section.kind != "findings" else [b for b in section.blocks if _stated(b)]
    bulleted = [] if labelled or stated else _bulleted_statements(section)
    statements = stated or bulleted or ([] if labelled else _numbered_statements(section))
    inner = set() if labelled or statements else _repeated_headings(section)

    def starts_item(block):
        if labelled:
            return _is_labelled_item(block)
        if statements:
            return any(block is statement for statement in statements)
        return (
            block.heading
            and block.label != "recommendation"
            and not RECOMMENDATION_HEADING.match(block.text)
            and not _asks_questions(block.text)
            and _heading_key(block) not in inner
            and not _family_view(block)
        )

    headed = any(starts_item(b) for b in section.blocks)
    items, target = [], None
    for block in section.blocks:
        if starts_item(block) and stated:  # "5.1.5 The panel finds that <its title>. <its text>"
            title = short_title(_stated(block).group("rest")).rstrip(".")
            heading = Block(title[:1].upper() + title[1:], block.page, heading=True)
            items.append(Item(heading, [block], kind=kind))
            target = items[-1].paragraphs
        elif starts_item(block) and bulleted:  # "1. <the learning, no full stop>", then its points and paragraphs
            rest = LIST_ITEM.match(block.text).group("rest").strip()
            name = _singular(_strip_number(section.heading.text)) if section.heading else ""
            number = len(items) + 1  # (by its place: the list's numbers run on through the questions between)
            label = f"{name} {number}".strip()
            if (coded := RUN_IN.match(rest)) and coded.group("code"):  # "KL3 \u2013 <the learning>": its code labels it
                label, rest = "".join(coded.group("code").split()), coded.group("rest").strip()
            heading = Block(rest, block.page, heading=True, label_text=label, title=rest)
            items.append(Item(heading, kind=kind))
            target = items[-1].paragraphs
        elif starts_item(block) and statements:
            items.append(Item(None, [block], kind=kind))  # the statement is its title's sentence and its text
            target = items[-1].paragraphs
        elif starts_item(block):
            items.append(Item(block, kind=block.label if labelled else kind))
            target = items[-1].paragraphs
        elif block.label == "group":
            target = None  # "Line of enquiry B: ...?" and what it says before its findings belong to none of them
        elif headed and not (labelled or statements or inner) and _family_view(block):
            target = None  # "What the family told the review" after the last finding under a heading: none of it
        elif block.heading and (block.label == "recommendation" or RECOMMENDATION_HEADING.match(block.text)):
            if items:
                target = items[-1].recommendation
                if block.label:  # "Recommendation 2" (or "Recommendation 2: ...") as a heading, kept with its label
                    target.append(block)
        elif items and (block.heading or block.text.endswith(":")) and _asks_questions(block.text):
            target = items[-1].questions  # "Issues for the Board to consider", "The Board may wish to consider:"
        elif block.heading and items and target is items[-1].questions and block.text.rstrip().endswith("?"):
            target.append(block)  # a short question reads like a heading
        elif block.heading and items and target is items[-1].recommendation and " | " in block.text:
            target.append(block)  # the header row of a table of the finding's recommendations
        elif block.heading:
            if (labelled or statements or inner) and items and target is not None:  # a sub-heading inside one: text
                target = items[-1].paragraphs
                target.append(block)
        elif items and RECOMMENDATION_START.match(block.text):
            target = items[-1].recommendation
            target.append(block)
        elif target is not None:
            point = LISTED.match(block.text) and not re.match(r"\d{1,2}\.\d", block.text)  # (not "5.11 The ...")
            if target is items[-1].questions and not (point or block.text.endswith("?")):
                target = items[-1].paragraphs  # the questions have ended: the finding's text goes on
            target.append(block)
        elif not headed:
            items.append(Item(None, [block], kind=kind))
    if not headed:
        items = _joined(items)
    return [
        i
        for i in items
        if (i.paragraphs or (i.heading and i.heading.label))
        and not (i.heading and not i.heading.label and i.paragraphs and NO_LEARNING.match(i.paragraphs[0].text))
    ]


# What a heading with nothing to learn under it says: "5.13 The team found no separate learning under this indicator."
NO_LEARNING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\s+)?(?:(?:the|this)\s+(?:review\s+)?(?:team|review|panel|reviewers?)\s+"
    r"(?:found|identified|drew|draws|makes?|made)\s+no\s+(?:separate|further|additional|new|specific)?\s*learning"
    r"|there\s+(?:is|was)\s+no\s+(?:separate|further|additional|new|specific)\s+learning)\b",
    re.IGNORECASE,
)


FAMILY_VIEW = re.compile(
    r"^(?:what (?:the |his |her |their )?(?:family|child|parents?|mother|father|young person|[\w ]{1,30} family)"
    r" (?:told|said to) (?:us|the (?:review|panel|reviewers?|author))|(?:the )?(?:family|parents)['\u2019]? views?)$",
    re.IGNORECASE,
)


def _family_view(block):
    """Whether a heading introduces what the family told the review (either side of a bilingual heading)."""
    return block.heading and any(FAMILY_VIEW.match(_strip_number(side.strip())) for side in block.text.split(" / "))


def _heading_key(block):
    return " ".join(_strip_number(block.text).lower().split()).rstrip(" :?.")


def _repeated_headings(section):
    """The sub-headings that each finding of a section repeats (Learning Together's "How did the issue show itself in
    this case?", "Why does it matter?"), when the findings are headed by headings of their own: a heading that
    recurs is inside a finding, not the start of one. Empty unless the section opens with a heading that does not
    recur and two or more such headings each lead a run of the recurring ones."""
    headings = [b for b in section.blocks if b.heading and not b.label and not _asks_questions(b.text)]
    counts = defaultdict(int)
    for block in headings:
        counts[_heading_key(block)] += 1
    repeated = {key for key, n in counts.items() if n >= 2}
    leading = [b for b in headings if _heading_key(b) not in repeated]
    if not repeated or len(leading) < 2 or _heading_key(headings[0]) in repeated:
        return set()
    return repeated


# A finding stated in a paragraph of its own under a "Findings" sub-heading ("5.1.5 The panel finds that ...").
STATED = re.compile(
    r"^(?:(?:the|this)\s+)?(?:(?:cmr\s+|review\s+)?panel|review(?:\s+team)?|reviewers?|lead\s+reviewer|author)\s+"
    r"(?:finds|found|concludes|concluded|has\s+found)\s+that\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _stated(block):
    return None if block.heading else STATED.match(_strip_number(block.text))


def _themes_over_findings(section):
    """Themes labelled as such ("Learning theme 1: ...") over findings labelled as such ("Finding 1.1 - ..."), two or
    more: the themes group the findings."""
    themes = [b for b in section.blocks if _is_labelled_item(b) and re.match(r"(?i)(?:learning\s+)?themes?\b", b.text)]
    findings = [b for b in section.blocks if b.heading and b.label == "finding"]
    if themes and len(findings) >= 2:
        for theme in themes:
            theme.label = "group"


def _label_numbered_under_themes(section):
    """Statements numbered one level under numbered themes ("4.1 Theme one: medicines in the home", then "4.1.1
    Take-home doses were agreed without ...", "4.1.2 ...") are the findings, labelled by their numbers; the themes
    group them. Nothing changes unless two or more such statements are found."""
    theme, found = None, []
    for block in section.blocks:
        if _is_labelled_item(block):
            theme = block if block.number else None
        elif (
            theme is not None
            and block.heading
            and block.number.startswith(f"{theme.number}.")
            and block.number.count(".") == theme.number.count(".") + 1
            and not block.section
            and not _asks_questions(block.text)
            and _words(_strip_number(block.text)) >= 4
        ):
            found.append((theme, block))
    if len(found) < 2:
        return
    for theme, block in found:
        theme.label = "group"
        block.label, block.label_text, block.title = "finding", block.number, _strip_number(block.text)


# The column of a table that holds each finding's statement ("No. | Learning point | Detail").
STATEMENT_COLUMN = re.compile(
    r"^(?:key\s+)?(?:learning(?:\s+points?)?|findings?|lessons?(?:\s+learned)?|learning\s+identified"
    r"|what\s+(?:we|the\s+(?:panel|review|reviewers?))\s+(?:learned|learnt|found)"
    r"|areas?\s+(?:of|for)\s+(?:learning|improvement))$",
    re.IGNORECASE,
)
NUMBER_COLUMN = re.compile(r"^(?:no\.?|number|#|ref(?:erence)?\.?|tor)$", re.IGNORECASE)
# A column that says where the report discusses the finding ("Discussed at paragraphs"): no part of its text.
WHERE_COLUMN = re.compile(r"^(?:discussed\s+(?:at|in)|see|paragraphs?|paras?\.?|sections?)\b.{0,30}$", re.IGNORECASE)


# A log of typed statements: its type column, its statement column, and the types that are the review's learning.
TYPE_COLUMN = re.compile(r"^(?:type|kind|category)$", re.IGNORECASE)
TYPED_STATEMENT_COLUMN = re.compile(r"^(?:statement|description|text|detail)$", re.IGNORECASE)
LEARNING_TYPE = re.compile(r"^(?:key\s+)?(?:learning(?:\s+point)?|findings?|lessons?)$", re.IGNORECASE)


def _table_items(section, kind):
    """The findings of a section set out as a table, one a row ("No. | Learning point | Detail", "Ref | What we
    learned | Recommendation | Lead"): the statement column is each one's title (its first sentence, when it says
    more) and text, its number the label in the column's words ("Learning point 2", or the code as written: "L1"),
    the other cells its text, but for a recommendation column, which is its recommendation, and a lead column. A
    row with no number and no statement carries on the row above's recommendations; a row numbered otherwise
    ("General") is no finding; "Questions for the partnership:" in a statement cell starts its questions. [] when
    the section has no such table of two rows or more."""
    items, columns = [], None
    for block in section.blocks:
        cells = row_cells(block.text) if " | " in block.text else None
        if cells is None:
            columns = None
            continue
        sides = [[side.strip() for side in cell.split(" / ")] for cell in cells]  # ("Pwynt dysgu / Learning point")
        header = [i for i, cell in enumerate(sides) if any(STATEMENT_COLUMN.match(side) for side in cell)]
        typed = next((i for i, cell in enumerate(cells) if TYPE_COLUMN.match(cell.strip())), None)
        if not header and typed is not None:  # "Ref | Type | Statement | ...": a log of typed statements
            header = [i for i, cell in enumerate(cells) if TYPED_STATEMENT_COLUMN.match(cell.strip())]
        if header and all(_words(cell) <= 5 for cell in cells if " / " not in cell):
            number = next((i for i, cell in enumerate(cells) if NUMBER_COLUMN.match(cell)), None)
            asks = {
                i
                for i, cell in enumerate(sides)
                if any(re.fullmatch(r"(?i)recommendations?|actions?", s) for s in cell)
            }
            leads = {
                i for i, cell in enumerate(sides) if any(LEAD_COLUMN.match(s) or WHERE_COLUMN.match(s) for s in cell)
            }
            asked = {i for i, cell in enumerate(sides) if any(QUESTION_COLUMN.match(side) for side in cell)}
            name = sides[header[0]][-1]  # (the English side)
            if typed is not None:
                name, leads = "", leads | {typed}
            columns = (header[0], number, name, asks, leads | asked, asked, cells, typed)
            continue
        if columns is None or len(cells) <= columns[0]:
            continue
        statement, number, name, asks, leads, asked, names, typed = columns
        if typed is not None and not LEARNING_TYPE.match(cells[typed] if typed < len(cells) else ""):
            continue  # "GP1 | Good practice | ...", "R1 | Recommendation | ...": not the review's learning
        numbered = cells[number] if number is not None and number < len(cells) else ""
        recommended = [Block(cells[i], block.page) for i in sorted(asks) if i < len(cells) and cells[i]]
        if not numbered and not cells[statement]:
            if items:
                items[-1].recommendation += recommended  # (a second recommendation of the finding above)
            continue
        if number is not None and not ROW_CODE.fullmatch(numbered):
            continue  # "General | The learning in this review applies across ..."
        if POINTER_CELL.search(cells[statement]):
            continue  # "See section 5 ... This term of reference did not lead to a separate finding."
        plain = re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?|[A-Za-z]", numbered)  # ("3" is "Learning point 3"; "L1" itself)
        label = f"{_singular(name)} {numbered}".strip() if plain else numbered
        said, questions = _cell_questions(cells[statement])
        if number is None and (coded := CODED_STATEMENT.match(said)):
            label, said = coded["code"], said[coded.end() :]  # "PD1 / LP1 \u2013 Practitioners who saw ...": its code
        elif number is None:
            label = ""
        rest = [cell for i, cell in enumerate(cells) if i not in (statement, number, *asks, *leads) and cell]
        if rest and all(MARK_CELL.fullmatch(cell) for cell in rest):
            # a matrix: a tick under each case (or agency) the finding was seen in, a dash under the others
            ticked = [names[i] for i, cell in enumerate(cells) if i < len(names) and TICK.fullmatch(cell)]
            rest = [f"Marked in the table for {_listed(ticked)}."] if ticked else []
        items.append(_stated_item(said, block.page, label, rest, kind))
        items[-1].recommendation = recommended
        # (a question column's cell holds its questions, or a dash for none)
        questions += [q for i in sorted(asked) if i < len(cells) for q in re.split(r"(?<=\?)\s+", cells[i]) if "?" in q]
        items[-1].questions = [Block(question, block.page) for question in questions]
    return items if len(items) >= 2 else []


def _tabled_beside_actions(all_sections):
    """Learning points stated only in the first column of the table of actions ("Learning point | Action | Lead |
    By"), each opening with its code and set beside the actions that follow from it (its cell merged over their
    rows, so that later rows leave it empty): two or more with a code; a row without one is none."""
    items = [
        item
        for section in all_sections
        if section.kind == "recommendations" and any(_learning_beside_actions(block.text) for block in section.blocks)
        for item in _table_items(section, "learning")
    ]
    coded = [item for item in items if item.heading.label_text]  # (not "Effective practice \u2013 ...", "All ...")
    return coded if len(coded) >= 2 else []


def _learning_beside_actions(text):
    """Whether a row is the header of a table of actions whose first column states the learning ("Pwynt dysgu /
    Learning point | Cam gweithredu / Action | ..."), with no column for a number."""
    cells = row_cells(text) if " | " in text else []
    sides = [[side.strip() for side in cell.split(" / ")] for cell in cells]
    return (
        len(cells) >= 2
        and any(re.fullmatch(r"(?i)(?:key\s+)?learning(?:\s+points?)?", side) for side in sides[0])
        and any(re.fullmatch(r"(?i)actions?|recommendations?", side) for cell in sides[1:] for side in cell)
        and not any(NUMBER_COLUMN.match(cell) for cell in cells)
    )


# A statement cell that opens with its code (perhaps in two languages): "PD1 / LP1 \u2013 Practitioners who saw ...".
CODED_STATEMENT = re.compile(
    r"^(?:[A-Z]{1,4}\d{1,2}\s*/\s*)?(?P<code>[A-Z]{1,4}\d{1,2})\s*[\u2013\u2014:.-]\s+(?=[A-Z])"
)


def _stated_item(said, page, label, rest, kind):
    """A finding a table states in a cell: titled by the statement (its first sentence, when it says more), the
    statement and the other cells its text."""
    title = said if _words(said) <= LABELLED_WORDS else short_title(said).rstrip(".")
    if SENTENCE_BREAK.search(said):
        title = short_title(said).rstrip(".")
    heading = Block(said, page, heading=True, label_text=label, title=title)
    return Item(heading, [Block(text, page) for text in ([said] if title != said else []) + rest], kind=kind)


# A table's header naming a finding a column ("| Finding 1 | Finding 2 | Finding 3"; a PDF's "Finding 4 Finding 5").
COLUMN_LABEL = re.compile(r"(?i:key\s+)?(?i:finding|learning(?:\s+point)?|lesson)\s+\d{1,2}")


def _column_labels(text):
    """The labels of a header row that names one finding a column, its first cell empty; [] for any other text."""
    cells = row_cells(text) if "|" in text else ["", *COLUMN_LABEL.findall(text)]
    if cells[0] or len(cells) < 3 or not all(COLUMN_LABEL.fullmatch(cell) for cell in cells[1:]):
        return []
    return cells[1:] if "|" in text or re.fullmatch(rf"(?:{COLUMN_LABEL.pattern}\s*)+", text) else []


def _transposed_items(section):
    """The findings of a section set out one a column (a table headed "| Finding 1 | Finding 2 | Finding 3", over
    two tables when they are many), each row naming what its cells say: the statement's row ("What the panel
    found", else the first), its questions' row ("Questions for the SBNI"), and rows that tell more ("Why it
    matters"), kept under their names. [] when the section has no such table, or it states one finding only."""
    tables, reading = [], False  # (labels, rows): a row is (its name, its cells under the labels, its page)
    for block in section.blocks:
        cells = row_cells(block.text) if " | " in block.text else []
        if labels := _column_labels(block.text):
            tables.append((labels, []))
            reading = True
        elif reading and cells and len(cells) == len(tables[-1][0]) + 1:
            tables[-1][1].append((cells[0], cells[1:], block.page))
        else:
            reading = False  # (the table has ended)
    items = []
    for labels, rows in tables:
        if not rows:
            continue
        statement = next((row for row in rows if STATEMENT_COLUMN.match(row[0])), rows[0])
        asking = [row for row in rows if QUESTION_COLUMN.match(row[0])]
        for j, label in enumerate(labels):
            rest = [
                f"{name}: {cells[j]}"
                for name, cells, _ in rows
                if (name, cells) != statement[:2] and not QUESTION_COLUMN.match(name)
            ]
            kind = "learning" if "learn" in label.lower() else "finding"
            items.append(_stated_item(statement[1][j], statement[2], label, rest, kind))
            asked = [q for _, cells, _ in asking for q in re.split(r"(?<=\?)\s+", cells[j]) if "?" in q]
            items[-1].questions = [Block(question, statement[2]) for question in asked]
    return items if len(items) >= 2 else []


# A tile of a designed page of learning: its code (perhaps in two languages), its heading, then its statement and
# what explains it ("PD1 / LP1 Apwyntiadau a gollwyd / Missed appointments Repeated missed ... were treated ...").
TILE = re.compile(
    r"^(?:[A-Z]{1,4}\d{1,2}\s*/\s*)?(?P<code>(?P<letters>[A-Z]{1,4})\d{1,2})\s+(?P<rest>\S.*)$", re.DOTALL
)
# Where a tile's heading ends and its statement starts: a capital after a word in small letters ("... / Missed
# appointments Repeated missed diabetes ...", "... / What the school knew The school held ...").
TILE_STATEMENT = re.compile(r"(?<=[a-z\u2019')])\s+(?=[A-Z])")


def _tile_items(section, kind):
    """Findings set out as the tiles of a designed page, a table read across its rows, each tile opening with a code
    ("LP1", "PD1 / LP1") and a heading (in two languages, "Apwyntiadau a gollwyd / Missed appointments"): the code
    labels it, the statement after the heading is its title (its first sentence) and text. Tiles without a code
    ("Arfer effeithiol / Effective practice ...", "How to read this page ...") are none. Two or more with the same
    letters in their codes; [] otherwise."""
    found = []
    for block in section.blocks:
        for cell in row_cells(block.text) if " | " in block.text else [block.text]:
            if (tile := TILE.match(cell.strip())) and " / " in tile["rest"][:120]:
                english = tile["rest"].partition(" / ")[2]
                if (start := TILE_STATEMENT.search(english)) and _words(english[: start.start()]) <= 8:
                    found.append((tile, english[start.end() :], block.page))
    if not found:
        return []
    letters = Counter(tile["letters"] for tile, _, _ in found).most_common(1)[0][0]  # ("LP", not a stray "PD")
    items = [
        _stated_item(said, page, tile["code"], [], kind) for tile, said, page in found if tile["letters"] == letters
    ]
    return items if len(items) >= 2 else []


# A matrix's cell: a tick, a cross or a dash (Wingdings' tick and cross, as a PDF gives them, among them).
MARK_CELL = re.compile(
    r"[\u2713\u2714\u2611\u25cf\uf0fc\uf0fe\u2717\u2718\u2715\uf0fb\uf0fd\u2013\u2014-]|(?i:yes|no|y|n)"
)
TICK = re.compile(r"[\u2713\u2714\u2611\u25cf\uf0fc\uf0fe]|(?i:yes|y)")


def _listed(names):
    """ "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


# A statement cell that states no finding: it points elsewhere or says there is none.
POINTER_CELL = re.compile(
    r"^(?:see|refer\s+to|addressed\s+(?:under|in)|covered\s+(?:under|in))\b|\b(?:did\s+not|does\s+not)\s+lead\s+to\s+a\s+(?:separate\s+)?finding|^no\s+(?:separate\s+)?finding",
    re.IGNORECASE,
)
# A findings table's number for a finding: "3", "1.2", "L1", "KL 2", "C", "iv"; not a word ("General").
ROW_CODE = re.compile(r"(?:[A-Za-z]{1,3}[ .]?)?\d{1,2}(?:\.\d{1,2})?[a-z]?|[A-Za-z]|(?i:[ivx]{1,5})")
# A findings table's column of the questions each finding asks ("Question for the partnership").
QUESTION_COLUMN = re.compile(
    r"^(?:questions?(?:\s+(?:for|to)\s+.{1,40})?|issues\s+for\s+.{1,40}|points?\s+to\s+consider)$", re.I
)
LEAD_COLUMN = re.compile(r"^(?:lead(?:\s+(?:agency|body|officer))?|owner|agency|responsible.*|by\s+whom|who)$", re.I)
CELL_QUESTIONS = re.compile(
    r"\s*(?:questions?\s+(?:for|to)\s+[^:]{1,60}|issues\s+for\s+[^:]{1,60}|[^:.?]{0,60}\bto\s+consider)\s*:\s*",
    re.IGNORECASE,
)


def row_cells(text):
    """A table row's cells ("Finding 1 | 1 | The LSCB should ..."), stripped, empty cells at either end kept ("| | R3.
    ..." is a row whose first two cells are empty; "... | Lead |" ends with an empty one)."""
    text = text.strip()
    leading = re.match(r"^(?:\|[^\S\n]*)+", text)
    body = text[leading.end() :] if leading else text
    trailing = re.search(r"(?:[^\S\n]*\|)+$", body)
    if trailing:
        body = body[: trailing.start()]
    cells = [cell.strip() for cell in re.split(r" \|(?= )", body)]  # ("Regional | | Lead": an empty cell between)
    return (
        [""] * (leading.group().count("|") if leading else 0)
        + cells
        + [""] * (trailing.group().count("|") if trailing else 0)
    )


def _cell_questions(cell):
    """(statement, questions) of a table cell that asks its questions after what it says ("... Questions for the
    partnership: (a) How will ...? (b) Do ...?")."""
    parts = CELL_QUESTIONS.split(cell, maxsplit=1)
    if len(parts) < 2:
        return cell, []
    asked = re.split(r"\s*\((?:[a-h]|[ivx]{1,4})\)\s+|\s*\b\d{1,2}[.)]\s+|(?<=\?)\s+", parts[1])
    return parts[0].strip(), [question.strip() for question in asked if question.strip()]


RUN_IN = re.compile(
    r"^(?:(?:\((?P<letter>[a-h]|[ivx]{1,4})\)|(?P<digit>\d{1,2})[.)])\s+)?"  # "(a) Finding: ...", "2. Learning: ..."
    r"(?:[^/\n:]{2,40}\s/\s)?"  # the label in the report's other language first: "Pr\u00ecomh ionnsachadh 1 / "
    r"(?:(?P<word>(?:key\s+)?(?:finding|learning(?:\s+point)?|lesson(?:\s+learned)?|what\s+we\s+learned))"
    r"(?:\s+(?P<number>\d{1,2}))?"  # "Key learning 3 \u2013 ..."
    r"|(?P<code>(?-i:KLP|KL|LP|KF)\s?\d{1,2}))"  # "KL3 \u2013 ...": key learning, a learning point, by its code
    r"\s*[:\u2013\u2014-]\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _run_in_items(all_sections):
    """The report's learning written as run-in paragraphs ("Learning: A mother who is never seen on her own cannot
    be asked about her safety. ..."), two or more anywhere but skipped sections: each a finding whose title is its
    first sentence. One lettered or numbered ("(c) Finding: Nobody asked ...") is labelled so, and the paragraphs
    after it, to the next heading, are its evidence."""
    items, asking, evidence = [], None, None
    for section in all_sections:
        if section.kind == "skip":
            continue
        evidence = None
        for block in section.blocks:
            match = None if block.heading else RUN_IN.match(block.text)
            if match and _words(match.group("rest")) >= LIST_FINDING_WORDS:
                rest = match.group("rest").strip()
                heading = Block(short_title(rest), block.page, heading=True)
                if code := match.group("code"):
                    heading.label_text, heading.title = "".join(code.split()), heading.text
                elif number := match.group("letter") or match.group("digit") or match.group("number"):
                    word = " ".join(match.group("word").split()).capitalize()
                    heading.label_text = f"{word} ({number})" if match.group("letter") else f"{word} {number}"
                    heading.title = heading.text
                items.append(Item(heading, [Block(rest, block.page)], kind="learning"))
                asking, evidence = None, items[-1] if heading.label_text else None
            elif items and asking is None and block.text.rstrip().endswith(":") and _asks_questions(block.text):
                asking, evidence = items[-1], None  # "Questions the CPC may wish to consider:": its questions
            elif asking is not None and (_listed_point(block.text) or block.text.rstrip().endswith("?")):
                asking.questions.append(block)
            elif evidence is not None and not block.heading:
                evidence.paragraphs.append(block)
            else:
                asking = evidence = None
    return items if len(items) >= 2 else []


# A lettered paragraph stating a finding: "(b) The mother's partner was never checked, because ...".
LETTERED_PARAGRAPH = re.compile(r"^\((?P<letter>[a-h])\)\s+(?P<rest>(?-i:[A-Z])\S.*)$", re.DOTALL)


def _listed_point(text):
    """A point of a list ("1. How ...", "(b) ..."), not a numbered paragraph of the report ("6.8 The review ...")."""
    return LISTED.match(text) and not re.match(r"\d{1,2}\.\d", text)


def _after_item(item, block, asking):
    """Puts a block that follows a finding stated in a paragraph where it belongs: "... to consider:" starts its
    questions, a listed point or a question after that is one of them, any other paragraph is its text. Returns the
    item now gathering questions (None when none is), or False when the block is a heading, which ends the item."""
    if (block.heading or block.text.rstrip().endswith(":")) and _asks_questions(block.text):
        return item
    if asking is not None and (_listed_point(block.text) or block.text.rstrip().endswith("?")):
        asking.questions.append(block)
        return asking
    if block.heading:
        return False
    item.paragraphs.append(block)
    return None


def _lettered_items(all_sections):
    """Findings set out as lettered paragraphs in a section of their own, most often the conclusions ("(a)
    Professionals on the island knew the family well socially, ..." to "(e) ..."): three or more, lettered in order,
    each long enough to state and explain a finding. Each is labelled in the section's words ("Conclusion (a)"); the
    paragraphs after it are its evidence and "Points for the Committee to consider:" its questions; a heading ends
    them. A remit's "(a) establish the involvement of ..." (small letter) is none."""
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        items, asking = [], None
        for block in section.blocks:
            found = None if block.heading else LETTERED_PARAGRAPH.match(block.text)
            if (
                found
                and found.group("letter") == "abcdefgh"[len(items) % 8]
                and (_words(found.group("rest")) >= LIST_FINDING_WORDS)
            ):
                name = _singular(_strip_number(section.heading.text)) if section.heading else ""
                name = name[:-1] if name.lower().endswith("conclusions") else name
                rest = found.group("rest").strip()
                label = f"{name} ({found.group('letter')})".strip()
                heading = Block(rest, block.page, heading=True, label_text=label, title=short_title(rest).rstrip("."))
                items.append(Item(heading, [Block(rest, block.page)], kind="finding"))
                asking = None
            elif items:
                asking = _after_item(items[-1], block, asking)
                if asking is False:
                    break
        if len(items) >= 3:
            return items
    return []


# Findings stated as clauses of one paragraph: "6.1 ... the panel reached five conclusions ...: (i) <statement>; (ii)
# <statement>; ... and (v) <statement>.", each then discussed in a paragraph "6.2 As to conclusion (i), ...".
CLAUSE = re.compile(r"(?:^|(?<=[:;,.])\s+|\s+and\s+)\((?P<n>[ivx]{1,4}|[a-h])\)\s+")
CLAUSES_OF = re.compile(r"\b(?P<name>conclusion|finding|lesson|learning point|key issue)s\b", re.IGNORECASE)
DISCUSSION = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\s+)?(?:as\s+to|turning\s+to|on|regarding|in\s+relation\s+to|with\s+regard\s+to)\s+"
    r"(?:the\s+)?(?:conclusion|finding|lesson|learning\s+point|key\s+issue)\s+\((?P<n>[ivx]{1,4}|[a-h])\)",
    re.IGNORECASE,
)


def _clauses(text):
    """[(number, clause)] of a paragraph that states three or more findings as clauses numbered in order, "(i)" or
    "(a)" on, after words naming them ("five conclusions"); [] for any other (a remit's "(a) the involvement of ...",
    "three strengths: (a) ...")."""
    marks = list(CLAUSE.finditer(text))
    if len(marks) < 3 or not CLAUSES_OF.search(text[: marks[0].start()]):
        return []
    numbers = [m.group("n") for m in marks]
    roman = [series_number(f"({n})") for n in numbers] if numbers[0] == "i" else None
    if roman != list(range(1, len(marks) + 1)) and numbers != list("abcdefgh"[: len(marks)]):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [(m.group("n"), text[m.end() : end].strip().rstrip(";.,")) for m, end in zip(marks, ends, strict=True)]


def _inline_clauses(all_sections):
    """Findings stated as numbered clauses of one paragraph in the conclusions (or findings), each labelled in the
    paragraph's words ("Conclusion (ii)"); the paragraph that discusses it ("As to conclusion (ii), ...") and what
    follows it, its questions among them, are its text, to the next numbered paragraph that discusses none."""
    for section in all_sections:
        if section.kind not in ("conclusion", "findings", "learning"):
            continue
        for at, block in enumerate(section.blocks):
            text, end = block.text, at + 1
            while end < len(section.blocks) and re.match(r"\((?:[ivx]{1,4}|[a-h])\)\s", section.blocks[end].text):
                text, end = f"{text} {section.blocks[end].text}", end + 1  # (a line that starts "(ii) ...", read apart)
            clauses = [] if block.heading else _clauses(text)
            if not clauses:
                continue
            name = CLAUSES_OF.search(text).group("name").capitalize()
            items = {}
            for number, clause in clauses:
                heading = Block(clause, block.page, heading=True, label_text=f"{name} ({number})")
                heading.title = short_title(clause[:1].upper() + clause[1:]).rstrip(".")
                items[number] = Item(heading, kind="finding")
            current, asking = None, None
            for later in section.blocks[end:]:
                discussed = DISCUSSION.match(later.text)
                if discussed and discussed.group("n") in items:
                    current, asking = items[discussed.group("n")], None
                    current.paragraphs.append(later)
                elif current is not None and not (re.match(r"\d{1,2}\.\d", later.text) and not later.heading):
                    asking = _after_item(current, later, asking)
                    current = None if asking is False else current
                else:
                    current = None
            for number, clause in clauses:
                items[number].paragraphs = items[number].paragraphs or [Block(clause, block.page)]
            return list(items.values())
    return []


# "7.1 Having considered all the information, the panel found, numbering the findings for reference in section 8:"
FOUND_LEAD_IN = re.compile(
    r"\b(?:the\s+(?:panel|review(?:\s+team)?|reviewers?|author)|we)\s+(?:also\s+)?(?:found|finds|concluded|concludes)\b"
    r"[^.]*:\s*$",
    re.IGNORECASE,
)
THAT_CLAUSE = re.compile(r"^(?P<n>\d{1,2})[.)]\s+that\s+(?P<rest>\S.*)$", re.DOTALL)


def _found_that_clauses(all_sections):
    """Findings set out as a numbered list of clauses after "the panel found:" ("1. that the placement ... increased
    her isolation. ..."), each a finding labelled "Finding N", its first sentence its title; the list ends at a
    heading (a good-practice list after "The panel also found that some practice was good, namely:") or any other
    paragraph."""
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        for at, block in enumerate(section.blocks):
            if not FOUND_LEAD_IN.search(block.text):
                continue
            items = []
            for later in section.blocks[at + 1 :]:
                clause = None if later.heading else THAT_CLAUSE.match(later.text)
                if clause is None or int(clause.group("n")) != len(items) + 1:
                    break
                rest = clause.group("rest").strip()
                title = short_title(rest[:1].upper() + rest[1:]).rstrip(".")
                heading = Block(rest, later.page, heading=True, label_text=f"Finding {len(items) + 1}", title=title)
                items.append(Item(heading, [Block(rest, later.page)], kind="finding"))
            if len(items) >= 2:
                return items
    return []


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
ORDINAL_PARAGRAPH = re.compile(
    rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})+\.?\s+)?(?P<ordinal>{'|'.join(ORDINALS)}|finally|lastly),\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
CONSIDER_LEAD_IN = re.compile(r"\b(?:may|might)\s+wish\s+to\s+consider\s*:\s*$|\bquestions?\b[^.]{0,60}:\s*$", re.I)


def _ordinal_paragraphs(all_sections):
    """Findings stated as the opening words of paragraphs counted "First, ...", "Second, ..." in the conclusions,
    each labelled by the section's word ("Conclusion 1"), its opening sentence its title and the paragraphs after it
    its text, with the questions a list after "may wish to consider:" asks; three or more, counted in order."""
    for section in all_sections:
        heading = section.heading.text if section.heading else ""
        word = re.search(r"\b(conclusion|finding|lesson)s?\b", heading, re.IGNORECASE)
        if section.kind in ("skip", "recommendations") or not word:
            continue
        items, asking = [], False
        for block in section.blocks:
            opening = None if block.heading else ORDINAL_PARAGRAPH.match(block.text)
            expected = ORDINALS[len(items)] if len(items) < len(ORDINALS) else ""
            if opening and opening.group("ordinal").lower() in (expected, "finally", "lastly"):
                rest = opening.group("rest").strip()
                title = short_title(rest[:1].upper() + rest[1:]).rstrip(".")
                label = f"{word.group(1).title()} {len(items) + 1}"
                heading_block = Block(rest, block.page, heading=True, label_text=label, title=title)
                items.append(Item(heading_block, [Block(rest, block.page)], kind="finding"))
                asking = False
            elif items and CONSIDER_LEAD_IN.search(block.text):
                asking = True  # ("The LSCB may wish to consider:", read as a heading or not)
            elif items and block.heading:
                break
            elif items and asking and LIST_ITEM.match(block.text) and block.text.rstrip().endswith("?"):
                items[-1].questions.append(block)
            elif items:
                asking = False
                items[-1].paragraphs.append(block)
        if len(items) >= 3:
            return items
    return []


# A table row that a finding's label heads: "Key practice learning 2 | Discharge from the neonatal unit was ... |".
LABELLED_ROW = re.compile(
    r"^(?P<words>(?:[A-Za-z][\w'\u2019-]*\s+){0,3}?(?:findings?|learning|lessons?|themes?))\s+(?P<n>\d{1,2})$",
    re.IGNORECASE,
)


def _labelled_rows(all_sections):
    """Findings as rows of tables (a timeline's) headed by their label in the first cell, the statement in the next:
    two or more with the same label words, numbered in order; not in the recommendations or an appendix."""
    items, words = [], None
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        for block in section.blocks:
            cells = [cell.strip() for cell in block.text.split(" | ")] if " | " in block.text else []
            found = LABELLED_ROW.match(cells[0]) if len(cells) >= 2 else None
            if not found or _words(cells[1]) < 8 or (words and found.group("words").lower() != words):
                continue
            if int(found.group("n")) <= len(items):
                continue  # (a summary table's restatement of a finding already read)
            words = found.group("words").lower()
            heading = Block(cells[1], block.page, heading=True, label_text=cells[0], title=short_title(cells[1]))
            items.append(
                Item(heading, [Block(cells[1], block.page)], kind="learning" if "learn" in words else "finding")
            )
    return items if len(items) >= 2 else []


# A findings table's column that says what became of each row ("Outcome": "Confirmed \u2013 Finding 1", "Not
# confirmed"), and a finding's label in it.
OUTCOME_COLUMN = re.compile(r"^(?:outcome|status|result|verdict|conclusion|finding\??)$", re.IGNORECASE)
LABEL_IN_CELL = re.compile(r"\b(?P<label>(?i:key\s+)?(?i:finding|learning(?:\s+point)?|lesson)\s+\d{1,2})\b")


def _outcome_rows(all_sections):
    """Findings as the rows of a table that tested questions or hypotheses, wherever it is: those whose outcome
    column gives a finding's label ("Confirmed \u2013 Finding 1", "New \u2013 Finding 5"), the statement column ("What
    the review found") its title (the first sentence) and text, the other columns kept under their names; rows with
    no label ("Not confirmed") are none. Two or more."""
    items = []
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        columns = None
        for block in section.blocks:
            cells = row_cells(block.text) if " | " in block.text else None
            if cells is None:
                continue  # (a table that runs over a page break goes on under its header, repeated)
            statement = next((i for i, cell in enumerate(cells) if STATEMENT_COLUMN.match(cell)), None)
            outcome = next((i for i, cell in enumerate(cells) if OUTCOME_COLUMN.match(cell)), None)
            if statement is not None and outcome is not None and all(_words(cell) <= 6 for cell in cells):
                columns = (statement, outcome, cells)
                continue
            if columns is None or len(cells) != len(columns[2]):
                continue
            statement, outcome, names = columns
            if not (found := LABEL_IN_CELL.search(cells[outcome])):
                continue
            rest = [
                f"{names[i]}: {cell}"
                for i, cell in enumerate(cells)
                if i not in (statement, outcome)
                and cell
                and not ROW_CODE.fullmatch(cell)
                and cell not in "-\u2013\u2014"
            ]
            kind = "learning" if "learn" in found["label"].lower() else "finding"
            items.append(_stated_item(cells[statement], block.page, found["label"], rest, kind))
    return items if len(items) >= 2 else []


ROMAN_PARAGRAPH = re.compile(r"^\((?P<numeral>[ivx]{1,5})\)\s+(?P<rest>(?-i:[A-Z])\S.*)$", re.DOTALL)


def _roman_items(all_sections):
    """Findings as paragraphs numbered "(i)", "(ii)" ... through a learning or findings section's themed sub-headings
    (the numbering going on from one theme to the next): three or more, over two themes or more, each long enough to
    state a finding; labelled "Learning point (iv)" (or "Finding (iv)"). A remit's "(i) to examine ..." is none."""
    for section in all_sections:
        if section.kind not in ("learning", "findings"):
            continue
        items, themes, theme, asking = [], set(), None, False
        for block in section.blocks:
            found = None if block.heading else ROMAN_PARAGRAPH.match(block.text.strip())
            lead_in = QUESTIONS_HEADING.match(block.text.strip()) or CONSIDER_LEAD_IN.search(block.text)
            if items and lead_in:
                asking = True  # "Cwestiynau i'r Bwrdd / Questions for the Board": the one before's
            elif items and asking and not found and block.text.rstrip().endswith("?"):
                items[-1].questions.append(block)
            elif block.heading:
                theme, asking = block.text, False
            elif found and series_number(f"({found.group('numeral')})") == len(items) + 1:
                if _words(found.group("rest")) < LIST_FINDING_WORDS:
                    break
                rest = found.group("rest").strip()
                name = "Learning point" if section.kind == "learning" else "Finding"
                label = f"{name} ({found.group('numeral')})"
                heading = Block(rest, block.page, heading=True, label_text=label, title=short_title(rest).rstrip("."))
                kind = "learning" if section.kind == "learning" else "finding"
                items.append(Item(heading, [Block(rest, block.page)], kind=kind))
                themes.add(theme)
            elif items and not found:
                items[-1].paragraphs.append(block)
        if len(items) >= 3 and len(themes) >= 2:
            return items
    return []


def _statement_paragraphs(all_sections):
    """Findings set out as sentences of their own among a lessons section's numbered paragraphs (in bold, in the
    original): "7.1 The panel has identified five lessons. ... / The school held more information ... than any
    other agency, but ... / 7.2 ...". Each is labelled by the section's word ("Lesson 1"), the numbered paragraphs
    after it its text and a list after "Questions for the SBNI:" its questions; three or more, each a sentence of
    eight words or more, among at least as many numbered paragraphs."""
    for section in all_sections:
        heading = section.heading.text if section.heading else ""
        word = re.search(r"\b(lesson|finding|learn)(?:s|ing|ed|t)?\b", heading, re.IGNORECASE)
        if section.kind in ("skip", "recommendations") or not word:
            continue
        name = "learning" if word.group(1).lower() == "learn" else word.group(1)
        numbered = [b for b in section.blocks if not b.heading and SECTION_NUMBER.match(b.text)]
        items, asking = [], False
        for index, block in enumerate(section.blocks):
            text = block.text.strip()
            if block.heading and items and not CONSIDER_LEAD_IN.search(text):
                if _subject_line(section.blocks[index + 1 :]):
                    continue  # a subject line over the next statement ("When things change")
                break
            if (
                _is_statement(text)
                and not block.heading
                and not SECTION_NUMBER.match(text)
                and not LISTED.match(text)
                and not _is_row(text)  # (a table's row: "What the panel found | ...")
            ):
                label = f"{name.title()} {len(items) + 1}"
                heading_block = Block(text, block.page, heading=True, label_text=label, title=text.rstrip("."))
                items.append(Item(heading_block, [], kind="learning" if name.lower() != "finding" else "finding"))
                asking = False
            elif items and CONSIDER_LEAD_IN.search(text):
                asking = True  # "Questions for the SBNI:"
            elif items and asking and text.rstrip().endswith("?"):
                items[-1].questions.append(block)
            elif items:
                asking = False
                items[-1].paragraphs.append(block)
        if len(items) >= 3 and len(numbered) >= len(items):
            return items
    return []


def _subject_line(following):
    """Whether a heading stands over a statement of its own (the next block, unnumbered, then a numbered one)."""
    after = [b for b in following[:2] if not b.heading]
    return (
        len(after) == 2
        and _is_statement(after[0].text.strip())
        and not SECTION_NUMBER.match(after[0].text)
        and bool(SECTION_NUMBER.match(after[1].text))
    )


def _closing_statements(all_sections):
    """Findings stated where a paragraph ends, each after its label ("... nobody's business. Finding 1: The housing
    service placed the family in a room with no space for a cot ... considered it."), or marked by a tag at its end
    in the report's languages ("6.4 Child A's school held ... [Dysgu plant 1 / Child learning 1]"): two or more
    through the report; or stated in the middle of a paragraph in their order ("The review's first key finding is
    that ... . This matters because ..."). A closing statement is the finding's title, the paragraphs after it (to
    the next) its text; a tagged paragraph's first sentence is its title, the rest its text; an ordinal statement's
    words after "that" its title, the rest of its paragraph and those after it its text."""
    items, asking, stated, ended = [], None, None, False
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        ended = ended or bool(items and items[-1] is stated)  # (a new section is a new heading)
        for block in section.blocks:
            closing = None if block.heading else CLOSING_LABEL.search(block.text)
            tagged = None if block.heading or closing else TRAILING_TAG.search(block.text)
            ordinal = None if block.heading or closing or tagged else ORDINAL_FINDING.search(block.text)
            if ordinal and ordinal.group("ordinal").lower() == ORDINALS[len(items) % len(ORDINALS)]:
                words = " ".join(ordinal.group("kind").split()).capitalize()
                title = ordinal.group("title")[:1].upper() + ordinal.group("title")[1:]
                heading = Block(title, block.page, heading=True, label_text=f"{words} {len(items) + 1}", title=title)
                said = [SECTION_NUMBER.sub(r"\g<rest>", block.text[: ordinal.start()].strip(), count=1)]
                said.append(block.text[ordinal.end() :].strip())
                items.append(Item(heading, [Block(text, block.page) for text in said if text], kind="finding"))
                stated, ended = items[-1], False
            elif items and items[-1] is stated and ((block.heading and not _asks_questions(block.text)) or ended):
                ended = True  # (an ordinal statement's text ends with its theme, at the next heading)
                continue
            elif closing:
                label, title = " ".join(closing.group("label").split()), closing.group("title").strip().rstrip(".")
                heading = Block(title, block.page, heading=True, label_text=label.capitalize(), title=title)
                items.append(Item(heading, [], kind="finding"))
            elif tagged:
                said = SECTION_NUMBER.sub(r"\g<rest>", block.text[: tagged.start()].strip(), count=1)
                title = short_title(said).rstrip(".")
                label = " ".join(tagged.group("label").split())
                heading = Block(title, block.page, heading=True, label_text=label[:1].upper() + label[1:], title=title)
                rest = said[len(short_title(said)) :].strip()
                items.append(Item(heading, [Block(rest, block.page)] if rest else [], kind="learning"))
            elif items:  # (its text goes on past a sub-heading, to the next finding; "... to consider:" its questions)
                asking = _after_item(items[-1], block, asking) or None
                continue
            asking = None
    return items if len(items) >= 2 else []


# A label and its statement closing a paragraph: "... nobody's business. Finding 1: The housing service placed ...".
CLOSING_LABEL = re.compile(
    r"(?<=[.!?]\s)(?P<label>(?:key\s+)?(?:finding|learning(?:\s+point)?|lesson)\s+\d{1,2})\s*:\s+"
    r"(?P<title>(?-i:[A-Z])[^!?]{20,600}?[.!?])\s*$",
    re.IGNORECASE,
)
# A finding stated by its place in the report's order: "The review's second key finding is that no single clinician
# held the whole picture ... in one place."
ORDINAL_FINDING = re.compile(
    rf"\b(?:the\s+)?(?:review|panel|reviewers?|author|report)['\u2019]s?\s+(?P<ordinal>{'|'.join(ORDINALS)})\s+"
    r"(?P<kind>(?:key\s+|main\s+)?(?:finding|learning\s+point|lesson))\s+is\s+that\s+"
    r"(?P<title>\S.{20,600}?)\.(?=\s+(?:[A-Z\[\u2018\u201c]|$)|$)",
    re.IGNORECASE,
)
# A tag closing a paragraph that marks it as a learning point, perhaps in two languages: "[Dysgu plant 1 / Child
# learning 1]", "[Learning point 3]".
TRAILING_TAG = re.compile(
    r"\s*\[(?:[^\[\]/]{2,40}/\s*)?(?P<label>(?:[\w-]+\s+){0,2}?(?:learning(?:\s+point)?|finding|lesson)\s+\d{1,2})\]\s*$",
    re.IGNORECASE,
)


def _is_statement(text):
    """A sentence of its own, eight words or more, not a quotation or a lead-in."""
    return (
        len(text.split()) >= 8
        and text.endswith(".")
        and not SENTENCE_BREAK.search(text[:-1])
        and not re.match(r"[\"'\u201c\u2018]", text)
    )


def _series_paragraphs(all_sections):
    """Findings as paragraphs that open with a label in a series of the report's own words ("5.1.2 What needs to
    change 1: pre-birth assessments need to include both parents ...", "... 2: ..."): two or more, numbered apart,
    each long enough to state a finding. Each is labelled so; the paragraphs after it are its text, and "... to
    consider:" its questions, to the next heading or the next of the series."""
    found = defaultdict(list)
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        for block in section.blocks:
            match = None if block.heading or block.label else SERIES.match(block.text)
            if (
                match
                and not STRUCTURE.match(match.group("words"))
                and not _section_kind(match.group("words"))
                and _words(match.group("rest")) >= MIN_WORDS // 2
            ):
                found[" ".join(match.group("words").lower().split())].append((section, block, match))
    series = max(found.values(), key=len, default=[])
    numbers = [series_number(match.group("number")) for _, _, match in series]
    if len(series) < 2 or len(set(numbers)) < len(numbers):
        return []
    starts = {id(block): match for _, block, match in series}
    items, asking = [], None
    for section in [s for s in all_sections if any(s is section for section, _, _ in series)]:
        current = None
        for block in section.blocks:
            if match := starts.get(id(block)):
                rest = match.group("rest").strip()
                label = block.text[match.start("words") : match.start("rest")].strip(" :.-\u2013\u2014")
                title = short_title(rest).rstrip(".")
                heading = Block(rest, block.page, heading=True, label_text=label, title=title[:1].upper() + title[1:])
                current, asking = Item(heading, [Block(rest, block.page)], kind="finding"), None
                items.append(current)
            elif current is not None:
                asking = _after_item(current, block, asking)
                if asking is False:
                    current = asking = None
    return items


# The review's questions, each answered ("Question 2: Was the risk recognised ...?" then "Answer: The risk was
# recognised by the spring of 2021, but ..."): the answers are the findings.
QUESTION_HEADING = re.compile(
    r"^(?:(?:key|review)\s+)?question\s+(?P<n>\d{1,2}|(?-i:[A-H]))\s*[:.\-\u2013\u2014]\s*\S.*$", re.IGNORECASE
)
ANSWER = re.compile(r"^(?:our\s+)?answer\s*[:\-\u2013\u2014]\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
UNANSWERED = re.compile(
    r"\b(?:could|can)\s*not\s+(?:answer|say)|\bunable\s+to\s+(?:answer|say)|\bnot\s+(?:able|possible)\s+to\s+answer",
    re.IGNORECASE,
)


def _answered_questions(all_sections):
    """Findings set out as the answers to the review's numbered questions: each "Answer: ..." after a "Question N:"
    heading is one, labelled by its question ("Question 2"), titled by the answer's first sentence; the paragraphs
    after it are its text and "... to consider:" its questions, to the next heading. An answer that says the
    question could not be answered is none. [] unless two or more questions are answered."""
    items = []
    for section in all_sections:
        if section.kind in ("skip", "recommendations"):
            continue
        question, current, asking = None, None, None
        for block in section.blocks:
            asked = block.heading or block.text.rstrip().endswith("?")  # (a wrapped question reads as a paragraph)
            if asked and (found := QUESTION_HEADING.match(_strip_number(block.text))):
                question, current, asking = found, None, None
            elif question is not None and current is None and (answer := ANSWER.match(block.text)):
                rest = answer.group("rest").strip()
                if UNANSWERED.search(short_title(rest)):
                    question = None
                    continue
                label = f"Question {question.group('n')}"
                heading = Block(rest, block.page, heading=True, label_text=label, title=short_title(rest).rstrip("."))
                current = Item(heading, [Block(rest, block.page)], kind="finding")
                items.append(current)
            elif current is not None:
                asking = _after_item(current, block, asking)
                if asking is False:
                    question = current = asking = None
    return items if len(items) >= 2 else []


LIST_ITEM = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<rest>\S.*)$", re.DOTALL)


def _list_items_as_findings(section, kind):
    """The findings of a section set out as one numbered list of statements, each followed by its explanation ("1.
    The hostel was his home for most of the week, but ... Hostel staff saw him every evening ..."): each item a
    finding, labelled in the section's words ("Key learning 1"). [] unless there are two or more such items, numbered
    1, 2, 3 ... and each long enough to explain itself."""
    listed = [(b, LIST_ITEM.match(b.text)) for b in section.blocks if not b.heading]
    listed = [(b, found) for b, found in listed if found and b.number in ("", found.group("n"))]  # ("10." too)
    numbers = _numbered_across_pages(section.blocks, listed)
    if len(listed) < 2 or numbers != list(range(1, len(listed) + 1)):
        return []
    if any(_words(found.group("rest")) < LIST_FINDING_WORDS for _, found in listed):
        return []
    name = _singular(_strip_number(section.heading.text)) if section.heading else ""
    items = []
    for (block, found), number in zip(listed, numbers, strict=True):
        rest = found.group("rest").strip()
        title = short_title(rest)
        heading = Block(rest, block.page, heading=True, label_text=f"{name} {number}".strip(), title=title)
        items.append(Item(heading, [Block(rest, block.page)], kind=kind))
    return items


def _numbered_across_pages(blocks, listed):
    """The numbers of a list's items, a list that starts again at 1 straight after its last item counted on (a list
    broken by a page break, renumbered by the program that printed it)."""
    numbers, before = [], None
    for block, found in listed:
        number = int(found.group("n"))
        follows = before is not None and blocks.index(block) == blocks.index(before) + 1
        if number == 1 and numbers and numbers[-1] >= 2 and follows:
            number = numbers[-1] + 1
        elif numbers and numbers[-1] >= number and follows and block.page == before.page and number > 1:
            number = numbers[-1] + 1  # (the items after it, numbered on from the restart)
        numbers.append(number)
        before = block
    return numbers


LIST_FINDING_WORDS = 25  # an item of a numbered list stands as a finding when it says this much
SUMMARY_HEADING = re.compile(r"\b(?P<word>findings?|lessons?|learning points?)\b", re.IGNORECASE)
EMBEDDED_NUMBER = re.compile(r"(?:^|(?<=[.?!\"'\u201d)])\s+)(?P<n>\d{1,2})\.\s+(?=[A-Z\"'\u201c])")


def numbered_items(text):
    """(number, text) of the items of a list written in one paragraph ("1. Home visits were ... 2. Information from
    ...", "3. The Ministry ... 4. Local safeguarding partners ..."), numbered on from any number; [] unless the
    paragraph starts with one and the numbers count up by one."""
    marks = list(EMBEDDED_NUMBER.finditer(text))
    numbers = [int(mark.group("n")) for mark in marks]
    if not marks or marks[0].start() != 0 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return [(mark.group("n"), text[mark.end() : end].strip()) for mark, end in zip(marks, ends, strict=True)]


def _numbered_sentences(text):
    """The statements of a box set out as one paragraph, numbered 1, 2, 3 ... from its start; [] otherwise."""
    items = numbered_items(text)
    return [item for _, item in items] if items and items[0][0] == "1" else []


def _summary_statements(all_sections):
    """(label word, statements) of a summary box that states the findings in full, numbered, before the report
    discusses each under a short heading of its own ("Summary of findings": "1. Home visits were nearly always
    arranged in advance, ...", "2. ..."): two or more statements, numbered in order, in the first section whose
    heading names findings (or lessons) and that has them (questions are not statements); (None, []) when there is
    none."""
    for section in all_sections:
        named = section.heading and SUMMARY_HEADING.search(section.heading.text)
        if not named or section.kind in ("skip", "recommendations"):
            continue
        found = [LIST_ITEM.match(b.text) for b in section.blocks if not b.heading]
        listed = [match.group("rest") for match in found if match]
        if labelled := _labelled_bullets(section):  # "\u2022 Finding 1 \u2014 Child K's experience ..."
            return labelled
        if [int(match.group("n")) for match in found if match] != list(range(1, len(listed) + 1)) or len(listed) < 2:
            listed = next((parts for b in section.blocks if len(parts := _numbered_sentences(b.text)) >= 2), listed)
        if len(listed) >= 2 and all(_words(text) >= 8 and not text.rstrip().endswith("?") for text in listed):
            return _singular(named.group("word")).capitalize(), [" ".join(t.split()) for t in listed]
    return None, []


def _labelled_bullets(section):
    """(label word, statements) of a summary's run of bullets that each open with a finding's label, numbered in order
    ("\u2022 Finding 1 \u2014 ...", "\u2022 Finding 2 \u2014 ..."), else None."""
    statements, numbers = [], []
    for block in section.blocks:
        bare = LISTED.sub("", block.text, count=1) if not block.heading and LISTED.match(block.text) else ""
        label = _label(bare) if bare else None
        if label and label[0] == "finding" and label[1] and (number := SERIES_NUMBER.match(bare)):
            statements.append(" ".join(label[1].split()))
            numbers.append(int(number.group(1)))
        elif statements:
            break  # (the run has ended: "What went well", "Good practice 1 \u2014 ...")
    if len(statements) < 2 or numbers != list(range(1, len(statements) + 1)):
        return None
    return "Finding", statements


SERIES_NUMBER = re.compile(r"^\w+(?:\s+\w+)?\s+(\d{1,2})\b")


def _titled_by_summary(all_sections, items):
    """Findings discussed under short headings of their own ("Visits by appointment") after a summary box states
    them in full and in the same order: each takes its statement as title and its number as label ("Finding 1"),
    its short heading staying as the first line of its text. Only when the counts agree and no finding is labelled."""
    word, statements = _summary_statements(all_sections)
    if len(statements) != len(items) or any(not i.heading or i.heading.label or i.heading.label_text for i in items):
        return items
    for n, (item, statement) in enumerate(zip(items, statements, strict=True), start=1):
        title = statement.rstrip(".")
        if _words(title) > LABELLED_WORDS or SENTENCE_BREAK.search(title):
            title = short_title(statement).rstrip(".")  # (its first sentence, when it says more)
        short = Block(item.heading.text, item.heading.page, heading=True)
        item.paragraphs.insert(0, short)
        item.heading = Block(statement, item.heading.page, heading=True, label_text=f"{word} {n}", title=title)
    return items


def _singular(name):
    """A column's name as one item's label: "Learning points" gives "Learning point"."""
    name = " ".join(name.split())
    return name[:-1] if name.lower().endswith(("points", "findings", "lessons")) else name


def _bulleted_statements(section):
    """The numbered items that state a section's findings, each a statement with no full stop followed by bulleted
    points ("1. When a young person ... could not have managed herself", "\u2022 Gran was told ..."); two or more,
    whatever their numbers (a list whose numbering ran on through the questions between them); [] when there are none.
    """
    blocks = section.blocks
    found = [
        block
        for block, after in itertools.pairwise(blocks)
        if (item := LIST_ITEM.match(block.text))
        and _words(item.group("rest")) >= 8
        and not item.group("rest").rstrip().endswith((".", "?", ":", ";"))
        and BULLETED.match(after.text)
    ]
    return found if 2 <= len(found) <= MAX_FINDINGS else []


BULLETED = re.compile(r"^[\u2022\u25aa\u25cf\u2023*\-]\s")  # a bullet point: "\u2022 ", "\u25aa ", "- "


def _numbered_statements(section):
    """The paragraphs that start findings in a section set out as numbered statements, each followed by unnumbered
    evidence ("5.1 Professionals became accustomed to the conditions in the home. ..." then paragraphs without a
    number, sub-headings and questions, then "5.2 ..."); [] when the section is not laid out so."""
    numbered = [b for b in section.blocks if not b.heading and re.fullmatch(r"\d{1,2}\.[1-9]\d?", b.number or "")]
    if not 2 <= len(numbered) <= MAX_FINDINGS:
        return []
    if sum(bool(b.heading and BARE_CODE.fullmatch(b.text.strip())) for b in section.blocks) >= 2:
        return []  # headings that are codes ("LP1", "LP2") start the findings; numbered paragraphs discuss them
    following = [section.blocks[section.blocks.index(b) + 1] for b in numbered if b is not section.blocks[-1]]
    followed = sum(not (after.number and not after.heading) for after in following)
    starting = sum(b.heading and not _asks_questions(b.text) for b in section.blocks)
    # (headings each over numbered paragraphs are the findings' headings: "Safe", then "<the finding>", then "5.2 ...")
    led = sum(
        bool(b.heading and not _asks_questions(b.text) and "." in after.number and not after.heading)
        for b, after in itertools.pairwise(section.blocks)
    )
    return numbered if followed * 2 >= len(numbered) and len(numbered) > starting and led * 2 < starting else []


def _joined(items):
    """Paragraph-made items: a short paragraph that is not a numbered or listed point joins the one before."""
    out = []
    for item in items:
        first = item.paragraphs[0]
        if out and _words(first.text) < MIN_WORDS and not first.number and not LISTED.match(first.text):
            out[-1].paragraphs += item.paragraphs
        else:
            out.append(item)
    return out


def _strip_number(text):
    """The text without its section or paragraph number or list marker ("6.2.1 ", "2) ", "\u2022 ")."""
    if LABEL.match(text):
        return text
    numbered = SECTION_NUMBER.match(text)
    return numbered.group("rest") if numbered else LISTED.sub("", text, count=1)


def short_title(text):
    """The first sentence, cut to TITLE_WORDS words."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c])", _strip_number(text).strip(), maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + ("\u2026" if len(words) > TITLE_WORDS else "")


# A heading of an analysis against the terms of reference, labelled by its term: "Term of reference 2: Did ...?".
TERM_LABEL = re.compile(
    r"^(?P<label>(?:term\s+of\s+reference|ToR)\s+\d{1,2})\s*[:.\-\u2013\u2014]\s*(?P<rest>\S.*)$", re.IGNORECASE
)


def split_label(heading):
    """(label, rest) of a heading: "Finding 3: The plan was not reviewed" gives ("Finding 3", "The plan was not
    reviewed"), "Finding 3" alone ("Finding 3", ""), a heading without a label ("", the heading)."""
    english, start = _english_label(heading)
    found = LABEL.match(english)
    if not found and (term := TERM_LABEL.match(heading)):  # "Term of reference 1: Was the assessment sound?"
        return term.group("label"), term.group("rest").strip()
    if not found:
        return "", heading
    return heading[: start + found.start("rest")].strip(" :.-\u2013\u2014)"), found.group("rest").strip()


def _sentence_case(text):
    """A heading set in capitals ("KEY LEARNING 2: NON-ATTENDANCE WAS MANAGED ...") as a sentence: its first letter
    and the acronyms the field uses (CAMHS, GP) stay capitals. Text with small letters is left as it is."""
    if not text.isupper():
        return text
    known = {a.upper() for a in acronyms()}
    words = [w if re.sub(r"\W", "", w) in known else w.lower() for w in text.split(" ")]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _proposed(item):
    paragraphs = [_strip_number(b.text) for b in item.paragraphs]
    text = "\n\n".join(paragraphs)
    label = ""
    if item.heading is None:
        title = short_title(text)
    elif item.heading.label_text:
        label, title = item.heading.label_text, item.heading.title
    elif BARE_CODE.fullmatch(item.heading.text.strip()) and text:  # "LP3" alone over its paragraph: label, not title
        label, title = item.heading.text.strip(), _sentence_case(short_title(text).rstrip("."))
        return _finding(item, label, title, text)
    else:
        label, rest = split_label(_strip_number(item.heading.text))
        title = rest or (short_title(text) if text else label)
    label = label if BARE_CODE.fullmatch(label) else _sentence_case(label)  # ("LP1" stays a code)
    return _finding(item, label, _sentence_case(title), text)


# A heading that is only a code: "LP3", "KL 2", "AE1".
BARE_CODE = re.compile(r"(?-i:[A-Z]{1,4})[ .]?\d{1,2}(?:\.\d{1,2})?[a-z]?")


def _finding(item, label, title, text):
    page = item.heading.page if item.heading else item.paragraphs[0].page
    questions = [_strip_number(b.text) for b in item.questions]
    return ProposedFinding(title, text or title, page, item.kind, label, questions, list(item.recommendation))


ON_FINDING = re.compile(
    r"^(?:questions?\s+)?(?:on|for|about|regarding|in relation to|arising from)\s+"
    r"(?P<label>(?:key\s+)?(?:finding|learning(?:\s+point)?"
    r"|lesson)\s+[\w.]{1,4})\s*:?$",
    re.IGNORECASE,
)


# A finding a paragraph cites in brackets: "(Finding 2)", "(see Finding 3)", by its code ("(PD3 / LP3)").
CITED_FINDING = re.compile(
    r"\((?:see\s+)?(?:[A-Z]{1,4}\d{1,2}\s*/\s*)?((?:key\s+)?(?:finding|learning(?:\s+point)?|lesson)\s+\d{1,2}"
    r"|(?-i:[A-Z]{1,4})\d{1,2})\)",
    re.I,
)
LABEL_ASKED = re.compile(
    r"\b(?:on|about|arising\s+from|from|in\s+relation\s+to|regarding)\s+(?P<label>[\w ./]{1,30}?)\s*:?$", re.IGNORECASE
)


def _asked_label(named, by_label):
    """The label of by_label that words naming a finding give ("L2", "PD2 / LP2", "learning L2"), or None."""
    key = " ".join(named.split(" / ")[-1].lower().split())
    return next((k for k in (key, key.rsplit(" ", 1)[-1]) if k in by_label), None)


def _questions_by_reference(all_sections, findings):
    """Questions set out apart from the findings, grouped by finding ("6.2 On Finding 1:" and its questions, under
    "Issues for the LSCB to consider"), become the questions of the finding of that label; so do the questions
    after a discussion whose paragraphs since its heading cite one finding only ("... (Finding 2)", then "Questions
    for the safeguarding partners:")."""
    by_label = {" ".join(f.label.lower().split()): f for f in findings if f.label}
    for section in all_sections:
        asking = bool(section.heading and _asks_questions(section.heading.text))
        target, cited = None, set()
        for block in section.blocks:
            text = _strip_number(block.text).strip()
            cited = set() if block.heading and not _asks_questions(text) else cited
            cited |= {" ".join(label.lower().split()) for label in CITED_FINDING.findall(text)} & set(by_label)
            if text.endswith(":") and _asks_questions(text) and len(cited) == 1 and not LABEL_ASKED.search(text):
                target = by_label[next(iter(cited))]
                continue
            found = ON_FINDING.match(text)
            named = (
                LABEL_ASKED.search(text) if (block.heading or text.endswith(":")) and _asks_questions(text) else None
            )
            if asking and block.heading and " ".join(text.lower().rstrip(":").split()) in by_label:
                named = re.match(r"(?P<label>.+?):?$", text)  # "Key finding 2" under "Questions for the Committee"
            if found:
                target = by_label.get(" ".join(found.group("label").lower().split()))
            elif named and (key := _asked_label(named.group("label"), by_label)):
                target = by_label[key]  # "Questions for the SBNI on L2", "... on PD2 / LP2" (its English code), "...
                # to consider, on learning L2:" (the code after the word for it)
            elif target is not None and (block.text.rstrip().endswith("?") or (asking and LISTED.match(block.text))):
                if _strip_number(block.text) not in target.questions:  # (asked inside it too: kept once)
                    target.questions.append(_strip_number(block.text))
            else:
                target = None


def _cap(findings):
    """At most MAX_FINDINGS: the shortest proposal joins its shorter neighbour until they fit."""
    findings = list(findings)
    while len(findings) > MAX_FINDINGS:
        i = min(range(len(findings)), key=lambda k: _words(findings[k].text))
        j = (
            i - 1
            if i == len(findings) - 1 or (i > 0 and _words(findings[i - 1].text) <= _words(findings[i + 1].text))
            else i + 1
        )
        a, b = sorted((i, j))
        first, second = findings[a], findings[b]
        first.text = f"{first.text}\n\n{second.text}"
        first.recommendations += second.recommendations
        del findings[b]
    return findings


def _fallback_paragraphs(all_sections, kinds=None, cue=None):
    out = []
    for section in all_sections:
        if section.kind == "skip" or (kinds is not None and section.kind not in kinds):
            continue
        for block in section.blocks:
            if not block.heading and _words(block.text) >= 8 and (cue is None or cue.search(block.text)):
                out.append(block)
    return out


def _from_paragraphs(blocks):
    return [_proposed(i) for i in _joined([Item(None, [b], kind="learning") for b in blocks])]


def _count(n):
    return f"{n} {'finding' if n == 1 else 'findings'}"


def _source_items(all_sections, kind):
    """The items of every section of a kind; for findings also any "Finding 1: ..." headings elsewhere."""
    chosen = [s for s in all_sections if s.kind == kind]
    if kind == "findings":
        chosen += [
            s
            for s in all_sections
            if s.kind not in ("findings", "skip", "recommendations")
            and any(map(_is_labelled_item, s.blocks))
            and not (s.heading and _asks_questions(s.heading.text))  # ("Questions for the CPC": "Key finding 2", its)
        ]
        chosen.sort(key=all_sections.index)
        if any(any(map(_is_labelled_item, s.blocks)) for s in chosen):  # a summary list gives way to "Finding 1: ..."
            chosen = [s for s in chosen if any(map(_is_labelled_item, s.blocks))]
        elif within := _learning_among_actions(all_sections):
            return within
    items = [i for s in chosen for i in _items(s, "learning" if kind == "learning" else "finding")]
    if kind == "analysis":  # analysis counts only when it is set out under headings
        items = [i for i in items if i.heading is not None]
    return _titled_by_summary(all_sections, items) if kind in ("findings", "analysis") else items


def _learning_among_actions(all_sections):
    """Learning points set out with their actions in the recommendations section (the Welsh template's "Improving
    systems and practice": "Learning point 1: <statement>. <text>", then "Action 1: The Board should ..."), when no
    other section labels its findings. Each must say something besides what it asks: labelled headings with only
    recommendations under them restate the findings over their recommendations."""
    items = [
        item
        for section in all_sections
        if section.kind == "recommendations" and any(map(_is_labelled_item, section.blocks))
        for item in _items(section, "finding")
    ]
    said = [any(not ASKING.search(b.text) for b in item.paragraphs) for item in items]
    return items if len(items) >= 2 and all(said) else []


# A paragraph that says the learning itself is set out in an appendix: "The key learning itself is on the cards in
# Appendix 2", "The findings are set out in Appendix B."
POINTS_TO_APPENDIX = re.compile(
    r"\b(?:key\s+)?(?:learning|findings?|lessons?)\b[^.]{0,40}?\b(?:is|are)\s+(?:set\s+out\s+|given\s+|printed\s+)?"
    r"(?:only\s+)?(?:on|in)\b[^.]{0,30}?\b(?P<appendix>appendix\s+[\w.]{1,4})\b",
    re.IGNORECASE,
)


# The side of a printed card: "CARD 2 OF 6 · BACK" (a duplex page prints the backs in mirror order).
CARD_SIDE = re.compile(r"^card\s+(?P<n>\d{1,2})\s+of\s+\d{1,2}\W{1,3}(?P<side>front|back)$", re.IGNORECASE)


def _cards_in_order(blocks):
    """Blocks set out on printed cards put card by card, each back after its front; other blocks as they were."""
    if sum(bool(CARD_SIDE.match(block.text.strip())) for block in blocks) < 2:
        return blocks
    lead, cards, key = [], {}, None
    for block in blocks:
        if side := CARD_SIDE.match(block.text.strip()):
            key = (int(side.group("n")), side.group("side").lower() == "back")
        (cards.setdefault(key, []) if key else lead).append(block)
    return lead + [block for key in sorted(cards) for block in cards[key]]


def _pointed_appendix(all_sections):
    """The sections, with an appendix that the report says holds its learning (and that labels it: "Key learning 1")
    read as the findings, and the section that pointed there as the analysis behind them."""
    for section in all_sections:
        if section.kind == "skip":
            continue
        for block in section.blocks:
            pointer = POINTS_TO_APPENDIX.search(block.text)
            if pointer is None:
                continue
            name = " ".join(pointer.group("appendix").lower().split())
            for appendix in all_sections:
                heading = " ".join((appendix.heading.text if appendix.heading else "").lower().split())
                labelled = sum(map(_is_labelled_item, appendix.blocks)) >= 2 or bool(_table_items(appendix, "findings"))
                if appendix is not section and re.match(rf"{re.escape(name)}\b", heading) and labelled:
                    appendix.kind = "findings"
                    appendix.blocks = _cards_in_order(appendix.blocks)
                    if section.kind in ("findings", "learning"):
                        section.kind = "analysis"
                    return all_sections
            # (its heading lost, as a contents page's entry can take it: a log of typed statements in an appendix)
            for index, appendix in enumerate(all_sections):
                start = next((i for i, b in enumerate(appendix.blocks) if _typed_header(b.text)), None)
                if appendix.kind == "skip" and start is not None:
                    logged = Section("findings", appendix.blocks[start:])
                    if _table_items(logged, "findings"):
                        appendix.blocks = appendix.blocks[:start]
                        return [*all_sections[: index + 1], logged, *all_sections[index + 1 :]]
    return all_sections


def _typed_header(text):
    """Whether a paragraph is the header row of a log of typed statements ("Ref | Type | Statement | ...")."""
    cells = [cell.strip() for cell in row_cells(text)] if " | " in text else []
    return any(map(TYPE_COLUMN.match, cells)) and any(map(TYPED_STATEMENT_COLUMN.match, cells))


def _without_repeats(findings):
    """The findings with a labelled one given twice (a box the text layer read twice: once where it floats, once
    where it is anchored) kept once, with the fuller text and any questions of either; and with the headings of the
    groups they fall under ("Theme 1", over "Learning 1" and "Learning 2"), which say nothing of their own, left out."""
    out, seen = [], {}
    for finding in findings:
        key = (finding.label, finding.title)
        if finding.label and key in seen:
            first = seen[key]
            first.text = max(first.text, finding.text, key=len)
            first.questions = first.questions or finding.questions
            first.recommendations = first.recommendations or finding.recommendations
            continue
        seen[key] = finding
        out.append(finding)
    empty = [f for f in out if f.label and f.text.strip() in ("", f.title)]
    saying = {_label_word(f.label) for f in out if f.label and f not in empty}
    return [f for f in out if f not in empty or not saying or _label_word(f.label) in saying]


def _label_word(label):
    """The word of a label, without its number: "theme" of "Theme 1", "kl" of "KL2"."""
    return re.sub(r"[\d.]+$", "", label.split()[0]).lower()


def propose_findings(pages: list[Page]) -> Proposal:
    """One proposed finding per finding or learning point of the document, with a note of how they were found."""
    all_sections = _pointed_appendix(sections(read_blocks(pages)))
    sources = [(name, _source_items(all_sections, name)) for name in ("findings", "learning", "analysis")]
    sources = [(name, items) for name, items in sources if items]
    # Learning written as run-in paragraphs through the report ("Learning: ..." after each episode) is the report's
    # learning, unless its findings are set out under labelled headings.
    run_in = _run_in_items(all_sections)
    labelled = any(item.heading and _is_labelled_item(item.heading) for _, found in sources for item in found)
    if run_in and not labelled:
        sources.insert(0, ("learning", run_in))
    elif not labelled and (closing := _closing_statements(all_sections)):
        sources.insert(0, ("findings", closing))  # "... Finding 1: <statement>." closing a paragraph; "[Learning 2]"
    elif not labelled and (statements := _statement_paragraphs(all_sections)):
        sources.insert(0, ("learning", statements))  # sentences of their own among a section's numbered paragraphs
    if (roman := _roman_items(all_sections)) and len(roman) > max((len(found) for _, found in sources), default=0):
        sources.insert(0, ("learning", roman))  # "(i)" ... "(v)" numbered through a section's themes
    if (rows := _labelled_rows(all_sections)) and not labelled:
        sources.insert(0, ("learning", rows))  # "Key practice learning 2 | ..." rows of a timeline
    if not labelled and (tabled := _tabled_beside_actions(all_sections)):
        sources.insert(0, ("learning", tabled))  # "PD1 / LP1 \u2013 <statement> | 1. The Board will ... | Lead | By"
    if (outcomes := _outcome_rows(all_sections)) and not labelled:
        # "H1 | <hypothesis> | <what the review found> | Confirmed, Finding 1" rows of a table of what was tested
        sources.insert(0, ("findings", outcomes))
    # Findings lettered "(a)" to "(e)" in the conclusions come before analysis sub-headings, after anything else.
    if all(name == "analysis" for name, _ in sources) and (lettered := _lettered_items(all_sections)):
        sources.insert(0, ("conclusions", lettered))
    elif all(name == "analysis" for name, _ in sources) and (found := _found_that_clauses(all_sections)):
        sources.insert(0, ("conclusions", found))  # "the panel found: 1. that ... 2. that ..."
    elif all(name == "analysis" for name, _ in sources) and (clauses := _inline_clauses(all_sections)):
        sources.insert(0, ("conclusions", clauses))  # "... five conclusions ...: (i) ...; (ii) ..."
    elif all(name == "analysis" for name, _ in sources) and (ordinal := _ordinal_paragraphs(all_sections)):
        sources.insert(0, ("conclusions", ordinal))  # "9.2 First, professionals treated ... 9.4 Second, ..."
    elif all(name == "analysis" for name, _ in sources) and (series := _series_paragraphs(all_sections)):
        sources.insert(0, ("findings", series))  # "What needs to change 1: ..." paragraphs
    elif all(name == "analysis" for name, _ in sources) and (answers := _answered_questions(all_sections)):
        sources.insert(0, ("findings", answers))  # "Question 2: ...?" then "Answer: ..."
    # A single paragraph ("The review made five findings: ...") gives way to a fuller source.
    sources.sort(key=lambda source: len(source[1]) == 1 and source[1][0].heading is None)
    if sources:
        name, items = sources[0]
        findings = _cap(_without_repeats([_proposed(i) for i in items]))
        _questions_by_reference(all_sections, findings)
        if all(f.kind == "learning" for f in findings):
            name = "learning"
        return Proposal(findings, False, f"Proposed {_count(len(findings))} from the {name} section.")

    learning = _fallback_paragraphs(all_sections, cue=LEARNING_CUES)
    answers = _fallback_paragraphs(all_sections, kinds=("recommendations",))
    chosen = sorted([b for b in learning if b not in answers] + answers, key=lambda b: b.page or 0)
    if chosen:
        findings = _cap(_from_paragraphs(chosen))
        return Proposal(
            findings,
            True,
            f"No findings section was recognised; proposed {_count(len(findings))} "
            "from the learning and recommendation paragraphs.",
        )
    conclusion = _fallback_paragraphs(all_sections, kinds=("conclusion",))
    if conclusion:
        findings = _cap(_from_paragraphs(conclusion))
        return Proposal(
            findings,
            True,
            f"No findings, learning or recommendations were recognised; proposed {_count(len(findings))} "
            "from the conclusion and summary paragraphs.",
        )
    paragraphs = sorted(_fallback_paragraphs(all_sections), key=lambda b: -_words(b.text))[:FALLBACK_PARAGRAPHS]
    if not paragraphs:
        paragraphs = [b for s in all_sections for b in s.blocks if b.text.strip()][:FALLBACK_PARAGRAPHS]
    paragraphs.sort(key=lambda b: b.page or 0)
    findings = _cap(_from_paragraphs(paragraphs))
    if not findings:
        return Proposal([], True, "The document has no text to propose findings from.")
    return Proposal(
        findings,
        True,
        "No findings, learning, recommendations or conclusion were recognised; "
        f"proposed {_count(len(findings))} from the longest paragraphs.",
    )


NOTE_CONTEXT = 40  # characters before a footnote's mark that must be found in a finding's text to cite it
NOTE_CONTEXT_LEAST = 15


def cited_notes(text, footnotes):
    """The footnotes a finding's text cites ("3. Munro, E. (2011) ..."): those whose mark followed words found in it."""
    flat = " ".join(text.split())
    out = []
    for note in footnotes:
        context = " ".join(note.get("context", "").split())[-NOTE_CONTEXT:].strip()
        if len(context) >= NOTE_CONTEXT_LEAST and context in flat:
            number = note["label"].split()[-1]
            out.append(f"{number}. {' '.join(note['text'].split())}")
    return out
