"""Proposes a report's formal recommendations, as records: label as written, text, whom they ask, the findings they
follow from.

What counts (report_styles.md): the numbered or coded items under a "Recommendations", "Improving systems and
practice" or "Actions" heading, and the recommendations set out at the end of each finding. Questions for the
partnership, lessons, conclusions and good practice are not recommendations, and a report that says it makes none
is proposed none.

They are found in every layout reviews use: a numbered list, "Recommendation 3: ..." or "R4 - ..." paragraphs, a
"3.2" paragraph under the heading, a table of agency, reference and recommendation ("CSC 1", "P 1"), a heading per
recommendation, a recommendation (or "Recommendations") after each finding. A lead-in ("The panel makes the following
recommendations:") and the narrative around them are not taken. When a report restates its recommendations in its
executive summary, the fuller list is kept.

An action plan (an appendix headed "Action plan", a table of recommendation, action, lead, timescale and status) is
proposed as the actions of the recommendations its rows name.

Whom each asks comes from the table's agency column, the code ("CSC" is children's social care) or the words before
"should" ("The Board should", "Police Scotland should", "The Department for Education should"). The findings each
follows from come from an explicit reference ("see Finding 2", "(Learning point 4)", a finding column) or from where
it is written (after a finding).
"""

import calendar
import datetime
import itertools
import re
from dataclasses import dataclass, field, replace

from agencies import terms
from ingest import segmentation
from ingest.segmentation import LISTED, REF_NUMBER, SECTION_NUMBER, Block, read_blocks, sections

MAX_RECOMMENDATIONS = 60


MONTHS = [name.lower() for name in calendar.month_abbr[1:]]
MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})[a-z]*\.?\s+(\d{{4}})\b")


@dataclass
class ProposedAction:
    """A row of the report's action plan: what will be done, by whom, by when, how far it had got (as written)."""

    text: str
    owner: str = ""
    due: str = ""
    status: str = ""
    evidence: str = ""

    def due_date(self):
        """The date it is due, from the words: "March 2022" is the end of March; "31/03/2022" that day; a year alone
        its end; "TBC", "Ongoing" or a quarter, none."""
        words = self.due.lower()
        day = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", words)
        if day:
            try:
                return datetime.date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
            except ValueError:
                return None
        month = MONTH_YEAR.search(words)
        if month:
            number = MONTHS.index(month.group(1)) + 1
            year = int(month.group(2))
            return datetime.date(year, number, calendar.monthrange(year, number)[1])
        year = re.fullmatch(r"\s*(?:by |end of |december )?(\d{4})\s*", words)
        return datetime.date(int(year.group(1)), 12, 31) if year else None

    def progress(self):
        """How far it had got, as findings.Action's status: completed, in progress or not started."""
        words = self.status.lower()
        if re.search(r"\bnot (?:yet )?started\b|\bred\b|\bnot begun\b", words):
            return "not-started"
        if re.search(r"\bcomplet|\bdone\b|\bachieved\b|\bclosed\b|\bgreen \(complete", words):
            return "completed"
        if re.search(r"progress|on track|ongoing|started|amber|green|underway|under way|partly|partial", words):
            return "in-progress"
        return "not-started"


@dataclass
class ProposedRecommendation:
    text: str
    label: str = ""
    page: int | None = None
    addressee: str = "partnership"  # a findings.Recommendation.Addressee value
    addressee_text: str = ""  # whom it asks, in the report's words
    group: str = ""  # the sub-heading it is written under, when that names someone ("Children's Social Care")
    agencies: list = field(default_factory=list)  # agency names (agencies.terms)
    findings: list = field(default_factory=list)  # indexes of the proposal's findings it follows from
    reference: str = ""  # a tag or table cell naming the findings it follows from ("(Finding 2)", "Theme A")
    actions: list = field(default_factory=list)  # ProposedAction: its rows of the report's action plan


# A report saying, of itself and without qualification, that it makes none.
MAKES_NONE_ITSELF = re.compile(
    r"\bthis\s+(?:report|review)\s+(?:makes\s+no|does\s+not\s+make\s+any)\s+(?:formal\s+)?recommendations\s*[.;]",
    re.IGNORECASE,
)
NONE_MADE = re.compile(
    r"\b(?:(?:does|do|did|will) not (?:make|include|contain) (?:any )?(?:formal |specific )?recommendations"
    r"|makes? no (?:new |formal |specific )?(?:recommendations|actions)"  # (Welsh reviews' "actions")
    r"|no (?:formal )?recommendations (?:are|were|have been) made"
    r"|(?:has|have) not made (?:any )?(?:formal )?recommendations|instead of (?:making )?recommendations)",
    re.IGNORECASE,
)
# A label a recommendation starts with: "Recommendation 3", "Recommendation 3 (Finding 2)", "R4", "CSC 1", "MA/1",
# "WG1", "Area for improvement 2" when it is written under the recommendations.
LABEL = re.compile(
    r"^(?P<label>(?-i:R)ecommendation\s*(?:no\.?\s*)?(?:\d{1,2}(?:\.\d{1,2})?[a-z]?|(?-i:[A-Z]{1,3})\d{1,2}\b|(?-i:[A-Z])\b"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)\b)"
    r"|(?:regional|local|multi-agency|single[- ]agency|national)\s+recommendation\s*\d{1,2}"
    r"|area for improvement\s*\d{1,2}|key action\s*\d{1,2}"
    r"|(?:cam\s+gweithredu\s*\d{1,2}\s*/\s*)?(?:action|cam\s+gweithredu)\s*\d{1,2}"  # "Cam gweithredu 2 / Action 2"
    r"|(?-i:[A-Z]{1,4})(?:\s?|/)\d{1,2}(?:\.\d{1,2})?|\d{1,2}(?-i:[a-h])(?=\s)"  # "WG1", "1a" (theme 1's first)
    r"|(?-i:[A-Z]{2,4})\.\d{1,2}(?=[.:]?\s)"  # "UHB.1", "POL.2"
    r"|(?-i:[A-Z]{1,4})\d{2}/\d{1,3}(?=[.:]?\s)"  # "LR24/01": a register's reference, the year and the number
    r"|(?-i:[IVX]{1,6})(?=\.\s))"  # "IV. The Primary Care Trust should ..."
    r"(?P<tag>\s*[(\[][^)\]]{1,60}[)\]])?\s*(?:[:.\-\u2013\u2014)]\s*|\s+(?=[A-Z\"\u201c])|(?<=[)\]])$|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
STEM = re.compile(r"^(?P<subject>\S.{1,100}?)\s+(?:should|must|is asked to|are asked to)\s*:$", re.IGNORECASE)
LEAD_IN = re.compile(r"(?:recommend(?:s|ed|ations?)?|following|as follows|actions?)\b[^.]{0,80}:\s*$", re.IGNORECASE)
# A recommendation that starts with what is to be done ("Develop guidance ...", "That the Board ...").
ACTIONS = (  # what a recommendation asks to be done, the verb in its bare form
    r"ensure|develop|review|consider|seek|establish|provide|agree|commission|publish|revise|audit"
    r"|introduce|strengthen|undertake|work with|request|amend|require|issue|bring forward|include|implement|update"
    r"|clarify|produce|create|set up|embed|monitor|evaluate|extend|appoint|adopt|make sure|give|share|raise|carry out"
    r"|record|set out|approve|remind|disseminate|reinforce|prepare|keep|allocate|add|notify|check|inform|tell|offer"
    r"|train|assess|visit|refer|write to|apply|maintain|improve|reduce|identify|recognise|respond|promote|explore|pilot"
    r"|confirm|arrange|invite|contact|alert|follow up|put in place|consult|involve|enable|escalate|designate"
    r"|nominate|fund|refresh|redesign|replace|remove|advise"
)
IMPERATIVE = re.compile(rf"^(?:that|{ACTIONS})\b", re.IGNORECASE)
# "The ACPC to agree ...", "Kexmoor Primary Care Trust to ensure ...": whom, then what it is to do, in the infinitive.
# ("The DfES, jointly with the Department of Health, to issue ...": whom it works with set apart)
INFINITIVE_SUBJECT = (
    r"(?-i:(?:The\s+)?(?:[A-Z][\w'\u2019&-]*(?:\s+(?:and\s+|of\s+|for\s+|the\s+)?|(?=,\s))){1,8}?)"
    r"(?:,\s+(?:jointly\s+|together\s+|working\s+)?with\s+[^,]{3,80},\s+)?"
)
INFINITIVE_VERB = (
    rf"to\s+(?:{ACTIONS}|arrange|inform|notify|tell|offer|write|hold|convene|check|ask|train|report|use|keep|send"
    r"|visit|assess|invite|confirm|make|alert|accept|refer|see|meet|contact|identify|secure)\b"
)
INFINITIVE_START = rf"^{INFINITIVE_SUBJECT}{INFINITIVE_VERB}"
DIRECTIVE = re.compile(
    r"\b(?:should|must|shall|will|(?:is|are) (?:asked|requested|invited) to|(?:is|are) recommended to|needs? to"
    r"|to (?:ensure|review|develop|consider|seek|establish|provide|agree|commission|publish|revise|audit|make sure))\b"
    rf"|{IMPERATIVE.pattern}|{INFINITIVE_START}",
    re.IGNORECASE,
)
# Whom a recommendation asks when "that" puts its verb in the bare form: "(The review recommends that) the
# Department for Education require ...", "... that its aftercare service ask ...".
BARE_SUBJECT = re.compile(
    r"^(?:that\s+)?(?P<subject>(?:the|its|their|each|every|all)\s.{2,100}?|(?-i:[A-Z]).{2,100}?)\s+"
    rf"(?:{ACTIONS}|ask|train|offer|record|tell|take|make|carry out|remove|convene|write|use|hold|add|check|invite"
    r"|notify|refer|visit|report|test|keep|follow|replace|relaunch|explore|examine|assess|look\s+at|set|include|hold"
    r"|contact|agree|share|grade)"
    r"(?:e?s)?\b",  # ("it is recommended that the Trust ensures")
    re.IGNORECASE,
)
# Whom a recommendation asks when it is written "X to do": "The Education Department to arrange ...".
INFINITIVE_ASK = re.compile(rf"^(?P<subject>{INFINITIVE_SUBJECT}){INFINITIVE_VERB}", re.IGNORECASE)
# Whom a recommendation written as a question asks: "How will the Regional Safeguarding Board know ...?", "What will
# Welsh Government do, with the Department for Education, ...?" (the name's words in capitals, "and", "of", "the").
QUESTION_ASK = re.compile(
    r"^(?:how|what|when|who|which|where|why)\s+(?:will|would|should|can|could|does|do|is|are)\s+"
    r"(?P<subject>the\s+(?-i:[a-z])[\w-]+(?=\s+(?-i:[a-z]))"  # ("the police")
    r"|(?:the\s+)?(?-i:[A-Z])[\w'\u2019&-]*(?:\s+(?:(?:and|of|for|the|in|y|yr)\s+)*(?-i:[A-Z])[\w'\u2019&-]*)*"
    r"(?:['\u2019]s(?:\s+(?-i:[a-z])[\w-]*){1,2}?\s+(?:service|team|department|unit))?)(?=[\s,])",
    re.IGNORECASE,
)
# Whom a recommendation asks when the reviewers speak: "We ask the police to make sure that ...".
WE_ASK = re.compile(
    r"^(?:[\u2022*\-]\s+)?(?:we|the\s+(?:panel|review|reviewers?|review\s+team))\s+(?:ask|asks|invite|invites|urge|urges"
    r"|call\s+on|calls\s+on)\s+(?P<subject>.{2,100}?)\s+to\s",
    re.IGNORECASE,
)
SUBJECT = re.compile(
    r"^(?:that\s+)?(?P<subject>.{2,160}?)\s+(?:should|must|shall|will|(?:is|are) (?:asked|requested|invited) to"
    r"|is recommended to|are recommended to|needs? to|may wish to|might wish to)\b",
    re.IGNORECASE,
)
NATIONAL = re.compile(
    r"\b(?:department (?:for|of)|dfe|dfes|dcsf|dhsc|home office|ministry of|welsh government|scottish government"
    r"|government|minister|secretary of state|nhs england|public health (?:england|wales|scotland|agency)"
    r"|ofsted|care inspectorate|estyn|hmicfrs|\bcqc\b|care quality commission|national panel"
    r"|child safeguarding practice review panel|college of policing|national police chiefs|healthcare improvement"
    r"|social care wales|health and care professions council|general medical council|royal college|the executive office"
    r"|department of (?:health|education|justice)|health and social care board|dwp\b|lord chancellor"
    r"|hm prison and probation service|hmpps|hm courts|hmcts|youth justice board"
    r"|(?-i:\b[Tt]he Department\b)(?!\s+(?:for|of)\b))",  # "the Department": the government's, as UK reports write
    re.IGNORECASE,
)
PARTNERSHIP = re.compile(
    # (not "... Health and Social Care Partnership", Scotland's integrated services, nor "... Partnership NHS
    # Foundation Trust": one organisation's name)
    r"\b(?:(?<!social care )partnership(?!\s+(?:nhs|foundation|trust)\b)|partners"
    r"|(?<!health )(?<!trust )(?<!care )board|lscb|scp|cpc|acpc|committee|chief officers"
    r"|cog|sbni|adp|rsb|csp|lsp|safeguarding children|all agencies|partner agencies|each agency|agencies"
    r"|the review panel|multi-agency|safeguarding panels?)\b",
    re.IGNORECASE,
)
# An organisation that is one agency or several, named by its kind ("the acute hospitals trust", "the health
# board", "the Education Authority"): which agencies, the recommendation's words say.
ORGANISATION = re.compile(
    r"\b(?:trusts?|health boards?|authority|authorities|department|services?|council|hospitals?|constabulary|force|nhs"
    r"|integrated care boards?|clinical commissioning groups?|homes|housing(?: associations?)?"
    r"|health and social care partnerships?|hscps?"
    r"|practices|teams?|units?|providers?|commissioners|icb|ccg|pct)\b",
    re.IGNORECASE,
)
# A paragraph about the recommendations rather than one of them: "Our recommendations are set out below", "The
# panel makes the following recommendations", "Each agency will develop an action plan in response to these".
ABOUT_RECOMMENDATIONS = re.compile(
    r"\brecommendations? (?:are|is) (?:set out|listed|addressed|made|grouped)\b|\b(?:following|these|the above) "
    r"recommendations\b|\brecommendations (?:below|above|that follow)\b|\bmakes? (?:the following |\w+ )?"
    r"recommendations?\b|\bin response to (?:these|the|this|its)\b|\bendorses?\b|\baction plan for (?:these|the|its)\b",
    re.IGNORECASE,
)
# Words about the recommendations, before a "should" that tells how to read them: "The recommendations are set out in
# two columns ... and should be read down the left-hand column".
ABOUT_THEM = re.compile(
    r"(?:the|these|our|its|all)\s+(?:\w+\s+)?recommendations\b|each\s+recommendation\b"
    r"|.*\brecommendations?\s+(?:be|are|is)\s+(?:set\s+out|listed|shown|presented|numbered|grouped)\b",
    re.IGNORECASE,
)
# Words on how the recommendations are written: "to express its recommendations as shifts in practice", "each
# recommendation is the statement in the 'To' column".
HOW_WRITTEN = re.compile(
    r"\b(?:express|set\s+out|present|write|frame|phrase|word)\w*\s+(?:each\s+of\s+)?(?:its|their|the|these|our)\s+"
    r"recommendations\s+as\b"
    r"|\beach\s+recommendation\s+is\s+the\b",
    re.IGNORECASE,
)
# Words that say what the report's recommendations are: "The national guidance describes recommendations as ...".
DEFINES = re.compile(r"\b(?:describes?|defines?|calls?|terms?)\s+(?:its\s+|these\s+|the\s+)?recommendations\b", re.I)
# An unnumbered recommendation that says whom it asks before its text: "Recommendation for the Partnership: ...".
RUN_IN_TO = re.compile(
    r"^(?:recommendations?|actions?)\s+(?:for|to)\s+(?P<to>[^:.\n]{2,80}?)\s*[:.\u2013\u2014-]\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A lettered or roman-numbered point: "(ii) ...", "b) ...".
SUB_POINT = re.compile(r"^(?:\(?(?:[ivx]{1,4}|[a-h])\)|[ivx]{1,4}\.)\s", re.IGNORECASE)  # "(ii)", "b)", "ii."
# The review's own view, not something it asks: "The Panel concludes that ...", "The review found ...".
VIEW = re.compile(
    r"^(?:[^,.;:]{2,60},\s+)?"  # ("In addition to these recommendations, the review panel noted that ...")
    r"(?:the|this)\s+(?:[\w'\u2019]+\s+){0,2}?(?:panel|review(?:ers?)?|review\s+team|author|report|internal\s+review)"
    r"\s+(?:also\s+)?(?:concludes?|considers?|considered|found|finds?|notes?|noted|believes?|is\s+of\s+the\s+view"
    r"|are\s+of\s+the\s+view|recognises?|used|uses"
    r"|makes?|made|acknowledges?|thanks?|wish(?:es)?\s+to\s+(?:acknowledge|thank|note|record|recognise)"
    r"|would\s+like\s+to|suggests?|suggested)\b"  # ("The review team also suggests that ...": no recommendation)
    r"|^(?:areas?|matters?|issues?|points?)\s+for\s+(?:the\s+)?[\w'\u2019]+(?:\s+[\w'\u2019]+)?\s+to\s+consider\b"
    r"|^(?:we|i)\s+(?:also\s+)?(?:considered|concluded|decided|noted?|found|believe|suggest)\b",  # ("We considered
    # recommending ...")
    re.IGNORECASE,
)
# Words before "should" that quote someone else's recommendation: "An earlier review, in 2021, recommended that ...".
# ("The probation service's agency report made its own recommendation, that 'offender managers should ...'")
EARLIER = re.compile(
    r"\brecommended\b|\brecommendations?\s+(?:was|were|of|from)\b|\bown\s+recommendations?\b"
    r"|\b(?:its|their|his|her)\s+recommendation\s+that\b"
    r"|\b(?:agency|imr|management)\s+reports?\b|\bimrs?[\u2019']?\s+recommendations?\b",
    re.IGNORECASE,
)
# A request to receive the report rather than a recommendation: "The Board is asked to accept this report, to publish
# it ...", "The Board is asked to note the effective practice in section 6".
PROCEDURAL = re.compile(
    r"^[^.;:]{0,160}?\b(?:is|are)\s+(?:asked|invited|requested)\s+to\s+(?:note|accept|receive|endorse|approve|sign\s+off)\b"
    # an item after "The Board is asked to:" (not "Approve and issue a procedure ...")
    r"|^(?:to\s+)?(?:note|accept|receive|endorse|approve(?!\s+and\s+\w|\s+(?:a|an|new)\s)|sign\s+off)\b"
    r"|^[^.;:]{0,120}?(?<!after\sthis\s)(?<!after\sthe\s)(?<!once\sthe\s)(?<!when\sthe\s)(?<!when\sthis\s)"
    r"\b(?:report|review)\s+(?:be|is|should\s+be)\s+published\b"  # (not "audit, a year after this report is ...")
    r"|^[^.;:]{0,120}?\bshould\s+note\s+that\b"  # an observation: "The partnership should note that ... overlaps"
    r"|^[^.;:]{0,160}?\bshould\s+be\s+(?:commended|congratulated|praised|thanked)\b",  # praise
    re.IGNORECASE,
)
# What a recommendation asks in words of its own (not "will", which a commitment or a plan uses). A paragraph that
# asks is a recommendation even when it is about the others ("The Board should audit how these recommendations ...").
ASKS = re.compile(
    r"\b(?:should|must|shall|(?:is|are) (?:asked|requested|invited) to|recommends?|recommended|needs? to)\b|^that\b"
    rf"|{INFINITIVE_START}",
    re.I,
)
# Codes of single-agency recommendations ("CSC 1", "P 2") and the agency each names.
CODES = {
    "CSC": "Children's social care", "SC": "Children's social care", "CS": "Children's social care",
    "LA": "Children's social care", "P": "Police", "POL": "Police", "HV": "Health visiting",
    "GP": "GP and primary care", "ED": "Emergency department", "MW": "Midwifery and maternity",
    "CAMHS": "CAMHS", "E": "School", "EDU": "School", "S": "School", "HO": "Housing and homelessness services",
    "H": "", "PCT": "", "ICB": "", "HB": "", "NHS": "", "PR": "Probation", "YOT": "Youth justice service",
    "YJS": "Youth justice service", "AMH": "Adult mental health services", "SM": "Substance misuse services",
}  # fmt: skip
TABLE_TEXT = re.compile(
    r"^(?:(?:regional|local|national|multi-agency|single[- ]agency|strategic|operational|further|new|additional) )?"
    r"(?:recommendations?|recommended|what (?:we|the review) recommends?|actions?(?: required| needed)?|improvements?"
    r"|required actions?|what is required"
    r"|what (?:needs|has) to (?:happen|change)|what (?:should|must) (?:happen|change))"
    r"(?: (?:for|to|of|from|by) [\w' ]{2,40}| in brief| in short| at a glance)?"  # ("Recommendation in brief")
    r"(?:\s*\((?!cymraeg)[\w\s-]{1,30}\))?$"  # "Recommendation (short form)", "Action (English)"
    r"|^english$",  # a bilingual table ("Cymraeg | English"): the English text is read
    re.I,
)
TABLE_LABEL = re.compile(r"^(?:ref(?:erence)?\.?|rec\.?|no\.?|number|#|recommendation (?:no\.?|number))$", re.I)
TABLE_TO = re.compile(
    r"^(?:agency|organi[sz]ation|lead(?: agency| organi[sz]ation| body)?|to|addressee|addressed to|owner|responsible.*"
    r"|for|who|who will lead)$",
    re.I,
)
TABLE_FINDING = re.compile(
    r"^(?:finding|learning(?: point| area| theme| issue)?|theme|key (?:finding|learning|area|issue)|link(?:ed)? to.*"
    r"|links|areas? of learning)s?$",
    re.I,
)
REFERENCE = re.compile(
    rf"\b(?:key\s+|practice\s+)?(?:findings?|learning\s+(?:points?|areas?)|areas?\s+of\s+learning|learning|lessons?"
    rf"|themes?|key\s+issues?|issues?|aol)(?:\s*:\s*|\s+)"  # ("Theme: 3 and 4")
    rf"(?P<numbers>(?:{REF_NUMBER}|(?-i:[A-H])(?:\d{{1,2}})?\b)(?:\s*(?:,|and|&)\s*(?:{REF_NUMBER}|(?-i:[A-H])(?:\d{{1,2}})?\b))*)",
    re.IGNORECASE,
)
# Terms of reference a recommendation cites ("(ToR 1, 5)", "terms of reference 2 and 3"), and the title of a finding
# that answers one ("Term of reference 1: Was the assessment ... sound?").
TERMS_REFERENCE = re.compile(
    r"\b(?:ToRs?|terms?\s+of\s+reference)\s+(?P<numbers>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\b", re.IGNORECASE
)
TERM_TITLE = re.compile(r"^(?:term\s+of\s+reference|tor)\s+(\d{1,2})\b", re.IGNORECASE)
NONE_IN_ROW = re.compile(
    r"^(?:no (?:single[- ]agency |further |formal |new |separate |specific )?recommendations?|none|withdrawn|deleted"
    r"|not taken forward)\b",
    re.IGNORECASE,
)
ACTION_PLAN = re.compile(
    r"\b(?:(?:action|implementation|improvement|delivery) (?:plan|schedule)|plan on a page)\b", re.IGNORECASE
)
TASK = re.compile(r"^(?:tasks?|activity|activities|what will be done)$", re.I)
# The columns of an action plan's table, by their headers (the first that fits a header names it).
ACTION_COLUMNS = (
    ("ref", re.compile(r"^(?:(?:key\s+)?(?:rec(?:ommendation)?s?|action)\.?(?:\s*(?:no\.?|number|ref(?:erence)?))?"
                       r"|(?:[A-Z]{2,5}\s+)?ref(?:erence)?\.?|no\.?|para(?:graph)?\.?|min(?:ute)?\.?"
                       r"|(?-i:(?!B?RAG$)[A-Z]{2,5}))$", re.I)),  # ("AFI | Improvement action | ...": its key)
    ("text", re.compile(r"^(?:(?:smart |agreed |planned |improvement |specific )?actions?"
                        r"(?: (?:to be taken|to take|required|agreed|planned))?"
                        r"|what(?: (?:will be done|we will do|the [\w' ]{2,30} will do))?|activity|tasks?|steps?)$",
                        re.I)),
    ("owner", re.compile(r"^(?:lead.*|owner.*|responsib.*|accountable.*|by whom|who)$", re.I)),
    ("due", re.compile(r"^(?:timescales?|target(?: date)?|due(?: date)?|by(?: when)?|completion(?: date)?|deadline"
                       r"|date)$", re.I)),
    ("status", re.compile(r"^(?:status.*|rag.*|progress.*)$", re.I)),
    ("evidence", re.compile(r"^(?:evidence.*|outcome.*|impact.*|measur.*)$", re.I)),
    ("finding", re.compile(r"^(?:critical issues?|(?:key )?findings?|learning(?: points?| themes?)?|key issues?"
                           r"|themes?)$", re.I)),
)  # fmt: skip


