"""After publication the partnership that published a review records the response to each recommendation and the
actions taken, with dates; curators record responses to national ones; the public sees responses, actions and
status but never internal notes; overdue actions show on "Your reviews" and the partnership's page; every change
is in the audit history."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from findings.models import Action, Recommendation, Theme
from reviews.models import Review
from tests.factories import make_finding, make_recommendation, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(author):
    review = make_review(title="Child T", partnership=author.partnership)
    finding = make_finding(review, title="Hunger was not noticed")
    return make_recommendation(review, "Schools should record when a child is hungry.", label="1", findings=[finding])


def track_url(recommendation):
    return reverse("recommendation-track", args=[recommendation.review.slug, recommendation.pk])


def add_action_url(recommendation):
    return reverse("recommendation-action-add", args=[recommendation.review.slug, recommendation.pk])


def test_the_publishing_partnerships_author_records_a_response_and_an_action_the_public_sees_without_the_note(
    author, client, recommendation
):
    author.post(track_url(recommendation), {"response": "partly-accepted", "response_reasons": "Only in secondary "
                "schools.", "responded_at": "2026-02-01"})  # fmt: skip
    author.post(add_action_url(recommendation), {
        "text": "Add hunger to the attendance checklist.", "owner_text": "Education safeguarding team",
        "due": "2026-09-30", "status": "in-progress", "evidence": "Checklist at https://example.org/checklist",
        "internal_note": "Head of service is reluctant.",
    })  # fmt: skip

    recommendation.refresh_from_db()
    assert (recommendation.response, recommendation.responded_at) == ("partly-accepted", datetime.date(2026, 2, 1))
    page = client.get(recommendation.review.get_absolute_url()).content.decode()
    assert "Partly accepted, 1 February 2026: Only in secondary schools." in page
    assert "Add hunger to the attendance checklist." in page and "due 30 September 2026" in page
    assert '<a href="https://example.org/checklist"' in page
    assert "reluctant" not in page and "Record the response and actions" not in page
    tracking = author.get(track_url(recommendation)).content.decode()
    assert "Internal note:</span> Head of service is reluctant." in tracking


def test_a_response_not_accepting_in_full_needs_its_reasons(author, recommendation):
    answer = author.post(track_url(recommendation), {"response": "not-accepted"})

    page = answer.content.decode()
    assert answer.status_code == 400 and "<title>Error: " in page and "Enter why it was not accepted in full." in page
    assert Recommendation.objects.get(pk=recommendation.pk).response == ""


def test_only_the_publishing_partnership_and_curators_track_and_national_ones_are_the_curators(
    author, other_author, practitioner, curator, recommendation
):
    assert other_author.get(track_url(recommendation)).status_code == 404
    assert practitioner.get(track_url(recommendation)).status_code == 302  # to sign in
    assert curator.get(track_url(recommendation)).status_code == 200
    national = make_recommendation(recommendation.review, "The Department for Education should issue guidance.",
                                   kind="national", addressee="national")  # fmt: skip
    assert author.get(track_url(national)).status_code == 404
    assert curator.post(track_url(national), {"response": "accepted"}).status_code == 302
    draft = make_review(Review.Status.DRAFT, title="Child D", partnership=author.partnership)
    assert author.get(track_url(make_recommendation(draft, "The partnership should act."))).status_code == 404


def test_a_completed_action_keeps_its_date_and_an_overdue_one_shows_on_your_reviews_and_the_partnership_page(
    author, client, recommendation
):
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    done = Action.objects.create(recommendation=recommendation, text="Train the school nurses.", due=last_week)
    late = Action.objects.create(recommendation=recommendation, text="Audit the attendance records.", due=last_week)
    author.post(reverse("recommendation-action-edit", args=[recommendation.review.slug, recommendation.pk, done.pk]),
                {"text": done.text, "status": "completed", "due": str(last_week)})  # fmt: skip

    done.refresh_from_db()
    assert done.completed_at == timezone.localdate() and not done.is_overdue and late.is_overdue
    mine = author.get(reverse("review-mine")).content.decode()
    assert "1 overdue action" in mine and "Audit the attendance records." in mine and "Train the school" not in mine
    partnership = client.get(reverse("partnership-detail", args=[author.partnership.slug])).content.decode()
    assert "Overdue</strong>" in partnership and "Audit the attendance records." in partnership
    assert "Train the school nurses." not in partnership  # completed


def test_every_change_of_a_response_or_an_action_is_in_the_audit_history(author, recommendation):
    events = Recommendation.pgh_event_model.objects.filter(pgh_obj=recommendation)
    before = events.count()

    author.post(track_url(recommendation), {"response": "accepted"})
    author.post(add_action_url(recommendation), {"text": "Add hunger to the checklist.", "status": "not-started"})

    assert events.count() == before + 1
    assert Action.pgh_event_model.objects.filter(pgh_obj__recommendation=recommendation).count() == 1


def test_the_reviews_history_says_in_words_what_changed_in_its_recommendations_and_actions(
    author, curator, recommendation
):
    author.post(track_url(recommendation), {"response": "accepted"})
    author.post(add_action_url(recommendation), {"text": "Add hunger to the checklist.", "status": "not-started"})

    page = curator.get(reverse("review-history", args=[recommendation.review.slug])).content.decode()

    assert "Recommendation 1 “Schools should record when a child is hungry.” changed" in page
    assert "Action “Add hunger to the checklist.” added" in page
    asked = "Recommendation 1 “Schools should record when a child is hungry.”"
    assert f"{asked} linked to finding 1 “Hunger was not noticed”" in page


def test_the_national_figures_count_made_accepted_and_completed_as_counted_by_hand(client, author):
    """Hand count: 2019 Wales: A (neglect via its finding; accepted; its one action completed). 2021 England:
    B (neglect tagged; partly accepted; one action open), C (police asked; no response), D (not accepted; two
    actions completed). A draft's E is never counted."""
    wales = make_review(title="Child A", nation="wales", review_type="cpr", publication_year=2019)
    a = make_recommendation(wales, "The Board should audit neglect cases.", response="accepted",
                            findings=[make_finding(wales, title="Neglect", themes=["neglect"])])  # fmt: skip
    Action.objects.create(recommendation=a, text="Audit.", status="completed")
    england = make_review(title="Child B", publication_year=2021)
    b = make_recommendation(england, "The partnership should train on neglect.", response="partly-accepted")
    b.themes.set(Theme.objects.filter(slug="neglect"))
    Action.objects.create(recommendation=b, text="Train.", status="in-progress")
    make_recommendation(england, "The police should share incidents.", addressee="agencies", agencies=["police"],
                        kind="single-agency")  # fmt: skip
    d = make_recommendation(england, "The partnership should write a protocol.", response="not-accepted")
    Action.objects.create(recommendation=d, text="Write.", status="completed")
    Action.objects.create(recommendation=d, text="Publish.", status="completed")
    draft = make_review(Review.Status.DRAFT, title="Child E", partnership=author.partnership)
    make_recommendation(draft, "The partnership should act.", response="accepted")

    page = client.get(reverse("recommendation-figures")).content.decode()
    welsh = client.get(reverse("recommendation-figures"), {"nation": "wales"}).content.decode()

    def row(html, name):
        cells = re.search(rf">{re.escape(name)}(?:</a>)?</th>(.*?)</tr>", html, re.DOTALL).group(1)
        return [int(n) for n in re.findall(r">(\d+)</td>", cells)]

    assert "4 recommendations made, 2 accepted, 2 completed." in page
    assert (row(page, "2019"), row(page, "2020"), row(page, "2021")) == ([1, 1, 1], [0, 0, 0], [3, 1, 1])
    assert (row(page, "Wales"), row(page, "England")) == ([1, 1, 1], [3, 1, 1])
    assert row(page, "Neglect") == [2, 2, 1] and row(page, "Police") == [1, 0, 0]
    assert row(page, "The safeguarding partnership") == [3, 2, 2] and row(page, "Agencies") == [1, 0, 0]
    assert "1 recommendation made, 1 accepted, 1 completed." in welsh


def test_a_reversed_year_range_lists_no_figures(client):
    answer = client.get(reverse("recommendation-figures"), {"year_from": 2022, "year_to": 2010})

    page = answer.content.decode()
    assert answer.status_code == 400 and "<title>Error: Recommendations nationally" in page
    assert "The last year must be the same as or after the first year." in page and "recommendations made" not in page
