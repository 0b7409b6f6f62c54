"""Query understanding: a nation, a type of review, an age, a period or an agency named in a query ranks the
results that fit higher and is offered as a one-click filter; no word of the query is dropped."""

import pytest
from django.urls import reverse

from reviews.models import Review
from search.engine import search
from search.understanding import understand
from tests.factories import make_finding, make_review
from tests.search_helpers import published_finding, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Scottish SCR drowning", {"nations": ["scotland"], "review_types": ["significant-case-review"]}),
        ("Welsh child practice reviews about neglect", {"nations": ["wales"], "review_types": ["cpr"]}),
        ("NI case management review domestic violence", {"nations": ["northern-ireland"], "review_types": ["cmr"]}),
        ("LCSPR since 2020 exploitation", {"review_types": ["lcspr"], "year_from": 2020}),
        ("SCR neglect", {"review_types": ["scr", "significant-case-review"]}),
        ("baby with bruises", {"age_bands": ["under-1"]}),
        ("teenager self harm", {"age_bands": ["11-15", "16-17"]}),
        ("health visitor and the GP missed it", {"agencies": ["health-visiting", "gp-and-primary-care"]}),
        ("neglect between 2010 and 2015", {"year_from": 2010, "year_to": 2015}),
        ("neglect before 2010", {"year_to": 2009}),
    ],
)
def test_what_a_query_says_about_the_reviews_it_wants_is_recognised(query, expected):
    understood = understand(query)
    found = {
        "nations": [n.value for n in understood.nations],
        "review_types": [t.value for t in understood.review_types],
        "age_bands": [a.value for a in understood.age_bands],
        "agencies": understood.agencies,
        "year_from": understood.year_from,
        "year_to": understood.year_to,
    }
    assert {key: found[key] for key in expected} == expected
    assert all(not value for key, value in found.items() if key not in expected)


@pytest.mark.parametrize("query", ["multi-agency working", "cpr training for staff", "ni hao", "neglect in the home"])
def test_ordinary_words_are_not_read_as_filters(query):
    assert understand(query).dimensions == 0


@pytest.fixture
def nations():
    england = published_finding(
        "Neglect was not recognised",
        "Chronic neglect of the children was not recognised.",
        nation="england",
        review_type="scr",
        year=2015,
    )
    scotland = published_finding(
        "Neglect went on for years",
        "Neglect of the children went on for years.",
        nation="scotland",
        review_type="significant-case-review",
        year=2012,
    )
    wales = published_finding(
        "Neglect and drift", "Neglect and drift in planning.", nation="wales", review_type="cpr", year=2019
    )
    return {"england": england, "scotland": scotland, "wales": wales}


def test_a_query_naming_a_nation_and_a_type_of_review_puts_those_first(nations):
    for query, first in [
        ("Scottish significant case review neglect", "Neglect went on for years"),
        ("neglect in Welsh child practice reviews", "Neglect and drift"),
        ("neglect SCR England", "Neglect was not recognised"),
    ]:
        found = titles(query)
        assert found[0] == first, query
        assert len(found) == 3  # the others still follow: nothing is filtered out


def test_the_words_of_the_query_are_kept_and_the_filters_offered_with_links(nations, practitioner):
    result = search("Scottish significant case review neglect")
    assert result.query == "Scottish significant case review neglect"
    assert [(o.filter, o.value) for o in result.offers] == [
        ("nation", "scotland"),
        ("review_type", "significant-case-review"),
    ]

    page = practitioner.get(reverse("search"), {"q": "Scottish significant case review neglect"}).content.decode()
    assert "Filter to:" in page and ">Scotland</a> · <a" in page
    assert "nation=scotland" in page and "review_type=significant-case-review" in page
    kept = practitioner.get(reverse("search"), {"q": "Scottish SCR neglect", "nation": "scotland"})
    assert [o.filter for o in kept.context["results"].offers] == ["review_type"]  # a filter applied is not offered


def test_the_api_says_what_it_understood(nations, practitioner):
    answer = practitioner.get(reverse("api-search"), {"q": "neglect of babies in Wales since 2018"}).json()

    assert answer["understood"] == [
        {"filter": "nation", "value": "wales", "label": "Wales"},
        {"filter": "age_band", "value": "under-1", "label": "Under 1"},
        {"filter": "year_from", "value": "2018", "label": "from 2018"},
    ]


def test_a_query_that_finds_nothing_but_names_a_nation_and_a_type_of_review_lists_those_instead(nations, practitioner):
    # No finding's text says which nation or type of review it belongs to.
    draft = make_review(Review.Status.DRAFT, nation="wales", review_type="cpr", publication_year=2020)
    make_finding(draft, title="Draft finding", text="Not published yet.")
    result = search("Welsh child practice reviews")

    assert [f.title for f in result.results] == ["Neglect and drift"] and result.count == 1
    assert [(o.filter, o.value) for o in result.instead] == [("nation", "wales"), ("review_type", "cpr")]
    assert result.query == "Welsh child practice reviews" and result.offers == []

    page = practitioner.get(reverse("search"), {"q": "Welsh child practice reviews"}).content.decode()
    assert "No findings use the words <strong>Welsh child practice reviews</strong>" in page
    assert 'href="?nation=wales&amp;review_type=cpr">Keep these filters' in page
    answer = practitioner.get(reverse("api-search"), {"q": "Welsh child practice reviews"}).json()
    assert [(o["filter"], o["value"]) for o in answer["instead"]] == [("nation", "wales"), ("review_type", "cpr")]
    assert answer["count"] == 1


def test_a_query_that_finds_nothing_and_names_no_kind_of_review_stays_empty(nations):
    result = search("xylophone lessons")

    assert result.count == 0 and result.results == [] and result.instead == []
    assert search("Welsh xylophone", filters={"nation": ["scotland"]}).count == 0  # a filter applied is kept
