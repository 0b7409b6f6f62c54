"""A review's recommendations are records of their own: listed on the review's page as the report made them, with
whom each asks and the findings it follows from; in the API; found by search through their findings; proposed on an
uploaded document's page; seen only by who may see their review."""

import csv
import io

import pytest
from django.urls import reverse

from findings.models import Recommendation, Theme
from reviews.models import Review
from tests.documents import make_pdf
from tests.factories import make_finding, make_recommendation, make_review
from tests.review_texts import REVIEW_PAGES
from tests.search_helpers import titles
from tests.test_document_processing import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    review = make_review(title="Child R")
    bruising = make_finding(review, title="Bruising was explained away", label="Finding 1")
    partner = make_finding(review, title="The new partner was not seen", label="Finding 2")
    make_recommendation(review, "The partnership should audit the bruising protocol every year.", label="1",
                        findings=[bruising])  # fmt: skip
    make_recommendation(review, "The police should share every domestic incident with the health visitor.",
                        label="P 1", addressee=Recommendation.Addressee.AGENCIES, kind="single-agency",
                        agencies=["police"], findings=[partner, bruising])  # fmt: skip
    return review


def test_the_review_page_lists_its_recommendations_with_whom_they_ask_and_the_findings_they_follow_from(
    client, review
):
    page = client.get(review.get_absolute_url()).content.decode()

    recommendations = page[page.index('id="recommendations"') :]
    assert recommendations.index("audit the bruising protocol") < recommendations.index("share every domestic")
    assert '<h3 class="govuk-heading-s govuk-!-margin-bottom-2">P 1' in recommendations
    assert "Police <span" in recommendations and "(single agency)" in recommendations
    assert '<a class="govuk-link" href="#finding-2">Finding 2: The new partner was not seen</a>' in recommendations
    assert '>Recommendations that follow from it: <a class="govuk-link" href="#recommendation-1">1</a>' in page


def test_the_review_api_gives_its_recommendations_and_each_findings_recommendation_text(client, review):
    data = client.get(reverse("api-review", args=[review.slug])).json()

    assert [(r["label"], r["kind"], r["addressee"], r["agencies"]) for r in data["recommendations"]] == [
        ("1", "multi-agency", "partnership", []),
        ("P 1", "single-agency", "agencies", ["police"]),
    ]
    first = data["findings"][0]
    assert set(data["recommendations"][1]["findings"]) == {f["id"] for f in data["findings"]}
    assert first["recommendation"] == (
        "The partnership should audit the bruising protocol every year.\n\n"
        "The police should share every domestic incident with the health visitor."
    )


def test_a_finding_is_found_by_the_words_of_the_recommendations_that_follow_from_it(review):
    assert set(titles("domestic incident")) == {"The new partner was not seen", "Bruising was explained away"}

    review.recommendations.get(label="P 1").findings.remove(review.findings.get(label="Finding 2"))

    assert titles("domestic incident") == ["Bruising was explained away"]


def test_a_drafts_recommendations_are_in_no_public_page_or_api(client, practitioner):
    draft = make_review(Review.Status.DRAFT, title="Child Hidden")
    make_recommendation(draft, "The partnership should review its unique zebra protocol.")

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert practitioner.get(reverse("api-review", args=[draft.slug])).status_code == 404
    assert titles("zebra protocol") == []


def test_an_uploaded_reports_recommendations_are_proposed_on_its_document_page(author, tmp_path):
    review = upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))

    page = author.get(reverse("review-document", args=[review.slug])).content.decode()

    proposed = page[page.index('id="proposed-recommendations"') :]
    assert "Recommendation 1" in proposed and "Recommendation 2" in proposed
    assert "General practices should be reminded of the bruising protocol" in proposed
    assert "Proposed 2 recommendations." in page
    assert [r.findings.get().label for r in review.recommendations.order_by("position")] == ["Finding 1", "Finding 2"]


def test_the_recommendations_api_filters_by_kind_agency_and_nation_and_pages(client, review):
    other = make_review(title="Child W", nation="wales", review_type="cpr", publication_year=2014)
    make_recommendation(other, "The Welsh Government should fund training on bruising.", addressee="national",
                        kind="national")  # fmt: skip
    url = reverse("api-recommendations")

    everything = client.get(url).json()
    police = client.get(url, {"agency": "police", "kind": "single-agency"}).json()
    welsh = client.get(url, {"nation": "wales"}).json()
    paged = client.get(url, {"page_size": 2, "page": 2}).json()

    assert everything["count"] == 3 and [r["review"]["title"] for r in everything["results"]][-1] == "Child W"
    assert [r["label"] for r in police["results"]] == ["P 1"]
    assert [r["text"][:21] for r in welsh["results"]] == ["The Welsh Government "]
    assert (paged["page"], paged["pages"], len(paged["results"]), paged["next"]) == (2, 2, 1, None)
    assert client.get(url, {"year_from": 2020, "year_to": 2010}).status_code == 400


def test_the_recommendations_export_is_a_csv_of_what_the_reader_may_see(client, review):
    draft = make_review(Review.Status.DRAFT, title="Child Hidden")
    make_recommendation(draft, "The partnership should review its unique zebra protocol.")

    answer = client.get(reverse("recommendations-export"), {"agency": "police"})

    rows = list(csv.reader(io.StringIO(b"".join(answer.streaming_content).decode())))
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:4] == ["recommendation_id", "position", "label", "text"]
    assert [(row[2], row[6], row[7]) for row in rows[1:]] == [("P 1", "Police", "Police")]
    everything = b"".join(client.get(reverse("recommendations-export")).streaming_content).decode()
    assert "zebra" not in everything and "audit the bruising protocol" in everything
    assert client.get(reverse("recommendations-export"), {"kind": "sideways"}).status_code == 400


def test_a_theme_page_shows_the_recommendations_about_it_by_year_and_the_newest(client, review):
    older = make_review(title="Child O", publication_year=2012)
    neglected = make_finding(older, title="Hunger was not noticed", themes=["neglect"])
    make_recommendation(older, "Schools should record when a child is hungry.", findings=[neglected])
    tagged = make_recommendation(review, "The partnership should audit how neglect is assessed.")
    tagged.themes.set(Theme.objects.filter(slug="neglect"))
    draft = make_review(Review.Status.DRAFT, title="Child Hidden")
    hidden = make_finding(draft, title="Hidden", themes=["neglect"])
    make_recommendation(draft, "The partnership should review its unique zebra protocol.", findings=[hidden])

    page = client.get(reverse("theme-detail", args=["neglect"])).content.decode()

    shown = page[page.index('id="recommendations"') :]
    assert "2 recommendations tagged with this theme or following from its findings." in shown
    assert shown.index("audit how neglect is assessed") < shown.index("record when a child is hungry")
    assert "zebra" not in page and "?theme=neglect" in shown
    csv_rows = b"".join(client.get(reverse("recommendations-export"), {"theme": "neglect"}).streaming_content)
    assert csv_rows.decode().count("\n") == 3  # the header and the two
