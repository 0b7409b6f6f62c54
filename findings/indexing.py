"""Keeps the search entries (findings.models.FindingEntry and ReviewEntry) and the corpus word list in step
with the data.

Vectors (PostgreSQL `english` configuration, weighted):
- a finding: its title (A), its theme names and their former names (B), its text and recommendation (C);
- a review's `vector`: its pseudonym (A), its themes' and its findings' theme names and its keywords (B),
  its summary and its findings (C);
- a review's `context_vector`: the same without the findings, small enough to weigh every finding of the
  review by how well the review as a whole matches;
- a review's `full_text_vector`: its full text (D), kept apart because it is large: it lets a review be
  found by its full text without making every ranking read it.

Each entry also holds the ids of its themes and agencies, and copies of its review's status, partnership,
year, nation, region, type, outcome and age bands, so that visibility, filters and facet counts read the
entry alone.

Signals (findings.signals) call these after every save; bulk writes call them directly, and
`manage.py rebuild_search_index` rebuilds everything.
"""

from django.db import connection

# The review's fields each entry copies: (entry column, SQL over the review r and its partnership p).
REVIEW_FIELDS = (
    ("status", "r.status"),
    ("partnership_id", "r.partnership_id"),
    ("year", "r.publication_year"),
    ("date", "r.publication_date"),
    ("nation", "r.nation"),
    ("region", "coalesce(p.region, '')"),
    ("review_type", "r.review_type"),
    ("outcome", "r.outcome"),
    ("age_bands", "r.age_bands"),
)


# The compound lexemes of the vocabulary's phrases that a vector contains (see findings.search.compounds).
COMPOUNDS = """coalesce((
        SELECT array_to_tsvector(array_agg(DISTINCT c.name))
        FROM unnest(%(compound_names)s::text[], %(compound_queries)s::tsquery[]) AS c(name, query)
        WHERE {vector} @@ c.query), ''::tsvector)"""


def _compound_params():
    from findings.search import compounds  # findings.search reads the corpus version from here

    return {"compound_names": list(compounds().values()), "compound_queries": list(compounds())}


def _upsert(table, columns):
    """INSERT ... ON CONFLICT for an entry table, given (column, SQL) pairs of which the first is the id."""
    names = ", ".join(name for name, _ in columns)
    values = ", ".join(sql for _, sql in columns)
    updates = ", ".join(f"{name} = EXCLUDED.{name}" for name, _ in columns[1:])
    return f"INSERT INTO {table} ({names}) SELECT {values} {{source}} ON CONFLICT (id) DO UPDATE SET {updates}"


FINDING_ENTRY = _upsert(
    "findings_findingentry",
    [
        ("id", "f.id"),
        ("review_id", "f.review_id"),
        *REVIEW_FIELDS,
        (
            "theme_ids",
            """ARRAY(
        SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id
        UNION SELECT theme_id FROM reviews_review_themes WHERE review_id = f.review_id
        ORDER BY 1)""",
        ),
        ("agency_ids", "ARRAY(SELECT agency_id FROM findings_finding_agencies WHERE finding_id = f.id ORDER BY 1)"),
        ("vector", f"words.vector || {COMPOUNDS.format(vector='words.vector')}"),
    ],
).format(
    source="""
FROM findings_finding f
JOIN reviews_review r ON r.id = f.review_id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
LEFT JOIN LATERAL (
    SELECT string_agg(t.name || ' ' || array_to_string(t.former_names, ' '), ' ') AS names
    FROM findings_finding_themes ft JOIN findings_theme t ON t.id = ft.theme_id
    WHERE ft.finding_id = f.id
) tags ON true
LEFT JOIN LATERAL (
    SELECT setweight(to_tsvector('english', f.title), 'A')
        || setweight(to_tsvector('english', coalesce(tags.names, '')), 'B')
        || setweight(to_tsvector('english', f.text || ' ' || f.recommendation), 'C') AS vector
) words ON true
WHERE {where}"""
)

