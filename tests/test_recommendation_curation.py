"""Curators keep a review's recommendations: add them, change their words, whom they ask, the findings they follow
from and their themes, reorder and delete them; publishing a report whose document has recommendations but none
recorded asks the curator to confirm that it makes none."""

import pytest
from django.urls import reverse

from agencies.models import Agency
from findings.models import Recommendation, Theme
from reviews.models import Review
from tests.documents import make_pdf
from tests.factories import make_finding, make_recommendation, make_review
from tests.review_texts import REVIEW_PAGES
from tests.test_public_copy import curated

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    review = make_review(Review.Status.IN_CURATION, title="Child R")
    make_finding(review, title="Bruising was explained away", themes=["neglect"])
    make_finding(review, title="The new partner was not seen", themes=["neglect"])
    return review


def url(name, review, recommendation=None):
    return reverse(name, args=[review.slug, *([recommendation.pk] if recommendation else [])])


def test_a_curator_adds_a_recommendation_to_a_named_agency_after_the_others(curator, review):
    make_recommendation(review, "The partnership should audit the bruising protocol.")
    second = review.findings.get(position=2)
    police = Agency.objects.get(slug="police")

    answer = curator.post(url("curation-recommendation-add", review), {
        "label": "P 1", "text": "The police should share every domestic incident.", "addressee": "agencies",
        "agencies": [police.pk], "kind": "single-agency", "findings": [second.pk],
        "themes": [Theme.objects.get(slug="domestic-abuse").pk],
    })  # fmt: skip

    assert answer.status_code == 302 and answer["Location"].endswith("#recommendation-2")
    added = review.recommendations.get(position=2)
    assert (added.label, added.addressed_to, added.kind) == ("P 1", "Police", "single-agency")
    assert list(added.findings.all()) == [second] and [t.slug for t in added.themes.all()] == ["domestic-abuse"]
    screen = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    assert "The police should share every domestic incident." in screen and "Change<span class" in screen


def test_a_recommendation_without_text_or_agencies_it_asks_is_refused_with_the_error_summary(curator, review):
    page = curator.post(url("curation-recommendation-add", review), {"addressee": "agencies", "kind": "national"})

    html = page.content.decode()
    assert page.status_code == 200 and "<title>Error: Add a recommendation" in html
    assert "Enter the text of the recommendation." in html
    assert "Select the agencies the recommendation asks, or choose whom else it asks." in html
    assert 'href="#id_agencies_0"' in html and 'id="id_agencies_0"' in html and not Recommendation.objects.exists()


def test_a_curator_changes_moves_and_deletes_recommendations_and_the_others_close_up(curator, review):
    first = make_recommendation(review, "The partnership should audit the bruising protocol.")
    second = make_recommendation(review, "The Department for Education should issue guidance.")
    third = make_recommendation(review, "Health visitors should ask about every adult.")

    curator.post(url("curation-recommendation-edit", review, second), {
        "text": "The Department for Education should issue statutory guidance.", "addressee": "national",
        "kind": "national", "addressee_text": "The Department for Education",
    })  # fmt: skip
    curator.post(url("curation-recommendation-move", review, third), {"direction": "up"})
    curator.post(url("curation-recommendation-delete", review, first))

    assert [(r.position, r.text[:30], r.kind) for r in review.recommendations.order_by("position")] == [
        (1, "Health visitors should ask abo", "multi-agency"),
        (2, "The Department for Education s", "national"),
    ]
    assert review.recommendations.get(position=2).addressed_to == "The Department for Education"


def test_publishing_a_report_with_recommendations_but_none_recorded_asks_the_curator_to_confirm(
    curator, author, tmp_path
):
    review = curated(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    review.recommendations.all().delete()  # the proposed ones, deleted by mistake
    check = reverse("curation-publish", args=[review.slug])

    refused = curator.post(check, {})

    assert refused.status_code == 400 and Review.objects.get(pk=review.pk).status == Review.Status.IN_CURATION
    assert "Confirm that the report makes no recommendations, or add its recommendations." in refused.content.decode()
    curator.post(check, {"no_recommendations": "on"})
    assert Review.objects.get(pk=review.pk).status == Review.Status.PUBLISHED


def test_a_report_without_a_recommendations_section_publishes_without_the_question(curator, review):
    page = curator.get(reverse("curation-publish", args=[review.slug])).content.decode()

    assert "This report makes no recommendations" not in page
    curator.post(reverse("curation-publish", args=[review.slug]), {})
    assert Review.objects.get(pk=review.pk).status == Review.Status.PUBLISHED
