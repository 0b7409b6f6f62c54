"""Stored sentence embeddings, held in memory, and what is read from them: similar findings in other reviews,
reviews like this one, and the recurring lessons a finding resembles. search.semantic computes and writes them,
and matches queries against the same vectors.

Each process holds each table's vectors in one float32 matrix (384 x 4 bytes a row: 300 MB for 200,000 findings)
and catches up with the database before it reads: one row (`findings_embedding_state`, moved on by triggers at
every write) says whether anything changed; then only rows written since (`seq`) are read, and the ids, when
something was deleted. A product of the matrix and a unit vector gives every row's cosine similarity (25 ms for
200,000 rows).
"""

import copy
import threading

import numpy as np
from django.conf import settings
from django.db import connection

from findings.models import Finding, FindingEmbedding, Lesson, LessonEmbedding, ReviewEmbedding
from reviews.models import Review

DIMENSIONS = 384

# Similar findings and reviews: at least this similar (cosine), best first, each shared theme adding a little.
SIMILAR_MINIMUM = 0.45
SHARED_THEME_BONUS = 0.02
SIMILAR_COUNT = 5
# The recurring lessons a finding resembles, offered on the curation screen.
LESSON_MINIMUM = 0.35
LESSON_COUNT = 3


def to_bytes(vector):
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data):
    return np.frombuffer(bytes(data), dtype="<f4")


def state():
    """(version, deletions): both move on as embeddings are written and deleted."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version, deletions FROM findings_embedding_state WHERE id = 1")
        row = cursor.fetchone()
    return tuple(row) if row else (0, 0)


class Vectors:
    """One table's vectors in memory: ids (int64) and a matrix of rows (room is kept for more, so that catching up
    with a few new rows copies nothing), and each id's row. With `group` (a field path, "finding__review_id"),
    each row's group too, for the best row of each group (`best_of_groups`)."""

    def __init__(self, model, group=None):
        self.model = model
        self.group = group
        self._lock = threading.Lock()
        self.size, self.seq, self.version, self.deletions = 0, 0, None, None
        self._ids = np.zeros(0, dtype=np.int64)
        self._groups = np.zeros(0, dtype=np.int64)
        self._matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.row_of = {}
        self._grouping = None

    @property
    def ids(self):
        return self._ids[: self.size]

    @property
    def matrix(self):
        return self._matrix[: self.size]

    def fresh(self):
        """Catch up with the database (one small read when nothing changed), and return self."""
        version, deletions = state()
        if version == self.version:
            return self
        with self._lock:
            if version != self.version:
                # A state older than the one seen (a transaction rolled back, a database restored): read it all
                # again.
                went_back = self.version is not None and version < self.version
                self._catch_up(deletions, went_back)
                self.version = version
        return self

    def _catch_up(self, deletions, went_back):
        self._grouping = None
        if went_back:
            self.size, self.seq, self.row_of = 0, 0, {}
        elif self.deletions is not None and deletions != self.deletions:
            kept = set(self.model.objects.values_list("pk", flat=True))
            keep = np.fromiter((int(pk) in kept for pk in self.ids), dtype=bool, count=self.size)
            self._ids, self._groups, self._matrix = self.ids[keep], self._groups[: self.size][keep], self.matrix[keep]
            self.size = len(self._ids)
            self.row_of = {int(pk): row for row, pk in enumerate(self._ids)}
        self.deletions = deletions
        fields = ["pk", "vector", "seq"] + ([self.group] if self.group else [])
        rows = self.model.objects.filter(seq__gt=self.seq).order_by("seq").values_list(*fields)
        for pk, data, seq, *group in rows.iterator(chunk_size=5000):
            self.seq = max(self.seq, seq)
            row = self.row_of.get(pk)
            if row is None:
                if self.size == len(self._ids):
                    room = max(1024, self.size)
                    self._ids = np.concatenate([self._ids, np.zeros(room, dtype=np.int64)])
                    self._groups = np.concatenate([self._groups, np.zeros(room, dtype=np.int64)])
                    self._matrix = np.vstack([self._matrix, np.zeros((room, DIMENSIONS), dtype=np.float32)])
                row = self.row_of[pk] = self.size
                self._ids[row] = pk
                self.size += 1
            self._matrix[row] = from_bytes(data)
            if group:
                self._groups[row] = group[0]

    def get(self, pk):
        """The vector of one row, or None when it has none (yet)."""
        self.fresh()
        row = self.row_of.get(pk)
        return None if row is None else self.matrix[row]

    def vectors_of(self, ids):
        """{id: vector} of those of the ids that have one."""
        self.fresh()
        return {pk: self.matrix[self.row_of[pk]] for pk in ids if pk in self.row_of}

    def similarities(self, vector):
        """(ids, cosine similarity of each) of every row."""
        self.fresh()
        with self._lock:
            ids, matrix = self.ids, self.matrix
        if not len(ids):
            return ids, np.zeros(0, dtype=np.float32)
        return ids, matrix @ np.asarray(vector, dtype=np.float32)

    def best_of_groups(self, vector):
        """(group ids, the highest cosine similarity of a row of each group) over every group that has a row."""
        self.fresh()
        with self._lock:
            matrix = self.matrix
            if self._grouping is None:
                order = np.argsort(self._groups[: self.size], kind="stable")
                groups = self._groups[: self.size][order]
                starts = np.concatenate([[0], np.nonzero(np.diff(groups))[0] + 1]) if len(groups) else groups
                self._grouping = (order, starts, groups[starts])
            order, starts, groups = self._grouping
        if not len(groups):
            return groups, np.zeros(0, dtype=np.float32)
        sims = matrix @ np.asarray(vector, dtype=np.float32)
        return groups, np.maximum.reduceat(sims[order], starts)

    def nearest(self, vector, count, minimum, skip=()):
        """[(id, similarity)] of the `count` rows most similar to the vector, at least `minimum`, best first."""
        ids, sims = self.similarities(vector)
        chosen = np.nonzero(sims >= minimum)[0]
        chosen = chosen[np.argsort(-sims[chosen], kind="stable")]
        skip = set(skip)
        out = []
        for row in chosen:
            if int(ids[row]) not in skip:
                out.append((int(ids[row]), float(sims[row])))
                if len(out) == count:
                    break
        return out