REVIEW_ENTRY = _upsert(
    "findings_reviewentry",
    [
        ("id", "r.id"),
        *REVIEW_FIELDS,
        (
            "theme_ids",
            """ARRAY(
        SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id
        UNION SELECT ft.theme_id FROM findings_finding_themes ft
              JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id
        ORDER BY 1)""",
        ),
        (
            "agency_ids",
            """ARRAY(
        SELECT DISTINCT fa.agency_id FROM findings_finding_agencies fa
        JOIN findings_finding f ON f.id = fa.finding_id WHERE f.review_id = r.id ORDER BY 1)""",
        ),
        ("vector", f"words.vector || {COMPOUNDS.format(vector='words.vector')}"),
        ("context_vector", f"head.vector || {COMPOUNDS.format(vector='head.vector')}"),
        ("full_text_vector", f"words.full_text || {COMPOUNDS.format(vector='words.full_text')}"),
    ],
).format(
    source="""
FROM reviews_review r
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
LEFT JOIN LATERAL (
    SELECT string_agg(DISTINCT t.name || ' ' || array_to_string(t.former_names, ' '), ' ') AS names
    FROM findings_theme t
    WHERE t.id IN (SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id)
       OR t.id IN (SELECT ft.theme_id FROM findings_finding_themes ft
                   JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id)
) tags ON true
LEFT JOIN LATERAL (
    SELECT string_agg(f.title || ' ' || f.text || ' ' || f.recommendation, ' ' ORDER BY f.position) AS text
    FROM findings_finding f WHERE f.review_id = r.id
) body ON true
LEFT JOIN LATERAL (
    SELECT setweight(to_tsvector('english', r.title), 'A')
        || setweight(to_tsvector('english', coalesce(tags.names, '') || ' ' || array_to_string(r.keywords, ' ')), 'B')
        || setweight(to_tsvector('english', r.summary), 'C') AS vector
) head ON true
LEFT JOIN LATERAL (
    SELECT head.vector || setweight(to_tsvector('english', coalesce(body.text, '')), 'C') AS vector,
        setweight(to_tsvector('english', r.full_text), 'D') AS full_text
) words ON true
WHERE {where}"""
)


def _copy_review_fields(table, key):
    """UPDATE of the copies of their reviews' fields that the entries of a table hold."""
    return (
        f"UPDATE {table} e SET "
        + ", ".join(f"{name} = {sql}" for name, sql in REVIEW_FIELDS)
        + f" FROM reviews_review r LEFT JOIN agencies_partnership p ON p.id = r.partnership_id WHERE e.{key} = r.id"
        " AND {where}"
    )


FINDINGS_REVIEW_FIELDS = _copy_review_fields("findings_findingentry", "review_id")
REVIEWS_REVIEW_FIELDS = _copy_review_fields("findings_reviewentry", "id")


def bump_corpus_version():
    """Note that searchable data changed: cached browse results made before are no longer used."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('findings_corpus_version')")


def corpus_version():
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value, is_called FROM findings_corpus_version")
        value, called = cursor.fetchone()
        return value if called else 0


def _index(statement, ids):
    ids = list(ids)
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(statement, {"ids": ids, **_compound_params()})
        bump_corpus_version()


def index_findings(ids):
    _index(FINDING_ENTRY.format(where="f.id = ANY(%(ids)s)"), ids)


def index_reviews(ids):
    """After reviews change: their entries, and what their findings' entries copy from them."""
    ids = list(ids)
    _index(REVIEW_ENTRY.format(where="r.id = ANY(%(ids)s)"), ids)
    _index(FINDINGS_REVIEW_FIELDS.format(where="r.id = ANY(%(ids)s)"), ids)


def add_compounds():
    """Add the vocabulary's compound lexemes to every stored vector, without re-reading any text.

    Needed once the vocabulary (findings/data/synonyms.json, acronyms) gains phrases; `rebuild_search_index`
    does it too.
    """
    params = _compound_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE findings_findingentry SET vector = vector || {COMPOUNDS.format(vector='vector')}", params
        )
        columns = ("vector", "context_vector", "full_text_vector")
        assignments = ", ".join(f"{c} = {c} || {COMPOUNDS.format(vector=c)}" for c in columns)
        cursor.execute(f"UPDATE findings_reviewentry SET {assignments}", params)
    bump_corpus_version()


def copy_review_fields(review_ids):
    """After reviews' own fields (their status) change without a save: the copies their entries hold."""
    _index(REVIEWS_REVIEW_FIELDS.format(where="r.id = ANY(%(ids)s)"), review_ids)
    _index(FINDINGS_REVIEW_FIELDS.format(where="r.id = ANY(%(ids)s)"), review_ids)


def index_partnership(partnership_id):
    """After a partnership changes (its region): the entries of its reviews and their findings."""
    with connection.cursor() as cursor:
        for statement in (REVIEWS_REVIEW_FIELDS, FINDINGS_REVIEW_FIELDS):
            cursor.execute(
                statement.format(where="r.partnership_id = %(partnership)s"), {"partnership": partnership_id}
            )
    bump_corpus_version()


def index_findings_and_reviews(finding_ids):
    """After findings change: them, and their reviews, whose text includes theirs."""
    from findings.models import Finding

    finding_ids = list(finding_ids)
    index_findings(finding_ids)
    index_reviews(set(Finding.objects.filter(pk__in=finding_ids).values_list("review_id", flat=True)))


