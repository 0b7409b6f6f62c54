from django.db.models import Count, F
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from accounts.roles import is_curator
from config.pagination import paginate
from findings.models import Facet, Lesson, Recommendation, Theme, ThemeRedirect
from reviews.models import Review


def theme_index(request):
    themes = Theme.objects.active().with_counts(request.user)
    facets = [(facet, [t for t in themes if t.facet == facet]) for facet in Facet]
    return render(request, "findings/theme_index.html", {"facets": facets, "can_manage": is_curator(request.user)})


def theme_detail(request, slug):
    theme = next(iter(Theme.objects.filter(slug=slug).with_counts(request.user)), None)
    if theme is None:  # renamed or merged: its old address leads to the theme it is now
        moved = get_object_or_404(ThemeRedirect.objects.select_related("theme"), old_slug=slug)
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(moved.theme.get_absolute_url() + (f"?{query}" if query else ""))
    findings = (
        theme.visible_findings(request.user)
        .for_display()
        .order_by("-review__publication_year", "-review__publication_date", "review_id", "position")
    )
    tagged_reviews = Review.objects.visible_to(request.user).filter(themes=theme).for_display().newest_first()
    by_year = theme.by_year(request.user)
    recommended = Recommendation.objects.visible_to(request.user).about(theme).for_display()
    recommended_by_year = (
        recommended.exclude(review__publication_year=None)
        .values_list("review__publication_year")
        .annotate(n=Count("pk"))
        .order_by("-review__publication_year")
    )
    return render(
        request,
        "findings/theme_detail.html",
        {
            "theme": theme,
            "page": paginate(request, findings),
            "tagged_reviews": tagged_reviews,
            "by_year": by_year,
            "peak": max([n for _, f, r in by_year for n in (f, r)], default=0),
            "co_occurring": theme.co_occurring(request.user),
            "top_agencies": theme.top_agencies(request.user),
            "lessons": theme.lessons.filter(status=Lesson.Status.PUBLISHED).with_review_counts(request.user),
            "recommendations": recommended.order_by(
                F("review__publication_year").desc(nulls_last=True), "review__title", "position"
            )[:10],
            "recommendation_count": recommended.count(),
            "recommendations_by_year": list(recommended_by_year),
            "can_manage": is_curator(request.user),
            "crumbs": [("Themes", reverse("theme-index"))],
        },
    )
