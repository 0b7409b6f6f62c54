import pytest

from reviews.models import Review
from search.engine import search
from tests.factories import make_finding, make_partnership, make_review
from tests.search_helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    wales = make_review(
        nation="wales", review_type="cpr", publication_year=2019, age_bands=["under-1"], outcome="death"
    )
    make_finding(
        wales,
        title="Welsh bruise",
        text="A bruise was not referred.",
        themes=["bruising-non-mobile"],
        agencies=["health-visiting"],
    )
    make_finding(
        wales,
        title="Welsh sharing",
        text="Information was not shared.",
        themes=["information-sharing"],
        agencies=["police"],
    )
    england = make_review(
        nation="england",
        publication_year=2021,
        age_bands=["11-15"],
        outcome="serious-harm",
        partnership=make_partnership(region="london"),
    )
    make_finding(
        england,
        title="English bruise",
        text="A bruise was explained away.",
        themes=["bruising-non-mobile", "critical-thinking"],
        agencies=["paediatrics"],
    )
    make_finding(
        england, title="English neglect", text="Neglect was not recognised.", themes=["neglect"], agencies=["school"]
    )
    scotland = make_review(nation="scotland", review_type="learning-review", publication_year=2023)
    make_finding(scotland, title="Scottish bruise", text="Bruising was recorded only.", themes=["neglect"])
    return {"wales": wales, "england": england, "scotland": scotland}


def counts(result, name):
    return {option.value: option.count for option in result.facets[name]}


def test_filters_combine_with_a_query(library):
    assert titles("bruise", filters={"nation": ["wales"]}) == ["Welsh bruise"]
    assert titles("bruise", filters={"theme": ["neglect"]}) == ["Scottish bruise"]
    assert set(titles("bruise", filters={"year_from": 2020})) == {"English bruise", "Scottish bruise"}
    assert titles("bruise", filters={"year_from": 2020, "year_to": 2021}) == ["English bruise"]
    assert titles("bruise", filters={"age_band": ["under-1"]}) == ["Welsh bruise"]
    assert titles("bruise", filters={"outcome": ["serious-harm"]}) == ["English bruise"]
    assert titles("bruise", filters={"region": ["london"]}) == ["English bruise"]
    assert titles("bruise", filters={"review_type": ["learning-review"]}) == ["Scottish bruise"]
    assert titles("bruise", filters={"agency": ["paediatrics"]}) == ["English bruise"]
    assert set(titles("bruise", filters={"facet": ["practice"]})) == {"English bruise"}


def test_several_themes_match_any_or_all(library):
    chosen = ["bruising-non-mobile", "critical-thinking"]
    assert set(titles(filters={"theme": chosen})) == {"Welsh bruise", "English bruise"}
    assert titles(filters={"theme": chosen, "theme_match": "all"}) == ["English bruise"]


def test_each_option_counts_the_results_it_would_give_with_the_other_filters(library):
    result = search("bruise", filters={"nation": ["england", "wales"], "theme": ["bruising-non-mobile"]})
    assert result.count == 2
    # nation counts ignore the nation filter but keep the theme filter and the query
    assert counts(result, "nation") == {"england": 1, "wales": 1}
    # theme counts ignore the theme filter but keep the nation filter and the query
    assert counts(result, "theme") == {"bruising-non-mobile": 2, "critical-thinking": 1}
    assert counts(result, "agency") == {"health-visiting": 1, "paediatrics": 1}
    assert counts(result, "year") == {"2019": 1, "2021": 1}


def test_options_with_no_results_are_left_out_unless_chosen(library):
    result = search("bruise", filters={"nation": ["northern-ireland"]})
    assert result.count == 0
    assert counts(result, "nation") == {"england": 1, "wales": 1, "scotland": 1, "northern-ireland": 0}
    assert "looked-after-children" not in counts(result, "theme")


def test_an_empty_query_with_filters_browses_newest_first(library):
    result = search("", filters={"theme": ["neglect"]})
    assert [r.title for r in result.results] == ["Scottish bruise", "English neglect"]
    assert result.sort == "newest"


def test_reviews_level_counts_reviews(library):
    result = search("bruise", level="reviews")
    assert result.count == 3
    assert counts(result, "theme")["bruising-non-mobile"] == 2
    assert counts(result, "nation") == {"england": 1, "wales": 1, "scotland": 1}


def test_a_theme_on_the_review_as_a_whole_counts_for_the_review_not_for_its_findings(library):
    from findings.models import Theme

    library["wales"].themes.add(Theme.objects.get(slug="domestic-abuse"))

    assert titles(filters={"theme": ["domestic-abuse"]}) == []
    assert counts(search(""), "theme").get("domestic-abuse", 0) == 0
    assert titles(filters={"theme": ["domestic-abuse"]}, level="reviews") == [library["wales"].title]


def test_the_theme_page_and_the_theme_filter_count_the_same_findings_and_reviews(library, practitioner):
    from findings.models import Theme

    library["wales"].themes.add(Theme.objects.get(slug="information-sharing"))
    (theme,) = Theme.objects.filter(slug="information-sharing").with_counts(None)
    page = practitioner.get(theme.get_absolute_url())

    findings = search("", filters={"theme": ["information-sharing"]})
    reviews = search("", filters={"theme": ["information-sharing"]}, level="reviews")

    assert findings.count == theme.finding_count == page.context["page"].paginator.count
    assert reviews.count == theme.review_count
    assert counts(search(""), "theme")["information-sharing"] == theme.finding_count


def test_browsing_results_are_cached_until_the_corpus_changes(library):
    first = search("", filters={"nation": ["wales"]})
    assert first.count == 2
    make_finding(library["wales"], title="Welsh new finding", text="Added after the first browse.")
    assert search("", filters={"nation": ["wales"]}).count == 3
    library["wales"].withdraw(reason="Identifying details")
    assert search("", filters={"nation": ["wales"]}).count == 0


def test_staff_and_the_public_never_share_cached_browse_results(library, curator):
    from tests.factories import make_user

    hidden = make_review(Review.Status.SUBMITTED, nation="wales", review_type="cpr")
    make_finding(hidden, title="Unpublished Welsh finding")
    assert search("", filters={"nation": ["wales"]}, user=make_user(staff=True)).count == 3
    assert search("", filters={"nation": ["wales"]}).count == 2
