"""Semantic matching: a finding that says what the query means in other words is found.

Embeddings (search.encoder: all-MiniLM-L6-v2 in NumPy) of
- a finding: its title and text, in parts of at most PART_WORDS words (the model cuts long texts off), averaged;
- a review: its title and summary (in parts), and the mean of its findings' vectors, the two halves weighed alike;
- a recurring lesson: its statement and summary;
are stored in PostgreSQL (findings.models.*Embedding, float32 bytes: no extension) and held in memory by
findings.vectors. A digest of what was embedded (model, text, and for a review its findings' digests) means
unchanged text is never embedded again.

Kept in step one way: triggers on findings, reviews and lessons log every change of the text they embed, and every
deleted finding's review, in `search_embedding_change` (search.models.EmbeddingChange) in the writing transaction.
Saves (and `migrate`, which logs what a new installation already holds) ask, when the transaction commits, for the
task `embed_changes` on the `embeddings` queue (its own worker, `process_worker --queue-name embeddings`), which
works through the log; bulk writes (imports) send findings.signals.texts_changed for the same. `embed_corpus`
embeds whatever is missing or stale, resumably.

At query time (`matches`): the query (acronyms spelt out, terms of the field followed by their meaning, exclusions
left out: Plan.semantic_text) is embedded, and every row's cosine similarity is one matrix product. The rows at
least MINIMUM similar are semantic matches: they join the lexical ones in the one statement that counts, facets
and pages a search (search.engine), so everything agrees, and each passes the visibility rule and the filters
there. A quoted phrase and an exclusion bind them too; a query of only acronyms and quoted phrases, an exact
search, or a query with no word the published corpus uses (nor a term of the field), has no semantic matches.
"""

import functools
import hashlib
import html
import re
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from findings import vectors
from findings.models import Finding, FindingEmbedding, Lesson, LessonEmbedding, ReviewEmbedding
from reviews.models import Review
from search.encoder import MODEL_NAME, encoder
from search.models import EmbeddingChange

PART_WORDS = 90  # words per embedded part (the model reads at most 128 word pieces)
MAX_PARTS = 6
# A row at least this similar to the query is a match (chosen on the development set: bench/README.md).
MINIMUM = {"findings": 0.25, "reviews": 0.3}
# ... or, when even the closest row is less similar than that (a rare topic, a one-word query), those within SPREAD
# of the closest, but never below LOWEST.
LOWEST = 0.2
SPREAD = 0.15
MAX_MATCHES = 1_000  # the most similar rows admitted as matches, at most
RANKED = 3_000  # rows whose similarity counts in the ranking (the most similar)
# The ranking adds WEIGHT x (similarity - FLOOR) when above the floor (bench/README.md).
WEIGHT = 4.0
FLOOR = 0.2
BATCH = 64


def enabled():
    return settings.SEMANTIC_SEARCH


def _digest(*parts):
    return hashlib.md5("\n".join([MODEL_NAME, *parts]).encode(), usedforsecurity=False).hexdigest()


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def parts_of(text, words=PART_WORDS, most=MAX_PARTS):
    """The text in parts of at most `words` words, cut between sentences where it can."""
    out, current = [], []
    for sentence in _SENTENCE_END.split(" ".join((text or "").split())):
        tokens = sentence.split()
        while tokens:
            room = words - len(current)
            if len(tokens) > room and current:
                out.append(" ".join(current))
                current = []
                continue
            current.extend(tokens[:words])
            tokens = tokens[words:]
    if current:
        out.append(" ".join(current))
    return out[:most] or [""]


def _mean(vectors_):
    total = np.sum(vectors_, axis=0)
    norm = np.linalg.norm(total)
    return total / norm if norm else total


def _embed_texts(texts_by_key):
    """{key: unit vector} for {key: text}, each text embedded in parts and averaged."""
    keys, parts = [], []
    for key, text in texts_by_key.items():
        for part in parts_of(text):
            keys.append(key)
            parts.append(part)
    encoded = encoder.encode(parts) if parts else np.zeros((0, vectors.DIMENSIONS), dtype=np.float32)
    grouped = {}
    for key, vector in zip(keys, encoded, strict=True):
        grouped.setdefault(key, []).append(vector)
    return {key: _mean(vs) for key, vs in grouped.items()}


def finding_text(finding):
    return f"{finding.title}. {finding.text}"


def lesson_text(lesson):
    return f"{lesson.statement}. {lesson.summary}".strip()


def review_text(review):
    return f"{review.title}. {review.summary}"


def _write(model, rows):
    """Store [(id, digest, vector)], each write taking the next seq: one statement over arrays (executemany would
    break under pghistory's context, which a request running the task at once has)."""
    if not rows:
        return
    table = model._meta.db_table
    key = model._meta.pk.column
    ids, digests, blobs = zip(*[(pk, digest, vectors.to_bytes(vector)) for pk, digest, vector in rows], strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key}, digest, vector, seq) "
            "SELECT id, digest, vector, nextval('findings_embedding_seq') "
            "FROM unnest(%s::bigint[], %s::text[], %s::bytea[]) AS row(id, digest, vector) "
            f"ON CONFLICT ({key}) DO UPDATE SET digest = EXCLUDED.digest, vector = EXCLUDED.vector, "
            "seq = EXCLUDED.seq",
            [list(ids), list(digests), list(blobs)],
        )


