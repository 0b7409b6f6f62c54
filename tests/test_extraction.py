"""Text extraction from uploaded reviews: the kind of file told from its content, the uploads refused and what the
author is told, and the identifying text found around the body (properties, comments, tracked changes,
annotations, text under boxes, page headers and footers)."""

import os
import zipfile

import docx
import pytest
from lxml import etree
from PIL import Image
from reportlab.pdfbase.pdfmetrics import stringWidth

from ingest.anonymisation import check_document
from ingest.documents import DocumentRejected
from ingest.extraction import Limits, detect_kind, extract, preflight
from ingest.extraction.docx import WordNumbering
from ingest.extraction.pdf import ocr_available
from tests.documents import (
    PAGE_BREAK,
    REVISION_AUTHOR,
    make_docx,
    make_docx_with_many_parts,
    make_pdf,
    make_pdf_of_text_objects,
    make_pdf_with_table,
    make_scanned_pdf,
    make_xlsx,
    make_zip_bomb,
)

SENTENCE = "Child J lived with her mother and two siblings in Northshire."
CURLY_SENTENCE = "Child J\u2019s mother said \u201cnot today\u201d \u2013 twice."
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def rejection(path, **options):
    with pytest.raises(DocumentRejected) as caught:
        extract(path, **options)
    return caught.value


def extras(document, source):
    return [(extra.label, extra.text, extra.page) for extra in document.extras if extra.source == source]


def old_office_file(path, stream):
    """The opening of a compound (OLE2) file naming one stream, as old Word files and encrypted DOCX files are."""
    path.write_bytes(OLE_MAGIC + bytes(504) + stream.encode("utf-16-le") + bytes(1000))
    return path


# The kind of file is told from its content


def test_a_pdf_named_as_text_is_read_as_a_pdf(tmp_path):
    document = extract(make_pdf(tmp_path / "review.txt", [SENTENCE]))

    assert document.kind == "pdf"
    assert document.text == SENTENCE


def test_a_docx_named_as_pdf_is_read_as_a_docx(tmp_path):
    document = extract(make_docx(tmp_path / "review.pdf", [SENTENCE]))

    assert document.kind == "docx"
    assert document.text == SENTENCE


def test_plain_text_named_as_docx_is_read_as_text(tmp_path):
    path = tmp_path / "review.docx"
    path.write_text(SENTENCE, encoding="utf-8")

    assert extract(path).kind == "text"


def test_markdown_is_told_by_its_headings_or_its_name():
    assert detect_kind(b"# Learning from Child J\n\nThe review found gaps.") == "markdown"
    assert detect_kind(b"The review found gaps.", "review.md") == "markdown"
    assert detect_kind(b"The review found gaps.", "review.txt") == "text"


def test_preflight_gives_the_kind_of_an_acceptable_upload_by_its_original_name(tmp_path):
    path = tmp_path / "upload-x1y2z3.tmp"
    path.write_text(SENTENCE, encoding="utf-8")

    assert preflight(path, name="child-j.md", max_bytes=1024) == "markdown"


def test_a_pdf_header_after_some_junk_is_still_a_pdf_but_not_after_a_kilobyte():
    assert detect_kind(b"\r\n" * 200 + b"%PDF-1.7\n") == "pdf"
    assert detect_kind(b"x" * 2000 + b"%PDF-1.7\n") == "text"


# Uploads refused, and what the author is told


def test_a_png_is_refused_as_the_wrong_type_and_named_as_an_image(tmp_path):
    path = tmp_path / "review.pdf"
    Image.new("RGB", (20, 20), "white").save(path, format="PNG")

    error = rejection(path)

    assert error.code == "wrong_type"
    assert error.message.startswith("The file “review.pdf” is a PNG image, not a document we can read.")
    assert "upload the original document instead" in error.message


def test_a_spreadsheet_renamed_docx_is_refused_and_named_as_a_spreadsheet(tmp_path):
    error = rejection(make_xlsx(tmp_path / "review.docx"))

    assert error.code == "wrong_type"
    assert "“review.docx” is an Excel spreadsheet (.xlsx)" in error.message


def test_a_zip_archive_is_refused_as_the_wrong_type(tmp_path):
    path = tmp_path / "review.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("review.txt", SENTENCE)

    error = rejection(path)

    assert error.code == "wrong_type"
    assert "is a ZIP archive" in error.message
    assert "upload the document itself" in error.message


def test_an_old_format_word_document_is_refused_with_advice_to_save_it_as_docx(tmp_path):
    error = rejection(old_office_file(tmp_path / "review.doc", "WordDocument"))

    assert error.code == "wrong_type"
    assert "is a Word document in the old .doc format" in error.message
    assert "Save As to save it as a Word Document (.docx) or as a PDF" in error.message


