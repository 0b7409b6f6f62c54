"""What search reads, and what keeps it in step.

The entries and the word list are written only by the database (search.indexing explains how): triggers on
the tables they are made from mark what changed in `PendingChange`, and the marks are applied once, when the
transaction commits. Nothing in Python writes them, but `rebuild_search_index`.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """What search reads of a finding or a review, in a narrow table of its own (kept by search.indexing).

    A broad search matches tens of thousands of rows and counts facets over them: it reads only these
    rows, never the findings' and reviews' texts. So that it needs no join, each entry copies from its
    review what visibility, filters and facets need.
    """

    # Copied from the review: Review.visibility_filter() applies to entries as it does to reviews.
    status = models.CharField(max_length=20)
    partnership_id = models.IntegerField(null=True)
    year = models.IntegerField(null=True)
    date = models.DateField(null=True)
    nation = models.CharField(max_length=20, blank=True)
    region = models.CharField(max_length=40, blank=True)
    review_type = models.CharField(max_length=40, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    age_bands = ArrayField(models.CharField(max_length=20), default=list)
    # A finding: the themes on it or on its review as a whole, and the agencies it names. A review: the
    # themes on it or any of its findings, and the agencies its findings name.
    theme_ids = ArrayField(models.IntegerField(), default=list)
    agency_ids = ArrayField(models.IntegerField(), default=list)
    # A finding: title (A), theme names (B), text and its recommendations' text (C). A review: pseudonym (A), its
    # and its findings' theme names and its keywords (B), summary and findings (C).
    vector = SearchVectorField(null=True)

    class Meta:
        abstract = True


class FindingEntry(SearchEntry):
    finding = models.OneToOneField(
        "findings.Finding", primary_key=True, db_column="id", on_delete=models.CASCADE, related_name="search_entry"
    )
    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "findings_findingentry"  # the table it had before search was an app of its own
        indexes = [GinIndex(fields=["vector"], name="finding_entry_vector"), models.Index(fields=["review"])]

    def __str__(self):
        return f"Search entry of finding {self.pk}"


class ReviewEntry(SearchEntry):
    review = models.OneToOneField(
        "reviews.Review", primary_key=True, db_column="id", on_delete=models.CASCADE, related_name="search_entry"
    )
    # The review without its findings: weighs each of its findings by how well the review as a whole matches.
    context_vector = SearchVectorField(null=True)
    # Its full text (D): large, so searched only when summaries and findings find few reviews.
    full_text_vector = SearchVectorField(null=True)

    class Meta:
        db_table = "findings_reviewentry"
        indexes = [
            GinIndex(fields=["vector"], name="review_entry_vector"),
            GinIndex(fields=["full_text_vector"], name="review_entry_full_text"),
        ]

    def __str__(self):
        return f"Search entry of review {self.pk}"


class RecommendationEntry(SearchEntry):
    """What search reads of a recommendation: its review's fields as the other entries copy them, its kind and
    whom it asks. Theme ids: the themes it is tagged with and those of the findings it follows from (as the theme
    page counts it); agency ids: the agencies it asks. Vector: its theme names and whom it asks (B), its label and
    text (C)."""

    recommendation = models.OneToOneField(
        "findings.Recommendation",
        primary_key=True,
        db_column="id",
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, blank=True)
    addressee = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [GinIndex(fields=["vector"], name="recommendation_entry_vector"), models.Index(fields=["review"])]

    def __str__(self):
        return f"Search entry of recommendation {self.pk}"


class SearchTerm(models.Model):
    """A word of the published corpus, with its stem and how many findings and reviews use it.

    Used to weigh query words by rarity and to suggest a spelling ("did you mean").
    """

    word = models.CharField(max_length=100, primary_key=True)
    stem = models.CharField(max_length=100, db_index=True, blank=True)
    ndoc = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "findings_searchterm"

    def __str__(self):
        return self.word


class PendingChange(models.Model):
    """A finding (f), review (r) or recommendation (m) whose entry must be made again; a review whose findings' and
    recommendations' entries must be too (c: they copy what changed); a review whose full text changed (t); or a
    change that only moves the corpus version on (v: a theme was added). Written by triggers, consumed at commit by
    `search_apply()`."""

    kind = models.CharField(max_length=1)
    object_id = models.BigIntegerField()

    class Meta:
        db_table = "search_pending"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_pending_change")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class CountedWords(models.Model):
    """The words of one published finding (f) or review (r) as the word list counts them now: what to take away
    when it changes, is withdrawn or is deleted, so that the counts stay equal to a full recount."""

    kind = models.CharField(max_length=1)
    object_id = models.BigIntegerField()
    words = ArrayField(models.TextField(), default=list)

    class Meta:
        db_table = "search_counted"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_count_per_document")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {len(self.words)} words"


class EmbeddingChange(models.Model):
    """A finding (f), review (r) or lesson (l) whose text changed since it was embedded, logged by triggers in the
    writing transaction (a deleted finding logs its review) and worked through by search.semantic.embed_changes.
    A change logged again takes a later mark, so one logged while it was being embedded is not lost."""

    kind = models.CharField(max_length=1)
    object_id = models.BigIntegerField()
    mark = models.BigIntegerField()

    class Meta:
        db_table = "search_embedding_change"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_embedding_change")]
        indexes = [models.Index(fields=["kind", "mark"])]

    def __str__(self):
        return f"{self.kind} {self.object_id}"
