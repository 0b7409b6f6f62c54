"""Curators take submitted reviews from the queue, edit their details and findings, tag them, link lessons and
move them through the workflow; nobody else sees any of it."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from findings.models import AgencySuggestion, Finding, Lesson, LessonFinding, Theme, ThemeSuggestion
from reviews.models import AnonymisationFlag, Review, ReviewDocument, StatusChange
from tests.factories import make_finding, make_partnership, make_recommendation, make_review, make_user, sign_in
from tests.search_helpers import titles

Status = Review.Status
THREE_SENTENCES = (
    "Health visitors saw the bruise on the baby. The police held notifications of domestic abuse.\n\n"
    "Nobody shared them with the school."
)


def screen_url(review):
    return reverse("curation-review", args=[review.slug])


def action_url(name, review, **kwargs):
    return reverse(name, kwargs={"slug": review.slug, **kwargs})


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def texts(review):
    return [(f.position, f.title, f.text) for f in review.findings.order_by("position")]


def themes_of(finding):
    return set(finding.themes.values_list("slug", flat=True))


def queue_row(html, review):
    match = re.search(rf'<tr class="govuk-table__row" id="review-{review.pk}">(.*?)</tr>', html, re.S)
    assert match, f"{review.title} is not in the queue"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def add_document(review, *, version=1, pages=()):
    return ReviewDocument.objects.create(
        review=review,
        version=version,
        file=f"documents/test/v{version}/review.pdf",
        original_name="review.pdf",
        size=100,
        sha256=f"{version:064d}",
        content_type="application/pdf",
        state=ReviewDocument.State.DONE,
        stage=ReviewDocument.Stage.SUGGESTED,
        pages=[{"number": n, "text": text} for n, text in enumerate(pages, start=1)],
    )


def add_flag(document, text, *, start=0, resolution=AnonymisationFlag.Resolution.OPEN, page=2):
    return AnonymisationFlag.objects.create(
        review=document.review,
        document=document,
        kind="person_name",
        severity=AnonymisationFlag.Severity.BLOCK,
        text=text,
        page=page,
        start=start,
        end=start + len(text),
        resolution=resolution,
    )


def suggest(finding, slug, score=0.8):
    return ThemeSuggestion.objects.create(
        finding=finding,
        theme=Theme.objects.get(slug=slug),
        score=score,
        reasons=[{"keyword": "domestic abuse", "sentence": "The police held notifications of domestic abuse."}],
        source="rules",
    )


@pytest.fixture
def in_curation(db):
    review = make_review(Status.IN_CURATION, title="Child J")
    make_finding(review, title="Missed bruising", text=THREE_SENTENCES, themes=["domestic-abuse"], agencies=["police"])
    make_finding(review, title="Unseen father", text="The father was not asked about.", themes=["unseen-men"])
    make_finding(review, title="Drift", text="Plans drifted without review.", themes=["escalation"])
    return review


# The queue -------------------------------------------------------------------------------------------


def test_the_queue_lists_submitted_and_in_curation_reviews_oldest_first_with_flags_waiting_and_curator(curator):
    jane = make_user(staff=True, first_name="Jane", last_name="Curator")
    recent = make_review(Status.SUBMITTED, title="Child Recent")
    older = make_review(Status.SUBMITTED, title="Child Older")
    taken = make_review(Status.SUBMITTED, title="Child Taken")
    taken.start_curation(by=jane)
    draft = make_review(Status.DRAFT, title="Child Draft")
    published = make_review(Status.PUBLISHED, title="Child Published")
    for review, days in ((older, 3), (taken, 5)):
        StatusChange.objects.filter(review=review, to_status=Status.SUBMITTED).update(
            at=timezone.now() - timedelta(days=days, hours=2)
        )
    make_finding(older)
    make_finding(older)
    superseded = add_document(older, version=1)
    add_flag(superseded, "Anna Smith")  # of an earlier version: not counted
    latest = add_document(older, version=2)
    add_flag(latest, "Anna Smith")
    add_flag(latest, "07700 900123", start=20)
    add_flag(latest, "Northshire Road", start=40, resolution=AnonymisationFlag.Resolution.NOT_IDENTIFYING)

    html = page(curator.get(reverse("curation-queue")))

    assert html.index("Child Taken") < html.index("Child Older") < html.index("Child Recent")
    assert draft.title not in html and published.title not in html
    older_row = queue_row(html, older)
    assert "3 days" in older_row
    assert older.partnership.name in older_row and "England" in older_row
    assert re.search(r"days 2 2 Not taken", older_row), older_row  # 2 open flags, 2 findings
    assert "5 days" in queue_row(html, taken) and "Jane Curator" in queue_row(html, taken)
    assert "Take" in queue_row(html, recent)


def test_taking_a_submitted_review_puts_it_in_curation_with_your_name(curator):
    review = make_review(Status.SUBMITTED, title="Child J")
    user = get_user_model().objects.get(pk=curator.session["_auth_user_id"])

    response = curator.post(action_url("curation-take", review), follow=True)

    review.refresh_from_db()
    assert (review.status, review.curator) == (Status.IN_CURATION, user)
    assert "You are now curating “Child J”" in page(response)
    assert "You" in queue_row(page(curator.get(reverse("curation-queue"))), review)


def test_taking_a_review_someone_else_curates_reassigns_it_and_says_whose_it_was(curator):
    jane = make_user(staff=True, first_name="Jane", last_name="Curator")
    review = make_review(Status.SUBMITTED, title="Child J")
    review.start_curation(by=jane)

    response = curator.post(action_url("curation-take", review), follow=True)

    review.refresh_from_db()
    assert review.status == Status.IN_CURATION
    assert review.curator != jane and review.curator.is_staff
    assert "You have taken “Child J” from Jane Curator." in page(response)


def test_the_navigation_shows_curation_to_curators_only(curator, outsider):
    assert 'href="/curation/"' in page(curator.get(reverse("home")))
    assert 'href="/curation/"' not in page(outsider.get(reverse("home")))


# Who may curate ----------------------------------------------------------------------------------------


@pytest.fixture
def everything(in_curation):
    """A review with a finding of every kind of thing an action touches, and each action's URL and data."""
    first, second, _ = in_curation.findings.order_by("position")
    suggestion = suggest(first, "information-sharing")
    named = AgencySuggestion.objects.create(
        finding=first, agency=Agency.objects.get(slug="police"), phrase="police", sentence="The police attended."
    )
    lesson = Lesson.objects.create(statement="Bruising in babies is not referred")
    lesson.link(first)
    theme = Theme.objects.get(slug="domestic-abuse")
    pk = {"pk": first.pk}
    gets = [
        reverse("curation-queue"),
        screen_url(in_curation),
        *(
            action_url(name, in_curation)
            for name in ("curation-details", "curation-finding-add", "curation-return", "curation-withdraw")
        ),
        *(
            action_url(name, in_curation, **pk)
            for name in (
                "curation-finding-edit",
                "curation-finding-split",
                "curation-finding-delete",
                "curation-themes-add",
                "curation-agencies",
            )
        ),
    ]
    posts = [
        (action_url("curation-take", in_curation), {}),
        (action_url("curation-details", in_curation), {"title": "Child Changed", "nation": "england"}),
        (action_url("curation-finding-add", in_curation), {"title": "New", "text": "A passage."}),
        (action_url("curation-merge", in_curation), {"findings": [first.pk, second.pk]}),
        (action_url("curation-finding-edit", in_curation, **pk), {"title": "Changed", "text": "Changed."}),
        (action_url("curation-finding-split", in_curation, **pk), {"before": 1}),
        (action_url("curation-finding-delete", in_curation, **pk), {}),
        (action_url("curation-finding-move", in_curation, **pk), {"direction": "down"}),
        (action_url("curation-themes-add", in_curation, **pk), {"themes": [Theme.objects.get(slug="neglect").pk]}),
        (action_url("curation-theme-remove", in_curation, theme_id=theme.pk, **pk), {}),
        (action_url("curation-agencies", in_curation, **pk), {}),
        (action_url("curation-lesson-link", in_curation, **pk), {"lesson": lesson.pk}),
        (action_url("curation-lesson-unlink", in_curation, lesson_id=lesson.pk, **pk), {}),
        (action_url("curation-suggestion", in_curation, pk=suggestion.pk), {"decision": "accept"}),
        (action_url("curation-agency-suggestion", in_curation, pk=named.pk), {"decision": "accept"}),
        (action_url("curation-accept-all", in_curation), {}),
        (
            action_url("curation-suggestions-decide", in_curation, **pk),
            {"decision": "accept", "suggestion": [suggestion.pk]},
        ),
        (action_url("curation-return", in_curation), {"comments": "Please redact more."}),
        (action_url("curation-publish", in_curation), {}),
        (action_url("curation-public-copy", in_curation), {}),
        (action_url("curation-withdraw", in_curation), {"reason": "Identifying."}),
        (action_url("curation-restore", in_curation), {}),
    ]
    return in_curation, gets, posts


