import csv
import io
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from reviews.models import Review
from tests.factories import make_finding, make_review

pytestmark = pytest.mark.django_db
HIDDEN = [Review.Status.DRAFT, Review.Status.SUBMITTED, Review.Status.IN_CURATION, Review.Status.WITHDRAWN]


@pytest.fixture
def library():
    for year in range(2010, 2035 - 10):
        review = make_review(publication_year=year, title=f"Child Y{year}", external_id=f"ext-{year}")
        make_finding(
            review,
            title=f"Bruise finding {year}",
            text=f"A bruise was seen in {year} and not referred.",
            themes=["bruising-non-mobile"],
            agencies=["health-visiting"],
        )
    for status in HIDDEN:
        hidden = make_review(status, title=f"Secret {status}", external_id=f"secret-{status}")
        make_finding(
            hidden,
            title=f"Secret bruise {status}",
            text="A bruise was seen and not referred.",
            themes=["bruising-non-mobile"],
            agencies=["health-visiting"],
        )


def read_csv(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@override_settings(PAGE_SIZE=5)
def test_the_page_the_api_and_the_csv_agree(practitioner, library):
    page = practitioner.get(reverse("search"), {"q": "bruise referred", "nation": "england"})
    api = practitioner.get(reverse("api-search"), {"q": "bruise referred", "nation": "england", "page_size": 5}).json()
    rows = read_csv(practitioner.get(reverse("search-export"), {"q": "bruise referred", "nation": "england"}))
    page_ids = [f.pk for f in page.context["results"].results]
    assert page_ids == [r["id"] for r in api["results"]]
    assert [int(r["finding_id"]) for r in rows[:5]] == page_ids
    assert api["count"] == page.context["results"].count == len(rows) == 15
    assert api["next"].endswith("page=2") and api["previous"] is None


def test_the_csv_holds_every_matching_finding_with_its_review(practitioner, library):
    response = practitioner.get(reverse("search-export"), {"theme": "bruising-non-mobile"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 15
    first = rows[0]
    assert first["review_title"] == "Child Y2024" and first["year"] == "2024" and first["nation"] == "England"
    assert first["themes"] == "Bruising in non-mobile babies" and first["agencies"] == "Health visiting"
    assert first["external_id"] == "ext-2024"


@pytest.mark.parametrize("url_name", ["search", "api-search", "search-export"])
def test_unpublished_reviews_never_appear_in_search_counts_or_exports(practitioner, library, url_name):
    for params in ({"q": "bruise"}, {"q": "secret"}, {}, {"theme": "bruising-non-mobile"}, {"level": "reviews"}):
        response = practitioner.get(reverse(url_name), params)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Secret" not in body and b"secret-" not in body
    api = practitioner.get(reverse("api-search"), {"q": "bruise"}).json()
    assert api["count"] == 15
    assert {o["value"]: o["count"] for o in api["facets"]["theme"]}["bruising-non-mobile"] == 15
    reviews = practitioner.get(reverse("api-search"), {"level": "reviews"}).json()
    assert reviews["count"] == 15


def test_an_unpublished_review_is_a_404_in_the_api(practitioner, library):
    for status in HIDDEN:
        hidden = Review.objects.get(external_id=f"secret-{status}")
        assert practitioner.get(reverse("api-review", args=[hidden.public_id])).status_code == 404
    public = Review.objects.get(external_id="ext-2015")
    data = practitioner.get(reverse("api-review", args=[public.public_id])).json()
    assert data["title"] == "Child Y2015" and data["findings"][0]["themes"] == ["bruising-non-mobile"]
    assert practitioner.get(reverse("api-review", args=["not-a-review"])).status_code == 404


def test_theme_counts_in_the_api_ignore_unpublished_findings(practitioner, library):
    themes = {t["slug"]: t for t in practitioner.get(reverse("api-themes")).json()["results"]}
    assert themes["bruising-non-mobile"]["finding_count"] == 15
    assert themes["bruising-non-mobile"]["review_count"] == 15
    assert len(themes) == 41


def test_a_review_result_carries_the_documented_fields(practitioner, library):
    result = practitioner.get(reverse("api-search"), {"q": "bruise", "level": "reviews", "page_size": 1}).json()
    review = result["results"][0]
    assert set(review) >= {
        "id",
        "external_id",
        "title",
        "area",
        "nation",
        "year",
        "review_type",
        "url",
        "score",
        "snippet",
        "findings",
    }
    finding = practitioner.get(reverse("api-search"), {"q": "bruise", "page_size": 1}).json()["results"][0]
    assert set(finding) >= {"id", "review", "title", "text", "themes", "agencies", "snippet", "score"}
    assert "<mark>" in finding["snippet"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": 500}, "page_size"),
        ({"page": "x"}, "page"),
        ({"nation": "atlantis"}, "nation"),
        ({"theme": "no-such-theme"}, "theme"),
        ({"level": "paragraphs"}, "level"),
        ({"year_from": "soon"}, "year_from"),
    ],
)
def test_invalid_api_parameters_are_a_400_naming_them(practitioner, params, field):
    response = practitioner.get(reverse("api-search"), params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_finding_with_markup_is_shown_as_text_with_highlights(practitioner):
    review = make_review()
    make_finding(
        review, title="<script>alert(1)</script> title", text="The <script>alert('x')</script> bruise was missed."
    )
    html = practitioner.get(reverse("search"), {"q": "bruise"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html and "<mark>bruise</mark>" in html
    snippet = practitioner.get(reverse("api-search"), {"q": "bruise"}).json()["results"][0]["snippet"]
    assert "<script>" not in snippet and "<mark>bruise</mark>" in snippet


def test_highlights_are_added_after_escaping():
    from search.results import HIGHLIGHT_START, HIGHLIGHT_STOP, highlight

    assert (
        highlight(f"<b>&</b> {HIGHLIGHT_START}bruise{HIGHLIGHT_STOP}") == "&lt;b&gt;&amp;&lt;/b&gt; <mark>bruise</mark>"
    )


@override_settings(PAGE_SIZE=5)
def test_the_search_page_keeps_its_state_in_the_url(practitioner, library):
    html = practitioner.get(reverse("search"), {"q": "bruise", "nation": "england", "page": 1}).content.decode()
    assert 'value="bruise"' in html
    assert 'id="nation-england" name="nation" type="checkbox" value="england" checked' in html
    assert "q=bruise&amp;nation=england&amp;page=2" in html
    assert "Remove filter" in html


def test_a_bad_year_range_is_explained_on_the_page_and_no_results_are_listed(practitioner, library):
    html = practitioner.get(reverse("search"), {"year_from": 2020, "year_to": 2010}).content.decode()
    assert "There is a problem" in html and "The end year must be the same as or after the start year" in html
    assert "<title>Error: Search" in html
    assert "No results until the filters are corrected" in html and "#finding-" not in html


def test_the_spelling_suggestion_is_offered_with_a_way_back(practitioner, library):
    html = practitioner.get(reverse("search"), {"q": "bruse"}).content.decode()
    assert "Showing results for <strong>bruise</strong>" in html
    assert "exact=true" in html


def test_the_api_documentation_and_schema_are_served(practitioner):
    assert practitioner.get(reverse("api-docs")).status_code == 200
    schema = practitioner.get(reverse("api-schema")).json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/search", "/api/v1/reviews/{id}", "/api/v1/themes"} <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "level", "sort", "page", "page_size", "theme", "nation", "year_from"} <= names


def test_a_query_typed_on_the_search_page_reached_from_the_navigation_is_sorted_by_relevance(practitioner, library):
    empty = practitioner.get(reverse("search")).content.decode()
    chosen = re.search(r'<option value="(\w+)" selected>', empty).group(1)
    assert chosen == "relevance"  # the form the practitioner types into carries it

    typed = practitioner.get(reverse("search"), {"q": "bruise", "sort": chosen, "level": "findings"})

    assert typed.context["results"].sort == "relevance"
