"""The public copy of a report: made from the checked document with what is hidden taken out, approved by a
curator at publication, downloaded by whoever may see the review, never the uploaded original."""

import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from findings.models import Theme
from reviews.models import PublicCopy, Review
from reviews.public_copy import make_public_copy
from tests.documents import make_docx, make_pdf
from tests.review_texts import REVIEW_PAGES
from tests.test_document_processing import upload

pytestmark = pytest.mark.django_db

HIDDEN = "Sarah Jenkins"


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() or "" for page in reader.pages), reader


def test_text_under_a_box_annotations_and_the_authors_name_do_not_survive_in_a_pdfs_copy(author, tmp_path):
    pages = [REVIEW_PAGES[0], REVIEW_PAGES[1] + f"\n\nThe neighbour, {HIDDEN}, rang the police.", REVIEW_PAGES[2]]
    path = make_pdf(tmp_path / "child-j.pdf", pages, redact=HIDDEN, author="Jane Author-Name",
                    annotation=("Jane Author-Name", "Check this page"))  # fmt: skip
    review = upload(author, path)
    document = review.latest_document()
    assert HIDDEN in pdf_text(document.file.open("rb").read())[0], "the original still has it under the box"

    copy = make_public_copy(document)

    text, reader = pdf_text(copy.file.open("rb").read())
    assert HIDDEN not in text and "Jane Author-Name" not in str(reader.metadata or {})
    assert all("/Annots" not in page for page in reader.pages)
    assert "Child J" in text, "the pages without hidden text keep their text"
    assert (copy.content_type, copy.filename) == ("application/pdf", "child-j-report.pdf")


def test_a_comment_a_tracked_deletion_and_the_properties_do_not_survive_in_a_word_copy(author, tmp_path):
    path = make_docx(
        tmp_path / "child-j.docx",
        ["Child J lived with her mother in Northshire. " * 20],
        author="Jane Author-Name",
        last_modified_by="Priya Shah",
        comment=("Priya Shah", "Is the neighbour's name still here?"),
        tracked_deletion=HIDDEN,
        tracked_insertion="the neighbour",
    )
    review = upload(author, path)

    copy = make_public_copy(review.latest_document())

    copied = docx.Document(copy.file.open("rb"))
    text = "\n".join(paragraph.text for paragraph in copied.paragraphs)
    xml = copied.element.xml
    assert HIDDEN not in xml and "neighbour's name" not in xml and "w:ins" not in xml
    assert "the neighbour" in text, "an insertion stays as text"
    assert not [rel for rel in copied.part.rels.values() if rel.reltype.endswith("/comments")]
    properties = copied.core_properties
    assert (properties.author, properties.last_modified_by, properties.title) == ("", "", review.title)


def test_a_curator_makes_the_copy_checks_it_and_approves_it_when_publishing(
    curator, practitioner, author, tmp_path, django_capture_on_commit_callbacks
):
    review = upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    for flag in review.flags.all():
        flag.mark_not_identifying("Invented for the test")
    review.submit()
    review.start_curation()
    for finding in review.findings.all():
        finding.themes.add(Theme.objects.get(slug="neglect"))
    check = reverse("curation-publish", args=[review.slug])
    assert "Make the public copy" in curator.get(check).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the task runs at once in tests
        curator.post(reverse("curation-public-copy", args=[review.slug]))
    copy = PublicCopy.objects.get(review=review)
    page = curator.get(check).content.decode()
    assert "Download it to check it" in page and 'name="approve_copy"' in page
    assert curator.get(reverse("review-report", args=[review.slug])).status_code == 200  # before approval
    assert practitioner.get(reverse("review-report", args=[review.slug])).status_code == 404

    curator.post(check, {"approve_copy": "yes"})

    copy.refresh_from_db()
    assert copy.is_approved and Review.objects.get(pk=review.pk).status == Review.Status.PUBLISHED
    answer = practitioner.get(reverse("review-report", args=[review.slug]))
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"] == 'attachment; filename="child-j-report.pdf"'
    assert answer["X-Content-Type-Options"] == "nosniff"
    served = b"".join(answer.streaming_content)
    assert served == copy.file.open("rb").read() != review.latest_document().file.open("rb").read()
    assert "Download the report" in practitioner.get(review.get_absolute_url()).content.decode()

    review.withdraw(reason="The family recognised themselves")
    assert practitioner.get(reverse("review-report", args=[review.slug])).status_code == 404


def test_a_drafts_copy_is_a_404_to_readers_and_to_other_partnerships(author, other_author, practitioner, tmp_path):
    review = upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    make_public_copy(review.latest_document()).approve(by=None)
    for client in (practitioner, other_author):
        assert client.get(reverse("review-report", args=[review.slug])).status_code == 404
