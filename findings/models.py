import functools
import json
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.urls import reverse


class SubqueryCount(Subquery):
    """The number of distinct rows a correlated queryset returns, as an annotation."""

    template = "(SELECT count(DISTINCT _counted.id) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset.order_by().values("id"), **kwargs)


class Facet(models.TextChoices):
    PRACTICE = "practice", "Practice"
    CONTEXT = "context", "Context"


class ThemeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def with_counts(self, user):
        """Each theme with the number of findings and reviews the user may see that carry it.

        A review carries a theme when one of its findings does or when it is tagged directly.
        """
        from reviews.models import Review

        findings = Finding.objects.visible_to(user).filter(themes=OuterRef("pk"))
        reviews = Review.objects.visible_to(user).filter(Q(themes=OuterRef("pk")) | Q(findings__themes=OuterRef("pk")))
        return self.annotate(finding_count=SubqueryCount(findings), review_count=SubqueryCount(reviews))


def match_theme(phrase, themes):
    """The theme among themes that a free-text keyword clearly names, or None.

    A keyword names a theme when it is the theme's slug or name, or one of its indicative
    keywords that belongs to no other theme (case, punctuation and a plural s ignored).
    """
    expansion = acronyms().get((phrase or "").strip().upper())
    for candidate in filter(None, (normalise_keyword(phrase), normalise_keyword(expansion))):
        for theme in themes:
            if candidate in (normalise_keyword(theme.slug), normalise_keyword(theme.name)):
                return theme
        owners = [theme for theme in themes if candidate in {normalise_keyword(k) for k in theme.keywords}]
        if len(owners) == 1:
            return owners[0]
    return None


@functools.cache
def acronyms():
    """Safeguarding acronyms and their expansions ("DV" -> "domestic violence")."""
    return json.loads((Path(__file__).resolve().parent / "data" / "acronyms.json").read_text(encoding="utf-8"))[
        "acronyms"
    ]


def normalise_keyword(text):
    words = "".join(c if c.isalnum() else " " for c in (text or "").lower()).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


class Theme(models.Model):
    """A recurring theme of review findings, in one of two facets (practice, context)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    facet = models.CharField(max_length=20, choices=Facet.choices)
    definition = models.TextField(blank=True)
    keywords = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["facet", "position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("theme-detail", args=[self.slug])

    def visible_findings(self, user):
        return Finding.objects.visible_to(user).filter(themes=self)

    def by_year(self, user):
        """[(year, findings, reviews)] of this theme's published material, oldest first, gaps filled."""
        from reviews.models import Review

        findings = dict(
            self.visible_findings(user)
            .exclude(review__publication_year=None)
            .values_list("review__publication_year")
            .annotate(n=Count("pk"))
        )
        reviews = dict(
            Review.objects.visible_to(user)
            .filter(Q(themes=self) | Q(findings__themes=self))
            .exclude(publication_year=None)
            .values_list("publication_year")
            .annotate(n=Count("pk", distinct=True))
        )
        years = set(findings) | set(reviews)
        if not years:
            return []
        return [(y, findings.get(y, 0), reviews.get(y, 0)) for y in range(min(years), max(years) + 1)]

    def co_occurring(self, user, limit=8):
        """The themes most often tagged on the same findings, with how many findings share them."""
        return (
            Finding.themes.through.objects.filter(finding__in=self.visible_findings(user))
            .exclude(theme=self)
            .values("theme__slug", "theme__name")
            .annotate(n=Count("finding"))
            .order_by("-n", "theme__name")[:limit]
        )

    def top_agencies(self, user, limit=8):
        """The agencies most often named in this theme's findings."""
        return (
            Finding.agencies.through.objects.filter(finding__in=self.visible_findings(user))
            .values("agency__slug", "agency__name")
            .annotate(n=Count("finding"))
            .order_by("-n", "agency__name")[:limit]
        )


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        from reviews.models import Review

        return self.filter(Review.visibility_filter(user, prefix="review__"))

    def for_display(self):
        return self.select_related("review", "review__partnership").prefetch_related("themes", "agencies")


class Finding(models.Model):
    """One finding or learning point of a review, tagged with themes and agencies."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    text = models.TextField()
    recommendation = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="findings")
    agencies = models.ManyToManyField("agencies.Agency", blank=True, related_name="findings")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    # Set on findings proposed from an uploaded document: which document, and which of its proposals.
    document = models.ForeignKey(
        "reviews.ReviewDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposed_findings"
    )
    proposal_index = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Maintained by findings.indexing: title (A), theme names (B), text and recommendation (C).
    search_vector = SearchVectorField(null=True, editable=False)
    # Also maintained by findings.indexing, for fast filters and counts: the ids of the themes on
    # the finding or on its review as a whole, and of the agencies it names.
    all_theme_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    agency_ids = ArrayField(models.IntegerField(), default=list, editable=False)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["review", "position", "id"]
        indexes = [
            models.Index(fields=["review", "position"]),
            GinIndex(fields=["search_vector"], name="finding_search_vector"),
            GinIndex(fields=["all_theme_ids"], name="finding_all_theme_ids"),
            GinIndex(fields=["agency_ids"], name="finding_agency_ids"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["document", "proposal_index"], name="one_finding_per_proposal")
        ]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"finding-{self.position}"

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#{self.anchor}"


class ThemeSuggestion(models.Model):
    """A theme the suggester proposes for a finding, with why. Nothing is tagged until a person accepts it."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Not yet decided"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="suggestions")
    score = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)  # [{"keyword": ..., "sentence": ...}]
    source = models.CharField(max_length=30)  # rules, classifier or both
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["finding", "-score"]
        constraints = [models.UniqueConstraint(fields=["finding", "theme"], name="one_suggestion_per_theme")]

    def __str__(self):
        return f"{self.theme} for {self.finding} ({self.score:.2f})"


class SearchTerm(models.Model):
    """A word of the published corpus, with its stem and how many findings and reviews use it.

    Used to weigh query words by rarity and to suggest a spelling ("did you mean").
    """

    word = models.CharField(max_length=100, primary_key=True)
    stem = models.CharField(max_length=100, db_index=True, blank=True)
    ndoc = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word
