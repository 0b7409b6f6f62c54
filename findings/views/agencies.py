from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from agencies.models import Agency, Sector
from config.pagination import paginate
from findings.models import Finding
from reviews.models import Review


def agency_index(request):
    visible = Review.visibility_filter(request.user, prefix="findings__review__")
    agencies = Agency.objects.annotate(finding_count=Count("findings", filter=visible, distinct=True))
    sectors = [(sector, [a for a in agencies if a.sector == sector]) for sector in Sector]
    return render(request, "agencies/agency_index.html", {"sectors": sectors})


def agency_detail(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    findings = (
        Finding.objects.visible_to(request.user)
        .filter(agencies=agency)
        .for_display()
        .order_by("-review__publication_year", "-review__publication_date", "review_id", "position")
    )
    review_count = Review.objects.visible_to(request.user).filter(Q(findings__agencies=agency)).distinct().count()
    return render(
        request,
        "agencies/agency_detail.html",
        {
            "agency": agency,
            "page": paginate(request, findings),
            "review_count": review_count,
            "crumbs": [("Agencies", reverse("agency-index"))],
        },
    )
