import pytest

from search.models import FindingEntry
from tests.search_helpers import published_finding, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("DV", "Domestic violence was reported to the police three times."),
        ("domestic violence", "Police attended two DV incidents at the home."),
        ("domestic abuse", "Police attended two DV incidents at the home."),
        ("NAI", "A non-accidental injury was not considered."),
        ("non-accidental injury", "The paediatrician thought NAI unlikely."),
        ("HV", "The health visitor saw the baby at eight weeks."),
        ("health visitor", "HV1 completed the new birth visit."),
        ("WNB", "Child D was not brought to four appointments."),
        ("was not brought", "Three WNB episodes were recorded by the GP."),
        (
            "SUDI",
            "The sudden unexpected death in infancy protocol applied.",
        ),
        ("CSE", "Signs of child sexual exploitation were missed."),
        ("CAMHS", "A referral to child and adolescent mental health services was declined."),
        ("MASH", "The multi-agency safeguarding hub screened the referral."),
    ],
)
def test_acronyms_and_their_expansions_find_each_other(query, text):
    published_finding("Match", text)
    published_finding("Other", "Housing was overcrowded and the family moved twice.")
    assert titles(query) == ["Match"]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("co sleeping", "The baby was co-sleeping with Father on the sofa."),
        ("co-sleeping", "Bed-sharing after alcohol was not discussed."),
        ("bed sharing", "Co-sleeping risk was not assessed."),
        ("neglected", "Neglect was long-standing."),
        ("neglect", "The children were neglected for years."),
        ("babies", "The baby was seven weeks old."),
        ("baby", "Bruising to infants who are not mobile must be referred."),
        ("infant", "Babies who cannot crawl rarely bruise."),
        ("stepdad", "The mother's partner moved in and was never assessed."),
        ("kinship care", "She lived with her grandmother under a special guardianship order."),
        ("dentist", "Dental decay had gone untreated for two years."),
        ("trafficking", "Nobody considered modern slavery when he was found in a cannabis farm."),
    ],
)
def test_common_variants_find_each_other(query, text):
    published_finding("Match", text)
    published_finding("Other", "Housing was overcrowded and the family moved twice.")
    assert titles(query) == ["Match"]


def test_an_exact_word_ranks_above_its_synonym():
    published_finding("Synonym", "The infant was seen by the GP.", year=2024)
    published_finding("Exact", "The baby was seen by the GP.", year=2010)
    assert titles("baby") == ["Exact", "Synonym"]


def test_an_acronym_that_is_also_a_word_expands_only_in_capitals():
    published_finding("Special needs", "Special educational needs and disabilities were not assessed.")
    published_finding("Send", "The school did not send the referral.")
    assert set(titles("SEND")) == {"Special needs", "Send"}
    assert titles("send") == ["Send"]


def test_a_phrase_of_the_vocabulary_matches_only_as_a_phrase():
    published_finding("Phrase", "Her wishes and feelings were never sought.")
    published_finding("Apart", "Her wishes were noted; nobody asked about feelings at school.")
    assert titles("voice of the child") == ["Phrase"]
    entry = FindingEntry.objects.get(finding__title="Phrase")
    assert "wish<2>feel" in entry.vector  # the phrase's own lexeme: the index answers without reading positions
