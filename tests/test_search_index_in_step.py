"""The search index is kept in step one way: the database marks what changed and applies the marks once per
transaction, at commit. These tests defer the marks as production does (`apply_at_commit`), then fire the
commit-time work with `apply_at_each_statement` (SET CONSTRAINTS ... IMMEDIATE runs what the commit would)."""

import pytest
from django.db import connection

from findings.models import Finding
from ingest.processing import find_findings, save_proposal
from reviews.models import Review, ReviewDocument
from search import indexing
from search.models import PendingChange
from tests.factories import make_finding, make_review
from tests.search_helpers import titles

pytestmark = pytest.mark.django_db

POINTS = 25


def entry_writes():
    """Rows written to the search entries in this transaction so far."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_xact_user_tables "
            "WHERE relname IN ('findings_findingentry', 'findings_reviewentry')"
        )
        return int(cursor.fetchone()[0])


def document_with_points(review, count):
    text = "\n\n".join(
        f"Learning point {n}\n\nPractitioners in agency {n} did not share what they knew about the risk to the child."
        for n in range(1, count + 1)
    )
    return ReviewDocument.objects.create(
        review=review,
        original_name="review.txt",
        size=len(text),
        sha256="0" * 64,
        content_type="text/plain",
        kind="text",
        pages=[{"number": 1, "text": text}],
        extracted_text=text,
    )


def test_a_proposal_of_many_findings_writes_the_index_once_when_its_transaction_commits():
    review = make_review(status=Review.Status.DRAFT, title="Child P")
    document = document_with_points(review, POINTS)
    indexing.apply_at_commit()
    version, writes = indexing.corpus_version(), entry_writes()

    save_proposal(document, find_findings(document))

    proposed = Finding.objects.filter(review=review).count()
    assert proposed >= POINTS - 1
    assert entry_writes() == writes  # nothing is indexed before the commit
    assert PendingChange.objects.filter(kind="f").count() == proposed
    assert PendingChange.objects.filter(kind="r", object_id=review.pk).count() == 1

    indexing.apply_at_each_statement()  # what the commit runs

    assert entry_writes() - writes == proposed + 1  # each finding's entry once, the review's once
    assert indexing.corpus_version() > version
    assert not PendingChange.objects.exists()


def test_many_statements_in_one_transaction_are_applied_together():
    indexing.apply_at_commit()
    version, writes = indexing.corpus_version(), entry_writes()
    review = make_review(title="Child Q")
    for n in range(5):
        make_finding(review, title=f"Finding {n}", text="Cuckooing of the flat was not recognised.")
    assert (indexing.corpus_version(), entry_writes()) == (version, writes)
    indexing.apply_at_each_statement()
    assert indexing.corpus_version() > version
    assert entry_writes() - writes == 5 + 1
    assert len(titles("cuckooing")) == 5


def test_a_bulk_update_that_sends_no_signal_still_reaches_the_index():
    finding = make_finding(make_review(title="Child U"), title="Finding", text="Nothing of note.")
    Finding.objects.filter(pk=finding.pk).update(text="The flat was taken over by dealers: cuckooing.")
    assert titles("cuckooing") == ["Finding"]


def recount_matches():
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM findings_searchterm")
        stored = dict(cursor.fetchall())
    return stored == indexing.recount_terms()


def test_word_statistics_equal_a_full_recount_after_publish_edit_withdraw_and_delete():
    draft = make_review(status=Review.Status.IN_CURATION, title="Child W", summary="Overcrowding in the home.")
    finding = make_finding(draft, title="Housing", text="The family lived in overcrowded temporary housing.")
    other = make_review(title="Child V", summary="Neglect over many years.")
    make_finding(other, title="Neglect", text="Chronic neglect was not recognised by the school.")
    assert recount_matches()

    draft.publish(check=False)
    assert recount_matches()

    finding.text = "The family moved between hostels; nobody followed them."  # words gone and words new
    finding.save()
    assert recount_matches()

    draft.summary = "A family in hostels."
    draft.keywords = ["homelessness"]
    draft.save()
    assert recount_matches()

    draft.withdraw(reason="Published by mistake")
    assert recount_matches()

    draft.restore()
    finding.delete()
    assert recount_matches()

    other.delete()
    assert recount_matches()


def test_rebuilding_the_index_gives_the_same_counts_as_keeping_it_in_step():
    review = make_review(title="Child R", summary="Neglect and domestic abuse.")
    make_finding(review, title="Finding", text="The health visitor was not told of the domestic abuse.")
    before = indexing.recount_terms()
    indexing.rebuild_all()
    assert recount_matches() and indexing.recount_terms() == before