# "should" as a scan's text layer misreads it, the "l" read as a capital I or a figure one: "The LSCB shouId audit".
OCR_SHOULD = re.compile(r"\bshou[I1|]d\b")


def propose_recommendations(pages, findings) -> list[ProposedRecommendation]:
    """The report's recommendations, each linked to the proposed findings (ProposedFinding) it follows from."""
    blocks = [replace(block, text=OCR_SHOULD.sub("should", block.text)) for block in read_blocks(pages)]
    blocks = _map_paths(_sbar_items(_spoken_items(_quoted_items(_dittos_filled(blocks)))))
    # (a section that says the review makes none sets out learning, however its points are worded)
    chosen = [found for found in _recommendation_sections(sections(blocks)) if not any(map(_says_none, found))]
    # (those written after each finding, and a summary of them in a section of its own, are one list: the fuller)
    after = [r for index, finding in enumerate(findings) for r in _after_finding(finding, index)]
    lists = [
        found for found in (*map(_from_blocks, chosen), after, _tagged_sentences(blocks), _card_rows(blocks)) if found
    ]
    proposed = _rest_joined(_side_noted_rows(blocks) or _fullest(lists))
    pointed = any(IN_APPENDIX.search(block.text) for block in blocks)
    if pointed or any(APPENDIX.search(block.text) for found in chosen for block in found):
        # "The recommendations are set out in Appendix C"; "Single-agency recommendations ... are in Appendix 2"
        annexed = _from_appendix(sections(blocks), named=bool(proposed))
        proposed = _with_series(proposed, annexed) or _fullest([proposed, annexed])
    if not proposed:
        proposed = (
            _resolved(blocks)
            or _panels(blocks)
            or _indexed(blocks)
            or _written_into_conclusions(sections(blocks))
            or _recommends_that(blocks)
            or _counted_list(blocks)
            or _quoted(blocks, findings)
            or _what_needs_to_change(blocks, findings)
            or _labelled_anywhere(blocks)
            or _tracker_rows(blocks)
        )
    proposed = _as_amended([r for r in proposed if not QUESTION.match(r.text)], blocks)
    if not proposed and any(NONE_MADE.search(block.text) for block in blocks):
        return []
    if any(MAKES_NONE_ITSELF.search(" ".join(block.text.split())) for block in blocks):
        return []  # "In keeping with the model, this report makes no recommendations.": what it quotes is others'

    _endnoted(proposed, blocks)
    _addressed_elsewhere(proposed, blocks)
    glossary = _glossary(blocks)
    for recommendation in proposed:
        if recommendation.addressee_text and glossary:
            recommendation.addressee_text = ABBREVIATION.sub(
                lambda m: glossary.get(m.group(), m.group()), recommendation.addressee_text
            )  # "DoH" in a Lead column, "Department of Health" in the report's list of abbreviations
        _address(recommendation)
        if not recommendation.findings:
            recommendation.findings = _referenced(f"{recommendation.text} {recommendation.reference}", findings)
        if not recommendation.findings and recommendation.reference:  # "L1": a finding's label as written
            key = recommendation.reference.casefold()
            recommendation.findings = [i for i, f in enumerate(findings) if f.label and f.label.casefold() == key]
    _pointed_from_findings(proposed, findings)
    proposed = proposed[:MAX_RECOMMENDATIONS]
    for section in sections(blocks):
        if _is_action_plan(section) or _combined(section):
            _add_actions(section.blocks, proposed, findings)
        elif start := _plan_within(section):
            _add_actions(section.blocks[start:], proposed, findings)  # ("Board action plan" in the chair's statement)
    if proposed and not any(r.actions for r in proposed) and any(ACTION_PLAN.search(b.text) for b in blocks):
        # a plan the report speaks of whose heading is not in its text (set as a picture): the table whose columns
        # are a plan's, keyed by the recommendations' references ("No. | What we will do | Lead | By | RAG")
        header = next((i for i, b in enumerate(blocks) if "ref" in _plan_columns(b.text)), None)
        if header is not None:
            _add_actions(blocks[header:], proposed, findings)
    if len(proposed) >= 2 and not any(r.label for r in proposed):
        for number, recommendation in enumerate(proposed, start=1):
            recommendation.label = str(number)  # not numbered in the text: by their order, as a plan refers to them
    return proposed


# A report's list of abbreviations: its header row, and a row's abbreviation.
GLOSSARY_HEADER = re.compile(
    r"^(?:abbreviations?|acronyms?|term|short\s+form)\s*\|\s*(?:meaning|in\s+full|full\s+form|stands\s+for|term|description)\s*$",
    re.I,
)
ABBREVIATION = re.compile(r"\b(?-i:[A-Z][A-Za-z&]{1,7})\b")


def _glossary(blocks):
    """{abbreviation: what it stands for} from the report's table of abbreviations ("DoH | Department of Health")."""
    out, reading = {}, False
    for block in blocks:
        if GLOSSARY_HEADER.match(block.text.strip()):
            reading = True
            continue
        cells = block.text.split(" | ") if reading and " | " in block.text else None
        if not cells or len(cells) != 2 or not ABBREVIATION.fullmatch(cells[0].strip()):
            reading = reading and bool(cells)
            continue
        out[cells[0].strip()] = re.sub(r"\s*\(.*\)$", "", cells[1]).strip()
    return out


# A numbered item of a picture, quoted in its description with whom it is for: 'Signpost 1, for the Chief Officers
# Group: "The Chief Officers Group should ..." (Key learning 1)'.
QUOTED_ITEM = re.compile(
    r"\b(?-i:[A-Z][a-z]+)\s+(?P<n>\d{1,2}),\s+(?:for|to)\s+[^:\"\u201c\n]{3,80}:\s*[\"\u201c](?P<text>[^\"\u201c\u201d]{20,900})"
    r"[\"\u201d](?:\s*(?P<tag>\([^()]{2,40}\)))?"
)


# A recommendation said aloud in a recorded briefing's transcript: "[00:31:02] Hollis Tarrant (Reviewer):
# Recommendation one is for the Partnership. The Partnership should ... That comes from finding one."
NUMBER_WORDS = {word: str(n) for word, n in segmentation.NUMBER_WORDS.items() if n <= 12}
SPOKEN_ITEM = re.compile(
    r"^(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s+)?(?:[^:\n]{2,80}:\s+)?(?:and\s+|so\s+|next,?\s+)?recommendation\s+(?P<n>\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")(?:,?\s+then)?,?\s+(?:is\s+)?(?:also\s+)?(?:(?:for|to)\s+(?P<to>[^.]{3,80})|(?P<national>national))\.\s+"
    r"(?P<text>.+?)(?:\s+(?:again,\s+)?(?:that|this|it)\s+(?:also\s+)?(?:comes|follows|arises)\s+from\s+"
    r"(?P<finding>findings?[^.]{0,60})\.)?$",
    re.IGNORECASE | re.DOTALL,
)


# Where a report says its recommendations are the rows of a shared tracker from its own source: "They are the rows of
# the tracker whose Source is \u201cSUSR BT/2024/02 (Child KC)\u201d".
SOURCE_IS = re.compile(
    r"\bwhose\s+source\s+is\s+[\u201c\"\u2018']?(?P<source>[^\u201d\"\u2019'\n]{3,80}?)[\u201d\"\u2019']",
    re.IGNORECASE,
)


def _tracker_rows(blocks):
    """The recommendations of a report that keeps them only as rows of a tracker shared with other reviews (an
    appendix's extract): the rows whose Source column is the one the report names, each labelled by its ID."""
    named = next((m["source"].strip() for b in blocks if (m := SOURCE_IS.search(" ".join(b.text.split())))), None)
    if not named:
        return []
    out, columns = [], None
    for block in blocks:
        cells = [cell.strip() for cell in block.text.split(" | ")] if " | " in block.text else None
        if not cells:
            continue
        names = [cell.lower() for cell in cells]
        if "source" in names and any(TABLE_TEXT.match(cell) for cell in cells):
            text = next(i for i, cell in enumerate(cells) if TABLE_TEXT.match(cell))
            lead = next((i for i, name in enumerate(names) if TABLE_TO.match(name)), None)
            columns = (names.index("source"), text, lead)
            continue
        if columns and len(cells) > max(i for i in columns if i is not None):
            source, text, lead = columns
            if " ".join(cells[source].split()).lower() == " ".join(named.split()).lower():
                recommendation = ProposedRecommendation(_plain(cells[text]), cells[0], block.page)
                recommendation.addressee_text = cells[lead] if lead is not None else ""
                out.append(recommendation)
    return out


def _labelled_anywhere(blocks):
    """Recommendations labelled so ("Recommendation 4 (the ICB): NHS X should ...") in a report with no section for
    them (a briefing's transcript): two or more, numbered on from 1."""
    labelled = [
        b
        for b in blocks
        if not b.heading
        and (m := LABEL.match(b.text))
        and m["label"].lower().startswith("recommendation")
        and _asks(m["rest"])
    ]
    found = _from_blocks(labelled) if len(labelled) >= 2 else []
    numbers = [_label_key(r.label) for r in found]
    return found if numbers[:1] == ["1"] else []


# A recommendation set out as an escalation's four parts (SBAR): "SBAR 3: ...", then "S - Situation: ...", "B -
# Background: ...", "A - Assessment: ...", "R - Recommendation (Regional): The Education Authority should ...".
SBAR_HEAD = re.compile(r"^SBAR\s+(?P<n>\d{1,2})\b")
SBAR_PART = re.compile(r"^(?P<letter>[SBAR])\s*[-\u2013:]\s*(?:situation|background|assessment|recommendation)\b", re.I)
SBAR_ASKS = re.compile(
    r"^R\s*[-\u2013:]\s*recommendation\s*(?P<level>\([^()]{2,30}\))?\s*:\s*(?P<rest>\S.*)$", re.I | re.S
)


def _sbar_items(blocks):
    """The blocks of a report that sets out its recommendations as SBARs ("SBAR 3: ..."): each one's R part labelled
    with its number ("Recommendation 3 (Regional): ..."), its S, B and A parts, which say why, left out. A report
    with fewer than two numbered SBARs is as it was."""
    if sum(bool(SBAR_HEAD.match(b.text)) for b in blocks) < 2:
        return blocks
    out, number = [], None
    for block in blocks:
        if head := SBAR_HEAD.match(block.text):
            number = head["n"]
        elif number and (part := SBAR_PART.match(block.text)):
            asks = SBAR_ASKS.match(block.text) if part["letter"].upper() == "R" else None
            if asks and not re.match(r"(?i)(?:none|no\s+recommendation)\b", asks["rest"]):  # (not "R - ...: None.")
                level = f" {asks['level']}" if asks["level"] else ""
                out.append(replace(block, text=f"Recommendation {number}{level}: {asks['rest']}", heading=False))
            continue
        out.append(block)
    return out


# A mind map written out one path a leaf: "Review map \u203a Key learning 1 \u203a What we recommend \u203a 1 \u203a For
# the Child Protection Committee \u203a Produce multi-agency guidance ...".
MAP_SEPARATOR = re.compile(r"\s+[\u203a>\u2192\u25b8]\s+")
MAP_RECOMMENDS = re.compile(r"(?:what\s+we\s+recommend|our\s+recommendations|recommendations?)$", re.IGNORECASE)


def _map_paths(blocks):
    """The blocks with each leaf of a mind map's "What we recommend" branch written as the report would label it:
    "Recommendation 1 (the Child Protection Committee): Produce ... (Key learning 1)"; the other branches' leaves,
    what was found and what worked, as they were."""
    out = []
    for block in blocks:
        parts = MAP_SEPARATOR.split(block.text.strip())
        at = next((i for i, part in enumerate(parts) if MAP_RECOMMENDS.match(part.strip())), None)
        if len(parts) < 3 or at is None or at == len(parts) - 1:
            out.append(block)
            continue
        after = [part.strip() for part in parts[at + 1 :]]
        number = next((part for part in after[:-1] if re.fullmatch(r"\d{1,2}", part)), "")
        to = next((re.sub(r"(?i)^for\s+", "", part) for part in after[:-1] if re.match(r"(?i)for\s", part)), "")
        source = next((part.strip() for part in parts[:at] if segmentation._label(part.strip())), "")
        label = f"Recommendation {number}" if number else "Recommendation"
        text = f"{label}{f' ({to})' if to else ''}: {after[-1]}" + (f" ({source})" if source else "")
        out.append(replace(block, text=text, heading=False))
    return out


def _spoken_items(blocks):
    """The blocks with each recommendation said in a transcript's turn written as the report would label it:
    "Recommendation 1 (the Partnership): The Partnership should ... (finding one)"."""
    out = []
    for block in blocks:
        if (said := SPOKEN_ITEM.match(block.text)) and DIRECTIVE.search(said["text"]):
            number = NUMBER_WORDS.get(said["n"].lower(), said["n"])
            to = said["to"] or "national government"
            text = f"Recommendation {number} ({to.strip()}): {' '.join(said['text'].split())}"
            block = replace(block, text=text + (f" ({said['finding']})" if said["finding"] else ""), heading=False)
        out.append(block)
    return out


def _quoted_items(blocks):
    """The blocks with a paragraph that quotes numbered recommendations (an image's description: "Signpost 1, for
    ...: \"The ... should ...\"") set out as one numbered paragraph each."""
    out = []
    for block in blocks:
        found = [m for m in QUOTED_ITEM.finditer(block.text) if DIRECTIVE.search(m["text"])]
        if not found:
            out.append(block)
            continue
        for m in found:
            text = " ".join(m["text"].split())
            out.append(replace(block, text=f"{m['n']}. {text}" + (f" {m['tag']}" if m["tag"] else ""), heading=False))
    return out


# A typist's ditto mark in a table's cell: the same as the cell above ('"', "do.", "ditto").
DITTO = re.compile(r"[\"\u201c\u201d\u2033\u3003]|do\.?|ditto|(?:as\s+)?above", re.IGNORECASE)


def _dittos_filled(blocks):
    """The blocks with each ditto mark in a table's row replaced by the cell above it in the row before."""
    out, above = [], None
    for block in blocks:
        cells = block.text.split(" | ") if " | " in block.text else None
        if cells and above and len(cells) == len(above) and any(DITTO.fullmatch(cell.strip()) for cell in cells):
            cells = [above[i] if DITTO.fullmatch(cell.strip()) else cell for i, cell in enumerate(cells)]
            block = replace(block, text=" | ".join(cells))
        out.append(block)
        above = cells
    return out


# Recommendations named by their labels in a sentence: "recommendations R2 and R5", "R1, R3 and R6".
_ONE_LABEL = r"(?:R|Rec\.?\s?)?\d{1,2}(?:\.\d{1,2})?"
_LABEL_LIST = rf"(?P<labels>{_ONE_LABEL}(?:\s*(?:,|and|&)\s*{_ONE_LABEL})*)"
# Whom a report says its recommendations are for, where their own words name no one: a chief officer's signed
# acceptance ("On behalf of NHS Balquharrie, I accept recommendations R4 and R7, ..."), recommendations "which are for
# the Child Protection Committee", "Recommendation R8 is addressed to the Scottish Government".
ACCEPTED_FOR = re.compile(
    r"\bon\s+behalf\s+of\s+(?P<accepting>[^,.;:]{3,80}),\s+(?:I|we)\s+(?:accept|agree(?:\s+to)?)\s+(?:the\s+)?"
    rf"recommendations?\s+{_LABEL_LIST}(?:,?\s+which\s+(?:are|is)\s+for\s+(?P<for>[^,.;]{{3,80}}))?",
    re.IGNORECASE,
)
ADDRESSED_TO = re.compile(
    rf"\brecommendations?\s+{_LABEL_LIST}\s+(?:is|are)\s+(?:addressed|directed|made)\s+to\s+(?P<to>[^,.;]{{3,80}})",
    re.IGNORECASE,
)


def _addressed_elsewhere(proposed, blocks):
    """Gives recommendations whose words name no one (an imperative: "Ensure that nurseries report ...") the body
    another part of the report says they are for: signed acceptances in an appendix, "R8 is addressed to ..."."""
    bare = {
        _label_key(r.label): r
        for r in proposed
        if r.label and not r.addressee_text and re.match(rf"(?:{ACTIONS})\b", r.text, re.IGNORECASE)
    }
    if not bare:
        return
    for block in blocks:
        text = " ".join(block.text.split())
        found = [(m["labels"], m["for"] or m["accepting"]) for m in ACCEPTED_FOR.finditer(text)]
        found += [(m["labels"], m["to"]) for m in ADDRESSED_TO.finditer(text)]
        for labels, whom in found:
            for label in re.findall(r"\d{1,2}(?:\.\d{1,2})?", labels):
                if (recommendation := bare.get(label)) is not None and not recommendation.addressee_text:
                    recommendation.addressee_text = re.sub(r"^the\s+", "", whom.strip(), flags=re.IGNORECASE)


def _plan_within(section):
    """Where an action plan starts inside a section of another kind: after a short heading naming it ("Board action
    plan") with a table of actions after it; 0 when none does."""
    for index, block in enumerate(section.blocks):
        named = block.heading and len(block.text.split()) <= 5 and ACTION_PLAN.search(block.text)
        after = section.blocks[index + 1 : index + 5]
        if named and any(_action_columns(_cells(b.text)) for b in after if " | " in b.text):
            return index + 1
    return 0


# A note's mark ending a recommendation ("... told of the decision in writing.18", "...in writing.\u00b9\u2078"), and
# a note that gives its lead or the finding it arises from ("18 Lead: Whitlowe LSCB. Arises from Key finding 1.").
NOTE_MARK = re.compile(r"(?<=[.!?)\u201d\"])(?P<mark>\d{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})$")
SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
LEAD_NOTE = re.compile(r"^(?P<number>\d{1,3})\s+(?P<note>(?:lead\b|.{0,200}?\barises?\s+from\b).*)$", re.I | re.S)


def _endnoted(proposed, blocks):
    """Recommendations whose notes, listed at the end, give what they arise from: the mark leaves the text and the
    finding the note names becomes the recommendation's reference."""
    notes = {m.group("number"): m.group("note") for block in blocks if (m := LEAD_NOTE.match(block.text.strip()))}
    for recommendation in proposed if notes else ():
        mark = NOTE_MARK.search(recommendation.text.rstrip())
        note = mark and notes.get(mark.group("mark").translate(SUPERSCRIPTS))
        if note:
            recommendation.text = recommendation.text.rstrip()[: mark.start()].rstrip()
            named = REFERENCE.search(note)
            if named and not recommendation.reference:
                recommendation.reference = named.group()


# A finding that names the recommendations it leads to: "This finding leads to Recommendations 2 and 7."
LEADS_TO = re.compile(
    r"\b(?:leads?|led|gives?\s+rise|gave\s+rise)\s+to\s+recommendations?\s+(?P<numbers>\d{1,2}(?:(?:\s*,\s*|\s+and\s+)\d{1,2})*)",
    re.IGNORECASE,
)


def _pointed_from_findings(proposed, findings):
    """Links each recommendation a finding says it leads to, when nothing else has linked it."""
    unlinked = [r for r in proposed if not r.findings]
    for index, finding in enumerate(findings):
        for pointer in LEADS_TO.finditer(finding.text):
            numbers = re.findall(r"\d{1,2}", pointer.group("numbers"))
            for recommendation in unlinked:
                if _label_key(recommendation.label) in numbers and index not in recommendation.findings:
                    recommendation.findings.append(index)


def _rest_joined(proposed):
    """The recommendations, one that starts in small letters joined to the one before when that one breaks off
    unfinished (its rest after a page break, read apart from it)."""
    out = []
    for recommendation in proposed:
        before = out[-1].text.rstrip() if out else "."
        if _goes_on(recommendation.text) and not recommendation.label and not before.endswith(END_MARKS):
            out[-1].text = f"{out[-1].text} {recommendation.text}"
            _tag_finding(out[-1])
        else:
            out.append(recommendation)
    return out


END_MARKS = (".", ")", "?", ":", ";")
CONJUNCTION = re.compile(
    r"^(?:and|or|but|nor|then|with|which|who|whose|whatever|whenever|wherever|where|when|while|including|as)\b"
)


def _goes_on(text):
    """Whether words in small letters carry on a sentence ("and should record the outcome ...", "child."), not a
    recommendation of their own written on from a lead-in ("the CPC adopt a protocol ...")."""
    if not text[:1].islower():
        return False
    return bool(CONJUNCTION.match(text)) or not (
        DIRECTIVE.search(text) or BARE_SUBJECT.match(text) or SUBJECT.match(text)
    )


def _side_noted_rows(blocks):
    """The recommendations of a report that marks them with side-notes beside its paragraphs ("Recommendation 4 |
    7.12 The Council should ..."), wherever they stand (in its findings, in its conclusions), in order; [] for a
    report with fewer than two."""
    rows = []
    for block in blocks:
        cells = _cells(block.text) or []
        while len(cells) > 2 and not cells[-1].strip():
            cells.pop()  # (a row a page break cut, its empty last cell)
        if len(cells) == 2:
            rows.append((block, cells))
        elif noted := NOTED_PARAGRAPH.match(block.text):  # (a row a form's table gave as "Recommendation 4: 7.12 ...")
            rows.append((block, [noted.group("note"), noted.group("text")]))
    noted = [cells for _, cells in rows if SIDE_NOTE.fullmatch(cells[0].strip()) and SECTION_NUMBER.match(cells[1])]
    if len(noted) < 2:
        return []
    reader = _SectionReader()
    for block, cells in rows:
        reader._side_noted(block, cells)
    return reader.out


APPENDIX = re.compile(r"\b(?:appendix|annex)\b", re.IGNORECASE)
# Words anywhere in the report that put recommendations in an appendix: "so they are in Annex E".
IN_APPENDIX = re.compile(
    r"\brecommendations\b[^.]{0,160}\b(?:are|is|set\s+out)\s+(?:\w+\s+){0,3}?in\s+(?:an?\s+)?(?:appendix|annex)\b",
    re.IGNORECASE,
)


def _with_series(proposed, annexed):
    """The body's recommendations and an appendix's series of its own ("W1", "J1" in the body; "E1" to "E4" in
    Annex E), the appendix's repeats of the body's left out; None when the appendix is no series of its own."""

    def letters(recommendation):
        return re.match(r"[A-Za-z]*", recommendation.label.replace("Recommendation ", "")).group()

    keys = {_label_key(r.label) for r in proposed}
    new = [r for r in annexed if _label_key(r.label) not in keys]
    if not proposed or not new or {letters(r) for r in new} & {letters(r) for r in proposed}:
        return None
    return proposed + new


