import re
import uuid

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from accounts.roles import author_partnership_ids, is_curator
from agencies.models import private_slugs
from reviews.audit import audit_events, link_events
from vocabulary import AgeBand, HarmType, Nation, Outcome, ReviewType, Sex, review_type_fits_nation

# Sent (sender=Review, review=, statuses=[(from, to), ...]) when a review's status changed, inside the transaction
# that changed it: the layers above listen (ingest retrains the theme model when enough tags are confirmed).
status_changed = Signal()

# Where the place name of a partnership ends: "Northshire Safeguarding Children Partnership" -> "Northshire".
AREA_SUFFIX = re.compile(
    r"\s+(?:safeguarding|child protection|lscb|local safeguarding|regional|and region)\b", re.IGNORECASE
)


class IllegalTransition(Exception):
    """A status change the review's workflow does not allow."""


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(Review.visibility_filter(user))

    def editable_by(self, user):
        """Reviews whose documents, anonymisation flags and submission the user may work on: every review for
        curators, their partnerships' reviews for authors, none for anyone else."""
        if is_curator(user):
            return self
        ids = author_partnership_ids(user)
        return self.filter(partnership_id__in=ids) if ids else self.none()

    def published(self):
        return self.filter(status=Review.Status.PUBLISHED)

    def create_records(self, reviews, *, publish=False, by=None, reason=""):
        """Insert many new reviews from records of reviews published elsewhere (imports) in a few statements.

        Each gets its slug and year as `save()` gives them and is moved along the workflow as `submit()` (and,
        with publish, `start_curation()` and `publish()`) would move it, each move checked against the
        workflow and recorded. Records bring no document, so no document check applies.
        """
        actions = ["submit", "start_curation", "publish"] if publish else ["submit"]
        now = timezone.now()
        for review in reviews:
            if review.publication_date:
                review.publication_year = review.publication_date.year
        for review, slug in zip(
            reviews, private_slugs(Review, [r._slug_text() for r in reviews], max_length=110), strict=True
        ):
            review.slug = slug
        moves = []
        for review in reviews:
            current = review.status
            for action in actions:
                allowed_from, target = Review.TRANSITIONS[action]
                if current not in allowed_from:
                    raise IllegalTransition(
                        f"Cannot {action.replace('_', ' ')} “{review.title}”: it is "
                        f"{Review.Status(current).label.lower()}."
                    )
                moves.append((review, current, target))
                current = target
            review.status, review.status_changed_at = current, now
        created = self.bulk_create(reviews)
        StatusChange.objects.bulk_create(
            StatusChange(review=review, from_status=old, to_status=new, by=by, reason=reason, at=now)
            for review, old, new in moves
        )
        return created

    def newest_first(self):
        return self.order_by(
            models.F("publication_year").desc(nulls_last=True),
            models.F("publication_date").desc(nulls_last=True),
            "-created_at",
        )

    def for_display(self):
        return self.select_related("partnership")


def visibility_key(user):
    """A short string that is the same for users who see the same reviews (for caches)."""
    if is_curator(user):
        return "all"
    ids = author_partnership_ids(user)
    return "authors:" + ",".join(map(str, ids)) if ids else "public"


