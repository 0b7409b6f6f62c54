"""The curation queue: reviews submitted or in curation, the longest waiting first."""

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from findings.models import Finding
from reviews.models import AnonymisationFlag, Review, ReviewDocument, StatusChange


def curation_queue():
    """Reviews submitted or in curation, the longest waiting first, each with `submitted_at` (when it was last
    submitted), `open_flag_count` (unresolved flags of its latest document) and `finding_count`."""
    submitted = StatusChange.objects.filter(review=OuterRef("pk"), to_status=Review.Status.SUBMITTED)
    latest_document = ReviewDocument.objects.filter(review=OuterRef(OuterRef("pk"))).order_by("-version")
    open_flags = (
        AnonymisationFlag.objects.filter(
            document=Subquery(latest_document.values("pk")[:1]), resolution=AnonymisationFlag.Resolution.OPEN
        )
        .order_by()
        .values("document")
        .annotate(n=Count("pk"))
        .values("n")
    )
    findings = (
        Finding.objects.filter(review=OuterRef("pk")).order_by().values("review").annotate(n=Count("pk")).values("n")
    )
    return (
        Review.objects.filter(status__in=[Review.Status.SUBMITTED, Review.Status.IN_CURATION])
        .annotate(
            submitted_at=Coalesce(Subquery(submitted.order_by("-at", "-id").values("at")[:1]), F("status_changed_at")),
            open_flag_count=Coalesce(Subquery(open_flags), 0),
            finding_count=Coalesce(Subquery(findings), 0),
        )
        .order_by("submitted_at", "pk")
    )
