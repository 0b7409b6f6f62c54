"""Search over the findings and reviews a user may see. Views, the API and exports call `search()`.

How a query is read:
- Practitioners type phrases. Every word that is not a stop word is a *concept*; a document
  need not contain them all. Results are ranked by how much of the query they cover (rare words
  weigh more than common ones), then by PostgreSQL's `ts_rank`, so the documents that match most
  of the ideas come first and a query never returns nothing just because one word is missing.
- `websearch` syntax works: a "quoted phrase" must appear as a phrase, `a OR b` is one concept
  either way, and `-word` or `-"a phrase"` excludes.
- Safeguarding vocabulary: acronyms and their expansions, and groups of words practitioners use
  for the same thing (findings/data/synonyms.json), match each other both ways. A synonym match
  counts a little less than the word itself.
- A query that names a theme (its name or a specific keyword) lifts the findings tagged with it.
- A word found nowhere in the published corpus gets a spelling suggestion from the corpus's own
  words ("neglet" -> "neglect"), and the results are for the suggestion.

How it runs: one SQL statement per search (`_run`), over narrow search entries (FindingEntry,
ReviewEntry: a vector and the review's fields that filters need), so that a broad search never reads
texts. Vocabulary phrases are single lexemes in the vectors (`compounds()`), so the GIN index answers
a match without re-reading rows. The visible entries that match most of the query are materialised
once (ids and a flag per active filter); the count comes from that set, each facet's counts (with the
other filters) from it or, above FACET_SAMPLE_ABOVE rows, from a sample of it. Up to EXACT_RANKING
matches every match gets the full score (coverage, ts_rank, the review's context, theme lift); above,
candidates come from tiers of the rarest concepts found through the index (`Plan.tiers`), a chunk at
a time, and only they have their vectors read (`_ranked_page`). bench/README.md has the figures.
"""

import dataclasses
import functools
import hashlib
import html
import itertools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.expressions import RawSQL

from agencies.models import Agency
from findings.indexing import corpus_version
from findings.models import (
    Facet,
    Finding,
    FindingEntry,
    Lesson,
    ReviewEntry,
    SearchTerm,
    SubqueryCount,
    Theme,
    acronyms,
)
from reviews.models import Review, visibility_key
from reviews.vocabulary import AgeBand, Nation, Outcome, Region, ReviewType

DATA = Path(__file__).resolve().parent / "data"
LEVELS = ("findings", "reviews")
SORTS = ("relevance", "newest", "oldest")
MAX_CONCEPTS = 12
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A
# Acronyms that are also ordinary words count only when typed in capitals.
AMBIGUOUS_ACRONYMS = {"SEND", "DA", "ED", "CP", "CIN", "LAC", "DNA", "CLA", "CME", "PLO", "DASH", "ICON", "CPR", "NRM"}
HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"


# Reading the query ---------------------------------------------------------------------------------
@dataclass
class Concept:
    """One idea of the query: what the user typed (exact) and what else means the same (variants)."""

    exact: list  # strings, ORed
    variants: list = field(default_factory=list)  # strings that mean the same
    phrase: bool = False  # a quoted phrase: required
    words: list = field(default_factory=list)  # the typed words, for suggestions


@dataclass
class ParsedQuery:
    concepts: list
    excluded: list  # strings

    @property
    def empty(self):
        return not self.concepts


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_EDGES = re.compile(r"^[^\w&]+|[^\w&]+$")


def parse(text):
    """Split a query into concepts and exclusions (websearch syntax)."""
    concepts, excluded = [], []
    join_next = False
    for match in _TOKEN.finditer(text or ""):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare == "OR" and concepts:
                join_next = True
                continue
            negated = "-" if bare.startswith("-") and len(bare) > 1 else ""
            word = _WORD_EDGES.sub("", bare.lstrip("-"))
            word = re.sub(r"['\u2019]s$", "", word)
            if not word:
                continue
            concept = Concept(exact=[word], words=[word])
        else:
            phrase = " ".join(quoted.split())
            if not phrase:
                continue
            concept = Concept(exact=[phrase], phrase=True, words=phrase.split())
        if negated:
            excluded.extend(concept.exact)
            join_next = False
            continue
        if join_next:
            previous = concepts[-1]
            previous.exact.extend(concept.exact)
            previous.words.extend(concept.words)
            previous.phrase = False
            join_next = False
        else:
            concepts.append(concept)
    return ParsedQuery(concepts=concepts[:MAX_CONCEPTS], excluded=excluded)


def _lexemes(tsquery_text):
    return re.findall(r"'((?:[^']|'')*)'", tsquery_text or "")


def _to_tsqueries(strings):
    """{string: its phraseto_tsquery text} for many strings in one round trip ('' for stop words)."""
    strings = sorted(set(strings))
    if not strings:
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT s, phraseto_tsquery('english', s)::text FROM unnest(%s::text[]) AS s", [strings])
        return dict(cursor.fetchall())


_HYPHENATED = re.compile(r"^'([^' ]+-[^' ]+)'(?: <-> '[^']+')+$")


def _compound(tsquery_text):
    """A hyphenated word alone ("co-sleeping": 'co-sleep' <-> 'co' <-> 'sleep') as its compound lexeme, which
    the parser stores only for the hyphenated form: the same matches, found by the index without re-reading
    each row's positions."""
    match = _HYPHENATED.match(tsquery_text or "")
    if match and tsquery_text.count("<->") == match.group(1).count("-") + 1:
        return f"'{match.group(1)}'"
    return tsquery_text


