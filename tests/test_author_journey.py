"""An author's own work: the flags' states, "Your reviews", checking answers with a declaration before submitting,
the confirmation, and the e-mails the workflow sends."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from reviews.models import AnonymisationFlag, Review
from tests.documents import make_pdf
from tests.factories import make_finding, make_partnership, make_review, make_user
from tests.review_texts import REVIEW_PAGES
from tests.test_document_processing import document_page, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded(author, tmp_path):
    return upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))


def resolve_all(author, review):
    for flag in review.flags.filter(severity="block"):
        author.post(
            reverse("review-flag", kwargs={"slug": review.slug, "flag_id": flag.pk}),
            {f"flag-{flag.pk}-reason": "A pseudonym used throughout"},
        )


def test_a_flag_marked_not_identifying_says_resolved_and_leaves_the_open_count(author, uploaded):
    flags = list(uploaded.flags.all())
    blocking = [flag for flag in flags if flag.severity == "block"]
    before = document_page(author, uploaded)
    assert f"{len(flags)} things that may identify someone: {len(flags)} still open, {len(blocking)} of which" in before

    first = blocking[0]
    author.post(
        reverse("review-flag", kwargs={"slug": uploaded.slug, "flag_id": first.pk}), {f"flag-{first.pk}-reason": "Fine"}
    )

    page = document_page(author, uploaded)
    row = page.split(f'id="flag-{first.pk}"')[1].split("</tr>")[0]
    assert "Resolved" in row and "Must be resolved" not in row
    assert f"{len(flags) - 1} still open" in page


def test_when_every_flag_is_resolved_the_page_says_so(author, uploaded):
    for flag in uploaded.flags.all():
        flag.mark_not_identifying("Invented for the test")
    assert "and all are resolved" in document_page(author, uploaded)


def test_an_empty_reason_keeps_what_was_typed_out_and_points_the_error_summary_at_the_field(author, uploaded):
    flag = uploaded.flags.filter(severity="block").first()
    response = author.post(
        reverse("review-flag", kwargs={"slug": uploaded.slug, "flag_id": flag.pk}), {f"flag-{flag.pk}-reason": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("govuk-error-summary") >= 1 and f'href="#flag-{flag.pk}-reason"' in page
    assert f'aria-describedby="flag-{flag.pk}-reason-error"' in page
    assert AnonymisationFlag.objects.get(pk=flag.pk).resolution == "open"


def test_the_document_page_leads_to_check_your_answers_not_straight_to_submission(author, uploaded):
    resolve_all(author, uploaded)
    page = document_page(author, uploaded)
    assert f'href="{reverse("review-submit", args=[uploaded.slug])}"' in page
    assert 'action="{}"'.format(reverse("review-submit", args=[uploaded.slug])) not in page


def test_check_your_answers_lists_the_details_flags_decided_and_findings(author, uploaded):
    resolve_all(author, uploaded)
    page = author.get(reverse("review-submit", args=[uploaded.slug])).content.decode()
    assert "Check your answers before submitting" in page
    assert author.partnership.name in page and "England" in page
    for flag in uploaded.flags.filter(severity="block"):
        assert f"“{flag.text}”: marked not identifying (A pseudonym used throughout)" in page
    for finding in uploaded.findings.all():
        assert finding.title in page
    assert 'name="declaration"' in page


def test_submitting_without_the_declaration_is_refused_with_an_error_summary(author, uploaded):
    resolve_all(author, uploaded)
    response = author.post(reverse("review-submit", args=[uploaded.slug]), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Check your answers" in page
    assert 'href="#id_declaration">Confirm that the review has been redacted before you submit it' in page
    assert Review.objects.get(pk=uploaded.pk).status == Review.Status.DRAFT


def test_with_the_declaration_the_review_is_submitted_and_the_confirmation_says_what_happens_next(author, uploaded):
    resolve_all(author, uploaded)
    response = author.post(reverse("review-submit", args=[uploaded.slug]), {"declaration": "on"}, follow=True)
    page = response.content.decode()
    assert Review.objects.get(pk=uploaded.pk).status == Review.Status.SUBMITTED
    assert "govuk-panel--confirmation" in page and "Review submitted" in page
    assert "What happens next" in page and f'href="{reverse("review-mine")}"' in page


def test_check_your_answers_shows_what_stops_submission_and_no_declaration(author, uploaded):
    page = author.get(reverse("review-submit", args=[uploaded.slug])).content.decode()
    assert 'id="submission-problems"' in page and "unresolved" in page
    assert 'name="declaration"' not in page


def test_your_reviews_lists_the_partnerships_reviews_with_what_to_do_next(author, uploaded):
    returned = make_review(Review.Status.SUBMITTED, title="Child K", partnership=author.partnership)
    returned.return_to_author(reason="Please remove the school's name on page 4.")
    published = make_review(Review.Status.PUBLISHED, title="Child L", partnership=author.partnership)
    elsewhere = make_review(Review.Status.DRAFT, title="Child Q", partnership=make_partnership())

    page = author.get(reverse("review-mine")).content.decode()

    assert "Child J" in page and "Resolve what stops it being submitted" in page
    assert "Child K" in page and "Read the curators' comments" in page
    assert "Child L" in page and f'href="{published.get_absolute_url()}"' in page
    assert elsewhere.title not in page


def test_your_reviews_is_in_the_navigation_of_authors_only(author, client):
    assert f'href="{reverse("review-mine")}"' in author.get(reverse("home")).content.decode()
    assert f'href="{reverse("review-mine")}"' not in client.get(reverse("home")).content.decode()


def test_submitting_tells_the_curators_and_the_partnerships_authors_by_email(
    author, uploaded, django_capture_on_commit_callbacks
):
    make_user(staff=True, email="curator@example.org")
    resolve_all(author, uploaded)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        author.post(reverse("review-submit", args=[uploaded.slug]), {"declaration": "on"})

    sent = {(message.to[0], message.subject) for message in mail.outbox}
    assert ("curator@example.org", "Review submitted: Child J") in sent
    assert (author.user.email, "Your review was submitted: Child J") in sent
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees who else was told


def test_returning_a_review_sends_the_curators_comments_to_its_authors(author, django_capture_on_commit_callbacks):
    review = make_review(Review.Status.SUBMITTED, title="Child K", partnership=author.partnership)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review.return_to_author(reason="Please remove the school's name on page 4.")

    (message,) = mail.outbox
    assert message.to == [author.user.email] and message.subject == "Your review was returned: Child K"
    assert "Please remove the school's name on page 4." in message.body
    assert reverse("review-document", args=[review.slug]) in message.body


def test_publishing_tells_the_authors_with_a_link_to_the_public_page(
    author, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://reviews.example.org"
    review = make_review(Review.Status.IN_CURATION, title="Child M", partnership=author.partnership)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review.publish(check=False)

    (message,) = mail.outbox
    assert message.subject == "Your review was published: Child M"
    assert f"https://reviews.example.org{review.get_absolute_url()}" in message.body


def test_records_imported_as_published_send_no_email(author, django_capture_on_commit_callbacks):
    review = make_review(Review.Status.DRAFT, title="Child N", partnership=author.partnership)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.publish_record()
    assert mail.outbox == []


def test_the_upload_form_preselects_an_authors_only_partnership_and_says_what_each_list_is(author):
    page = author.get(reverse("review-new")).content.decode()
    assert f'<option value="{author.partnership.pk}" selected>' in page
    assert "---------" not in page
    assert '<option value="">Select the nation</option>' in page
    assert "Child practice review (Wales)" in page and "Case management review (Northern Ireland)" in page


def test_an_author_of_two_partnerships_chooses_between_them(author):
    author.user.partnerships.add(make_partnership())
    page = author.get(reverse("review-new")).content.decode()
    assert '<option value="">Select the partnership</option>' in page


def test_an_author_changes_a_drafts_details_and_returns_to_check_your_answers(author, uploaded):
    url = reverse("review-details", args=[uploaded.slug])
    form = author.get(url + "?back=check").content.decode()
    assert 'value="Child J"' in form and "Child J\nAdult M" in form  # the pseudonyms as given at upload

    response = author.post(
        url,
        {"title": "Child J and Child K", "nation": "england", "review_type": "lcspr", "publication_year": "2023",
         "pseudonyms_text": "Child J\nChild K", "back": "check"},
    )  # fmt: skip

    assert response["Location"] == reverse("review-submit", args=[uploaded.slug])
    uploaded.refresh_from_db()
    assert (uploaded.title, uploaded.publication_year, uploaded.pseudonyms) == (
        "Child J and Child K",
        2023,
        ["Child J", "Child K"],
    )


def test_a_review_type_of_another_nation_is_refused_with_a_specific_message(author, uploaded):
    response = author.post(
        reverse("review-details", args=[uploaded.slug]),
        {"title": "Child J", "nation": "scotland", "review_type": "lcspr"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert "govuk-error-summary" in page and "Scotland" in page
    uploaded.refresh_from_db()
    assert uploaded.nation == "england"


def test_a_submitted_reviews_details_are_not_changed_by_its_author(author):
    review = make_review(Review.Status.SUBMITTED, title="Child K", partnership=author.partnership)
    response = author.post(reverse("review-details", args=[review.slug]), {"title": "Changed", "nation": "england"})
    assert response["Location"] == reverse("review-document", args=[review.slug])
    review.refresh_from_db()
    assert review.title == "Child K"


def test_an_author_changes_moves_and_deletes_proposed_findings_of_a_draft(author, uploaded):
    first, second, *_ = uploaded.findings.order_by("position")
    page = document_page(author, uploaded)
    assert f'href="{reverse("review-finding-edit", args=[uploaded.slug, first.pk])}"' in page

    response = author.post(
        reverse("review-finding-edit", args=[uploaded.slug, first.pk]),
        {"title": "Nobody asked who the man was", "text": "The man in the flat was never identified."},
    )
    assert response["Location"].endswith(f"#proposed-{first.pk}")
    first.refresh_from_db()
    assert (first.title, first.text) == ("Nobody asked who the man was", "The man in the flat was never identified.")

    author.post(reverse("review-finding-move", args=[uploaded.slug, second.pk]), {"direction": "up"})
    assert list(uploaded.findings.order_by("position").values_list("pk", flat=True))[:2] == [second.pk, first.pk]

    delete = reverse("review-finding-delete", args=[uploaded.slug, first.pk])
    assert "Delete finding" in author.get(delete).content.decode()
    author.post(delete)
    assert not uploaded.findings.filter(pk=first.pk).exists()


def test_an_empty_title_is_refused_with_the_error_summary(author, uploaded):
    finding = uploaded.findings.first()
    response = author.post(reverse("review-finding-edit", args=[uploaded.slug, finding.pk]), {"title": "", "text": "x"})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page and "Enter a title for the finding." in page


def test_once_submitted_an_author_cannot_change_its_findings(author):
    review = make_review(Review.Status.SUBMITTED, title="Child K", partnership=author.partnership)
    finding = make_finding(review, title="As submitted")
    url = reverse("review-finding-edit", args=[review.slug, finding.pk])
    response = author.post(url, {"title": "Changed", "text": "x"})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.title == "As submitted"
    assert author.post(reverse("review-finding-delete", args=[review.slug, finding.pk])).status_code == 302
    assert review.findings.filter(pk=finding.pk).exists()


def test_an_author_splits_a_proposed_finding_and_merges_two(author, uploaded):
    finding = next(f for f in uploaded.findings.order_by("position") if len(f.sentences()) > 1)
    count = uploaded.findings.count()
    form = author.get(reverse("review-finding-split", args=[uploaded.slug, finding.pk])).content.decode()
    assert "Split before this sentence" in form

    author.post(reverse("review-finding-split", args=[uploaded.slug, finding.pk]), {"before": 1, "title": "The rest"})

    assert uploaded.findings.count() == count + 1
    new = uploaded.findings.get(title="The rest")
    assert new.position == finding.position + 1
    page = document_page(author, uploaded)
    assert f'action="{reverse("review-findings-merge", args=[uploaded.slug])}"' in page

    author.post(reverse("review-findings-merge", args=[uploaded.slug]), {"findings": [finding.pk, new.pk]})

    assert uploaded.findings.count() == count and not uploaded.findings.filter(pk=new.pk).exists()


def test_merging_one_finding_says_why_nothing_was_merged(author, uploaded):
    first = uploaded.findings.first()
    url = reverse("review-findings-merge", args=[uploaded.slug])
    response = author.post(url, {"findings": [first.pk]}, follow=True)
    assert "Nothing was merged: Select at least two findings to merge." in response.content.decode()


def test_a_refusal_after_a_redirect_is_shown_in_the_error_summary_not_a_banner(author):
    review = make_review(Review.Status.SUBMITTED, title="Child K", partnership=author.partnership)
    response = author.post(reverse("review-details", args=[review.slug]), {"title": "Changed"}, follow=True)
    page = response.content.decode()
    assert 'class="govuk-error-summary"' in page and "details are changed here" in page
    assert "govuk-notification-banner" not in page and "<title>Error: " in page


def task_statuses(page):
    """(task name, status) of the task list on a draft's page, in order."""
    out = []
    for item in re.findall(r'<li class="govuk-task-list__item.*?</li>', page, re.DOTALL):
        name = re.search(r"(?:govuk-task-list__link[^>]*>|<div>)([^<]+)<", item).group(1)
        status = re.search(r'id="task-\d+-status">(.*?)</div>', item, re.DOTALL).group(1)
        out.append((name, re.sub(r"<[^>]+>", "", status).strip()))
    return out


