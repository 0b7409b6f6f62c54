"""Curators keep a review's recommendations: add them, change their words, whom they ask, the findings they follow
from and their themes, reorder and delete them; publishing a report whose document has recommendations but none
recorded asks the curator to confirm that it makes none."""

import pytest
from django.urls import reverse

from agencies.models import Agency
from findings.models import Recommendation, RecommendationThemeSuggestion, Theme
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


def test_a_curator_splits_a_recommendation_into_two_that_ask_the_same_and_follow_from_the_same(curator, review):
    finding = review.findings.get(position=1)
    joined = make_recommendation(
        review, "The police should flag repeat callouts. Schools should be told the next morning.", label="P 1",
        addressee=Recommendation.Addressee.AGENCIES, kind="single-agency", agencies=["police"], findings=[finding],
    )  # fmt: skip
    last = make_recommendation(review, "The partnership should audit the protocol.", label="2")
    page = curator.get(url("curation-recommendation-split", review, joined)).content.decode()
    assert "Schools should be told the next morning." in page and "The police should flag" in page  # the hint

    refused = curator.post(url("curation-recommendation-split", review, joined), {})
    assert "Select the sentence the new recommendation starts with." in refused.content.decode()

    answer = curator.post(url("curation-recommendation-split", review, joined), {"before": 1})

    assert answer.status_code == 302 and answer["Location"].endswith("#recommendation-2")
    joined.refresh_from_db()
    new = review.recommendations.get(position=2)
    assert joined.text == "The police should flag repeat callouts." and joined.label == "P 1"
    assert (new.text, new.label, new.addressed_to) == ("Schools should be told the next morning.", "", "Police")
    assert list(new.findings.all()) == [finding]
    last.refresh_from_db()
    assert last.position == 3


def test_a_curator_merges_a_recommendation_with_the_next_keeping_its_label_and_carrying_over_actions(curator, review):
    first = make_recommendation(review, "The board should audit the bruising protocol.", label="4.2")
    second = make_recommendation(review, "It should report the audit to the chief officers.", agencies=["police"],
                                 findings=[review.findings.get(position=2)])  # fmt: skip
    second.actions.create(text="Audit 30 records", status="in-progress")
    screen = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    assert f'name="recommendations" value="{second.pk}"' in screen and "Merge with the next" in screen

    answer = curator.post(reverse("curation-recommendation-merge", args=[review.slug]),
                          {"recommendations": [first.pk, second.pk]})  # fmt: skip

    assert answer.status_code == 302 and answer["Location"].endswith("#recommendation-1")
    first.refresh_from_db()
    assert first.text == ("The board should audit the bruising protocol.\n\n"
                          "It should report the audit to the chief officers.")  # fmt: skip
    assert first.label == "4.2" and [a.slug for a in first.agencies.all()] == ["police"]
    assert [a.text for a in first.actions.all()] == ["Audit 30 records"] and first.findings.count() == 1
    assert not Recommendation.objects.filter(pk=second.pk).exists()


def test_merging_fewer_than_two_recommendations_changes_nothing_and_says_why(curator, review):
    only = make_recommendation(review, "The board should audit the bruising protocol.")
    answer = curator.post(reverse("curation-recommendation-merge", args=[review.slug]), {"recommendations": [only.pk]},
                          follow=True)  # fmt: skip
    assert "Nothing was merged: Select at least two recommendations to merge." in answer.content.decode()
    other = make_recommendation(make_review(title="Child O"), "Another review's recommendation.")
    answer = curator.post(reverse("curation-recommendation-merge", args=[review.slug]),
                          {"recommendations": [only.pk, other.pk]}, follow=True)  # fmt: skip
    assert "Select recommendations of this review." in answer.content.decode()
    assert Recommendation.objects.count() == 2


def test_the_add_page_shows_the_reviews_text_to_take_a_recommendation_from(curator, review):
    review.full_text = "Recommendation 1: the partnership should commission training on safe sleep."
    review.save()
    page = curator.get(url("curation-recommendation-add", review)).content.decode()
    assert "Select the recommendation in the review's text below" in page
    assert "commission training on safe sleep" in page
    edit = curator.get(url("curation-recommendation-edit", review, make_recommendation(review))).content.decode()
    assert "commission training on safe sleep" not in edit


def test_a_curator_rejects_a_suggested_theme_for_a_recommendation_and_no_one_else_decides_it(curator, author, review):
    recommendation = make_recommendation(review, "The partnership should review its neglect strategy.")
    suggested = RecommendationThemeSuggestion.objects.create(
        recommendation=recommendation, theme=Theme.objects.get(slug="neglect"), score=0.9, source="rules",
        reasons=[{"keyword": "neglect", "sentence": "The partnership should review its neglect strategy."}],
    )  # fmt: skip
    address = reverse("curation-recommendation-suggestion", args=[review.slug, suggested.pk])

    assert author.post(address, {"decision": "accept"}).status_code == 404
    answer = curator.post(address, {"decision": "reject"})

    suggested.refresh_from_db()
    assert answer["Location"].endswith("#recommendation-1") and suggested.decision == "rejected"
    assert not recommendation.themes.exists()
    screen = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    assert f"recommendation-suggestion-{suggested.pk}" not in screen


def test_accepting_all_suggested_themes_includes_the_recommendations(curator, review):
    recommendation = make_recommendation(review, "The partnership should review its neglect strategy.")
    RecommendationThemeSuggestion.objects.create(
        recommendation=recommendation, theme=Theme.objects.get(slug="neglect"), score=0.9, source="rules"
    )
    screen = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    assert "Accept all 1 suggested theme" in screen

    curator.post(reverse("curation-accept-all", args=[review.slug]))

    assert [t.slug for t in recommendation.themes.all()] == ["neglect"]


def test_a_recommendation_linked_to_no_finding_offers_the_one_it_shares_most_words_with(curator, review):
    bruising = review.findings.get(position=1)
    bruising.text = "A bruise on the non-mobile baby's cheek was accepted as an accident; no medical was arranged."
    bruising.save()
    partner = review.findings.get(position=2)
    partner.text = "Mother's new partner was never seen or checked by the health visitor."
    partner.save()
    asked = make_recommendation(review, "The partnership should audit how bruises on non-mobile babies lead to a "
                                        "child protection medical.")  # fmt: skip

    (likely, words), *others = asked.likely_findings()
    assert likely == bruising and not others and {"bruises", "non-mobile", "medical"} <= set(words)
    screen = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    assert "May follow from" in screen and f"(shares: {', '.join(words)})" in screen

    answer = curator.post(
        reverse("curation-recommendation-link", args=[review.slug, asked.pk]), {"finding": bruising.pk}
    )

    assert answer["Location"].endswith("#recommendation-1") and list(asked.findings.all()) == [bruising]
    assert asked.likely_findings() == []  # linked now: nothing more to offer
    other = make_finding(make_review(title="Child O"), title="Another review's finding")
    refused = curator.post(reverse("curation-recommendation-link", args=[review.slug, asked.pk]), {"finding": other.pk})
    assert refused.status_code == 404 and list(asked.findings.all()) == [bruising]


def test_a_recommendation_of_one_sentence_has_nothing_to_split_and_the_page_says_so(curator, review):
    single = make_recommendation(review, "The partnership should audit the bruising protocol.", label="4")
    page = curator.get(url("curation-recommendation-split", review, single)).content.decode()
    assert "The recommendation 4 has a single sentence: there is nothing to split." in page
    assert "Back to the recommendation" in page and 'type="radio"' not in page