@functools.cache
def _synonym_groups():
    """Groups of phrases that mean the same, each phrase with its stems: [[(phrase, (stems...)), ...]]."""
    groups = [list(group) for group in json.loads((DATA / "synonyms.json").read_text(encoding="utf-8"))["groups"]]
    for acronym, expansion in acronyms().items():
        for group in groups:
            if acronym in group or expansion in group:
                group.extend(p for p in (acronym, expansion) if p not in group)
                break
        else:
            groups.append([acronym, expansion])
    queries = _to_tsqueries(p for group in groups for p in group)
    return [[(p, tuple(_lexemes(queries[p]))) for p in group] for group in groups]


@functools.cache
def compounds():
    """{tsquery text of a multi-word phrase of the vocabulary: the lexeme that stands for it in every vector}.

    Search entries carry one extra lexeme for each vocabulary phrase they contain ("lived experience":
    'live<->experi'; see findings.indexing), so that a synonym or an acronym's expansion is matched by the
    index alone: testing a phrase means re-reading each candidate row's positions, and reviews' vectors are
    stored out of line.
    """
    phrases = [phrase for group in _synonym_groups() for phrase, stems in group if len(stems) > 1]
    queries = _to_tsqueries(phrases).values()
    return {
        query: re.sub(r"[' ]", "", query)
        for query in queries
        if "<" in query and "''" not in query and _compound(query) == query
    }


def _indexable(tsquery_text):
    """A tsquery the index answers alone: a hyphenated word or a vocabulary phrase as its one lexeme."""
    name = compounds().get(tsquery_text)
    return f"'{name}'" if name else _compound(tsquery_text)


# Single-word theme keywords too general to say that a query is about the theme.
GENERIC_KEYWORDS = {
    "referral", "contact", "assessment", "analysis", "challenge", "closed", "flag", "alert", "records", "recording",
    "transfer", "online", "culture", "cultural", "race", "faith", "religion", "hostile", "reluctant", "resistant",
    "avoidant", "curious", "optimism", "drift", "dispute", "escalate", "threshold", "training", "capacity",
    "staffing", "caseload", "workload", "housing", "debt", "father", "disclosure", "internet", "exclusion",
    "hypothesis", "assumption", "misinterpreted", "reassess", "chronology", "documentation", "sofa", "overlay",
    "drugs", "alcohol", "anxiety", "depression", "disability", "disabled", "deaf", "stepfather", "transition",
}  # fmt: skip


def _theme_patterns():
    """[(theme slug, stems of its name or one of its keywords)] for spotting themes named in a query.

    Read once per version of the corpus (a theme's change moves the version on; see findings.signals)."""
    return cache.get_or_set(f"theme-patterns:{corpus_version()}", _read_theme_patterns, timeout=3600)


def _read_theme_patterns():
    themes = list(Theme.objects.active().values_list("slug", "name", "keywords"))
    queries = _to_tsqueries([name for _, name, _ in themes] + [k for *_, keywords in themes for k in keywords])
    patterns = []
    for slug, name, keywords in themes:
        patterns.append((slug, tuple(_lexemes(queries[name]))))
        patterns.extend((slug, tuple(_lexemes(queries[k]))) for k in keywords if k.lower() not in GENERIC_KEYWORDS)
    return [p for p in patterns if p[1]]


@dataclass
class Plan:
    """A query made ready for SQL. Exclusions are part of match, strict and every tier."""

    concepts: list  # [(exact tsquery, expanded tsquery, weight, required)]
    match: str  # tsquery text: what a document must match (any of the selective concepts)
    strict: str  # tsquery text: most of the rarest selective concepts
    highlight: str  # tsquery text: everything worth highlighting, phrases as phrases (for headlines and ts_rank)
    tiers: list  # [Tier]: the matches that cover the most (and rarest) concepts first
    themes: list  # theme slugs the query names
    unknown: list  # typed words found nowhere in the corpus


MAX_TIERS = 8
# Query words that rarely carry its meaning (practitioners type sentences): they rank, but a document
# need not have them. Stop words are dropped by PostgreSQL already.
WEAK_WORDS = {
    "could", "would", "should", "might", "must", "may", "can", "cannot", "yet", "still", "also", "never",
    "ever", "even", "just", "really", "much", "many", "often", "always", "already", "however", "though",
    "although", "whether", "like", "get", "got", "able", "seem", "seemed", "seems", "sometimes", "perhaps",
}  # fmt: skip
# The rarest concepts that decide what matches: a document matching k of n is found by the index testing
# every combination of k, which grows quickly with n.
MOST_CONCEPTS = 5


@dataclass
class Tier:
    query: str  # tsquery text, for the index
    before: str  # tsquery text: the tiers before it (their rows are not this tier's), or ""
    beyond_strict: bool  # whether it asks for more concepts than most of the query needs


def _or(parts):
    parts = [p for p in parts if p]
    return " | ".join(f"( {p} )" for p in parts)


def _without(query, excluded):
    return f"( {query} ) & !( {excluded} )" if excluded else query