# An addendum that puts new words in place of a recommendation: "12.2 Recommendation 11.4.2 is replaced by the
# following, which is the recommendation of this review: The Primary Care Trust should audit ...".
REPLACED = re.compile(
    r"\brecommendation\s+(?P<label>\S{1,12}?)\s+(?:is|has\s+been)\s+(?:replaced|superseded|amended)\s+(?:by|with|to\s+read)"
    r"\b[^:]{0,120}:\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _as_amended(proposed, blocks):
    """The recommendations with an addendum's new words in place of those it replaces, and as a schedule of
    amendments leaves them: a recommendation reworded, one added ("Recommendation 3A. ...", after 3), one deleted."""
    for block in blocks:
        if (found := REPLACED.search(block.text)) and DIRECTIVE.search(found.group("text")):
            key = _label_key(found.group("label"))
            for recommendation in proposed:
                if recommendation.label and _label_key(recommendation.label) == key:
                    recommendation.text = _plain(found.group("text"))
    for where, amended, page in _amendments(blocks):
        keys = [_label_key(r.label) if r.label else None for r in proposed]
        label = LABEL.match(amended)
        key = _label_key(label.group("label")) if label and DIRECTIVE.search(label.group("rest")) else None
        if DELETED.match(amended) and (named := NAMED_IN_CELL.search(where)) and _label_key(named[0]) in keys:
            del proposed[keys.index(_label_key(named[0]))]
        elif key and key in keys:  # reworded
            proposed[keys.index(key)].text = _plain(label.group("rest"))
        elif key and (after := re.match(r"\d+", key)) and after[0] in keys:  # added: "3A" after 3
            proposed.insert(max(i for i, k in enumerate(keys) if k == after[0]) + 1, _labelled(label, page))
    return proposed


# A schedule of amendments' columns: where ("Paragraph"), and the words as amended ("As amended (May 2011)").
# ("Section | Change | Reason": a revised edition's log of changes, "Recommendation 4 | Deleted | Overtaken ...")
AMENDED_COLUMN = re.compile(
    r"^(?:as\s+amended|amended\s+(?:text|wording)|new\s+(?:text|wording)|amendment|change$)\b", re.I
)
WHERE_COLUMN = re.compile(r"^(?:paragraph|para\.?|section|location|where|recommendation)s?\b", re.IGNORECASE)
DELETED = re.compile(r"^(?:deleted|delete|removed|withdrawn)\b", re.IGNORECASE)
NAMED_IN_CELL = re.compile(r"\brecommendation\s+\d{1,2}[a-z]?\b", re.IGNORECASE)


def _amendments(blocks):
    """(where, words as amended, page) of each row of a schedule of amendments."""
    columns = None
    for block in blocks:
        cells = _cells(block.text)
        if not cells:
            columns = None
        elif columns is None:
            amended = next((i for i, cell in enumerate(cells) if AMENDED_COLUMN.match(cell)), None)
            where = next((i for i, cell in enumerate(cells) if WHERE_COLUMN.match(cell)), None)
            columns = (where, amended, len(cells)) if amended is not None and where is not None else None
        elif len(cells) == columns[2]:
            yield cells[columns[0]], cells[columns[1]], block.page


# A recommendation made in the analysis, tagged where it is made: "... before the baby is born. (Recommendation 1)".
# ("(Recommendation 3)", "(Recommendation 1, from Finding 1)": the finding it follows from after it)
TAGGED = re.compile(r"\((?:recommendation|rec\.?)\s*(?P<n>\d{1,2})(?:[,;]\s*(?P<more>[^()]{1,40}))?\)", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z\"'\u201c])")


def _tagged_sentences(blocks):
    """The recommendations a report makes in its text, each the sentence before its tag ("(Recommendation 3)"): two
    or more, numbered apart; [] otherwise."""
    out, previous = [], ""
    for block in blocks:
        text = _plain(block.text)
        for tag in TAGGED.finditer(text):
            before = text[: tag.start()].rstrip() or previous  # (the tag carried over a page break)
            starts = [m.end() for m in SENTENCE_START.finditer(before[:-1] if before.endswith(".") else before)]
            sentence = SECTION_NUMBER.sub(r"\g<rest>", before[starts[-1] :] if starts else before, count=1)
            if _asks(sentence):
                out.append(ProposedRecommendation(sentence, f"Recommendation {tag.group('n')}", block.page))
                out[-1].reference = tag.group("more") or ""
        previous = text
    numbers = [r.label for r in out]
    return out if len(out) >= 2 and len(set(numbers)) == len(numbers) else []


def _says_none(block):
    """Whether a paragraph says the review makes no recommendations at all ("this review does not make
    recommendations", "makes no new actions for the Board"), not only none of a kind ("makes no recommendations to
    individual agencies")."""
    found = NONE_MADE.search(block.text)
    rest = block.text[found.end() :] if found else ""
    return bool(found) and (bool(TO_ALL.match(rest)) or not PARTLY.match(rest))


PARTLY = re.compile(r"\s*(?:to|for|about|on|beyond|other than|except|of its own|at this stage)\b", re.IGNORECASE)
TO_ALL = re.compile(  # ... to the body that every recommendation of the review would ask
    r"\s*(?:to|for)\s+(?:the\s+)?(?:(?:regional\s+)?safeguarding\s+)?(?:board|partnership|partners|committee|lscb|scp"
    r"|cpc|sbni)\b",
    re.IGNORECASE,
)


# Recommendations written as the review's own prose, wherever they are: "The review recommends that the LSCB
# commission ...", "The panel also recommends that ...", "To NHS Northshire, it recommends that its midwifery service
# ...", "To the Committee, the review recommends: first, that ...; second, that ...; and third, that ...". Only the
# review's own: not an IMR's, nor an earlier review's ("it" and "we" only after "To <whom>,").
PROSE = re.compile(
    r"^(?:(?:finally|lastly|also|further(?:more)?|in addition),?\s+)?(?:to\s+(?P<to>[^,:;]{2,80}),\s+)?"
    r"(?:(?P<who>(?:the|this)\s+(?:review|panel|reviewers?)|it|we|(?-i:I))\s+(?:also\s+|further\s+)?recommends?"
    r"|it\s+is\s+(?:also\s+|further\s+)?recommended)\s*(?::\s*|that\s+)(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# An unnumbered recommendation set in the text: "Recommendation: The Partnership should add a section to ...".
# (also after a conclusion's own sentences: "9.7 ... it was not followed up. Recommendation: The council should ...")
RUN_IN_RECOMMENDATION = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?-i:R)ecommendation\s*[:\u2013\u2014]\s+(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL
)
# "...; second, that ...; and third, that ...": where the next of several recommendations in one sentence begins.
ORDINAL = r"(?:and\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|next|finally|lastly)(?:ly)?,?\s+that\s+"


QUESTION = re.compile(r"whether\b", re.IGNORECASE)  # "whether the group should include ...": a question, asked


# A paragraph that counts the review's recommendations: "The safeguarding partners accepted all seven
# recommendations", "The review makes 7 recommendations".
COUNTED = re.compile(
    rf"\b(?P<count>\d{{1,2}}|{'|'.join(segmentation.NUMBER_WORDS)})\s+recommendations\b", re.IGNORECASE
)


def _counted_list(blocks):
    """In a report with no heading over its recommendations (a heading set as a picture the text layer lacks), the
    numbered list of as many paragraphs as it says it made, 1 to N, each asking someone to act; [] when none is."""
    counts = set()
    for block in blocks:
        for match in COUNTED.finditer(block.text):
            word = match.group("count").lower()
            counts.add(int(word) if word.isdigit() else segmentation.NUMBER_WORDS[word])
    for count in sorted(counts, reverse=True):
        for start in range(len(blocks) - count + 1):
            run = blocks[start : start + count]
            numbered = [segmentation.LIST_ITEM.match(block.text) for block in run]
            if all(
                found and int(found.group("n")) == number and OWN_SUBJECT.match(found.group("rest"))
                for number, found in enumerate(numbered, start=1)
            ) and not any(" | " in block.text for block in run):  # (not a table's rows: an earlier review's)
                return _from_blocks(run)
    return []


def _recommends_that(blocks):
    """The paragraphs that say "The review recommends that ..." or "Recommendation: <whom> should ...", in a report
    with no recommendations section (set between its conclusions, or after each finding's analysis)."""
    out = []
    for block in blocks:
        text = block.text.strip()
        if (run_in := RUN_IN_RECOMMENDATION.search(text)) and _unlabelled_recommendation(run_in.group("rest")):
            out.append(ProposedRecommendation(_plain(run_in.group("rest")), "", block.page))
        else:
            out.extend(_in_prose(text, block.page))
    return out


# A recommendation numbered under another and set as its bullet: "\u2022 1.1 That the Aghnamoyle Trust make sure ...".
BULLETED_NUMBER = re.compile(r"^[\u2022*\-]\s+(?P<n>\d{1,2}\.\d{1,2})\s+(?P<rest>\S.*)$", re.DOTALL)
# The rest of a numbered recommendation, written elsewhere (a continuation sheet): "11.7 (continued) and to bring ...".
CONTINUED_NUMBER = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\s*\((?i:continued|cont(?:'d|\.)?)\)\s+(?P<rest>\S.*)$", re.S
)
# A leaflet's or poster's panel of recommendations, as a report reproduces it: a heading in capitals, then the
# numbered recommendations ("REGIONAL RECOMMENDATIONS 1. The SBNI should ...", "LOCAL RECOMMENDATIONS (continued from
# inside) 6. The Trust should ...").
PANEL_HEAD = re.compile(
    r"^(?:[A-Z][A-Z'\u2019-]+\s+){0,3}RECOMMENDATIONS(?:\s*\((?i:continued)[^)]{0,40}\))?\s+(?=\d{1,2}\.\s+[A-Z])"
)
# A tag that names a recommendation's finding with more of the panel after it: "... (Learning 2) The full ...".
TAG_THEN_MORE = re.compile(r"\((?:[^()]{2,40}\d)\)(?=\s+[A-Z])")


def _panels(blocks):
    """Recommendations set out on the panels of a leaflet or poster that the report reproduces, wherever they are,
    two or more, in the order of their numbers (a fold-in flap's come first on the printed sheet)."""
    panels = []
    for block in blocks:
        for cell in segmentation.row_cells(block.text) if " | " in block.text else [block.text]:
            if head := PANEL_HEAD.match(cell):
                panels.append(replace(block, text=cell[head.end() :], heading=False))
    found = [r for r in _from_blocks(panels) if r.label.isdigit()]
    for recommendation in found:  # (the panel's other words after the last one: "... (Learning 2) The full ...")
        if not FINDING_TAG.search(recommendation.text) and (tagged := TAG_THEN_MORE.search(recommendation.text)):
            recommendation.text = recommendation.text[: tagged.end()]
    return sorted(found, key=lambda r: int(r.label)) if len(found) >= 2 else []


# A recommendation of the review team quoted in a narrative of the review written by another body (a Chief Officers
# Group's summary): "The review team recommended that "NHS Kilvaddie should ..."", "It also recommended that "...".
QUOTED = re.compile(
    r"\b(?:(?:the\s+)?(?:review(?:\s+team)?|panel|reviewers?)|it)\s+(?:also\s+|further\s+)?recommended\s+that\s+"
    r"[\"\u201c](?P<text>[^\"\u201c\u201d]{20,1000})[\"\u201d]",
    re.IGNORECASE,
)


def _quoted(blocks, findings):
    """The review team's recommendations as another body's narrative quotes them, two or more, each linked to the
    finding it is quoted under; "It recommended that the CPC ask ..." unquoted (an earlier review's) is none."""
    out = []
    for block in blocks:
        for match in QUOTED.finditer("" if block.heading else block.text):
            if _asks(match.group("text")):
                out.append(
                    ProposedRecommendation(_plain(match.group("text").strip().rstrip(".,") + "."), "", block.page)
                )
                out[-1].findings = _written_in(match.group("text"), findings)
    return out if len(out) >= 2 else []


# A finding's sub-heading over what it asks of whom, in a report with no recommendations of another kind.
CHANGE_HEADING = re.compile(
    r"^(?:what (?:needs|has) to (?:change|happen)|what should (?:change|happen)|changes? (?:needed|required))\s*:?$",
    re.IGNORECASE,
)


def _what_needs_to_change(blocks, findings):
    """The points under each finding's "What needs to change" sub-heading that ask someone to do something ("The
    SBNI needs to issue regional guidance ..."), each linked to the finding it is written in; not what has already
    changed, nor a paragraph saying that nothing needs to."""
    out, under = [], False
    for block in blocks:
        if block.heading:
            under = bool(CHANGE_HEADING.match(block.text.strip()))
            continue
        boxed = CHANGE_BOX.match(block.text.strip())  # a box: "What needs to happen 1. The Home Office ... 2. ..."
        items = segmentation.numbered_items(boxed.group("rest") if boxed else _plain(block.text) if under else "")
        if items:  # (under a "What needs to happen" heading, the box's items in one paragraph: a PDF's)
            out += _from_box(items, block, findings)
            continue
        text = LISTED.sub("", block.text.strip(), count=1)
        if under and _unlabelled_recommendation(text):
            recommendation = ProposedRecommendation(_plain(text), "", block.page)
            recommendation.findings = _written_in(text, findings)
            out.append(recommendation)
    return out


def _from_box(items, block, findings):
    """The recommendations of a box's numbered items that ask someone to act, without the authors' own commitments."""
    out = []
    for number, item in items:
        text = _without_commitments(item)
        if _asks(text):
            recommendation = ProposedRecommendation(_plain(text), number, block.page)
            recommendation.findings = _written_in(text, findings)
            out.append(recommendation)
    return out


def _written_in(text, findings):
    """The finding whose text holds a recommendation written inside it (after its "What needs to change")."""
    return [i for i, f in enumerate(findings) if _plain(text)[:80] in _plain(f.text)][:1]


CHANGE_BOX = re.compile(
    r"^(?:what (?:needs|has) to (?:change|happen)|what should (?:change|happen))\s*:?\s+(?P<rest>\d{1,2}\.\s.*)$",
    re.IGNORECASE | re.DOTALL,
)
COMMITMENT = re.compile(r"(?<=[.!?])\s+(?:the\s+(?:panel|review|partnership|board)|we)\s+will\b.*$", re.I | re.S)


def _without_commitments(text):
    """A recommendation without what the review's authors say they will do after it ("The Panel will ask ...")."""
    return COMMITMENT.sub("", text).strip()


def _in_prose(text, page, *, ours=False):
    """The recommendations a paragraph of the review's prose makes (see PROSE), whom it asks in its words; []. In a
    section of the review's recommendations (ours), "We recommend that ..." is the review's own too."""
    match = PROSE.match(text)
    who = (match.group("who") or "").lower() if match else ""
    if not match or (who in ("it", "we") and not match.group("to") and not (ours and who == "we")):
        return []
    out = []
    for part in re.split(rf";\s*(?={ORDINAL})", match.group("rest"), flags=re.IGNORECASE):
        recommendation = ProposedRecommendation(_plain(re.sub(rf"^{ORDINAL}", "", part, flags=re.IGNORECASE)), "", page)
        recommendation.addressee_text = (match.group("to") or "").strip()
        out.append(recommendation)
    return out


# An appendix of recommendations that are not the review's: the agencies' own, earlier reviews', for information.
# ... unless it says they are the review's own ("They are recommendations of this review").
OWN_RECOMMENDATIONS = re.compile(
    r"\b(?:are|is)\s+(?:the\s+)?(?:formal\s+)?recommendations?\s+of\s+this\s+review\b|\b(?:this|the)\s+review[\u2019']s\s+"
    r"(?:own\s+)?recommendations\b",
    re.IGNORECASE,
)
OTHERS_RECOMMENDATIONS = re.compile(
    r"\b(?:imrs?|individual management reviews?|agency reports?|single[- ]agency reviews?|previous|earlier|learning"
    r"|for information|not (?:a set of )?(?:the review's )?recommendations|endorsed"
    r"|of\s+the\s+(?:19|20)\d{2}|(?:19|20)\d{2}\s+(?:part\s+8\s+|serious\s+case\s+)?review)\b",  # "of the 1998 review"
    re.IGNORECASE,
)


def _from_appendix(all_sections, *, named=False):
    """The recommendations of an appendix the recommendations section points to: its table with a recommendation
    column, or its labelled rows as a PDF gives them (an action plan is not it). Beside recommendations found in the
    body (named), only an appendix whose heading says it holds recommendations ("Appendix 2: Single-agency
    recommendations"), and not someone else's, is read."""
    for section in all_sections:
        heading = section.heading
        if heading is None or not APPENDIX.match(heading.text.strip()) or _is_action_plan(section):
            continue
        opening = " ".join(b.text for b in section.blocks[:1] if " | " not in b.text)
        if named and (
            not re.search(r"\brecommendations?\b", heading.text, re.IGNORECASE)
            or (OTHERS_RECOMMENDATIONS.search(f"{heading.text} {opening}") and not OWN_RECOMMENDATIONS.search(opening))
        ):
            continue
        if found := _resolved(section.blocks):
            return found  # a committee's minutes: "It was RESOLVED to recommend that ..."
        if found := _response_sheets(section.blocks):
            return found
        tables = [b for b in section.blocks if " | " in b.text and _is_header(segmentation.row_cells(b.text))]
        # A PDF gives a table's rows as paragraphs, each starting with its label ("MA/1 Marlstow LSCB should ...").
        # Its other cells come after each row as short paragraphs ("Marlstow LSCB 1"), and are left out.
        labelled = [b for b in section.blocks if LABEL.match(b.text) and _asks(b.text)]
        rows = section.blocks if tables else [b for b in section.blocks if b in labelled or len(b.text.split()) > 6]
        if (tables or len(labelled) >= 2) and (found := _from_blocks(rows)):
            return found
        if found := _after_lead_in(section.blocks):
            return found
    return []


# A response sheet's rows: whom it is sent to ("To: | Chief Constable, Throstleton Constabulary"), and a
# recommendation by its label ("Recommendation D1 | Visit the address given by ...").
SHEET_TO = re.compile(r"^(?:to|for|addressed\s+to|for\s+the\s+attention\s+of)\s*:?$", re.IGNORECASE)
SHEET_LABEL = re.compile(r"^(?:recommendation|rec\.?)\s*(?P<label>[A-Z]{0,3}\d{1,2}(?:\.\d{1,2})?)$", re.IGNORECASE)


def _response_sheets(blocks):
    """The recommendations of an appendix of response sheets, one for each body asked: each labelled row's words,
    asked of the body its sheet is sent to."""
    out, to = [], ""
    for block in blocks:
        cells = [cell.strip() for cell in block.text.split(" | ")] if " | " in block.text else None
        if not cells or len(cells) != 2:
            continue
        if SHEET_TO.match(cells[0]):
            to = cells[1]
        elif (label := SHEET_LABEL.match(cells[0])) and _asks(cells[1]) and to:
            recommendation = ProposedRecommendation(_plain(cells[1]), label["label"], block.page)
            recommendation.addressee_text = to
            out.append(recommendation)
    return out if len(out) >= 2 else []


# A committee's minute that makes a recommendation: "45 | Supervision. It was RESOLVED to recommend that the ACPC ...".
RESOLVED = re.compile(r"\b(?:it\s+was\s+)?resolved\s+to\s+recommend\b", re.IGNORECASE)
RESOLVED_TO = re.compile(r"^(?:it\s+was\s+)?resolved\s+to\s+recommend\s+(?=that\b)", re.IGNORECASE)
MINUTE_NUMBER = re.compile(r"^(?:min(?:ute)?\.?\s*)?\d{1,3}[a-z]?$", re.IGNORECASE)
# A tag after a recommendation's last sentence that names its finding: "... within a month. (Key issue 4)".
FINDING_TAG = re.compile(r"\s*\((?P<tag>[^()]{2,40}\d)\)\s*$")


def _resolved(blocks):
    """The recommendations a committee's minutes make, each the sentence "It was RESOLVED to recommend that ..." to
    the minute's end, labelled by the minute's number; a minute a page break cut goes on in the next table's first
    row, whose number cell is empty."""
    out = []
    for block in blocks:
        cells = _cells(block.text) or [block.text]
        if out and len(cells) > 1 and not cells[0].strip() and not RESOLVED.search(block.text):
            if not out[-1].text.rstrip().endswith((".", ")")):  # (a minute cut mid-sentence)
                out[-1].text = _plain(f"{out[-1].text} {cells[1]}")
                _tag_finding(out[-1])
            continue
        for index, cell in enumerate(cells):
            if found := RESOLVED.search(cell):
                dot = cell.rfind(". ", 0, found.start())  # (after the minute's title: "Guidance. It was ...")
                start = dot + 2 if dot >= 0 else 0
                label = cells[0].strip() if index and MINUTE_NUMBER.match(cells[0].strip()) else ""
                recommendation = ProposedRecommendation(_plain(cell[start:]), re.sub(r"\D", "", label), block.page)
                _tag_finding(recommendation)
                out.append(recommendation)
    return out


def _tag_finding(recommendation):
    """A recommendation's closing tag ("(Key issue 4)") taken off its text as the finding it follows from."""
    if tag := FINDING_TAG.search(recommendation.text):
        recommendation.text = recommendation.text[: tag.start()]
        recommendation.reference = tag.group("tag")


# An index of the paragraphs that make the recommendations, which the text sets in bold: "Paragraph | Addressed to |
# Key finding | Subject", "10.3 | The LSCB | Key finding 1 | Children named at MARAC".
INDEX_PARAGRAPH = re.compile(r"^(?:para(?:graph)?s?\.?(?:\s+(?:no\.?|number))?|where)$", re.IGNORECASE)


def _indexed(blocks):
    """The recommendations an index names by paragraph: the words of each paragraph from the first sentence that
    asks someone to act, with whom the index says it asks and the finding it gives."""
    numbered = {}
    for block in blocks:
        if block.number and not block.heading and " | " not in block.text:
            numbered.setdefault(block.number, block)
    out, columns = [], None
    for block in blocks:
        cells = _cells(block.text)
        if not cells:
            columns = None
            continue
        if columns is None:
            at = next((i for i, cell in enumerate(cells) if INDEX_PARAGRAPH.match(cell.strip())), None)
            roles = _table_roles(cells)
            index = at is not None and ("to" in roles or "finding" in roles) and not _action_columns(cells)
            columns = {"at": at, **roles} if index else None  # (an action plan's "Para | Action | Lead" is none)
            continue
        paragraph = numbered.get(cells[columns["at"]].strip().rstrip(".")) if columns["at"] < len(cells) else None
        words = SECTION_NUMBER.sub(r"\g<rest>", paragraph.text, count=1) if paragraph else ""
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", words)
        first = next((i for i, sentence in enumerate(sentences) if _asks_in_first_sentence(sentence)), None)
        if first is None:
            continue
        found = ProposedRecommendation(" ".join(sentences[first:]), paragraph.number, paragraph.page)
        if "to" in columns and columns["to"] < len(cells):
            found.addressee_text = _plain(cells[columns["to"]])
        if "finding" in columns and columns["finding"] < len(cells):
            found.reference = _finding_cell(cells[columns["finding"]])
        out.append(found)
    return out if len(out) >= 2 else []


# A learning card's rows, set out wherever the learning is: "What we recommend | R1 The Board should ... R2 The
# council should ...", then "Who should act | R1: Regional Safeguarding Board R2: Aber Mwyaren County Council".
CARD_ROW = re.compile(
    r"^(?:what\s+(?:we|the\s+(?:review|panel|reviewers?))\s+recommends?|our\s+recommendations?)\s*:?$", re.IGNORECASE
)
WHO_ROW = re.compile(r"^(?:who\s+(?:should|will|must)\s+act|who|by\s+whom|lead)\s*:?$", re.IGNORECASE)
NEXT_CODED = re.compile(r"(?<=[.;)])\s+(?=(?-i:[A-Z]{1,3})\d{1,2}[:.]?\s+(?-i:[A-Z]))")
CODED_WHO = re.compile(r"(?:^|\s)(?P<code>(?-i:[A-Z]{1,3})\d{1,2})\s*:\s*")


def _card_rows(blocks):
    """The recommendations of learning cards: each card's "What we recommend" row, one or more labelled in its cell,
    and whom its "Who should act" row says each asks."""
    out, card, under = [], [], ""
    for block in blocks:
        if block.heading and block.label in ("finding", "learning"):  # the learning the cards below are about
            under = block.label_text or segmentation.split_label(block.text.strip())[0]
        cells = _cells(block.text)
        if not cells or len(cells) != 2:
            card = []
            continue
        role, cell = cells[0].strip(), cells[1].strip()
        if CARD_ROW.match(role) and cell and not NONE_IN_ROW.match(cell):
            card = []
            for part in NEXT_CODED.split(cell):
                label = LABEL.match(part)
                coded = bool(label and label.group("rest").strip())
                text = label.group("rest") if coded else part
                if DIRECTIVE.search(text):
                    code = _clean_label(label.group("label")) if coded else ""
                    card.append(ProposedRecommendation(_plain(text), code, block.page, reference=under))
            out.extend(card)
        elif WHO_ROW.match(role) and card:
            codes = list(CODED_WHO.finditer(cell))
            named = {m.group("code"): cell[m.end() : n.start() if n else len(cell)] for m, n in
                     itertools.zip_longest(codes, codes[1:])}  # fmt: skip
            for recommendation in card:
                to = named.get(recommendation.label) if named else cell
                recommendation.addressee_text = _plain(to or "")
            card = []
    return out


# A letter's or an appendix's words before its numbered recommendations: "The panel recommends as follows."
RECOMMENDS_AS_FOLLOWS = re.compile(r"\brecommends?\s+(?:as\s+follows|the\s+following)\s*[.:]$", re.IGNORECASE)


def _after_lead_in(blocks):
    """The numbered recommendations after "The panel recommends as follows." (a letter reproduced in an appendix),
    each under the line that says to whom ("To the Social Services Department")."""
    start = next((i for i, block in enumerate(blocks) if RECOMMENDS_AS_FOLLOWS.search(block.text)), None)
    if start is None:
        return []
    numbered = [b for b in blocks[start + 1 :] if _list_number(b.text).isdigit() and _asks(b.text)]
    return _from_blocks(blocks[start + 1 :]) if len(numbered) >= 2 else []


def _add_actions(blocks, proposed, findings=()):
    """Each row of an action plan's table, as an action of the recommendation its first column names ("CSC 1",
    "Recommendation 2", "3"); a row that names none goes with the recommendation of the row before. When the plan
    uses references of its own ("MA1", "SA1" ... for recommendations numbered 1 to 9), one for each recommendation,
    they name the recommendations in order; so do references that name none ("R1" to "R5"), one for each
    recommendation the report does not number."""
    rows, columns, ticks = [], None, {}
    for block in blocks:
        cells = segmentation.row_cells(block.text)  # ("| x": an empty first cell; "RSB 1 | | ...": one between)
        filled = [cell for cell in cells if cell.strip(" |")]
        if columns is not None and "ref" not in columns and len(filled) == 1 and (group := LABEL.match(filled[0])):
            rows.append({"ref": _clean_label(group.group("label")), "text": ""})  # a row across the table
            continue
        if len(cells) < 2:
            continue
        if header := _action_columns(cells) or _grouped_actions_header(cells):
            if header != columns or "ref" in header:
                rows.append(None)  # a new table: no row before (its header repeated over a page's rows goes on)
            columns = header
            # a matrix: a column for each recommendation ("Action | R1 | R2 | ... | Lead"), ticked for those it serves
            ticks = {i: cell.strip() for i, cell in enumerate(cells) if TICK_COLUMN.fullmatch(cell.strip())}
        elif columns is not None and block.heading and all(re.fullmatch(r"\D{1,40}", cell) for cell in cells):
            columns = None  # another table's header ("Date | Agency | Event"): the plan has ended
            rows.append(None)
        elif columns is not None:
            rows.append({role: _plain(cells[index]) if index < len(cells) else "" for role, index in columns.items()})
            rows[-1].setdefault("ref", "")
            if not rows[-1]["ref"] and rows[-1].get("ref2"):
                rows[-1]["ref"] = rows[-1]["ref2"]  # (keyed in the second register only)
            if not rows[-1]["ref"] and ticks:
                ticked = [label for i, label in ticks.items() if i < len(cells) and TICKED.fullmatch(cells[i].strip())]
                rows[-1]["ref"] = " / ".join(ticked) or "-"  # (a row that ticks none serves none)
            if not rows[-1]["ref"] and (tail := TRAILING_REF.search(rows[-1].get("text", ""))):
                rows[-1]["ref"] = tail["ref"]  # "Draft an exclusions protocol ... (11.1)": its recommendation after it
            if re.fullmatch(r"[\d.\s]+", rows[-1]["ref"]):  # "10.1 0": a number a narrow PDF column broke
                rows[-1]["ref"] = re.sub(r"\s+", "", rows[-1]["ref"])
    references = list(dict.fromkeys(row["ref"] for row in rows if row and row["ref"] and row["ref"] != "-"))
    named = {ref: _named_by(ref, proposed) or _by_finding_and_place(ref, proposed, findings) for ref in references}
    unnamed = [ref for ref in references if named[ref] is None]
    unlabelled = [r for r in proposed if not r.label and not any(r is found for found in named.values())]
    if references and not any(named.values()) and len(references) == len(proposed):
        named = dict(zip(references, proposed, strict=True))
    elif unnamed and len(unnamed) == len(unlabelled):  # ("R1" to "R5" for the five the report does not number)
        named.update(zip(unnamed, unlabelled, strict=True))
    current = []
    for row in rows:
        if row is None or row["ref"]:
            current = _row_recommendations(row["ref"], named, proposed) if row and row["ref"] != "-" else []
        for recommendation in current if row and row["text"] else []:
            fields = {role: row.get(role, "") for role in ("owner", "due", "status", "evidence")}
            recommendation.actions.append(ProposedAction(row["text"], **fields))
            if not recommendation.findings and row.get("finding"):  # "Critical issue | 1, 2": what it follows from
                recommendation.findings = _referenced(_finding_cell(row["finding"]), findings)


def _row_recommendations(reference, named, proposed):
    """The recommendations an action plan's row serves: the one its reference names, or each of several ("8.2(b) /
    8.7(b)": one action for two recommendations)."""
    parts = re.split(r"\s+/\s+|\s*;\s*|\s*,\s*|\s+(?:and|&)\s+", reference)  # (or "1.1 and 1.2", "5.1, 6.1")
    several = [_named_by(part, proposed) for part in parts] if len(parts) > 1 else []
    if several and all(several):
        return list({id(r): r for r in several}.values())
    return [named[reference]] if named[reference] is not None else []


# A column of an action plan's matrix headed by a recommendation's label ("R3", "Rec 3", "3"), and a tick in it.
TICK_COLUMN = re.compile(r"(?i:r|rec\.?\s*|recommendation\s+)?\d{1,2}")
TICKED = re.compile(r"[\u2713\u2714\u2611\u25cf\uf0fc\uf0feXx]|(?i:yes)")
# A recommendation's number in brackets at the end of an action: "... consult every secondary head teacher (11.1)".
TRAILING_REF = re.compile(r"\((?:rec(?:ommendation)?\.?\s*|r\s?)?(?P<ref>\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)\)\s*$", re.I)


def _grouped_actions_header(cells):
    """{role: column} of an action plan's header with no column for the recommendation ("Action | Lead | By when |
    RAG"): each recommendation is a row across the table above its actions. None for any other row."""
    roles = _action_roles(cells)
    if "text" not in roles and "ref" in roles and re.fullmatch(r"(?i)actions?", cells[roles["ref"]].strip()):
        roles["text"] = roles.pop("ref")  # ("Action" names the action's column here, not its number's)
    return roles if "text" in roles and "ref" not in roles and len(roles) >= 2 else None


def _actions_header(cells):
    """{role: column} of a table of actions with no reference column, set out under the recommendation they carry
    out ("Improvement action | Lead | By when | Outcome measure | Status"), else None."""
    roles = _action_roles(cells)
    known = "text" in roles and "ref" not in roles and len(roles) >= 3
    return roles if known and all(len(cell.split()) <= 5 for cell in cells) else None


def _action_roles(cells):
    """{role: column} of the cells of a header row that name an action plan's columns (ACTION_COLUMNS)."""
    roles = {}
    for index, cell in enumerate(_mended(cells)):
        text = re.sub(r"^[A-Z]\s*:\s+", "", " ".join(cell.split()))  # ("S: Specific action", a SMART plan's)
        sides = [text, *text.split(" / ")] if " / " in text else [text]  # ("Status / evidence", "Arweinydd / Lead")
        free = [role for side in sides for role, pattern in ACTION_COLUMNS if role not in roles and pattern.match(side)]
        if free:
            roles[free[0]] = index
    return roles


def _action_columns(cells):
    """{role: column} of an action plan's header row (it has a recommendation and an action column), else None."""
    roles = _action_roles(cells)
    if "ref" not in roles and "text" in roles:  # "Action | Task | ...": the action's number, then what it is
        task = next((i for i, text in enumerate(cells) if i not in roles.values() and TASK.match(text)), None)
        if task is not None:
            roles["ref"], roles["text"] = roles["text"], task
    if "ref" in roles and "text" in roles:
        ref = ACTION_COLUMNS[0][1]
        second = next((i for i, cell in enumerate(cells) if i not in roles.values() and ref.match(cell.strip())), None)
        if second is not None:
            roles["ref2"] = second  # "RSB ref | CSP ref | Action ...": a row may be keyed in either register
        return roles
    return None


def _by_finding_and_place(reference, proposed, findings):
    """The recommendation an action plan names by its finding and its place among that finding's ("F4(ii)": the
    second recommendation made under Finding 4), when the recommendations have no labels of their own."""
    found = re.fullmatch(r"\s*F(?:inding)?\s*(\d{1,2})\s*\(([ivx]{1,4}|\d{1,2}|[a-h])\)\s*", reference, re.IGNORECASE)
    if not found:
        return None
    index = next((i for i, f in enumerate(findings) if _finding_keys(f, i) == {found.group(1)}), None)
    under = [r for r in proposed if r.findings == [index]] if index is not None else []
    place = segmentation.series_number(f"({found.group(2)})")
    return under[place - 1] if 0 < place <= len(under) else None


# A reference's number after the words that may come before it: "Recommendation 3", "R3", "Action 3", "Min. 45".
NAMED_NUMBER = re.compile(
    r"(?:recommendation\s*|rec\s*|r\s*|action\s*|min(?:ute)?\s*)?(?P<n>\d{1,3}(?: \d{1,2})?[a-z]?)"
)


def _named_by(reference, proposed):
    """The recommendation an action plan's reference names: its label as written, or its number; for unnumbered
    recommendations, their place ("2.1": the second recommendation's first action)."""

    def keys(label):
        # each side of a label in two languages or two registers ("Cam gweithredu 1 / Action 1", "RSB 2 / CSP 1")
        sides = {" ".join(side.split()) for side in label.lower().replace(".", " ").split(" / ")}
        numbers = (NAMED_NUMBER.fullmatch(side) for side in sides)
        # and a label's initials with its number: "Area for improvement 1" is "AFI 1" in a plan
        spelt = (re.fullmatch(r"([a-z]+(?: [a-z]+){1,4}) (\d{1,2})", side) for side in sides)
        shorts = {("".join(word[0] for word in m.group(1).split()), m.group(2)) for m in spelt if m}
        initials = {f"{short}{gap}{number}" for short, number in shorts for gap in ("", " ")}
        return sides | initials | {number.group("n") for number in numbers if number}

    if _is_written_out(reference):  # the recommendation written out: "1. The Partnership should relaunch ..."
        words = _plain(SECTION_NUMBER.sub(r"\g<rest>", reference.strip(), count=1))[:60]
        return next((r for r in proposed if r.text.startswith(words) or words.startswith(r.text[:60])), None)
    wanted = keys(reference)
    named = next((r for r in proposed if r.label and keys(r.label) & wanted), None)
    if named is None and (lettered := re.fullmatch(r"(.+?)\s*\([a-h]\)", reference.strip())):
        return _named_by(lettered.group(1), proposed)  # "8.3(b)": the second action of recommendation 8.3
    place = re.fullmatch(r"(?:rec(?:ommendation)?\.?\s*)?(\d{1,2})(?:\.\d{1,2})?", reference.strip(), re.IGNORECASE)
    if named is None and place and all(not r.label for r in proposed) and 0 < int(place.group(1)) <= len(proposed):
        return proposed[int(place.group(1)) - 1]
    return named


def _recommendation_sections(all_sections):
    """The blocks of each recommendations section (not an action plan). A numbered recommendation whose line was
    read as a top-level heading ("1. The LSCB should revise its procedures so that", as a PDF's short lines can be)
    starts no section of its own: it and what follows it stay in the recommendations; so does the English recommendation
    after a Welsh one read as a heading."""
    out = []
    for section in all_sections:
        heading = section.heading
        numbered = heading is not None and re.fullmatch(r"\d{1,2}\.?", heading.number or "")
        sheet = heading is not None and segmentation.CONTINUATION_SHEET.match(heading.text.strip().lower())
        continued = heading is not None and re.search(r"\((?:continued|cont(?:'d|\.)?)\)$", heading.text.strip(), re.I)
        if (sheet or continued) and section.kind == "recommendations" and (found := [f for f in out if f]):
            found[-1] += section.blocks  # a continuation sheet at the end of the form, or the next page's "List of
            # recommendations (continued)": the section goes on there
            out.append(None)
        elif _background_only(section):
            out.append(None)  # "6. Recommendations from the single agency reports", "summarised below as background"
        elif (
            section.kind == "recommendations"
            or any("type" in (_columns(cells) or {}) for block in section.blocks if (cells := _cells(block.text)))
            or _table_of_learning_and_recommendations(section)
            or _says_it_recommends(section)
        ) and not _is_action_plan(section):
            out.append(_without_others_below(section.blocks))
        elif out and out[-1] is not None and section.kind == "other" and numbered and _asks_in_any(heading.text):
            plan = _plan_within(section)  # (up to an action plan under its own heading after it)
            out[-1] += [Block(heading.text, heading.page), *section.blocks[: plan - 1 if plan else None]]
        elif out and out[-1] is not None and section.kind == "other" and numbered and _restated(section):
            out[-1] += section.blocks  # a bilingual table's Welsh cell read as a heading, its English cell after it
        elif (found := [f for f in out if f]) and (added := _added_later(section)):
            found[-1] += added  # "... asked that it be read as action 7 of section 5. It is set out below."
            out.append(None)
        else:
            out.append(None)
    return [found for found in out if found]


# A paragraph inside the recommendations saying that what it sets out below is another body's: "Its recommendations
# are set out in Table 5, reproduced below for information. They are the Trust's and are not recommendations of this
# CMR."
OTHERS_BELOW = re.compile(
    r"\b(?:are|is)\s+not\s+(?:the\s+)?recommendations?\s+of\s+this\s+(?:review|report|cmr|cpr|lcspr|cspr|scr|susr)\b",
    re.IGNORECASE,
)
NEXT_NUMBERED = re.compile(r"^\d{1,2}\.(?:\d{1,2})?\s")
CAPTION = re.compile(r"^(?:table|figure|box|chart)\s+\d{1,2}\b", re.IGNORECASE)


def _without_others_below(blocks):
    """A recommendations section's blocks without what a paragraph says is another body's, from that paragraph to the
    next numbered paragraph or heading ("6.4 ...")."""
    out, skipping = [], False
    for block in blocks:
        heading = block.heading and not CAPTION.match(block.text) and not re.search(r"[|,]", block.text)
        if skipping and (heading or NEXT_NUMBERED.match(block.text)):
            skipping = False  # (a table's caption or header row, "Table 5: SAI recommendations (Trust)", is what is
            # set out; a numbered paragraph or another heading, "6.4 ...", "Recommendation 3: ...", is the review's)
        if not skipping and not block.heading and OTHERS_BELOW.search(block.text):
            skipping = True
        if not skipping:
            out.append(block)
    return out


# A paragraph saying the recommendations below are set out for context: "summarised below as background".
AS_BACKGROUND = re.compile(
    r"\b(?:as|for)\s+(?:background|information|context)\b|\bnot\s+(?:the\s+)?recommendations\s+of\s+this\s+review\b",
    re.IGNORECASE,
)


def _background_only(section):
    """Whether a section sets out other reviews' or the agencies' own recommendations, headed so ("Recommendations
    from the single agency reports") and saying they are given as background, not as this review's."""
    heading = section.heading
    opening = [block.text for block in section.blocks[:3] if not block.heading]
    if any(NOT_THIS_REVIEWS.search(text) for text in opening):
        return True  # "The review panel proposed the following ... They are not the recommendations of this review"
    if heading is None or not OTHERS_TABLE.match(SECTION_NUMBER.sub(r"\g<rest>", heading.text.strip(), count=1)):
        return False
    return any(AS_BACKGROUND.search(text) for text in opening)


NOT_THIS_REVIEWS = re.compile(
    r"\b(?:they|these)\s+are\s+not\s+(?:the\s+)?recommendations\s+of\s+(?:this|the)\s+review\b", re.IGNORECASE
)


# A later section that adds one to the recommendations: "the reviewers have asked that it be read as action 7".
READ_AS_ONE_OF_THEM = re.compile(
    r"\b(?:read|treated|taken)\s+as\s+(?:action|recommendation)\s+\d{1,2}\b", re.IGNORECASE
)


def _added_later(section):
    """The blocks after a paragraph of a section (a chair's statement) saying that what follows is to be read as one
    of the recommendations; [] for any other section."""
    for index, block in enumerate(section.blocks):
        if not block.heading and READ_AS_ONE_OF_THEM.search(block.text):
            return list(section.blocks[index + 1 :])
    return []


# A chapter that holds the conclusions and the recommendations together: "9. Conclusions and recommendations".
CONCLUSIONS_AND_RECOMMENDATIONS = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:conclusions?|summary|overall conclusions?)\s+(?:and|&)\s+recommendations$", re.IGNORECASE
)


# A recommendation in Welsh: "6. Dylai Llywodraeth Cymru ystyried ..." ("The Welsh Government should consider ...").
WELSH_ASKS = re.compile(r"^(?:\d{1,2}\.?\s+)?(?:dylai|dylid|dylent|dylen)\b", re.IGNORECASE)


def _asks_in_any(text):
    """Whether a line asks someone to act, in English or in Welsh (the Welsh page of facing pages)."""
    return _asks(text) or bool(WELSH_ASKS.match(text))


# A chapter under a heading of its own words that says it holds the recommendations: "31. This chapter sets out the
# panel's recommendations and its reasons." (under "Moving forward").
SETS_OUT_RECOMMENDATIONS = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:this|the\s+following)\s+(?:chapter|section|part)\s+(?:sets\s+out|contains|gives)"
    r"\s+(?:the\s+)?(?:[\w'\u2019]+\s+)?recommendations\b"
    # "5.1 The Panel's recommendations are set out below, in the right-hand part of the table."
    r"|^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:the|our)\s+(?:(?:panel|review|reviewers?|author|board)['\u2019]s?\s+)?"
    r"recommendations\s+are\s+(?:set\s+out|given|listed|shown)\s+(?:below|in\s+(?:the\s+)?table)"
    r"|^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?these\s+are\s+the\s+recommendations\s+of\s+(?:the|this)\s+(?:[\w-]+\s+)?review\b",
    re.IGNORECASE,
)


