"""What a query says about the reviews it wants beyond its topic: a nation ("Welsh"), a type of review ("SCR",
"case management review"), the child's age ("baby", "teenager"), a period ("since 2018") or an agency ("health
visitor"). Search keeps every word of the query as typed, ranks the results that fit what was recognised
higher, and offers each as a one-click filter ("Filter to: Scotland · Significant case review")."""

import re
from dataclasses import dataclass, field

from agencies.models import Agency
from agencies.terms import agencies_named
from vocabulary import AgeBand, Nation, ReviewType, review_type_phrases

# Nations, by the words practitioners use for them. "NI" counts only in capitals.
NATIONS = [
    (r"northern ireland|northern irish|n\.? ?ireland", Nation.NORTHERN_IRELAND),
    (r"england|english", Nation.ENGLAND),
    (r"wales|welsh|cymru", Nation.WALES),
    (r"scotland|scottish|scots", Nation.SCOTLAND),
]
CAPITALS_ONLY = {"NI": Nation.NORTHERN_IRELAND}

AGES = [
    (r"unborn|pre-?birth|pregnan\w*|antenatal|pre-?natal", [AgeBand.UNBORN]),
    (r"bab(?:y|ies)|infants?|new-?borns?|neonat\w*|non-?mobile|under (?:one|1)s?|under a year", [AgeBand.UNDER_1]),
    (r"toddlers?|pre-?school\w*|under (?:five|5)s?|young children", [AgeBand.UNDER_1, AgeBand.AGE_1_5]),
    (r"primary(?:-| )(?:school|age)\w*", [AgeBand.AGE_6_10]),
    (
        r"teen(?:ager)?s?|adolescen\w*|secondary(?:-| )school\w*|young (?:people|person)",
        [AgeBand.AGE_11_15, AgeBand.AGE_16_17],
    ),
    (r"care leavers?|young adults?|over 18s?|18 ?\+", [AgeBand.ADULT]),
]

NOT_A_TYPE = {"multi agency"}  # "multi-agency working" is not a review of that type

YEAR = r"(19[89]\d|20[0-4]\d)"
PERIODS = [
    (rf"(?:between|from) {YEAR} (?:and|to|-) {YEAR}", lambda a, b: (int(a), int(b))),
    (rf"{YEAR} ?(?:-|\u2013|to) ?{YEAR}", lambda a, b: (int(a), int(b))),
    (rf"(?:since|from) {YEAR}", lambda a: (int(a), None)),
    (rf"(?:after) {YEAR}", lambda a: (int(a) + 1, None)),
    (rf"(?:before) {YEAR}", lambda a: (None, int(a) - 1)),
    (rf"(?:until|up to|to) {YEAR}", lambda a: (None, int(a))),
    (rf"(?:in) {YEAR}", lambda a: (int(a), int(a))),
]


@dataclass(frozen=True)
class Offer:
    """A filter the query names: the filter's name, its value, and how to say it."""

    filter: str
    value: str
    label: str


@dataclass
class Understood:
    nations: list = field(default_factory=list)
    review_types: list = field(default_factory=list)
    age_bands: list = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    agencies: list = field(default_factory=list)  # slugs

    @property
    def dimensions(self):
        """How many kinds of thing were recognised (each counts once in the ranking)."""
        return sum(bool(x) for x in (self.nations, self.review_types, self.age_bands, self.agencies)) + (
            self.year_from is not None or self.year_to is not None
        )

    def offers(self, filters):
        """One-click filters for what was recognised and is not filtered on already."""
        offers = [Offer("nation", n.value, n.label) for n in self.nations]
        offers += [Offer("review_type", t.value, t.label) for t in self.review_types]
        offers += [Offer("age_band", a.value, a.label) for a in self.age_bands]
        labels = dict(Agency.objects.filter(slug__in=self.agencies).values_list("slug", "name"))
        offers += [Offer("agency", slug, labels[slug]) for slug in self.agencies if slug in labels]
        if self.year_from is not None:
            offers.append(Offer("year_from", str(self.year_from), f"from {self.year_from}"))
        if self.year_to is not None:
            offers.append(Offer("year_to", str(self.year_to), f"to {self.year_to}"))
        return [o for o in offers if o.value not in _chosen(filters.get(o.filter))]


def _chosen(value):
    if value in (None, ""):
        return set()
    return {str(v) for v in value} if isinstance(value, list | tuple | set) else {str(value).split(".")[0]}


def _found(pattern, text):
    return re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", text) is not None


def understand(query):
    """What the query says about the reviews it wants (Understood; empty for a query that says nothing)."""
    typed = query or ""
    text = " ".join(typed.lower().split())
    understood = Understood()
    for pattern, nation in NATIONS:
        if _found(pattern, text):
            understood.nations.append(nation)
    for word, nation in CAPITALS_ONLY.items():
        if re.search(rf"\b{word}\b", typed) and nation not in understood.nations:
            understood.nations.append(nation)
    understood.review_types = _review_types(typed, text, understood.nations)
    for pattern, bands in AGES:
        if _found(pattern, text):
            understood.age_bands += [band for band in bands if band not in understood.age_bands]
    names = agencies_named(typed)
    if names:
        slugs = dict(Agency.objects.filter(name__in=names).values_list("name", "slug"))
        understood.agencies = list(dict.fromkeys(slugs[name] for name in names if name in slugs))
    for pattern, period in PERIODS:
        found = re.search(rf"(?<!\w){pattern}(?!\w)", text)
        if found:
            understood.year_from, understood.year_to = period(*found.groups())
            break
    return understood


def _review_types(typed, text, nations):
    types = []
    for phrase, review_type in review_type_phrases():
        if phrase in NOT_A_TYPE:
            continue
        short = len(phrase) <= 5  # an acronym: "CPR" is also resuscitation, "CMR" a chemistry term
        if short and not re.search(rf"\b{re.escape(phrase.upper())}s?\b", typed):
            continue
        if not short and not _found(re.escape(phrase) + "s?", text):
            continue
        if review_type not in types:
            types.append(review_type)
    if re.search(r"\bSCRs?\b", typed, re.IGNORECASE):
        if Nation.SCOTLAND in nations:
            types.append(ReviewType.SIGNIFICANT)
        elif nations:
            types.append(ReviewType.SCR)
        else:  # a serious case review in England and Wales, a significant one in Scotland
            types += [ReviewType.SCR, ReviewType.SIGNIFICANT]
    return list(dict.fromkeys(types))
