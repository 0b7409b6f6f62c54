"""Work on untrusted files is bounded: the upload request makes only cheap checks, the worker reads each document
in a child process with a time and a memory limit, what a document may hold is capped with a clear message, large
files have their own queue, and an interrupted stage is recorded as such. Caps are lowered through settings."""

import functools
import random
import string
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ingest import extraction
from ingest.documents import DocumentRejected
from ingest.limits import amount
from ingest.processing import process, recover_interrupted
from reviews import bounded
from reviews.models import AnonymisationFlag, ProcessingStep, RejectedUpload, Review, ReviewDocument
from tests.documents import (
    make_docx,
    make_docx_understating_its_size,
    make_docx_with_big_headers,
    make_pdf,
    make_pdf_with_inflating_stream,
)
from tests.review_texts import REVIEW_PAGES
from tests.test_document_upload import as_upload, upload_form


def upload(client, path, **fields):
    return client.post(reverse("review-new"), upload_form(client, as_upload(path), **fields), follow=True)


def refused(response):
    """The document uploaded, refused by the worker, and what its page said."""
    document = ReviewDocument.objects.get()
    page = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert document.state == ReviewDocument.State.REFUSED, document.error
    assert "This file cannot be used" in page and document.error in page
    rejection = RejectedUpload.objects.get()
    assert (rejection.message, rejection.review, rejection.sha256) == (document.error, document.review, document.sha256)
    return rejection


# Item 2: the request checks cheaply; the worker reads in a child process with a memory limit


def test_the_upload_check_does_not_inflate_a_pdf_s_content(tmp_path):
    bomb = make_pdf_with_inflating_stream(tmp_path / "review.pdf", megabytes=200)

    assert extraction.preflight(bomb) == "pdf"  # read as bytes: nothing inflated, nothing parsed


def test_a_pdf_whose_stream_inflates_beyond_the_memory_limit_is_refused_on_its_page(author, tmp_path, settings):
    settings.INGEST_STAGE_MEMORY_MB = 64
    response = upload(author, make_pdf_with_inflating_stream(tmp_path / "review.pdf", megabytes=200))

    rejection = refused(response)
    assert rejection.code == "too_complex"
    assert rejection.message.startswith("Reading the text of this file needed more than the 64 MB of memory allowed")


def test_an_ordinary_pdf_is_read_within_the_same_memory_limit(author, tmp_path, settings):
    settings.INGEST_STAGE_MEMORY_MB = 64
    upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))

    assert ReviewDocument.objects.get().state == ReviewDocument.State.DONE


def test_a_docx_of_many_large_header_parts_is_refused_at_upload_by_its_declared_size(author, tmp_path, settings):
    settings.INGEST_DOCX_MAX_XML_MB = 8
    docx = make_docx_with_big_headers(tmp_path / "review.docx", headers=12, kilobytes=900)

    response = author.post(reverse("review-new"), upload_form(author, as_upload(docx)))

    assert response.status_code == 200
    assert RejectedUpload.objects.get().code == "too_much_xml"
    assert "unpacks to more than 8 MB of text and layout" in response.content.decode()
    assert not ReviewDocument.objects.exists()


# Item 3: a part whose header understates its size is never inflated whole


def test_a_docx_part_understating_its_size_is_refused_as_damaged_within_a_small_memory_limit(tmp_path):
    docx = make_docx_understating_its_size(tmp_path / "review.docx", megabytes=150)
    read = functools.partial(extraction.extract, docx)

    with pytest.raises(DocumentRejected) as caught:
        bounded.run(read, seconds=30, memory_mb=64)

    assert caught.value.code == "corrupt"


def test_the_xml_unpacked_is_counted_as_it_is_read(tmp_path):
    docx = make_docx_understating_its_size(tmp_path / "review.docx", megabytes=20)
    with pytest.raises(DocumentRejected) as caught:
        extraction.extract(docx, limits=extraction.Limits(xml_bytes=1024))
    assert caught.value.code == "too_much_xml"