@pghistory.track(
    *audit_events(),
    # The full text is the document's (kept with its versions).
    exclude=["full_text", "updated_at"],
)
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
        "take_from_backlog": ({Status.DRAFT}, Status.IN_CURATION),
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
    publication_month = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Kept when only the month and year are known (read from a report)."
    )
    # From the backlog of reports already published (`ingest_folder`): a draft with no author, which curators take.
    backlog = models.BooleanField(default=False)
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
    pseudonyms = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text="Names the review uses as pseudonyms; the anonymisation check does not flag them.",
    )
    themes = models.ManyToManyField(
        "findings.Theme", blank=True, related_name="reviews", help_text="Themes of the review as a whole."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(default=timezone.now)
    withdrawn_reason = models.TextField(blank=True)
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="curating",
        help_text="The curator working on the review.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-publication_year", "-publication_date", "-created_at"]
        indexes = [
            models.Index(fields=["status", "publication_year"]),
            models.Index(fields=["nation"]),
        ]

    def __str__(self):
        return f"{self.title} ({self.area}, {self.year or 'year unknown'})"

    # Visibility: the one place that decides who sees what.
    @staticmethod
    def visibility_filter(user, prefix=""):
        if is_curator(user):
            return Q()
        visible = Q(**{f"{prefix}status": Review.Status.PUBLISHED})
        ids = author_partnership_ids(user)
        if ids:
            visible |= Q(**{f"{prefix}partnership_id__in": ids})
        return visible

    def is_editable_by(self, user):
        return Review.objects.editable_by(user).filter(pk=self.pk).exists()

    def is_visible_to(self, user):
        return (
            is_curator(user)
            or self.status == Review.Status.PUBLISHED
            or (self.partnership_id is not None and self.partnership_id in author_partnership_ids(user))
        )

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

    def _slug_text(self):
        area = AREA_SUFFIX.split(self.partnership.name)[0] if self.partnership_id else ""
        return " ".join(str(p) for p in (self.title, area, self.year or "") if p)

    def save(self, *args, **kwargs):
        if self.publication_date:
            self.publication_year = self.publication_date.year
        if not self.slug:
            self.slug = private_slugs(Review, [self._slug_text()], max_length=110)[0]
        super().save(*args, **kwargs)

    # Workflow. Every status change goes through _transition, which checks each move and records it.
    def _transition(self, actions, by=None, reason=""):
        """Make the moves (action names, in order) under one lock of the review's row: each is checked against
        the workflow and recorded, as if made alone. A move the workflow refuses changes nothing."""
        with transaction.atomic(savepoint=False):
            current = Review.objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
            path, refusal = [], None
            for action in actions:
                allowed_from, target = self.TRANSITIONS[action]
                if current not in allowed_from:
                    allowed = " or ".join(sorted(Review.Status(s).label.lower() for s in allowed_from))
                    refusal = (
                        f"Cannot {action.replace('_', ' ')} “{self.title}”: it is "
                        f"{Review.Status(current).label.lower()}, and only a review that is {allowed} can be moved "
                        f"to {Review.Status(target).label.lower()}."
                    )
                    break
                path.append((action, current, target))
                current = target
            if refusal is None:
                self._move(path, by, reason)
        if refusal is not None:
            raise IllegalTransition(refusal)

    def _move(self, path, by, reason):
        changes = []
        for action, old, new in path:
            self.status = new
            self.status_changed_at = timezone.now()
            if action == "withdraw":
                self.withdrawn_reason = reason
            if action in ("start_curation", "take_from_backlog") and by is not None:
                self.curator = by
            Review.objects.filter(pk=self.pk).update(
                status=self.status,
                status_changed_at=self.status_changed_at,
                withdrawn_reason=self.withdrawn_reason,
                curator=self.curator,
            )
            changes.append(StatusChange(review=self, from_status=old, to_status=new, by=by, reason=reason))
        StatusChange.objects.bulk_create(changes)
        status_changed.send(sender=Review, review=self, statuses=[(old, new) for _, old, new in path])
        if self.status == Review.Status.PUBLISHED:
            # The flags quote identifying details: once the review is published they have done their job.
            AnonymisationFlag.objects.filter(review=self).delete()

    def submission_problems(self):
        """Why the review cannot go to the curators yet: an empty list when it can.

        A review built from an uploaded document needs that document read and checked, no anonymisation
        flag that blocks left unresolved, and at least one finding. Imported records bring their findings
        and have no document to check.
        """
        document = self.latest_document()
        if document is None:
            return []
        problems = []
        if document.state == ReviewDocument.State.FAILED:
            problems.append(f"Processing of {document} failed: {document.error} Retry it or upload a new version.")
        elif document.state == ReviewDocument.State.REFUSED:
            problems.append(f"{document} cannot be used: {document.error}")
        elif document.state != ReviewDocument.State.DONE:
            problems.append(f"{document} is still being processed ({document.get_stage_display().lower()}).")
        blocking = document.flags.filter(
            severity=AnonymisationFlag.Severity.BLOCK, resolution=AnonymisationFlag.Resolution.OPEN
        ).count()
        if blocking:
            problems.append(
                f"{blocking} identifying detail{'s' if blocking != 1 else ''} flagged by the anonymisation check "
                f"{'are' if blocking != 1 else 'is'} unresolved: upload a corrected version, or mark each one "
                "“not identifying” with a reason."
            )
        if not self.findings.exists():
            problems.append("The review has no findings yet: at least one is needed.")
        return problems

    def submit(self, by=None, reason=""):
        problems = self.submission_problems()
        if problems:
            raise IllegalTransition(f"Cannot submit “{self.title}”: " + " ".join(problems))
        self._transition(["submit"], by, reason)

    def start_curation(self, by=None, reason=""):
        self._transition(["start_curation"], by, reason)

    def take_from_backlog(self, by=None, reason="Taken from the backlog"):
        """A draft from the backlog goes to curation once its document is read (a curator resolves its flags)."""
        document = self.latest_document()
        if not self.backlog:
            raise IllegalTransition(f"“{self.title}” is not from the backlog: its author submits it.")
        if document is None or document.state != ReviewDocument.State.DONE:
            raise IllegalTransition(f"“{self.title}” cannot be taken yet: its document has not been read.")
        self._transition(["take_from_backlog"], by, reason)

    def return_to_author(self, by=None, reason=""):
        self._transition(["return_to_author"], by, reason)

    def publication_problems(self):
        """Why a curator cannot publish the review yet: an empty list when it can."""
        problems = []
        missing = [name for name, value in (("its pseudonym", self.title), ("its nation", self.nation),
                                           ("its type of review", self.review_type)) if not value]  # fmt: skip
        if missing:  # a report from the backlog whose title page did not say
            problems.append(f"The review's details lack {' and '.join(missing)}: add them under “Details”.")
        findings = self.findings.all()
        if not findings.exists():
            problems.append("The review has no findings: add at least one.")
        untagged = list(findings.filter(themes=None).values_list("title", flat=True))
        if untagged:
            titles = "; ".join(f"“{title}”" for title in untagged[:5]) + (" and others" if len(untagged) > 5 else "")
            problems.append(f"{len(untagged)} finding{'s have' if len(untagged) != 1 else ' has'} no theme: {titles}.")
        unresolved = self.open_flags().count()
        if unresolved:
            problems.append(
                f"{unresolved} anonymisation flag{'s are' if unresolved != 1 else ' is'} unresolved: resolve "
                "them, or return the review to its author."
            )
        return problems

    def publish(self, by=None, reason="", *, check=True):
        """Publish the review. check=False is for records of reviews already published elsewhere (imports)."""
        # Only a review that may move to published is checked: any other gets the workflow's own refusal.
        ready_to_check = check and self.status in self.TRANSITIONS["publish"][0]
        problems = self.publication_problems() if ready_to_check else []
        if problems:
            raise IllegalTransition(f"Cannot publish “{self.title}”: " + " ".join(problems))
        self._transition(["publish"], by, reason)

    def publish_record(self, by=None, reason=""):
        """Publish the record of a review published elsewhere (an import): it is submitted (if a draft), taken into
        curation and published in one go, each move recorded; none of the curators' checks apply."""
        problems = self.submission_problems() if self.status == Review.Status.DRAFT else []
        if problems:
            raise IllegalTransition(f"Cannot submit “{self.title}”: " + " ".join(problems))
        path = {
            Review.Status.DRAFT: ["submit", "start_curation", "publish"],
            Review.Status.SUBMITTED: ["start_curation", "publish"],
        }
        self._transition(path.get(self.status, ["publish"]), by, reason)

    def withdraw(self, reason, by=None):
        if not (reason or "").strip():
            raise IllegalTransition(f"Cannot withdraw “{self.title}” without a reason: say why it is being withdrawn.")
        self._transition(["withdraw"], by, reason.strip())

    def restore(self, by=None, reason=""):
        self._transition(["restore"], by, reason)

    # Curation.
    def take_for_curation(self, by):
        """Make `by` the review's curator. A submitted review, or a processed draft from the backlog, moves to in
        curation; one already in curation changes hands. Returns the curator it was taken from, or None when
        nobody else had it."""
        with transaction.atomic():
            locked = Review.objects.select_for_update(of=("self",)).select_related("curator").get(pk=self.pk)
            if locked.status == Review.Status.SUBMITTED:
                self.start_curation(by=by)
                return None
            if locked.status == Review.Status.DRAFT and locked.backlog:
                self.take_from_backlog(by=by)
                return None
            if locked.status != Review.Status.IN_CURATION:
                raise IllegalTransition(
                    f"Cannot take “{self.title}”: it is {Review.Status(locked.status).label.lower()}, and only a "
                    "review that is submitted or in curation can be taken."
                )
            Review.objects.filter(pk=self.pk).update(curator=by)
            self.status, self.curator = locked.status, by
        return locked.curator if locked.curator not in (None, by) else None

    def waiting_since(self):
        """When the review was last submitted to the curators (as annotated by the curation queue, else looked up)."""
        if "submitted_at" in self.__dict__:
            return self.submitted_at
        submitted = self.status_changes.filter(to_status=Review.Status.SUBMITTED).order_by("-at", "-id").first()
        return submitted.at if submitted else self.status_changed_at

    def latest_return_comments(self):
        """The last time the review was returned to its author: a StatusChange whose `reason` holds the curator's
        comments (with `by` and `at`), or None if it never was."""
        returns = self.status_changes.filter(to_status=Review.Status.DRAFT).select_related("by")
        return returns.order_by("-at", "-id").first()

    def latest_document(self):
        return self.documents.order_by("-version").first()

    def author_step(self):
        """What the review's authors do next, as one of: "upload", "processing", "returned" (read the curators'
        comments), "fix" (the document cannot be used, or flags or findings stop submission), "submit", "waiting"
        (submitted), "curation", "published", "withdrawn"."""
        if self.status != Review.Status.DRAFT:
            return {
                Review.Status.SUBMITTED: "waiting",
                Review.Status.IN_CURATION: "curation",
                Review.Status.PUBLISHED: "published",
                Review.Status.WITHDRAWN: "withdrawn",
            }[self.status]
        document = self.latest_document()
        if document is not None and document.is_working:
            return "processing"
        if self.latest_return_comments():
            return "returned"
        if document is None and not self.findings.exists():
            return "upload"
        return "fix" if self.submission_problems() else "submit"

    def author_tasks(self):
        """The draft's task list for its authors, in order: (name, status, hint, url) each, where status is one of
        "completed", "incomplete", "not-started", "in-progress" or "cannot-start", and url is None when the task
        cannot be started yet."""
        document = self.latest_document()
        page = reverse("review-document", args=[self.slug])
        upload = reverse("review-upload-version", args=[self.slug])
        details = all((self.title, self.nation, self.review_type))
        tasks = [
            (
                "Review details",
                "completed" if details else "incomplete",
                "" if details else "Give its nation and type of review.",
                reverse("review-details", args=[self.slug]),
            )
        ]
        if document is None:
            tasks.append(("Review document", "not-started", "Upload the redacted report as PDF, DOCX or text.", upload))
        elif document.is_working:
            tasks.append(("Review document", "in-progress", document.get_stage_display(), f"{page}#processing-title"))
        elif document.state != ReviewDocument.State.DONE:
            tasks.append(("Review document", "incomplete", "It could not be used: see why, and upload again.", upload))
        else:
            tasks.append(("Review document", "completed", str(document), f"{page}#versions-title"))
        checked = document is not None and document.state == ReviewDocument.State.DONE
        blocking = self.open_flags().filter(severity=AnonymisationFlag.Severity.BLOCK).count() if checked else 0
        if not checked:
            tasks.append(("Anonymisation check", "cannot-start", "Once the document has been read.", None))
        else:
            hint = f"{blocking} identifying detail{'s' if blocking != 1 else ''} to resolve." if blocking else ""
            status = "incomplete" if blocking else "completed"
            tasks.append(("Anonymisation check", status, hint, f"{page}#flags-title"))
        findings = self.findings.count()
        if not checked and not findings:
            tasks.append(("Proposed findings", "cannot-start", "Once the document has been read.", None))
        elif findings:
            hint = f"{findings} finding{'s' if findings != 1 else ''}: check their titles, text and order."
            tasks.append(("Proposed findings", "completed", hint, f"{page}#proposed-title"))
        else:
            tasks.append(("Proposed findings", "incomplete", "None were found in the document.", page))
        ready = (document is not None or findings) and not self.submission_problems()
        submit = reverse("review-submit", args=[self.slug])
        tasks.append(
            ("Check your answers and submit", "not-started", "", submit)
            if ready
            else ("Check your answers and submit", "cannot-start", "Once every task above is done.", None)
        )
        return tasks

    def open_flags(self):
        """The anonymisation flags of the latest document that are still unresolved."""
        document = self.latest_document()
        if document is None:
            return AnonymisationFlag.objects.none()
        return document.flags.filter(resolution=AnonymisationFlag.Resolution.OPEN)

    def page_of(self, passage):
        """The page of the latest document on which a passage of its text starts, or None if it is not found."""
        document = self.latest_document()
        wanted = " ".join((passage or "").split())[:60]
        for page in document.pages if document and wanted else []:
            if wanted in " ".join(page["text"].split()):
                return page["number"]
        return None


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
    """An uploaded file of a review. Each upload is a new version; earlier versions are kept.

    A background task takes it through the stages below, one at a time, each recorded as a ProcessingStep.
    """

    class Stage(models.TextChoices):
        STORED = "stored", "Stored"
        EXTRACTED = "extracted", "Text extracted"
        CHECKED = "checked", "Anonymisation checked"
        PROPOSED = "proposed", "Findings proposed"
        SUGGESTED = "suggested", "Themes suggested"

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to be processed"
        RUNNING = "running", "Being processed"
        DONE = "done", "Processed"
        FAILED = "failed", "Failed"  # something went wrong: it can be retried
        REFUSED = "refused", "Refused"  # the file cannot be used (said in `error`): a corrected one is needed

    STAGE_ORDER = list(Stage)

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="documents")
    version = models.PositiveIntegerField(default=1)
    file = models.FileField(upload_to=document_path, max_length=500)
    original_name = models.CharField(max_length=300)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, blank=True)  # pdf, docx, text or markdown, from the content
    page_count = models.PositiveIntegerField(null=True, blank=True)
    extracted_text = models.TextField(blank=True)
    pages = models.JSONField(default=list, blank=True, editable=False)  # the text of each page
    extras = models.JSONField(default=list, blank=True, editable=False)  # metadata, comments, hidden text...
    metadata = models.JSONField(default=dict, blank=True, editable=False)
    notes = models.JSONField(default=list, blank=True, editable=False)  # remarks for the author
    proposal_note = models.TextField(blank=True)
    # Whether the text has a recommendations section (or labelled recommendations): publishing a review with none
    # recorded then asks the curator to confirm that the report makes none.
    names_recommendations = models.BooleanField(default=False)
    checker_version = models.CharField(max_length=200, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.STORED)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["review", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["review", "version"], name="one_document_per_version"),
            models.UniqueConstraint(fields=["sha256"], name="one_document_per_file"),  # no file stored twice
        ]

    def __str__(self):
        return f"{self.original_name} (version {self.version})"

    @property
    def is_working(self):
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def progress(self):
        """Percentage of the stages finished."""
        done = self.STAGE_ORDER.index(self.Stage(self.stage))
        return round(100 * done / (len(self.STAGE_ORDER) - 1))

    def stage_rows(self):
        """Each stage after storing, with whether it is done, running or waiting."""
        finished = self.STAGE_ORDER.index(self.Stage(self.stage))
        rows = []
        for index, stage in enumerate(self.STAGE_ORDER[1:], start=1):
            if index <= finished:
                status = "done"
            elif index == finished + 1 and self.state == self.State.RUNNING:
                status = "running"
            elif index == finished + 1 and self.state in (self.State.FAILED, self.State.REFUSED):
                status = "failed"
            else:
                status = "waiting"
            rows.append((stage, status))
        return rows


