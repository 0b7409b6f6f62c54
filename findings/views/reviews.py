from django.db.models import Count, F, Max, Min, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from accounts.roles import is_curator
from agencies.models import Partnership
from config.pagination import paginate
from findings import vectors
from findings.models import Action, Facet, Finding, Lesson, Theme
from reviews.filters import ReviewListFilter
from reviews.models import PublicCopy, Review
from vocabulary import Nation


def home(request):
    reviews = Review.objects.visible_to(request.user)
    themes = Theme.objects.active().with_counts(request.user)
    span = reviews.aggregate(first=Min("publication_year"), last=Max("publication_year"))
    context = {
        "review_count": reviews.count(),
        "finding_count": Finding.objects.visible_to(request.user).count(),
        "partnership_count": Partnership.objects.filter(reviews__in=reviews).distinct().count(),
        "first_year": span["first"],
        "last_year": span["last"],
        "latest_reviews": reviews.for_display().newest_first()[:6],
        "themes_by_facet": [(facet.label, [t for t in themes if t.facet == facet]) for facet in Facet],
        "browse": nation_year_table(reviews),
    }
    return render(request, "home.html", context)


def review_list(request):
    filterset = ReviewListFilter(
        request.GET, queryset=Review.objects.visible_to(request.user).for_display().newest_first()
    )
    page = paginate(request, filterset.qs)
    return render(request, "reviews/review_list.html", {"filter": filterset, "page": page})


def review_detail(request, slug):
    review = get_object_or_404(Review.objects.visible_to(request.user).for_display(), slug=slug)
    lessons = Prefetch("lessons", queryset=Lesson.objects.visible_to(request.user), to_attr="shown_lessons")
    findings = list(
        review.findings.prefetch_related("themes", "agencies", lessons, "recommendations").order_by("position", "id")
    )
    # Published material only, whoever is reading (the review itself may be a draft a curator reads).
    similar = vectors.similar_findings(findings)
    for finding in findings:
        finding.similar = similar.get(finding.pk, [])
    crumbs = [("Reviews", reverse("review-list"))]
    actions = Prefetch("actions", queryset=Action.objects.select_related("owner"))
    recommendations = list(
        review.recommendations.prefetch_related("agencies", "findings", "themes", actions).order_by("position")
    )
    for recommendation in recommendations:
        recommendation.review = review
        recommendation.trackable = recommendation.is_trackable_by(request.user)
    context = {
        "review": review,
        "findings": findings,
        "crumbs": crumbs,
        "similar_reviews": vectors.similar_reviews(review),
        "can_curate": is_curator(request.user),
        "report": PublicCopy.objects.filter(review=review, approved_at__isnull=False).first(),
        "recommendations": recommendations,
    }
    return render(request, "reviews/review_detail.html", context)


def nation_year_table(reviews):
    """Rows of (year, [(nation, label, count)]) counting the given reviews, newest year first."""
    counts = {}
    for year, nation, n in (
        reviews.exclude(publication_year=None)
        .values_list("publication_year", "nation")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[(year, nation)] = n
    years = sorted({year for year, _ in counts}, reverse=True)
    return {
        "nations": Nation.choices,
        "rows": [
            (year, [(nation, label, counts.get((year, nation), 0)) for nation, label in Nation.choices])
            for year in years
        ],
    }


def partnership_detail(request, slug):
    """A partnership and the reviews of it the reader may see, newest first."""
    partnership = get_object_or_404(Partnership, slug=slug)
    reviews = (
        Review.objects.visible_to(request.user)
        .filter(partnership=partnership)
        .select_related("partnership")
        .order_by("-publication_year", "title")
    )
    if not reviews.exists():
        raise Http404  # a partnership with nothing the reader may see has no page for them
    crumbs = [("Reviews", reverse("review-list"))]
    actions = (
        Action.objects.visible_to(request.user)
        .filter(recommendation__review__partnership=partnership)
        .exclude(status=Action.Status.COMPLETED)
        .select_related("recommendation__review", "owner")
        .order_by(F("due").asc(nulls_last=True), "pk")
    )
    context = {"partnership": partnership, "reviews": reviews, "crumbs": crumbs, "open_actions": actions}
    return render(request, "reviews/partnership_detail.html", context)


def review_report(request, slug):
    """The public copy of the review's report, to whoever may see the review, once a curator approved it (curators
    may download it before, to check it). Never the uploaded original."""
    review = get_object_or_404(Review.objects.visible_to(request.user), slug=slug)
    copy = PublicCopy.objects.filter(review=review).first()
    if copy is None or not (copy.is_approved or is_curator(request.user)):
        raise Http404
    answer = FileResponse(copy.file.open("rb"), as_attachment=True, filename=copy.filename)
    answer["Content-Type"] = copy.content_type
    return answer