# Item 4: time limits, caps on words, text, flags and indexed length, a queue for large files, interruptions


def test_a_stage_over_its_time_limit_is_stopped_and_the_document_refused(author, tmp_path, settings):
    settings.INGEST_STAGE_SECONDS = 1
    text = tmp_path / "review.txt"
    sentence = "Child J was seen by the health visitor at home on 3 May 2021 with Adult M present. "
    text.write_text(sentence * 6000)  # about 500 KB: the anonymisation check takes far longer than a second

    rejection = refused(upload(author, text))

    assert rejection.code == "too_slow"
    assert rejection.message.startswith(
        "Checking this document for identifying details took longer than the 1 seconds allowed"
    )
    step = ProcessingStep.objects.get(stage=ReviewDocument.Stage.CHECKED)
    assert step.error == rejection.message and step.seconds < 10
    assert not AnonymisationFlag.objects.exists()


def test_a_document_with_more_words_than_the_largest_review_is_refused_saying_how_many(author, tmp_path, settings):
    settings.INGEST_MAX_WORDS = 1_000
    docx = make_docx(tmp_path / "review.docx", ["Child J was seen by the health visitor at home. " * 250])

    rejection = refused(upload(author, docx))

    assert rejection.code == "too_many_words"
    assert rejection.message.startswith("This document has 2,500 words; the largest accepted is 1,000 words")
    assert Review.objects.get().full_text == ""


def test_large_numbers_of_words_are_said_in_millions():
    assert (amount(1_234_567), amount(2_000_000), amount(250_000)) == ("1.2 million", "2 million", "250,000")


def test_a_document_of_text_without_spaces_is_refused_for_its_length(author, tmp_path, settings):
    settings.INGEST_MAX_WORDS = 1_000
    text = tmp_path / "review.txt"
    text.write_text("Child J was seen. " + "x" * 20_000)

    rejection = refused(upload(author, text))

    assert rejection.code == "too_long"
    assert "characters of text; the largest accepted is 10,000" in rejection.message


def test_a_document_with_more_possible_identifiers_than_can_be_reviewed_is_refused(author, tmp_path, settings):
    settings.INGEST_MAX_FLAGS = 20
    text = tmp_path / "review.txt"
    text.write_text("\n\n".join(f"The family moved on {day} March 2019 to 1{day} Oak Street." for day in range(1, 29)))

    rejection = refused(upload(author, text))

    assert rejection.code == "too_many_flags"
    assert "more than the 20 it can list for you to review" in rejection.message
    assert not AnonymisationFlag.objects.exists()


def test_a_text_the_search_index_cannot_hold_is_refused_with_a_clear_message(author, tmp_path):
    words = random.Random(1)
    text = tmp_path / "review.txt"
    text.write_text(" ".join("".join(words.choices(string.ascii_lowercase, k=9)) for _ in range(130_000)))

    rejection = refused(upload(author, text))

    assert rejection.code == "not_indexable"
    assert rejection.message.startswith("This document has more different words than the search index can hold")


