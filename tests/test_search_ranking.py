import pytest

from search.engine import search
from tests.factories import make_finding
from tests.search_helpers import published_finding, titles

pytestmark = pytest.mark.django_db


def test_a_phrase_query_returns_the_findings_that_match_most_of_its_ideas_first():
    published_finding(
        "Partner not assessed", "Mother's new partner moved in and was never assessed by the social worker."
    )
    published_finding("Visits", "The social worker visited the home twice.")
    published_finding("Partner checks", "Nobody checked the new partner's history with the police.")
    published_finding("Unrelated", "The school nurse saw the child for a growth check.")
    found = titles("mother's new partner was never assessed by the social worker")
    assert found[0] == "Partner not assessed"
    assert set(found[1:]) == {"Visits", "Partner checks"}
    assert "Unrelated" not in found


def test_a_query_with_a_word_nobody_used_still_returns_what_matches_the_rest():
    published_finding("Missed bruise", "A bruise on the baby's face was not referred.")
    assert titles("bruise zyxwvut") == ["Missed bruise"]


def test_a_finding_whose_review_is_about_the_query_ranks_above_a_passing_mention():
    published_finding(
        "Passing mention",
        "Advice on co-sleeping was given once among many other topics.",
        summary="The review is about a teenager's school exclusion.",
    )
    published_finding(
        "Central",
        "Advice on co-sleeping was given once among many other topics.",
        summary="Baby S died while co-sleeping with a parent who had drunk alcohol; co-sleeping risk was not assessed.",
    )
    assert titles("co-sleeping")[:2] == ["Central", "Passing mention"]


def test_a_match_in_the_title_outranks_a_match_deep_in_the_text():
    published_finding("Chronology", "The agencies kept separate records. " * 5 + "Supervision was rare.")
    published_finding("Supervision was rare", "Managers were stretched and the team was short of staff.")
    assert titles("supervision")[0] == "Supervision was rare"


def test_equally_relevant_findings_are_newest_first():
    published_finding("Older", "Escalation policy was not used.", year=2012)
    published_finding("Newer", "Escalation policy was not used.", year=2023)
    published_finding("Middle", "Escalation policy was not used.", year=2018)
    assert titles("escalation policy") == ["Newer", "Middle", "Older"]


def test_sorting_by_newest_and_oldest_ignores_relevance():
    published_finding("Strong match: neglect neglect", "Neglect, chronic neglect.", year=2015)
    published_finding("Weak", "There was some neglect.", year=2021)
    assert titles("neglect", sort="newest") == ["Weak", "Strong match: neglect neglect"]
    assert titles("neglect", sort="oldest") == ["Strong match: neglect neglect", "Weak"]


def test_a_query_that_names_a_theme_lifts_findings_tagged_with_it():
    published_finding("Tagged", "Practitioners missed what was happening.", themes=["bruising-non-mobile"])
    published_finding("Untagged", "Practitioners missed what was happening to the bruising.")
    result = search("bruising")
    assert "bruising-non-mobile" in result.themes_named
    assert next(r.title for r in result.results) == "Tagged"


def test_the_reviews_level_lists_each_review_once_with_its_best_findings():
    first = published_finding("Bruise not referred", "A bruise was seen and not referred.", pseudonym="Baby T")
    make_finding(first.review, title="Second bruise finding", text="Another bruise was recorded.")
    make_finding(first.review, title="Unrelated finding", text="Housing was overcrowded.")
    published_finding("Other review finding", "The bruise was explained away.", pseudonym="Child M")
    result = search("bruise", level="reviews")
    assert sorted(r.title for r in result.results) == ["Baby T", "Child M"]
    baby_t = next(r for r in result.results if r.title == "Baby T")
    assert {f.title for f in baby_t.top_findings} == {"Bruise not referred", "Second bruise finding"}


