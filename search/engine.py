"""Search over the findings, reviews and recommendations a user may see. Views, the API and exports call
`search()`.

How a query is read:
- Practitioners type phrases. Every word that is not a stop word is a *concept*; a document
  need not contain them all. Results are ranked by how much of the query they cover (rare words
  weigh more than common ones), then by PostgreSQL's `ts_rank`, so the documents that match most
  of the ideas come first and a query never returns nothing just because one word is missing.
- `websearch` syntax works: a "quoted phrase" must appear as a phrase, `a OR b` is one concept
  either way, and `-word` or `-"a phrase"` excludes.
- Safeguarding vocabulary: acronyms and their expansions, and groups of words practitioners use
  for the same thing (vocabulary/data/synonyms.json), match each other both ways. A synonym match
  counts a little less than the word itself.
- A query that names a theme (its name or a specific keyword) lifts the findings tagged with it.
- A word found nowhere in the published corpus gets a spelling suggestion from the corpus's own
  words ("neglet" -> "neglect"): when the query as typed finds nothing the results are for the
  suggestion, otherwise it is offered ("Did you mean ...?"). Terms of art and acronyms ("ACEs",
  "sexting") are words of the field, never corrected.

How it runs: one SQL statement per search (`_run`), over narrow search entries (FindingEntry,
ReviewEntry, RecommendationEntry: a vector and the review's fields that filters need), so that a broad search
never reads texts. Vocabulary phrases are single lexemes in the vectors (`compounds()`), so the GIN index answers
a match without re-reading rows. The visible entries that match most of the query are materialised
once (ids and a flag per active filter); the count comes from that set, each facet's counts (with the
other filters) from it or, above FACET_SAMPLE_ABOVE rows, from a sample of it. Up to EXACT_RANKING
matches every match gets the full score (coverage, ts_rank, the review's context, theme lift); above,
candidates come from tiers of the rarest concepts found through the index (`Plan.tiers`), a chunk at
a time, and only they have their vectors read (`_ranked_page`). bench/README.md has the figures.
"""

import dataclasses
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, OuterRef, Subquery
from django.db.models.expressions import RawSQL

from agencies.models import Agency
from findings.models import Finding, Lesson, Recommendation, SubqueryCount, Theme
from reviews.models import Review, visibility_key
from search import semantic
from search.facets import facet_options
from search.filters import BY_NAME, active_facets, facets_of, filter_q, ids_of
from search.indexing import corpus_version
from search.models import FindingEntry, RecommendationEntry, ReviewEntry
from search.plan import plan
from search.query import parse
from search.results import SearchResults, add_snippets
from search.spelling import suggest_spelling
from search.understanding import understand

LEVELS = ("findings", "reviews", "recommendations")
MAX_PAGE = 100_000  # a page number beyond any search's last page (the API refuses more)
SORTS = ("relevance", "newest", "oldest")
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A


ENTRIES = {"findings": FindingEntry, "reviews": ReviewEntry, "recommendations": RecommendationEntry}
MODELS = {"findings": Finding, "reviews": Review, "recommendations": Recommendation}
# Levels whose rows belong to a review: their rows are also weighed by how well their review as a whole matches.
IN_REVIEW = ("findings", "recommendations")


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
    by_meaning = query_plan.semantic.ids if query_plan.semantic else []
    if by_meaning:  # found by meaning (search.semantic), bound by any quoted phrase and exclusion
        gate = f" AND {table}.vector @@ %s::tsquery" if query_plan.semantic_gate else ""
        condition = f"({condition} OR ({table}.id = ANY(%s::bigint[]){gate}))"
        params += [by_meaning] + ([query_plan.semantic_gate] if gate else [])
    return queryset.alias(text_match=RawSQL(condition, params, output_field=BooleanField())).filter(text_match=True)