def snapshot(review):
    review.refresh_from_db()
    findings = [
        (f.pk, f.position, f.title, f.text, sorted(themes_of(f)), sorted(f.agencies.values_list("slug", flat=True)))
        for f in review.findings.order_by("position")
    ]
    return (
        review.title,
        review.status,
        review.curator_id,
        findings,
        list(LessonFinding.objects.values_list("lesson_id", "finding_id")),
        list(ThemeSuggestion.objects.values_list("decision", flat=True)),
        list(AgencySuggestion.objects.values_list("decision", flat=True)),
    )


@pytest.fixture
def partnership_author(everything):
    """Signed in, and an author of the review's partnership: not a curator."""
    review = everything[0]
    user = make_user()
    review.partnership.members.add(user)
    client = Client()
    sign_in(client, user)
    return client


@pytest.mark.parametrize("who", ["outsider", "partnership_author"])
def test_signed_in_non_curators_get_404_for_the_queue_the_screen_and_every_action(request, who, everything):
    client = request.getfixturevalue(who)
    review, gets, posts = everything
    before = snapshot(review)
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    assert snapshot(review) == before


def test_anonymous_visitors_are_sent_to_sign_in_and_change_nothing(practitioner, everything):
    review, gets, posts = everything
    before = snapshot(review)
    for url in gets:
        response = practitioner.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("sign-in")), url
    for url, data in posts:
        response = practitioner.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith(reverse("sign-in")), url
    assert snapshot(review) == before