def test_a_drafts_task_list_says_what_is_done_and_what_is_left_before_submission(author, uploaded):
    assert task_statuses(document_page(author, uploaded)) == [
        ("Review details", "Completed"),
        ("Review document", "Completed"),
        ("Anonymisation check", "Incomplete"),
        ("Proposed findings", "Completed"),
        ("Check your answers and submit", "Cannot start yet"),
    ]
    assert "identifying detail" in document_page(author, uploaded)

    resolve_all(author, uploaded)

    page = document_page(author, uploaded)
    assert task_statuses(page)[2:] == [
        ("Anonymisation check", "Completed"),
        ("Proposed findings", "Completed"),
        ("Check your answers and submit", "Not yet started"),
    ]
    assert f'href="{reverse("review-submit", args=[uploaded.slug])}" aria-describedby="task-5-status"' in page


def test_a_draft_without_a_document_starts_with_the_upload_and_a_submitted_review_has_no_task_list(author):
    draft = make_review(Review.Status.DRAFT, partnership=author.partnership)

    assert task_statuses(document_page(author, draft)) == [
        ("Review details", "Completed"),
        ("Review document", "Not yet started"),
        ("Anonymisation check", "Cannot start yet"),
        ("Proposed findings", "Cannot start yet"),
        ("Check your answers and submit", "Cannot start yet"),
    ]
    submitted = make_review(Review.Status.SUBMITTED, partnership=author.partnership)
    assert "govuk-task-list" not in document_page(author, submitted)