def _score_sql(query_plan, own, context=None, theme_ids=None, entry=None, similarity=None):
    """(SQL, params) for the relevance score of a row, given the SQL for its vectors and theme ids.

    3 x how much of the query the row covers (rare concepts weigh more; a synonym counts 0.7 of the
    word itself) + ts_rank; for a finding, the SQL `context` adds how well its review as a whole
    matches (see _context_sql); 0.5 more when the row carries a theme the query names; up to FIT_WEIGHT
    more as the row fits what the query says of the reviews it wants (entry: the SQL alias of its entry);
    semantic.WEIGHT x how far the SQL `similarity` (its cosine similarity to the query) is above semantic.FLOOR.
    """
    sql, params = _coverage_sql(query_plan, own)
    sql = f"3.0 * {sql} + ts_rank('{WEIGHTS}', {own}, %s::tsquery, 32)"
    params.append(query_plan.highlight)
    if similarity:
        sql += f" + {semantic.WEIGHT} * greatest({similarity} - {semantic.FLOOR}, 0)"
    if context:
        sql += f" + {context}"
    if query_plan.themes and theme_ids:
        sql += f" + 0.5 * ({theme_ids} && %s)::int"
        params.append(list(Theme.objects.filter(slug__in=query_plan.themes).values_list("pk", flat=True)))
    if entry and query_plan.understood and query_plan.understood.dimensions:
        fits, fit_params = _fit_sql(query_plan.understood, entry)
        sql += f" + {FIT_WEIGHT} * ({fits}) / {query_plan.understood.dimensions}.0"
        params.extend(fit_params)
    return sql, params


FIT_WEIGHT = 1.5  # a row that fits all the query says of the reviews it wants (nation, type, age, period, agency)


def _fit_sql(understood, entry):
    """(SQL, params): how many of the kinds of thing the query names (nation, type of review, age, period,
    agency) the entry fits."""
    terms, params = [], []
    if understood.nations:
        terms.append(f"({entry}.nation = ANY(%s))::int")
        params.append([n.value for n in understood.nations])
    if understood.review_types:
        terms.append(f"({entry}.review_type = ANY(%s))::int")
        params.append([t.value for t in understood.review_types])
    if understood.age_bands:
        terms.append(f"({entry}.age_bands && %s::varchar[])::int")
        params.append([a.value for a in understood.age_bands])
    if understood.agencies:
        terms.append(f"({entry}.agency_ids && %s::int[])::int")
        params.append(list(Agency.objects.filter(slug__in=understood.agencies).values_list("pk", flat=True)))
    if understood.year_from is not None or understood.year_to is not None:
        terms.append(f"coalesce({entry}.year BETWEEN %s AND %s, false)::int")
        params += [understood.year_from or 0, understood.year_to or 9999]
    return " + ".join(terms), params


def _coverage_sql(query_plan, vector):
    total_weight = sum(c.weight for c in query_plan.concepts)
    terms, params = [], []
    for concept in query_plan.concepts:
        terms.append(f"%s * (0.3 * ({vector} @@ %s::tsquery)::int + 0.7 * ({vector} @@ %s::tsquery)::int)")
        params.extend([concept.weight / total_weight, concept.exact, concept.expanded])
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
STRICT_MINIMUM = 20  # below this many rows matching most of the query, search ranks every partial match
# Ranking reads each ranked row's vector. Up to EXACT_RANKING matches are all ranked; above, the rows
# that match the most (and rarest) concepts are ranked first, CHUNK at a time (see Plan.tiers).
EXACT_RANKING = 2_000
CHUNK = 500
SEMANTIC_FIRST = CHUNK // 5  # the closest matches by meaning ranked in the first chunk, above EXACT_RANKING
# Above FACET_SAMPLE_ABOVE matching rows, facets are counted on a sample of about FACET_SAMPLE rows
# and scaled up, shown as "about" (the total count stays exact).
FACET_SAMPLE_ABOVE = 5_000
FACET_SAMPLE = 2_500


# The columns every level's entries have that facets count by (a level's own filters add theirs).
SHARED_COLUMNS = [
    "nation",
    "region",
    "review_type",
    "outcome",
    "partnership_id",
    "age_bands",
    "theme_ids",
    "agency_ids",
]


def _flags_queryset(level, user, query_plan, filters, full_text):
    """The matching entries with a flag per active facet (its filters met), and those facets' names."""
    groups = active_facets(filters, level)
    flags = {
        f"ok_{group}": ExpressionWrapper(filter_q(filters, level, only=group), output_field=BooleanField())
        for group in groups
    }
    queryset = _matching(level, user, query_plan, full_text).annotate(
        **flags, of_review=F("review_id") if level in IN_REVIEW else F("pk")
    )
    return queryset.order_by().values("pk", "of_review", "year", "date", *flags), groups