def _embed_changed(rows, stored_model, text_of):
    """[(id, digest, vector)] of the rows whose text (text_of(row)) differs from what stored_model holds for them."""
    rows = list(rows)
    stored = dict(stored_model.objects.filter(pk__in=[row.pk for row in rows]).values_list("pk", "digest"))
    texts, digests = {}, {}
    for row in rows:
        text = text_of(row)
        digest = _digest(text)
        if stored.get(row.pk) != digest:
            texts[row.pk], digests[row.pk] = text, digest
    return [(pk, digests[pk], vector) for pk, vector in _embed_texts(texts).items()]


def embed_findings(ids):
    """[(id, digest, vector)] of the findings whose text changed since they were last embedded."""
    return _embed_changed(
        Finding.objects.filter(pk__in=ids).only("pk", "title", "text"), FindingEmbedding, finding_text
    )


def embed_reviews(ids):
    """[(id, digest, vector)] of the reviews whose title, summary or findings changed since."""
    stored = dict(ReviewEmbedding.objects.filter(pk__in=ids).values_list("pk", "digest"))
    of_review = {}
    for review_id, pk, digest, data in FindingEmbedding.objects.filter(finding__review_id__in=ids).values_list(
        "finding__review_id", "pk", "digest", "vector"
    ):
        of_review.setdefault(review_id, []).append((pk, digest, data))
    texts, digests = {}, {}
    for review in Review.objects.filter(pk__in=ids).only("pk", "title", "summary"):
        text = review_text(review)
        findings = sorted(of_review.get(review.pk, []))
        digest = _digest(text, ",".join(d for _, d, _ in findings))
        if stored.get(review.pk) != digest:
            texts[review.pk], digests[review.pk] = text, digest
    embedded = _embed_texts(texts)
    rows = []
    for pk, own in embedded.items():
        findings = of_review.get(pk, [])
        if findings:  # its summary and its findings weigh alike
            own = _mean([own, _mean([vectors.from_bytes(data) for _, _, data in findings])])
        rows.append((pk, digests[pk], own))
    return rows


def embed_lessons(ids):
    """[(id, digest, vector)] of the lessons whose statement or summary changed since."""
    lessons = Lesson.objects.filter(pk__in=ids).only("pk", "statement", "summary")
    return _embed_changed(lessons, LessonEmbedding, lesson_text)


EMBED = {
    "f": (embed_findings, FindingEmbedding),
    "r": (embed_reviews, ReviewEmbedding),
    "l": (embed_lessons, LessonEmbedding),
}


def embed_changes(batch=100, progress=None):
    """Work through the change log until it is empty: findings first (a changed finding changes its review's
    vector, so its review is logged), then reviews and lessons. Each batch is embedded outside any transaction
    and written with the removal of its log rows in one; a change logged meanwhile (a later mark) stays.
    Returns how many rows were embedded."""
    if not enabled():
        return 0
    done = 0
    for kind in ("f", "r", "l"):
        while True:
            marks = list(
                EmbeddingChange.objects.filter(kind=kind).order_by("mark").values_list("object_id", "mark")[:batch]
            )
            if not marks:
                break
            ids = [pk for pk, _ in marks]
            embed, model = EMBED[kind]
            rows = embed(ids)
            with transaction.atomic():
                _write(model, rows)
                done += len(rows)
                if kind == "f":
                    reviews = set(Finding.objects.filter(pk__in=ids).values_list("review_id", flat=True))
                    log(reviews, "r")
                for pk, mark in marks:
                    EmbeddingChange.objects.filter(kind=kind, object_id=pk, mark=mark).delete()
            if progress:
                progress(kind, len(marks))
    return done