def index_theme(theme_id):
    """After a theme's name changes: every finding and review that carries it."""
    with connection.cursor() as cursor:
        cursor.execute(
            FINDING_ENTRY.format(
                where="f.id IN (SELECT finding_id FROM findings_finding_themes WHERE theme_id = %(theme)s)"
            ),
            {"theme": theme_id, **_compound_params()},
        )
        cursor.execute(
            REVIEW_ENTRY.format(
                where="(r.id IN (SELECT review_id FROM reviews_review_themes WHERE theme_id = %(theme)s)"
                " OR r.id IN (SELECT f2.review_id FROM findings_finding f2 JOIN findings_finding_themes ft"
                " ON ft.finding_id = f2.id WHERE ft.theme_id = %(theme)s))"
            ),
            {"theme": theme_id, **_compound_params()},
        )
    bump_corpus_version()


# The corpus word list: every word of published findings and reviews (unstemmed, `simple`
# configuration), its English stem and the number of documents that use it. It weighs query
# words by rarity and offers spellings; it holds published words only, so a suggestion never
# reveals an unpublished review.
_PUBLISHED_DOCUMENTS = """
SELECT to_tsvector('simple', f.title || ' ' || f.text || ' ' || f.recommendation)
FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id
WHERE {which}
UNION ALL
SELECT to_tsvector('simple', r.title || ' ' || r.summary || ' ' || array_to_string(r.keywords, ' '))
FROM reviews_review r WHERE {which}
"""

_STEMS = """
UPDATE findings_searchterm SET stem = coalesce(
    (SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector('english', word))), '')
WHERE stem = '' OR {where}
"""


def _word_stats_sql(review_id=None):
    """Words of every published document, or of one review's documents whatever its status."""
    which = "r.status = 'published'" if review_id is None else f"r.id = {int(review_id)}"
    documents = _PUBLISHED_DOCUMENTS.format(which=which)
    # ts_stat takes the query as text; review_id is an int, so the text is safe.
    return (
        "SELECT word, ndoc FROM ts_stat(%s) "
        "WHERE length(word) BETWEEN 2 AND 100 AND word ~ '^[[:alpha:]][[:alpha:]''-]*$'",
        [documents],
    )


def refresh_terms():
    """Rebuild the corpus word list from every published finding and review."""
    stats, params = _word_stats_sql()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM findings_searchterm")
        cursor.execute(
            f"INSERT INTO findings_searchterm (word, stem, ndoc) SELECT word, '', ndoc FROM ({stats}) s", params
        )
        cursor.execute(_STEMS.format(where="false"))


def add_finding_terms(finding_id):
    """Add the words of one finding of a published review, after it was edited or added."""
    documents = (
        "SELECT to_tsvector('simple', f.title || ' ' || f.text || ' ' || f.recommendation) "
        f"FROM findings_finding f WHERE f.id = {int(finding_id)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO findings_searchterm (word, stem, ndoc) SELECT word, '', ndoc FROM ts_stat(%s) "
            "WHERE length(word) BETWEEN 2 AND 100 AND word ~ '^[[:alpha:]][[:alpha:]''-]*$' "
            "ON CONFLICT (word) DO UPDATE SET ndoc = findings_searchterm.ndoc + excluded.ndoc",
            [documents],
        )
        cursor.execute(_STEMS.format(where="false"))


def adjust_terms(review_id, sign):
    """Add (sign=1) or take away (sign=-1) one review's words, when it is published or withdrawn."""
    stats, params = _word_stats_sql(review_id)
    with connection.cursor() as cursor:
        if sign > 0:
            cursor.execute(
                f"INSERT INTO findings_searchterm (word, stem, ndoc) SELECT word, '', ndoc FROM ({stats}) s "
                "ON CONFLICT (word) DO UPDATE SET ndoc = findings_searchterm.ndoc + excluded.ndoc",
                params,
            )
            cursor.execute(_STEMS.format(where="false"))
        else:
            cursor.execute(
                f"UPDATE findings_searchterm t SET ndoc = greatest(t.ndoc - s.ndoc, 0) FROM ({stats}) s "
                "WHERE t.word = s.word",
                params,
            )
            cursor.execute("DELETE FROM findings_searchterm WHERE ndoc = 0")


def rebuild_all(progress=None):
    """Recompute every vector and the word list. progress(done, total) is called as it goes."""
    from findings.models import Finding
    from reviews.models import Review

    review_ids = list(Review.objects.order_by("pk").values_list("pk", flat=True))
    finding_ids = list(Finding.objects.order_by("pk").values_list("pk", flat=True))
    total = len(review_ids) + len(finding_ids)
    done = 0
    for ids, index in ((finding_ids, index_findings), (review_ids, index_reviews)):
        for start in range(0, len(ids), 2000):
            index(ids[start : start + 2000])
            done += len(ids[start : start + 2000])
            if progress:
                progress(done, total)
    refresh_terms()