def test_a_web_page_is_refused_as_the_wrong_type(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text(f"<!DOCTYPE html>\n<html><body><p>{SENTENCE}</p></body></html>", encoding="utf-8")

    error = rejection(path)

    assert error.code == "wrong_type"
    assert "is a web page (HTML)" in error.message


def test_binary_data_is_refused_as_the_wrong_type(tmp_path):
    path = tmp_path / "review.txt"
    path.write_bytes(bytes(range(256)) * 8)

    error = rejection(path)

    assert error.code == "wrong_type"
    assert "is not a PDF, a Word document (.docx) or a plain text file" in error.message


def test_a_file_over_the_size_limit_is_refused_with_its_size_and_the_limit(tmp_path):
    path = tmp_path / "review.txt"
    path.write_bytes(b"Child J. " * 250_000)  # 2,250,000 bytes

    error = rejection(path, max_bytes=2 * 1024 * 1024)

    assert error.code == "too_large"
    assert error.message.startswith("This file is 2.2 MB, which is over the 2 MB limit.")


def test_a_password_protected_pdf_is_refused_as_encrypted(tmp_path):
    error = rejection(make_pdf(tmp_path / "review.pdf", [SENTENCE], encrypt_password="northshire"))

    assert error.code == "encrypted"
    assert "Remove the password and security" in error.message


def test_a_pdf_encrypted_with_an_empty_password_is_refused_as_encrypted(tmp_path):
    error = rejection(make_pdf(tmp_path / "review.pdf", [SENTENCE], encrypt_password=""))

    assert error.code == "encrypted"
    assert "even if it opens without asking for a password" in error.message


def test_a_password_protected_word_document_is_refused_as_encrypted(tmp_path):
    error = rejection(old_office_file(tmp_path / "review.docx", "EncryptedPackage"))

    assert error.code == "encrypted"
    assert "protected with a password" in error.message


@pytest.mark.parametrize("kept", [0.5, 0.98], ids=["half", "all but the end"])
def test_a_truncated_pdf_is_refused_as_corrupt(tmp_path, kept):
    path = make_pdf(tmp_path / "review.pdf", [SENTENCE] * 3)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * kept)])

    error = rejection(path)

    assert error.code == "corrupt"
    assert error.message.startswith("This PDF seems to be damaged or incomplete")


def test_a_truncated_docx_is_refused_as_corrupt(tmp_path):
    path = make_docx(tmp_path / "review.docx", [SENTENCE])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])

    error = rejection(path)

    assert error.code == "corrupt"
    assert error.message.startswith("This Word document seems to be damaged or incomplete")
    assert "save or export it again" in error.message


def test_a_zip_bomb_is_refused(tmp_path):
    error = rejection(make_zip_bomb(tmp_path / "review.docx"))

    assert error.code == "zip_bomb"
    assert "uncompresses to far more data than a review needs" in error.message


def test_a_small_part_packed_far_tighter_than_word_packs_is_refused_as_a_zip_bomb(tmp_path):
    assert rejection(make_zip_bomb(tmp_path / "review.docx", megabytes=2)).code == "zip_bomb"


def test_a_docx_with_too_many_parts_is_refused(tmp_path):
    error = rejection(make_docx_with_many_parts(tmp_path / "review.docx", 60), limits=Limits(parts=50))

    assert error.code == "too_many_parts"
    assert "more than the 50 we accept" in error.message


def test_a_scanned_pdf_is_refused_for_having_no_text_layer(tmp_path):
    error = rejection(make_scanned_pdf(tmp_path / "review.pdf"))

    assert error.code == "no_text_layer"
    assert error.message.startswith("This PDF has no text we can read: the pages are pictures, as from a scanner")
    assert "Export the original document to PDF from your word processor" in error.message
    assert "or upload the DOCX" in error.message


def test_a_pdf_with_most_pages_scanned_is_refused_for_having_no_text_layer(tmp_path):
    error = rejection(make_pdf(tmp_path / "review.pdf", [SENTENCE, None, None]))

    assert error.code == "no_text_layer"
    assert error.message.startswith("2 of the 3 pages of this PDF have no text we can read")


def test_a_few_pages_without_text_among_text_pages_are_accepted_with_a_note(tmp_path):
    document = extract(make_pdf(tmp_path / "review.pdf", [SENTENCE, None, SENTENCE, SENTENCE]))

    assert "1 of 4 pages has no text (pictures or scans); their content could not be checked." in document.notes


def test_a_document_with_no_text_at_all_is_refused_as_empty(tmp_path):
    error = rejection(make_docx(tmp_path / "review.docx", ["", "   "]))

    assert error.code == "empty"
    assert error.message.startswith("This file is empty: we could not find any text in it.")


def test_a_document_of_one_number_is_checked_not_refused(tmp_path):
    nhs_number = tmp_path / "review.txt"
    nhs_number.write_text("943 476 5919\n")

    assert extract(make_docx(tmp_path / "review.docx", ["", "   ", "12"])).text == "12"
    assert extract(nhs_number).text == "943 476 5919"


def test_a_file_of_no_bytes_is_refused_as_empty(tmp_path):
    path = tmp_path / "review.txt"
    path.write_bytes(b"")

    error = rejection(path)

    assert error.code == "empty"
    assert "This file is empty (0 bytes)" in error.message


# PDF


