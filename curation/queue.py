"""The curation queue: reviews submitted or in curation, the longest waiting first; and the backlog of reports
already published (`ingest_folder`), waiting to be taken."""

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from findings.models import Finding
from reviews.models import AnonymisationFlag, Review, ReviewDocument, StatusChange


def _open_flags():
    latest_document = ReviewDocument.objects.filter(review=OuterRef(OuterRef("pk"))).order_by("-version")
    return Coalesce(
        Subquery(
            AnonymisationFlag.objects.filter(
                document=Subquery(latest_document.values("pk")[:1]), resolution=AnonymisationFlag.Resolution.OPEN
            )
            .order_by()
            .values("document")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def _findings():
    findings = Finding.objects.filter(review=OuterRef("pk")).order_by().values("review").annotate(n=Count("pk"))
    return Coalesce(Subquery(findings.values("n")), 0)


def backlog_queue():
    """Backlog drafts, the first stored first, each with `document_state`, `open_flag_count` and `finding_count`."""
    latest_document = ReviewDocument.objects.filter(review=OuterRef("pk")).order_by("-version")
    return (
        Review.objects.filter(status=Review.Status.DRAFT, backlog=True)
        .annotate(
            document_state=Subquery(latest_document.values("state")[:1]),
            open_flag_count=_open_flags(),
            finding_count=_findings(),
        )
        .order_by("created_at", "pk")
    )


def curation_queue():
    """Reviews submitted or in curation, the longest waiting first, each with `submitted_at` (when it was last
    submitted), `open_flag_count` (unresolved flags of its latest document) and `finding_count`."""
    submitted = StatusChange.objects.filter(review=OuterRef("pk"), to_status=Review.Status.SUBMITTED)
    return (
        Review.objects.filter(status__in=[Review.Status.SUBMITTED, Review.Status.IN_CURATION])
        .annotate(
            submitted_at=Coalesce(Subquery(submitted.order_by("-at", "-id").values("at")[:1]), F("status_changed_at")),
            open_flag_count=_open_flags(),
            finding_count=_findings(),
        )
        .order_by("submitted_at", "pk")
    )