# The screen --------------------------------------------------------------------------------------------


def test_the_screen_shows_findings_open_flags_and_pending_suggestions_with_their_reasons(curator, in_curation):
    first = in_curation.findings.get(position=1)
    suggest(first, "information-sharing", score=0.76)
    decided = suggest(first, "neglect")
    decided.reject()
    document = add_document(in_curation)
    add_flag(document, "Anna Smith", page=4)
    add_flag(document, "Old Road", start=30, resolution=AnonymisationFlag.Resolution.NOT_IDENTIFYING)

    html = page(curator.get(screen_url(in_curation)))

    assert "Missed bruising" in html and "Unseen father" in html
    assert "Information sharing" in html and "0.76" in html
    assert "“domestic abuse” in: The police held notifications of domestic abuse." in html
    assert f'action="{action_url("curation-suggestion", in_curation, pk=decided.pk)}"' not in html
    assert "Anna Smith" in html and "Old Road" not in html
    assert 'Move up<span class="govuk-visually-hidden"> finding 2</span>' in html
    assert reverse("review-detail", args=[in_curation.slug]) in html


def test_text_from_the_review_is_escaped_on_the_screen(curator, in_curation):
    make_finding(in_curation, title="<script>alert(1)</script>", text="<b>Bold</b> claims.")

    html = page(curator.get(screen_url(in_curation)))

    assert "<script>alert(1)</script>" not in html and "<b>Bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Details -----------------------------------------------------------------------------------------------


def test_editing_the_details_saves_them_and_returns_to_the_screen(curator, in_curation):
    partnership = make_partnership(name="Westshire Safeguarding Children Partnership")
    data = {
        "title": "Child K",
        "partnership": partnership.pk,
        "nation": "england",
        "review_type": "lcspr",
        "publication_year": "2021",  # the date wins
        "publication_date": "27/3/2022",
        "age_bands": ["under-1"],
        "harm_types": ["physical abuse", "neglect"],
        "outcome": "serious-harm",
        "sex": "male",
        "summary": "A baby was injured.",
        "keywords": "bruising\nhealth visiting",
        "methodology": "Practitioner events.",
    }

    response = curator.post(action_url("curation-details", in_curation), data)

    assert response.status_code == 302 and response["Location"].endswith("#details")
    in_curation.refresh_from_db()
    assert (in_curation.title, in_curation.partnership, in_curation.publication_year) == ("Child K", partnership, 2022)
    assert in_curation.harm_types == ["physical abuse", "neglect"]
    assert in_curation.keywords == ["bruising", "health visiting"]
    assert in_curation.status == Status.IN_CURATION
    form = page(curator.get(action_url("curation-details", in_curation)))
    assert 'value="27/3/2022"' in form and "bruising\nhealth visiting</textarea>" in form