class ProcessingStep(models.Model):
    """One run of one processing stage of a document: when, how long, and any error."""

    document = models.ForeignKey(ReviewDocument, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField(max_length=20, choices=ReviewDocument.Stage.choices)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    detail = models.CharField(max_length=300, blank=True)
    interrupted = models.BooleanField(default=False)  # its worker stopped before it finished

    class Meta:
        ordering = ["started_at", "id"]

    def __str__(self):
        return f"{self.document}: {self.get_stage_display()}"

    @property
    def seconds(self):
        return (self.finished_at - self.started_at).total_seconds() if self.finished_at else None


class RejectedUpload(models.Model):
    """An upload that was refused, with the reason given to the person who made it."""

    review = models.ForeignKey(Review, null=True, blank=True, on_delete=models.CASCADE, related_name="rejections")
    original_name = models.CharField(max_length=300)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, blank=True)
    code = models.CharField(max_length=30)
    message = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.original_name}: {self.code}"


class AnonymisationFlag(models.Model):
    """Something in an uploaded document that may identify a person or place.

    Flags quote the identifying text, so only the review's authors and curators see them, and they are
    deleted when the review is published.
    """

    class Severity(models.TextChoices):
        BLOCK = "block", "Must be resolved"
        WARN = "warn", "Check"

    class Resolution(models.TextChoices):
        OPEN = "open", "Unresolved"
        NOT_IDENTIFYING = "not_identifying", "Marked not identifying"
        FIXED = "fixed", "Fixed in a later version"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="flags")
    document = models.ForeignKey(ReviewDocument, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=40)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    context = models.TextField(blank=True)
    source = models.CharField(max_length=30, default="body")
    detector = models.CharField(max_length=60, blank=True)
    message = models.TextField(blank=True)
    resolution = models.CharField(max_length=20, choices=Resolution.choices, default=Resolution.OPEN)
    reason = models.TextField(blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "page", "start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "source", "page", "start", "end", "kind"], name="one_flag_per_span"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"

    def get_kind_display(self):
        return self.kind.replace("_", " ").capitalize()

    @property
    def is_open(self):
        return self.resolution == self.Resolution.OPEN

    def _check_changeable(self, by):
        """A flag is changed by the review's authors while it is a draft; once it is submitted the curators
        check it, and only they change it (by None: a command or a test)."""
        status = Review.objects.values_list("status", flat=True).get(pk=self.review_id)
        curators_turn = status in (Review.Status.SUBMITTED, Review.Status.IN_CURATION)
        if status == Review.Status.DRAFT or (curators_turn and (by is None or is_curator(by))):
            return
        raise ValidationError(
            f"The review is {Review.Status(status).label.lower()}: its authors can change its flags only while it "
            "is a draft. Ask the curators to return it to you if a flag needs another look."
        )

    def mark_not_identifying(self, reason, by=None):
        self._check_changeable(by)
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": "Say why this is not identifying, for example “a pseudonym”."})
        self.resolution = self.Resolution.NOT_IDENTIFYING
        self.reason = reason
        self.resolved_by = by
        self.resolved_at = timezone.now()
        self.save(update_fields=["resolution", "reason", "resolved_by", "resolved_at"])

    def reopen(self, by=None):
        self._check_changeable(by)
        self.resolution = self.Resolution.OPEN
        self.reason = ""
        self.resolved_by = None
        self.resolved_at = None
        self.save(update_fields=["resolution", "reason", "resolved_by", "resolved_at"])


pghistory.track(*link_events(), model_name="ReviewThemeEvent", app_label="reviews")(Review.themes.through)


def public_copy_path(instance, filename):
    return f"public-copies/{instance.review.public_id}/{filename}"


class PublicCopy(models.Model):
    """The copy of a review's report that readers download: made in the worker from a checked document with its
    metadata, comments, annotations, tracked changes, embedded files and hidden text taken out
    (reviews.public_copy), offered once a curator has approved it. The uploaded original is never served.

    A review has at most one: asking for a copy again starts it afresh from the given document."""

    class State(models.TextChoices):
        MAKING = "making", "Being made"
        READY = "ready", "Ready to check"
        FAILED = "failed", "Could not be made"

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="public_copy")
    document = models.ForeignKey(ReviewDocument, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.MAKING)
    failure = models.TextField(blank=True)  # why it could not be made, in words for the curator
    file = models.FileField(upload_to=public_copy_path, max_length=500, blank=True)
    filename = models.CharField(max_length=200, blank=True)  # the name it is downloaded as
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    made_at = models.DateTimeField(default=timezone.now)  # when it was asked for; a new request changes it
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    approved_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Public copy of {self.review}"

    @property
    def is_approved(self):
        return self.approved_at is not None

    @classmethod
    def start(cls, document):
        """Ask for the review's copy to be made (again) from this document: any earlier copy and its approval go."""
        copy, created = cls.objects.select_for_update().get_or_create(
            review=document.review, defaults={"document": document}
        )
        if not created:
            copy._discard_file()
            copy.document, copy.state, copy.failure, copy.made_at = document, cls.State.MAKING, "", timezone.now()
            copy.filename, copy.content_type, copy.size = "", "", 0
            copy.approved_by = copy.approved_at = None
            copy.save()
        return copy

    def finish(self, name, content_type, data):
        """Keep what was made, unless the copy was asked for again meanwhile (that request makes its own)."""
        with transaction.atomic():
            current = PublicCopy.objects.select_for_update().filter(pk=self.pk, made_at=self.made_at).first()
            if current is None or current.state != self.State.MAKING:
                return False
            self.file.save(name, ContentFile(data), save=False)
            self.filename, self.content_type, self.size, self.state = name, content_type, len(data), self.State.READY
            self.save(update_fields=["file", "filename", "content_type", "size", "state"])
            return True

    def fail(self, reason):
        updated = PublicCopy.objects.filter(pk=self.pk, made_at=self.made_at, state=self.State.MAKING).update(
            state=self.State.FAILED, failure=reason
        )
        self.state, self.failure = (self.State.FAILED, reason) if updated else (self.state, self.failure)

    def approve(self, by):
        if self.state != self.State.READY:
            raise IllegalTransition(
                f"The public copy of “{self.review}” is {self.get_state_display().lower()}: "
                "only a copy that has been made and checked can be offered to readers."
            )
        self.approved_by, self.approved_at = by, timezone.now()
        self.save(update_fields=["approved_by", "approved_at"])

    def _discard_file(self):
        if self.file:
            self.file.delete(save=False)
