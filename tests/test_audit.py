"""Every change to reviews, findings, themes, lessons and their links is recorded: who, when, what."""

import pghistory
import pytest
from django.test import Client
from django.urls import reverse

from agencies.models import Agency
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
    position = finding.position
    assert f"Finding {position} “Police information was not shared with health visiting” changed" in page
    assert "Information was not shared → Police information was not shared with health visiting" in page
    title = "Police information was not shared with health visiting"
    assert f"Theme “Information sharing” added to finding {position} “{title}”" in page


@pytest.mark.django_db
def test_status_changes_are_in_the_history_and_stay_after_withdrawal(curator):
    review = make_review(Review.Status.PUBLISHED)
    review.withdraw(reason="The family asked for it to be taken down")
    page = history_page(curator, review).content.decode()
    assert "Status changed from “Published” to “Withdrawn”" in page
    assert "Published → Withdrawn" in page
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
    assert "Lesson added" in page
    assert f"Finding {finding.position} “The bruise was not referred” linked to the lesson" in page


@pytest.mark.django_db
def test_a_long_text_change_is_shown_as_the_words_removed_and_added(curator):
    review = make_review(Review.Status.IN_CURATION)
    before = (
        "The midwife booked the pregnancy late and noted a previous relationship marked by domestic abuse. "
        "The health visitor saw the baby at home and recorded that all was well. "
        "Nobody asked who else lived in the flat or looked after the baby in the evenings."
    )
    finding = make_finding(review, title="Seen at home", text=before)
    finding.text = before.replace("all was well", "the baby had a bruise", 1)
    finding.save()
    page = history_page(curator, review).content.decode()
    assert '<del><span class="govuk-visually-hidden">removed: </span>all was well.</del>' in page
    assert '<ins><span class="govuk-visually-hidden">added: </span>the baby had a bruise.</ins>' in page
    assert "…" in page  # the unchanged rest is cut


@pytest.mark.django_db
def test_an_agency_removed_from_a_finding_is_named(curator):
    review = make_review(Review.Status.IN_CURATION)
    finding = make_finding(review, title="Police were not told")
    police = Agency.objects.filter(name__icontains="police").first()
    finding.agencies.add(police)
    finding.agencies.remove(police)
    page = history_page(curator, review).content.decode()
    assert f"Agency “{police.name}” removed from finding {finding.position} “Police were not told”" in page


@pytest.mark.django_db
def test_history_is_linked_from_the_review_page_the_curation_screen_and_the_lesson_page_for_curators(
    curator, practitioner
):
    review = make_review(Review.Status.PUBLISHED)
    lesson = Lesson.objects.create(statement="Bruises on non-mobile babies were not referred")
    lesson.publish()
    history = reverse("review-history", kwargs={"slug": review.slug})
    assert history in curator.get(review.get_absolute_url()).content.decode()
    assert history in curator.get(reverse("curation-review", kwargs={"slug": review.slug})).content.decode()
    lesson_history = reverse("lesson-history", kwargs={"slug": lesson.slug})
    assert lesson_history in curator.get(lesson.get_absolute_url()).content.decode()
    assert history not in practitioner.get(review.get_absolute_url()).content.decode()