@dataclass
class Counted:
    """What one statement of a search gives: the number of matches, each facet's counts, the page asked for
    as [(id, score)], and whether the facets were counted on a sample."""

    count: int
    facets: dict  # {facet: {value: count}}
    page: list
    sampled: bool


def _run(level, user, query_plan, filters, sort, offset, limit, full_text=False):
    """The search's Counted (count, facets, the page's [(id, score)], sampled?) in one round trip."""
    return _run_statement(level, user, query_plan, filters, sort, offset, limit, full_text)


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
    for item in facets_of(level):
        where = facet_where(item.facet)
        if item.kind == "choice":
            parts.append(
                f"SELECT '{item.name}', {item.column}::text, count(*) FROM fm WHERE {where} AND {item.column} <> '' "
                f"GROUP BY {item.column}"
            )
        elif item.kind == "model":  # counted by id, as tags are
            parts.append(
                f"SELECT '{item.name}', {item.column}::text, count(*) FROM fm WHERE {where} "
                f"AND {item.column} IS NOT NULL GROUP BY {item.column}"
            )
        elif item.kind in ("overlap", "tags"):  # tags are counted by id (cheaper than joining every row to a slug)
            parts.append(
                f"SELECT '{item.name}', value::text, count(*) FROM fm, unnest({item.column}) AS value WHERE {where} "
                "GROUP BY value"
            )
        else:  # theme_kind
            for value, _ in item.options():
                parts.append(f"SELECT '{item.name}', %s, count(*) FROM fm WHERE {where} AND theme_ids && %s")
                params += [value, ids_of(Theme, facet=value)]
    parts.append(
        f"SELECT 'year', year::text, count(*) FROM fm WHERE {facet_where('year')} AND year IS NOT NULL GROUP BY year"
    )

    columns = SHARED_COLUMNS + [f.column for f in facets_of(level) if f.column and f.column not in SHARED_COLUMNS]
    ctes = [
        f"m AS MATERIALIZED (SELECT raw.*, raw.pk AS id, raw.of_review AS review FROM ({flags_sql}) raw)",
        f"sizes AS MATERIALIZED (SELECT count(*) FILTER (WHERE {hits}) AS n, count(*) AS total,"
        f" count(*) > {FACET_SAMPLE_ABOVE} AS sampled, greatest(1, count(*) / {FACET_SAMPLE}) AS step FROM m)",
        # The rows facets count, with the columns they count by (read again only for these rows): every
        # matching row, or a sample of them (every step-th id).
        # (OFFSET 0 keeps that a lookup by id per row: the planner cannot know how few rows are sampled.)
        f"fm AS MATERIALIZED (SELECT m.*, e.* FROM m CROSS JOIN LATERAL (SELECT {', '.join(columns)}"
        f" FROM {ENTRIES[level]._meta.db_table} WHERE id = m.id"
        " OFFSET 0) e"
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
    # Tag counts come keyed by id: their slugs are read once.
    for item in facets_of(level):
        if item.kind in ("tags", "model") and item.name in facets:
            ids = [int(i) for i in facets[item.name]]
            slugs = dict(item.model.objects.filter(pk__in=ids).values_list("pk", "slug"))
            facets[item.name] = {slugs[int(i)]: n for i, n in facets[item.name].items() if int(i) in slugs}
    return Counted(count, facets, page, bool(sample))


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
    visible = _entries(level, user).filter(filter_q(filters, level))
    visible = visible.annotate(of_review=F("review_id") if level in IN_REVIEW else F("pk"))
    base_sql, base_params = (
        visible.order_by().values("pk", "of_review", "year", "date", "vector").query.sql_with_params()
    )
    # Rows close in meaning to the query: their similarity counts in the score, and the closest matches by
    # meaning are ranked in the first chunk (a tier before the others).
    by_meaning = query_plan.semantic
    ctes.append("sem AS MATERIALIZED (SELECT * FROM unnest(%s::bigint[], %s::float8[]) AS s(id, sim))")
    cte_params.extend([by_meaning.ranked_ids, by_meaning.ranked_similarities] if by_meaning else [[], []])
    if by_meaning and by_meaning.ids:
        # (the same ids the other tiers leave out, so that no row is in two tiers)
        tiers.append(
            f"(SELECT m.id, m.review, m.year, m.date, -1 AS tier FROM m JOIN sem USING (id) WHERE {hits} "
            "AND m.id = ANY(%s::bigint[]) ORDER BY sem.sim DESC, m.id DESC)"
        )
        cte_params.append(by_meaning.ids[:SEMANTIC_FIRST])
    for index, tier in enumerate(chosen):
        # A tier's rows come through the index (every tier lies within the match); a row of an earlier tier is
        # left out by reading its vector.
        conditions, params = ["b.vector @@ %s::tsquery"], [tier.query]
        if tier.before:
            conditions.append("NOT ts_match_vq(b.vector, %s::tsquery)")
            params.append(tier.before)
        if by_meaning and by_meaning.ids:
            conditions.append("b.pk <> ALL(%s::bigint[])")  # ranked in the first tier
            params.append(by_meaning.ids[:SEMANTIC_FIRST])
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
    if level in IN_REVIEW:
        context_sql, context_params = _context_sql(query_plan, "r.context_vector")
        ctes.append(
            f"context AS MATERIALIZED (SELECT r.id, {context_sql} AS score FROM findings_reviewentry r "
            f"WHERE r.id IN (SELECT c.review FROM cand c {within}))"
        )
        cte_params.extend(context_params)
        score_sql, score_params = _score_sql(
            query_plan, "e.vector", "coalesce(x.score, 0)", "e.theme_ids", "e", "coalesce(sem.sim, 0)"
        )
        join = "LEFT JOIN context x ON x.id = c.review"
    else:
        score_sql, score_params = _score_sql(
            query_plan, "e.vector", theme_ids="e.theme_ids", entry="e", similarity="coalesce(sem.sim, 0)"
        )
        join = ""
    join += " LEFT JOIN sem ON sem.id = c.id"
    page_limit = "ALL" if limit is None else int(limit)
    sql = (
        # Each candidate's vector by its id (OFFSET 0: the planner cannot know how few candidates there are).
        f"SELECT 'page', c.id::text, s.score FROM (SELECT * FROM cand c {within}) c "
        f"CROSS JOIN LATERAL (SELECT vector, theme_ids, nation, review_type, age_bands, year, agency_ids FROM {table} "
        f"WHERE id = c.id OFFSET 0) e {join} "
        f"CROSS JOIN LATERAL (SELECT {score_sql} AS score) s "
        f"ORDER BY c.chunk, s.score DESC, c.year DESC NULLS LAST, c.date DESC NULLS LAST, c.id DESC "
        f"OFFSET {int(offset)} LIMIT {page_limit}"
    )
    return sql, score_params


@dataclass
class Chosen:
    """The query a search runs: as typed, or its spelling suggestion when as typed finds nothing."""

    query: str
    plan: object  # Plan, or None for no query
    counted: "Counted"
    corrected_from: str = ""  # the query as typed, when the results are for the suggestion
    did_you_mean: str = ""  # a suggestion offered beside the results of the query as typed
    instead: list = dataclasses.field(default_factory=list)  # Offers shown instead of a query that found nothing


def _choose(query, exact, user, level, filters, sort, offset, limit):
    """Run the query as typed; when it finds nothing and a word of it is found nowhere in the published corpus,
    run its spelling suggestion instead. A suggestion for a query that does find something is only offered.

    A page of results is cached until the corpus changes (a practitioner pages back, many look for the same
    thing); the key holds everything that decides it, including which reviews the user may see. The ids it
    holds are read again through the visibility rule by search() in any case. Exports (every match) are not
    cached.
    """
    if limit is None or not settings.SEARCH_CACHE_SECONDS:
        return _choose_now(query, exact, user, level, filters, sort, offset, limit)
    versions = [corpus_version(), semantic.version(), visibility_key(user)]
    state = json.dumps(
        [*versions, query, exact, level, filters, sort, offset, limit],
        sort_keys=True,
        default=str,
    )
    key = "search:" + hashlib.sha256(state.encode()).hexdigest()
    chosen = cache.get(key)
    if chosen is None:
        chosen = _choose_now(query, exact, user, level, filters, sort, offset, limit)
        cache.set(key, chosen, timeout=settings.SEARCH_CACHE_SECONDS)
    return chosen


def _choose_now(query, exact, user, level, filters, sort, offset, limit):
    query_plan = _planned(query, level, exact)
    suggestion, suggested_plan = "", None
    if query_plan and query_plan.unknown and not exact:

        def exists(word):
            return _matching("findings", user, plan(parse(word))).exists()

        suggestion = suggest_spelling(query, query_plan.unknown, exists) or ""
        suggested_plan = _planned(suggestion, level, exact) if suggestion else None
    counted = _fallbacks(level, user, query_plan, filters, _sort(sort, query_plan), offset, limit)
    if suggested_plan is None:
        chosen = Chosen(query, query_plan, counted)
    elif counted.count == 0:
        counted = _fallbacks(level, user, suggested_plan, filters, _sort(sort, suggested_plan), offset, limit)
        chosen = Chosen(suggestion, suggested_plan, counted, corrected_from=query)
    else:
        return Chosen(query, query_plan, counted, did_you_mean=suggestion)
    return chosen if chosen.counted.count else _instead(chosen, user, level, filters, offset, limit)


def _instead(chosen, user, level, filters, offset, limit):
    """A query that finds nothing but names what reviews it wants ("SUSR", "Welsh reviews": no finding says what
    review it belongs to) lists the rows of such reviews instead, newest first, within the filters chosen (a filter
    the user chose is never widened); otherwise it stays empty."""
    offers = chosen.plan.understood.offers(filters) if chosen.plan and chosen.plan.understood else []
    offers = [offer for offer in offers if not filters.get(offer.filter)]  # a filter already chosen only narrows
    if not offers:
        return chosen
    counted = _fallbacks(level, user, None, with_offers(filters, offers), "newest", offset, limit)
    return dataclasses.replace(chosen, plan=None, counted=counted, instead=offers) if counted.count else chosen


def with_offers(filters, offers):
    """The filters with the offered ones added."""
    wanted = {name: list(value) if isinstance(value, list | tuple) else value for name, value in filters.items()}
    for offer in offers:
        if BY_NAME[offer.filter].many:
            wanted[offer.filter] = [*wanted.get(offer.filter, []), offer.value]
        else:
            wanted[offer.filter] = offer.value
    return wanted


def _planned(query, level="findings", exact=False):
    """The plan of a query (None for none), with what it says about the reviews it wants and, unless the search
    is exact, the rows of the level that match it by meaning."""
    parsed = parse(query)
    query_plan = plan(parsed) if not parsed.empty else None
    if query_plan is not None:
        query_plan.understood = understand(query)
        query_plan.semantic = semantic.NONE if exact else semantic.matches(level, query_plan)
    return query_plan


def _sort(sort, query_plan):
    """The order asked for; relevance without a query is newest first."""
    sort = sort if sort in SORTS else "relevance"
    return "newest" if sort == "relevance" and query_plan is None else sort


def _fallbacks(level, user, query_plan, filters, sort, offset, limit):
    """Counted, with the fallbacks: most of the query first, then any
    of it, then (reviews) their full texts when few match by summaries and findings."""
    result = Counted(0, {}, [], False)
    if query_plan is not None and query_plan.strict != query_plan.match:
        strict = dataclasses.replace(query_plan, match=query_plan.strict)
        result = _run(level, user, strict, filters, sort, offset, limit)
    if result.count < STRICT_MINIMUM:  # too few match most of the query: rank everything that matches any of it
        result = _run(level, user, query_plan, filters, sort, offset, limit)
    if level == "reviews" and query_plan is not None and limit is not None and result.count < limit:
        # Few reviews match by their summaries and findings: look in their full texts too (they rank last).
        result = _run(level, user, query_plan, filters, sort, offset, limit, full_text=True)
    return result


def search(query="", filters=None, user=None, level="findings", sort="relevance", page=1, page_size=20, exact=False):
    """Search the findings or reviews `user` may see. Returns SearchResults with facet counts."""
    filters = filters or {}
    level = level if level in LEVELS else "findings"
    page_size = max(1, min(int(page_size), 100))
    page = max(1, min(int(page), MAX_PAGE))
    offset = (page - 1) * page_size
    chosen = _choose(query, exact, user, level, filters, sort, offset, page_size)
    query, query_plan = chosen.query, chosen.plan
    filters = with_offers(filters, chosen.instead) if chosen.instead else filters
    count, facets, ranked, sampled = (
        chosen.counted.count,
        chosen.counted.facets,
        chosen.counted.page,
        chosen.counted.sampled,
    )
    # The ids may come from a cache made a moment before a change committed: the rows are read again through
    # the visibility rule, and one that is gone (deleted, or no longer visible) is left out.
    objects = _for_display(
        MODELS[level].objects.visible_to(user).filter(pk__in=[pk for pk, _ in ranked]), level
    ).in_bulk()
    selected = []
    for pk, score in ranked:
        if pk in objects:
            objects[pk].score = score
            selected.append(objects[pk])
    add_snippets(selected, level, query_plan)
    semantic.mark_found_by_meaning(selected, level, query_plan)
    if level == "reviews":
        _add_top_findings(selected, user, query_plan)
    return SearchResults(
        query=query,
        level=level,
        sort=_sort(sort, query_plan),
        count=count,
        results=selected,
        facets=facet_options(facets, filters, level),
        page=page,
        page_size=page_size,
        corrected_from=chosen.corrected_from,
        did_you_mean=chosen.did_you_mean,
        themes_named=query_plan.themes if query_plan else [],
        offers=query_plan.understood.offers(filters) if query_plan else [],
        instead=chosen.instead,
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


def matching_rows(query="", filters=None, user=None, level="findings", sort="relevance", exact=False, chunk_size=500):
    """Every finding (or recommendation) the search lists for these parameters, in the same order, for exports: an
    iterator that reads them from the database a chunk at a time."""
    ranked = _choose(query, exact, user, level, filters or {}, sort, 0, None).counted.page
    ids = [pk for pk, _ in ranked]
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        rows = _for_display(MODELS[level].objects.visible_to(user).filter(pk__in=chunk), level).in_bulk()
        yield from (rows[pk] for pk in chunk if pk in rows)


def _for_display(queryset, level):
    """Rows as results show them: without reviews' full texts, which are large and never shown in results."""
    if level == "findings":
        return (
            queryset.select_related("review", "review__partnership")
            .defer("review__full_text")
            .prefetch_related("themes", "agencies", "recommendations")
        )
    if level == "recommendations":
        return queryset.for_display().defer("review__full_text")
    return queryset.select_related("partnership").defer("full_text")


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
        # Closeness in meaning counts too, and a finding close enough is one of the best even with none of the
        # query's words (unless the query has a quoted phrase or an exclusion it must meet).
        own = findings.values_list("pk", flat=True)
        for pk, similarity in semantic.similarity_to("findings", query_plan, list(own)).items():
            if pk in score_of:
                score_of[pk] += semantic.boost(similarity)
            elif similarity >= semantic.MINIMUM["findings"] and not query_plan.semantic_gate:
                score_of[pk] = semantic.boost(similarity)
        findings = findings.filter(pk__in=score_of)
    # The best of each review are chosen from ids and scores; only they are loaded, with their tags.
    best = {}
    for pk, review_id, _ in sorted(
        findings.values_list("pk", "review_id", "position"),
        key=lambda row: (row[1], -score_of.get(row[0], 0.0), row[2], row[0]),
    ):
        group = best.setdefault(review_id, [])
        if len(group) < per_review:
            group.append(pk)
    rows = Finding.objects.filter(pk__in=[pk for group in best.values() for pk in group])
    rows = rows.prefetch_related("themes", "agencies").in_bulk()
    by_review = {}
    for review_id, group in best.items():
        for pk in group:
            finding = rows[pk]
            finding.score = score_of.get(pk, 0.0)
            finding.review = loaded[review_id]  # already read: no query per finding
            by_review.setdefault(review_id, []).append(finding)
    chosen = [f for group in by_review.values() for f in group]
    add_snippets(chosen, "findings", query_plan)
    if query_plan is not None:
        query_plan = dataclasses.replace(query_plan, semantic=semantic.Matches([f.pk for f in chosen], [], []))
    semantic.mark_found_by_meaning(chosen, "findings", query_plan)
    for review in reviews:
        review.top_findings = by_review.get(review.pk, [])
