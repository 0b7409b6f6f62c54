"""Every change to reviews, findings, themes, lessons and their links is recorded: who, when, what."""

import pghistory
import pytest
from django.test import Client
from django.urls import reverse

from findings.models import Lesson, Theme
from reviews.models import Review
from tests.factories import make_finding, make_review, make_user, sign_in


def history_page(client, review):
    return client.get(reverse("review-history", kwargs={"slug": review.slug}))


@pytest.mark.django_db
def test_a_review_s_history_shows_who_changed_what_in_it_and_its_findings():
    editor = make_user(staff=True, first_name="Pat", last_name="Curator")
    review = make_review(Review.Status.IN_CURATION, title="Child J")
    finding = make_finding(review, title="Information was not shared")
    with pghistory.context(user=editor.pk, url="/test"):
        finding.title = "Police information was not shared with health visiting"
        finding.save()
        finding.themes.add(Theme.objects.get(slug="information-sharing"))
    client = Client()
    sign_in(client, editor)
    page = history_page(client, review).content.decode()
    assert "Pat Curator" in page
    assert "Finding update" in page
    assert "Information was not shared → Police information was not shared with health visiting" in page
    assert "Finding theme add" in page


@pytest.mark.django_db
def test_status_changes_are_in_the_history_and_stay_after_withdrawal(curator):
    review = make_review(Review.Status.PUBLISHED)
    review.withdraw(reason="The family asked for it to be taken down")
    page = history_page(curator, review).content.decode()
    assert "published → withdrawn" in page
    assert "The family asked for it to be taken down" in page


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["practitioner", "outsider"])
def test_only_curators_see_history(persona, request):
    client = request.getfixturevalue(persona)
    review = make_review(Review.Status.PUBLISHED)
    lesson = Lesson.objects.create(statement="Bruises on non-mobile babies were not referred")
    lesson.publish()
    assert history_page(client, review).status_code in (302, 404)
    assert client.get(reverse("lesson-history", kwargs={"slug": lesson.slug})).status_code in (302, 404)
    if persona == "outsider":
        assert history_page(client, review).status_code == 404


@pytest.mark.django_db
def test_a_lesson_s_history_records_its_links(curator):
    lesson = Lesson.objects.create(statement="Bruises on non-mobile babies were not referred")
    finding = make_finding(make_review(), title="The bruise was not referred")
    lesson.link(finding)
    page = curator.get(reverse("lesson-history", kwargs={"slug": lesson.slug})).content.decode()
    assert "Lesson insert" in page
    assert "Lesson finding add" in page
