import pytest
from django.urls import reverse

from reviews.models import Review
from search.engine import search
from tests.factories import make_finding, make_review
from tests.search_helpers import published_finding

pytestmark = pytest.mark.django_db


def test_a_misspelt_word_gets_a_suggestion_and_results_for_it():
    published_finding("Neglect missed", "Chronic neglect was not recognised.")
    result = search("neglet")
    assert result.corrected_from == "neglet"
    assert result.query == "neglect"
    assert [r.title for r in result.results] == ["Neglect missed"]


def test_a_suggestion_keeps_the_correct_words_of_the_query():
    published_finding("Bruise", "A bruise on a non-mobile baby was not referred.")
    result = search("bruise babby")
    assert result.did_you_mean == "bruise baby"


def test_a_query_that_finds_something_as_typed_is_searched_as_typed_with_a_suggestion_offered(practitioner):
    published_finding("Bruise", "A bruise on a non-mobile baby was not referred.")

    result = search("bruise babby")

    assert (result.query, result.corrected_from, result.count) == ("bruise babby", "", 1)
    page = practitioner.get(reverse("search"), {"q": "bruise babby"}).content.decode()
    assert "Did you mean" in page and "bruise baby</a>?" in page
    assert practitioner.get(reverse("api-search"), {"q": "bruise babby"}).json()["did_you_mean"] == "bruise baby"


@pytest.mark.parametrize("typed", ["ACEs", "sexting", "toxic trio", "cuckooing", "adultification", "sextortion"])
def test_terms_of_the_field_are_searched_as_typed_and_never_corrected(typed):
    published_finding("Ages", "Ages and settings of the children and their toxic trips were noted.")
    published_finding("Cooking", "Cooking and adulthood, sextants.")

    result = search(typed)

    assert result.query == typed and result.corrected_from == "" and result.did_you_mean == ""


def test_exact_searches_for_what_was_typed():
    published_finding("Neglect missed", "Chronic neglect was not recognised.")
    result = search("neglet", exact=True)
    assert result.corrected_from == "" and result.count == 0


def test_suggestions_never_come_from_unpublished_reviews():
    draft = make_review(Review.Status.SUBMITTED)
    make_finding(draft, title="Secret", text="Xylophonist concerns were raised.")
    published_finding("Public", "Concerns were raised by the school.")
    result = search("xylophonst")
    assert result.corrected_from == ""
    assert result.count == 0


def test_words_of_a_withdrawn_review_stop_being_suggested():
    finding = published_finding("Public", "Quadrilateral concerns.")
    assert search("quadrilateal").corrected_from == "quadrilateal"
    finding.review.withdraw(reason="Identifying")
    assert search("quadrilateal").corrected_from == ""