# Another body's recommendation, told of and not made again: "... and has not repeated it", "is not repeated here".
NOT_REPEATED = re.compile(
    r"\b(?:has|have|is|are|was|were)\s+not\s+(?:been\s+)?repeated\b|\bnot\s+repeated\s+here\b"
    # ... or one the panel weighed and did not make: "The panel discussed whether to recommend that ..."
    r"|\b(?:discussed|considered|debated|weighed)\s+whether\s+to\s+(?:recommend|make)\b"
    r"|\bdecided\s+not\s+to\s+(?:recommend|make)\b",
    re.IGNORECASE,
)


def _says_it_recommends(section):
    """Whether a section that is not named for its recommendations says, first, that it sets them out."""
    first = next(
        (block for block in section.blocks if not block.heading and not TEMPLATE_EXTRACT.match(block.text.strip())),
        None,
    )
    return (
        section.kind not in ("skip", "recommendations")
        and first is not None
        and bool(SETS_OUT_RECOMMENDATIONS.match(first.text))
    )


def _table_of_learning_and_recommendations(section):
    """Whether a section named for its learning and recommendations ("7. Learning and recommendations", "6. Key
    practice episodes and recommendations") sets them out in a table with a recommendations column ("Theme | What we
    learned | Recommendations", "KPE | Period | What happened | Analysis | Recommendation")."""
    heading = section.heading
    if heading is None or section.kind in ("skip", "recommendations"):
        return False
    if not re.search(r"\brecommendations?\b", heading.text, re.IGNORECASE):
        return False
    headers = [cells for block in section.blocks if (cells := _cells(block.text)) and _is_header(cells)]
    return any(re.match(r"recommend", cell, re.IGNORECASE) for cells in headers for cell in cells)


def _restated(section):
    """Whether a numbered heading's section holds, under the same number, a recommendation in English: the Welsh
    cell of a "Cymraeg | English" table, which a PDF gives first ("1. Dylai'r Bwrdd ..." then "1. The Board
    should ...")."""
    number = section.heading.number.rstrip(".")
    return any(re.match(rf"{number}\.?\s", block.text) and _asks(block.text) for block in section.blocks)


def names_recommendations(pages):
    """Whether the report has a recommendations section, or recommendations labelled as such."""
    blocks = read_blocks(pages)
    return any(s.kind == "recommendations" and not _is_action_plan(s) for s in sections(blocks)) or any(
        re.match(r"^recommendation\s*\d", block.text, re.IGNORECASE) for block in blocks
    )


def _plan_columns(text):
    """The roles of an action plan's columns when the text is such a table's header row; {} for any other text."""
    cells = _cells(text)
    return (_action_columns(cells) or {}) if cells else {}


def _is_action_plan(section):
    """Whether a section is an action plan: its heading says so, and, when it also names the recommendations
    ("Recommendations and action plan"), its table sets actions apart from them (an action column). One table of
    "Recommendation | Agency | Timescale | RAG" is the recommendations, with their plan."""
    heading = section.heading
    if heading is None or not ACTION_PLAN.search(heading.text):
        return False
    if re.search(r"\brecommendations?\b", heading.text, re.IGNORECASE):
        tables = any(_action_columns(_cells(block.text)) for block in section.blocks if " | " in block.text)
        return tables and not _combined(section)
    return True


def _combined(section):
    """Whether a section's table sets each recommendation out in full beside its actions ("Recommendation | Action |
    Lead | Timescale", the recommendation's cell empty on its further actions' rows): the reference column holds the
    recommendations' own words."""
    roles, written = None, None
    for block in section.blocks:
        cells = _cells(block.text)
        if not cells:
            continue
        if header := _action_columns(cells):
            roles = header  # (and a "Recommendation" column beside the references, as a tracker has: its words)
            written = next(
                (i for i, cell in enumerate(_mended(cells)) if re.fullmatch(r"(?i)recommendations?", cell)), None
            )
        elif roles and any(
            i is not None and i < len(cells) and _is_written_out(cells[i]) for i in (roles["ref"], written)
        ):
            return True
    return False


def _is_written_out(cell):
    """Whether a table cell holds a recommendation's words rather than its reference ("3", "CSC 2", "Rec 4")."""
    return len(cell.split()) >= 6 and bool(DIRECTIVE.search(cell))


def _fullest(lists):
    """One list of recommendations: a restatement (the executive summary's, the same labels or fewer words) gives way
    to the fuller list; lists of different recommendations (multi-agency, then single-agency) are all kept."""
    kept = []
    for found in lists:
        labels = [r.label for r in found]
        words = sum(len(r.text.split()) for r in found)
        same = [
            k
            for k in kept
            if [r.label for r in k] == labels
            or (not _numbered_apart(k, found) and _overlap(k, found))
            or _restates(k, found)
        ]
        if same:
            other = same[0]
            if words > sum(len(r.text.split()) for r in other):
                kept[kept.index(other)] = found
            continue
        kept.append(found)
    return [r for found in kept for r in found]


def _label_key(label):
    """A label as a key: "1.2" of "Recommendation 1.2", "R1.2" or "1.2"; "csc 1" of "CSC 1"."""
    key = re.sub(r"^(?:recommendations?\s*(?:no\.?\s*)?|r\s?(?=\d))", "", label.strip().rstrip(".):").lower())
    return key if re.search(r"\d", key) else ""


def _numbered_apart(first, second):
    """Whether two lists number their recommendations apart ("6.2" to "6.5", then "6.6" to "6.9"): not one list
    restating the other, however alike their words."""
    keys = [{_label_key(r.label) for r in found} for found in (first, second)]
    return all("" not in k for k in keys) and not keys[0] & keys[1]