def test_pdf_pages_keep_their_numbers(tmp_path):
    pages = ["The first contact was in March.", "The referral was in May.", "The conference was in July."]

    document = extract(make_pdf(tmp_path / "review.pdf", pages))

    assert [(page.number, page.text) for page in document.pages] == list(enumerate(pages, start=1))


def test_pdf_paragraphs_are_separated_by_a_blank_line_and_their_wrapped_lines_run_on(tmp_path):
    first = " ".join(["The health visitor saw Child J at home and recorded her weight."] * 6)
    second = "Mother gave her mobile number as 07700 900123 to the school nurse, who did not pass it on to anyone."

    document = extract(make_pdf(tmp_path / "review.pdf", [f"{first}\n\n{second}"]))

    assert document.text == f"{first}\n\n{second}"


def test_short_pdf_lines_such_as_list_items_keep_their_line_breaks(tmp_path):
    page = "Agencies involved:\n\u2022 Police\n\u2022 Health visiting\n\u2022 Children's social care"

    document = extract(make_pdf(tmp_path / "review.pdf", [page]))

    assert document.text == page


def test_pdf_author_and_title_are_reported_as_metadata(tmp_path):
    path = make_pdf(tmp_path / "review.pdf", [SENTENCE], author="Sarah Jenkins", title="Child J draft for panel")

    document = extract(path)

    assert document.metadata["Author"] == "Sarah Jenkins"
    assert ("Author", "Sarah Jenkins", None) in extras(document, "metadata")
    assert ("Title", "Child J draft for panel", None) in extras(document, "metadata")


def test_a_sticky_note_on_a_pdf_is_reported_with_its_author(tmp_path):
    note = "Check the date of the visit by Sarah Jenkins."

    document = extract(make_pdf(tmp_path / "review.pdf", [SENTENCE], annotation=("Tom Reviewer", note)))

    assert extras(document, "annotation") == [("Comment by Tom Reviewer", note, 1)]
    assert ("Comment author", "Tom Reviewer", None) in extras(document, "metadata")
    assert "The PDF contains 1 comment added as annotations (such as sticky notes): remove it before publishing." in (
        document.notes
    )


def test_a_name_under_a_black_box_is_reported_as_hidden_text_and_kept_in_the_body(tmp_path):
    page = "The strategy meeting was attended by Sarah Jenkins and the health visitor."

    document = extract(make_pdf(tmp_path / "review.pdf", [page], redact="Sarah Jenkins"))

    assert extras(document, "hidden_text") == [("Text under a filled box", "Sarah Jenkins", 1)]
    assert document.text == page
    assert any("hides it on screen but leaves it in the file" in note for note in document.notes)


def test_a_name_under_an_unapplied_redaction_mark_is_reported_as_hidden_text(tmp_path):
    page = "The strategy meeting was attended by Sarah Jenkins and the health visitor."

    document = extract(make_pdf(tmp_path / "review.pdf", [page], mark_for_redaction="Sarah Jenkins"))

    assert extras(document, "hidden_text") == [("Text marked for redaction but not removed", "Sarah Jenkins", 1)]


def test_a_light_shaded_table_cell_is_not_reported_as_hidden_text(tmp_path):
    page = "Agency | Date seen | Outcome\n\nPolice | March 2023 | No further action"

    document = extract(make_pdf(tmp_path / "review.pdf", [page], shade="Police"))

    assert extras(document, "hidden_text") == []


def test_white_text_on_a_dark_band_is_not_reported_as_hidden_text(tmp_path):
    page = "Key learning for the partnership\n\nAgencies did not share information."

    document = extract(make_pdf(tmp_path / "review.pdf", [page], band="Key learning"))

    assert extras(document, "hidden_text") == []
    assert "Key learning for the partnership" in document.text


def test_repeated_page_headers_and_footers_are_taken_out_and_reported_once(tmp_path):
    pages = ["The family moved.", "The school raised concerns.", "A referral was made.", "The case was closed."]
    path = make_pdf(
        tmp_path / "review.pdf",
        pages,
        header="Child J: Local Child Safeguarding Practice Review, page {page}",
        footer="Northshire Safeguarding Children Partnership",
    )

    document = extract(path)

    assert [page.text for page in document.pages] == pages
    assert extras(document, "header_footer") == [
        ("Page header", "Child J: Local Child Safeguarding Practice Review, page 1", None),
        ("Page footer", "Northshire Safeguarding Children Partnership", None),
    ]


def test_a_line_at_the_top_of_only_a_few_pages_is_kept(tmp_path):
    pages = ["Chronology\n\nThe family moved.", "Chronology\n\nThe school raised concerns."] + [SENTENCE] * 3

    document = extract(make_pdf(tmp_path / "review.pdf", pages))

    assert document.pages[0].text == "Chronology\n\nThe family moved."
    assert extras(document, "header_footer") == []


def test_bare_page_numbers_are_taken_out(tmp_path):
    pages = ["The family moved.", "The school raised concerns."]

    document = extract(make_pdf(tmp_path / "review.pdf", pages, page_numbers=True))

    assert [page.text for page in document.pages] == pages