def plan(parsed):
    """Turn a parsed query into tsqueries, weights and named themes. None when nothing is searchable."""
    strings = [s for c in parsed.concepts for s in c.exact] + parsed.excluded
    queries = _to_tsqueries(strings)
    groups = _synonym_groups()

    # Stems of each plain word, in order, to spot multi-word synonyms and theme keywords.
    sequence = []  # (concept index, stem)
    for index, concept in enumerate(parsed.concepts):
        if not concept.phrase and len(concept.exact) == 1:
            sequence.extend((index, stem) for stem in _lexemes(queries[concept.exact[0]]))
    stems_only = [stem for _, stem in sequence]
    for group in groups:
        for phrase, stems in group:
            if not stems or (phrase.isupper() and phrase in AMBIGUOUS_ACRONYMS):
                continue
            for start in range(len(stems_only) - len(stems) + 1):
                if tuple(stems_only[start : start + len(stems)]) == stems:
                    for index, _ in sequence[start : start + len(stems)]:
                        parsed.concepts[index].variants.extend(p for p, _ in group if p != phrase)
    for concept in parsed.concepts:  # acronyms typed as such ("DV", "SEND" in capitals)
        for typed in concept.exact:
            expansion = acronyms().get(typed.upper())
            if expansion and (typed.isupper() or typed.upper() not in AMBIGUOUS_ACRONYMS):
                for group in groups:
                    if any(p == typed.upper() for p, _ in group):
                        concept.variants.extend(p for p, _ in group if p.upper() != typed.upper())

    variant_queries = _to_tsqueries(v for c in parsed.concepts for v in c.variants)
    all_stems = {stem for c in parsed.concepts for s in c.exact for stem in _lexemes(queries[s])}
    document_counts = dict(
        SearchTerm.objects.filter(stem__in=all_stems).values("stem").annotate(n=Max("ndoc")).values_list("stem", "n")
    )
    total = max(_corpus_size(), 1)

    concepts, unknown, highlight = [], [], []
    for concept in parsed.concepts:
        exact = _or(_indexable(queries[s]) for s in concept.exact)
        if not exact:
            continue  # only stop words
        highlight.extend(queries[s] for s in concept.exact)
        highlight.extend(variant_queries.get(v, "") for v in concept.variants)
        stems = [stem for s in concept.exact for stem in _lexemes(queries[s])]
        df = max((document_counts.get(stem, 0) for stem in stems), default=0)
        if df == 0 and not concept.phrase:
            unknown.extend(w for w in concept.words if _lexemes(queries.get(w, "")) or w in concept.exact)
        weight = math.log(1 + total / (1 + df))
        variants = (_indexable(variant_queries.get(v, "")) for v in dict.fromkeys(concept.variants))
        expanded = _or([exact, *variants])
        weak = not concept.phrase and all(w.lower() in WEAK_WORDS for w in concept.words)
        concepts.append((exact, expanded, weight, concept.phrase, df, weak))
    if not concepts:
        return None

    # A document must match at least one concept; words in more than half the corpus, and words that
    # rarely carry a query's meaning ("could", "yet"), only rank. First try the documents that match
    # most of the (at most five) rarest concepts: both of two, two of three, three of four or five; a
    # search falls back to any one of them when that gives too few (_fallbacks()).
    selective = [c for c in concepts if (c[4] <= total / 2 and not c[5]) or c[3]] or concepts
    required = [c for c in concepts if c[3]]
    match = _or(c[1] for c in selective)
    rarest = sorted((c for c in selective if not c[3]), key=lambda c: c[4])[:MOST_CONCEPTS]
    needed = len(rarest) if len(rarest) <= 2 else len(rarest) // 2 + 1
    strict = match
    # Two concepts: both, synonyms included. Three or more: the words as typed (synonyms make broad matches
    # of their own; they still count in the ranking).
    form = 1 if len(rarest) <= 2 else 0
    if needed > 1:
        combos = itertools.combinations(rarest, needed)
        strict = _or(" & ".join(f"( {c[form]} )" for c in combo) for combo in combos)
    base = [c[1] for c in required]
    if required:
        match = strict = " & ".join(f"( {b} )" for b in base)
    excluded = _or(_indexable(queries[s]) for s in parsed.excluded)

    # Tiers for ranking many matches: combinations of the rarest concepts (in the same form as strict), most
    # weight first, each an AND that the index answers quickly. A row belongs to the first tier it matches;
    # tiers smaller than `needed` hold rows that only the looser match admits.
    smallest = 0 if required else 1
    combos = [combo for size in range(len(rarest), smallest - 1, -1) for combo in itertools.combinations(rarest, size)]
    combos.sort(key=lambda combo: -sum(c[2] for c in combo))
    tiers, before = [], []
    for combo in combos[:MAX_TIERS]:
        tier = " & ".join(f"( {q} )" for q in base + [c[form] for c in combo])
        beyond = len(combo) > (0 if required else needed)
        tiers.append(Tier(_without(tier, excluded), _or(before), beyond))
        before.append(tier)
    if excluded:
        match, strict = _without(match, excluded), _without(strict, excluded)
    themes = []
    for slug, stems in _theme_patterns():
        if slug not in themes and any(
            tuple(stems_only[i : i + len(stems)]) == stems for i in range(len(stems_only) - len(stems) + 1)
        ):
            themes.append(slug)
    return Plan(
        concepts=[(c[0], c[1], c[2], c[3]) for c in concepts],
        match=match,
        strict=strict,
        highlight=_or(dict.fromkeys(highlight)),
        tiers=tiers,
        themes=themes,
        unknown=unknown,
    )


def _corpus_size():
    """Published findings and reviews, counted once per version of the corpus."""
    return cache.get_or_set(
        f"corpus-size:{corpus_version()}",
        lambda: (
            Finding.objects.filter(review__status=Review.Status.PUBLISHED).count() + Review.objects.published().count()
        ),
        timeout=3600,
    )


