import re

import pytest
from django.test import override_settings
from django.urls import reverse

from findings.models import Lesson, Theme
from reviews.models import Review
from tests.factories import make_finding, make_partnership, make_recommendation, make_review


@pytest.fixture
def library(db):
    northshire = make_partnership(name="Northshire Safeguarding Children Partnership")
    old = make_review(title="Child Old", publication_year=2010, review_type="scr", partnership=northshire)
    new = make_review(
        title="Baby New",
        publication_year=2024,
        partnership=northshire,
        age_bands=["under-1"],
        outcome="serious-harm",
        summary="Baby New was seven weeks old when a bruise was seen.",
    )
    bruising = make_finding(
        new, title="Bruising was not referred", themes=["bruising-non-mobile"], agencies=["health-visiting"]
    )
    make_recommendation(new, "The partnership should audit the bruising protocol.", findings=[bruising])
    make_finding(old, title="Nobody asked about the new partner", themes=["unseen-men"], agencies=["police"])
    make_finding(old, title="Bruising seen by the GP", themes=["bruising-non-mobile"], agencies=["gp-and-primary-care"])
    return {"old": old, "new": new}


PAGES = [
    ("home", []),
    ("review-list", []),
    ("theme-index", []),
    ("theme-detail", ["bruising-non-mobile"]),
    ("agency-index", []),
    ("agency-detail", ["police"]),
    ("recommendation-figures", []),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args"), PAGES)
def test_every_public_page_renders_with_the_govuk_layout(practitioner, library, name, args):
    response = practitioner.get(reverse(name, args=args))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="govuk-template"' in html and 'lang="en-GB"' in html
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert "/static/govuk/govuk-frontend.min.css" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1


@pytest.mark.django_db
def test_a_review_page_shows_metadata_summary_and_tagged_findings(practitioner, library):
    html = practitioner.get(library["new"].get_absolute_url()).content.decode()
    assert "govuk-summary-list" in html
    for text in [
        "Northshire Safeguarding Children Partnership",
        "Local child safeguarding practice review",
        "Under 1",
        "Child seriously harmed",
        "Baby New was seven weeks old",
        "Bruising was not referred",
        "Bruising in non-mobile babies",
        "Health visiting",
        "audit the bruising protocol",
    ]:
        assert text in html


@pytest.mark.django_db
def test_the_review_page_of_an_anonymous_review_says_anonymous(practitioner):
    review = make_review(partnership=None, title="Child Z")
    assert "Anonymous" in practitioner.get(review.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_review_list_is_newest_first_and_filters_by_nation_type_and_year(practitioner, library):
    make_review(title="Child Welsh", nation="wales", review_type="cpr", publication_year=2015)
    titles = [r.title for r in practitioner.get(reverse("review-list")).context["page"]]
    assert titles == ["Baby New", "Child Welsh", "Child Old"]
    assert [r.title for r in practitioner.get(reverse("review-list") + "?nation=wales").context["page"]] == [
        "Child Welsh"
    ]
    assert [r.title for r in practitioner.get(reverse("review-list") + "?review_type=scr").context["page"]] == [
        "Child Old"
    ]
    assert [r.title for r in practitioner.get(reverse("review-list") + "?year=2024").context["page"]] == ["Baby New"]


@pytest.mark.django_db
def test_a_bad_year_filter_is_explained_not_ignored(practitioner, library):
    html = practitioner.get(reverse("review-list") + "?year=twenty").content.decode()
    assert "Enter a year as four digits" in html


@pytest.mark.django_db
@override_settings(PAGE_SIZE=2)
def test_pagination_keeps_the_filters(practitioner):
    for n in range(5):
        make_review(title=f"Child W{n}", nation="wales", review_type="cpr", publication_year=2015 + n)
    make_review(title="Child England")
    first = practitioner.get(reverse("review-list") + "?nation=wales")
    assert first.context["page"].paginator.count == 5
    html = first.content.decode()
    assert "?nation=wales&amp;page=2" in html
    second = practitioner.get(reverse("review-list") + "?nation=wales&page=2")
    assert [r.title for r in second.context["page"]] == ["Child W2", "Child W1"]


@pytest.mark.django_db
def test_a_theme_page_lists_its_findings_newest_first_with_links_to_their_reviews(practitioner, library):
    response = practitioner.get(reverse("theme-detail", args=["bruising-non-mobile"]))
    assert [f.title for f in response.context["page"]] == ["Bruising was not referred", "Bruising seen by the GP"]
    html = response.content.decode()
    assert library["new"].get_absolute_url() in html and library["old"].get_absolute_url() in html
    assert "Nobody asked about the new partner" not in html
    assert "2 findings from 2 reviews" in html


@pytest.mark.django_db
def test_the_theme_index_shows_both_facets_with_counts(practitioner, library):
    facets = practitioner.get(reverse("theme-index")).context["facets"]
    assert [facet.value for facet, _ in facets] == ["practice", "context"]
    assert sum(len(themes) for _, themes in facets) == 41
    counts = {t.slug: (t.finding_count, t.review_count) for _, themes in facets for t in themes}
    assert counts["bruising-non-mobile"] == (2, 2)
    assert counts["unseen-men"] == (1, 1)


@pytest.mark.django_db
def test_a_review_tagged_with_a_theme_as_a_whole_counts_towards_it(practitioner, library):
    tagged = make_review(title="Child Tagged")
    tagged.themes.add(*Theme.objects.filter(slug="neglect"))
    response = practitioner.get(reverse("theme-detail", args=["neglect"]))
    assert response.context["theme"].review_count == 1
    assert "Child Tagged" in response.content.decode()


@pytest.mark.django_db
def test_the_agency_pages_list_sectors_and_findings(practitioner, library):
    sectors = practitioner.get(reverse("agency-index")).context["sectors"]
    assert [sector.label for sector, _ in sectors][:3] == ["Children's social care", "Police", "Health"]
    html = practitioner.get(reverse("agency-detail", args=["police"])).content.decode()
    assert "Nobody asked about the new partner" in html and "Bruising was not referred" not in html


@pytest.mark.django_db
def test_the_home_page_counts_and_lists_the_latest_reviews(practitioner, library):
    response = practitioner.get(reverse("home"))
    assert response.context["review_count"] == 2 and response.context["finding_count"] == 3
    assert (response.context["first_year"], response.context["last_year"]) == (2010, 2024)
    assert [r.title for r in response.context["latest_reviews"]] == ["Baby New", "Child Old"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/reviews/no-such-review/", "/themes/no-such-theme/", "/agencies/no-such-agency/"])
def test_unknown_slugs_are_404(practitioner, url):
    assert practitioner.get(url).status_code == 404


@pytest.mark.django_db
def test_review_text_from_uploads_is_escaped(practitioner):
    review = make_review(summary="<script>alert('x')</script> summary")
    make_finding(review, title="<b>bold</b> title", text="<img src=x onerror=alert(1)>")
    html = practitioner.get(review.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html


@pytest.mark.django_db
def test_the_govuk_frontend_stylesheet_and_its_fonts_are_served(practitioner):
    css = practitioner.get("/static/govuk/govuk-frontend.min.css")
    assert css.status_code == 200
    body = b"".join(css.streaming_content).decode()
    assert "url(/assets/" not in body and "url(assets/fonts/" in body
    font = re.search(r"url\((assets/fonts/[^)]+\.woff2)\)", body).group(1)
    assert practitioner.get(f"/static/govuk/{font}").status_code == 200


@pytest.mark.django_db
def test_the_admin_lists_every_model(curator):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(is_staff=True).update(is_superuser=True)
    review = make_review(Review.Status.DRAFT)
    make_finding(review)
    for url in [
        "/admin/reviews/review/",
        "/admin/reviews/reviewdocument/",
        "/admin/reviews/statuschange/",
        "/admin/findings/finding/",
        "/admin/findings/theme/",
        "/admin/agencies/agency/",
        "/admin/agencies/partnership/",
        f"/admin/reviews/review/{review.pk}/change/",
    ]:
        assert curator.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_theme_page_shows_its_findings_by_year_co_occurring_themes_and_agencies(practitioner, library):
    make_review(Review.Status.DRAFT, title="Draft", publication_year=2015)
    hidden = make_review(Review.Status.SUBMITTED, publication_year=2016)
    make_finding(hidden, title="Hidden", themes=["bruising-non-mobile", "neglect"], agencies=["police"])
    response = practitioner.get(reverse("theme-detail", args=["bruising-non-mobile"]))
    by_year = response.context["by_year"]
    assert by_year[0] == (2010, 1, 1) and by_year[-1] == (2024, 1, 1)
    assert len(by_year) == 15 and sum(f for _, f, _ in by_year) == 2
    assert list(response.context["co_occurring"]) == []
    agencies = {row["agency__slug"]: row["n"] for row in response.context["top_agencies"]}
    assert agencies == {"health-visiting": 1, "gp-and-primary-care": 1}
    html = response.content.decode()
    assert "Findings and reviews by year, as a table" in html and "<caption" in html


@pytest.mark.django_db
def test_co_occurring_themes_count_shared_findings(practitioner):
    review = make_review()
    make_finding(review, themes=["domestic-abuse", "unseen-men"])
    make_finding(review, themes=["domestic-abuse", "unseen-men", "escalation"])
    rows = practitioner.get(reverse("theme-detail", args=["domestic-abuse"])).context["co_occurring"]
    assert [(r["theme__slug"], r["n"]) for r in rows] == [("unseen-men", 2), ("escalation", 1)]


@pytest.mark.django_db
def test_the_home_page_browses_by_year_and_nation(practitioner, library):
    make_review(title="Child Welsh", nation="wales", review_type="cpr", publication_year=2019)
    make_review(Review.Status.SUBMITTED, nation="wales", review_type="cpr", publication_year=2019)
    browse = practitioner.get(reverse("home")).context["browse"]
    rows = dict(browse["rows"])
    assert [count for nation, _, count in rows[2019] if nation == "wales"] == [1]
    html = practitioner.get(reverse("home")).content.decode()
    assert "level=reviews&amp;nation=wales&amp;year_from=2019&amp;year_to=2019" in html
    everything = practitioner.get(
        reverse("search"), {"level": "reviews", "nation": "wales", "year_from": 2019, "year_to": 2019}
    )
    assert [r.title for r in everything.context["results"].results] == ["Child Welsh"]


def test_a_findings_label_and_questions_for_the_partnership_are_shown_and_given_by_the_api(practitioner):
    review = make_review(publication_year=2021)
    finding = make_finding(
        review,
        label="Finding 2",
        title="Missed appointments were treated one at a time",
        questions="How will the Board know that missed appointments are seen together?\n"
        "Should forms say was not brought?",
    )

    page = practitioner.get(review.get_absolute_url()).content.decode()
    answer = practitioner.get(reverse("api-review", args=[review.public_id])).json()

    assert '<span class="govuk-caption-m">Finding 2</span>Missed appointments were treated one at a time' in page
    assert "Questions for the partnership" in page and "<li>Should forms say was not brought?</li>" in page
    (given,) = answer["findings"]
    assert given["label"] == "Finding 2" and given["questions"][1] == "Should forms say was not brought?"
    assert finding.question_list == given["questions"]


def test_a_review_page_names_the_published_recurring_lessons_its_findings_belong_to(practitioner, curator):
    review = make_review(title="Child R")
    finding = make_finding(review, title="The partner was not assessed")
    published = Lesson.objects.create(statement="The man in the household was not assessed")
    published.publish()
    draft = Lesson.objects.create(statement="A lesson still being written")
    for lesson in (published, draft):
        lesson.link(finding)

    page = practitioner.get(review.get_absolute_url()).content.decode()
    assert f'href="{published.get_absolute_url()}">The man in the household was not assessed</a>' in page
    assert "A lesson still being written" not in page
    assert "A lesson still being written" in curator.get(review.get_absolute_url()).content.decode()


def test_a_partnership_page_lists_the_reviews_a_reader_may_see_and_leads_to_their_findings(practitioner, curator):
    northshire = make_partnership(name="Northshire Safeguarding Children Partnership")
    published = make_review(title="Child R", partnership=northshire)
    draft = make_review(Review.Status.DRAFT, title="Child Unpublished", partnership=northshire)
    url = reverse("partnership-detail", args=[northshire.slug])

    page = practitioner.get(url).content.decode()

    assert "Northshire Safeguarding Children Partnership" in page and published.title in page
    assert draft.title not in page
    assert f"?partnership={northshire.slug}&amp;level=findings" in page
    assert f'href="{url}"' in practitioner.get(published.get_absolute_url()).content.decode()
    assert draft.title in curator.get(url).content.decode()


def test_a_partnership_with_nothing_published_has_no_public_page(practitioner):
    quiet = make_partnership(name="Quietshire Safeguarding Children Partnership")
    make_review(Review.Status.SUBMITTED, title="Child Hidden", partnership=quiet)
    assert practitioner.get(reverse("partnership-detail", args=[quiet.slug])).status_code == 404


def test_search_filters_by_partnership_and_counts_it(practitioner):
    north, south = make_partnership(name="Northshire Board"), make_partnership(name="Southshire Board")
    make_finding(make_review(title="Child N", partnership=north), title="Neglect was not named", themes=["neglect"])
    make_finding(make_review(title="Child S", partnership=south), title="Neglect was missed", themes=["neglect"])

    page = practitioner.get(reverse("search"), {"q": "neglect", "partnership": north.slug}).content.decode()

    assert "Neglect was not named" in page and "Neglect was missed" not in page
    assert f'value="{north.slug}" checked' in page