findings = Vectors(FindingEmbedding, group="finding__review_id")
reviews = Vectors(ReviewEmbedding)
lessons = Vectors(LessonEmbedding)


def _ranked(candidates, rows, own_themes, count):
    """The rows of the candidates {id: similarity}, most similar first, each shared theme adding a little; each
    with `similarity` and `shared_themes`."""
    chosen = []
    for pk, similarity in candidates.items():
        if pk in rows:
            row = rows[pk]
            row.similarity = similarity
            row.shared_themes = len(own_themes & {t.pk for t in row.themes.all()})
            chosen.append((similarity + SHARED_THEME_BONUS * row.shared_themes, row))
    return [row for _, row in sorted(chosen, key=lambda pair: (-pair[0], pair[1].pk))[:count]]


def similar_findings(of, count=SIMILAR_COUNT):
    """For each of the findings `of` (one review's, say): the published findings of other reviews that say much
    what it says, closest first, as {finding id: [Finding]} (each with `similarity` and `shared_themes`). A
    finding not embedded yet has none."""
    of = list(of)
    if not settings.SEMANTIC_SEARCH:
        return {}
    own = findings.vectors_of([f.pk for f in of])
    if not own:
        return {f.pk: [] for f in of}
    ids, sims = findings.similarities(np.array(list(own.values())).T)  # a column per finding
    close = [int(pk) for pk in ids[np.any(sims >= SIMILAR_MINIMUM, axis=1)]]
    reviews_of = dict(Finding.objects.filter(pk__in=close).values_list("pk", "review_id"))
    candidates = {}
    for column, finding in enumerate(f for f in of if f.pk in own):
        column_sims = sims[:, column]
        rows = np.nonzero(column_sims >= SIMILAR_MINIMUM)[0]
        rows = rows[np.argsort(-column_sims[rows], kind="stable")]
        chosen = {}
        for row in rows:
            pk = int(ids[row])
            if reviews_of.get(pk, finding.review_id) != finding.review_id:
                chosen[pk] = float(column_sims[row])
                if len(chosen) == count * 4:
                    break
        candidates[finding.pk] = chosen
    wanted = {pk for chosen in candidates.values() for pk in chosen}
    rows = Finding.objects.filter(pk__in=wanted, review__status=Review.Status.PUBLISHED).for_display().in_bulk()
    return {f.pk: _ranked(candidates.get(f.pk, {}), rows, {t.pk for t in f.themes.all()}, count) for f in of}


def similar_reviews(review, count=SIMILAR_COUNT):
    """Published reviews most like this one (its summary and findings together), closest first: [Review] each
    with `similarity` and `shared_themes`. Empty until the review has been embedded."""
    vector = reviews.get(review.pk) if settings.SEMANTIC_SEARCH else None
    if vector is None:
        return []
    candidates = dict(reviews.nearest(vector, count * 4, SIMILAR_MINIMUM, skip=[review.pk]))
    rows = (
        Review.objects.published()
        .filter(pk__in=candidates)
        .select_related("partnership")
        .defer("full_text")
        .prefetch_related("themes")
        .in_bulk()
    )
    return _ranked(candidates, rows, {t.pk for t in review.themes.all()}, count)


def resembling_lessons(of, count=LESSON_COUNT):
    """For each of the findings `of`: the recurring lessons (draft or published: for curators) it says most nearly
    and is not linked to yet, as {finding id: [Lesson]} (each with `similarity`)."""
    of = list(of)
    own = findings.vectors_of([f.pk for f in of]) if settings.SEMANTIC_SEARCH else {}
    if not own:
        return {}
    candidates = {}
    for finding in of:
        if finding.pk in own:
            linked = {lesson.pk for lesson in finding.lessons.all()}
            candidates[finding.pk] = lessons.nearest(own[finding.pk], count, LESSON_MINIMUM, skip=linked)
    wanted = {pk for chosen in candidates.values() for pk, _ in chosen}
    rows = Lesson.objects.filter(pk__in=wanted).prefetch_related("themes").in_bulk()
    out = {}
    for finding_pk, chosen in candidates.items():
        out[finding_pk] = []
        for pk, similarity in chosen:
            if pk in rows:
                lesson = copy.copy(rows[pk])
                lesson.similarity = similarity
                out[finding_pk].append(lesson)
    return out
