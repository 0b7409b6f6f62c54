"""How the search entries (search.models.FindingEntry, ReviewEntry, RecommendationEntry) and the corpus word list
(SearchTerm) keep in step with the data: one way, in the database.

- Triggers on findings, reviews, recommendations, their theme and agency tags, themes and partnerships mark what a
  statement changed in `search_pending` (a finding, a review, a recommendation, a review whose findings and
  recommendations copy what changed, or only "move the corpus version on"), whoever wrote it: a model's save, a
  queryset's `.update()`, a tag added from either side, a delete, SQL.
- The first mark of a transaction queues a constraint trigger deferred to commit (on `search_apply_request`),
  which applies the marks once per transaction (`search_apply()`): the
  entries of what was marked are made again, the word counts move by the difference between what each
  changed document counted and what it counts now (so they always equal a full recount), and the corpus
  version moves on. A proposal of 25 findings is indexed once, not 25 times.
- The corpus version is a row read like any other: a reader sees the new version exactly when it sees the
  data it describes, so results cached under it (browse results, theme patterns) are never stale.

The SQL of entries, marks and counts is written in the search app's migrations (frozen there: a change is a
new migration). Vectors (PostgreSQL `english` configuration, weighted):
- a finding: its title (A), its theme names and their former names (B), its text and the text of the
  recommendations that follow from it (C);
- a review's `vector`: its pseudonym (A), its themes' and its findings' theme names and its keywords (B),
  its summary, its findings and its recommendations (C); its `context_vector` the same without the findings,
  small enough to weigh every finding of the review by how well the review as a whole matches; its
  `full_text_vector` its full text (D), kept apart because it is large;
- a recommendation: its theme names (its own and those of the findings it follows from) and whom it asks in the
  report's words (B), its label and text (C).
Each entry also holds the ids of its themes and agencies, and copies of its review's status, partnership,
year, nation, region, type, outcome and age bands, so that visibility, filters and facet counts read the entry
alone.

Tests that run inside one transaction that never commits ask for the marks to be applied at each statement
instead (`apply_at_each_statement`).
"""

from django.db import connection, transaction

APPLY_TRIGGER = "search_apply_at_commit"


def corpus_version():
    """A number that moves on whenever searchable data changes (visible from the moment the change is)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM search_corpus")
        row = cursor.fetchone()
    return row[0] if row else 0


def apply_pending():
    """Apply the marks made so far in this transaction now rather than at commit. Returns how many there were."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_apply()")
        return cursor.fetchone()[0]


def apply_at_each_statement():
    """For the rest of this transaction, apply marks at the end of each statement rather than at commit."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {APPLY_TRIGGER} IMMEDIATE")


def apply_at_commit():
    """For the rest of this transaction, apply marks when it commits (the default)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {APPLY_TRIGGER} DEFERRED")


def _mark(kind, ids):
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_mark(%s, %s::bigint[])", [kind, list(ids)])


# The word list as a full recount would make it: every word of published findings and reviews (unstemmed,
# `simple` configuration) with the number of documents that use it.
RECOUNT = """
SELECT word, ndoc FROM ts_stat($$
    SELECT to_tsvector('simple', f.title || ' ' || f.text || ' ' || search_finding_recommendations(f.id))
    FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id WHERE r.status = 'published'
    UNION ALL
    SELECT to_tsvector('simple', r.title || ' ' || r.summary || ' ' || array_to_string(r.keywords, ' '))
    FROM reviews_review r WHERE r.status = 'published'
$$) WHERE length(word) BETWEEN 2 AND 100 AND word ~ '^[[:alpha:]][[:alpha:]''-]*$'
"""


def recount_terms():
    """{word: number of published findings and reviews that use it}, counted afresh."""
    with connection.cursor() as cursor:
        cursor.execute(RECOUNT)
        return dict(cursor.fetchall())


def rebuild_all(progress=None, chunk=500):
    """Make every entry and the word list again from the data, in one transaction (readers see the old index
    until it commits). progress(done, total) is called as it goes.

    The counts start again from nothing, so they are right even if they had drifted (a restored table).
    Each chunk of reviews is applied in its own statement, so memory stays bounded.
    """
    from reviews.models import Review

    with transaction.atomic():
        review_ids = list(Review.objects.order_by("pk").values_list("pk", flat=True))
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_counted")
            cursor.execute("DELETE FROM findings_searchterm")
            cursor.execute("DELETE FROM findings_findingentry WHERE id NOT IN (SELECT id FROM findings_finding)")
            cursor.execute("DELETE FROM findings_reviewentry WHERE id NOT IN (SELECT id FROM reviews_review)")
            cursor.execute(
                "DELETE FROM search_recommendationentry WHERE id NOT IN (SELECT id FROM findings_recommendation)"
            )
        for start in range(0, len(review_ids), chunk):
            ids = review_ids[start : start + chunk]
            _mark("c", ids)
            _mark("t", ids)
            apply_pending()
            if progress:
                progress(start + len(ids), len(review_ids))
        _mark("v", [0])
        apply_pending()
    if progress and not review_ids:
        progress(0, 0)