def test_details_with_a_review_type_of_another_nation_are_refused_with_the_error_shown(curator, in_curation):
    data = {"title": "Child K", "nation": "scotland", "review_type": "lcspr", "publication_year": "2021"}

    html = page(curator.post(action_url("curation-details", in_curation), data))

    assert "govuk-error-summary" in html
    assert "is not a review type used in Scotland" in html
    assert "govuk-form-group--error" in html
    in_curation.refresh_from_db()
    assert (in_curation.title, in_curation.nation) == ("Child J", "england")


# Findings ----------------------------------------------------------------------------------------------


def test_editing_a_finding_saves_its_title_and_text(curator, in_curation):
    finding = in_curation.findings.get(position=2)
    data = {"title": "The father was unseen", "text": "Nobody asked."}

    response = curator.post(action_url("curation-finding-edit", in_curation, pk=finding.pk), data)

    assert response["Location"].endswith(f"#finding-{finding.pk}")
    finding.refresh_from_db()
    assert (finding.title, finding.text) == (data["title"], data["text"])


def test_a_finding_without_a_title_is_refused_with_the_error_shown(curator, in_curation):
    finding = in_curation.findings.get(position=2)

    html = page(curator.post(action_url("curation-finding-edit", in_curation, pk=finding.pk), {"text": "Text."}))

    assert "Enter a title for the finding." in html and "govuk-error-summary" in html
    finding.refresh_from_db()
    assert finding.title == "Unseen father"


def test_splitting_at_a_sentence_makes_a_new_finding_after_it_with_the_same_tags_and_search_finds_it(
    curator, in_curation
):
    first = in_curation.findings.get(position=1)
    url = action_url("curation-finding-split", in_curation, pk=first.pk)
    form = page(curator.get(url))
    assert 'type="radio" value="1"' in form and "The police held notifications of domestic abuse." in form
    assert 'type="radio" value="0"' not in form  # the first sentence stays

    response = curator.post(url, {"before": 1, "title": "Notifications not shared"}, follow=True)

    assert "Notifications not shared" in page(response)
    assert texts(in_curation) == [
        (1, "Missed bruising", "Health visitors saw the bruise on the baby."),
        (
            2,
            "Notifications not shared",
            "The police held notifications of domestic abuse.\n\nNobody shared them with the school.",
        ),
        (3, "Unseen father", "The father was not asked about."),
        (4, "Drift", "Plans drifted without review."),
    ]
    new = in_curation.findings.get(position=2)
    assert themes_of(new) == {"domestic-abuse"}
    assert set(new.agencies.values_list("slug", flat=True)) == {"police"}
    in_curation.publish()
    assert "Notifications not shared" in titles("notifications")


def test_splitting_without_choosing_a_sentence_shows_the_error(curator, in_curation):
    first = in_curation.findings.get(position=1)

    html = page(curator.post(action_url("curation-finding-split", in_curation, pk=first.pk), {}))

    assert "Select the sentence the new finding starts with." in html
    assert in_curation.findings.count() == 3


