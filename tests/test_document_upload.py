"""Authors upload a review: the checks made while they wait, each rejection's message, versions."""

import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reviews.models import RejectedUpload, Review, ReviewDocument
from tests.documents import make_docx, make_pdf, make_scanned_pdf, make_zip_bomb
from tests.factories import make_partnership, make_review
from tests.review_texts import REVIEW_PAGES


def upload_form(client, document, **fields):
    data = {
        "title": "Child J",
        "partnership": client.partnership.pk if hasattr(client, "partnership") else make_partnership().pk,
        "nation": "england",
        "review_type": "lcspr",
        "publication_year": "2022",
        "outcome": "serious-harm",
        "reviewer": "Jane Reviewer",
        "summary": "",
        "pseudonyms_text": "Child J\nAdult M",
        "age_bands": ["under-1"],
        "document": document,
    }
    data.update(fields)
    return data


def as_upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def test_an_author_uploads_a_pdf_and_is_taken_to_its_checks(author, tmp_path):
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    response = author.post(reverse("review-new"), upload_form(author, as_upload(pdf)))
    review = Review.objects.get(title="Child J")
    assert response.status_code == 302
    assert response["Location"] == reverse("review-document", kwargs={"slug": review.slug})
    assert review.status == Review.Status.DRAFT
    assert review.pseudonyms == ["Child J", "Adult M"]
    document = review.documents.get()
    assert (document.version, document.kind, document.original_name) == (1, "pdf", "child-j.pdf")
    assert document.file.read() == pdf.read_bytes()


