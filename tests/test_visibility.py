"""Only published reviews and their findings appear anywhere public; everything else is a 404."""

import pytest
from django.urls import reverse

from reviews.models import Review
from tests.factories import make_finding, make_review

HIDDEN = [Review.Status.DRAFT, Review.Status.SUBMITTED, Review.Status.IN_CURATION, Review.Status.WITHDRAWN]


@pytest.fixture
def published(db):
    review = make_review(Review.Status.PUBLISHED, title="Child Published")
    make_finding(
        review, title="Published finding about bruising", themes=["bruising-non-mobile"], agencies=["health-visiting"]
    )
    return review


def make_hidden(status):
    review = make_review(status, title=f"Child Secret {status}")
    make_finding(review, title=f"Secret finding {status}", themes=["bruising-non-mobile"], agencies=["health-visiting"])
    return review


LIST_PAGES = [
    reverse("home"),
    reverse("review-list"),
    reverse("review-list") + "?nation=england",
    reverse("theme-index"),
    reverse("theme-detail", args=["bruising-non-mobile"]),
    reverse("agency-index"),
    reverse("agency-detail", args=["health-visiting"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize("status", HIDDEN)
def test_an_unpublished_reviews_page_is_a_404_for_the_public(practitioner, outsider, published, status):
    hidden = make_hidden(status)
    for client in (practitioner, outsider):
        assert client.get(hidden.get_absolute_url()).status_code == 404
        assert client.get(published.get_absolute_url()).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("status", HIDDEN)
@pytest.mark.parametrize("url", LIST_PAGES)
def test_an_unpublished_review_is_absent_from_every_public_list(practitioner, published, status, url):
    hidden = make_hidden(status)
    page = practitioner.get(url).content.decode()
    assert hidden.title not in page
    assert f"Secret finding {status}" not in page
    assert hidden.get_absolute_url() not in page


@pytest.mark.django_db
@pytest.mark.parametrize("status", HIDDEN)
def test_public_counts_ignore_unpublished_reviews_and_findings(practitioner, published, status):
    make_hidden(status)
    home = practitioner.get(reverse("home"))
    assert home.context["review_count"] == 1
    assert home.context["finding_count"] == 1
    assert home.context["partnership_count"] == 1
    theme = practitioner.get(reverse("theme-detail", args=["bruising-non-mobile"])).context["theme"]
    assert (theme.finding_count, theme.review_count) == (1, 1)
    themes = practitioner.get(reverse("theme-index")).context["facets"]
    counts = {t.slug: (t.finding_count, t.review_count) for _, group in themes for t in group}
    assert counts["bruising-non-mobile"] == (1, 1)
    agencies = practitioner.get(reverse("agency-index")).context["sectors"]
    assert {a.slug: a.finding_count for _, group in agencies for a in group}["health-visiting"] == 1
    agency = practitioner.get(reverse("agency-detail", args=["health-visiting"]))
    assert (agency.context["page"].paginator.count, agency.context["review_count"]) == (1, 1)
    assert practitioner.get(reverse("review-list")).context["page"].paginator.count == 1


@pytest.mark.django_db
def test_a_withdrawn_review_disappears_but_its_record_stays(practitioner, published):
    url = published.get_absolute_url()
    published.withdraw(reason="Identifying details found")
    assert practitioner.get(url).status_code == 404
    assert practitioner.get(reverse("home")).context["review_count"] == 0
    assert Review.objects.filter(pk=published.pk, status=Review.Status.WITHDRAWN).exists()
    published.restore()
    assert practitioner.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("status", HIDDEN)
def test_staff_see_unpublished_reviews_marked_with_their_status(curator, status):
    hidden = make_hidden(status)
    page = curator.get(hidden.get_absolute_url())
    assert page.status_code == 200
    assert hidden.get_status_display().lower() in page.content.decode().lower()