def test_words_hyphenated_across_pdf_lines_are_joined_and_compounds_keep_their_hyphen(tmp_path):
    document = extract(make_pdf(tmp_path / "review.pdf", ["The multi-\nagency safe-\nguarding partnership met."]))

    assert document.text == "The multi-agency safeguarding partnership met."


# DOCX


def test_a_docx_box_of_one_column_keeps_its_cells_lines_as_lines(tmp_path):
    table = [
        ["Learning for practitioners"],
        ["Evidence first.\nLearning point 1 \u2013 Plans were not reviewed.\nEffective practice \u2013 A prompt call."],
    ]

    document = extract(make_docx(tmp_path / "review.docx", ["The form's boxes follow."], table=table))

    assert document.pages[0].text.splitlines()[-4:] == [
        "Learning for practitioners",
        "Evidence first.",
        "Learning point 1 \u2013 Plans were not reviewed.",
        "Effective practice \u2013 A prompt call.",
    ]


def test_docx_table_rows_become_lines_with_cells_separated_by_bars(tmp_path):
    table = [["Date", "Agency", "Event"], ["March 2023", "Police", "Call to the home"]]

    document = extract(make_docx(tmp_path / "review.docx", ["Chronology of contact."], table=table))

    assert document.text == "Chronology of contact.\n\nDate | Agency | Event\nMarch 2023 | Police | Call to the home"


def test_docx_headers_and_footers_are_reported_and_kept_out_of_the_body(tmp_path):
    path = make_docx(tmp_path / "review.docx", [SENTENCE], header="Draft by Sarah Jenkins", footer="Northshire SCP")

    document = extract(path)

    assert document.text == SENTENCE
    assert sorted(extras(document, "header_footer")) == [
        ("Page footer", "Northshire SCP", None),
        ("Page header", "Draft by Sarah Jenkins", None),
    ]


def test_a_docx_comment_is_reported_with_its_author_and_kept_out_of_the_body(tmp_path):
    comment = ("Priya Shah", "Should we name the school here?")

    document = extract(make_docx(tmp_path / "review.docx", [SENTENCE], comment=comment))

    assert extras(document, "comment") == [("Comment by Priya Shah", "Should we name the school here?", 1)]
    assert ("Comment author", "Priya Shah", None) in extras(document, "metadata")
    assert "name the school" not in document.text


def test_a_docx_tracked_deletion_is_reported_but_left_out_of_the_text(tmp_path):
    document = extract(make_docx(tmp_path / "review.docx", [SENTENCE], tracked_deletion="Sarah Jenkins"))

    assert "Sarah Jenkins" not in document.text
    assert "The strategy meeting was attended by and the allocated social worker." in document.text
    assert extras(document, "tracked_change") == [("Deleted text", "Sarah Jenkins", 1)]
    assert ("Author of tracked changes", REVISION_AUTHOR, None) in extras(document, "metadata")


def test_a_docx_tracked_insertion_is_in_the_text_and_reported(tmp_path):
    document = extract(make_docx(tmp_path / "review.docx", [SENTENCE], tracked_insertion="the grandmother"))

    assert "The referral was made by the grandmother after the second visit." in document.text
    assert extras(document, "tracked_change") == [("Inserted text", "the grandmother", 1)]


def test_docx_comments_and_tracked_changes_are_counted_in_a_note(tmp_path):
    path = make_docx(
        tmp_path / "review.docx",
        [SENTENCE],
        comment=("Priya Shah", "Is this date right?"),
        tracked_deletion="Sarah Jenkins",
        tracked_insertion="the mother",
    )

    document = extract(path)

    assert "The document contains 1 comment and 2 tracked changes: remove them before publishing." in document.notes


def test_docx_author_and_last_modified_by_are_reported(tmp_path):
    path = make_docx(tmp_path / "review.docx", [SENTENCE], author="Sarah Jenkins", last_modified_by="Tom Reviewer")

    document = extract(path)

    assert document.metadata["Author"] == "Sarah Jenkins"
    assert ("Author", "Sarah Jenkins", None) in extras(document, "metadata")
    assert ("Last modified by", "Tom Reviewer", None) in extras(document, "metadata")


def test_docx_page_breaks_start_new_pages(tmp_path):
    path = make_docx(tmp_path / "review.docx", ["The family moved.", PAGE_BREAK, "The school raised concerns."])

    document = extract(path)

    assert [(page.number, page.text) for page in document.pages] == [
        (1, "The family moved."),
        (2, "The school raised concerns."),
    ]


def test_a_docx_footnote_is_kept_as_a_note_of_the_page_that_refers_to_it_not_its_text(tmp_path):
    path = make_docx(tmp_path / "review.docx", [SENTENCE], footnote="Source: the GP record for Mr Darren Kowalczyk.")

    document = extract(path)

    assert document.text.endswith("The family moved to the area in the spring.") and "GP record" not in document.text
    notes = [(e.label, e.text, e.page) for e in document.extras if e.source == "footnote"]
    assert notes == [("Footnote 1", "Source: the GP record for Mr Darren Kowalczyk.", 1)]
    assert ("footnote", "Mr Darren Kowalczyk") in [(flag.source, flag.text) for flag in check_document(document)]
    cited = [e.context for e in document.extras if e.source == "footnote"]
    assert cited == ["The family moved to the area in the spring."]