def test_a_refused_document_cannot_be_retried_only_replaced(author, tmp_path, settings):
    settings.INGEST_MAX_WORDS = 10
    response = upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    review = Review.objects.get()
    assert "Retry processing" not in response.content.decode()

    response = author.post(reverse("review-document-retry", kwargs={"slug": review.slug}), follow=True)

    assert "retrying would not help: upload a corrected version" in response.content.decode()
    assert ReviewDocument.objects.get().state == ReviewDocument.State.REFUSED
    assert "cannot be used" in review.submission_problems()[0]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "large", "embeddings"]},
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits as it works
def test_a_large_file_waits_in_its_own_queue_and_a_small_one_is_not_stuck_behind_it(
    author, tmp_path, settings, database_queue
):
    settings.INGEST_LARGE_MB = 1
    large = tmp_path / "large.txt"
    large.write_text("Child J was seen by the health visitor at home. " * 25_000)  # 1.2 MB
    upload(author, large)
    upload(author, make_pdf(tmp_path / "small.pdf", REVIEW_PAGES), title="Child K")
    documents = DBTaskResult.objects.exclude(queue_name="embeddings")  # (creating the reviews asked for embeddings)
    queues = {task.args_kwargs["args"][0]: task.queue_name for task in documents}
    large_document = ReviewDocument.objects.get(original_name="large.txt")
    small_document = ReviewDocument.objects.get(original_name="small.pdf")
    assert queues == {large_document.pk: "large", small_document.pk: "default"}

    call_command("process_worker", queue_name="default", batch=True, reload=False, startup_delay=False, verbosity=0)

    small_document.refresh_from_db()
    large_document.refresh_from_db()
    assert small_document.state == ReviewDocument.State.DONE
    assert large_document.state == ReviewDocument.State.QUEUED


def test_a_stage_interrupted_by_a_worker_stopping_is_closed_as_interrupted(author, tmp_path):
    upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    document = ReviewDocument.objects.get()
    # As a worker leaves a document when it is killed in the middle of the anonymisation check:
    document.stage, document.state = ReviewDocument.Stage.EXTRACTED, ReviewDocument.State.RUNNING
    document.save()
    left = ProcessingStep.objects.create(document=document, stage=ReviewDocument.Stage.CHECKED)

    assert recover_interrupted() == 1

    left.refresh_from_db()
    document.refresh_from_db()
    assert left.interrupted and left.finished_at is not None
    assert document.state == ReviewDocument.State.DONE
    page = author.get(reverse("review-document", kwargs={"slug": document.review.slug})).content.decode()
    assert "Interrupted" in page and "The worker stopped during this stage; it was run again." in page


def test_processing_again_closes_a_step_left_open(author, tmp_path):
    upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    document = ReviewDocument.objects.get()
    left = ProcessingStep.objects.create(document=document, stage=ReviewDocument.Stage.CHECKED)

    process(document.pk, from_start=True)

    left.refresh_from_db()
    assert left.interrupted


# Item 8, at the database: one stored copy of a file


def test_the_database_refuses_a_second_document_with_the_same_digest(author, tmp_path):
    upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    first = ReviewDocument.objects.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewDocument.objects.create(
            review=first.review, version=2, file="x.pdf", original_name="x.pdf", size=1, sha256=first.sha256
        )


def test_a_child_process_has_no_database(db):
    with pytest.raises(RuntimeError, match="has no database"):
        bounded.run(functools.partial(Review.objects.count), seconds=10, memory_mb=256)


def test_a_child_process_hands_back_its_result_and_its_refusals():
    assert bounded.run(functools.partial(sum, [1, 2, 3]), seconds=10, memory_mb=64) == 6

    def refuse():
        raise DocumentRejected("empty", "Nothing here.")

    with pytest.raises(DocumentRejected) as caught:
        bounded.run(refuse, seconds=10, memory_mb=64)
    assert (caught.value.code, caught.value.message) == ("empty", "Nothing here.")


def test_a_refused_document_is_processed_again_by_the_command_once_the_limit_is_raised(author, tmp_path, settings):
    settings.INGEST_MAX_WORDS = 10
    upload(author, make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES))
    document = ReviewDocument.objects.get()
    errors = StringIO()
    with pytest.raises(CommandError, match="1 of 1 document failed"):
        call_command("process_documents", str(document.pk), stderr=errors, stdout=StringIO())
    assert "child-j.pdf (version 1): refused: This document has 307 words" in errors.getvalue()

    settings.INGEST_MAX_WORDS = 250_000
    errors = StringIO()
    call_command("process_documents", str(document.pk), stderr=errors, stdout=StringIO())

    document.refresh_from_db()
    assert document.state == ReviewDocument.State.DONE
    assert "[1/1] [####] child-j.pdf (version 1): Themes suggested" in errors.getvalue()
