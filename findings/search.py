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
"""

import functools
import html
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, FloatField, Func, Max, OuterRef, Q
from django.db.models.expressions import RawSQL

from agencies.models import Agency
from findings.models import Finding, SearchTerm, Theme, acronyms
from reviews.models import Review
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
    """[(theme slug, stems of its name or one of its keywords)] for spotting themes named in a query."""
    themes = list(Theme.objects.active().values_list("slug", "name", "keywords"))
    queries = _to_tsqueries([name for _, name, _ in themes] + [k for *_, keywords in themes for k in keywords])
    patterns = []
    for slug, name, keywords in themes:
        patterns.append((slug, tuple(_lexemes(queries[name]))))
        patterns.extend((slug, tuple(_lexemes(queries[k]))) for k in keywords if k.lower() not in GENERIC_KEYWORDS)
    return [p for p in patterns if p[1]]


@dataclass
class Plan:
    """A query made ready for SQL."""

    concepts: list  # [(exact tsquery, expanded tsquery, weight, required)]
    match: str  # tsquery text: what a document must match (any of the selective concepts)
    highlight: str  # tsquery text: everything worth highlighting
    excluded: str  # tsquery text or ""
    themes: list  # theme slugs the query names
    unknown: list  # typed words found nowhere in the corpus


def _or(parts):
    parts = [p for p in parts if p]
    return " | ".join(f"( {p} )" for p in parts)


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

    concepts, unknown = [], []
    for concept in parsed.concepts:
        exact = _or(queries[s] for s in concept.exact)
        if not exact:
            continue  # only stop words
        stems = [stem for s in concept.exact for stem in _lexemes(queries[s])]
        df = max((document_counts.get(stem, 0) for stem in stems), default=0)
        if df == 0 and not concept.phrase:
            unknown.extend(w for w in concept.words if _lexemes(queries.get(w, "")) or w in concept.exact)
        weight = math.log(1 + total / (1 + df))
        expanded = _or([exact, *(variant_queries.get(v, "") for v in dict.fromkeys(concept.variants))])
        concepts.append((exact, expanded, weight, concept.phrase, df))
    if not concepts:
        return None

    # A document must match at least one concept; words in more than half the corpus only rank.
    selective = [c for c in concepts if c[4] <= total / 2 or c[3]] or concepts
    required = [c for c in concepts if c[3]]
    match = _or(c[1] for c in selective)
    if required:
        match = " & ".join(f"( {c[1]} )" for c in required)
    excluded = _or(queries[s] for s in parsed.excluded)

    themes = []
    for slug, stems in _theme_patterns():
        if slug not in themes and any(
            tuple(stems_only[i : i + len(stems)]) == stems for i in range(len(stems_only) - len(stems) + 1)
        ):
            themes.append(slug)
    return Plan(
        concepts=[(c[0], c[1], c[2], c[3]) for c in concepts],
        match=match,
        highlight=_or(c[1] for c in concepts),
        excluded=excluded,
        themes=themes,
        unknown=unknown,
    )


def _corpus_size():
    return Finding.objects.filter(review__status=Review.Status.PUBLISHED).count() + Review.objects.published().count()


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


def _theme_exists(level, condition):
    """Exists() for 'the row carries a theme matching condition', on the finding or on its review."""
    finding_tags = Finding.themes.through.objects.filter(**{f"theme__{k}": v for k, v in condition.items()})
    review_tags = Review.themes.through.objects.filter(**{f"theme__{k}": v for k, v in condition.items()})
    if level == "findings":
        return Exists(finding_tags.filter(finding_id=OuterRef("pk"))) | Exists(
            review_tags.filter(review_id=OuterRef("review_id"))
        )
    return Exists(review_tags.filter(review_id=OuterRef("pk"))) | Exists(
        finding_tags.filter(finding__review_id=OuterRef("pk"))
    )


def filter_q(filters, level, skip=None):
    """A Q for every active filter but `skip`. filters holds cleaned values (see findings.filters)."""
    r = "review__" if level == "findings" else ""
    q = Q()
    for name in FILTERS:
        value = filters.get(name)
        if name == skip or value in (None, "", []):
            continue
        if name == "theme":
            if filters.get("theme_match") == "all":
                for slug in value:
                    q &= _theme_exists(level, {"slug": slug})
            else:
                q &= _theme_exists(level, {"slug__in": value})
        elif name == "facet":
            q &= _theme_exists(level, {"facet__in": value})
        elif name == "agency":
            tags = Finding.agencies.through.objects.filter(agency__slug__in=value)
            if level == "findings":
                q &= Exists(tags.filter(finding_id=OuterRef("pk")))
            else:
                q &= Exists(tags.filter(finding__review_id=OuterRef("pk")))
        elif name == "nation":
            q &= Q(**{f"{r}nation__in": value})
        elif name == "region":
            q &= Q(**{f"{r}partnership__region__in": value})
        elif name == "review_type":
            q &= Q(**{f"{r}review_type__in": value})
        elif name == "year_from":
            q &= Q(**{f"{r}publication_year__gte": value})
        elif name == "year_to":
            q &= Q(**{f"{r}publication_year__lte": value})
        elif name == "age_band":
            q &= Q(**{f"{r}age_bands__overlap": value})
        elif name == "outcome":
            q &= Q(**{f"{r}outcome__in": value})
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

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1


def _vector_sql(level):
    """(the row's own vector, the vector of its review's context or None) as SQL."""
    if level == "findings":
        return "findings_finding.search_vector", (
            "(SELECT rv.context_vector FROM reviews_review rv WHERE rv.id = findings_finding.review_id)"
        )
    return "reviews_review.search_vector", None


def _score(level, query_plan):
    """RawSQL for the relevance score of a row."""
    own, review = _vector_sql(level)
    total_weight = sum(c[2] for c in query_plan.concepts)
    parts, params = [], []

    def coverage(vector):
        terms = []
        for exact, expanded, weight, _ in query_plan.concepts:
            terms.append(f"%s * (0.3 * ({vector} @@ %s::tsquery)::int + 0.7 * ({vector} @@ %s::tsquery)::int)")
            params.extend([weight / total_weight, exact, expanded])
        return "(" + " + ".join(terms) + ")"

    parts.append(f"3.0 * {coverage(own)}")
    parts.append(f"ts_rank('{WEIGHTS}', {own}, %s::tsquery, 32)")
    params.append(query_plan.highlight)
    if review:
        parts.append(f"1.0 * {coverage(review)}")
        parts.append(f"0.5 * ts_rank('{WEIGHTS}', {review}, %s::tsquery, 32)")
        params.append(query_plan.highlight)
    if query_plan.themes:
        if level == "findings":
            parts.append(
                "0.5 * (EXISTS (SELECT 1 FROM findings_finding_themes ft JOIN findings_theme t ON t.id = ft.theme_id"
                " WHERE ft.finding_id = findings_finding.id AND t.slug = ANY(%s))"
                " OR EXISTS (SELECT 1 FROM reviews_review_themes rt JOIN findings_theme t ON t.id = rt.theme_id"
                " WHERE rt.review_id = findings_finding.review_id AND t.slug = ANY(%s)))::int"
            )
        else:
            parts.append(
                "0.5 * (EXISTS (SELECT 1 FROM reviews_review_themes rt JOIN findings_theme t ON t.id = rt.theme_id"
                " WHERE rt.review_id = reviews_review.id AND t.slug = ANY(%s))"
                " OR EXISTS (SELECT 1 FROM findings_finding_themes ft JOIN findings_theme t ON t.id = ft.theme_id"
                " JOIN findings_finding f ON f.id = ft.finding_id"
                " WHERE f.review_id = reviews_review.id AND t.slug = ANY(%s)))::int"
            )
        params.extend([query_plan.themes, query_plan.themes])
    return RawSQL(" + ".join(parts), params, output_field=FloatField())


def _text_matched(level, user, query_plan, full_text=False):
    """Visible rows of the level that match the query (all visible rows when there is no query).

    full_text: reviews may also match by their full text (large, so only when asked).
    """
    queryset = Finding.objects.visible_to(user) if level == "findings" else Review.objects.visible_to(user)
    if query_plan is None:
        return queryset
    own, _ = _vector_sql(level)
    condition = f"{own} @@ %s::tsquery"
    params = [query_plan.match]
    if level == "reviews" and full_text:
        condition = f"({condition} OR reviews_review.full_text_vector @@ %s::tsquery)"
        params.append(query_plan.match)
    if query_plan.excluded:
        condition += f" AND NOT ({own} @@ %s::tsquery)"
        params.append(query_plan.excluded)
    return queryset.alias(text_match=RawSQL(condition, params, output_field=BooleanField())).filter(text_match=True)


def _prepare(query, exact, user):
    """(query, plan, query as typed if corrected): the plan is for a spelling suggestion when one helps."""
    parsed = parse(query)
    query_plan = plan(parsed) if not parsed.empty else None
    if query_plan and query_plan.unknown and not exact:

        def exists(word):
            return _text_matched("findings", user, plan(parse(word))).exists()

        suggestion = suggest_spelling(query, query_plan.unknown, exists)
        suggested_plan = plan(parse(suggestion)) if suggestion else None
        if suggested_plan:
            return suggestion, suggested_plan, query
    return query, query_plan, ""


def _ordered(rows, level, query_plan, sort):
    prefix = "review__" if level == "findings" else ""
    year, date = F(f"{prefix}publication_year"), F(f"{prefix}publication_date")
    newest = [year.desc(nulls_last=True), date.desc(nulls_last=True), "-pk"]
    if query_plan is not None:
        rows = rows.annotate(score=_score(level, query_plan))
    if sort == "oldest":
        return rows.order_by(year.asc(nulls_last=True), date.asc(nulls_last=True), "pk")
    if sort == "relevance" and query_plan is not None:
        return rows.order_by("-score", *newest)
    return rows.order_by(*newest)


def search(query="", filters=None, user=None, level="findings", sort="relevance", page=1, page_size=20, exact=False):
    """Search the findings or reviews `user` may see. Returns SearchResults with facet counts."""
    filters = filters or {}
    level = level if level in LEVELS else "findings"
    query, query_plan, corrected_from = _prepare(query, exact, user)
    if sort not in SORTS:
        sort = "relevance"
    if sort == "relevance" and query_plan is None:
        sort = "newest"
    matched = _text_matched(level, user, query_plan)
    rows = matched.filter(filter_q(filters, level))
    count = rows.count()
    page_size = max(1, min(int(page_size), 100))
    if level == "reviews" and query_plan is not None and count < page_size:
        # Few reviews match by their summaries and findings: look in their full texts too (they rank last).
        matched = _text_matched(level, user, query_plan, full_text=True)
        rows = matched.filter(filter_q(filters, level))
        count = rows.count()
    page = max(1, int(page))
    offset = (page - 1) * page_size
    selected = list(_for_display(_ordered(rows, level, query_plan, sort), level)[offset : offset + page_size])
    _add_snippets(selected, level, query_plan)
    if level == "reviews":
        _add_top_findings(selected, user, query_plan)
    return SearchResults(
        query=query,
        level=level,
        sort=sort,
        count=count,
        results=selected,
        facets=facet_counts(matched, filters, level),
        page=page,
        page_size=page_size,
        corrected_from=corrected_from,
        themes_named=query_plan.themes if query_plan else [],
    )


def matching_findings(query="", filters=None, user=None, sort="relevance", exact=False):
    """Every finding the search lists for these parameters, in the same order, for exports."""
    query, query_plan, _ = _prepare(query, exact, user)
    rows = _text_matched("findings", user, query_plan).filter(filter_q(filters or {}, "findings"))
    return _for_display(_ordered(rows, "findings", query_plan, sort), "findings")


def _for_display(queryset, level):
    if level == "findings":
        return queryset.select_related("review", "review__partnership").prefetch_related("themes", "agencies")
    return queryset.select_related("partnership")


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
    findings = Finding.objects.visible_to(user).filter(review__in=reviews)
    if query_plan is not None:
        findings = _text_matched("findings", user, query_plan).filter(review__in=reviews)
        findings = findings.annotate(score=_score("findings", query_plan)).order_by("review_id", "-score", "position")
    else:
        findings = findings.order_by("review_id", "position")
    by_review = {}
    for finding in findings.prefetch_related("themes", "agencies"):
        by_review.setdefault(finding.review_id, [])
        if len(by_review[finding.review_id]) < per_review:
            by_review[finding.review_id].append(finding)
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


def _grouped_counts(base, level, name):
    """{value: count} of rows of base for one facet."""
    r = "review__" if level == "findings" else ""
    simple = {"nation": "nation", "region": "partnership__region", "review_type": "review_type", "outcome": "outcome"}
    if name in simple:
        rows = (
            base.order_by().values(f"{r}{simple[name]}").annotate(n=Count("pk")).values_list(f"{r}{simple[name]}", "n")
        )
        return {value: n for value, n in rows if value}
    if name == "year":
        rows = base.order_by().values(f"{r}publication_year").annotate(n=Count("pk"))
        return {value: n for value, n in rows.values_list(f"{r}publication_year", "n") if value}
    if name == "age_band":
        rows = (
            base.order_by()
            .annotate(band=Func(F(f"{r}age_bands"), function="unnest"))
            .values("band")
            .annotate(n=Count("pk"))
            .values_list("band", "n")
        )
        return dict(rows)
    # theme, facet, agency: count rows per tag with raw SQL over the base rows' ids.
    ids_sql, ids_params = base.order_by().values("pk").query.sql_with_params()
    if level == "findings":
        tag_rows = {
            "theme": """SELECT ft.theme_id, ft.finding_id FROM findings_finding_themes ft WHERE ft.finding_id IN ({ids})
                        UNION SELECT rt.theme_id, f.id FROM reviews_review_themes rt
                        JOIN findings_finding f ON f.review_id = rt.review_id WHERE f.id IN ({ids})""",
            "agency": """SELECT fa.agency_id, fa.finding_id FROM findings_finding_agencies fa
                         WHERE fa.finding_id IN ({ids})""",
        }
    else:
        tag_rows = {
            "theme": """SELECT rt.theme_id, rt.review_id FROM reviews_review_themes rt WHERE rt.review_id IN ({ids})
                        UNION SELECT ft.theme_id, f.review_id FROM findings_finding_themes ft
                        JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id IN ({ids})""",
            "agency": """SELECT fa.agency_id, f.review_id FROM findings_finding_agencies fa
                         JOIN findings_finding f ON f.id = fa.finding_id WHERE f.review_id IN ({ids})""",
        }
    if name == "facet":
        sql = f"""SELECT t.facet, count(DISTINCT x.row_id) FROM ({tag_rows["theme"]}) AS x(tag_id, row_id)
                  JOIN findings_theme t ON t.id = x.tag_id GROUP BY t.facet"""
        ids_count = 2
    else:
        table = "findings_theme" if name == "theme" else "agencies_agency"
        sql = f"""SELECT tag.slug, count(DISTINCT x.row_id) FROM ({tag_rows[name]}) AS x(tag_id, row_id)
                  JOIN {table} tag ON tag.id = x.tag_id GROUP BY tag.slug"""
        ids_count = 2 if name == "theme" else 1
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=ids_sql), list(ids_params) * ids_count)
        return dict(cursor.fetchall())


def facet_counts(matched, filters, level):
    """For each filter, each option with the number of results it gives with the other filters applied."""
    labels = _labels()
    labels["theme"] = dict(Theme.objects.active().values_list("slug", "name"))
    labels["agency"] = dict(Agency.objects.values_list("slug", "name"))
    facets = {}
    for name, skip in [
        ("theme", "theme"),
        ("facet", "facet"),
        ("agency", "agency"),
        ("nation", "nation"),
        ("region", "region"),
        ("review_type", "review_type"),
        ("age_band", "age_band"),
        ("outcome", "outcome"),
        ("year", None),
    ]:
        if name == "year":
            others = {k: v for k, v in filters.items() if k not in ("year_from", "year_to")}
            base = matched.filter(filter_q(others, level))
        else:
            base = matched.filter(filter_q(filters, level, skip=skip))
        counts = _grouped_counts(base, level, name)
        chosen = set(filters.get(name) or [])
        if name == "year":
            facets[name] = [FacetOption(str(y), str(y), n, False) for y, n in sorted(counts.items(), reverse=True)]
            continue
        facets[name] = [
            FacetOption(value, label, counts.get(value, 0), value in chosen)
            for value, label in labels[name].items()
            if counts.get(value, 0) or value in chosen
        ]
    return facets