def test_merging_joins_texts_unions_themes_closes_up_positions_and_carries_lesson_links(curator, in_curation):
    first, second, third = in_curation.findings.order_by("position")
    make_recommendation(in_curation, "Share notifications.", findings=[first])
    make_recommendation(in_curation, "Ask about fathers.", findings=[second])
    second.questions = "How will the Board know fathers are seen?"
    second.save()
    second.notes = "4. Philip, G. et al. (2021) Invisible men."
    second.save()
    third.questions = "Should plans be reviewed?"
    third.notes = "4. Philip, G. et al. (2021) Invisible men.\n5. Brandon, M. (2020) Complexity."
    third.save()
    lesson = Lesson.objects.create(statement="Fathers are not seen")
    lesson.link(second)
    accepted = suggest(second, "think-family")
    accepted.accept()

    response = curator.post(action_url("curation-merge", in_curation), {"findings": [third.pk, first.pk]})
    assert response["Location"].endswith(f"#finding-{first.pk}")  # the earlier one keeps its title and place
    assert list(in_curation.findings.values_list("pk", "position")) == [(first.pk, 1), (second.pk, 2)]
    curator.post(action_url("curation-merge", in_curation), {"findings": [first.pk, second.pk]})  # "with the next"

    merged = Finding.objects.get(pk=first.pk)
    assert not Finding.objects.filter(pk__in=[second.pk, third.pk]).exists()
    assert merged.title == "Missed bruising"
    assert merged.text == f"{THREE_SENTENCES}\n\nPlans drifted without review.\n\nThe father was not asked about."
    made = [r.text for r in merged.recommendations.order_by("position")]
    assert made == ["Share notifications.", "Ask about fathers."]
    assert merged.question_list == ["Should plans be reviewed?", "How will the Board know fathers are seen?"]
    assert merged.note_list == ["4. Philip, G. et al. (2021) Invisible men.", "5. Brandon, M. (2020) Complexity."]
    assert themes_of(merged) == {"domestic-abuse", "escalation", "unseen-men", "think-family"}
    assert list(merged.lessons.all()) == [lesson]
    assert ThemeSuggestion.objects.get(pk=accepted.pk).finding == merged
    assert list(in_curation.findings.values_list("position", flat=True)) == [1]


def test_merging_fewer_than_two_findings_changes_nothing_and_says_why(curator, in_curation):
    first = in_curation.findings.get(position=1)

    response = curator.post(action_url("curation-merge", in_curation), {"findings": [first.pk]}, follow=True)

    assert "Select at least two findings to merge." in page(response)
    assert in_curation.findings.count() == 3


def test_moving_a_finding_down_and_up_reorders_them(curator, in_curation):
    first = in_curation.findings.get(position=1)
    url = action_url("curation-finding-move", in_curation, pk=first.pk)

    response = curator.post(url, {"direction": "down"}, follow=True)
    assert "moved down to number 2" in page(response)
    assert [title for _, title, _ in texts(in_curation)] == ["Unseen father", "Missed bruising", "Drift"]

    curator.post(url, {"direction": "up"})
    curator.post(url, {"direction": "up"})  # already first: nothing happens
    assert [title for _, title, _ in texts(in_curation)] == ["Missed bruising", "Unseen father", "Drift"]


def test_deleting_a_finding_asks_first_then_closes_up_the_positions(curator, in_curation):
    second = in_curation.findings.get(position=2)
    url = action_url("curation-finding-delete", in_curation, pk=second.pk)

    assert "Delete finding 2?" in page(curator.get(url))
    assert in_curation.findings.count() == 3
    response = curator.post(url, follow=True)

    assert "Finding “Unseen father” was deleted." in page(response)
    assert [(position, title) for position, title, _ in texts(in_curation)] == [(1, "Missed bruising"), (2, "Drift")]


def test_a_finding_is_added_from_selected_text_with_its_page_found_in_the_document(curator, in_curation):
    in_curation.full_text = "Introduction.\n\nThe GP was not told of the injury. Records were incomplete."
    in_curation.save()
    add_document(in_curation, pages=["Introduction.", "The GP was not told of the injury. Records were incomplete."])
    url = action_url("curation-finding-add", in_curation)
    assert "The GP was not told of the injury." in page(curator.get(url))

    response = curator.post(url, {"title": "GP not told", "text": "The GP was not told\nof the injury."})

    added = in_curation.findings.get(title="GP not told")
    assert response["Location"].endswith(f"#finding-{added.pk}")
    assert (added.position, added.source_page, added.text) == (4, 2, "The GP was not told\nof the injury.")


# Themes, agencies and lessons --------------------------------------------------------------------------


