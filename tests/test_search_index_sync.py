from io import StringIO

import pytest
from django.core.management import call_command

from findings.models import Theme
from search.models import FindingEntry, ReviewEntry
from tests.factories import make_finding, make_review
from tests.search_helpers import published_finding, titles

pytestmark = pytest.mark.django_db


def test_editing_a_finding_makes_it_findable_by_its_new_words():
    finding = published_finding("Finding", "Nothing of note.")
    assert titles("cuckooing") == []
    finding.text = "The flat was taken over by dealers: cuckooing."
    finding.save()
    assert titles("cuckooing") == ["Finding"]


def test_tagging_a_finding_with_a_theme_makes_it_findable_by_the_theme_name():
    finding = published_finding("Finding", "Nothing of note.")
    assert titles("radicalisation") == []
    finding.themes.add(Theme.objects.get(slug="radicalisation"))
    assert titles("radicalisation") == ["Finding"]
    finding.themes.clear()
    assert titles("radicalisation") == []


def test_renaming_a_theme_updates_every_finding_and_review_that_carries_it():
    finding = published_finding("Finding", "Nothing of note.", themes=["escalation"])
    tagged_review = make_review(title="Child Tagged")
    tagged_review.themes.add(Theme.objects.get(slug="escalation"))
    theme = Theme.objects.get(slug="escalation")
    theme.name = "Professional disagreement and resolution"
    theme.save()
    assert titles("resolution") == ["Finding"]
    assert set(titles("resolution", level="reviews")) == {finding.review.title, "Child Tagged"}


def test_a_reviews_findings_are_part_of_its_own_search_text():
    review = make_review(title="Child R", summary="A short summary.")
    finding = make_finding(review, title="Finding", text="Sextortion was not recognised.")
    assert titles("sextortion", level="reviews") == ["Child R"]
    finding.delete()
    assert titles("sextortion", level="reviews") == []


def test_keywords_and_review_themes_are_searchable_at_review_level():
    review = make_review(title="Child K", keywords=["hoarding"])
    review.themes.add(Theme.objects.get(slug="private-fostering"))
    assert titles("hoarding", level="reviews") == ["Child K"]
    assert titles("private fostering", level="reviews") == ["Child K"]


def test_rebuild_search_index_restores_every_vector_and_reports_progress():
    published_finding("Finding", "Graded care profile was not used.")
    FindingEntry.objects.all().delete()
    ReviewEntry.objects.update(vector=None)
    assert titles("graded care profile") == []
    out, err = StringIO(), StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=err)
    assert "rebuilt" in out.getvalue() and "rows" in err.getvalue()
    assert titles("graded care profile") == ["Finding"]


def test_imported_reviews_are_found_by_the_api(practitioner):
    from pathlib import Path

    call_command(
        "import_reviews",
        str(Path(__file__).parent / "data" / "reviews.jsonl"),
        "--publish",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    response = practitioner.get("/api/v1/search", {"q": "baby bruise not referred", "level": "reviews"}).json()
    assert response["results"][0]["external_id"] == "test-001"
    response = practitioner.get("/api/v1/search", {"q": "co-sleeping after drinking alcohol", "level": "reviews"})
    assert response.json()["results"][0]["external_id"] == "test-002"
    response = practitioner.get("/api/v1/search", {"q": "exploited teenager going missing", "level": "reviews"})
    assert response.json()["results"][0]["external_id"] == "test-003"


def test_a_review_is_found_by_its_full_text_but_ranks_below_reviews_whose_findings_match():
    full_text_only = make_review(title="Child Full", full_text="Long chronology. The word pentimento appears here.")
    make_finding(full_text_only, title="Finding", text="Nothing of note.")
    finding_match = published_finding("Pentimento finding", "Pentimento was discussed.", pseudonym="Child Finding")
    assert titles("pentimento", level="reviews") == [finding_match.review.title, "Child Full"]
    assert titles("pentimento") == ["Pentimento finding"]


def test_tagging_from_the_themes_side_keeps_vectors_in_step():
    finding = published_finding("Finding", "Nothing of note.")
    theme = Theme.objects.get(slug="private-fostering")
    theme.findings.add(finding)
    assert titles("private fostering") == ["Finding"]
    theme.findings.clear()
    assert titles("private fostering") == []
    theme.reviews.add(finding.review)
    assert titles("private fostering", level="reviews") == [finding.review.title]
    theme.reviews.clear()
    assert titles("private fostering", level="reviews") == []


def test_a_partnership_moving_region_moves_its_findings_in_the_region_filter():
    finding = published_finding("Bruise", "A bruise was not referred.")
    partnership = finding.review.partnership
    partnership.region = "london"
    partnership.save()
    assert titles("bruise", filters={"region": ["london"]}) == ["Bruise"]
    partnership.region = "north-east"
    partnership.save()
    assert titles("bruise", filters={"region": ["london"]}) == []
    assert titles("bruise", filters={"region": ["north-east"]}) == ["Bruise"]


def test_a_reviews_new_year_and_nation_reach_its_findings_filters():
    finding = published_finding("Bruise", "A bruise was not referred.", year=2015)
    review = finding.review
    review.publication_year, review.nation = 2022, "wales"
    review.save()
    assert titles("bruise", filters={"year_from": 2020, "nation": ["wales"]}) == ["Bruise"]
    assert titles("bruise", filters={"year_to": 2016}) == []
