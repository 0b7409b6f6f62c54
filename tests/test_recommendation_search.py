"""Search's recommendations level: a recommendation is found by its words and by whom it asks, filtered by the
registry's filters and by its kind and addressee, on the page, in the CSV and in the API; its entry keeps in step with
every change to it, its links, its tags and its review."""

import csv
import io

import pytest
from django.urls import reverse

from findings.models import Recommendation, Theme
from reviews.models import Review
from search import indexing
from search.engine import search
from search.models import RecommendationEntry
from tests.factories import make_finding, make_recommendation, make_review

pytestmark = pytest.mark.django_db

AGENCIES = Recommendation.Addressee.AGENCIES


def texts(query="", **kwargs):
    kwargs.setdefault("page_size", 100)
    return [r.text for r in search(query, level="recommendations", **kwargs).results]


@pytest.fixture
def reviews():
    """Two published reviews, a Welsh one and an English one, and a draft; their recommendations."""
    welsh = make_review(title="Child W", nation="wales", review_type="cpr", publication_year=2019)
    bruising = make_finding(welsh, title="Bruising was explained away", themes=["bruising-non-mobile"])
    make_recommendation(welsh, "The board should audit how bruising in non-mobile babies is escalated.",
                        label="1", findings=[bruising])  # fmt: skip
    make_recommendation(welsh, "The police should share every domestic abuse incident with the health visitor.",
                        label="P 1", addressee=AGENCIES, kind="single-agency", agencies=["police"])  # fmt: skip
    english = make_review(title="Child E", nation="england", publication_year=2023)
    make_recommendation(english, "The Department for Education should revise guidance on home education.",
                        label="N 1", addressee=Recommendation.Addressee.NATIONAL, kind="national",
                        addressee_text="Department for Education")  # fmt: skip
    draft = make_review(title="Child D", status=Review.Status.IN_CURATION)
    make_recommendation(draft, "The board should audit bruising protocols in the draft review.")
    return welsh, english, draft


def test_a_recommendation_is_found_by_its_words_the_closest_first_with_its_words_marked(reviews):
    results = search("bruising babies escalated", level="recommendations").results

    assert [r.label for r in results] == ["1"]  # the draft's recommendation is for no one who may not see it
    assert isinstance(results[0], Recommendation)
    assert "<mark>bruising</mark>" in results[0].snippet
    assert texts("audit")[0].startswith("The board should audit how bruising")


def test_a_recommendation_is_found_by_whom_it_asks_in_the_reports_words(reviews):
    assert texts("department for education") == ["The Department for Education should revise guidance on home "
                                                  "education."]  # fmt: skip


def test_the_kind_and_addressee_filters_keep_to_what_is_asked_and_are_counted(reviews):
    police = search(level="recommendations", filters={"kind": ["single-agency"]})
    assert [r.label for r in police.results] == ["P 1"]
    national = search(level="recommendations", filters={"addressee": ["national"]})
    assert [r.label for r in national.results] == ["N 1"]
    counts = {o.value: o.count for o in search(level="recommendations").facets["kind"]}
    assert counts == {"multi-agency": 1, "single-agency": 1, "national": 1}
    addressees = {o.value: o.count for o in search(level="recommendations").facets["addressee"]}
    assert addressees == {"partnership": 1, "agencies": 1, "national": 1}


def test_the_registrys_filters_apply_to_recommendations_too(reviews):
    assert {r.label for r in search(level="recommendations", filters={"nation": ["wales"]}).results} == {"1", "P 1"}
    assert [r.label for r in search(level="recommendations", filters={"agency": ["police"]}).results] == ["P 1"]
    assert [r.label for r in search(level="recommendations", filters={"year_from": 2020}).results] == ["N 1"]
    # A recommendation is about a theme it is tagged with or that a finding it follows from is tagged with, as the
    # theme page counts it.
    themed = search(level="recommendations", filters={"theme": ["bruising-non-mobile"]})
    assert [r.label for r in themed.results] == ["1"]
    on_theme_page = Recommendation.objects.visible_to(None).about(Theme.objects.get(slug="bruising-non-mobile"))
    assert themed.count == on_theme_page.count()