def test_accepting_a_suggestion_tags_the_finding_and_records_who_decided(curator, in_curation):
    first = in_curation.findings.get(position=1)
    suggestion = suggest(first, "information-sharing")

    response = curator.post(action_url("curation-suggestion", in_curation, pk=suggestion.pk), {"decision": "accept"})

    assert response["Location"].endswith(f"#finding-{first.pk}")
    suggestion.refresh_from_db()
    assert suggestion.decision == ThemeSuggestion.Decision.ACCEPTED
    assert suggestion.decided_by.is_staff and suggestion.decided_at
    assert "information-sharing" in themes_of(first)


def test_rejecting_a_suggestion_leaves_the_finding_untagged(curator, in_curation):
    first = in_curation.findings.get(position=1)
    suggestion = suggest(first, "information-sharing")

    curator.post(action_url("curation-suggestion", in_curation, pk=suggestion.pk), {"decision": "reject"})

    suggestion.refresh_from_db()
    assert suggestion.decision == ThemeSuggestion.Decision.REJECTED and suggestion.decided_by
    assert themes_of(first) == {"domestic-abuse"}


def test_themes_are_added_and_removed(curator, in_curation):
    first = in_curation.findings.get(position=1)
    neglect, sharing = Theme.objects.filter(slug__in=["neglect", "information-sharing"]).order_by("slug")
    pending = suggest(first, "neglect")
    url = action_url("curation-themes-add", in_curation, pk=first.pk)
    form = page(curator.get(url))
    assert f'value="{neglect.pk}"' in form and "Domestic abuse</label>" not in form  # has it already
    assert "Select a theme to add." in page(curator.post(url, {}))

    curator.post(url, {"themes": [neglect.pk, sharing.pk]})
    assert themes_of(first) == {"domestic-abuse", "neglect", "information-sharing"}
    pending.refresh_from_db()
    assert pending.decision == ThemeSuggestion.Decision.ACCEPTED

    domestic = Theme.objects.get(slug="domestic-abuse")
    response = curator.post(
        action_url("curation-theme-remove", in_curation, pk=first.pk, theme_id=domestic.pk), follow=True
    )
    assert "“Domestic abuse” was removed from “Missed bruising”." in page(response)
    assert themes_of(first) == {"neglect", "information-sharing"}


def test_agencies_are_set_from_the_checkboxes(curator, in_curation):
    first = in_curation.findings.get(position=1)
    chosen = Agency.objects.filter(slug__in=["health-visiting", "school"])
    url = action_url("curation-agencies", in_curation, pk=first.pk)
    police = Agency.objects.get(slug="police")
    form = page(curator.get(url))
    assert re.search(rf'value="{police.pk}" checked', form)
    assert 'id="finding-text"' in form and first.text.splitlines()[0][:60] in form  # read beside the choices

    response = curator.post(url, {"agencies": [a.pk for a in chosen]})

    assert response["Location"].endswith(f"#finding-{first.pk}")

    assert set(first.agencies.values_list("slug", flat=True)) == {"health-visiting", "school"}
    curator.post(url, {})
    assert not first.agencies.exists()


def test_a_finding_is_linked_to_a_recurring_lesson_and_unlinked(curator, in_curation):
    first = in_curation.findings.get(position=1)
    lesson = Lesson.objects.create(statement="Bruising in babies is not referred")

    response = curator.post(action_url("curation-lesson-link", in_curation, pk=first.pk), {"lesson": lesson.pk})

    assert response["Location"].endswith(f"#finding-{first.pk}")
    link = LessonFinding.objects.get(lesson=lesson, finding=first)
    assert link.added_by.is_staff
    assert "Bruising in babies is not referred" in page(curator.get(screen_url(in_curation)))
    curator.post(action_url("curation-lesson-unlink", in_curation, pk=first.pk, lesson_id=lesson.pk))
    assert not first.lessons.exists()


# Workflow ----------------------------------------------------------------------------------------------


def test_returning_to_the_author_needs_comments_and_records_them(curator, in_curation):
    url = action_url("curation-return", in_curation)
    html = page(curator.post(url, {"comments": "  "}))
    assert "Enter your comments for the author" in html
    in_curation.refresh_from_db()
    assert in_curation.status == Status.IN_CURATION

    response = curator.post(url, {"comments": "Redact the school's name on page 4."}, follow=True)

    assert "was returned to its author with your comments" in page(response)
    in_curation.refresh_from_db()
    assert in_curation.status == Status.DRAFT
    change = StatusChange.objects.filter(review=in_curation).last()
    assert (change.to_status, change.reason) == (Status.DRAFT, "Redact the school's name on page 4.")
    returned = in_curation.latest_return_comments()
    assert returned == change and returned.by.is_staff


