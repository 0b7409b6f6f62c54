"""The limits on what an uploaded document may hold, from settings, with the messages that say so."""

from django.conf import settings

from ingest.documents import DocumentRejected
from ingest.extraction import Limits

_MB = 1024 * 1024
CHARACTERS_PER_WORD = 10  # the text may have this many characters a word on average, spaces included


def extraction_limits():
    return Limits(
        parts=settings.INGEST_DOCX_MAX_PARTS,
        unpacked_bytes=settings.INGEST_DOCX_MAX_UNPACKED_MB * _MB,
        xml_bytes=settings.INGEST_DOCX_MAX_XML_MB * _MB,
        ocr=settings.INGEST_OCR,
    )


def amount(number):
    """1,234 or 1.2 million."""
    if number >= 1_000_000:
        return f"{number / 1_000_000:.1f} million".replace(".0 ", " ")
    return f"{number:,}"


def check_length(extracted):
    """Refuse a document with more words, or more text, than the largest review accepted."""
    words, largest = extracted.word_count, settings.INGEST_MAX_WORDS
    if words > largest:
        raise DocumentRejected(
            "too_many_words",
            f"This document has {amount(words)} words; the largest accepted is {amount(largest)} words (a long "
            "serious case review has about 60,000). Check it is the review itself and not a bundle of documents; "
            "if it is, split it into parts and upload the review.",
        )
    characters, most = len(extracted.text), largest * CHARACTERS_PER_WORD
    if characters > most:
        raise DocumentRejected(
            "too_long",
            f"This document has {amount(characters)} characters of text; the largest accepted is {amount(most)}. "
            "It may hold long runs of text without spaces, such as embedded data: check it is the review itself, "
            "save it again from your word processor, and upload that.",
        )


def check_flag_count(flags):
    """Refuse a document with more possible identifiers than an author could review one by one."""
    found, most = len(flags), settings.INGEST_MAX_FLAGS
    if found > most:
        raise DocumentRejected(
            "too_many_flags",
            f"The anonymisation check found {amount(found)} possible identifying details in this document, more "
            f"than the {amount(most)} it can list for you to review. That usually means the document has not been "
            "redacted, or is not the review that will be published. Redact names, addresses, dates of birth and "
            "reference numbers, and upload the redacted version.",
        )