def _restates(first, second):
    """Whether either list restates some of the other's recommendations in fewer words under the same numbers (a
    summary table of short forms: "1.2 | Revise child in need closure procedure" for "Recommendation 1.2: ...")."""
    for short, full in ((first, second), (second, first)):
        by_key = {_label_key(r.label): r for r in full if _label_key(r.label)}
        if short and all(
            (other := by_key.get(_label_key(r.label)))
            and len(r.text.split()) < len(other.text.split())
            and _shares_words(r.text, other.text)
            for r in short
        ):
            return True
    return False


def _shares_words(short, full):
    """Whether most of a short text's longer words are in a fuller one."""
    words = set(re.findall(r"[a-z]{4,}", short.lower()))
    return bool(words) and len(words & set(re.findall(r"[a-z]{4,}", full.lower()))) >= 0.5 * len(words)


def _overlap(first, second):
    """Whether two lists say mostly the same things (a summary restating the recommendations in fewer words)."""

    def words(found):
        return [set(re.findall(r"[a-z]{4,}", r.text.lower())) for r in found]

    a, b = words(first), words(second)
    if not a or not b or abs(len(a) - len(b)) > max(1, len(a) // 3):
        return False
    matched = sum(any(len(x & y) >= 0.5 * min(len(x), len(y)) for y in b) for x in a if x)
    return matched >= 0.7 * len(a)


def _rows_whole(blocks):
    """The blocks with each table row that segmentation read as a finding's heading and text ("Theme 1: ... | <the
    recommendation> | <its outcome>") whole again: its cells are the table's columns."""
    out, headed = [], False  # (under a header row naming its columns: "Theme | Recommendation | Intended outcome")
    width, short = 0, False  # (the header's cells; whether the last row has fewer, its cells' paragraphs cut apart)
    for block in blocks:
        if headed and block.row and out and out[-1].row == block.row and out[-1].heading and not block.heading:
            out[-1] = Block(block.row, block.page)
            continue
        cells = _cells(block.text)
        apart = CELL_PARAGRAPH.match(block.text) or CELL_BULLET.match(block.text)
        if short and apart and len(_cells(f"{out[-1].text} {block.text}")) <= width:
            # a row whose cells' paragraphs a text export set apart: "... | LSCB 1", "LSCB 2", "LSCB 3 | 1", "3", "2";
            # "Police | • The force should ...", "• The force should ... | POL 1 POL 2 | 2"
            out[-1] = Block(f"{out[-1].text} {block.text.strip()}", out[-1].page)
            continue
        if cells and _is_header(cells):
            width = len(cells)
        short = bool(headed and cells and len(cells) < width)
        headed = bool(cells and _is_header(cells)) or (headed and bool(cells or block.row))
        out.append(block)
    return out


# A paragraph of a table's cell set apart from its row: a label or a finding's number, perhaps with the next cell's
# ("LSCB 3 | 1", "3", "HV 2").
CELL_PARAGRAPH = re.compile(r"^\s*[A-Za-z&/]{0,6}\s?\d{1,2}(?:\.\d{1,2})?(?:\s*\|\s*[A-Za-z&/]{0,6}\s?\d{1,2})*\s*$")


def _from_blocks(blocks):
    """The recommendations of a recommendations section (or of the part after a finding), in order."""
    # (a change Word printed as tracked is no part of the report: "Deleted: 7. The Board should ...")
    kept = [block for block in blocks if not TRACKED_CHANGE.match(block.text.strip())]
    return _SectionReader().read(_inline_items(_rows_whole(_read_out_rows(_columns_read_down(kept)))))


def _columns_read_down(blocks):
    """The blocks with a table that a text layer read column by column (a rotated page: "No.", "1", "2", "3", then
    "Action" and its three cells, then "Lead" and its three ...) set out again row by row. The numbers under the first
    column's heading say how many rows there are, or, when the text layer lost them (figures alone on a line are read
    as page numbers), the cells of the next column; the rows are then numbered on from the table before."""
    out, index, last = [], 0, 0
    while index < len(blocks):
        table = _read_down_at(blocks, index, last)
        if table is None:
            out.append(blocks[index])
            index += 1
            continue
        rows, index, last = table
        out.extend(rows)
    return out


def _read_down_at(blocks, start, last):
    """(the rows, the index after the table, its last row's number) of a table read down its columns that starts at
    blocks[start], or None. last: the number of the last row of the table before (for numbers the text lost)."""
    if not segmentation.NUMBER_COLUMN.match(blocks[start].text.strip()):
        return None
    numbers = []
    for block in blocks[start + 1 :]:
        if not block.text.strip().isdigit() or (numbers and int(block.text) != int(numbers[-1]) + 1):
            break
        numbers.append(block.text.strip())
    at = start + 1 + len(numbers)
    if not numbers:  # (lost: as many as the next column's cells, up to the heading after them)
        count = next((i for i, b in enumerate(blocks[at + 1 :]) if b.heading and _read_down_heading(b.text)), 0)
        numbers = [str(last + n) for n in range(1, count + 1)]
    columns = [[blocks[start].text.strip(), *numbers]]
    while at < len(blocks) and len(numbers) >= (1 if last else 2):  # (one row alone only where a table goes on)
        head = blocks[at].text.strip()
        if not _read_down_heading(head):
            break
        cells = []
        for block in blocks[at + 1 : at + 1 + len(numbers)]:
            if segmentation.NUMBER_COLUMN.match(block.text.strip()) or block.page != blocks[at].page:
                break  # (the next table, or the next page, before this column's cells ran out)
            cells.append(block.text.strip())
        if not cells:
            break
        columns.append([head, *cells, *[""] * (len(numbers) - len(cells))])
        at += 1 + len(cells)
    if len(columns) < 3:
        return None
    page = blocks[start].page
    rows = [Block(" | ".join(column[0] for column in columns), page, heading=True)]
    rows += [Block(" | ".join(column[row] for column in columns), page) for row in range(1, len(numbers) + 1)]
    return rows, at, int(numbers[-1])


def _read_down_heading(text):
    """Whether a paragraph reads as a column's heading: a few words, no sentence, no figure alone."""
    return 0 < len(text.split()) <= 5 and not text.endswith((".", ":", ";")) and not text.isdigit()


# A table read out row by row, as an accessible text-only version gives it: "Row 1. Number: 1. Recommendation: The
# SBNI should ... Level: Regional. Lead: SBNI."; and each of its fields' names, after a sentence's end.
READ_OUT_ROW = re.compile(r"^Row\s+\d{1,3}\.\s+(?P<rest>\S.*)$", re.DOTALL)
READ_OUT_FIELD = re.compile(r"(?:^|(?<=\.\s))(?P<name>[A-Z][A-Za-z'\u2019 ]{0,30}):\s+")


def _read_out_rows(blocks):
    """The blocks with a table read out row by row set out again as a table: a header row of the fields the first
    row names, then each row's values in those columns ("1 | The SBNI should ... | Regional | SBNI")."""
    out, names = [], None
    for block in blocks:
        row = READ_OUT_ROW.match(block.text.strip())
        fields = list(READ_OUT_FIELD.finditer(row.group("rest"))) if row else []
        if len(fields) < 2 or fields[0].start() != 0:
            out.append(block)
            names = None
            continue
        if names is None:
            names = [field.group("name") for field in fields]
            out.append(Block(" | ".join(names), block.page, heading=True))
        fields = [field for field in fields if field.group("name") in names]
        ends = [field.start() for field in fields[1:]] + [len(row.group("rest"))]
        rest = row.group("rest")
        values = {f.group("name"): rest[f.end() : end].strip() for f, end in zip(fields, ends, strict=True)}
        cells = [values.get(name, "") for name in names]  # (a short value's full stop is the reading's, not its own)
        cells = [cell[:-1] if cell.endswith(".") and len(cell.split()) <= 4 else cell for cell in cells]
        out.append(Block(" | ".join(cells), block.page))
    return out


# A designed page's cell as a PDF gives it: its heading in capitals, then its numbered recommendations run together
# ("SAFE 1. The Child Protection Committee should ... (Key learning 2) 2. Police Scotland should ..."); a sub-heading
# before them ("Actions for the Board: 1. The Board should ...").
CAPITAL_WORDS = r"[A-Z]{3,}(?:\s+[A-Z]{3,}){0,3}"  # a designed cell's heading: "SAFE", "HEALTHY", "NURTURED"
CAPITAL_HEAD = re.compile(rf"^{CAPITAL_WORDS}(?:\s*\((?i:continued)[^)]{{0,40}}\))?\s+(?=\d{{1,2}}\.\s+[A-Z])")
LEAD_GROUP = re.compile(r"^[A-Z][^.:;()]{2,80}:\s+(?=\d{1,2}\.\s+[A-Z])")


def _inline_items(blocks):
    """Paragraphs that run numbered items together, each item a block of its own: the numbers in sequence, each
    after a sentence's end or a sub-heading's colon; a heading before the first is left out, and words before it in
    small letters (the rest of an item a page break cut) are a block of their own."""
    out = []
    for block in blocks:
        text = block.text
        if (cells := _cells(text)) and _numbered_cells(cells, block.page):
            out.append(block)  # (a row whose cells each hold numbered recommendations: read as a row)
            continue
        if not block.heading and " | " not in text:
            head = CAPITAL_HEAD.match(text)
            if head and (len(head.group().strip()) >= 6 or len(_number_run(text[head.end() :])) >= 2):
                text = text[head.end() :]  # ("SAFE 1. ... 2. ...", "HEALTHY 3. ..."; not a code: "LSP 1. ...")
            text = LEAD_GROUP.sub("", text, count=1)
        run = _number_run(text) if text == block.text or not block.heading else []
        if len(run) < 2 or (run[0].start("n") and not text[:1].islower()):
            out.append(block if text == block.text else replace(block, text=text))
            continue
        starts = [0] if run[0].start("n") else []
        starts += [mark.start("n") for mark in run]
        pieces = [GROUP_END.sub("", text[a:b]).strip() for a, b in itertools.pairwise([*starts, len(text)])]
        out.extend(replace(block, text=piece) for piece in pieces if piece)
    return out


def _number_run(text):
    """The marks of numbered items in a text that count up by one from the first ("1.", "2.", ...)."""
    run = []
    for mark in CELL_NUMBER.finditer(text):
        if not run or int(mark.group("n")) == int(run[-1].group("n")) + 1:
            run.append(mark)
    return run


class _SectionReader:
    """Reads a recommendations section block by block. Each kind of table it can be in the middle of (a grid, a
    table keyed by reference, work already planned, a card, a table of actions, a table of recommendations) keeps
    its state until a block that is not its own ends it; paragraphs and headings are read after them."""

    def __init__(self):
        self.out = []
        self.current = None  # the recommendation the next paragraph may go on
        self.columns = None  # the roles of a table of recommendations' columns, from its header
        self.group = ""  # whom the recommendations that follow ask, from a sub-heading or a stem
        self.letters = 0  # the lettered recommendations ("A Publish ...") read so far
        self.card = False  # inside a card: "Recommendation 2 | Department for Education", then its named rows
        self.aside = False  # after a paragraph saying the table that follows is work already planned: none of its rows
        self.aside_rows = False  # whether that table's rows have begun
        self.aside_paragraphs = False  # after that table's header read as a line (a PDF's): its rows, as paragraphs
        self.actions = None  # (the recommendation, the columns) of a table of actions set out under a recommendation
        self.grid = None  # the recommendations of a grid, one a column, whose rows are their parts
        self.other_label = ""  # the label of a recommendation's row in Welsh, for its English row below
        self.by_ref = None  # the columns of a table that goes on the recommendations above, by their references
        self.listed_from = 0  # where in out the recommendations start that "For consideration by: ..." would address
        self.themes = []  # (where in out, label) of each finding's heading the recommendations are grouped under
        self.timed_from = None  # where in out a table of numbered recommendations set out by when (its columns) starts
        self.header_words = []  # lines of nothing but "Recommendation N": a grid's header row run together
        self.other_type = False  # whether a typed log's last row was of another type than a recommendation
        self.stem = None  # a stem whose lettered parts each name their own lead: each part is a recommendation
        self.numbers = []  # (where in out, number) of a number set alone above a recommendation ("01", its title)
        self.width = 0  # the number of columns of the table of recommendations being read
        self.tabled = False  # whether a table of this review's recommendations (no progress column) has been read
        self.earlier = False  # after a paragraph saying an earlier review made the recommendations listed after it
        self.titled = None  # a recommendation begun by its label and title, until the paragraph after says it asks
        self.parts = []  # (where in out, letter) of each "Part A: ..." heading

    def read(self, blocks):
        # a plan whose rows say where each comes from ("Source": "CPR 2/2015 (Learning point 1)", "Business Plan
        # 2014"): this review's rows are those from the source that cites its learning
        self.own_sources = _own_sources(blocks)
        # a page of side-notes beside paragraphs ("Recommendation 1 | 7.5 The LSCB should ...", "Lesson 1 | ..."):
        # only the paragraphs noted as recommendations are
        self.side_notes = any(
            (cells := _cells(block.text)) and len(cells) == 2 and SIDE_NOTE.fullmatch(cells[0].strip())
            for block in blocks
        )
        for block in blocks:
            if trailing := CONTINUED_AT_END.search(block.text):  # ("... each such event in turn, Continued on ...")
                block = replace(block, text=block.text[: trailing.start()])
            cells = _cells(block.text)
            if ALONE_NUMBER.fullmatch(block.text.strip()):
                self.numbers.append((len(self.out), block.text.strip()))
                continue
            self.timed_from = None if block.heading and not cells else self.timed_from
            if self._grid_block(block, cells) or self._aside_block(cells):
                continue
            if self._card_block(block, cells) or self._actions_block(cells):
                continue
            if self.aside_paragraphs and not cells and not block.heading and FLAT_ROW.match(block.text):
                continue  # a row of that table as a PDF gives it, under its header line ("IA1 Throughcare ...")
            # (a caption or paragraph saying the table that follows is work already planned, or another review's)
            others = bool(OTHERS_TABLE.match(block.text.strip()))
            self.aside = not cells and (bool(ALREADY.search(block.text)) or others) and not BELOW.search(block.text)
            self.aside_paragraphs = self.aside and len(block.text.split()) <= 6  # "No. Improvement already under way"
            if not cells and TEMPLATE_EXTRACT.match(block.text.strip()):
                continue  # a box quoting the report template's guidance, or its example ("For example: ...")
            if self.earlier and not cells and segmentation.LISTED.match(block.text.strip()):
                continue  # an item of the earlier review's list
            self.earlier = not cells and bool(EARLIER_MADE.search(block.text))
            # a page's running header set as a narrower row over a landscape page ("Northshire CPC | ... | Page 9")
            if cells and self.columns and len(cells) < self.width and segmentation.RUNNING_HEADER.match(block.text):
                continue
            if cells and len(cells) >= 2:
                self._table_row(block, cells)
            elif not self._annotation(block.text.strip()):
                if block.heading and not block.text.strip()[:1].islower():  # (a line in small letters goes on a
                    self._heading(block)  # sentence: "recommendation 4 will be carried out through ...")
                else:
                    self._paragraph(block)
        return self._result()

    def _grid_block(self, block, cells):
        """Whether the block is a grid's (one recommendation a column) or a table keyed by the references above."""
        if not cells and GRID_LINE.match(line := block.text.strip()) and (self.header_words or _grid_line(line)):
            self.header_words.append(line)  # a grid's header as a PDF may give it, its cells run together
            return True
        if cells and self.header_words and (labels := _grid_labels(self.header_words, len(cells) - 1)):
            self.grid = [ProposedRecommendation("", label, block.page) for label in labels]
            self.out.extend(self.grid)
        self.header_words = []
        if cells and (labels := _grid_header(cells)):  # "| Recommendation 1 | Recommendation 2": one a column
            self.grid = [ProposedRecommendation("", label, block.page) for label in labels]
            self.out.extend(self.grid)
            self.current = None
            return True
        if cells and (keyed := _keyed_header(cells)) and self.out:
            self.by_ref = keyed  # "Ref | Lead agency | Target date | ...": the rest of the table above, by references
            self.current = None
            return True
        if self.by_ref and cells and len(cells) > self.by_ref["label"]:
            _keyed_row(cells, self.by_ref, self.out)
            return True
        self.by_ref = None
        if self.grid and cells and len(cells) > 1:  # "What we recommend | <1> | <2>", "Who | ...", "Finding | ..."
            _grid_row(cells, self.grid)
            return True
        self.grid = None
        return False

    def _aside_block(self, cells):
        """Whether the block is a row of a table of work already planned (no recommendation) or its header."""
        if cells and all(len(cell.split()) <= 6 for cell in cells) and any(ALREADY.search(cell) for cell in cells):
            self.aside = True  # "No. | Improvement already under way": its rows are no recommendations
            return True
        if cells and self.tabled and _is_header(cells) and _progress_header(cells):
            self.aside, self.aside_rows = True, False  # after the review's own, a table of an earlier review's
            return True  # recommendations with the progress made on each ("... | Progress reported in 2003")
        if cells and self.aside and "type" in (_columns(cells) or {}):
            self.aside = False  # a typed log after it, which says of each row whether it is a recommendation
        if cells and self.aside and not (_is_header(cells) and self.aside_rows):
            self.aside_rows = self.aside_rows or not _is_header(cells)
            return True  # a row of work already planned (a table after it, with a header of its own, is not)
        self.aside = self.aside and not cells
        self.aside_rows = False
        return False

    def _card_block(self, block, cells):
        """Whether the block is a card's: "Recommendation 2 | Department for Education", then its named rows."""
        if cells and (header := _card_header(cells)):
            self.current = ProposedRecommendation("", _clean_label(header.group("label")), block.page)
            self.current.addressee_text = _plain(cells[1])
            self.out.append(self.current)
            self.card, self.columns = True, None
            return True
        if self.card and cells and len(cells) == 2 and len(cells[0].split()) <= 5:  # a row of the card
            if CARD_TEXT.match(cells[0]) and not self.current.text:
                self.current.text = _plain(cells[1])
            elif TABLE_FINDING.match(cells[0]):
                self.current.reference = _finding_cell(cells[1])
            return True  # ("Why", "What success looks like": not the recommendation)
        self.card = False
        return False

    def _actions_block(self, cells):
        """Whether the block is a row of a table of actions set out under the recommendation above, or its header."""
        if cells and (roles := _actions_header(cells)) and self.out:
            self.actions = (self.out[-1], roles)  # "Improvement action | Lead | By when | ...": the one above's
            self.current = None
            return True
        if cells and self.actions:
            recommendation, roles = self.actions
            row = {role: _plain(cells[index]) if index < len(cells) else "" for role, index in roles.items()}
            if row["text"]:
                fields = {role: row.get(role, "") for role in ("owner", "due", "status", "evidence")}
                recommendation.actions.append(ProposedAction(row["text"], **fields))
            return True
        if not cells:
            self.actions = None
        return False

    def _table_row(self, block, cells):
        """A row of a table of recommendations (its header, its rows, a row that goes on the one above)."""
        out, columns = self.out, self.columns
        if columns is None or _is_header(cells):
            columns = self.columns = _columns(cells) if _is_header(cells) else None
            self.width = len(cells)
            self.tabled = self.tabled or (columns is not None and not _progress_header(cells))
            if columns is not None:
                self.current = None
                return
        source = cells[columns["source"]] if columns and columns.get("source", len(cells)) < len(cells) else ""
        if source and _source_code(source) not in self.own_sources:
            self.current = None
            return  # a plan's row from another source ("Business Plan 2014", another review): none of this one's
        if columns is None and (numbered := _numbered_cells(cells, block.page)):
            # "Now | Next | Later" over cells of numbered recommendations: read down each column, in number order
            timed = out[self.timed_from :] if self.timed_from is not None else []
            self.timed_from = len(out) - len(timed)
            out[self.timed_from :] = sorted([*timed, *numbered], key=lambda r: int(r.label))
            self.current = None
            return
        if columns is None and (coded := _coded_cells(cells, block.page)):
            out.extend(coded)  # a designed page's regions, each headed by whom it asks ("LOCAL AUTHORITY R2 Give ...")
            self.current = None
            return
        self.timed_from = None if any(DIRECTIVE.search(cell) for cell in cells) else self.timed_from  # (its header)
        if columns and "to" in columns and (numbers := _numbers_in(cells, columns)):
            # "1, 5 | SBNI | Regional": a table saying who is responsible for the recommendations listed above
            for recommendation in out:
                if recommendation.label in numbers and not recommendation.addressee_text:
                    recommendation.addressee_text = _plain(cells[columns["to"]])
            self.current = None
            return
        if columns and "language" in columns and columns["language"] < len(cells):
            language = cells[columns["language"]].strip().lower()
            at = columns.get("label")
            if language in OTHER_LANGUAGES:  # "1 | Cymraeg | Dylai'r Bwrdd ...": the English row after it says it
                self.other_label = cells[at] if at is not None and at < len(cells) else ""
                return
            if at is not None and at < len(cells) and not cells[at] and self.other_label:
                cells = [*cells[:at], self.other_label, *cells[at + 1 :]]  # ("| English | The Board should ...")
        self.current = None
        if columns and "type" in columns:
            kind = cells[columns["type"]].strip() if columns["type"] < len(cells) else ""
            if kind or not _row_goes_on(cells, columns):
                self.other_type = not TYPED_RECOMMENDATION.match(kind)
            if self.other_type:
                return  # a log's learning, effective practice or agency action (or the rest of it after a break)
        if self.side_notes and columns is None and len(cells) == 2:
            self._side_noted(block, cells)
            return
        if columns is None and len(cells) == 2 and self._numbered_cell(block, cells):
            return
        coded = [LABEL.match(cell) for cell in cells] if columns is None else []
        coded = [match for match in coded if match and DIRECTIVE.search(match.group("rest"))]
        if LEAD_ROW.fullmatch(cells[0]) and out and not out[-1].addressee_text:
            out[-1].addressee_text = _plain(cells[-1])  # "Lead | The Department for Education": the row above's
        elif len(coded) >= 2:  # a grid: "CPC 2 - The CPC should ... | COG 1 - The COG should ...", a cell each
            out.extend(_grouped(_labelled(match, block.page), self.group) for match in coded)
        elif _row_goes_on(cells, columns) and out:  # the rest of the row above, after a page break
            out[-1].text = f"{out[-1].text} {_plain(cells[columns['text']])}"
        else:
            for found in _from_row(cells, columns, block.page):
                if columns and "label" in columns and not found.label and not DIRECTIVE.search(found.text):
                    continue  # a table's closing row, no label and asking nothing ("Return completed by ...")
                if any(found.text == earlier.text and found.label == earlier.label for earlier in out):
                    continue  # a tracker's next action row, the recommendation written again on it, or a table's
                    # first row set again under its header on each page
                merged = columns and ("finding" in columns or (cells[0] == "" and "label" in columns))
                if merged and not found.reference and out and out[-1].reference:
                    found.reference = out[-1].reference  # an empty cell under the row above's: a merged cell
                out.append(_grouped(found, self.group))

    def _numbered_cell(self, block, cells):
        """Whether a row of a table without a header lists numbered recommendations in a cell (a bilingual spread:
        the English cell), perhaps under sub-headings ("Actions for agencies:"); its first words may be the rest of
        one a page break cut ("and should record the outcome ...")."""
        english = [cell for cell in cells if not re.search(r"\b(?:dylai|dylid|dylent)\b", cell, re.IGNORECASE)]
        text = max(english or cells, key=len)
        run = _number_run(text)
        prefix = GROUP_END.sub("", text[: run[0].start()]).strip() if run else ""
        unfinished = self.out and not self.out[-1].text.rstrip().endswith(END_MARKS)
        if len(run) < 2 and not (run and _goes_on(prefix) and unfinished):
            return False
        if _goes_on(prefix) and unfinished:
            self.out[-1].text = _plain(f"{self.out[-1].text} {prefix}")
            _tag_finding(self.out[-1])
        for mark, end in zip(run, [*(mark.start() for mark in run[1:]), len(text)], strict=True):
            item = GROUP_END.sub("", text[mark.end() : end]).strip()
            if DIRECTIVE.search(item):
                self._add(ProposedRecommendation(_plain(item), mark.group("n"), block.page))
                _tag_finding(self.current)
        return True

    def _side_noted(self, block, cells):
        """A paragraph beside its side-note: a recommendation when the note says so (its paragraph number aside); the
        rest of the one above after a page break when the note is empty; else none."""
        note, text = cells[0].strip(), cells[1].strip()
        if SIDE_NOTE.fullmatch(note):
            self._add(ProposedRecommendation(_plain(SECTION_NUMBER.sub(r"\g<rest>", text, count=1)), note, block.page))
        elif not note and self.current is not None and not self.current.text.endswith((".", ")")):
            self.current.text = _plain(f"{self.current.text} {text}")
        else:
            self.current = None

    def _annotation(self, text):
        """Whether the paragraph says something of recommendations already read: what finding, whom they ask."""
        out = self.out
        if (linked := LINKED.match(text)) and out:  # "Linked learning: Key learning 2", of the one above
            out[-1].reference = _plain(linked.group("to") or linked.group("bare"))
        elif considered := CONSIDERED_BY.match(text):  # whom the list above asks
            for recommendation in out[self.listed_from :]:
                recommendation.addressee_text = recommendation.addressee_text or _plain(considered.group("to"))
            self.listed_from = len(out)
        elif CONTINUED_ON.match(text):
            return True  # "Continued on Continuation Sheet C2": the recommendation goes on elsewhere
        elif FIELD.match(text) and out:
            pass  # (what the recommendation above is for, or how it will be known to work; a form's signature)
        elif (lead := LEAD_PARAGRAPH.match(text)) and out and not out[-1].addressee_text:
            out[-1].addressee_text = _plain(lead.group("to"))  # "Lead Department for Education": a table's row, read
            # as a line of its own (a PDF's), saying whom the one above asks
            if out[-1] is self.current and not self.current.text:
                return True  # (under a recommendation's heading, before its text: "Recommendation 1", "Lead: ...")
        else:
            return False
        self.current = None
        return True

    def _heading(self, block):
        """A heading: a recommendation's label (and perhaps its text), whom those below ask, or a finding's title."""
        text = block.text.strip()
        if part := PART_HEADING.match(text):
            self.parts.append((len(self.out), part.group("letter").upper()))
        # ("8.2 Recommendation 1 \u2013 The service should ...": the paragraph's number aside)
        label = LABEL.match(text) or LABEL.match(SECTION_NUMBER.sub(r"\g<rest>", text))
        if self.current is not None and not self.current.text and not label and _asks(text):
            self._paragraph(block)  # the text under a heading per recommendation, short enough for a heading itself
            return
        self.current, self.listed_from = None, len(self.out)
        asking = bool(label and DIRECTIVE.search(label.group("rest")))  # (a labelled recommendation read so)
        if block.label in ("finding", "learning") and not asking:
            # "Theme 1: Exclusion and transitions": what follows is its recommendations
            self.themes.append((len(self.out), block.label_text or segmentation.split_label(text)[0]))
        if stem := STEM.match(text):  # "Welsh Government should:", short enough for a heading
            self.group = SECTION_NUMBER.sub(r"\g<rest>", stem.group("subject"), count=1)
            return  # ("8.3 The safeguarding partners are asked to:" heads what they are asked, no more)
        if block.label in ("finding", "learning") and not asking:
            self.group = ""  # (a finding restated over its recommendations asks no one: "Learning issue 2: ...")
        elif not label and not block.section and not block.number and not block.text.rstrip().endswith(":"):
            # "Children's Social Care": whom the items after it ask; any other sub-heading names no one
            self.group = text if _names_someone(block.text) else ""
        if (
            label
            and re.fullmatch(r"\s*[(\[](?:continued|cont(?:'d|\.)?)[)\]]", label.group("tag") or "", re.IGNORECASE)
            and (earlier := [r for r in self.out if r.label == _clean_label(label.group("label"))])
        ):
            self.current = earlier[-1]  # "Recommendation 4 (continued)", over the rest of one a page break cut
        elif label and (not label.group("rest").strip() or _short_title(label.group("rest"))):
            # a heading per recommendation, perhaps with a title ("Recommendation 1: Asking both parents"): its text
            # follows
            self.current = ProposedRecommendation("", _clean_label(label.group("label")), block.page)
            self.current.reference = label.group("tag") or ""
            self.out.append(_grouped(self.current, self.group))
            self.titled = self.current if label.group("rest").strip() else None
        elif label and DIRECTIVE.search(label.group("rest")):
            self.current = _labelled(label, block.page)
            self.out.append(_grouped(self.current, self.group))
        elif run_in := RUN_IN_TO.match(text):  # its first line, short enough for a heading
            self.current = ProposedRecommendation(_plain(run_in.group("rest")), "", block.page)
            self.current.addressee_text = run_in.group("to").strip()
            self.out.append(self.current)
        elif (
            (numbered := SECTION_NUMBER.match(text))
            and _asks(numbered.group("rest"))
            and not LEAD_IN.search(numbered.group("rest"))  # ("8.1 The panel recommends:": what follows is)
        ):
            # "7.1 The ACPC should revise its procedures so that:", short enough to be read as a heading
            self.current = ProposedRecommendation(_plain(numbered.group("rest")), numbered.group("number"), block.page)
            self.out.append(_grouped(self.current, self.group))

    def _paragraph(self, block):
        """A paragraph or list item: a recommendation, the text or a sub-point of the one before, or neither."""
        text = block.text.strip()
        if self.titled is not None and self.current is self.titled and not self.titled.text and not _asks(text):
            self.out.remove(self.titled)  # "Recommendation 1: Courts know" over its aim and numbered parts ("1.1 ..."):
            self.current = None  # a theme of recommendations, not one
        self.titled = None
        current, group = self.current, self.group
        if self.columns and "type" in self.columns and (row := FLAT_TYPED_ROW.match(text)):
            # a typed log's row as a PDF may give it, its cells run together ("R3 Recommendation The police should")
            if kind := TYPED_RECOMMENDATION.match(row.group("rest")):
                self._add(ProposedRecommendation(_plain(row.group("rest")[kind.end() :]), row.group("ref"), block.page))
            else:
                self.current = None  # ("L4 Learning A child describing fear ...")
            return
        if stem := STEM.match(text):  # "Welsh Government should:" before the actions it is asked to take
            self.group, self.current = stem.group("subject"), None
            return
        if _goes_on(text) and self.out and not self.out[-1].text.rstrip().endswith(END_MARKS):
            self.out[-1].text = f"{self.out[-1].text} {_plain(text)}"  # the rest of one a page break cut (after the
            _tag_finding(self.out[-1])  # other language's column, in a bilingual spread)
            return
        # (a recommendation that ends "... with the following definition:", labelled or under its heading, is none)
        labelled = (found := LABEL.match(text)) and DIRECTIVE.search(found.group("rest"))
        awaited = current is not None and not current.text and DIRECTIVE.search(text)
        if LEAD_IN.search(text) and not DIRECTIVE.search(text.split(":")[0][-60:]) and not (labelled or awaited):
            self.current = None
            return
        if (bracketed := BRACKETED_LABEL.match(text)) and DIRECTIVE.search(bracketed.group("rest")):
            # "[RSB 2 / CSP 1] The RSB and the CSP should ...": its references in the registers that will monitor it
            self._add(
                ProposedRecommendation(_plain(bracketed.group("rest")), _plain(bracketed.group("label")), block.page)
            )
            _tag_finding(self.current)
            return
        lettered = LETTERED.match(text)
        if lettered and lettered.group("label") == chr(ord("A") + self.letters):  # "A Publish ...", "B Establish ..."
            self.letters += 1
            self._add(ProposedRecommendation(_plain(lettered.group("rest")), lettered.group("label"), block.page))
            return
        if prose := _in_prose(SECTION_NUMBER.sub(r"\g<rest>", text, count=1), block.page, ours=True):
            if current is not None and not current.text and len(prose) == 1:
                # the text under a heading per recommendation, in prose: "Recommendation 1", "We recommend that ..."
                current.text, current.addressee_text = prose[0].text, current.addressee_text or prose[0].addressee_text
                return
            if len(prose) == 1 and (numbered := SECTION_NUMBER.match(text)):
                prose[0].label = numbered.group("number")  # "6.6 It is recommended that the Trust ..."
            self.out.extend(_grouped(recommendation, group) for recommendation in prose)
            self.current = prose[-1]
            return
        if (carried := CONTINUED_NUMBER.match(text)) and (earlier := [r for r in self.out if r.label == carried["n"]]):
            earlier[-1].text = f"{earlier[-1].text} {_plain(carried['rest'])}"  # "11.7 (continued) and to bring ..."
            self.current = earlier[-1]
            return
        if (local := BULLETED_NUMBER.match(text)) and _asks(local["rest"]):
            # "\u2022 1.1 That the Trust make sure ...": a local recommendation under a regional one, a recommendation
            self._add(ProposedRecommendation(_plain(local["rest"]), local["n"], block.page))
            return
        if (inserted := INSERTED_NUMBER.match(text)) and _asks(inserted.group("rest")):
            self._add(ProposedRecommendation(_plain(inserted.group("rest")), inserted.group("number"), block.page))
            return  # "4A. Wherrowby Homes should ...": one added between 4 and 5
        label = LABEL.match(text)
        run_in = RUN_IN_TO.match(text) if not label else None
        if run_in and DIRECTIVE.search(run_in.group("rest")):  # "Recommendation for the Partnership: ..."
            self.current = ProposedRecommendation(_plain(run_in.group("rest")), "", block.page)
            self.current.addressee_text = run_in.group("to").strip()
            self.out.append(self.current)
            return
        numbered = SECTION_NUMBER.match(text) if not label else None
        listed = LISTED.match(text) if not (label or numbered) else None
        if label:
            self._add(_labelled(label, block.page))
        elif current is not None and not current.text:  # the text under a heading per recommendation
            current.text = _plain(re.sub(r"^[\u2022*\-]\s+", "", text))  # (its first bullet, on a slide)
        elif (
            (own := OWN_LEAD.search(text))
            and (part := SUB_LETTER.match(text))
            and (self.stem is not None or (current is not None and current.text.rstrip().endswith(":")))
        ):
            self._own_lead_part(block, text[part.end() : own.start()], part.group("letter"), own.group("to"))
        elif current is not None and current.text and PULL_QUOTE.match(text) and _cut_off(current):
            return  # a pull quote set into a recommendation a page's layout cut: its rest follows the quote
        elif (
            current is not None
            and _expects_sub_points(current)
            and (_is_sub_point(text) or _bullet_goes_on(text))
            and not (current.text.startswith("that ") and LETTERED_ASK.match(text))
        ):
            current.text = f"{current.text} {_plain(text)}"  # "(ii) every child's plan records ...": a sub-point
        elif numbered or listed:
            self._numbered(block, text, numbered, listed)
        elif (
            current is not None
            and current.text
            and not block.number
            and (_continues(current, text) or (current.label and _asks_no_one(text)))
        ):  # (a labelled recommendation's second paragraph: "The protocol should also set out ...")
            current.text = f"{current.text} {_plain(text)}"
        elif _unlabelled_recommendation(text):
            for sentences in _asked_apart(text):  # (two run together, as a PDF may join paragraphs)
                self._add(ProposedRecommendation(_plain(sentences), "", block.page))
        else:
            self.current = None

    def _own_lead_part(self, block, text, letter, lead):
        """A lettered part of a stem that names its own lead ("9.3 The LSCB should be assured that:", then "(a) every
        assessment ...; [Lead: Children's Social Care]"): a recommendation of its own, "9.3(a)", as an action plan
        keys it; the stem is none."""
        if self.stem is None:
            self.stem = self.current
            if self.out and self.out[-1] is self.stem:
                self.out.pop()
        recommendation = ProposedRecommendation(_plain(text), f"{self.stem.label}({letter})", block.page)
        recommendation.addressee_text = _plain(re.split(r",\s+with\b", lead)[0])  # ("the police, with the youth
        # service": the police lead)
        self.out.append(recommendation)
        self.current = recommendation

    def _numbered(self, block, text, numbered, listed):
        """A numbered paragraph or list item: a recommendation, a sub-point of the one before, or neither."""
        rest = numbered.group("rest") if numbered else LISTED.sub("", text, count=1)
        rest = KIND_FIRST.sub("", rest, count=1)  # "3. Recommendation: The COG should ...": its kind, then it
        inner = LABEL.match(rest)  # a bullet or a numbered paragraph that carries the label: "• R1 - ..."
        # (an item of a list "1.", "2." may say what will be done; a "9.2" paragraph must ask it)
        item = listed or "." not in numbered.group("number")
        if inner and DIRECTIVE.search(inner.group("rest")):
            self._add(_labelled(inner, block.page))
        elif (
            DIRECTIVE.search(rest)
            and not VIEW.match(rest)
            and not PROCEDURAL.match(rest)
            and (_asks(rest) or (item and not ABOUT_RECOMMENDATIONS.search(rest) and not _quotes_earlier(rest)))
            and not SETS_OUT_RECOMMENDATIONS.match(rest)
            and not NOT_REPEATED.search(rest)
        ):
            number = numbered.group("number") if numbered else _list_number(text)
            rest, parts = _card_lines(rest)  # a card's row as a PDF gives it: "... Lead: NHS Kilmardie By: ..."
            self._add(_carded(ProposedRecommendation(_plain(rest), number, block.page), parts))
        elif self.current is not None and listed:  # a sub-point of the recommendation before
            self.current.text = f"{self.current.text} {_plain(text)}"
        else:
            self.current = None

    def _add(self, recommendation):
        self.current, self.stem = recommendation, None
        self.out.append(_grouped(recommendation, self.group))

    def _result(self):
        out = self.out
        for at, number in self.numbers:  # "01", then its title, then the recommendation: its label
            if at < len(out) and not out[at].label:
                out[at].label = number
        parted = [(start, part) for start, part in self.parts if start < len(out)]
        numbers = [r.label for r in out if re.fullmatch(r"\d{1,2}", r.label)]
        if len(parted) >= 2 and len(numbers) > len(set(numbers)):
            # "Part A: ..." and "Part B: ...", each numbered from 1: "A1", "B1", as such a report refers to them
            for (start, part), (end, _) in itertools.pairwise([*parted, (len(out), "")]):
                for recommendation in out[start:end]:
                    if re.fullmatch(r"\d{1,2}", recommendation.label):
                        recommendation.label = f"{part}{recommendation.label}"
        for (start, theme), (end, _) in itertools.pairwise([*self.themes, (len(out), "")]):
            for recommendation in out[start:end]:
                recommendation.reference = recommendation.reference or theme
        if sum(bool(re.match(r"[a-z]", r.label, re.IGNORECASE)) for r in out) >= 2:
            # among recommendations labelled as such, a numbered paragraph of the discussion is none unless it starts
            # by asking ("5.4 The guidelines ... were last revised in 2017. They say that services should ...")
            out = [r for r in out if not PARAGRAPH_NUMBER.fullmatch(r.label) or _asks_in_first_sentence(r.text)]
        if sum(bool(re.match(r"recommendation\s+\d", r.label, re.IGNORECASE)) for r in out) >= 2:
            # among recommendations each headed "Recommendation N", an unlabelled one is a message of another heading
            # ("Key message 1": "Practitioners should ...")
            out = [r for r in out if r.label]
        return [r for r in out if r.text]


# A part of the recommendations with its own numbering: "Part A: Recommendations for individual agencies".
PART_HEADING = re.compile(r"^part\s+(?P<letter>[a-d])\b\s*[:.\u2013-]", re.IGNORECASE)
# A recommendation's reference in square brackets before it, perhaps one in each of two registers: "[RSB 2 / CSP 1]".
BRACKETED_LABEL = re.compile(
    r"^\[(?P<label>[A-Z]{1,5}\s?\d{1,2}(?:\.\d{1,2})?(?:\s*/\s*[A-Z]{1,5}\s?\d{1,2}(?:\.\d{1,2})?)*)\]\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
# A number that starts an item in a cell's list, after a sentence's end or a sub-heading's colon; a sub-heading that
# ends the item before it ("... (Learning point 2) Actions for agencies:").
# (after a heading in capitals that the item's line ran into: "... (Key issue 2) NATIONAL RECOMMENDATION 11. The ...")
CAPITALS_GROUP = r"[A-Z][A-Z'\u2019&-]{2,}(?:\s+[A-Z][A-Z'\u2019&-]+){0,4}"
CELL_NUMBER = re.compile(rf"(?:^|(?<=[.:;)])\s+(?:{CAPITALS_GROUP}\s+)?)(?P<n>\d{{1,2}})\.\s+(?=[A-Z])")
GROUP_END = re.compile(rf"(?:^|(?<=[.)])\s+)(?:[A-Z][^.:;()]{{2,80}}:|{CAPITALS_GROUP})\s*$")
# A side-note that marks the paragraph beside it as a recommendation: "Recommendation 4".
SIDE_NOTE = re.compile(r"recommendation\s+\d{1,2}[a-z]?", re.IGNORECASE)
NOTED_PARAGRAPH = re.compile(rf"^(?P<note>{SIDE_NOTE.pattern}):\s+(?P<text>\d{{1,2}}\.\d{{1,2}}\s.*)$", re.I | re.S)
# A lettered part's own lead, in brackets at its end: "...; [Lead: Children's Social Care]".
OWN_LEAD = re.compile(r"\s*[\[(]Lead(?:\s+agency)?\s*:\s*(?P<to>[^\])]{2,120})[\])]\s*$", re.IGNORECASE)
SUB_LETTER = re.compile(r"^\(?(?P<letter>[a-h])\)\s+")
INSERTED_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?-i:[A-Z]))[.)]\s+(?P<rest>\S.*)$", re.DOTALL)
FLAT_ROW = re.compile(r"^(?:(?-i:[A-Z]{1,4})\s?\d{1,2}|\d{1,2})\s+(?-i:[A-Z])")  # "IA1 Throughcare ...", "2 The ..."
PARAGRAPH_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?")


