"""Agency suggestions: the agencies a finding's text names (roles and services), each with the words that named
it, accepted or rejected in one click on the curation screen."""

import pytest
from django.urls import reverse

from agencies.terms import agencies_named
from findings.models import AgencySuggestion
from ingest.suggestions import suggest_agencies
from reviews.models import Review
from tests.factories import make_finding, make_review

pytestmark = pytest.mark.django_db


def test_roles_and_services_name_their_agencies_with_the_words_and_sentence():
    found = suggest_agencies(
        "The health visitor saw Baby M at home twice. The HV did not ask about the bruise. "
        "Police officers attended the flat; the GP surgery was never told.",
        title="What the health visitor knew",
    )
    assert [(m.agency, m.phrase, m.mentions) for m in found] == [
        ("Health visiting", "health visitor", 3),
        ("Police", "Police officers", 1),
        ("GP and primary care", "GP", 1),
    ]
    assert found[0].sentence == "What the health visitor knew"
    assert found[1].sentence == "Police officers attended the flat; the GP surgery was never told."


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("The school nurse saw her at school.", ["School nursing", "School"]),
        ("She went to a pre-school playgroup and was of school-age.", []),
        ("We will send the plan to the family.", []),  # "send" is a word; SEND in capitals is the service
        ("Her EHCP was reviewed by the SEND team.", ["SEND services"]),
        ("He was seen in ED and then at A&E.", ["Emergency department"]),
        ("The Royal College guidance was not followed by the college.", ["Further education college"]),
        ("Children's services and the MASH received the referral.", ["Children's social care", "Front door / MASH"]),
        ("The initial child protection conference was held after the neonatal unit called.", [
            "Children's social care", "Paediatrics"
        ]),
    ],
)
def test_the_words_of_the_field_name_the_right_agency(text, agencies):
    assert agencies_named(text) == agencies


def agency_suggestion(finding, name, phrase, sentence):
    from agencies.models import Agency

    return AgencySuggestion.objects.create(
        finding=finding, agency=Agency.objects.get(name=name), phrase=phrase, sentence=sentence
    )


@pytest.fixture
def finding(db):
    review = make_review(Review.Status.IN_CURATION, title="Child J")
    return make_finding(review, title="What the health visitor knew", themes=["neglect"])


def screen(curator, finding):
    response = curator.get(reverse("curation-review", kwargs={"slug": finding.review.slug}))
    assert response.status_code == 200
    return response.content.decode()


def decide(curator, finding, suggestion, decision):
    url = reverse("curation-agency-suggestion", kwargs={"slug": finding.review.slug, "pk": suggestion.pk})
    return curator.post(url, {"decision": decision})


def test_the_curator_sees_what_named_each_agency_and_accepts_it_in_one_click(curator, finding):
    health = agency_suggestion(finding, "Health visiting", "health visitor", "The <b>health visitor</b> saw Baby M.")
    police = agency_suggestion(finding, "Police", "police", "The police attended.")

    html = screen(curator, finding)
    assert "Agencies the text names" in html
    assert "“health visitor” in: The &lt;b&gt;health visitor&lt;/b&gt; saw Baby M." in html

    response = decide(curator, finding, health, "accept")

    assert response.status_code == 302 and response["Location"].endswith(f"#finding-{finding.pk}")
    assert list(finding.agencies.values_list("name", flat=True)) == ["Health visiting"]
    health.refresh_from_db()
    assert health.decision == AgencySuggestion.Decision.ACCEPTED and health.decided_by.is_staff
    decide(curator, finding, police, "reject")
    police.refresh_from_db()
    assert police.decision == AgencySuggestion.Decision.REJECTED
    assert list(finding.agencies.values_list("name", flat=True)) == ["Health visiting"]
    assert "Agencies the text names" not in screen(curator, finding)


def test_choosing_the_agencies_by_hand_decides_the_suggestions(curator, finding):
    from agencies.models import Agency

    health = agency_suggestion(finding, "Health visiting", "HV", "The HV visited.")
    police = agency_suggestion(finding, "Police", "police", "The police attended.")
    url = reverse("curation-agencies", kwargs={"slug": finding.review.slug, "pk": finding.pk})

    curator.post(url, {"agencies": [Agency.objects.get(name="Police").pk]})

    health.refresh_from_db()
    police.refresh_from_db()
    assert (health.decision, police.decision) == ("rejected", "accepted")


def test_a_suggestion_of_another_review_or_a_bad_decision_is_refused(curator, finding, other_author):
    other = make_finding(make_review(Review.Status.IN_CURATION), title="Elsewhere")
    suggestion = agency_suggestion(other, "Police", "police", "The police attended.")
    url = reverse("curation-agency-suggestion", kwargs={"slug": finding.review.slug, "pk": suggestion.pk})
    assert curator.post(url, {"decision": "accept"}).status_code == 404
    assert decide(curator, other, suggestion, "maybe").status_code == 400
    assert decide(other_author, other, suggestion, "accept").status_code in (403, 404)
    assert not other.agencies.exists()
