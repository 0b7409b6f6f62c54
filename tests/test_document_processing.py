"""An uploaded document goes through its stages to suggested themes; flags block submission until resolved."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from findings.models import AgencySuggestion, Finding, Recommendation, Theme, ThemeSuggestion
from ingest.processing import process
from ingest.uploads import CheckedUpload, store
from reviews.models import AnonymisationFlag, ProcessingStep, Review, ReviewDocument
from search.engine import search
from tests.documents import make_docx, make_pdf
from tests.factories import make_review
from tests.review_texts import LEAKED_NAME, LEAKED_PHONE, REVIEW_PAGES

BASE_DIR = Path(django_settings.BASE_DIR)


def upload(client, path, **fields):
    data = {
        "title": "Child J",
        "partnership": client.partnership.pk,
        "nation": "england",
        "review_type": "lcspr",
        "publication_year": "2022",
        "reviewer": "Jane Reviewer",
        "pseudonyms_text": "Child J\nAdult M",
        "document": SimpleUploadedFile(path.name, path.read_bytes()),
    }
    data.update(fields)
    response = client.post(reverse("review-new"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Review.objects.get(title=data["title"])


def document_page(client, review):
    return client.get(reverse("review-document", kwargs={"slug": review.slug})).content.decode()


@pytest.fixture
def uploaded(author, tmp_path):
    return upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))


def test_a_document_goes_through_every_stage_with_each_recorded(uploaded):
    document = uploaded.documents.get()
    assert document.state == ReviewDocument.State.DONE
    assert document.stage == ReviewDocument.Stage.SUGGESTED
    steps = list(document.steps.values_list("stage", flat=True))
    assert steps == ["extracted", "checked", "proposed", "suggested"]
    assert all(step.finished_at and not step.error for step in document.steps.all())
    assert document.page_count == 3
    assert [page["number"] for page in document.pages] == [1, 2, 3]


def test_the_check_flags_a_leaked_name_and_phone_number_with_their_page(uploaded):
    flags = {flag.text: flag for flag in uploaded.flags.all()}
    assert flags[LEAKED_NAME].kind == "person_name"
    assert flags[LEAKED_NAME].severity == "block"
    assert flags[LEAKED_NAME].page == 2
    assert LEAKED_PHONE in flags
    assert "Child J" not in flags and "Adult M" not in flags and "Jane Reviewer" not in flags


def test_findings_are_proposed_with_their_pages_and_recommendations_and_themes_suggested(uploaded):
    findings = list(Finding.objects.filter(review=uploaded).order_by("position"))
    assert [(f.label, f.title) for f in findings][:2] == [
        ("Finding 1", "Information about domestic abuse held by the police was not shared with health visiting"),
        ("Finding 2", "Bruising on a non-mobile baby was not referred for a child protection medical"),
    ]
    assert findings[0].source_page == 2
    assert [(r.label, r.text) for r in findings[0].recommendations.all()] == [
        (
            "Recommendation 1",
            "The partnership should make sure that domestic abuse notifications about families with children under "
            "two reach the health visiting service within 24 hours.",
        )
    ]
    suggested = set(ThemeSuggestion.objects.filter(finding=findings[0]).values_list("theme__slug", flat=True))
    assert "domestic-abuse" in suggested
    assert not findings[0].themes.exists(), "nothing is tagged until a person accepts"
    reasons = ThemeSuggestion.objects.get(finding=findings[0], theme__slug="domestic-abuse").reasons
    assert any("domestic abuse" in reason["keyword"].lower() for reason in reasons)


def test_each_proposed_recommendation_is_offered_themes_from_its_text_and_a_curator_accepts_one(uploaded, curator):
    recommendation = Recommendation.objects.get(review=uploaded, label="Recommendation 1")
    suggested = {s.theme.slug: s for s in recommendation.suggestions.select_related("theme")}
    assert "domestic-abuse" in suggested and not recommendation.themes.exists()
    assert any("domestic abuse" in reason["keyword"].lower() for reason in suggested["domestic-abuse"].reasons)
    screen = curator.get(reverse("curation-review", args=[uploaded.slug])).content.decode()
    assert f'id="recommendation-suggestion-{suggested["domestic-abuse"].pk}"' in screen

    curator.post(
        reverse("curation-recommendation-suggestion", args=[uploaded.slug, suggested["domestic-abuse"].pk]),
        {"decision": "accept"},
    )

    assert [t.slug for t in recommendation.themes.all()] == ["domestic-abuse"]
    assert search(level="recommendations", filters={"theme": ["domestic-abuse"]}).count == 0  # not published yet
    page = uploaded.get_absolute_url()
    assert "Domestic abuse</a>" in curator.get(page).content.decode()


def test_each_proposed_finding_is_offered_the_agencies_its_text_names_with_the_words(uploaded):
    first, second = Finding.objects.filter(review=uploaded).order_by("position")[:2]
    named = {s.agency.name: s for s in AgencySuggestion.objects.filter(finding=first).select_related("agency")}
    assert set(named) == {"Police", "Health visiting"}
    assert named["Police"].phrase == "police" and named["Police"].mentions == 2
    assert named["Police"].sentence.startswith("Information about domestic abuse held by the police")
    assert named["Health visiting"].mentions == 4
    assert not first.agencies.exists(), "nothing is tagged until a person accepts"
    named = set(AgencySuggestion.objects.filter(finding=second).values_list("agency__name", flat=True))
    assert named == {"GP and primary care", "Children's social care", "Paediatrics"}  # a child protection medical


CITING_PAGE = (
    "Finding 1: Neglect was seen one incident at a time\n\n"
    "The school, the health visitor and the GP each saw part of the picture: missed appointments, head lice, "
    "hunger in the mornings and a cold house. Agencies responded to each concern alone and the pattern was "
    "lost.^1 Nobody held a chronology, and no meeting brought the concerns together.\n\n"
    "Finding 2: The father was not seen\n\n"
    "Child J's father stayed at the flat most nights and looked after the children while Mother worked. The "
    "health visitor never met him, and the assessment described the household as Mother and the children "
    "alone.^2 Nobody asked who else cared for them."
)
NOTES = ["Brandon, M. et al. (2020) Complexity and challenge. London: DfE.", "Philip, G. et al. (2021) Invisible men."]


def test_each_finding_keeps_the_footnotes_its_text_cites_as_its_notes(author, tmp_path, curator):
    review = upload(author, make_pdf(tmp_path / "notes.pdf", [CITING_PAGE], footnotes={1: NOTES}))

    first, second = review.findings.order_by("position")
    assert first.note_list == [f"1. {NOTES[0]}"] and "Brandon" not in first.text
    assert second.note_list == [f"2. {NOTES[1]}"]
    page = document_page(author, review)
    assert 'Notes<span class="govuk-visually-hidden"> to The father was not seen</span> (1)' in page
    assert "Philip, G. et al. (2021) Invisible men." in page


def test_the_document_page_shows_the_stages_flags_in_context_and_proposals(author, uploaded):
    page = document_page(author, uploaded)
    assert "Anonymisation checked" in page
    assert f"<mark>{LEAKED_NAME}</mark>" in page
    assert "Finding 2: Bruising on a non-mobile baby" in page
    assert "Must be resolved" in page
    assert 'http-equiv="refresh"' not in page


def test_the_page_refreshes_itself_while_the_document_waits(author, uploaded):
    ReviewDocument.objects.update(state=ReviewDocument.State.QUEUED, stage=ReviewDocument.Stage.EXTRACTED)
    page = document_page(author, uploaded)
    assert 'http-equiv="refresh"' in page
    assert 'id="document-progress"' in page


def test_flag_context_from_the_upload_is_escaped(author, tmp_path):
    pages = [REVIEW_PAGES[0], REVIEW_PAGES[1].replace("Mother's mobile", "<script>alert(1)</script> Mother's mobile")]
    review = upload(author, make_pdf(tmp_path / "x.pdf", pages))
    page = document_page(author, review)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_submission_is_refused_while_a_blocking_flag_is_unresolved(author, uploaded):
    response = author.post(reverse("review-submit", kwargs={"slug": uploaded.slug}), {"declaration": "on"}, follow=True)
    uploaded.refresh_from_db()
    assert uploaded.status == Review.Status.DRAFT
    assert "unresolved" in response.content.decode()


def test_marking_every_blocking_flag_not_identifying_lets_the_author_submit(author, uploaded):
    for flag in uploaded.flags.filter(severity="block"):
        response = author.post(
            reverse("review-flag", kwargs={"slug": uploaded.slug, "flag_id": flag.pk}),
            {f"flag-{flag.pk}-reason": "Invented for the test"},
        )
        assert response.status_code == 302
    assert not uploaded.flags.filter(severity="block", resolution="open").exists()
    author.post(reverse("review-submit", kwargs={"slug": uploaded.slug}), {"declaration": "on"})
    uploaded.refresh_from_db()
    assert uploaded.status == Review.Status.SUBMITTED


def test_marking_a_flag_not_identifying_needs_a_reason(author, uploaded):
    flag = uploaded.flags.filter(severity="block").first()
    response = author.post(
        reverse("review-flag", kwargs={"slug": uploaded.slug, "flag_id": flag.pk}),
        {f"flag-{flag.pk}-reason": " "},
        follow=True,
    )
    flag.refresh_from_db()
    assert flag.resolution == AnonymisationFlag.Resolution.OPEN
    page = response.content.decode()
    assert "<title>Error: " in page and "govuk-error-summary" in page
    assert f'href="#flag-{flag.pk}-reason">Say why this is not identifying' in page


def test_a_corrected_version_fixes_the_earlier_flags_and_replaces_the_proposals(author, uploaded, tmp_path):
    corrected = [page.replace(LEAKED_NAME, "HV1").replace(LEAKED_PHONE, "a mobile number") for page in REVIEW_PAGES]
    author.post(
        reverse("review-upload-version", kwargs={"slug": uploaded.slug}),
        {"document": SimpleUploadedFile("v2.pdf", make_pdf(tmp_path / "v2.pdf", corrected).read_bytes())},
    )
    first, second = uploaded.documents.order_by("version")
    assert first.flags.get(text=LEAKED_NAME).resolution == AnonymisationFlag.Resolution.FIXED
    assert not second.flags.filter(text=LEAKED_NAME).exists()
    assert set(Finding.objects.filter(review=uploaded).values_list("document", flat=True)) == {second.pk}
    author.post(reverse("review-submit", kwargs={"slug": uploaded.slug}), {"declaration": "on"})
    uploaded.refresh_from_db()
    assert uploaded.status == Review.Status.SUBMITTED


def test_flags_are_purged_when_the_review_is_published(uploaded):
    for flag in uploaded.flags.all():
        flag.mark_not_identifying("Invented for the test")
    for finding in uploaded.findings.all():
        finding.themes.add(Theme.objects.get(slug="domestic-abuse"))
    uploaded.submit()
    uploaded.start_curation()
    uploaded.publish()
    assert not AnonymisationFlag.objects.filter(review=uploaded).exists()


def test_processing_again_duplicates_nothing(uploaded):
    document = uploaded.documents.get()
    flag = uploaded.flags.first()
    flag.mark_not_identifying("Invented for the test")
    counts = (Finding.objects.count(), AnonymisationFlag.objects.count(), ThemeSuggestion.objects.count())
    call_command("process_documents", str(document.pk), verbosity=0)
    call_command("process_documents", "--all", verbosity=0)
    assert (Finding.objects.count(), AnonymisationFlag.objects.count(), ThemeSuggestion.objects.count()) == counts
    flag.refresh_from_db()
    assert flag.resolution == AnonymisationFlag.Resolution.NOT_IDENTIFYING
    assert ProcessingStep.objects.filter(document=document).count() == 12


def test_a_failure_is_shown_with_its_reason_and_a_retry_finishes_the_document(author, uploaded):
    document = uploaded.documents.get()
    stored = Path(document.file.path)
    kept = stored.read_bytes()
    stored.unlink()
    process(document.pk, from_start=True)
    document.refresh_from_db()
    assert document.state == ReviewDocument.State.FAILED
    assert "missing" in document.error
    page = document_page(author, uploaded)
    assert "Retry processing" in page and document.error.split(".")[0] in page
    stored.write_bytes(kept)
    author.post(reverse("review-document-retry", kwargs={"slug": uploaded.slug}))
    document.refresh_from_db()
    assert document.state == ReviewDocument.State.DONE


@pytest.mark.parametrize("persona", ["practitioner", "outsider", "other_author"])
def test_only_the_partnership_s_authors_and_curators_see_the_document_page_and_flags(persona, request, uploaded):
    client = request.getfixturevalue(persona)
    response = client.get(reverse("review-document", kwargs={"slug": uploaded.slug}))
    assert response.status_code in (302, 404)
    flag = uploaded.flags.first()
    response = client.post(
        reverse("review-flag", kwargs={"slug": uploaded.slug, "flag_id": flag.pk}), {f"flag-{flag.pk}-reason": "x"}
    )
    assert response.status_code in (302, 404)
    flag.refresh_from_db()
    assert flag.is_open


def test_check_anonymity_prints_one_json_object_a_file(tmp_path, capsys):
    pdf = make_pdf(tmp_path / "a.pdf", REVIEW_PAGES, author="Peter Smithson")
    docx = make_docx(tmp_path / "b.docx", ["Child J lived with Mother.", "Nothing here identifies anyone."])
    call_command("check_anonymity", str(pdf), str(docx), "--allow", "Child J")
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["path"] == str(pdf)
    texts = {flag["text"] for flag in first["flags"]}
    assert LEAKED_NAME in texts and LEAKED_PHONE in texts
    assert {"kind", "severity", "text", "page", "start", "end", "context"} <= set(first["flags"][0])
    assert any(flag["kind"] == "metadata_name" for flag in first["flags"])
    assert second == {"path": str(docx), "flags": []}


# The worker -------------------------------------------------------------------------------------------
def _database_url():
    db = connection.settings_dict
    host = db["HOST"] or "localhost"
    if host.startswith("/"):
        host = host.replace("/", "%2F")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}{port}/{db['NAME']}"


WORKER_OPTIONS = ["--batch", "--no-reload", "--no-startup-delay", "--interval", "0.1"]


def _worker(media_root):
    env = os.environ | {
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(media_root),
        "TASKS_BACKEND": "database",
        "SECRET_KEY": "test-only-secret-key",
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "process_worker", *WORKER_OPTIONS],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killing_the_worker_mid_way_and_restarting_it_finishes_the_document_with_nothing_duplicated(tmp_path, settings):
    review = make_review(Review.Status.DRAFT, pseudonyms=["Child J", "Adult M"])
    pdf = make_pdf(tmp_path / "long.pdf", REVIEW_PAGES * 30)
    checked = CheckedUpload(path=pdf, name="long.pdf", size=pdf.stat().st_size, sha256="0" * 64, kind="pdf")
    document = store(review, checked, None, version=1)  # stored, queued, and in no worker's queue yet

    worker = _worker(settings.MEDIA_ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.stage == ReviewDocument.Stage.EXTRACTED:
            break
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    _, first_errors = worker.communicate()
    document.refresh_from_db()
    assert document.state == ReviewDocument.State.RUNNING, (
        f"the worker was to be killed part-way: {document.error} {first_errors.decode()[-3000:]}"
    )
    assert document.stage != ReviewDocument.Stage.SUGGESTED

    restarted = _worker(settings.MEDIA_ROOT)
    _, errors = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, errors.decode()
    assert "Queued again 1 document" in errors.decode()
    document.refresh_from_db()
    assert document.state == ReviewDocument.State.DONE
    assert document.steps.filter(stage="extracted").count() == 1, "the finished stage was kept"
    proposals = list(Finding.objects.filter(document=document).values_list("proposal_index", flat=True))
    assert len(proposals) == len(set(proposals)) > 0
    flags = list(AnonymisationFlag.objects.filter(document=document).values_list("page", "start", "kind"))
    assert len(flags) == len(set(flags)) > 0


def test_curators_see_every_review_s_document_page(curator, uploaded):
    assert curator.get(reverse("review-document", kwargs={"slug": uploaded.slug})).status_code == 200


def test_the_author_sees_the_curators_comments_when_the_review_is_returned(author, uploaded):
    for flag in uploaded.flags.all():
        flag.mark_not_identifying("Invented for the test")
    uploaded.submit()
    uploaded.start_curation()
    uploaded.return_to_author(reason="Please take the school's name out of page 3.")
    page = document_page(author, uploaded)
    assert "Returned by the curators" in page
    assert "Please take the school&#x27;s name out of page 3." in page


def test_an_action_plan_in_the_report_becomes_the_actions_of_its_recommendations(author, tmp_path):
    from tests.test_recommendation_extraction import ACTION_PLAN, FINDINGS, TRADITIONAL

    path = tmp_path / "child-j.txt"
    path.write_text("Child J: a local child safeguarding practice review\n\n" + "\n\n".join([FINDINGS, TRADITIONAL,
                                                                                            ACTION_PLAN]))  # fmt: skip
    review = upload(author, path)

    police = Recommendation.objects.get(review=review, label="P 1")
    actions = list(police.actions.order_by("id").values_list("text", "owner__name", "owner_text", "status"))
    assert actions == [
        ("Share domestic incident notifications daily", "Police", "Northshire Constabulary", "in-progress"),
        ("Audit 20 notifications for timeliness", None, "Quality Assurance Sub-Group", "not-started"),
    ]
    first = Recommendation.objects.get(review=review, label="CSC 1").actions.get()
    assert (first.status, first.due.isoformat(), first.evidence) == ("completed", "2022-03-31", "Complete")
    first.text = "Changed by the partnership"
    first.save()
    process(review.documents.get().pk, from_start=True)  # processed again: the actions people have stay
    assert list(Recommendation.objects.get(review=review, label="CSC 1").actions.values_list("text", flat=True)) == [
        "Changed by the partnership"
    ]