def test_kind_and_addressee_are_ignored_and_not_offered_at_the_other_levels(reviews):
    findings = search(filters={"kind": ["national"]})
    assert findings.count == 1  # the Welsh review's one published finding: the filter does not apply
    assert "kind" not in {name for name, options in findings.facets.items() if options}


def test_the_entry_keeps_in_step_with_text_tags_links_and_the_review(reviews):
    welsh, english, _ = reviews
    asks_police = Recommendation.objects.get(label="P 1")

    asks_police.text = "The constabulary should tell the health visitor about every callout."
    asks_police.save()
    assert texts("constabulary callout") == [asks_police.text]

    asks_police.themes.add(Theme.objects.get(slug="domestic-abuse"))
    assert [r.label for r in search(level="recommendations", filters={"theme": ["domestic-abuse"]}).results] == ["P 1"]
    asks_police.agencies.clear()
    assert search(level="recommendations", filters={"agency": ["police"]}).count == 0

    neglect = make_finding(english, title="Neglect was not seen", themes=["neglect"])
    national = Recommendation.objects.get(label="N 1")
    national.findings.add(neglect)
    assert [r.label for r in search(level="recommendations", filters={"theme": ["neglect"]}).results] == ["N 1"]
    national.findings.remove(neglect)
    assert search(level="recommendations", filters={"theme": ["neglect"]}).count == 0

    welsh.withdraw(reason="Published by mistake")
    assert texts("constabulary") == [] and texts("bruising") == []
    assert set(RecommendationEntry.objects.filter(review=welsh).values_list("status", flat=True)) == {"withdrawn"}

    asks_police.delete()
    assert not RecommendationEntry.objects.filter(pk=asks_police.pk).exists()


def test_a_theme_renamed_reaches_the_recommendations_tagged_with_it(reviews):
    national = Recommendation.objects.get(label="N 1")
    theme = Theme.objects.get(slug="missing-education")
    national.themes.add(theme)
    theme.name = "Children educated at home"
    theme.save()
    assert texts("children educated at home") == [national.text]


def test_rebuilding_the_index_makes_the_same_recommendation_entries(reviews):
    columns = ("pk", "status", "nation", "kind", "addressee", "theme_ids", "agency_ids", "vector")
    before = sorted(RecommendationEntry.objects.values_list(*columns))
    RecommendationEntry.objects.all().delete()
    indexing.rebuild_all()
    assert sorted(RecommendationEntry.objects.values_list(*columns)) == before


def test_the_search_page_lists_recommendations_with_their_own_filters(client, reviews):
    page = client.get(reverse("search"), {"q": "bruising", "level": "recommendations"}).content.decode()

    assert '<strong aria-current="page">Recommendations</strong>' in page
    assert "1 recommendation for “bruising”" in page
    assert "How bruising in non-mobile babies" not in page  # (a title is the text's opening words)
    assert "To The safeguarding partnership (multi-agency)" in page
    assert 'name="kind"' in page and 'name="addressee"' in page
    findings = client.get(reverse("search"), {"q": "bruising"}).content.decode()
    assert 'name="kind"' not in findings and 'name="addressee"' not in findings


def test_the_csv_of_a_recommendations_search_lists_them_in_the_searchs_order(client, reviews):
    answer = client.get(reverse("search-export"), {"q": "should", "level": "recommendations", "sort": "oldest"})
    rows = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))

    assert [row["label"] for row in rows] == ["1", "P 1", "N 1"]
    assert rows[2]["addressed_to"] == "Department for Education" and rows[2]["kind"] == "National"


def test_the_search_api_gives_recommendations_with_their_review_and_facets(client, reviews):
    data = client.get(reverse("api-search"), {"q": "police", "level": "recommendations"}).json()

    assert data["level"] == "recommendations" and data["count"] == 1
    result = data["results"][0]
    assert result["label"] == "P 1" and result["agencies"] == ["police"] and result["review"]["title"] == "Child W"
    assert "<mark>police</mark>" in result["snippet"].lower()
    assert {o["value"]: o["count"] for o in data["facets"]["kind"]} == {"single-agency": 1}
    refused = client.get(reverse("api-search"), {"level": "recommendations", "kind": "someone"})
    assert refused.status_code == 400 and "kind" in refused.json()["errors"]