KIND_FIRST = re.compile(r"^recommendation\s*[:\u2013\u2014-]\s+(?=\S)", re.IGNORECASE)


CELL_HEAD = re.compile(rf"^{CAPITAL_WORDS}\s+(?=\d{{1,2}}\.\s+[A-Z]|(?i:no)\b)")


# A designed page's region: its heading in capitals, whom its recommendations ask, then the recommendations, each
# coded and starting with what to do ("LOCAL AUTHORITY AND POLICE R6 Review together ...", "OUTSIDE THE CIRCLES:
# DEPARTMENT FOR EDUCATION R8 Set out ...").
CODED_REGION = re.compile(r"^(?P<head>[A-Z][A-Z()&',:\s-]{2,80}?)\s+(?=[A-Z]{1,3}\d{1,2}\s+[A-Z][a-z])")
REGION_CODE = re.compile(r"(?:^|(?<=[.)])\s+)(?P<code>[A-Z]{1,3}\d{1,2})\s+(?=[A-Z][a-z])")


def _coded_cells(cells, page):
    """The recommendations of a row of a designed page's regions ("LOCAL AUTHORITY R2 Give ... (Finding 5) | POLICE
    R4 Make sure ..."), each asking whom its region's heading names; a region that holds none says so. [] when a
    cell is neither."""
    out = []
    for cell in filter(None, (cell.strip() for cell in cells)):
        region = CODED_REGION.match(cell)
        if region is None:
            if DIRECTIVE.search(cell):
                return []
            continue  # ("POLICE AND HEALTH No recommendation sits in this space.")
        whom = region["head"].rpartition(":")[2].strip()
        rest = cell[region.end() :]
        marks = list(REGION_CODE.finditer(rest))
        for mark, following in itertools.pairwise([*marks, None]):
            text = rest[mark.end() : following.start() if following else None].strip()
            if not IMPERATIVE.match(text):
                return []
            out.append(ProposedRecommendation(_plain(text), mark["code"], page, group=_from_capitals(whom)))
    return out


def _from_capitals(words):
    """A name set in capitals as a name is written: "Department for Education", "Health (Integrated Care Board)"."""
    small = {"and", "for", "of", "the", "with", "in", "on"}
    return re.sub(
        r"[A-Za-z']+",
        lambda word: word[0].lower() if word.start() and word[0].lower() in small else word[0].capitalize(),
        words,
    )


def _numbered_cells(cells, page):
    """The recommendations of a row whose every cell written in holds numbered recommendations and nothing else
    ("1. The Chief Officers Group should ... 2. NHS Auchenvey should ... | | 7. The Scottish Government should ..."),
    under a header that says when, not what; [] for any other row."""
    # (a designed page's cell may open with its heading in capitals, "SAFE 1. ...", or say it holds none)
    written = [CELL_HEAD.sub("", cell.strip(), count=1) for cell in cells if cell.strip()]
    items = [
        segmentation.numbered_items(cell) or _marked_items(cell) for cell in written if not NONE_IN_ROW.match(cell)
    ]
    asking = [[(number, text, FOR_WHOM.match(text)) for number, text in found] for found in items]
    if not asking or not all(
        found and all(whom or DIRECTIVE.search(text) for _, text, whom in found)  # ("For X: Tell ...": whom it asks)
        for found in asking
    ):
        return []
    out, seen = [], set()
    for number, text, whom in (item for found in asking for item in found):
        if number in seen:
            continue  # (one printed again in the column of each case it arises from: read once)
        seen.add(number)
        out.append(ProposedRecommendation(_plain(text[whom.end() :] if whom else text), number, page))
        out[-1].addressee_text = whom["to"][:1].upper() + whom["to"][1:] if whom else ""
    return out


def _marked_items(cell):
    """(number, text) of each item of a cell that opens with a number, its items' numbers in any order (a case's
    column of recommendations numbered by first appearance: "5. ... 2. ... 3. ..."); [] for any other cell."""
    marks = list(CELL_NUMBER.finditer(cell))
    if not marks or marks[0].start():
        return []
    return [(mark["n"], cell[mark.end() : after.start() if after else None].strip())
            for mark, after in itertools.pairwise([*marks, None])]  # fmt: skip


# Whom a numbered item asks, before what to do: "For the Chief Officers Group: Make sure that ...".
FOR_WHOM = re.compile(r"^For\s+(?P<to>[^:]{2,100}):\s+(?=[A-Z])")


def _numbers_in(cells, columns):
    """The recommendations' numbers a row's text cell holds when it holds nothing else ("1, 5"), else None."""
    cell = cells[columns["text"]] if columns["text"] < len(cells) and columns["to"] < len(cells) else ""
    if not re.fullmatch(r"\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*", cell):
        return None
    return set(re.findall(r"\d{1,2}", cell))


def _cells(text):
    """A table row's cells (segmentation.row_cells); None for a line that is no row ("| child." is one: its first
    cell is empty)."""
    return segmentation.row_cells(text) if " | " in text or text.startswith("| ") else None


def _names_someone(text):
    """Whether words name an agency, a partnership or a national body."""
    return bool(NATIONAL.search(text) or PARTNERSHIP.search(text) or terms.mentions(text))


def _grouped(recommendation, group):
    """A recommendation under a sub-heading that names someone asks them, unless a table or its own words say whom
    (_address)."""
    recommendation.group = group
    return recommendation


def _continues(current, text):
    """Whether an unnumbered paragraph goes on with the recommendation before: its sub-points, a short second
    sentence that asks no one new, or the rest of a sentence that a line break cut (the recommendation does not end
    a sentence)."""
    ending = re.sub(r"\s*[(\[][^)\]]{1,60}[)\]]$", "", current.text.rstrip())  # without a tag: "(Finding 2)"
    unfinished = not ending.endswith((".", "!", "?", ")", "\u201d", '"'))
    short = len(text.split()) < 12 and not (_unlabelled_recommendation(text) and not _asks_no_one(text))
    return unfinished or (LISTED.match(text) is not None) or short


# A lettered point that asks someone of its own, as each of a list of "that ..." recommendations does: "(b) that the
# Chief Officers Group should ensure ..." after "(a) that the Committee should issue ...; (Key finding 1)".
LETTERED_ASK = re.compile(
    r"^\(?[a-h]\)\s+that\s+(?:the\s+\w|(?-i:[A-Z]))[^.:;]{0,100}?\b(?:should|must|is\s+asked\s+to)\b", re.IGNORECASE
)
# A paragraph that is a quotation and nothing else: a pull quote set among the text.
PULL_QUOTE = re.compile(r"^[\"\u201c][^\"\u201c\u201d]{10,300}[\"\u201d]$")


