"""Findings of the security review (issue 11) that are fixed, each with the test that shows it: the admin's
sign-in takes part in the lockout; a duplicate upload names only a review the uploader may work on; a
search never fails on ids a cache kept a moment too long; absurd page numbers and ids are answered, not 500."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from reviews.models import Review
from search.engine import search
from tests.documents import make_pdf
from tests.factories import make_finding, make_partnership, make_review, make_user, sign_in
from tests.review_texts import REVIEW_PAGES
from tests.test_document_upload import as_upload, upload_form

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def test_an_account_locked_at_the_sign_in_page_is_locked_at_the_admins_too(settings):
    settings.LOCKOUT_FAILURES = 3
    curator = make_user(staff=True)
    client = Client()
    for _ in range(3):
        client.post(reverse("sign-in"), {"username": curator.username, "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": curator.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "locked after too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_at_the_admins_sign_in_count_towards_the_lock(settings):
    settings.LOCKOUT_FAILURES = 3
    curator = make_user(staff=True)
    client = Client()
    for _ in range(3):
        client.post(reverse("admin:login"), {"username": curator.username, "password": "wrong"})
    response = client.post(reverse("sign-in"), {"username": curator.username, "password": PASSWORD})
    assert "locked after too many failed attempts" in response.content.decode()


def test_the_admin_is_for_administrators_only(settings):
    settings.LOCKOUT_FAILURES = 1
    curator, administrator = make_user(staff=True), make_user(staff=True, is_superuser=True)
    client = Client()
    refused = client.post(reverse("admin:login"), {"username": curator.username, "password": PASSWORD})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert "The admin is for administrators" in refused.content.decode()
    sign_in(client, curator)
    assert client.get("/admin/reviews/review/").status_code == 302  # to the admin's sign-in
    signed_in = Client().post(reverse("sign-in"), {"username": curator.username, "password": PASSWORD})
    assert signed_in.status_code == 302  # a right password at the admin is not a failure that locks
    client = Client()
    signed_in = client.post(reverse("admin:login"), {"username": administrator.username, "password": PASSWORD})
    assert signed_in.status_code == 302 and client.session["_auth_user_id"] == str(administrator.pk)


def test_a_duplicate_of_another_partnerships_draft_is_refused_without_naming_it(author, other_author, tmp_path):
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    author.post(reverse("review-new"), upload_form(author, as_upload(pdf), title="Child Secret"))
    theirs = Review.objects.get()
    response = other_author.post(reverse("review-new"), upload_form(other_author, as_upload(pdf), title="Child K"))
    page = response.content.decode()
    assert "has already been uploaded to the repository, for a review you do not have access to" in page
    assert "Child Secret" not in page and theirs.slug not in page
    assert Review.objects.count() == 1


def test_a_cached_page_of_ids_never_shows_a_review_deleted_or_withdrawn_since(practitioner):
    make_finding(make_review(title="Child Kept", publication_year=2020), title="Kept")
    gone = make_finding(make_review(title="Child Gone", publication_year=2021), title="Gone")
    hidden = make_finding(make_review(title="Child Hidden", publication_year=2022), title="Hidden")
    assert [r.title for r in search().results] == ["Hidden", "Gone", "Kept"]  # cached: browsing
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM search_corpus")
        version = cursor.fetchone()[0]
        gone.review.delete()
        hidden.review.withdraw(reason="Identifying detail found")
        # A reader that read the version just before these changes committed would still find its cache.
        cursor.execute("UPDATE search_corpus SET version = %s", [version])
    assert [r.title for r in search().results] == ["Kept"]
    assert [r["title"] for r in practitioner.get(reverse("api-search")).json()["results"]] == ["Kept"]


def test_an_absurd_page_number_gives_the_last_page_not_an_error(practitioner):
    make_finding(make_review(title="Child P"), title="Only")
    response = practitioner.get(reverse("search"), {"page": "9223372036854775807"})
    assert response.status_code == 200 and "Only" in response.content.decode()
    assert practitioner.get(reverse("review-list"), {"page": "9223372036854775807"}).status_code == 200
    assert practitioner.get(reverse("api-search"), {"page": "9223372036854775807"}).status_code == 400


def test_an_id_with_a_nul_byte_is_not_found_in_the_api(practitioner):
    assert practitioner.get(reverse("api-review", args=["child-j\x00"])).status_code == 404
    assert practitioner.get(reverse("api-lesson", args=["a\x00b"])).status_code == 404


def test_a_user_made_without_a_password_can_set_one_through_a_reset():
    from io import StringIO

    from django.core import mail
    from django.core.management import call_command

    call_command(
        "create_user", "newcomer", "--role", "curator", "--email", "new@example.org", "--no-password",
        stdout=StringIO(),
    )  # fmt: skip
    response = Client().post(reverse("password-reset"), {"email": "new@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "/account/password-reset/" in mail.outbox[0].body
    refused = Client().post(reverse("sign-in"), {"username": "newcomer", "password": ""})
    assert "_auth_user_id" not in refused.wsgi_request.session


def test_no_copy_of_an_upload_is_left_behind_when_the_form_goes_back_or_the_review_is_not_a_draft(
    author, tmp_path, monkeypatch
):
    import tempfile

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    refused = author.post(reverse("review-new"), upload_form(author, as_upload(pdf), title=""))
    assert refused.status_code == 200 and not Review.objects.exists()
    review = make_review(Review.Status.SUBMITTED, partnership=author.partnership, title="Child S")
    author.post(reverse("review-upload-version", kwargs={"slug": review.slug}), {"document": as_upload(pdf)})
    assert list(spool.glob("upload-*")) == []


def test_the_deployment_check_is_clean_behind_a_tls_proxy():
    import os
    import secrets
    import subprocess
    import sys

    from django.conf import settings as django_settings

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "casereviews.example.org",
        "BEHIND_TLS_PROXY": "1",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout


def test_signed_in_pages_are_kept_by_no_cache_and_public_ones_may_be(author, practitioner):
    signed_in = author.get(reverse("search"))
    assert "private" in signed_in["Cache-Control"] and "no-store" in signed_in["Cache-Control"]
    assert "no-store" not in practitioner.get(reverse("search")).get("Cache-Control", "")


def test_an_author_cannot_change_flags_once_the_review_is_submitted(author, tmp_path):
    from reviews.models import AnonymisationFlag

    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    author.post(reverse("review-new"), upload_form(author, as_upload(pdf)))
    review = Review.objects.get()
    for flag in review.flags.all():
        flag.mark_not_identifying("Invented for the test")
    review.submit()
    flag = review.flags.first()
    url = reverse("review-flag", kwargs={"slug": review.slug, "flag_id": flag.pk})
    response = author.post(url, {"action": "reopen"}, follow=True)
    assert "its authors can change its flags only while it is a draft" in response.content.decode()
    assert AnonymisationFlag.objects.get(pk=flag.pk).resolution == AnonymisationFlag.Resolution.NOT_IDENTIFYING


def test_a_large_body_is_refused_before_it_is_read(practitioner, author, settings):
    settings.UPLOAD_MAX_MB = 2
    big = b"x" * (1024 * 1024 + 1)
    refused = practitioner.generic("POST", reverse("sign-in"), big, content_type="application/octet-stream")
    assert refused.status_code == 413 and "at most 1 MB" in refused.content.decode()
    taken = author.generic("POST", reverse("review-new"), big, content_type="application/octet-stream")
    assert taken.status_code != 413  # an author may send an upload's worth
    too_big = author.generic("POST", reverse("review-new"), b"x" * (3 * 1024 * 1024 + 1), content_type="text/plain")
    assert too_big.status_code == 413


def test_two_uploads_of_one_file_that_pass_their_checks_together_store_it_once(author, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ingest.forms import NewReviewForm
    from reviews.models import RejectedUpload, ReviewDocument

    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    forms = []
    for title in ("Child J", "Child K"):  # both checked before either is stored, as two requests at once are
        data = upload_form(author, None, title=title)
        files = {"document": SimpleUploadedFile("child-j.pdf", pdf.read_bytes())}
        form = NewReviewForm({k: v for k, v in data.items() if k != "document"}, files, user=author.user)
        assert form.is_valid(), form.errors
        forms.append(form)
    forms[0].save()
    with pytest.raises(Exception, match="already been uploaded"):
        forms[1].save()
    assert ReviewDocument.objects.count() == 1 and Review.objects.count() == 1
    assert "already been uploaded" in forms[1].errors["document"][0]
    assert RejectedUpload.objects.filter(code="duplicate").count() == 1


def test_pages_carry_a_content_security_policy_without_inline_allowances(practitioner):
    import re as regex

    response = practitioner.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    nonce = regex.search(r"'nonce-([^']+)'", policy).group(1)
    page = response.content.decode()
    assert f'<script nonce="{nonce}">' in page
    assert not regex.search(r"<script(?![^>]*(src=|nonce=))", page)  # every other script is a file
    assert ' style="' not in page


def test_a_review_s_address_does_not_tell_that_a_hidden_review_of_the_same_name_exists(practitioner):
    partnership = make_partnership(name="Northshire Safeguarding Children Partnership")
    hidden = make_review(status=Review.Status.DRAFT, title="Child J", publication_year=2024, partnership=partnership)
    published = make_review(title="Child J", publication_year=2024, partnership=partnership)
    alone = make_review(title="Child Q", publication_year=2024, partnership=partnership)

    shape = re.compile(r"child-[jq]-northshire-2024-[0-9a-f]{6}")
    assert all(shape.fullmatch(review.slug) for review in (hidden, published, alone))  # alone or not, one shape
    assert published.slug != hidden.slug
    assert practitioner.get(published.get_absolute_url()).status_code == 200
    assert practitioner.get(hidden.get_absolute_url()).status_code == 404
