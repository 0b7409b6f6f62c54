from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from config.pagination import paginate
from findings.models import Facet, Finding, Theme
from reviews.models import Review


def theme_index(request):
    themes = Theme.objects.active().with_counts(request.user)
    facets = [(facet, [t for t in themes if t.facet == facet]) for facet in Facet]
    return render(request, "findings/theme_index.html", {"facets": facets})


def theme_detail(request, slug):
    theme = get_object_or_404(Theme.objects.with_counts(request.user), slug=slug)
    findings = (
        Finding.objects.visible_to(request.user)
        .filter(themes=theme)
        .for_display()
        .order_by("-review__publication_year", "-review__publication_date", "review_id", "position")
    )
    tagged_reviews = Review.objects.visible_to(request.user).filter(themes=theme).for_display().newest_first()
    return render(
        request,
        "findings/theme_detail.html",
        {
            "theme": theme,
            "page": paginate(request, findings),
            "tagged_reviews": tagged_reviews,
            "crumbs": [("Themes", reverse("theme-index"))],
        },
    )