def test_publishing_is_refused_with_every_reason_listed_then_allowed(curator, in_curation):
    make_finding(in_curation, title="Untagged finding")
    flag = add_flag(add_document(in_curation), "Anna Smith")
    url = action_url("curation-publish", in_curation)

    html = page(curator.post(url))

    problems = re.search(r'id="publish-problems">(.*?)</ul>', html, re.S).group(1)
    assert "1 finding has no theme: “Untagged finding”." in problems
    assert "1 anonymisation flag is unresolved" in problems
    in_curation.refresh_from_db()
    assert in_curation.status == Status.IN_CURATION

    flag.mark_not_identifying("A pseudonym")
    curator.post(
        action_url("curation-themes-add", in_curation, pk=in_curation.findings.get(title="Untagged finding").pk),
        {"themes": [Theme.objects.get(slug="neglect").pk]},
    )
    response = curator.post(url, follow=True)

    assert "“Child J” was published." in page(response)
    in_curation.refresh_from_db()
    assert in_curation.status == Status.PUBLISHED


def test_publishing_a_review_without_findings_says_so(curator):
    review = make_review(Status.IN_CURATION, title="Child Empty")

    html = page(curator.post(action_url("curation-publish", review)))

    assert "The review has no findings: add at least one." in html


def test_withdrawing_needs_a_reason_and_hides_the_review_from_the_public(curator, practitioner, in_curation):
    in_curation.publish()
    assert practitioner.get(reverse("review-detail", args=[in_curation.slug])).status_code == 200
    url = action_url("curation-withdraw", in_curation)

    assert "Enter why the review is being withdrawn." in page(curator.post(url, {"reason": ""}))
    in_curation.refresh_from_db()
    assert in_curation.status == Status.PUBLISHED

    curator.post(url, {"reason": "Identifying details were found after publication."})

    in_curation.refresh_from_db()
    assert in_curation.status == Status.WITHDRAWN
    assert in_curation.withdrawn_reason == "Identifying details were found after publication."
    assert practitioner.get(reverse("review-detail", args=[in_curation.slug])).status_code == 404


def test_restoring_a_withdrawn_review_makes_it_public_again(curator, practitioner, in_curation):
    in_curation.publish()
    in_curation.withdraw("Identifying details were found after publication.")

    response = curator.post(action_url("curation-restore", in_curation), follow=True)

    assert "It is public again." in page(response)
    in_curation.refresh_from_db()
    assert in_curation.status == Status.PUBLISHED
    assert practitioner.get(reverse("review-detail", args=[in_curation.slug])).status_code == 200


def test_every_suggested_theme_of_a_review_is_accepted_in_one_step(curator, in_curation):
    first, second = in_curation.findings.order_by("position")[:2]
    suggest(first, "information-sharing")
    suggest(second, "neglect")
    suggest(second, "escalation").reject()
    elsewhere = suggest(make_finding(make_review(Status.IN_CURATION)), "neglect")
    assert "Accept all 2 suggested themes" in page(curator.get(screen_url(in_curation)))

    response = curator.post(action_url("curation-accept-all", in_curation), follow=True)

    assert "2 suggested themes were accepted." in page(response)
    assert "information-sharing" in themes_of(first) and "neglect" in themes_of(second)
    assert "escalation" not in themes_of(second)  # rejected before: stays rejected
    elsewhere.refresh_from_db()
    assert elsewhere.decision == ThemeSuggestion.Decision.PENDING
    assert "Accept all" not in page(curator.get(screen_url(in_curation)))


def test_publishing_starts_from_a_page_showing_what_the_public_will_see(curator, in_curation):
    finding = make_finding(in_curation, title="Bruising was not referred", themes=["neglect"])
    screen = page(curator.get(reverse("curation-review", args=[in_curation.slug])))
    check = reverse("curation-publish", args=[in_curation.slug])
    assert f'href="{check}"' in screen and f'action="{check}"' not in screen

    html = page(curator.get(check))

    assert "Check what will be published" in html
    assert f"{finding.position}. Bruising was not referred" in html and "Neglect" in html
    assert 'method="post"' in html and "Publish the review" in html
    in_curation.refresh_from_db()
    assert in_curation.status == Status.IN_CURATION  # looking publishes nothing