def _cut_off(recommendation):
    """Whether a recommendation stops mid-sentence (no closing mark), as a page or a set-in quotation cuts it."""
    return not recommendation.text.rstrip().endswith((".", "!", "?", ";", ":", ")"))


def _is_sub_point(text):
    """Whether a paragraph is a lettered or roman-numbered point, bulleted or not ("- (ii) every child's plan ...")."""
    return bool(SUB_POINT.match(text) or SUB_POINT.match(re.sub(r"^[\u2022*\-]\s+", "", text)))


def _bullet_goes_on(text):
    """Whether a bulleted point carries on a sentence ("• what a lapse would look like for each parent;"), not one
    of a list of recommendations each written "that ..." ("• that the police ensure ...")."""
    return bool(re.match(r"^[\u2022*\-]\s+(?!that\b)[a-z]", text))


def _expects_sub_points(recommendation):
    """Whether a recommendation's text leads into sub-points ("... so that:") or has begun them ("(i) ...")."""
    text = re.sub(r"\s*\([^()]{1,40}\)$", "", recommendation.text.rstrip())  # ("... so that: (Learning 2)")
    return text.endswith((":", ";")) or bool(re.search(r"(?:\((?:i|a)\)|\bi\.)\s", text))


def _asked_apart(text):
    """A paragraph's recommendations: one, or more when sentences after the first each ask someone else by name ("The
    Child Protection Committee should issue ... registered. Dunvegrie Council's social work service should ensure
    ..."), as a PDF gives two paragraphs whose line break it read as a wrap."""
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()) if sentence]
    starts, subjects = [0], []
    for index, sentence in enumerate(sentences):
        subject = SUBJECT.match(sentence)
        named = subject.group("subject") if subject and _names_someone(subject.group("subject")) else ""
        before = " ".join(sentences[starts[-1] : index])
        if index and named and named.lower() != subjects[-1].lower() and len(named.split()) <= 10 and _asks(before):
            starts.append(index)  # (after a part that itself asks: not after a label, "DfE 1.")
        if index == 0 or (named and index == starts[-1]):
            subjects.append(named)
    return [" ".join(sentences[a:b]) for a, b in itertools.pairwise([*starts, len(sentences)])]


def _unlabelled_recommendation(text):
    """Whether a paragraph with no label or number is a recommendation: it asks someone to do something ("The Board
    should ..."), and is not about the recommendations, a commitment ("The Panel will publish ...") or an earlier
    review's recommendation quoted ("An earlier review recommended that 'the Partnership should ...'")."""
    asks = DIRECTIVE.search(text) and _starts_directive(text) and ASKS.search(text) and not VIEW.match(text)
    return bool(asks and not _quotes_earlier(text) and not PROCEDURAL.match(text) and not REPORTS_LAW.match(text))


# A paragraph reporting what a law, a convention's article or guidance says: "The article says that States must ...".
REPORTS_LAW = re.compile(
    r"^(?:the\s+)?(?:article|convention|act|section|guidance|regulations?|code|standard|principle|rule)\b[^.]{0,40}?"
    r"\b(?:says|states|provides|requires|sets\s+out)\s+that\b",
    re.IGNORECASE,
)


def _asks_no_one(text):
    """Whether a paragraph asks more of a thing the recommendation before named, and no one new ("The protocol should
    also set out ...")."""
    subject = SUBJECT.match(text)
    return (
        subject is not None
        and re.match(r"\s+also\b", text[subject.end() :]) is not None
        and not _names_someone(subject.group("subject"))
    )


def _quotes_earlier(text):
    """Whether the words before "should" quote another review's recommendation ("An earlier review recommended that
    'the Partnership should ...'")."""
    subject = SUBJECT.match(text)
    if subject is not None and EARLIER.search(subject.group("subject")) is not None:
        return True
    before = re.split(r"\bshould\b", text, maxsplit=1)[0]  # ("Two other reviews bear on this learning. The ...
    # review of Child YD identified the action that transfer summaries should ...": the sentences before too)
    return len(before) < len(text) and bool(EARLIER_ACTION.search(before))


EARLIER_ACTION = re.compile(r"\bidentified\s+the\s+action\s+that\b|\b(?:other|earlier|previous)\s+reviews\b", re.I)


def _asks(text):
    """Whether a numbered paragraph asks something of someone: "The Board should ...", or an imperative ("Develop
    guidance ...", "That the Board ..."), not a commitment ("Each agency will develop an action plan") or words about
    the recommendations ("The recommendations below are addressed to ...", "The national guidance describes
    recommendations as the improvements that the Committee should make")."""
    asks = ASKS.search(text) or (IMPERATIVE.match(text) and not ABOUT_RECOMMENDATIONS.search(text))
    if HOW_WRITTEN.search(text):
        return False  # "... asked the review to express its recommendations as shifts in practice": how to read them
    subject = SUBJECT.match(text)
    if subject is not None and (DEFINES.search(subject.group("subject")) or ABOUT_THEM.match(subject.group("subject"))):
        return False
    if len(re.findall(r"\bshould\b", text, re.IGNORECASE)) == len(READ_AS.findall(text)) > 0:
        return False  # "It should be read across each row": how to read the table, not a recommendation
    if re.match(ABOUT_START, text, re.IGNORECASE):
        return False  # "The recommendations below are made to the LSCB ...", however far its "should" comes
    quoted = _quotes_earlier(text) or NOT_REPEATED.search(text)
    if asks and all(m.group().lower().startswith("need") for m in ASKS.finditer(text)) and FOUND_THAT.search(text):
        return False  # "... and the review has found that the system, not individuals, needs to change": a conclusion
    return bool(asks and not VIEW.match(text) and not quoted and not PROCEDURAL.match(text))


# A view reported, within a sentence: "the review has found that ...", "we concluded that ...".
FOUND_THAT = re.compile(
    r"\b(?:found|finds|concluded|concludes|believes?|considers?|considered)\s+that\b.{0,200}?\bneeds?\s+to\b", re.I
)


READ_AS = re.compile(r"\bshould\s+be\s+read\s+(?:across|down|together|with|alongside|in|as)\b", re.IGNORECASE)
ABOUT_START = (
    r"(?:the|these|our)\s+recommendations\s+(?:below|that\s+follow|in\s+this"
    r"|(?:are|is|were|was|have\s+been)\s+(?!that\b)\w+(?:\s+out)?\b(?!:))"
    r"|(?:the\s+)?(?:\w+\s+){1,3}(?:has|have)\s+set\s+out\s+(?:its|their|the|our)\s+recommendations\b"  # "in Table 2"
    r"|recommendations\s+\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+\b"  # "Recommendations 1, 3 and 7 arise from ..."
)


def _written_into_conclusions(all_sections):
    """The recommendations a "Conclusions and recommendations" chapter writes into its reasoning, two or more to a
    paragraph (_asking_sentences), each known by its paragraph's number and its place in it ("9.6(3)", as an action
    plan may refer to them), the count going on into a paragraph's continuation after a page break."""
    out = []
    for section in all_sections:
        if section.heading is None or not CONCLUSIONS_AND_RECOMMENDATIONS.match(section.heading.text.strip()):
            continue
        paragraph, place = "", 0
        for block in section.blocks:
            text = block.text.strip()
            if numbered := SECTION_NUMBER.match(text):
                paragraph, place, text = numbered.group("number"), 0, numbered.group("rest")
            asking = _asking_sentences(text)
            for sentence in asking if len(asking) >= 2 else []:
                place += 1
                label = f"{paragraph}({place})" if paragraph else ""
                out.append(ProposedRecommendation(_plain(sentence), label, block.page))
    return out


def _asking_sentences(text):
    """The sentences of a paragraph that each ask a body it names to act, when its first sentence asks no one: a
    conclusions paragraph that writes its recommendations into its reasoning ("The first and most important change
    concerns ... The ACPC should revise its procedures so that ... Health visitors need to know who lives in a
    household ... The Social Services Department should ensure ..."); not "should have" (a finding), "It is not
    suggested that ... should", praise or "should note"."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    if len(sentences) < 3 or _asks_someone(sentences[0]):
        return []
    return [sentence for sentence in sentences if _asks_someone(sentence)]


def _asks_someone(sentence):
    subject = SUBJECT.match(sentence)
    return (
        subject is not None
        and len(subject.group("subject").split()) <= 12
        and (_names_someone(subject.group("subject")) or ORGANISATION.search(subject.group("subject")))
        and not re.search(r"\b(?:not|it|if|when|whether)\b", subject.group("subject"), re.IGNORECASE)
        and not re.search(r"\bneeds?\s+to$", subject.group(0), re.IGNORECASE)  # ("Health visitors need to know ...")
        and not re.match(r"\s*(?:have|not)\b", sentence[subject.end() :])
        and _asks(sentence)
    )


def _asks_in_first_sentence(text):
    """Whether a paragraph's first sentence asks someone to act ("The Trust should ...", "Develop ..."), not a later
    one ("The guidelines were last revised in 2017. They say that services should ...")."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
    return bool(IMPERATIVE.match(first)) or (_starts_directive(first) and bool(DIRECTIVE.search(first)))


def _starts_directive(text):
    subject = SUBJECT.match(text)
    return (subject is not None and len(subject.group("subject").split()) <= 14) or text.lower().startswith("that ")


def _list_number(text):
    """A list item's number as written: "1" of "1." or "1)", "(a)" and "(iv)" with their brackets, "IV"."""
    found = re.match(
        r"^(\()?(\d{1,2}|[ivx]{2,5}|ch|dd|ff|ng|ll|ph|rh|th|[a-z]|[IVX]{1,5})[.)]", text
    )  # ("(ch)": Welsh)
    if not found:
        return ""
    return f"({found.group(2)})" if found.group(1) else found.group(2)


LABELLED_TO = re.compile(r"^(?:to|for)\s+(?P<to>[^:.\n]{3,80}):\s+(?P<text>(?-i:[A-Z]).*)$", re.IGNORECASE | re.DOTALL)


