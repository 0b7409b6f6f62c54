"""The public copy of a report: made from the checked document with what is hidden taken out, approved by a
curator at publication, downloaded by whoever may see the review, never the uploaded original."""

import io
import zipfile

import docx
import pytest
from django.urls import reverse
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from pypdf import PdfReader

from findings.models import Theme
from reviews.models import IllegalTransition, PublicCopy, Review
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
    assert "Download it to check it" in page and 'name="offer_copy"' in page
    assert curator.get(reverse("review-report", args=[review.slug])).status_code == 200  # before approval
    assert practitioner.get(reverse("review-report", args=[review.slug])).status_code == 404

    curator.post(check, {"offer_copy": "yes"})

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


def curated(author, path):
    """A review uploaded from path, its flags resolved, submitted, in curation and ready to publish."""
    review = upload(author, path)
    for flag in review.flags.all():
        flag.mark_not_identifying("Invented for the test")
    review.submit()
    review.start_curation()
    for finding in review.findings.all():
        finding.themes.add(Theme.objects.get(slug="neglect"))
    return review


def test_a_curator_who_does_not_say_whether_to_offer_a_made_copy_is_asked_and_nothing_is_published(
    curator, author, tmp_path
):
    review = curated(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    make_public_copy(review.latest_document())
    check = reverse("curation-publish", args=[review.slug])

    answer = curator.post(check, {})

    page = answer.content.decode()
    assert answer.status_code == 400 and "<title>Error: Check what will be published" in page
    assert "There is a problem" in page and 'href="#id_offer_copy_0"' in page
    assert "Select whether readers may download the public copy of the report." in page
    assert Review.objects.get(pk=review.pk).status == Review.Status.IN_CURATION


def test_a_review_published_without_its_copy_offers_no_report_to_readers(curator, practitioner, author, tmp_path):
    review = curated(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    make_public_copy(review.latest_document())

    curator.post(reverse("curation-publish", args=[review.slug]), {"offer_copy": "no"})

    assert Review.objects.get(pk=review.pk).status == Review.Status.PUBLISHED
    assert not PublicCopy.objects.get(review=review).is_approved
    assert practitioner.get(reverse("review-report", args=[review.slug])).status_code == 404
    assert "Download the report" not in practitioner.get(review.get_absolute_url()).content.decode()


def test_a_copy_being_made_says_so_and_cannot_be_approved(curator, author, tmp_path):
    review = curated(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))

    curator.post(reverse("curation-public-copy", args=[review.slug]))  # queued: the worker has not run it

    copy = PublicCopy.objects.get(review=review)
    assert copy.state == PublicCopy.State.MAKING
    page = curator.get(reverse("curation-publish", args=[review.slug])).content.decode()
    assert "The public copy is being made" in page and 'name="offer_copy"' not in page
    with pytest.raises(IllegalTransition):
        copy.approve(by=None)


def test_making_a_copy_that_goes_over_its_time_says_why_and_can_be_tried_again(curator, author, tmp_path, settings):
    review = curated(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    settings.INGEST_STAGE_SECONDS = 0

    copy = make_public_copy(review.latest_document())

    assert copy.state == PublicCopy.State.FAILED and not copy.file
    page = curator.get(reverse("curation-publish", args=[review.slug])).content.decode()
    assert "The public copy could not be made: Making the copy took longer than the 0 seconds allowed" in page
    assert "Make the public copy again" in page
    settings.INGEST_STAGE_SECONDS = 60
    assert make_public_copy(review.latest_document()).state == PublicCopy.State.READY


def test_a_document_that_cannot_be_read_again_gives_a_failed_copy_with_its_reason(author, tmp_path):
    review = upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    document = review.latest_document()
    with document.file.open("wb") as damaged:  # the stored file damaged after it was checked
        damaged.write(b"%PDF-1.7 not a PDF any more")

    copy = make_public_copy(document)

    assert copy.state == PublicCopy.State.FAILED
    assert copy.failure.startswith("The document could not be read and written again")


def test_making_the_copy_again_replaces_the_file_and_its_approval(author, tmp_path):
    review = upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    first = make_public_copy(review.latest_document())
    first.approve(by=None)

    again = make_public_copy(review.latest_document())

    assert again.pk == first.pk and not again.is_approved and again.state == PublicCopy.State.READY
    assert again.file.storage.listdir(f"public-copies/{review.public_id}")[1] == [again.file.name.rsplit("/", 1)[1]]


def word_with_embedded_file_and_properties(path):
    """A Word document with an embedded file (an OLE object holding a name) and application properties."""
    make_docx(path, ["Child J lived with her mother in Northshire. " * 20], author="Jane Author-Name")
    document = docx.Document(path)
    embedded = Part(
        PackURI("/word/embeddings/oleObject1.bin"),
        "application/vnd.openxmlformats-officedocument.oleObject",
        f"Family tree: {HIDDEN}".encode(),
        document.part.package,
    )
    rel_id = document.part.relate_to(embedded, RELATIONSHIP_TYPE.OLE_OBJECT)
    run = document.add_paragraph().add_run()
    run._r.append(
        parse_xml(
            '<w:object xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" r:id="{rel_id}"/></w:object>'
        )
    )
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode() if "docProps/app.xml" in names else ""
    assert "word/embeddings/oleObject1.bin" in names and "<Application>" in app  # what the copy must not keep
    return path


def test_an_embedded_file_and_the_application_properties_do_not_survive_in_a_word_copy(author, tmp_path):
    review = upload(author, word_with_embedded_file_and_properties(tmp_path / "child-j.docx"))

    copy = make_public_copy(review.latest_document())

    assert copy.state == PublicCopy.State.READY
    with zipfile.ZipFile(copy.file.open("rb")) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(name) for name in names)
    assert not [name for name in names if name.startswith("word/embeddings/") or name.startswith("docProps/app")]
    assert HIDDEN.encode() not in everything and b"Jane Author-Name" not in everything
    assert "Child J lived with her mother" in "\n".join(p.text for p in docx.Document(copy.file.open("rb")).paragraphs)