# Spelling ------------------------------------------------------------------------------------------
def _distance(a, b, limit):
    """Levenshtein distance, or limit + 1 once it is certainly more than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def suggest_spelling(text, unknown, exists=None):
    """The query with each unknown word replaced by the nearest corpus word, or None.

    exists(word) confirms a candidate: the word list may hold words that edits have since removed.
    """
    corrected = text
    changed = False
    for word in unknown:
        lowered = word.lower()
        if len(lowered) < 3 or not lowered.isalpha():
            continue
        limit = 1 if len(lowered) <= 5 else 2
        candidates = (
            SearchTerm.objects.exclude(stem="")
            .filter(
                Q(word__startswith=lowered[0])
                | Q(word__startswith=lowered[:2][::-1])
                | Q(word__regex=f"^.{re.escape(lowered[1])}")
            )
            .annotate(length=Func(F("word"), function="length"))
            .filter(length__gte=len(lowered) - limit, length__lte=len(lowered) + limit)
            .values_list("word", "ndoc")
        )
        ranked = sorted(
            (distance, -ndoc, candidate)
            for candidate, ndoc in candidates
            if (distance := _distance(lowered, candidate, limit)) <= limit
        )
        best = next((c for _, _, c in ranked[:20] if exists is None or exists(c)), None)
        if best:
            corrected = re.sub(rf"\b{re.escape(word)}\b", best, corrected, count=1)
            changed = True
    return corrected if changed else None


# Filters -------------------------------------------------------------------------------------------
FILTERS = ("theme", "facet", "agency", "nation", "region", "review_type", "year_from", "year_to", "age_band", "outcome")


def _ids(model, **lookup):
    return list(model.objects.filter(**lookup).values_list("pk", flat=True))


# Filters on the review's own fields (copied onto every search entry): the lookup each one makes.
REVIEW_LOOKUPS = {
    "nation": "nation__in",
    "region": "region__in",
    "review_type": "review_type__in",
    "year_from": "year__gte",
    "year_to": "year__lte",
    "age_band": "age_bands__overlap",
    "outcome": "outcome__in",
}


def filter_q(filters, skip=None):
    """A Q on search entries for every active filter but `skip`. filters holds cleaned values (findings.filters)."""
    q = Q()
    for name in FILTERS:
        value = filters.get(name)
        if name == skip or value in (None, "", []):
            continue
        # A finding's theme ids include those of its review as a whole; a review's, those of its findings.
        if name == "theme":
            ids = _ids(Theme, slug__in=value)
            if filters.get("theme_match") == "all":
                q &= Q(theme_ids__contains=ids) if len(ids) == len(set(value)) else Q(pk__in=[])
            else:
                q &= Q(theme_ids__overlap=ids)
        elif name == "facet":
            q &= Q(theme_ids__overlap=_ids(Theme, facet__in=value))
        elif name == "agency":
            q &= Q(agency_ids__overlap=_ids(Agency, slug__in=value))
        else:
            q &= Q(**{REVIEW_LOOKUPS[name]: value})
    return q


# Running a search ----------------------------------------------------------------------------------
@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: str
    level: str
    sort: str
    count: int
    results: list  # Finding or Review objects with .score and .snippet (reviews: .top_findings)
    facets: dict  # name -> [FacetOption]
    page: int
    page_size: int
    corrected_from: str = ""  # the query as typed, when results are for a spelling suggestion
    themes_named: list = field(default_factory=list)
    lessons: list = field(default_factory=list)  # recurring lessons that match the query (first page only)
    facets_approximate: bool = False  # facet counts estimated from a sample (very broad searches)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1


ENTRIES = {"findings": FindingEntry, "reviews": ReviewEntry}


def _entries(level, user):
    """The search entries of the level that the user may see (entries carry their review's status and partnership)."""
    return ENTRIES[level].objects.filter(Review.visibility_filter(user))


def _matching(level, user, query_plan, full_text=False):
    """Entries the user may see that match the query (all they may see when there is no query).

    full_text: reviews may also match by their full text (large, so only when asked).
    """
    queryset = _entries(level, user)
    if query_plan is None:
        return queryset
    table = ENTRIES[level]._meta.db_table
    condition = f"{table}.vector @@ %s::tsquery"
    if level == "reviews" and full_text:
        condition = f"({condition} OR {table}.full_text_vector @@ %s::tsquery)"
    params = [query_plan.match] * condition.count("%s")
    return queryset.alias(text_match=RawSQL(condition, params, output_field=BooleanField())).filter(text_match=True)


def _score_sql(query_plan, own, context=None, theme_ids=None):
    """(SQL, params) for the relevance score of a row, given the SQL for its vectors and theme ids.

    3 x how much of the query the row covers (rare concepts weigh more; a synonym counts 0.7 of the
    word itself) + ts_rank; for a finding, the SQL `context` adds how well its review as a whole
    matches (see _context_sql); 0.5 more when the row carries a theme the query names.
    """
    sql, params = _coverage_sql(query_plan, own)
    sql = f"3.0 * {sql} + ts_rank('{WEIGHTS}', {own}, %s::tsquery, 32)"
    params.append(query_plan.highlight)
    if context:
        sql += f" + {context}"
    if query_plan.themes and theme_ids:
        sql += f" + 0.5 * ({theme_ids} && %s)::int"
        params.append(list(Theme.objects.filter(slug__in=query_plan.themes).values_list("pk", flat=True)))
    return sql, params


def _coverage_sql(query_plan, vector):
    total_weight = sum(c[2] for c in query_plan.concepts)
    terms, params = [], []
    for exact, expanded, weight, _ in query_plan.concepts:
        terms.append(f"%s * (0.3 * ({vector} @@ %s::tsquery)::int + 0.7 * ({vector} @@ %s::tsquery)::int)")
        params.extend([weight / total_weight, exact, expanded])
    return "(" + " + ".join(terms) + ")", params


def _context_sql(query_plan, vector):
    """How well a review as a whole (its context vector) matches: 1 x its coverage + half its rank."""
    sql, params = _coverage_sql(query_plan, vector)
    params.append(query_plan.highlight)
    return f"1.0 * {sql} + 0.5 * ts_rank('{WEIGHTS}', {vector}, %s::tsquery, 32)", params


# One statement per search: the matching entries the user may see are materialised once, with a flag
# per active filter; the count, every facet's counts (each with the other filters) and the requested
# page are all read from that set. Entries are narrow (see FindingEntry), and only the rows being
# ranked have their vectors read.
FACET_COLUMNS = {"nation": "nation", "region": "region", "review_type": "review_type", "outcome": "outcome"}
STRICT_MINIMUM = 20  # below this many rows matching most of the query, search ranks every partial match
# Ranking reads each ranked row's vector. Up to EXACT_RANKING matches are all ranked; above, the rows
# that match the most (and rarest) concepts are ranked first, CHUNK at a time (see Plan.tiers).
EXACT_RANKING = 2_000
CHUNK = 500
# Above FACET_SAMPLE_ABOVE matching rows, facets are counted on a sample of about FACET_SAMPLE rows
# and scaled up, shown as "about" (the total count stays exact).
FACET_SAMPLE_ABOVE = 5_000
FACET_SAMPLE = 2_500


def _flags_queryset(level, user, query_plan, filters, full_text):
    active = [name for name in FILTERS if filters.get(name) not in (None, "", [])]
    groups = sorted({"year" if name in ("year_from", "year_to") else name for name in active})
    flags = {}
    for group in groups:
        names = ("year_from", "year_to") if group == "year" else (group,)
        only = {name: filters.get(name) for name in names}
        if group == "theme":
            only["theme_match"] = filters.get("theme_match")
        flags[f"ok_{group}"] = ExpressionWrapper(filter_q(only), output_field=BooleanField())
    queryset = _matching(level, user, query_plan, full_text).annotate(
        **flags, of_review=F("review_id") if level == "findings" else F("pk")
    )
    return queryset.order_by().values("pk", "of_review", "year", "date", *flags), groups


def _run(level, user, query_plan, filters, sort, offset, limit, full_text=False):
    """(count, {facet: {value: count}}, [(id, score)] for the page, facets sampled?) in one round trip.

    Browsing (no query) reads every visible row, so its results are cached until the corpus
    changes; the key holds what decides them, including whether the user sees unpublished work.
    """
    if query_plan is not None:
        return _run_statement(level, user, query_plan, filters, sort, offset, limit, full_text)
    state = json.dumps(
        [corpus_version(), visibility_key(user), level, sort, offset, limit, filters], sort_keys=True, default=str
    )
    key = "browse:" + hashlib.sha256(state.encode()).hexdigest()
    result = cache.get(key)
    if result is None:
        result = _run_statement(level, user, query_plan, filters, sort, offset, limit, full_text)
        cache.set(key, result, timeout=3600)
    return result


def _run_statement(level, user, query_plan, filters, sort, offset, limit, full_text):
    flags_qs, groups = _flags_queryset(level, user, query_plan, filters, full_text)
    flags_sql, flags_params = flags_qs.query.sql_with_params()
    hits = " AND ".join([f"ok_{g}" for g in groups] or ["true"])

    def facet_where(skip):
        return " AND ".join([f"ok_{g}" for g in groups if g != skip] or ["true"])

    parts = [
        "SELECT 'count', '', n FROM sizes",
        "SELECT 'total', '', total FROM sizes",
        "SELECT 'sample', '', count(*) FROM fm WHERE (SELECT sampled FROM sizes)",
    ]
    params = []
    for name, column in FACET_COLUMNS.items():
        parts.append(
            f"SELECT '{name}', {column}::text, count(*) FROM fm WHERE {facet_where(name)} AND {column} <> '' "
            f"GROUP BY {column}"
        )
    parts.append(
        f"SELECT 'year', year::text, count(*) FROM fm WHERE {facet_where('year')} AND year IS NOT NULL GROUP BY year"
    )
    parts.append(
        f"SELECT 'age_band', band, count(*) FROM fm, unnest(age_bands) AS band WHERE {facet_where('age_band')} "
        "GROUP BY band"
    )
    for name, column in (("theme", "theme_ids"), ("agency", "agency_ids")):
        parts.append(
            f"SELECT '{name}', tag::text, count(*) FROM fm, unnest({column}) AS tag WHERE {facet_where(name)} "
            "GROUP BY tag"
        )
    for facet in Facet.values:
        parts.append(f"SELECT 'facet', %s, count(*) FROM fm WHERE {facet_where('facet')} AND theme_ids && %s")
        params += [facet, _ids(Theme, facet=facet)]

    ctes = [
        f"m AS MATERIALIZED (SELECT raw.*, raw.pk AS id, raw.of_review AS review FROM ({flags_sql}) raw)",
        f"sizes AS MATERIALIZED (SELECT count(*) FILTER (WHERE {hits}) AS n, count(*) AS total,"
        f" count(*) > {FACET_SAMPLE_ABOVE} AS sampled, greatest(1, count(*) / {FACET_SAMPLE}) AS step FROM m)",
        # The rows facets count, with the columns they count by (read again only for these rows): every
        # matching row, or a sample of them (every step-th id).
        # (OFFSET 0 keeps that a lookup by id per row: the planner cannot know how few rows are sampled.)
        "fm AS MATERIALIZED (SELECT m.*, e.* FROM m CROSS JOIN LATERAL (SELECT nation, region, review_type,"
        f" outcome, age_bands, theme_ids, agency_ids FROM {ENTRIES[level]._meta.db_table} WHERE id = m.id OFFSET 0) e"
        " WHERE NOT (SELECT sampled FROM sizes) OR m.id %% (SELECT step FROM sizes) = 0)",
    ]
    cte_params = list(flags_params)
    page_limit = "ALL" if limit is None else int(limit)  # None: every row (exports)
    if sort == "relevance" and query_plan is not None:
        page_sql, page_params = _ranked_page(level, user, query_plan, filters, hits, ctes, cte_params, offset, limit)
    else:
        order = "year ASC NULLS LAST, date ASC NULLS LAST, id ASC"
        if sort != "oldest":
            order = "year DESC NULLS LAST, date DESC NULLS LAST, id DESC"
        page_sql = (
            f"SELECT 'page', id::text, 0::float8 FROM m WHERE {hits} ORDER BY {order} "
            f"OFFSET {int(offset)} LIMIT {page_limit}"
        )
        page_params = []
    parts.append(f"SELECT * FROM ({page_sql}) page")
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(f"({part})" for part in parts)
    count, total, sample, facets, page = 0, 0, 0, {}, []
    with transaction.atomic(), connection.cursor() as cursor:
        # Entries keep large vectors out of line: reading every row to test its vector (a sequential scan,
        # which the planner prefers when most rows match) costs far more than the index does.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, [*cte_params, *params, *page_params])
        rows = cursor.fetchall()
        cursor.execute("RESET enable_seqscan")
    for kind, value, n in rows:
        if kind == "count":
            count = int(n)
        elif kind == "total":
            total = int(n)
        elif kind == "sample":
            sample = int(n)
        elif kind == "page":
            page.append((int(value), float(n)))
        else:
            facets.setdefault(kind, {})[value] = int(n)
    if sample:  # scale the sample's counts up to every matching row
        facets = {kind: {v: round(n * total / sample) for v, n in values.items()} for kind, values in facets.items()}
    # Theme and agency counts come keyed by id (cheaper than joining every row to its tag's slug).
    for kind, model in (("theme", Theme), ("agency", Agency)):
        if kind in facets:
            slugs = dict(model.objects.filter(pk__in=[int(i) for i in facets[kind]]).values_list("pk", "slug"))
            facets[kind] = {slugs[int(i)]: n for i, n in facets[kind].items() if int(i) in slugs}
    return count, facets, page, bool(sample)


def _ranked_page(level, user, query_plan, filters, hits, ctes, cte_params, offset, limit):
    """(SQL, params) of the page in relevance order; adds the CTEs it needs to ctes.

    Up to EXACT_RANKING matches, every match gets the full score. Above, candidates come CHUNK at a time
    in the order of Plan.tiers (the rows matching the most, and the rarest, concepts first; each tier newest
    first, found through the GIN index without reading a vector), then any other matches newest first; each
    chunk is ordered by the full score. The order is the same whatever page is asked for, and exports
    (limit None) list every match in it.
    """
    table = ENTRIES[level]._meta.db_table
    chunks = None if limit is None else (int(offset) + int(limit) - 1) // CHUNK + 1
    cap = "ALL" if chunks is None else chunks * CHUNK
    newest = "year DESC NULLS LAST, date DESC NULLS LAST, id DESC"
    room = "" if cap == "ALL" else f"AND (SELECT count(*) FROM top) < {cap}"
    tiers = []
    # When most of the query matches, only the tiers with more concepts than that needs are read through the
    # index; a tier with just enough is about as large as the match itself (reading it costs as much as the
    # match did), so those rows come from the match, newest first, as the rest.
    chosen = query_plan.tiers
    if query_plan.match == query_plan.strict:
        chosen = [tier for tier in chosen if tier.beyond_strict]
    # The entries the user may see that pass the filters (PostgreSQL moves each tier's conditions into it).
    visible = _entries(level, user).filter(filter_q(filters))
    visible = visible.annotate(of_review=F("review_id") if level == "findings" else F("pk"))
    base_sql, base_params = (
        visible.order_by().values("pk", "of_review", "year", "date", "vector").query.sql_with_params()
    )
    for index, tier in enumerate(chosen):
        # A tier's rows come through the index (every tier lies within the match); a row of an earlier tier is
        # left out by reading its vector.
        conditions, params = ["b.vector @@ %s::tsquery"], [tier.query]
        if tier.before:
            conditions.append("NOT ts_match_vq(b.vector, %s::tsquery)")
            params.append(tier.before)
        tiers.append(
            f"(SELECT b.pk AS id, b.of_review AS review, b.year, b.date, {index} AS tier FROM ({base_sql}) b "
            f"WHERE {' AND '.join(conditions)} ORDER BY b.year DESC NULLS LAST, b.date DESC NULLS LAST, b.pk DESC "
            f"LIMIT {cap})"
        )
        cte_params.extend([*base_params, *params])
    ctes.append(
        "top AS MATERIALIZED (SELECT * FROM ("
        + " UNION ALL ".join(tiers or ["(SELECT 0 AS id, 0 AS review, 0 AS year, NULL::date AS date, 0 AS tier)"])
        + f") tiers WHERE (SELECT n FROM sizes) > {EXACT_RANKING} AND {'true' if tiers else 'false'} LIMIT {cap})"
    )
    ctes.append(
        "cand AS MATERIALIZED ("
        f"SELECT id, review, 0 AS chunk, year, date FROM m WHERE {hits} AND (SELECT n FROM sizes) <= {EXACT_RANKING} "
        "UNION ALL "
        f"SELECT id, review, (row_number() OVER (ORDER BY tier, {newest}) - 1) / {CHUNK}, year, date FROM ("
        "SELECT * FROM top UNION ALL "
        f"(SELECT id, review, year, date, {len(tiers)} FROM m WHERE {hits} AND id NOT IN (SELECT id FROM top) "
        f"AND (SELECT n FROM sizes) > {EXACT_RANKING} {room} "
        f"ORDER BY {newest} LIMIT {cap})"
        ") ranked)"
    )
    within = "" if chunks is None else f"WHERE c.chunk < {chunks}"
    if level == "findings":
        context_sql, context_params = _context_sql(query_plan, "r.context_vector")
        ctes.append(
            f"context AS MATERIALIZED (SELECT r.id, {context_sql} AS score FROM findings_reviewentry r "
            f"WHERE r.id IN (SELECT c.review FROM cand c {within}))"
        )
        cte_params.extend(context_params)
        score_sql, score_params = _score_sql(query_plan, "e.vector", "coalesce(x.score, 0)", "e.theme_ids")
        join = "LEFT JOIN context x ON x.id = c.review"
    else:
        score_sql, score_params = _score_sql(query_plan, "e.vector", theme_ids="e.theme_ids")
        join = ""
    page_limit = "ALL" if limit is None else int(limit)
    sql = (
        # Each candidate's vector by its id (OFFSET 0: the planner cannot know how few candidates there are).
        f"SELECT 'page', c.id::text, s.score FROM (SELECT * FROM cand c {within}) c "
        f"CROSS JOIN LATERAL (SELECT vector, theme_ids FROM {table} WHERE id = c.id OFFSET 0) e {join} "
        f"CROSS JOIN LATERAL (SELECT {score_sql} AS score) s "
        f"ORDER BY c.chunk, s.score DESC, c.year DESC NULLS LAST, c.date DESC NULLS LAST, c.id DESC "
        f"OFFSET {int(offset)} LIMIT {page_limit}"
    )
    return sql, score_params


def _prepare(query, exact, user):
    """(query, plan, query as typed if corrected): the plan is for a spelling suggestion when one helps."""
    parsed = parse(query)
    query_plan = plan(parsed) if not parsed.empty else None
    if query_plan and query_plan.unknown and not exact:

        def exists(word):
            return _matching("findings", user, plan(parse(word))).exists()

        suggestion = suggest_spelling(query, query_plan.unknown, exists)
        suggested_plan = plan(parse(suggestion)) if suggestion else None
        if suggested_plan:
            return suggestion, suggested_plan, query
    return query, query_plan, ""


def _fallbacks(level, user, query_plan, filters, sort, offset, limit):
    """(count, facets, [(id, score)], facets sampled?) with the fallbacks: most of the query first, then any
    of it, then (reviews) their full texts when few match by summaries and findings."""
    result = (0, {}, [], False)
    if query_plan is not None and query_plan.strict != query_plan.match:
        strict = dataclasses.replace(query_plan, match=query_plan.strict)
        result = _run(level, user, strict, filters, sort, offset, limit)
    if result[0] < STRICT_MINIMUM:  # too few match most of the query: rank everything that matches any of it
        result = _run(level, user, query_plan, filters, sort, offset, limit)
    if level == "reviews" and query_plan is not None and limit is not None and result[0] < limit:
        # Few reviews match by their summaries and findings: look in their full texts too (they rank last).
        result = _run(level, user, query_plan, filters, sort, offset, limit, full_text=True)
    return result


def search(query="", filters=None, user=None, level="findings", sort="relevance", page=1, page_size=20, exact=False):
    """Search the findings or reviews `user` may see. Returns SearchResults with facet counts."""
    filters = filters or {}
    level = level if level in LEVELS else "findings"
    query, query_plan, corrected_from = _prepare(query, exact, user)
    if sort not in SORTS:
        sort = "relevance"
    if sort == "relevance" and query_plan is None:
        sort = "newest"
    page_size = max(1, min(int(page_size), 100))
    page = max(1, int(page))
    offset = (page - 1) * page_size
    count, facets, ranked, sampled = _fallbacks(level, user, query_plan, filters, sort, offset, page_size)
    model = Finding if level == "findings" else Review
    objects = _for_display(model.objects.filter(pk__in=[pk for pk, _ in ranked]), level).in_bulk()
    selected = []
    for pk, score in ranked:
        row = objects[pk]
        row.score = score
        selected.append(row)
    _add_snippets(selected, level, query_plan)
    if level == "reviews":
        _add_top_findings(selected, user, query_plan)
    return SearchResults(
        query=query,
        level=level,
        sort=sort,
        count=count,
        results=selected,
        facets=facet_options(facets, filters),
        page=page,
        page_size=page_size,
        corrected_from=corrected_from,
        themes_named=query_plan.themes if query_plan else [],
        lessons=_matching_lessons(query, user) if page == 1 else [],
        facets_approximate=sampled,
    )


MAX_LESSONS = 5


def _matching_lessons(query, user):
    """The lessons the user may see whose statement, summary or theme names match the query, best first,
    each with review_count: how many reviews the user may see found it."""
    if not query.strip():
        return []
    theme_names = (
        Lesson.themes.through.objects.filter(lesson=OuterRef("pk"))
        .values("lesson")
        .annotate(names=StringAgg("theme__name", " "))
        .values("names")
    )
    document = (
        SearchVector("statement", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector(Subquery(theme_names), weight="B", config="english")
    )
    wanted = SearchQuery(query, search_type="websearch", config="english")
    reviews = Review.objects.visible_to(user).filter(findings__lessons=OuterRef("pk"))
    lessons = (
        Lesson.objects.visible_to(user)
        .annotate(document=document, rank=SearchRank(document, wanted), review_count=SubqueryCount(reviews))
        .filter(document=wanted)
        .order_by("-rank", "-review_count", "statement")
        .prefetch_related("themes")
    )
    return list(lessons[:MAX_LESSONS])


def matching_findings(query="", filters=None, user=None, sort="relevance", exact=False, chunk_size=500):
    """Every finding the search lists for these parameters, in the same order, for exports: an iterator
    that reads them from the database a chunk at a time."""
    if sort not in SORTS:
        sort = "relevance"
    _, query_plan, _ = _prepare(query, exact, user)
    if query_plan is None and sort == "relevance":
        sort = "newest"
    ranked = _fallbacks("findings", user, query_plan, filters or {}, sort, 0, None)[2]
    ids = [pk for pk, _ in ranked]
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        rows = _for_display(Finding.objects.filter(pk__in=chunk), "findings").in_bulk()
        yield from (rows[pk] for pk in chunk if pk in rows)


def _for_display(queryset, level):
    """Rows as results show them: without reviews' full texts, which are large and never shown in results."""
    if level == "findings":
        return (
            queryset.select_related("review", "review__partnership")
            .defer("review__full_text")
            .prefetch_related("themes", "agencies")
        )
    return queryset.select_related("partnership").defer("full_text")


def highlight(headline):
    """Escape a headline from PostgreSQL, then turn its markers into <mark> elements."""
    escaped = html.escape(headline or "")
    return escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")


HEADLINE_OPTIONS = (
    f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=40, MinWords=20, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def _add_snippets(rows, level, query_plan):
    for row in rows:
        row.snippet = ""
        row.score = round(getattr(row, "score", 0.0) or 0.0, 4)
    if not rows or query_plan is None:
        for row in rows:
            row.snippet = html.escape(_shorten(row.text if level == "findings" else row.summary))
        return
    model = Finding if level == "findings" else Review
    source = "text" if level == "findings" else "summary"
    headlines = dict(
        model.objects.filter(pk__in=[r.pk for r in rows])
        .annotate(
            headline=RawSQL(
                f"ts_headline('english', {model._meta.db_table}.{source}, %s::tsquery, %s)",
                [query_plan.highlight, HEADLINE_OPTIONS],
            )
        )
        .values_list("pk", "headline")
    )
    for row in rows:
        row.snippet = highlight(headlines.get(row.pk, ""))


def _shorten(text, words=40):
    parts = (text or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _add_top_findings(reviews, user, query_plan, per_review=3):
    """Attach each review's best-matching findings (its first ones when there is no query)."""
    if not reviews:
        return
    loaded = {review.pk: review for review in reviews}
    findings = Finding.objects.visible_to(user).filter(review__in=reviews)
    score_of = {}
    if query_plan is not None:
        # Within a review every finding shares its context, so the finding's own score orders them.
        score_sql, score_params = _score_sql(
            query_plan, "findings_findingentry.vector", theme_ids="findings_findingentry.theme_ids"
        )
        scores = (
            _matching("findings", user, query_plan)
            .filter(review__in=reviews)
            .annotate(score=RawSQL(score_sql, score_params, output_field=FloatField()))
            .values_list("pk", "score")
        )
        score_of = dict(scores)
        findings = findings.filter(pk__in=score_of)
    by_review = {}
    for finding in sorted(
        findings.prefetch_related("themes", "agencies"),
        key=lambda f: (f.review_id, -score_of.get(f.pk, 0.0), f.position, f.pk),
    ):
        finding.score = score_of.get(finding.pk, 0.0)
        finding.review = loaded[finding.review_id]  # already read: no query per finding
        group = by_review.setdefault(finding.review_id, [])
        if len(group) < per_review:
            group.append(finding)
    chosen = [f for group in by_review.values() for f in group]
    _add_snippets(chosen, "findings", query_plan)
    for review in reviews:
        review.top_findings = by_review.get(review.pk, [])


# Facets --------------------------------------------------------------------------------------------
def _labels():
    return {
        "nation": dict(Nation.choices),
        "region": dict(Region.choices),
        "review_type": dict(ReviewType.choices),
        "age_band": dict(AgeBand.choices),
        "outcome": dict(Outcome.choices),
        "facet": {"practice": "Practice", "context": "Context"},
    }


def facet_options(counts, filters):
    """For each filter, its options with their counts; options with none are left out unless chosen."""
    labels = _labels()
    labels["theme"] = dict(Theme.objects.active().values_list("slug", "name"))
    labels["agency"] = dict(Agency.objects.values_list("slug", "name"))
    facets = {}
    for name, names in labels.items():
        chosen = set(filters.get(name) or [])
        found = counts.get(name, {})
        facets[name] = [
            FacetOption(value, label, found.get(value, 0), value in chosen)
            for value, label in names.items()
            if found.get(value, 0) or value in chosen
        ]
    years = counts.get("year", {})
    facets["year"] = [FacetOption(y, y, n, False) for y, n in sorted(years.items(), reverse=True)]
    return facets
