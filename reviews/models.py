import re
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from agencies.models import unique_slug
from findings.indexing import adjust_terms, bump_corpus_version
from reviews.vocabulary import AgeBand, HarmType, Nation, Outcome, ReviewType, Sex, review_type_fits_nation

# Where the place name of a partnership ends: "Northshire Safeguarding Children Partnership" -> "Northshire".
AREA_SUFFIX = re.compile(
    r"\s+(?:safeguarding|child protection|lscb|local safeguarding|regional|and region)\b", re.IGNORECASE
)


class IllegalTransition(Exception):
    """A status change the review's workflow does not allow."""


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(Review.visibility_filter(user))

    def published(self):
        return self.filter(status=Review.Status.PUBLISHED)

    def newest_first(self):
        return self.order_by(
            models.F("publication_year").desc(nulls_last=True),
            models.F("publication_date").desc(nulls_last=True),
            "-created_at",
        )

    def for_display(self):
        return self.select_related("partnership")


def can_see_unpublished(user):
    """Staff (curators and administrators) see reviews in every status; everyone else sees published ones."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        IN_CURATION = "in_curation", "In curation"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # action: (statuses it may start from, status it leads to)
    TRANSITIONS = {
        "submit": ({Status.DRAFT}, Status.SUBMITTED),
        "start_curation": ({Status.SUBMITTED}, Status.IN_CURATION),
        "return_to_author": ({Status.SUBMITTED, Status.IN_CURATION}, Status.DRAFT),
        "publish": ({Status.IN_CURATION}, Status.PUBLISHED),
        "withdraw": ({Status.PUBLISHED}, Status.WITHDRAWN),
        "restore": ({Status.WITHDRAWN}, Status.PUBLISHED),
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200, help_text='The pseudonym, for example "Child J" or "Siblings W and X".')
    partnership = models.ForeignKey(
        "agencies.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    nation = models.CharField(max_length=20, choices=Nation.choices)
    review_type = models.CharField(max_length=30, choices=ReviewType.choices)
    publication_date = models.DateField(null=True, blank=True)
    publication_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Kept when only the year is known."
    )
    age_bands = ArrayField(models.CharField(max_length=10, choices=AgeBand.choices), default=list, blank=True)
    sex = models.CharField(max_length=12, choices=Sex.choices, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    harm_types = ArrayField(models.CharField(max_length=40, choices=HarmType.choices), default=list, blank=True)
    summary = models.TextField(blank=True)
    full_text = models.TextField(blank=True)
    methodology = models.TextField(blank=True)
    reviewer = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(max_length=1000, blank=True)
    external_id = models.CharField(max_length=200, unique=True, null=True, blank=True)
    keywords = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    themes = models.ManyToManyField(
        "findings.Theme", blank=True, related_name="reviews", help_text="Themes of the review as a whole."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(default=timezone.now)
    withdrawn_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Maintained by findings.indexing (see there): what search matches and ranks reviews and findings by.
    search_vector = SearchVectorField(null=True, editable=False)  # title, themes, keywords, summary, findings
    context_vector = SearchVectorField(null=True, editable=False)  # title, themes, keywords, summary
    full_text_vector = SearchVectorField(null=True, editable=False)  # the full text
    # Also maintained there, for fast filters and counts: the ids of the themes on the review or
    # any of its findings, and of the agencies its findings name.
    all_theme_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    agency_ids = ArrayField(models.IntegerField(), default=list, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-publication_year", "-publication_date", "-created_at"]
        indexes = [
            models.Index(fields=["status", "publication_year"]),
            models.Index(fields=["nation"]),
            GinIndex(fields=["search_vector"], name="review_search_vector"),
            GinIndex(fields=["full_text_vector"], name="review_full_text_vector"),
            GinIndex(fields=["all_theme_ids"], name="review_all_theme_ids"),
        ]

    def __str__(self):
        return f"{self.title} ({self.area}, {self.year or 'year unknown'})"

    # Visibility: the one place that decides who sees what.
    @staticmethod
    def visibility_filter(user, prefix=""):
        if can_see_unpublished(user):
            return Q()
        return Q(**{f"{prefix}status": Review.Status.PUBLISHED})

    def is_visible_to(self, user):
        return can_see_unpublished(user) or self.status == Review.Status.PUBLISHED

    @property
    def area(self):
        return self.partnership.name if self.partnership_id else "Anonymous"

    @property
    def year(self):
        if self.publication_date:
            return self.publication_date.year
        return self.publication_year

    @property
    def age_band_labels(self):
        return [AgeBand(band).label for band in self.age_bands]

    @property
    def harm_type_labels(self):
        return [HarmType(harm).label for harm in self.harm_types]

    @property
    def is_public(self):
        return self.status == Review.Status.PUBLISHED

    def get_absolute_url(self):
        return reverse("review-detail", args=[self.slug])

    def clean(self):
        if self.review_type and self.nation and not review_type_fits_nation(self.review_type, self.nation):
            kind = self.get_review_type_display().lower()
            message = f"A {kind} is not a review type used in {self.get_nation_display()}."
            raise ValidationError({"review_type": message})
        if self.publication_date and self.publication_year and self.publication_date.year != self.publication_year:
            raise ValidationError({"publication_year": "The year does not match the publication date."})

    def save(self, *args, **kwargs):
        if self.publication_date:
            self.publication_year = self.publication_date.year
        if not self.slug:
            area = AREA_SUFFIX.split(self.partnership.name)[0] if self.partnership_id else ""
            self.slug = unique_slug(
                Review, " ".join(str(p) for p in (self.title, area, self.year or "") if p), max_length=110
            )
        super().save(*args, **kwargs)

    # Workflow. Every status change goes through _transition, which checks the move and records it.
    def _transition(self, action, by=None, reason=""):
        allowed_from, target = self.TRANSITIONS[action]
        with transaction.atomic():
            current = Review.objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
            if current not in allowed_from:
                allowed = " or ".join(sorted(Review.Status(s).label.lower() for s in allowed_from))
                raise IllegalTransition(
                    f"Cannot {action.replace('_', ' ')} “{self.title}”: it is {Review.Status(current).label.lower()}, "
                    f"and only a review that is {allowed} can be moved to {Review.Status(target).label.lower()}."
                )
            self.status = target
            self.status_changed_at = timezone.now()
            if action == "withdraw":
                self.withdrawn_reason = reason
            Review.objects.filter(pk=self.pk).update(
                status=self.status, status_changed_at=self.status_changed_at, withdrawn_reason=self.withdrawn_reason
            )
            StatusChange.objects.create(review=self, from_status=current, to_status=target, by=by, reason=reason)
            bump_corpus_version()  # what the public sees changed
            # The corpus word list (search suggestions) holds published words only.
            if target == Review.Status.PUBLISHED:
                adjust_terms(self.pk, +1)
            elif current == Review.Status.PUBLISHED:
                adjust_terms(self.pk, -1)

    def submit(self, by=None, reason=""):
        self._transition("submit", by, reason)

    def start_curation(self, by=None, reason=""):
        self._transition("start_curation", by, reason)

    def return_to_author(self, by=None, reason=""):
        self._transition("return_to_author", by, reason)

    def publish(self, by=None, reason=""):
        self._transition("publish", by, reason)

    def withdraw(self, reason, by=None):
        if not (reason or "").strip():
            raise IllegalTransition(f"Cannot withdraw “{self.title}” without a reason: say why it is being withdrawn.")
        self._transition("withdraw", by, reason.strip())

    def restore(self, by=None, reason=""):
        self._transition("restore", by, reason)


class StatusChange(models.Model):
    """One move of a review through its workflow: who, when and why."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Review.Status.choices)
    to_status = models.CharField(max_length=20, choices=Review.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.review.title}: {self.from_status} → {self.to_status}"


def document_path(instance, filename):
    return f"documents/{instance.review.public_id}/v{instance.version}/{filename}"


class ReviewDocument(models.Model):
    """An uploaded file of a review. Each upload is a new version; earlier versions are kept."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="documents")
    version = models.PositiveIntegerField(default=1)
    file = models.FileField(upload_to=document_path, max_length=500)
    original_name = models.CharField(max_length=300)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    content_type = models.CharField(max_length=120)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    extracted_text = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["review", "-version"]
        constraints = [models.UniqueConstraint(fields=["review", "version"], name="one_document_per_version")]

    def __str__(self):
        return f"{self.original_name} (version {self.version})"