def log(ids, kind):
    """Log rows as changed (what the triggers do), so that the next `embed_changes` embeds them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_embedding_mark(%s, %s::bigint[])", [kind, list(ids)])


def log_stale():
    """Log every finding, review and lesson that has no embedding or whose text changed since (what
    `embed_corpus` starts with). Returns {kind: how many}."""
    counts = {}
    for kind, model, embedded, text_of in (
        ("f", Finding.objects.only("pk", "title", "text"), FindingEmbedding, lambda f: (finding_text(f),)),
        ("l", Lesson.objects.only("pk", "statement", "summary"), LessonEmbedding, lambda x: (lesson_text(x),)),
    ):
        stored = dict(embedded.objects.values_list("pk", "digest").iterator(chunk_size=10_000))
        stale = [row.pk for row in model.iterator(chunk_size=2_000) if stored.get(row.pk) != _digest(*text_of(row))]
        log(stale, kind)
        counts[kind] = len(stale)
    # A review's digest holds its findings' digests: those are checked when the review is embedded.
    reviews = list(Review.objects.values_list("pk", flat=True))
    log(reviews, "r")
    counts["r"] = len(reviews)
    return counts


@dataclass(frozen=True)
class Matches:
    """A query's semantic side for one level: the rows it matches (at least MINIMUM similar, the most similar
    MAX_MATCHES), and the similarity of the RANKED most similar rows (for the ranking)."""

    ids: list
    ranked_ids: list
    ranked_similarities: list


NONE = Matches([], [], [])


@functools.lru_cache(maxsize=512)
def query_vector(text):
    return encoder.encode([text])[0]


def matches(level, query_plan):
    """The semantic Matches of a planned query at a level (findings or reviews); NONE when it has none (and at a
    level that is not embedded: recommendations are found by their words)."""
    text = getattr(query_plan, "semantic_text", "")
    if not enabled() or not text or level not in ("findings", "reviews"):
        return NONE
    ids, sims = _similarities(level, query_vector(text))
    if not len(ids):
        return NONE
    count = min(RANKED, len(ids))
    top = np.argpartition(-sims, count - 1)[:count]
    top = top[np.argsort(-sims[top], kind="stable")]
    minimum = max(LOWEST, min(MINIMUM[level], float(sims[top[0]]) - SPREAD))
    matched = [int(ids[i]) for i in top[:MAX_MATCHES] if sims[i] >= minimum]
    return Matches(matched, [int(i) for i in ids[top]], [float(s) for s in sims[top]])


def _similarities(level, vector):
    """(ids, cosine similarity to the vector) of every embedded row of a level. A review is as similar as the
    closer of its own vector (title, summary and findings) and its closest finding: one finding on the point is
    enough for the review to be about it."""
    if level == "findings":
        return vectors.findings.similarities(vector)
    ids, sims = vectors.reviews.similarities(vector)
    by_finding, best = vectors.findings.best_of_groups(vector)
    ids, sims = np.concatenate([ids, by_finding]), np.concatenate([sims, best])
    order = np.lexsort((-sims, ids))
    ids, sims = ids[order], sims[order]
    first = np.concatenate([[True], ids[1:] != ids[:-1]]) if len(ids) else np.zeros(0, dtype=bool)
    return ids[first], sims[first]


def similarity_to(level, query_plan, ids):
    """{id: cosine similarity to the query} of those of the ids (findings or reviews) that are embedded."""
    text = getattr(query_plan, "semantic_text", "")
    if not enabled() or not text or not ids:
        return {}
    table = vectors.findings if level == "findings" else vectors.reviews
    query = query_vector(text)
    return {pk: float(vector @ query) for pk, vector in table.vectors_of(ids).items()}


def boost(similarity):
    """What a similarity adds to a row's score (search.engine adds the same in SQL)."""
    return WEIGHT * max(similarity - FLOOR, 0.0)


def warm_up():
    """Load the model and catch up with the stored vectors now (a web worker's start: config/gunicorn.py)."""
    if enabled():
        query_vector("warm up")
        for table in (vectors.findings, vectors.reviews, vectors.lessons):
            table.fresh()


def version():
    """Moves on whenever a stored embedding changes (for caches of search results)."""
    return vectors.state()[0]


def mark_found_by_meaning(rows, level, query_plan):
    """Rows found by meaning alone (their snippet highlights no word of the query) show the sentence closest to
    the query instead, escaped; they get `by_meaning`."""
    found = set(query_plan.semantic.ids) if query_plan is not None and query_plan.semantic else set()
    alone = [row for row in rows if row.pk in found and "<mark>" not in row.snippet]
    for row in rows:
        row.by_meaning = row in alone
    sentences = closest_sentences(alone, level, query_plan)
    for row in alone:
        if row.pk in sentences:
            row.snippet = html.escape(sentences[row.pk])


def closest_sentences(rows, level, query_plan, most=30):
    """For rows found by meaning alone: the sentence of each (of its first `most`) closest to the query, by the
    model's word-piece vectors (encoder.word_vectors: running the model on every sentence of a page would cost
    more than the search)."""
    text = getattr(query_plan, "semantic_text", "")
    if not rows or not text:
        return {}
    query = encoder.word_vectors([text])[0]
    sentences, owners = [], []
    for row in rows:
        body = row.text if level == "findings" else row.summary
        for sentence in [s for s in _SENTENCE_END.split(" ".join((body or "").split())) if s][:most]:
            sentences.append(" ".join(sentence.split()[:60]))
            owners.append(row.pk)
    if not sentences:
        return {}
    sims = encoder.word_vectors(sentences) @ query
    best = {}
    for pk, sentence, sim in zip(owners, sentences, sims, strict=True):
        if pk not in best or sim > best[pk][1]:
            best[pk] = (sentence, float(sim))
    return {pk: sentence for pk, (sentence, _) in best.items()}