def test_a_docx_text_box_is_read_once(tmp_path):
    document = extract(make_docx(tmp_path / "review.docx", [SENTENCE], text_box="Child J said nobody listened."))

    assert document.text.count("Child J said nobody listened.") == 1


# Plain text, and normalising every kind


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "review.txt"
    path.write_bytes(CURLY_SENTENCE.encode("cp1252"))

    document = extract(path)

    assert document.text == CURLY_SENTENCE
    assert document.metadata == {"Encoding": "cp1252"}


def test_utf8_text_with_a_byte_order_mark_is_read_without_it(tmp_path):
    path = tmp_path / "review.txt"
    path.write_bytes(f"\ufeff{CURLY_SENTENCE}".encode())

    assert extract(path).text == CURLY_SENTENCE


def test_form_feeds_split_a_text_file_into_pages(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text("The family moved.\fThe school raised concerns.", encoding="utf-8")

    document = extract(path)

    assert [(page.number, page.text) for page in document.pages] == [
        (1, "The family moved."),
        (2, "The school raised concerns."),
    ]


def test_ligatures_soft_hyphens_and_runs_of_spaces_are_normalised(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text("The \ufb01nal report on safe\u00adguarding   was signed off.", encoding="utf-8")

    assert extract(path).text == "The final report on safeguarding was signed off."


def test_hyphenation_follows_the_forms_the_document_uses_elsewhere(tmp_path):
    path = tmp_path / "review.txt"
    text = "Inter-agency work was poor.\nThe inter-\nagency plan was co-\nordinated.\nWork was coordinated later."
    path.write_text(text, encoding="utf-8")

    assert extract(path).text.split("\n")[1] == "The inter-agency plan was coordinated."


def test_a_bold_heading_set_close_above_its_text_in_a_pdf_starts_a_paragraph_of_its_own(tmp_path):
    # No space after the heading: only its weight of type sets it apart.
    heading = "Online abuse is abuse"
    page = f"{heading}\n5.3 The school saw the messages as a social media issue and as something she got into."
    document = extract(make_pdf(tmp_path / "review.pdf", [page], bold=[heading]))

    assert document.pages[0].text.startswith(f"{heading}\n\n5.3 The school saw")


def test_markdown_footnotes_leave_the_text_and_are_kept_as_notes_that_are_still_checked(tmp_path):
    path = tmp_path / "review.md"
    path.write_text(
        "# Finding 1: Missed appointments were not followed up\n\n"
        "Appointments were missed eleven times[^1] and nobody asked why.[^note]\n\n"
        "[^1]: Health visiting records, 2019 to 2021.\n"
        "[^note]: As told to the review by Mr Darren Kowalczyk,\n"
        "    the family's neighbour.\n"
    )
    document = extract(path)

    assert "[^" not in document.text and "Health visiting records" not in document.text
    assert "eleven times and nobody asked why." in document.text
    notes = [(extra.source, extra.label, extra.text, extra.page) for extra in document.extras]
    assert notes == [
        ("footnote", "Footnote 1", "Health visiting records, 2019 to 2021.", 1),
        ("footnote", "Footnote note", "As told to the review by Mr Darren Kowalczyk, the family's neighbour.", 1),
    ]
    flagged = [(flag.source, flag.text) for flag in check_document(document)]
    assert ("footnote", "Mr Darren Kowalczyk") in flagged
    contexts = [extra.context for extra in document.extras]  # where each is cited: the finding keeps it
    assert contexts[0].endswith("Appointments were missed eleven times")
    assert contexts[1].endswith("eleven times and nobody asked why.")


def test_a_text_exports_notes_at_its_end_leave_the_text_with_their_marks_but_not_a_handles_digits(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text(
        "Finding 1: Online contact was not asked about\n\n"
        "The guidance1 was clear. Messages came from @river.fox2 and from others,2 and nobody asked.\n\n"
        "Notes\n"
        "1 Northshire Partnership (2020) Online safety guidance.\n"
        "2 Police disclosure,\n"
        "  March 2021.\n"
    )
    document = extract(path)

    assert "The guidance was clear." in document.text and "from others, and nobody asked." in document.text
    assert "@river.fox2" in document.text and "Notes" not in document.text and "disclosure" not in document.text
    assert [(extra.label, extra.text) for extra in document.extras] == [
        ("Footnote 1", "Northshire Partnership (2020) Online safety guidance."),
        ("Footnote 2", "Police disclosure, March 2021."),
    ]
    contexts = [" ".join(extra.context.split()) for extra in document.extras]  # where each is cited
    assert contexts[0].endswith("Online contact was not asked about The guidance")
    assert contexts[1].endswith("Messages came from @river.fox2 and from others,")


def test_a_text_ending_in_a_notes_heading_followed_by_prose_keeps_it(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text("Learning\n\nPractice was good.\n\nNotes\n\nThe panel met twice and agreed the report.\n")

    document = extract(path)

    assert "The panel met twice" in document.text and document.extras == []


def test_a_table_set_small_at_the_foot_of_a_pdf_page_stays_in_the_text_and_is_no_footnote(tmp_path):
    page = (
        "5. Findings\n\n5.1 Each missing episode was closed as a separate event, so nobody saw the pattern.\n\n"
        "5.2 The risk assessment was held by one agency and reviewed by no one else.\n\n"
        "5.3 The children's home was not invited to the strategy meetings about the child.\n\n"
        "6. Recommendations\n\n6.1 The lead reviewers make the following recommendations to the Board."
    )
    rows = [
        "No.    Recommendation",
        "1    The LSCB should revise the missing-from-care protocol.",
        "2    The LSCB should replace the single-agency risk assessment.",
    ]
    document = extract(make_pdf(tmp_path / "review.pdf", [page], foot_table={1: rows}, page_numbers=True))

    text = " ".join(document.pages[0].text.split())
    assert "The LSCB should revise the missing-from-care protocol." in text
    assert "The LSCB should replace the single-agency risk assessment." in text
    assert [e for e in document.extras if e.source == "footnote"] == []


def test_pdf_footnotes_leave_the_page_text_with_their_raised_marks_and_are_kept_as_notes(tmp_path):
    page = (
        "Learning\n\n"
        "The learning is that online abuse is abuse, whoever the child says is to blame.^1 Practitioners "
        "had not been trained^2 and did not know what the police could do.\n\n"
        "The school kept 12 separate records of the concerns."
    )
    notes = ["Internet Watch Foundation (2023) Annual Report.", "As the review heard from Mr Darren Kowalczyk."]
    document = extract(make_pdf(tmp_path / "review.pdf", [page], footnotes={1: notes}, page_numbers=True))

    text = " ".join(document.pages[0].text.split())
    assert "whoever the child says is to blame. Practitioners had not been trained and did not know" in text
    assert "Internet Watch" not in text and "Kowalczyk" not in text
    assert "kept 12 separate records" in text  # a number in the text's own type stays
    assert [(e.source, e.label, e.text, e.page) for e in document.extras if e.source == "footnote"] == [
        ("footnote", "Footnote 1", notes[0], 1),
        ("footnote", "Footnote 2", notes[1], 1),
    ]
    assert ("footnote", "Mr Darren Kowalczyk") in [(flag.source, flag.text) for flag in check_document(document)]
    contexts = [" ".join(e.context.split()) for e in document.extras if e.source == "footnote"]
    assert contexts[0].endswith("whoever the child says is to blame.")
    assert contexts[1].endswith("Practitioners had not been trained")


SCANNED_PAGE = (
    "Finding 1: The health visitor was not told\n"
    "The police attended three incidents of domestic\n"
    "abuse and no referral reached the health visitor."
)


def ocr_required():
    """OCR needs Debian's tesseract-ocr: .ci/run installs it and sets OCR_TESTS=required; elsewhere, a skip."""
    if not ocr_available():
        message = "OCR tests need Debian's tesseract-ocr: `apt-get install tesseract-ocr` (.ci/run installs it)."
        if os.environ.get("OCR_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)


def test_a_scanned_pdf_is_read_by_ocr_with_a_note_saying_so(tmp_path):
    ocr_required()
    document = extract(make_scanned_pdf(tmp_path / "scan.pdf", texts=[SCANNED_PAGE, SCANNED_PAGE]))

    words = " ".join(document.pages[0].text.split())
    assert "The police attended three incidents of domestic abuse" in words
    assert document.notes[0].startswith("2 pages were scanned pictures, read by optical character recognition")


def test_without_ocr_a_scanned_pdf_is_refused_as_needing_its_text(tmp_path):
    error = rejection(make_scanned_pdf(tmp_path / "scan.pdf", texts=[SCANNED_PAGE]), limits=Limits(ocr=False))
    assert error.code == "no_text_layer"


def test_words_automatic_list_numbers_and_bullets_are_read_before_each_item_as_a_reader_sees_them(tmp_path):
    document = docx.Document()
    document.add_paragraph("Recommendations")
    for text in ("The partnership should audit the protocol.", "The police should share incidents."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("The first part of the second recommendation.", style="List Bullet")
    document.add_paragraph("A point of another list, numbered on its own.", style="List Number 2")
    document.add_paragraph("The panel thanks the family.")
    path = tmp_path / "numbered.docx"
    document.save(path)

    text = extract(path).pages[0].text

    assert text.split("\n\n") == [
        "Recommendations",
        "1. The partnership should audit the protocol.",
        "2. The police should share incidents.",
        "\u2022 The first part of the second recommendation.",
        "1. A point of another list, numbered on its own.",
        "The panel thanks the family.",
    ]


WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_numbering(definitions):
    """WordNumbering of a numbering part holding these w:abstractNum and w:num elements."""
    return WordNumbering(
        etree.fromstring(f'<w:numbering xmlns:w="{WORD}">{definitions}</w:numbering>'), None, f"{{{WORD}}}"
    )


def list_item(level, num_id=1):
    """A paragraph's properties putting it at a level of a list instance."""
    return etree.fromstring(
        f'<w:pPr xmlns:w="{WORD}"><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    )


def test_list_levels_are_numbered_in_their_own_format_and_restart_under_a_new_item():
    numbers = word_numbering(
        '<w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%3"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
    )

    assert [numbers.label(list_item(level)) for level in (0, 1, 1, 2, 0, 1)] == ["3.", "(a)", "(b)", "3.i", "4.", "(a)"]
    assert numbers.label(etree.fromstring(f'<w:pPr xmlns:w="{WORD}"/>')) == ""


def test_a_list_whose_own_instance_says_where_it_starts_restarts_there_after_another_of_the_same_definition():
    numbers = word_numbering(
        '<w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
    )

    # (an instance with no override carries on the definition's count, as Word does)
    labels = [numbers.label(list_item(0, num_id)) for num_id in (1, 1, 1, 2, 2, 3)]
    assert labels == ["1.", "2.", "3.", "1.", "2.", "3."]


RECOMMENDATIONS_TABLE = [
    ["Finding", "No.", "Recommendation", "Lead agency"],
    ["Finding 1", "1", "The LSCB should issue guidance on identifying and engaging fathers and other men in a baby's "
     "household, and should include it in its core training.", "Northshire LSCB"],
    ["", "2", "The hospital trust should record the father's name and date of birth at booking.", "Hospital trust"],
    ["Finding 2", "3", "The CCG should make sure that every GP practice has had training on the bruising protocol.",
     "CCG"],
]  # fmt: skip


def test_a_pdf_tables_rows_are_read_a_row_a_line_with_their_cells_apart_and_an_empty_cell_kept(tmp_path):
    path = make_pdf_with_table(
        tmp_path / "review.pdf",
        RECOMMENDATIONS_TABLE,
        before=["9.1 The table sets out each recommendation against the finding it comes from, with the agency that "
                "will lead it. Where a finding gives rise to two recommendations, the finding is named once."],
        after=["9.2 No recommendation is made to the ambulance service, whose practice was good."],
        widths=[60, 30, 250, 90],
    )  # fmt: skip

    text = extract(path).pages[0].text

    assert "Finding | No. | Recommendation | Lead agency\n" in text
    assert "\nFinding 1 | 1 | The LSCB should issue guidance on identifying and engaging fathers" in text
    assert "\n| 2 | The hospital trust should record the father's name and date of birth at booking. | Hospital" in text
    assert "\n\n9.2 No recommendation is made to the ambulance service" in text  # the paragraph after it stays one


def test_rows_across_a_pdf_table_stay_rows_of_their_own(tmp_path):
    rows = [
        ["Ref", "Recommendation", "Learning"],
        ["Regional recommendations", "", ""],
        ["1.1", "The SBNI should develop regional procedures for fabricated or induced illness.", "(a)"],
        ["1.2", "The SBNI should provide training on fabricated or induced illness for education welfare officers.",
         "(b)"],
        ["Local recommendations", "", ""],
        ["2.1", "The Trust should see children aged eight and over alone at every outpatient appointment.", "(d)"],
    ]  # fmt: skip
    path = make_pdf_with_table(tmp_path / "review.pdf", rows, widths=[100, 290, 60], spans=(1, 4))

    lines = extract(path).pages[0].text.splitlines()

    assert [line.split(" | ")[0] for line in lines] == [
        "Ref", "Regional recommendations", "1.1", "1.2", "Local recommendations", "2.1"
    ]  # fmt: skip


def test_text_set_in_two_columns_of_a_page_is_not_read_as_a_table(tmp_path):
    left = "The health visitor saw the baby at home three times. " * 6
    right = "The police attended two domestic incidents at the address. " * 6
    path = make_pdf_with_table(tmp_path / "review.pdf", [[left, right]], widths=[230, 230])

    assert " | " not in extract(path).pages[0].text


def test_a_row_across_the_end_of_a_pdf_table_is_read_once(tmp_path):
    rows = [
        ["Ref", "Recommendation", "Learning"],
        ["1.1", "The SBNI should develop regional procedures for fabricated or induced illness.", "(a)"],
        ["1.2", "The SBNI should provide training on fabricated or induced illness for teachers.", "(b)"],
        ["Local recommendations to follow", "", ""],
    ]
    path = make_pdf_with_table(
        tmp_path / "review.pdf", rows, widths=[100, 290, 60], spans=(3,), after=["5.2 The panel made no other."]
    )

    text = extract(path).pages[0].text

    assert text.count("Local recommendations to follow") == 1
    assert "1.2 | The SBNI should provide training" in text


def test_a_pdf_table_whose_cells_are_each_one_line_is_read_a_row_a_line_and_its_words_are_not_names(tmp_path):
    rows = [
        ["Version", "Date", "Author", "Comment"],
        ["0.1", "May 2021", "Lead reviewer", "Draft for the panel"],
        ["0.2", "July 2021", "Lead reviewer", "Revised after the workshop"],
        ["1.0", "Sept 2021", "Business unit", "Final"],
    ]
    path = make_pdf_with_table(tmp_path / "review.pdf", rows, before=["Version control"], widths=[60, 80, 110, 190])

    document = extract(path)

    assert "0.2 | July 2021 | Lead reviewer | Revised after the workshop" in document.pages[0].text
    assert [flag.text for flag in check_document(document) if flag.kind == "person_name"] == []


def test_a_label_and_its_value_above_a_wrapped_table_row_are_not_read_as_a_one_line_table(tmp_path):
    rows = [
        ["No.", "Recommendation"],
        ["A", "Publish specific advice for schools on online sexual extortion, making clear that a child who is"
              " extorted is a victim and is never to be blamed or disciplined for what happened."],
        ["Lead", "Department for Education"],
        ["B", "Establish a single national route, available at any hour, through which a child being extorted can get"
              " immediate advice and help to have images removed from the internet."],
    ]  # fmt: skip
    path = make_pdf_with_table(tmp_path / "review.pdf", rows, before=["Recommendations"], widths=[40, 400])

    text = extract(path).pages[0].text

    assert "extorted can get immediate advice" in " ".join(text.split())
    assert "Lead | Department for Education\nB | Establish" not in text


def test_a_table_header_pdfium_gives_as_one_line_above_its_rows_is_read_as_the_tables_first_row(tmp_path):
    header = ["Paragraph", "Addressed to", "Key finding", "Subject"]
    rows = [header, ["10.3", "The LSCB", "Finding 1", "Children named"], ["10.4", "The police", "Finding 2", "Seen"]]
    widths = [stringWidth(cell, "Helvetica", 8.4) + 8 for cell in header[:3]] + [120]  # (cells close together)
    path = make_pdf_with_table(tmp_path / "index.pdf", rows, before=["Annex A: Index"], widths=widths, padding=4)

    lines = extract(path).pages[0].text.split("\n")

    header_at = lines.index("Paragraph | Addressed to | Key finding | Subject")
    assert lines[header_at + 1] == "10.3 | The LSCB | Finding 1 | Children named"


def test_a_numbered_paragraph_after_a_sentences_end_starts_its_own_line_even_after_a_full_line(tmp_path):
    page = (
        "10.2 The agencies' own recommendations are listed in Appendix 1 for information only.\n"
        "10.3 The LSCB is asked to accept the nine recommendations."
    )

    document = extract(make_pdf(tmp_path / "review.pdf", [page]))

    assert document.text == page


def test_a_pdf_line_padded_with_spaces_after_one_character_is_read_not_refused(tmp_path):
    lines = ["Nobody asked who the adults were.", "x      ", "The health visitor saw the baby twice in that month."]

    document = extract(make_pdf_of_text_objects(tmp_path / "review.pdf", lines))

    assert document.text.split("\n") == ["Nobody asked who the adults were.", "x", lines[2]]


def test_a_web_pages_character_references_are_read_as_the_characters_they_stand_for(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("AZ&rsquo;s mother&rsquo;s GP was at Bramley&nbsp;Surgery &amp; the school knew.", encoding="utf-8")

    read = extract(path, name=path.name).pages[0].text

    assert read == "AZ\u2019s mother\u2019s GP was at Bramley Surgery & the school knew."


def test_words_field_codes_and_a_citation_managers_codes_are_read_as_their_results(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "Finding SEQ Finding \\* ARABIC 1: A plan from another area was treated as closed.\n"
        "Recommendation 1 (see Finding REF _Ref161900101 \\h 1): The Partnership should revise its procedure.\n"
        "Child: MERGEFIELD Child_Full_Name Wiktor Lipski-Keel\n"
        "the graze ( ADDIN EN.CITE <EndNote><Cite><Author>Brandon</Author></Cite></EndNote> (Brandon et al., 2020)).\n",
        encoding="utf-8",
    )

    read = extract(path, name=path.name).pages[0].text

    assert "Finding 1: A plan" in read
    assert "(see Finding 1)" in read
    assert "Child: Wiktor Lipski-Keel" in read
    assert "EndNote" not in read and "(Brandon et al., 2020)" in read


def test_utf8_read_as_windows_1252_is_read_as_it_was_written(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "Report to the Chief Officers\u00e2\u20ac\u2122 Group \u00e2\u20ac\u201c October 2014. The"
        " school\u00e2\u20ac\u2122s depute head teacher found her hiding food. Caf\u00c3\u00a9 visits stopped.",
        encoding="utf-8",
    )

    read = extract(path, name=path.name).pages[0].text

    assert read == (
        "Report to the Chief Officers\u2019 Group \u2013 October 2014. The school\u2019s depute head teacher found her"
        " hiding food. Caf\u00e9 visits stopped."
    )