def test_when_many_findings_match_most_of_a_query_those_that_match_little_of_it_are_left_out():
    for n in range(20):
        published_finding(f"Both {n}", "The stepfather was never assessed.")
    published_finding("One word", "The assessment was thorough.")
    result = search("stepfather never assessed")
    assert result.count == 20
    assert "One word" not in titles("stepfather never assessed")


def test_when_few_findings_match_most_of_a_query_every_partial_match_is_listed():
    published_finding("Both", "The stepfather was never assessed.")
    published_finding("One word", "The assessment was thorough.")
    assert titles("stepfather never assessed") == ["Both", "One word"]


def test_the_export_lists_the_same_findings_as_the_search(practitioner):
    from search.engine import matching_rows

    for n in range(20):
        published_finding(f"Both {n}", "The stepfather was never assessed.")
    published_finding("One word", "The assessment was thorough.")
    assert len(list(matching_rows("stepfather never assessed"))) == search("stepfather never assessed").count


def test_a_review_whose_findings_match_ranks_well_even_when_its_summary_does_not(monkeypatch):
    import search.engine as module

    monkeypatch.setattr(module, "EXACT_RANKING", 2)  # ranked from the tiers, as with many matches
    monkeypatch.setattr(module, "CHUNK", 2)
    for n in range(4):
        published_finding(f"Passing {n}", "Nothing relevant here.", summary="A summary that mentions sextortion once.")
    target = published_finding(
        "Sextortion",
        "Sextortion of a boy through social media was not recognised. Sextortion risk was not assessed.",
        summary="A review of a boy's death.",
        pseudonym="Child Target",
    )
    assert titles("sextortion social media", level="reviews")[0] == target.review.title


@pytest.fixture
def many_matches(monkeypatch):
    """Search as with more matches than are ranked one by one: candidates come from the tiers, three at a time."""
    import search.engine as module

    monkeypatch.setattr(module, "EXACT_RANKING", 3)
    monkeypatch.setattr(module, "CHUNK", 3)


def test_with_many_matches_the_finding_that_has_every_idea_still_comes_first(many_matches):
    for n in range(6):
        published_finding(f"Common {n}", "The social worker visited the family.", year=2024)
    published_finding("Every idea", "The social worker never assessed the stepfather before the visit.", year=2010)
    assert titles("stepfather never assessed by the social worker")[0] == "Every idea"


def test_with_many_matches_the_pages_list_every_match_once_in_the_exports_order(many_matches):
    from search.engine import matching_rows

    for n in range(8):
        published_finding(
            f"Finding {n}", "Neglect of the baby was missed." if n % 2 else "Neglect was missed.", year=2010 + n
        )
    pages = [row.title for page in (1, 2, 3, 4) for row in search("neglect baby", page=page, page_size=2).results]
    assert len(set(pages)) == 8
    assert set(pages[:4]) == {"Finding 1", "Finding 3", "Finding 5", "Finding 7"}  # both ideas first
    assert pages == [finding.title for finding in matching_rows("neglect baby")]


def test_with_many_matches_ranked_results_keep_to_the_filters_and_to_what_is_published(many_matches):
    from reviews.models import Review

    for n in range(4):
        published_finding(f"Wales {n}", "Neglect was missed.", nation="wales")
        published_finding(f"England {n}", "Neglect was missed.", nation="england")
    published_finding("Welsh draft", "Neglect was missed.", nation="wales", status=Review.Status.DRAFT)
    result = search("neglect", filters={"nation": ["wales"]})
    assert result.count == 4
    assert sorted(row.title for row in result.results) == [f"Wales {n}" for n in range(4)]
    assert {option.value: option.count for option in result.facets["nation"]} == {"wales": 4, "england": 4}


def test_words_that_rarely_carry_a_querys_meaning_do_not_decide_what_matches():
    published_finding("Bruised baby", "Bruises were seen on the baby's face.")
    for n in range(20):
        published_finding(f"Filler {n}", "It could not yet be said whether he could crawl.")
    assert titles("bruises on a baby who could not yet crawl")[0] == "Bruised baby"
