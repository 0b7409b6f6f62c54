"""Recurring lessons: curators write them, link findings from the search results and publish them; the
public sees published lessons on their own pages, on theme pages, in search and in the API."""

import uuid

import pytest
from django.urls import reverse

from findings.models import Lesson, Theme
from search.engine import search
from tests.factories import make_finding, make_partnership, make_review, make_user

pytestmark = pytest.mark.django_db

STATEMENT = "Bruises on babies who could not crawl were not referred for a child protection medical"


@pytest.fixture
def bruising():
    """Three published reviews (two nations, three years) whose findings each found the same thing."""
    valleyside = make_partnership(name="Valleyside Safeguarding Board", nation="wales", region="")
    reviews = [
        make_review(title="Baby Ash", publication_year=2019),
        make_review(title="Baby Birch", publication_year=2022),
        make_review(
            title="Baby Cedar", publication_year=2023, nation="wales", review_type="cpr", partnership=valleyside
        ),
    ]
    return [
        make_finding(
            review,
            title=f"The bruise seen on {review.title} was not referred",
            text="A health visitor saw a small bruise on the baby's ear and accepted the explanation.",
            themes=["bruising-non-mobile"],
        )
        for review in reviews
    ]


def make_lesson(findings=(), *, published=True, **fields):
    fields.setdefault("statement", STATEMENT)
    fields.setdefault("summary", "Practitioners accepted explanations for bruising that the protocol says to refer.")
    lesson = Lesson.objects.create(**fields)
    lesson.themes.set(Theme.objects.filter(slug="bruising-non-mobile"))
    for finding in findings:
        lesson.link(finding)
    if published:
        lesson.publish()
    return lesson


MANAGEMENT = [
    ("get", "lesson-manage", False),
    ("get", "lesson-new", False),
    ("post", "lesson-new", False),
    ("post", "lesson-link", False),
    ("get", "lesson-edit", True),
    ("post", "lesson-edit", True),
    ("post", "lesson-publish", True),
    ("post", "lesson-unpublish", True),
]


@pytest.mark.parametrize(("method", "name", "by_slug"), MANAGEMENT)
def test_signed_in_non_curators_get_404_on_every_lesson_management_page_and_post(
    outsider, bruising, method, name, by_slug
):
    lesson = make_lesson(published=False)
    url = reverse(name, args=[lesson.slug] if by_slug else [])
    data = {"statement": "Changed", "lesson": lesson.pk, "finding": bruising[0].pk}
    assert getattr(outsider, method)(url, data).status_code == 404
    lesson.refresh_from_db()
    assert (lesson.statement, lesson.status, lesson.findings.count()) == (STATEMENT, "draft", 0)
    assert Lesson.objects.count() == 1


def test_signed_in_non_curators_cannot_unlink_findings(outsider, bruising):
    lesson = make_lesson(bruising)
    response = outsider.post(reverse("lesson-unlink", args=[lesson.slug, bruising[0].pk]))
    assert response.status_code == 404 and lesson.findings.count() == 3


@pytest.mark.parametrize("name", ["lesson-manage", "lesson-new"])
def test_signed_out_visitors_are_sent_to_sign_in(practitioner, name):
    response = practitioner.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("sign-in"))


def test_a_curator_creates_a_lesson_as_a_draft(curator):
    themes = Theme.objects.filter(slug__in=["bruising-non-mobile", "professional-curiosity"])
    response = curator.post(
        reverse("lesson-new"),
        {"statement": STATEMENT, "summary": "Explanations were accepted.", "themes": [t.pk for t in themes]},
    )
    lesson = Lesson.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("lesson-edit", args=[lesson.slug])
    assert (lesson.status, lesson.summary) == ("draft", "Explanations were accepted.")
    assert set(lesson.themes.values_list("slug", flat=True)) == {"bruising-non-mobile", "professional-curiosity"}
    assert lesson.created_by is not None and lesson.slug.startswith("bruises-on-babies")


def test_a_lesson_needs_a_statement(curator):
    response = curator.post(reverse("lesson-new"), {"statement": "", "summary": "Something"})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert "Enter the lesson as a statement" in html and 'href="#id_statement"' in html
    assert not Lesson.objects.exists()