def test_the_upload_form_shows_field_errors_and_an_error_summary(author, tmp_path):
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    response = author.post(reverse("review-new"), upload_form(author, as_upload(pdf), title="", partnership=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter the pseudonym the review uses" in page
    assert "Select the partnership that publishes the review." in page
    assert not Review.objects.exists()


def test_a_review_type_from_another_nation_is_refused(author, tmp_path):
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    response = author.post(reverse("review-new"), upload_form(author, as_upload(pdf), nation="scotland"))
    assert "is not a review type used in Scotland" in response.content.decode()
    assert not Review.objects.exists()


def _png(tmp_path):
    path = tmp_path / "review.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    return path


def _truncated_pdf(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", REVIEW_PAGES).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    return path


def _encrypted_pdf(tmp_path):
    return make_pdf(tmp_path / "locked.pdf", REVIEW_PAGES, encrypt_password="secret")


def _scan(tmp_path):
    return make_scanned_pdf(tmp_path / "scan.pdf")


def _empty_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   \n\n  \n")
    return path


def _zip_bomb(tmp_path):
    return make_zip_bomb(tmp_path / "bomb.docx")


def _renamed_spreadsheet(tmp_path):
    path = tmp_path / "review.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


@pytest.mark.parametrize(
    ("build", "code", "wording"),
    [
        (_png, "wrong_type", "PNG"),
        (_renamed_spreadsheet, "wrong_type", "spreadsheet"),
        (_truncated_pdf, "corrupt", "damaged"),
        (_encrypted_pdf, "encrypted", "password"),
        (_zip_bomb, "zip_bomb", "uncompress"),
    ],
)
def test_a_file_the_repository_cannot_take_is_refused_with_what_is_wrong(author, tmp_path, build, code, wording):
    response = author.post(reverse("review-new"), upload_form(author, as_upload(build(tmp_path))))
    page = response.content.decode()
    rejection = RejectedUpload.objects.get()
    assert response.status_code == 200
    assert rejection.code == code
    assert wording.lower() in rejection.message.lower()
    assert rejection.message.split(":")[0] in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert not Review.objects.exists()
    assert not ReviewDocument.objects.exists()


@pytest.mark.parametrize(
    ("build", "code", "wording"),
    [(_scan, "no_text_layer", "scan"), (_empty_text, "empty", "empty")],
)
def test_a_file_refused_once_read_is_refused_on_the_document_page_and_recorded(author, tmp_path, build, code, wording):
    response = author.post(reverse("review-new"), upload_form(author, as_upload(build(tmp_path))), follow=True)
    page = response.content.decode()
    rejection = RejectedUpload.objects.get()
    document = ReviewDocument.objects.get()
    assert rejection.code == code and rejection.review == document.review and rejection.sha256 == document.sha256
    assert wording.lower() in rejection.message.lower()
    assert document.state == ReviewDocument.State.REFUSED and document.error == rejection.message
    assert "This file cannot be used" in page
    assert rejection.message.split(":")[0] in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "Retry processing" not in page
    assert reverse("review-upload-version", kwargs={"slug": document.review.slug}) in page


def test_a_file_over_the_size_limit_is_refused_with_the_size_and_the_limit(author, tmp_path, settings):
    settings.UPLOAD_MAX_MB = 1
    big = tmp_path / "big.txt"
    big.write_text("Child J was seen by the health visitor. " * 40_000)
    response = author.post(reverse("review-new"), upload_form(author, as_upload(big)))
    assert "the largest file accepted is 1 MB" in response.content.decode()
    assert RejectedUpload.objects.get().code == "too_large"


def test_the_same_file_uploaded_twice_is_refused_with_a_link_to_the_first(author, tmp_path):
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    author.post(reverse("review-new"), upload_form(author, as_upload(pdf)))
    first = Review.objects.get()
    response = author.post(reverse("review-new"), upload_form(author, as_upload(pdf, "copy.pdf"), title="Child K"))
    page = response.content.decode()
    assert "has already been uploaded, as version 1 of “Child J”" in page
    assert reverse("review-document", kwargs={"slug": first.slug}) in page
    assert Review.objects.count() == 1


def test_the_type_is_decided_by_the_content_not_the_name(author, tmp_path):
    docx = make_docx(tmp_path / "child-j.docx", list(REVIEW_PAGES))
    response = author.post(reverse("review-new"), upload_form(author, as_upload(docx, "child-j.pdf")))
    assert response.status_code == 302
    document = ReviewDocument.objects.get()
    assert document.kind == "docx"
    assert document.content_type.endswith("wordprocessingml.document")


def test_a_corrected_version_is_kept_beside_the_first(author, tmp_path):
    author.post(reverse("review-new"), upload_form(author, as_upload(make_pdf(tmp_path / "v1.pdf", REVIEW_PAGES))))
    review = Review.objects.get()
    corrected = [page.replace("Sarah Jenkins", "the health visitor") for page in REVIEW_PAGES]
    response = author.post(
        reverse("review-upload-version", kwargs={"slug": review.slug}),
        {"document": as_upload(make_pdf(tmp_path / "v2.pdf", corrected))},
    )
    assert response.status_code == 302
    assert list(review.documents.order_by("version").values_list("version", "original_name")) == [
        (1, "v1.pdf"),
        (2, "v2.pdf"),
    ]


def test_a_submitted_review_takes_no_new_version(author, tmp_path):
    review = make_review(Review.Status.SUBMITTED, partnership=author.partnership)
    response = author.post(
        reverse("review-upload-version", kwargs={"slug": review.slug}),
        {"document": as_upload(make_pdf(tmp_path / "v2.pdf", REVIEW_PAGES))},
    )
    assert "cannot be replaced" in response.content.decode()
    assert not review.documents.exists()


@pytest.mark.parametrize("persona", ["practitioner", "outsider"])
def test_only_authors_may_upload(persona, request, tmp_path):
    client = request.getfixturevalue(persona)
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    response = client.post(reverse("review-new"), upload_form(client, as_upload(pdf)))
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert reverse("sign-in") in response["Location"]
    assert not Review.objects.exists()


def test_a_text_file_in_cp1252_is_read(author, tmp_path):
    path = tmp_path / "review.txt"
    path.write_bytes("\n\n".join(REVIEW_PAGES).replace("children's", "children\u2019s").encode("cp1252"))
    author.post(reverse("review-new"), upload_form(author, SimpleUploadedFile("review.txt", path.read_bytes())))
    document = ReviewDocument.objects.get()
    assert document.kind == "text"
    assert "children\u2019s social care" in document.extracted_text


def test_a_file_above_the_in_memory_limit_streams_through_disk_and_arrives_whole(author, tmp_path, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    pdf = make_pdf(tmp_path / "long.pdf", REVIEW_PAGES * 10)
    with pdf.open("rb") as handle:
        response = author.post(reverse("review-new"), upload_form(author, handle))
    assert response.status_code == 302
    assert ReviewDocument.objects.get().size == pdf.stat().st_size


def test_an_author_uploads_only_for_their_own_partnerships(author, other_author, tmp_path):
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)
    response = author.post(
        reverse("review-new"), upload_form(author, as_upload(pdf), partnership=other_author.partnership.pk)
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Review.objects.exists()


def test_a_zero_byte_upload_is_refused_and_recorded_like_any_other_refusal(author):
    response = author.post(reverse("review-new"), upload_form(author, SimpleUploadedFile("review.pdf", b"")))

    rejection = RejectedUpload.objects.get()
    assert response.status_code == 200
    assert rejection.code == "empty" and rejection.original_name == "review.pdf"
    assert "empty" in response.content.decode()
    assert not Review.objects.exists()