def _labelled(match, page):
    # ("Recommendation 1: 7.5 The LSCB should ...": the paragraph's number, typed beside its label, aside)
    text = re.sub(r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+(?=[A-Z])", "", match.group("rest").strip())
    addressed = LABELLED_TO.match(text)  # "Recommendation 3 to Glenbrachan Council Social Work: Social Work ..."
    recommendation = ProposedRecommendation(
        _plain(addressed["text"] if addressed else text), _clean_label(match.group("label")), page
    )
    recommendation.reference = match.group("tag") or ""
    if addressed:
        recommendation.addressee_text = addressed["to"].strip()
    inner = recommendation.reference.strip(" ()[]")
    if inner and not re.search(r"\d", inner) and (_names_someone(inner) or ORGANISATION.search(inner)):
        recommendation.addressee_text = inner  # "Recommendation 3 (Children's Services): Keep the case ...": whom
    return recommendation


def _clean_label(label):
    label = " ".join(label.split())
    return label[0].upper() + label[1:] if label else label


def _plain(text):
    return " ".join(text.split())


# The letter of a SMART table's column before what the column holds: "Specific: what needs to happen".
SMART_PREFIX = re.compile(
    r"^\s*(?:specific|measurable|achievable|attainable|agreed|relevant|realistic|time-?bound|timely)\s*[:\u2013-]\s+",
    re.IGNORECASE,
)


def _mended(cells):
    """A header row's cells, each word a narrow PDF column broke in two made whole again ("Recommend ation", "Re c",
    "Learni ng"): a cell is mended only when it names a column so and not as it was."""
    patterns = [pattern for _, pattern in (*TABLE_ROLES, *ACTION_COLUMNS)]
    out = []
    for cell in cells:
        cell = SMART_PREFIX.sub("", cell)  # ("Specific: what needs to happen", "Time-bound: by when")
        squeezed = re.sub(r"\s+", "", cell)
        known = any(pattern.match(cell.strip()) for pattern in patterns)
        out.append(squeezed if not known and any(pattern.match(squeezed) for pattern in patterns) else cell)
    return out


def _is_header(cells):
    cells = _mended(cells)
    sides = [side.strip() for cell in cells for side in cell.split(" / ")]  # ("Cam gweithredu / Action")
    grouping = sum(bool(cell.strip()) for cell in cells) == 1 and len(cells) > 2  # "Regional recommendations | |"
    named = _typed_columns(cells) is not None or any(TABLE_TEXT.match(side) for side in sides) or _from_to(cells)
    return named and not grouping and all(len(cell.split()) <= 5 for cell in cells)


# A bilingual table's column naming each row's language ("Iaith / Language": "Cymraeg", "English").
LANGUAGE_COLUMN = re.compile(r"^(?:language|iaith|c\u00e0nan|teanga)$", re.IGNORECASE)
OTHER_LANGUAGES = {"cymraeg", "welsh", "g\u00e0idhlig", "gaelic", "gaeilge", "irish"}


TABLE_ROLES = (
    ("text", TABLE_TEXT),
    ("label", TABLE_LABEL),
    ("to", TABLE_TO),
    ("finding", TABLE_FINDING),
    ("language", LANGUAGE_COLUMN),
    ("source", re.compile(r"^(?:source|origin|arising\s+from|where\s+from)$", re.IGNORECASE)),
)


# A column of another review's recommendations: "Recommendation of the 2007 review", "Previous recommendation".
EARLIER_COLUMN = re.compile(r"\b(?:previous|earlier|original|prior|(?:19|20)\d{2})\b", re.IGNORECASE)


def _source_code(cell):
    """A plan's source without what it says of its learning: "CPR 2/2015" of "CPR 2/2015 (Learning point 1)"."""
    return re.sub(r"\s*[(\[].*$", "", cell).strip().lower()


def _own_sources(blocks):
    """The sources, in a plan with a source column, of the rows that cite this review's learning or findings."""
    columns, own = None, set()
    for block in blocks:
        cells = _cells(block.text)
        if cells and _is_header(cells):
            columns = _columns(cells)
        elif cells and columns and columns.get("source", len(cells)) < len(cells):
            source = cells[columns["source"]]
            own |= {_source_code(source)} if CITES_LEARNING.search(source) else set()
    return own


CITES_LEARNING = re.compile(r"\((?:key\s+)?(?:learning(?:\s+points?)?|findings?|lessons?)\s+\d", re.IGNORECASE)


def _table_roles(cells):
    """{role: column} of the cells of a header row that name a recommendations table's columns (TABLE_ROLES; either
    side of a bilingual cell: "Rhif / No.")."""
    roles = {}
    for index, cell in enumerate(_mended(cells)):
        for role, pattern in TABLE_ROLES:
            if role == "text" and EARLIER_COLUMN.search(cell):
                continue  # "Recommendation of the 2007 review": quoted beside this review's own
            if role not in roles and any(pattern.match(side.strip()) for side in cell.split(" / ")):
                roles[role] = index
                break
    return roles


def _columns(cells):
    """{role: column} of a recommendations table's header row (it has a recommendation column), else None. In a log
    of typed statements ("Ref | Type | Statement | Links | Lead"), the statement is the text of the rows whose type
    says they are recommendations."""
    roles = _table_roles(cells)
    names = [cell.strip().lower() for cell in cells]
    if "text" not in roles and _from_to(cells):
        # "No. | From | To | Lead": each recommendation the practice it is to bring about, asked of the lead
        roles["text"] = names.index("from") + 1
        lead = next((i for i, name in enumerate(names) if TABLE_TO.match(name) and name != "to"), None)
        roles.pop("to", None)
        roles.update({"to": lead, "stated": True} if lead is not None else {"stated": True})
    if (typed := _typed_columns(cells)) and "text" not in roles:
        roles.update(type=typed[0], text=typed[1])
    texts = [
        i for i, cell in enumerate(_mended(cells)) if any(TABLE_TEXT.match(side.strip()) for side in cell.split(" / "))
    ]
    if len(texts) == 2 and roles.get("text") == texts[0] and all("recommend" in cells[i].lower() for i in texts):
        roles["other_text"] = texts[1]  # "Regional recommendations | Local recommendations": each row writes in one
    detail = next((i for i, cell in enumerate(cells) if DETAIL_COLUMN.match(cell.strip())), None)
    if "text" in roles and detail is not None and detail == roles["text"] + 1:
        roles["text"] = detail  # "Action | Detail | ...": the action's title, then its words in full
    actions = _action_columns(cells) if "to" in roles else None
    if actions and actions.get("owner") == roles["to"] and actions.get("text") != roles.get("text"):
        del roles["to"]  # "Recommendation | Action | Lead | ...": the lead is the action's, not whom it asks
    if "text" in roles and "to" not in roles and (raci := _raci_responsible(cells)) is not None:
        roles["to"] = raci  # "No. | Recommendation | R | A | C | I": the body Responsible is the one asked
    if "text" in roles and "to" not in roles:
        # a column per body, "Lead" or "Support" in its cells ("... | SBNI | Department of Health | Trust"): its name
        roles.update({f"body {index}": index for index in range(len(cells)) if index not in roles.values()})
        roles["bodies"] = tuple(cells)
    return roles if "text" in roles else None


def _from_to(cells):
    """Whether a header row sets practice as it was beside practice as it is to be: "No. | From | To | Lead"."""
    names = [cell.strip().lower() for cell in cells]
    return "from" in names and names[names.index("from") + 1 :][:1] == ["to"]


def _raci_responsible(cells):
    """The column of a RACI table's header row ("R | A | C | I", or the words) that names who is Responsible."""
    names = [cell.strip().lower() for cell in cells]
    for short, word in (("r", "responsible"), ("a", "accountable"), ("c", "consulted"), ("i", "informed")):
        if short not in names and word not in names:
            return None
    return names.index("r") if "r" in names else names.index("responsible")


DETAIL_COLUMN = re.compile(r"^(?:details?|in detail|full (?:text|wording)|description)$", re.IGNORECASE)


def _typed_columns(cells):
    """(its type column, its statement column) of a typed log's header row ("Ref | Type | Statement | Links | Lead"),
    either side of a bilingual cell; None for any other row."""

    def first(pattern):
        return next(
            (
                i
                for i, cell in enumerate(_mended(cells))
                if any(pattern.match(side.strip()) for side in cell.split(" / "))
            ),
            None,
        )

    typed, stated = first(TYPE_COLUMN), first(TYPED_STATEMENT_COLUMN)
    return (typed, stated) if typed is not None and stated is not None else None


TYPE_COLUMN = re.compile(r"^(?:type|kind|category)$", re.IGNORECASE)
TYPED_STATEMENT_COLUMN = re.compile(r"^(?:statement|text|description|entry|detail)s?$", re.IGNORECASE)
TYPED_RECOMMENDATION = re.compile(r"^recommendations?\b\s*", re.IGNORECASE)
FLAT_TYPED_ROW = re.compile(r"^(?P<ref>(?-i:[A-Z]{1,3})\d{1,2})\s+(?P<rest>(?-i:[A-Z]).*)$", re.DOTALL)
NUMBER_LABEL = re.compile(r"(?:rec(?:ommendation)?\.?\s*)?\d{1,2}(?:\.\d{1,2})?[a-z]?\.?", re.I)  # "3", "Rec 2"
LEAD_ROW = re.compile(r"(?:lead|lead (?:body|agency|organisation)|owner|responsible)\s*:?", re.IGNORECASE)
LINKED = re.compile(
    r"^(?:(?:linked|links?|related)\s+(?:learning|findings?|themes?|to)|arising\s+from)\s*:\s*(?P<to>\S.{0,120})$"
    # ("Linked to Learning 1 and 3", without a colon: a finding's label after it)
    r"|^(?:linked|related)\s+to\s+(?P<bare>(?:key\s+)?(?:learning|findings?|lessons?|themes?)\b[^.]{0,80}\d[^.]{0,40})\.?$",
    re.I,
)
# A recommendation's number set alone above it, before its title: "01".
ALONE_NUMBER = re.compile(r"0\d|\d{1,2}")
# A pointer to where a recommendation goes on: "Continued on Continuation Sheet C2", "Continued overleaf".
CONTINUED_ON = re.compile(r"^(?:continued|cont(?:'d|\.)?)\s+(?:on|overleaf|over)\b.{0,60}$", re.IGNORECASE)
CONTINUED_AT_END = re.compile(r"(?<=\S)\s+(?-i:Continued)\s+(?:on|overleaf)\b[^.]{0,60}$")
# A field of a recommendation's page or card that is no part of its text: "Why: ...", "What success would look like:
# ...", "First steps agreed with the lead: ...".
FIELD = re.compile(
    r"^(?:why|rationale|reason|what\s+success\s+(?:would|will)\s+look\s+like|success\s+measures?|measures?\s+of\s+success"
    r"|first\s+steps(?:\s+agreed)?(?:\s+with\s+the\s+lead)?|expected\s+outcomes?|outcomes?|evidence(?:\s+of\s+impact)?"
    r"|timescales?|by\s+when|target\s+date|priority|progress|status|signature(?:\s+of\s+[^:]{2,40})?)\s*:\s+\S",
    re.IGNORECASE,
)
CONSIDERED_BY = re.compile(  # "For consideration by: NHS Invercarran." after the recommendations it addresses
    r"^(?:for\s+(?:consideration|action|the\s+attention)\s+(?:by|of)|addressed\s+to)\s*:?\s+(?P<to>[^.;:]{2,120})\.?$",
    re.IGNORECASE,
)
LEAD_PARAGRAPH = re.compile(rf"^{LEAD_ROW.pattern}\s+(?P<to>[^.;]{{2,120}})$", re.IGNORECASE)
# A recommendation lettered in a table's first column, read as a paragraph: "A Publish, by September, advice ...".
LETTERED = re.compile(
    rf"^(?P<label>(?-i:[A-H]))\s+(?P<rest>(?=(?-i:[A-Z])){IMPERATIVE.pattern.removeprefix('^')}.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _finding_cell(reference):
    """A cell naming the findings a recommendation follows from, as a reference: it may hold the numbers alone."""
    if re.fullmatch(r"(?:(?-i:[A-Z]{1,3})\d{1,2}(?:\s*(?:,|&|and)\s*|$))+", reference.strip()):
        reference = ", ".join(re.findall(r"\d{1,2}", reference))  # "L1, L3": Learning 1 and 3, the column says
    return f"Findings {reference}" if re.fullmatch(r"[\d\s,&and]+", reference) else reference


# A recommendation set out as a card, a table of its own: a first row "Recommendation 2 | <whom it asks>", then rows
# "What | <the recommendation>", "Why | ...", "Findings | 2", "What success looks like | ...".
CARD_TEXT = re.compile(
    r"^(?:what|the\s+recommendation|recommendation|action|what\s+(?:we|the\s+review)\s+recommends?)$", re.IGNORECASE
)


def _keyed_header(cells):
    """{role: column} of a table that carries on the recommendations' table under the same references, with no text
    of its own ("Ref | Lead agency | Target date | Measure of success | Key area"), else None."""
    if not all(len(cell.split()) <= 5 for cell in cells):
        return None
    roles = _columns(cells) or _table_roles(cells)  # (a typed log's header has its text column: it is no such table)
    return roles if "label" in roles and "to" in roles and "text" not in roles else None


def _keyed_row(cells, columns, proposed):
    """Gives the recommendation a row's reference names whom it asks and the findings it follows from."""
    key = " ".join(cells[columns["label"]].lower().split())
    found = next((r for r in proposed if key and " ".join(r.label.lower().split()) == key), None)
    if found is None:
        return
    if columns["to"] < len(cells) and not found.addressee_text:
        found.addressee_text = _plain(cells[columns["to"]])
    if "finding" in columns and columns["finding"] < len(cells) and not found.reference:
        found.reference = _finding_cell(cells[columns["finding"]])


def _grid_header(cells):
    """The labels of a grid's header row, its first cell empty and each other a recommendation's label alone ("|
    Recommendation 1 | Recommendation 2 | Recommendation 3"), else None."""
    labels = [LABEL.match(f"{cell.rstrip(':. ')}:") for cell in cells[1:]]
    if len(cells) < 3 or cells[0] or not all(label and not label.group("rest").strip() for label in labels):
        return None
    return [_clean_label(label.group("label")) for label in labels]


GRID_LINE = re.compile(r"^(?:recommendation(?:\s+\d{1,2})?\s*)+$", re.IGNORECASE)


def _grid_line(line):
    """Whether a line of labels alone may start a grid's header: two labels or more, or "Recommendation" without
    its number (not "Recommendation 1" over the words of one)."""
    return len(re.findall(r"recommendation", line, re.IGNORECASE)) >= 2 or not re.search(r"\d", line)


def _grid_labels(lines, columns):
    """The labels of a grid's header as a PDF gives it, its cells run together on a line ("Recommendation 1
    Recommendation 2 Recommendation 3"), or one a line with a number it carried to a line of its own lost
    ("Recommendation", "Recommendation", "Recommendation 7": 4 to 7): one for each column of the row below, else []."""
    numbers = [int(n) if n else None for n in re.findall(r"recommendation(?:\s+(\d{1,2}))?", " ".join(lines), re.I)]
    known = next(((at, n) for at, n in enumerate(numbers) if n is not None), None)
    if len(numbers) != columns or columns < 2 or known is None:
        return []
    at, number = known
    return [f"Recommendation {number - at + place}" for place in range(columns)]


def _grid_row(cells, grid):
    """Puts a grid's row in its recommendations: their words, whom they ask or the findings they follow from."""
    role = cells[0].strip().rstrip(":")
    for recommendation, cell in zip(grid, cells[1:], strict=False):
        if CARD_TEXT.match(role):
            recommendation.text = _plain(cell)
        elif TABLE_TO.match(role) or LEAD_ROW.fullmatch(role) or re.fullmatch(r"(?i)who|by whom", role):
            recommendation.addressee_text = _plain(cell)
        elif TABLE_FINDING.match(role):
            recommendation.reference = _finding_cell(cell)


def _card_header(cells):
    """The label of a card's first row ("Recommendation 2 | Department for Education"), or None."""
    label = LABEL.match(f"{cells[0].rstrip(':. ')}:") if len(cells) == 2 else None
    if label and not label.group("rest").strip() and len(cells[1].split()) <= 15 and not DIRECTIVE.search(cells[1]):
        return label
    return None


# Where a cell holding two labelled recommendations starts its second: "... their views. Recommendation 2: The ...".
NEXT_LABELLED = re.compile(r"(?<=[.;)])\s+(?=recommendation\s*\d{1,2}[a-z]?\s*[:.\-\u2013\u2014]\s)", re.IGNORECASE)


CONTINUED = re.compile(r"\((?:cont(?:inued|'d|\.)?)\)$|\bcont(?:inued|'d|\.)$", re.IGNORECASE)
# A paragraph that says the table after it is work the agencies had already planned, shown "for completeness".
ALREADY = re.compile(
    r"\balready\s+(?:planned|under\s?way|in\s+place|taken|completed|implemented|begun|started)\b|\bfor\s+completeness\b"
    r"|\b(?:began|begun|started|introduced)\s+during\s+the\s+review\b",
    re.IGNORECASE,
)


def _progress_header(cells):
    """Whether a table's header has a column of recommendations and one of the progress made on each."""
    return any(re.match(r"(?i)recommendations?\b", cell.strip()) for cell in cells) and any(
        re.match(r"(?i)(?:progress|status|update)\b", cell.strip()) for cell in cells
    )


# A caption over another review's recommendations: "Table 6: Recommendations of the initial case review (April 2015)".
OTHERS_TABLE = re.compile(
    r"^(?:table\s+\d{1,2}\s*[:.\u2013-]\s*)?(?:the\s+)?recommendations?\s+(?:of|from|made\s+(?:by|in))\s+(?:the\s+)?"
    r"(?:initial\s+case\s+review|earlier|previous|(?:19|20)\d{2}\s+review|individual\s+management|imrs?\b"
    r"|single[- ]agency|agencies['\u2019]?\s+own)",
    re.IGNORECASE,
)
# A box quoting a report template's guidance ("From the Board's SUSR report template Section 6 should set out ..."),
# and an example given in it ("For example: \u201cThe Regional Safeguarding Board should ...\u201d").
TEMPLATE_EXTRACT = re.compile(r"^(?:from\s+the\s+[\w'\u2019 ]{0,40}\btemplate\b|for\s+example\s*:)", re.IGNORECASE)
# Word's tracked changes and comments printed with a report: "Deleted: ...", "Formatted: ...", "Comment [JH1]: ...".
TRACKED_CHANGE = re.compile(
    r"^(?:deleted|formatted|inserted|moved\s+\((?:insertion|deletion)\)|comment\s*\[[^\]]{1,12}\])\s*:", re.IGNORECASE
)
# A paragraph saying an earlier review made the recommendations it lists: "6.1 The initial case review, completed in
# March 2024, made three recommendations. They are set out below with the progress reported."
EARLIER_MADE = re.compile(
    r"\b(?:initial\s+case\s+review|rapid\s+review|earlier\s+review|previous\s+review|first\s+review|(?:19|20)\d{2}"
    r"\s+(?:serious\s+case\s+|part\s+8\s+)?review)\b[^.]{0,60}\bmade\s+(?:\w+\s+)?recommendations\b",
    re.IGNORECASE,
)
BELOW = re.compile(r"\brecommendations?\s+(?:below|that follow|in the table)", re.IGNORECASE)


def _row_goes_on(cells, columns):
    """Whether a table's row carries on the row above, cut by a page break: no label, and its text starts in the
    middle of a sentence ("adults who are not known to the family, is discussed ...")."""
    if not columns or "text" not in columns or columns["text"] >= len(cells):
        return False
    unlabelled = "label" not in columns or columns["label"] >= len(cells) or not cells[columns["label"]]
    continued = not unlabelled and CONTINUED.search(cells[columns["label"]])  # "3 (cont.)"
    return bool(continued or (unlabelled and cells[columns["text"]][:1].islower()))


def _short_title(text):
    """Whether words after a recommendation's label are a title, not its text: short, asking nothing, no sentence."""
    text = text.strip()
    return len(text.split()) <= 10 and not DIRECTIVE.search(text) and not text.endswith((".", ";", ":"))


def _from_row(cells, columns, page):
    """The recommendations of a table row: the text column's (else the longest cell's), with its label and addressee;
    a cell may hold two, each labelled ("Recommendation 1: ... Recommendation 2: ...")."""
    if columns and columns["text"] < len(cells):
        text = cells[columns["text"]]
        if not text.strip() and columns.get("other_text", len(cells)) < len(cells):
            text = cells[columns["other_text"]]  # ("Regional | Local": the one written in)
        asking = [cell for cell in cells if cell is not text and OWN_SUBJECT.match(cell)]
        if text.strip() and not DIRECTIVE.search(text) and len(asking) == 1 and not columns.get("stated"):
            text = asking[0]  # a header set over the wrong columns: the cell that asks someone is the recommendation
    else:  # the longest cell; of a Welsh cell and an English one side by side, the English
        text = max([cell for cell in cells if not WELSH_ASKS.match(cell)] or cells, key=len)
    if columns and NEW_RECOMMENDATION.match(text):
        # "New recommendation: The COG should ... (Key finding 4)", perhaps two in a cell, beside an earlier review's
        found = [_from_one_row(cells, part, columns, page) for part in NEW_RECOMMENDATION.split(text) if part.strip()]
        for recommendation in filter(None, found):
            _tag_finding(recommendation)
        return list(filter(None, found))
    parts = NEXT_LABELLED.split(text)
    if columns and len(parts) > 1 and all(LABEL.match(part) for part in parts[1:]):
        at = columns["text"]  # (each with the row's other cells: its label, whom it asks, its findings)
        return [found for part in parts for found in _from_row([*cells[:at], part, *cells[at + 1 :]], columns, page)]
    listed = segmentation.numbered_items(text)
    if columns and len(listed) >= 2 and all(DIRECTIVE.search(item) for _, item in listed):
        # "1. The LSCB should ... 2. The Trust should ...": two recommendations in one cell, numbered as the report does
        found = [_from_one_row(cells, item, columns, page) for _, item in listed]
        for recommendation, (number, _) in zip(found, listed, strict=True):
            if recommendation is not None and not recommendation.label:
                recommendation.label = number
        return [recommendation for recommendation in found if recommendation]
    numbered = NEXT_NUMBERED.split(text)
    if columns and all(map(NUMBERED_IN_CELL.match, numbered)):
        # "(1) The Trust should ... (2) The Trust should ...": numbered within the row's agency ("Trust (2)")
        out = []
        for part in numbered:
            number = NUMBERED_IN_CELL.match(part)
            if found := _from_one_row(cells, part[number.end() :], columns, page):
                found.label = found.label or f"{found.addressee_text} ({number.group(1)})".strip()
                out.append(found)
        return out
    bullets = [part for part in CELL_BULLET.split(text) if part.strip()]
    if columns and len(bullets) == 1:
        text = bullets[0]  # (a cell's one recommendation, its bullet aside)
    elif columns and len(bullets) >= 2 and all(map(OWN_SUBJECT.match, bullets)):
        # "• The LSCB should ... • The LSCB should ... | LSCB 1 LSCB 2 | 1 3": an agency's recommendations as bullets
        # in one cell, each with its label and finding level with it in the cells beside
        return [
            found
            for index, part in enumerate(bullets)
            for found in _from_row(_level_with(cells, columns, index, len(bullets), part), columns, page)
        ]
    found = _from_one_row(cells, text, columns, page)
    return [found] if found else []


def _level_with(cells, columns, index, count, text):
    """The row's cells for the index-th of count recommendations in its text cell: that text, and the index-th label
    and finding of cells that hold one for each ("LSCB 1 LSCB 2 LSCB 3", "1 3 2"); a cell holding one for all kept."""
    out = list(cells)
    out[columns["text"]] = text
    for key, pattern in (("label", LABEL_TOKEN), ("finding", FINDING_TOKEN)):
        at = columns.get(key, len(cells))
        if at < len(cells) and len(tokens := pattern.findall(cells[at])) == count:
            out[at] = tokens[index]
    return out


# A bullet inside a table's cell, and a recommendation that names whom it asks before its verb ("The LSCB should").
CELL_BULLET = re.compile(r"(?:^|\s+)[\u2022\u25aa\u25cf\u25e6\u2023]\s+")
OWN_SUBJECT = re.compile(
    r"^(?-i:[A-Z])[^.:;]{0,120}?\b(?:should|must|shall|(?:is|are)\s+(?:asked|requested|invited)\s+to)\b", re.IGNORECASE
)
# One label or finding of several set level with a cell's bullets: "LSCB 1", "CSC 2", "R3", "3.1"; "1", "4".
LABEL_TOKEN = re.compile(r"\b[A-Z][A-Za-z&/]{0,6}\s?\d{1,2}(?:\.\d{1,2})?[a-z]?\b|(?<!\S)\d{1,2}(?:\.\d{1,2})?(?!\S)")
FINDING_TOKEN = re.compile(r"(?<!\S)(?:[A-Z][A-Za-z]{0,10}\s?)?\d{1,2}(?:\.\d{1,2})?(?!\S)")


# A run-in that marks a cell's recommendation as this review's: "New recommendation: ...".
NEW_RECOMMENDATION = re.compile(r"\s*\b(?:new|further|additional)\s+recommendation\s*:\s*", re.IGNORECASE)
# Recommendations numbered in brackets within a table's cell, one after another.
NUMBERED_IN_CELL = re.compile(r"\((\d{1,2})\)\s+")
NEXT_NUMBERED = re.compile(r"(?<=[.)])\s+(?=\(\d{1,2}\)\s+[A-Z])")


# A cell that gives a recommendation in Welsh and then in English ("Dylai'r Bwrdd ... (Dysgu 1) The Board should ...
# (Learning 1)"): where its English starts.
ENGLISH_AFTER_WELSH = re.compile(r"(?<=[.)])\s+(?=[A-Z][\w'\u2019-]*\b[^.]{0,150}?\bshould\b)")


def _english_half(text):
    """A bilingual cell's English recommendation; any other cell as it is."""
    if not re.match(r"(?:Dylai|Dylid|Bydd|Mae)\b", text):
        return text
    english = ENGLISH_AFTER_WELSH.search(text)
    return text[english.end() :] if english else text


# A card's lines written in the recommendation's own cell, after it: "Lead:", then "Linked to:" and "By:".
CARD_LEAD = re.compile(r"(?<=[.)])\s+Lead\s*:\s+")
CARD_LINES = re.compile(r"\s+(Linked to|By)\s*:\s+")


def _card_lines(text):
    """(the recommendation's words, {"Lead": ..., "Linked to": ..., "By": ...}) of a cell that ends with a card's
    lines; (text, {}) for any other cell."""
    lead = CARD_LEAD.search(text)
    if lead is None:
        return text, {}
    parts = CARD_LINES.split(text[lead.end() :])
    return text[: lead.start()], {"Lead": parts[0], **dict(zip(parts[1::2], parts[2::2], strict=True))}


def _carded(recommendation, parts):
    """A recommendation with what its card's lines say: whom it asks ("Lead") and its findings ("Linked to")."""
    if lead := parts.get("Lead", "").strip().rstrip("."):
        recommendation.addressee_text = _plain(lead)
    if linked := parts.get("Linked to", "").strip().rstrip("."):
        recommendation.reference = _finding_cell(linked)
    return recommendation


def _from_one_row(cells, text, columns, page):
    if LEAD_ROW.fullmatch(cells[0]):
        return None  # "Lead | The Department for Education": whom the row above asks (_from_blocks)
    # (a row of a table headed "Recommendation" is one, whatever its verb, unless it says there is none)
    if len(text.split()) < 5 or NONE_IN_ROW.match(text) or not (columns or DIRECTIVE.search(text)):
        return None
    if PROCEDURAL.match(text):
        return None  # "The SBNI is asked to note this report ...": a request to receive it, in the table's last row
    if re.match(r"(?:see|refer\s+to)\b", text.strip(), re.IGNORECASE):
        return None  # "See the new recommendation in the last row of this table": a pointer
    label = cells[columns["label"]] if columns and "label" in columns and columns["label"] < len(cells) else ""
    reference = ""
    if (own := LABEL.match(text)) and (not label or not NUMBER_LABEL.fullmatch(label)):
        # its own label in its cell ("L1 | ... | R1. The partnership should ..."): the row's code names its finding
        reference, label, text = label, _clean_label(own.group("label")), own.group("rest")
    elif not label and (numbered := SECTION_NUMBER.match(text)):  # the number typed in the cell: "7. The Board ..."
        label, text = numbered.group("number"), numbered.group("rest")
    text, parts = _card_lines(text)  # "... at handover. Lead: NHS Kilmardie Linked to: Key learning 1 By: March 2024"
    recommendation = ProposedRecommendation(_plain(_english_half(text)), _plain(label), page)
    recommendation.reference = _plain(reference)
    _carded(recommendation, parts)
    if columns and "to" in columns and columns["to"] < len(cells):
        recommendation.addressee_text = _plain(cells[columns["to"]])
    elif columns and "bodies" in columns:
        leads = [i for i in range(len(cells)) if f"body {i}" in columns and cells[i].strip().lower() == "lead"]
        if len(leads) == 1 and leads[0] < len(columns["bodies"]):
            recommendation.addressee_text = _plain(columns["bodies"][leads[0]])
    if columns and "finding" in columns and columns["finding"] < len(cells):
        reference = cells[columns["finding"]]
        recommendation.reference = _finding_cell(reference)
    return recommendation


def _after_finding(finding, index):
    """The recommendations written after a finding (its "Recommendation(s)" part), each linked to it."""
    found = _from_blocks(finding.recommendations)
    for recommendation in found:
        recommendation.findings = [index]
    return found


def _address(recommendation):
    """Whom the recommendation asks: its own words before "should" when they name someone, else the table's
    addressee or lead (or "To NHS X, ..."), the code's agency, or the sub-heading it is under."""
    text = RESOLVED_TO.sub("", recommendation.text, count=1)  # ("It was RESOLVED to recommend that the police ...")
    text = re.sub(
        r"^that,\s+[^,]{3,120},\s+", "that ", text
    )  # ("that, when Working Together is next revised, the ...")
    text = re.sub(  # ("That the Trust's Gateway service, when it is told ..., contact the father": the clause aside)
        r"^((?i:that)\s+[^,]{2,80}?),\s+(?i:when|where|whenever|if|once|before|after)\s[^,]{3,160},\s+", r"\1 ", text
    )
    text = re.sub(  # ("Where a referral concerns a child's basic care, the Trust should ...": whom it asks after)
        r"^(?i:where|when|whenever|if|once|before|after|unless|until)\s[^,]{3,160},\s+(?=(?:the\s+)?[A-Z])", "", text
    )
    bare = BARE_SUBJECT.match(text) if re.match(r"that\s", text, re.IGNORECASE) else None  # "that the police ensure"
    subject = (
        WE_ASK.match(text)
        or QUESTION_ASK.match(text)
        or INFINITIVE_ASK.match(text)
        or bare
        or SUBJECT.match(text)
        or BARE_SUBJECT.match(text)
    )
    if subject is not None and len(subject.group("subject").split()) > 14 and (first := BARE_SUBJECT.match(text)):
        subject = first  # ("the Department for Education considers, ..., setting out what should happen")
    own = re.sub(r"^that\s+", "", subject.group("subject"), flags=re.IGNORECASE).strip() if subject else ""
    # ("Ofsted, with the Care Quality Commission and ...": whom it asks first)
    own = re.split(r",\s+(?:together\s+with|working\s+with|jointly\s+with|with)\s", own, maxsplit=1)[0]
    own = re.sub(r"^(?:together|jointly|working)\s+with\s+[^,]{2,80},\s+", "", own, flags=re.IGNORECASE)  # ("Together
    # with the Reporter's national body, the Scottish Government should ...")
    if re.match(rf"(?:{ACTIONS})\b", text, re.IGNORECASE) or len(own.split()) > 14:
        own = ""  # "Publish advice for schools, setting out what staff should do": its verb comes first
    if recommendation.group and re.fullmatch(r"the department", own, re.IGNORECASE):
        own = ""  # "The Department should ..." under "Social Services": that department, not the government's
    # A table's addressee or lead column says whom, unless the words ask the partnership ("The partnership should
    # seek assurance from the ICB", led by the ICB); "its midwifery services" after "To NHS X, it recommends that" is
    # NHS X's.
    explicit = recommendation.addressee_text
    if re.fullmatch(r"(?i)you", own) and not explicit:  # "You should ...": the body the report is written to
        recommendation.addressee, recommendation.addressee_text = "partnership", "You"
        return
    partnership = PARTNERSHIP.search(own) and not (NATIONAL.search(own) or terms.mentions(own))
    national = NATIONAL.search(own)
    if (
        own
        and (
            _names_someone(own)
            or (ORGANISATION.search(own) and explicit and not _names_someone(explicit))
            or (ORGANISATION.search(own) and not explicit and re.match(r"(?!the\b)(?-i:[A-Z])", own, re.IGNORECASE))
        )  # ("Llanfrogan University Health Board should ...", under the board's running header: the health board)
        and not re.match(r"(?i)(?:its|their)\b", own)
        and (not explicit or partnership or national or not _names_someone(explicit))
    ):  # (a government department asked, whoever the lead column says carries it forward; a lead column naming a
        # post, "Detective Superintendent", says less than "The police should")
        words = own
    else:
        words = explicit
    code = re.match(r"^(?-i:([A-Z]{1,5}))\s?\d", recommendation.label)
    if not words and code and code.group(1) in CODES and CODES[code.group(1)]:
        recommendation.addressee, recommendation.agencies = "agencies", [CODES[code.group(1)]]
        return
    if not words:
        words = recommendation.group or own  # "Children's Social Care" over "Practitioners should ..."
    if not words:
        return
    named = list(dict.fromkeys(mention.agency for mention in terms.mentions(words)))
    if NATIONAL.search(words):
        recommendation.addressee = "national"
    elif PARTNERSHIP.search(words) and not named:
        recommendation.addressee = "partnership"
    elif named:
        # ("The Primary Care Trust should ensure that health visitors ...": the service of its own it sets to act)
        acting = _acting(text, subject.end() if subject else 0, within=12)
        if acting and set(named) <= BROAD and {terms.SECTOR[a] for a in acting} <= {terms.SECTOR[a] for a in named}:
            named = acting
        # ("Police (Public Protection Unit)", "the children's services front door": the part, not the whole)
        named = [
            a for a in named if a not in BROAD or not any(b != a and terms.SECTOR[b] == terms.SECTOR[a] for b in named)
        ]
        recommendation.addressee, recommendation.agencies = "agencies", named
    elif ORGANISATION.search(words) or HOMES.search(words):  # "The Trust", "NHS Northshire": which agencies, its
        # words may say
        # ("its midwifery services should ...": the services its own words name)
        acting = terms.agencies_named(own) or _acting(text, subject.end() if subject else 0)
        acting = ["Housing association"] if HOMES.search(words) else acting
        recommendation.addressee, recommendation.agencies = "agencies", acting
    else:
        recommendation.addressee = "other"
    recommendation.addressee_text = (words[:1].upper() + words[1:])[:300]


# Agencies that name a whole service of which the recommendation's words may set one part to act.
BROAD = {"Children's social care", "Police", "GP and primary care", "School"}
# "Stavenmoor Homes", "Tai Maes Tylluan", "Cartrefi Nantgwilym" (Welsh "tai", houses, and "cartrefi", homes, open a
# landlord's name): a housing association
HOMES = re.compile(r"(?-i:\b[A-Z][a-z]+ Homes\b|^(?:[Tt]he\s+)?(?:Tai|Cartrefi)\s+[A-Z])")
# Between two agencies that act together: "GPs and emergency department staff", "CAMHS and community dental services".
JOINED = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or|&|/)\s*(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?")


def _acting(text, start, *, within=None):
    """The agencies the recommendation's words set to act: the first it names after its subject (within so many
    words, if given), with those joined to it, not those they are to tell ("... and tell children's social care")."""
    found = [mention for mention in terms.mentions(text) if mention.start >= start]
    if not found or (within is not None and len(text[start : found[0].start].split()) > within):
        return []
    group = found[:1]
    for mention in found[1:]:
        if not JOINED.fullmatch(text[group[-1].end : mention.start]):
            break
        group.append(mention)
    return list(dict.fromkeys(mention.agency for mention in group))


def _finding_keys(finding, index):
    """The numbers by which a recommendation may refer to a finding: its label's number, word, letter or roman
    numeral ("Finding 2", "Learning point one", "Theme A", "Key Learning Area (ii)"), else its place."""
    if not finding.label:
        return {str(index + 1)}
    raw = finding.label.split()[-1].strip("():.")
    lower = raw.lower()
    if lower in segmentation.NUMBER_WORDS:
        return {str(segmentation.NUMBER_WORDS[lower])}
    if len(raw) == 1 and raw.isalpha():
        return {raw.upper()}
    if lower and set(lower) <= set("ivx"):
        return {str(segmentation.series_number(f"({lower})"))}
    return {raw}


def _referenced(text, findings):
    """The findings a recommendation names ("(Finding 2)", "arising from Learning point 4", "Theme A")."""
    out = []
    keys = [_finding_keys(finding, index) for index, finding in enumerate(findings)]
    for match in REFERENCE.finditer(text):
        for raw in re.findall(rf"\b[A-H]\d{{0,2}}\b|(?i:{REF_NUMBER})", match.group("numbers")):  # "Theme Four", "A1"
            number = str(segmentation.NUMBER_WORDS.get(raw.lower(), raw))
            for index, finding_keys in enumerate(keys):
                if number in finding_keys and index not in out:
                    out.append(index)
    for match in TERMS_REFERENCE.finditer(text):  # "(ToR 1, 5)": the findings that answer those terms of reference
        for number in re.findall(r"\d{1,2}", match.group("numbers")):
            for index, finding in enumerate(findings):
                answers = TERM_TITLE.match(finding.label or finding.title)
                if answers and answers.group(1) == number and index not in out:
                    out.append(index)
    for index, finding in enumerate(findings):  # its label as written, in words no list holds: "(Concern 3)"
        written = finding.label and re.search(rf"(?<!\w){re.escape(finding.label)}(?!\w|\.\d)", text, re.I)
        if written and index not in out:
            out.append(index)
    return out