def test_a_curator_changes_a_lesson_and_its_address_stays(curator):
    lesson = make_lesson()
    response = curator.post(
        reverse("lesson-edit", args=[lesson.slug]), {"statement": "Bruises were explained away", "summary": ""}
    )
    assert response.status_code == 302
    changed = Lesson.objects.get()
    assert (changed.statement, changed.slug, changed.themes.count()) == ("Bruises were explained away", lesson.slug, 0)


def test_curators_get_a_link_form_on_each_finding_in_the_search_results(curator, bruising):
    lesson = make_lesson(published=False)
    html = curator.get(reverse("search"), {"q": "bruise"}).content.decode()
    for finding in bruising:
        assert f'<form id="lesson-link-{finding.pk}" method="post"' in html
        assert html.count(f'form="lesson-link-{finding.pk}"') == 2  # the lesson select and the button
    assert f'<option value="{lesson.pk}">{STATEMENT} (draft)</option>' in html


def test_the_link_forms_stand_outside_the_search_form(curator, bruising):
    make_lesson()
    html = curator.get(reverse("search"), {"q": "bruise"}).content.decode()
    search_form_end = html.index("</form>", html.index('<form method="get"'))
    assert html.index('<form id="lesson-link-') > search_form_end


@pytest.mark.parametrize("persona", ["practitioner", "outsider"])
def test_no_one_else_gets_the_link_form(request, bruising, persona):
    make_lesson()
    html = request.getfixturevalue(persona).get(reverse("search"), {"q": "bruise"}).content.decode()
    assert "lesson-link" not in html and "Link to lesson" not in html


