"""The backlog: `ingest_folder` reads a folder of published reports (PDF, DOCX, text, Markdown; scans by OCR)
into draft reviews for curators, with what each report says about itself, lists what it could not read, and
adds nothing when run again; curators take the drafts from the backlog."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from agencies.models import Partnership
from findings.models import Theme
from ingest.metadata import read_metadata
from reviews.models import RejectedUpload, Review, ReviewDocument
from tests.documents import make_docx, make_pdf, make_scanned_pdf
from tests.factories import make_review
from tests.review_texts import REVIEW_PAGES
from tests.test_extraction import ocr_required

pytestmark = pytest.mark.django_db

TITLE_PAGE = (
    "Child Safeguarding Practice Review\n\nBaby T\n\nWestvale Safeguarding Children Partnership\n\n"
    "Published: March 2022\n\nAuthor: independent reviewer"
)
WELSH_TITLE = [
    "Extended Child Practice Review",
    "Cwm Tawelan Regional Safeguarding Children Board",
    "Re: Young Person R",
    "Hydref 2017",
    "The review considered how agencies in Wales worked together with Young Person R and her family.",
    "Learning point 1: The school was not told about the overdose",
    "The school nurse saw Young Person R twice, but the hospital did not tell the school about the overdose.",
]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest_folder", *map(str, args), stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    (reports / "wales").mkdir(parents=True)
    make_pdf(reports / "baby-t-2022.pdf", [TITLE_PAGE, *REVIEW_PAGES[1:]])
    make_docx(reports / "wales" / "cpr-2017.docx", WELSH_TITLE)
    make_scanned_pdf(reports / "scan.pdf")  # pictures of grey bars: nothing to read, with OCR or without
    (reports / "empty.txt").write_bytes(b"")
    (reports / "minutes.xlsx").write_bytes(b"PK\x03\x04 not a review")
    return reports


def test_each_report_becomes_a_backlog_draft_with_what_it_says_about_itself(folder):
    output = run(folder)

    baby_t = Review.objects.get(title="Baby T")
    assert (baby_t.status, baby_t.backlog) == (Review.Status.DRAFT, True)
    assert (baby_t.nation, baby_t.review_type) == ("england", "lcspr")
    assert (baby_t.publication_month, baby_t.publication_year) == (3, 2022)
    assert baby_t.partnership.name == "Westvale Safeguarding Children Partnership"
    assert not baby_t.partnership.confirmed  # created for it: a curator confirms it
    assert baby_t.documents.get().state == ReviewDocument.State.DONE
    assert baby_t.findings.filter(title__startswith="Information about domestic abuse").exists()
    assert baby_t.flags.exists()  # the leaked name of the review text: a curator resolves it

    welsh = Review.objects.get(title="Young Person R")
    assert (welsh.nation, welsh.review_type, welsh.publication_month, welsh.publication_year) == (
        "wales", "cpr", 10, 2017
    )  # fmt: skip
    assert welsh.partnership.name == "Cwm Tawelan Regional Safeguarding Children Board"
    assert welsh.partnership.kind == Partnership.Kind.REGIONAL_BOARD

    assert "[1/4] baby-t-2022.pdf: queued" in output
    assert f"Processed [{'#' * 30}] 3/3" in output
    assert "2 new backlog drafts, 0 already in the repository, 3 could not be read." in output
    assert "scan.pdf: needs OCR: This PDF has no text we can read" in output
    assert "\n  empty.txt: The file is empty" in output
    assert RejectedUpload.objects.get(original_name="empty.txt").code == "empty"  # recorded like every refusal
    assert "`manage.py process_documents " in output  # how to read the scan again
    assert "minutes.xlsx: not a PDF, DOCX, text or Markdown file" in output


def test_running_again_on_the_same_folder_adds_nothing(folder):
    run(folder)
    reviews, documents = Review.objects.count(), ReviewDocument.objects.count()

    output = run(folder)

    assert (Review.objects.count(), ReviewDocument.objects.count()) == (reviews, documents)
    assert "baby-t-2022.pdf: already in the repository (Baby T)" in output
    assert "0 new backlog drafts, 3 already in the repository, 2 could not be read." in output


def test_the_csv_wins_over_what_the_report_says(folder, tmp_path):
    existing = Partnership.objects.create(name="Northshire Safeguarding Children Partnership", nation="england")
    csv = tmp_path / "metadata.csv"
    csv.write_text(
        "file,title,partnership,nation,review_type,month,year\n"
        "baby-t-2022.pdf,Baby T2,Northshire Safeguarding Children Partnership,England,Serious case review,,2012\n"
        "not-here.pdf,Child Q,,,,,\n",
        encoding="utf-8",
    )

    output = run(folder, "--metadata", csv)

    review = Review.objects.get(title="Baby T2")
    assert (review.partnership, review.review_type, review.publication_year) == (existing, "scr", 2012)
    assert review.publication_month == 3  # not in the CSV: read from the report
    assert "The CSV names not-here.pdf, which is not in" in output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,year\nx.pdf,2020\n", "one of them “file”"),
        ("file,colour\nx.pdf,red\n", "unknown columns colour"),
        ("file,nation\nx.pdf,Atlantis\n", "line 2: nation “Atlantis” is not one of"),
        ("file,year\nx.pdf,20\n", "line 2: year “20” is not a number from 1970 to 2100"),
    ],
)
def test_a_csv_that_cannot_be_used_is_refused_saying_where_and_why(folder, tmp_path, content, message):
    csv = tmp_path / "metadata.csv"
    csv.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run(folder, "--metadata", csv)
    assert not Review.objects.exists()


def test_a_scanned_report_is_read_by_ocr(tmp_path):
    ocr_required()
    folder = tmp_path / "scans"
    folder.mkdir()
    make_scanned_pdf(folder / "scanned.pdf", texts=[TITLE_PAGE.replace("\n\n", "\n"), REVIEW_PAGES[1]])

    output = run(folder)

    review = Review.objects.get()
    assert review.title == "Baby T" and review.publication_year == 2022
    assert "1 new backlog draft, 0 already in the repository, 0 could not be read." in output
    assert "read by optical character recognition" in review.documents.get().notes[0]


def test_curators_take_a_processed_draft_from_the_backlog(folder, curator, author):
    run(folder)
    review = Review.objects.get(title="Baby T")
    queue = curator.get(reverse("curation-queue")).content.decode()
    assert 'id="backlog"' in queue and "New: confirm it" in queue and "3/2022" in queue
    assert curator.get(reverse("curation-review", kwargs={"slug": review.slug})).status_code == 200
    assert curator.get(reverse("review-document", kwargs={"slug": review.slug})).status_code == 200  # its flags

    response = curator.post(reverse("curation-take", kwargs={"slug": review.slug}))

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.Status.IN_CURATION and review.curator.is_staff
    assert f'id="backlog-{review.pk}"' not in curator.get(reverse("curation-queue")).content.decode()
    assert author.get(reverse("curation-queue")).status_code == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SIGNIFICANT CASE REVIEW\nChildren A and B\nLoch Arden Child Protection Committee\nDate: 14 November 2019",
            {"title": "Children A and B", "partnership": "Loch Arden Child Protection Committee",
             "nation": "scotland", "review_type": "significant-case-review", "month": 11, "year": 2019},
        ),
        (
            "Case Management Review\nExecutive Summary\nSafeguarding Board for Northern Ireland\nFamily K\n2016-05",
            {"title": "Family K", "partnership": "Safeguarding Board for Northern Ireland",
             "nation": "northern-ireland", "review_type": "cmr", "month": 5, "year": 2016},
        ),
        ("Minutes of the meeting held on a Tuesday.", {}),
    ],
)  # fmt: skip
def test_a_title_page_is_read_for_pseudonym_partnership_nation_type_and_date(text, expected):
    assert read_metadata(text).as_dict() == expected


def test_a_backlog_report_whose_title_page_said_nothing_cannot_be_published_until_its_details_are_added(
    curator, tmp_path
):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "notes-2019.txt").write_text(
        "Finding 1: Nobody asked the child\n\nThe school saw the bruises and did not ask the child about them.\n"
    )
    run(folder)
    review = Review.objects.get()
    assert (review.title, review.nation, review.review_type) == ("notes 2019", "", "")
    curator.post(reverse("curation-take", kwargs={"slug": review.slug}))
    review.findings.get().themes.add(Theme.objects.get(slug="voice-of-the-child"))

    response = curator.post(reverse("curation-publish", kwargs={"slug": review.slug}))

    assert "lack its nation and its type of review" in response.content.decode()
    review.refresh_from_db()
    assert review.status == Review.Status.IN_CURATION


def test_a_draft_is_taken_only_from_the_backlog_and_only_once_its_document_is_read(curator):
    waiting = make_review(Review.Status.DRAFT, title="Child W", backlog=True)  # no document read yet
    authors = make_review(Review.Status.DRAFT, title="Child A")  # an author's draft: the author submits it

    for review, said in ((waiting, "its document has not been read"), (authors, "a review that is submitted")):
        response = curator.post(reverse("curation-take", kwargs={"slug": review.slug}), follow=True)
        assert said in response.content.decode()
        review.refresh_from_db()
        assert review.status == Review.Status.DRAFT and review.curator is None