def test_the_check_page_of_a_review_that_cannot_be_published_lists_why_and_offers_no_button(curator):
    review = make_review(Status.IN_CURATION, title="Child Empty")
    html = page(curator.get(reverse("curation-publish", args=[review.slug])))
    assert 'id="publish-problems"' in html and "The review has no findings" in html
    assert "Publish the review</button>" not in html


def test_labels_in_one_numbered_series_follow_the_positions_after_a_split_a_merge_and_a_move(db):
    review = make_review(Status.IN_CURATION, title="Child S")
    texts = ["One thing happened. Then another thing happened.", "The second finding.", "The third finding."]
    first, _, third = (
        make_finding(review, title=f"Title {n}", label=f"Finding {n}", text=text) for n, text in enumerate(texts, 1)
    )

    new = first.split(1)
    assert list(review.findings.order_by("position").values_list("label", "title")) == [
        ("Finding 1", "Title 1"),
        ("Finding 2", "Title 1 (continued)"),
        ("Finding 3", "Title 2"),
        ("Finding 4", "Title 3"),
    ]
    first.merge_with(new)
    third.move(up=True)
    assert list(review.findings.order_by("position").values_list("label", "title")) == [
        ("Finding 1", "Title 1"),
        ("Finding 2", "Title 3"),
        ("Finding 3", "Title 2"),
    ]


def test_labels_that_are_not_one_series_are_left_as_the_report_wrote_them(db):
    review = make_review(Status.IN_CURATION, title="Child T")
    make_finding(review, title="A", label="Finding 1")
    second = make_finding(review, title="B", label="Good practice")
    second.move(up=True)
    assert list(review.findings.order_by("position").values_list("label", flat=True)) == ["Good practice", "Finding 1"]


def test_several_suggested_themes_of_a_finding_are_accepted_or_rejected_in_one_step(curator, in_curation):
    first = in_curation.findings.get(position=1)
    neglect, risk, curiosity = (
        suggest(first, slug) for slug in ("neglect", "risk-assessment", "professional-curiosity")
    )
    screen = page(curator.get(reverse("curation-review", args=[in_curation.slug])))
    url = reverse("curation-suggestions-decide", args=[in_curation.slug, first.pk])
    assert f'action="{url}"' in screen and f'form="suggestions-{first.pk}"' in screen

    response = curator.post(url, {"decision": "accept", "suggestion": [neglect.pk, risk.pk]}, follow=True)

    assert "“Neglect”, “Risk assessment and decision-making” were added to “Missed bruising”." in page(response)
    assert {"neglect", "risk-assessment"} <= set(first.themes.values_list("slug", flat=True))
    curator.post(url, {"decision": "reject", "suggestion": [curiosity.pk]})
    curiosity.refresh_from_db()
    assert curiosity.decision == ThemeSuggestion.Decision.REJECTED
    assert "professional-curiosity" not in set(first.themes.values_list("slug", flat=True))


def test_deciding_with_nothing_ticked_says_what_to_do_and_changes_nothing(curator, in_curation):
    first = in_curation.findings.get(position=1)
    suggest(first, "neglect")
    url = reverse("curation-suggestions-decide", args=[in_curation.slug, first.pk])
    response = curator.post(url, {"decision": "accept"}, follow=True)
    assert "Select the suggested themes to accept for “Missed bruising”." in page(response)
    assert first.suggestions.pending().count() == 1


def test_a_suggestion_of_another_finding_is_not_decided_through_this_one(curator, in_curation):
    first, second = in_curation.findings.order_by("position")[:2]
    elsewhere = suggest(second, "neglect")
    curator.post(reverse("curation-suggestions-decide", args=[in_curation.slug, first.pk]),
                 {"decision": "accept", "suggestion": [elsewhere.pk]})  # fmt: skip
    elsewhere.refresh_from_db()
    assert elsewhere.decision == ThemeSuggestion.Decision.PENDING