def test_linking_a_finding_from_the_search_results_goes_back_to_the_same_search(curator, bruising):
    lesson = make_lesson(published=False)
    back = reverse("search") + "?q=bruise&nation=england"
    response = curator.post(reverse("lesson-link"), {"lesson": lesson.pk, "finding": bruising[0].pk, "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert list(lesson.findings.all()) == [bruising[0]]
    assert lesson.links.get().added_by is not None
    page = curator.get(back)
    assert "is now linked to the lesson" in page.content.decode()


def test_linking_without_choosing_a_lesson_says_so(curator, bruising):
    make_lesson(published=False)
    response = curator.post(
        reverse("lesson-link"), {"lesson": "", "finding": bruising[0].pk, "next": "/search/?q=bruise"}, follow=True
    )
    assert "Choose the lesson to link the finding to" in response.content.decode()
    assert not Lesson.objects.get().findings.exists()


def test_linking_never_redirects_to_another_site(curator, bruising):
    lesson = make_lesson(published=False)
    response = curator.post(
        reverse("lesson-link"), {"lesson": lesson.pk, "finding": bruising[0].pk, "next": "https://example.com/"}
    )
    assert response["Location"] == reverse("search")


def test_a_curator_unlinks_a_finding(curator, bruising):
    lesson = make_lesson(bruising)
    response = curator.post(reverse("lesson-unlink", args=[lesson.slug, bruising[0].pk]))
    assert response.status_code == 302
    assert set(lesson.findings.all()) == set(bruising[1:])


def test_publishing_a_lesson_shows_it_to_everyone(curator, practitioner, bruising):
    lesson = make_lesson(bruising, published=False)
    assert practitioner.get(lesson.get_absolute_url()).status_code == 404
    curator.post(reverse("lesson-publish", args=[lesson.slug]))
    lesson.refresh_from_db()
    assert lesson.status == "published" and lesson.published_at is not None
    assert practitioner.get(lesson.get_absolute_url()).status_code == 200
    assert [lesson] == list(practitioner.get(reverse("lesson-index")).context["lessons"])


def test_unpublishing_a_lesson_hides_it_again(curator, practitioner, bruising):
    lesson = make_lesson(bruising)
    curator.post(reverse("lesson-unpublish", args=[lesson.slug]))
    assert practitioner.get(lesson.get_absolute_url()).status_code == 404


def test_a_draft_lesson_is_404_for_the_public_and_absent_from_the_index(practitioner, outsider, curator, bruising):
    draft = make_lesson(bruising, published=False)
    for client in (practitioner, outsider):
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert client.get(reverse("api-lesson", args=[draft.public_id])).status_code == 404
        assert STATEMENT not in client.get(reverse("lesson-index")).content.decode()
    assert curator.get(draft.get_absolute_url()).status_code == 200


def test_the_lesson_page_shows_how_many_reviews_found_it_in_which_years_and_nations(practitioner, bruising):
    lesson = make_lesson(bruising)
    response = practitioner.get(lesson.get_absolute_url())
    html = response.content.decode()
    assert response.context["reach"] == {"reviews": 3, "years": [2019, 2022, 2023], "nations": ["england", "wales"]}
    assert "3 reviews" in html and "2019, 2022, 2023" in html and "England, Wales" in html
    assert STATEMENT in html and "Practitioners accepted explanations" in html
    assert 'href="/themes/bruising-non-mobile/"' in html


def test_the_lesson_page_lists_each_finding_with_its_review(practitioner, bruising):
    lesson = make_lesson(bruising)
    html = practitioner.get(lesson.get_absolute_url()).content.decode()
    cedar = bruising[2]
    assert f'href="{cedar.get_absolute_url()}"' in html and f'href="{cedar.review.get_absolute_url()}"' in html
    assert "Baby Cedar" in html and "Valleyside" in html and "2023" in html


def test_a_finding_of_a_withdrawn_review_disappears_from_the_lesson_page_and_counts(practitioner, bruising):
    lesson = make_lesson(bruising)
    bruising[2].review.withdraw(reason="Published in error")
    response = practitioner.get(lesson.get_absolute_url())
    assert list(response.context["findings"]) == [bruising[1], bruising[0]]  # newest review first
    assert response.context["reach"] == {"reviews": 2, "years": [2019, 2022], "nations": ["england"]}
    assert "Baby Cedar" not in response.content.decode()
    index = practitioner.get(reverse("lesson-index")).context["lessons"]
    assert [lesson.review_count for lesson in index] == [2]


def test_a_finding_of_an_unpublished_review_never_shows_on_a_lesson_page(practitioner, bruising):
    hidden = make_finding(make_review("in_curation", title="Baby Secret"), title="Secret bruise finding")
    lesson = make_lesson([*bruising, hidden])
    html = practitioner.get(lesson.get_absolute_url()).content.decode()
    assert "Secret" not in html


def test_the_lessons_index_says_how_many_reviews_found_each_lesson(practitioner, bruising):
    make_lesson(bruising)
    make_lesson(bruising[:1], statement="Fathers were not asked about the baby's care")
    response = practitioner.get(reverse("lesson-index"))
    html = response.content.decode()
    assert [(x.statement[:7], x.review_count) for x in response.context["lessons"]] == [("Bruises", 3), ("Fathers", 1)]
    assert "Found by 3 reviews" in html and "Found by 1 review<" in html


def test_lesson_text_is_escaped(practitioner):
    lesson = make_lesson(statement="<script>alert(1)</script> lesson", summary="<b>bold</b> summary")
    html = practitioner.get(lesson.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html


def test_the_navigation_offers_lessons(practitioner):
    navigation = practitioner.get(reverse("lesson-index")).context["navigation"]
    labels = [item["label"] for item in navigation]
    assert labels[labels.index("Themes") + 1] == "Lessons"
    assert next(item for item in navigation if item["label"] == "Lessons")["current"]


def test_search_shows_matching_lessons_above_the_results(practitioner, bruising):
    lesson = make_lesson(bruising)
    make_lesson(statement="Fathers were not asked about the baby's care", summary="")
    response = practitioner.get(reverse("search"), {"q": "bruises not referred"})
    assert [x.pk for x in response.context["results"].lessons] == [lesson.pk]
    html = response.content.decode()
    assert html.index("Recurring lessons") < html.index(bruising[0].title)
    assert f'href="{lesson.get_absolute_url()}"' in html and "Found by 3 reviews" in html


def test_lessons_match_their_summary_and_theme_names(bruising):
    lesson = make_lesson(bruising, statement="Explanations were accepted without question")
    assert [x.pk for x in search("non-mobile babies").lessons] == [lesson.pk]
    assert [x.pk for x in search("protocol").lessons] == [lesson.pk]
    assert search("fathers").lessons == []


def test_search_ranks_at_most_five_lessons_best_first(bruising):
    for n in range(6):
        make_lesson(statement=f"Lesson {n} about a bruise", summary="")
    best = make_lesson(statement="Bruise after bruise: bruising on babies", summary="A bruise was seen.")
    lessons = search("bruise").lessons
    assert len(lessons) == 5 and lessons[0].pk == best.pk


def test_lessons_appear_on_the_first_page_of_results_only(practitioner, bruising):
    make_lesson(bruising)
    assert search("bruise", page_size=1).lessons
    assert search("bruise", page=2, page_size=1).lessons == []


def test_search_never_shows_a_draft_lesson_to_the_public(practitioner, bruising):
    make_lesson(bruising, published=False)
    assert search("bruise").lessons == []
    assert search("bruise", user=make_user(staff=True)).lessons != []
    assert "Recurring lessons" not in practitioner.get(reverse("search"), {"q": "bruise"}).content.decode()


def test_api_search_responses_include_matching_lessons(practitioner, bruising):
    lesson = make_lesson(bruising)
    make_lesson(bruising, statement="A draft about bruises", published=False)
    body = practitioner.get(reverse("api-search"), {"q": "bruise"}).json()
    assert body["lessons"] == [
        {
            "id": str(lesson.public_id),
            "statement": STATEMENT,
            "url": f"http://testserver{lesson.get_absolute_url()}",
            "themes": ["bruising-non-mobile"],
            "reviews": 3,
        }
    ]
    assert practitioner.get(reverse("api-search"), {"q": "neglect"}).json()["lessons"] == []


def test_the_api_lists_published_lessons_only(practitioner, bruising):
    lesson = make_lesson(bruising)
    make_lesson(statement="A draft lesson", published=False)
    results = practitioner.get(reverse("api-lessons")).json()["results"]
    assert [(r["id"], r["reviews"], r["summary"][:13]) for r in results] == [
        (str(lesson.public_id), 3, "Practitioners")
    ]


def test_the_api_gives_one_lesson_with_its_published_findings(practitioner, bruising):
    lesson = make_lesson(bruising)
    bruising[0].review.withdraw(reason="Published in error")
    body = practitioner.get(reverse("api-lesson", args=[lesson.public_id])).json()
    assert (body["statement"], body["reviews"], body["years"], body["nations"]) == (
        STATEMENT,
        2,
        [2022, 2023],
        ["england", "wales"],
    )
    assert [f["id"] for f in body["findings"]] == [bruising[2].pk, bruising[1].pk]
    assert body["findings"][0]["review"]["title"] == "Baby Cedar"
    assert practitioner.get(reverse("api-lesson", args=[lesson.slug])).json()["id"] == str(lesson.public_id)


def test_an_unknown_lesson_is_404_in_the_api(practitioner):
    for lesson_id in (str(uuid.uuid4()), "no-such-lesson"):
        response = practitioner.get(reverse("api-lesson", args=[lesson_id]))
        assert response.status_code == 404 and response.json()["error"]


def test_the_api_schema_and_documentation_describe_lessons(practitioner):
    schema = practitioner.get(reverse("api-schema")).json()
    assert {"/api/v1/lessons", "/api/v1/lessons/{id}"} <= set(schema["paths"])
    assert schema["components"]["schemas"]["SearchPage"]["properties"]["lessons"]["items"] == {
        "$ref": "#/components/schemas/Lesson"
    }
    assert "/api/v1/lessons" in practitioner.get(reverse("api-docs")).content.decode()


def test_a_theme_page_lists_its_published_lessons(practitioner, bruising):
    lesson = make_lesson(bruising)
    make_lesson(statement="A draft lesson on bruising", published=False)
    response = practitioner.get(reverse("theme-detail", args=["bruising-non-mobile"]))
    assert list(response.context["lessons"]) == [lesson]
    html = response.content.decode()
    assert f'href="{lesson.get_absolute_url()}"' in html and "A draft lesson" not in html
    assert practitioner.get(reverse("theme-detail", args=["neglect"])).context["lessons"].count() == 0
