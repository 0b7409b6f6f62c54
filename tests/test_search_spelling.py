import pytest

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
    assert result.query == "bruise baby"


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
