import pytest

from tests.search_helpers import published_finding, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    published_finding("Phrase", "Safe sleep advice was not repeated.")
    published_finding("Scattered", "The baby did not sleep in a safe place.")
    published_finding("Fracture", "A fracture was found on the skeletal survey.")
    published_finding("Burns", "Burns to the hand were explained as an accident.")
    published_finding("County lines", "Child criminal exploitation through county lines was not recognised.")
    published_finding("Sexual exploitation", "Child sexual exploitation was not recognised.")


def test_a_quoted_phrase_must_appear_as_a_phrase(corpus):
    assert titles('"safe sleep"') == ["Phrase"]
    assert set(titles("safe sleep")) == {"Phrase", "Scattered"}


def test_or_finds_either_word(corpus):
    assert set(titles("fracture OR burns")) == {"Fracture", "Burns"}


def test_a_minus_excludes_a_word_or_a_phrase(corpus):
    assert titles("exploitation -county") == ["Sexual exploitation"]
    assert titles('exploitation -"county lines"') == ["Sexual exploitation"]


def test_a_quoted_phrase_combined_with_words_requires_the_phrase(corpus):
    assert titles('"safe sleep" fracture') == ["Phrase"]


def test_punctuation_and_stop_words_alone_are_an_empty_search_that_browses(corpus):
    assert len(titles("the of and ?!")) == 6
