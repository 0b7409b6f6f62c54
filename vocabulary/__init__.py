"""The vocabulary of the field, below every app: controlled lists for review metadata in the four UK nations,
and the safeguarding acronyms and groups of phrases that mean the same (data/), which the theme matcher, the
theme suggester and search all read."""

import functools
import json
import re
from pathlib import Path

from django.db import models

DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def acronyms():
    """Safeguarding acronyms and their expansions ("DV" -> "domestic violence")."""
    return json.loads((DATA / "acronyms.json").read_text(encoding="utf-8"))["acronyms"]


@functools.cache
def synonym_groups():
    """Groups of phrases practitioners use for the same thing (lists of strings)."""
    return [list(group) for group in json.loads((DATA / "synonyms.json").read_text(encoding="utf-8"))["groups"]]


@functools.cache
def practice_terms():
    """Terms of art of safeguarding practice ("toxic trio", "cuckooing"), each with its meaning."""
    return json.loads((DATA / "practice_terms.json").read_text(encoding="utf-8"))["terms"]


@functools.cache
def field_words():
    """The words of the field's terms of art and acronyms, lower case: real words, never spelling mistakes."""
    words = {word.lower() for term in practice_terms() for word in re.findall(r"[\w']+", term["term"])}
    words |= {acronym.lower() for acronym in acronyms()}
    words |= {acronym.lower() + "s" for acronym in acronyms()}  # "ACEs", "CPRs"
    return frozenset(words)


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


class Region(models.TextChoices):
    """English regions (England only)."""

    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire-and-the-humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"


class ReviewType(models.TextChoices):
    SCR = "scr", "Serious case review"
    LCSPR = "lcspr", "Local child safeguarding practice review"
    NATIONAL = "national-review", "National child safeguarding practice review"
    RAPID = "rapid-review", "Rapid review"
    CPR = "cpr", "Child practice review"
    SUSR = "susr", "Single unified safeguarding review"
    SIGNIFICANT = "significant-case-review", "Significant case review"
    LEARNING = "learning-review", "Learning review"
    CMR = "cmr", "Case management review"
    THEMATIC = "thematic-review", "Thematic or other learning review"


# The nations that use each review type; a type missing here is used in any nation. Wales held
# serious case reviews until child practice reviews replaced them in 2013.
REVIEW_TYPE_NATIONS = {
    ReviewType.SCR: {Nation.ENGLAND, Nation.WALES},
    ReviewType.LCSPR: {Nation.ENGLAND},
    ReviewType.NATIONAL: {Nation.ENGLAND},
    ReviewType.RAPID: {Nation.ENGLAND},
    ReviewType.CPR: {Nation.WALES},
    ReviewType.SUSR: {Nation.WALES},
    ReviewType.SIGNIFICANT: {Nation.SCOTLAND},
    ReviewType.LEARNING: {Nation.SCOTLAND},
    ReviewType.CMR: {Nation.NORTHERN_IRELAND},
}


def review_type_choices():
    """The review types for a form, each with the nations that use it ("Child practice review (Wales)"), in the
    order of the nations, types used anywhere last."""
    order = list(Nation)

    def nations(review_type):
        used = REVIEW_TYPE_NATIONS.get(review_type)
        return sorted(used, key=order.index) if used else []

    types = sorted(ReviewType, key=lambda t: (order.index(nations(t)[0]) if nations(t) else len(order), t.label))
    return [
        (t.value, f"{t.label} ({' or '.join(Nation(n).label for n in nations(t))})" if nations(t) else t.label)
        for t in types
    ]


def review_type_fits_nation(review_type, nation):
    nations = REVIEW_TYPE_NATIONS.get(review_type)
    return nations is None or nation in nations


class AgeBand(models.TextChoices):
    UNBORN = "unborn", "Unborn"
    UNDER_1 = "under-1", "Under 1"
    AGE_1_5 = "1-5", "1 to 5"
    AGE_6_10 = "6-10", "6 to 10"
    AGE_11_15 = "11-15", "11 to 15"
    AGE_16_17 = "16-17", "16 to 17"
    ADULT = "18-plus", "18 and over (care leavers, young adults)"


class Outcome(models.TextChoices):
    DEATH = "death", "Child died"
    SERIOUS_HARM = "serious-harm", "Child seriously harmed"
    OTHER = "other", "Other"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    MULTIPLE = "multiple", "Several children"
    NOT_STATED = "not-stated", "Not stated"


class HarmType(models.TextChoices):
    PHYSICAL = "physical abuse", "Physical abuse"
    SEXUAL = "sexual abuse", "Sexual abuse"
    EMOTIONAL = "emotional abuse", "Emotional abuse"
    NEGLECT = "neglect", "Neglect"
    EXPLOITATION = "exploitation", "Exploitation"
    SELF_HARM = "self-harm or suicide", "Self-harm or suicide"
    SUDI = "sudden unexpected death in infancy", "Sudden unexpected death in infancy"


def _fold(text):
    """Lower case, punctuation as spaces: "Child Practice Review (CPR)" -> "child practice review cpr"."""
    return " ".join("".join(c if c.isalnum() else " " for c in str(text or "").lower()).split())


def match_choice(choices, text):
    """The choice whose value or label is text, ignoring case and punctuation; None if there is none."""
    wanted = _fold(text)
    for value, label in choices.choices:
        if wanted in (_fold(value), _fold(label)):
            return choices(value)
    return None


NATION_ALIASES = {"ni": Nation.NORTHERN_IRELAND, "n ireland": Nation.NORTHERN_IRELAND, "cymru": Nation.WALES}


def match_nation(text):
    return match_choice(Nation, text) or NATION_ALIASES.get(_fold(text))


# Phrases that name a review type, longest first so that "national child safeguarding practice
# review" wins over "child safeguarding practice review". "SCR" is a serious case review in
# England but a significant case review in Scotland.
_TYPE_PHRASES = [
    ("national child safeguarding practice review", ReviewType.NATIONAL),
    ("local child safeguarding practice review", ReviewType.LCSPR),
    ("child safeguarding practice review", ReviewType.LCSPR),
    ("single unified safeguarding review", ReviewType.SUSR),
    ("significant case review", ReviewType.SIGNIFICANT),
    ("case management review", ReviewType.CMR),
    ("serious case review", ReviewType.SCR),
    ("child practice review", ReviewType.CPR),
    ("thematic", ReviewType.THEMATIC),
    ("rapid review", ReviewType.RAPID),
    ("learning review", ReviewType.LEARNING),
    ("national review", ReviewType.NATIONAL),
    ("lcspr", ReviewType.LCSPR),
    ("cspr", ReviewType.LCSPR),
    ("susr", ReviewType.SUSR),
    ("cmr", ReviewType.CMR),
    ("cpr", ReviewType.CPR),
    ("silp", ReviewType.THEMATIC),
    ("lessons learned review", ReviewType.THEMATIC),
    ("learning lessons review", ReviewType.THEMATIC),
    ("multi agency", ReviewType.THEMATIC),
]


def review_type_phrases():
    """(phrase, review type) for the phrases that name a type of review, longest first."""
    return list(_TYPE_PHRASES)


def match_review_type(text, nation=""):
    """The review type that text names, leniently ("SCR", "Concise child practice review", "lcspr").

    Returns None when nothing matches. A "learning review" outside Scotland is a local learning
    review (thematic or other).
    """
    folded = _fold(text)
    if not folded:
        return None
    if folded in ("scr", "scrs"):
        return ReviewType.SIGNIFICANT if nation == Nation.SCOTLAND else ReviewType.SCR
    found = match_choice(ReviewType, folded)
    padded = f" {folded} "
    for phrase, review_type in _TYPE_PHRASES:
        if found is None and f" {phrase} " in padded:
            found = review_type
    if found == ReviewType.LEARNING and nation and nation != Nation.SCOTLAND:
        return ReviewType.THEMATIC
    return found


def usual_review_type(nation, year):
    """The review type a nation used in a given year, for records that do not say."""
    if nation == Nation.ENGLAND:
        return ReviewType.SCR if year and year < 2019 else ReviewType.LCSPR
    if nation == Nation.WALES:
        if year and year < 2013:
            return ReviewType.SCR
        return ReviewType.SUSR if year and year >= 2025 else ReviewType.CPR
    if nation == Nation.SCOTLAND:
        return ReviewType.SIGNIFICANT if year and year < 2022 else ReviewType.LEARNING
    if nation == Nation.NORTHERN_IRELAND:
        return ReviewType.CMR
    return ReviewType.THEMATIC
