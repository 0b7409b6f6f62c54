"""Semantic search: findings found by meaning as well as by words, similar findings and reviews, and the recurring
lessons a finding resembles. The embeddings are the real model's (search.encoder), computed in the tests."""

import numpy as np
import pghistory
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from findings import vectors
from findings.models import FindingEmbedding, Lesson, ReviewEmbedding
from reviews.models import Review
from search import semantic
from search.encoder import encoder
from search.engine import search
from search.models import EmbeddingChange
from search.plan import plan
from search.query import parse
from tests.factories import make_finding, make_review, make_user
from tests.search_helpers import published_finding, titles

pytestmark = pytest.mark.django_db

HUNGRY = "Meals were often missed and the pupils arrived at nursery underweight and unwashed."
LEISURE = "Staff at the leisure centre were trained in first aid and water safety."
# A review that uses the word "children" (in its summary only): a query with no word anybody used is looked at for
# its spelling, not its meaning.
ABOUT_CHILDREN = "A fictional review about children at a leisure centre."


def embed():
    """What the embeddings worker does after a commit."""
    return semantic.embed_changes()


def test_the_model_gives_the_vector_sentence_transformers_gives():
    # The first components of all-MiniLM-L6-v2's embedding of this sentence, as sentence-transformers gives them.
    vector = encoder.encode(["This is an example sentence"])[0]
    assert np.allclose(vector[:5], [0.0676569, 0.0634959, 0.0487131, 0.0793050, 0.0374481], atol=1e-5)
    assert abs(np.linalg.norm(vector) - 1) < 1e-5


def test_a_finding_phrased_with_none_of_the_querys_words_is_found_by_its_meaning():
    published_finding("Attendance", HUNGRY)
    published_finding("Leisure", LEISURE, summary=ABOUT_CHILDREN)
    embed()

    results = search("hungry children", page_size=20)

    assert [f.title for f in results.results] == ["Attendance"]
    assert results.count == 1
    found = results.results[0]
    assert found.by_meaning and "<mark>" not in found.snippet and "underweight" in found.snippet


def test_a_match_by_words_ranks_above_a_match_by_meaning_alone():
    published_finding("By meaning", HUNGRY)
    published_finding("By words", "Hungry children were seen at the food bank; nobody asked why.")
    embed()

    found = search("hungry children", page_size=20).results

    assert [f.title for f in found] == ["By words", "By meaning"]
    assert not found[0].by_meaning and "<mark>" in found[0].snippet


def test_matches_by_meaning_are_counted_and_faceted_like_the_others():
    published_finding("By meaning", HUNGRY, nation="wales")
    published_finding("By words", "Hungry children were seen at the food bank.", nation="england")
    embed()

    results = search("hungry children", page_size=20)
    nations = {option.value: option.count for option in results.facets["nation"]}

    assert results.count == 2 and nations == {"wales": 1, "england": 1}
    assert titles("hungry children", filters={"nation": ["wales"]}) == ["By meaning"]


def test_an_exclusion_and_a_quoted_phrase_bind_matches_by_meaning_too():
    published_finding("By meaning", HUNGRY)
    embed()

    assert titles("hungry children -nursery") == []
    assert titles('hungry children "food bank"') == []


def test_the_query_is_embedded_with_acronyms_spelt_out_terms_explained_and_no_words_at_its_edges():
    published_finding("Neglect", "Neglect was not recognised.")
    assert plan(parse("DV and housing")).semantic_text == "domestic violence and housing"
    assert plan(parse("cuckooing -county")).semantic_text.startswith("cuckooing (taking over a vulnerable person")
    assert plan(parse("neglect of the")).semantic_text == plan(parse("the neglect")).semantic_text == "neglect"
    assert plan(parse('CSE "county lines"')).semantic_text == ""


def test_an_acronym_and_an_exact_search_are_never_matched_by_meaning():
    published_finding("Exploitation", "Older men groomed the girl with gifts and lifts and then sold her for sex.")
    published_finding("Attendance", HUNGRY, summary=ABOUT_CHILDREN)
    embed()

    assert titles("CSE") == []
    assert titles("hungry children", exact=True) == []
    assert titles("hungry children") == ["Attendance"]


def test_a_query_with_no_word_anybody_used_is_not_matched_by_meaning():
    published_finding("Attendance", HUNGRY)
    embed()

    assert titles("hungry youngsters") == []  # (its spelling is looked at instead)


def test_a_match_by_meaning_never_shows_what_the_user_may_not_see():
    draft = make_review(Review.Status.DRAFT, publication_year=2020)
    make_finding(draft, title="Draft finding", text=HUNGRY)
    published_finding("Leisure", LEISURE, summary=ABOUT_CHILDREN)
    embed()

    assert titles("hungry children") == []
    assert titles("hungry children", user=make_user(staff=True)) == ["Draft finding"]
    page = Client().get(reverse("search"), {"q": "hungry children"})
    assert page.status_code == 200 and "Draft finding" not in page.content.decode()


def test_reviews_are_found_by_meaning_with_their_closest_findings():
    finding = published_finding("Attendance", HUNGRY, summary="A fictional review about a nursery.")
    other = published_finding("Leisure", LEISURE, summary=ABOUT_CHILDREN)
    embed()

    results = search("hungry children", level="reviews", page_size=20)

    assert [r.pk for r in results.results] == [other.review_id, finding.review_id]  # by its word "children" first
    assert [f.title for f in results.results[1].top_findings] == ["Attendance"]
    assert results.results[1].top_findings[0].by_meaning


def test_a_review_is_as_close_to_a_query_as_its_closest_finding():
    review = make_review(publication_year=2020, summary="A fictional review of a family's move between areas.")
    make_finding(review, title="Attendance", text=HUNGRY)
    for title in ("Records", "Housing", "Transfer", "Health"):
        make_finding(review, title=title, text="The family moved house three times and records did not follow them.")
    published_finding("Leisure", LEISURE, summary=ABOUT_CHILDREN)
    embed()
    query = semantic.query_vector(plan(parse("hungry children")).semantic_text)
    # The review's own vector (its summary and all its findings) is far from the query; one finding is close.
    assert vectors.reviews.get(review.pk) @ query < semantic.MINIMUM["reviews"]

    results = search("hungry children", level="reviews", page_size=20)

    found = {r.pk: r for r in results.results}
    assert review.pk in found and found[review.pk].top_findings[0].title == "Attendance"


def test_a_rare_topic_finds_its_closest_rows_even_when_they_are_only_loosely_similar():
    teeth = "Teeth were decayed and several had to be removed under anaesthetic; no check-up had been booked."
    published_finding("Appointments", teeth)
    published_finding("Moves", "The family moved house three times in a year and records did not follow them.")
    published_finding("Leisure", LEISURE, summary="A fictional review that mentions gums once.")
    embed()
    query = semantic.query_vector(plan(parse("gums")).semantic_text)
    closest = vectors.findings.nearest(query, 1, -1)[0][1]
    assert semantic.LOWEST <= closest < semantic.MINIMUM["findings"]  # below the usual threshold

    found = titles("gums")

    assert "Appointments" in found and "Moves" not in found


def test_a_change_of_text_is_logged_and_embedded_once():
    finding = published_finding("Attendance", HUNGRY)
    assert EmbeddingChange.objects.filter(kind="f", object_id=finding.pk).exists()
    embed()
    first = FindingEmbedding.objects.get(pk=finding.pk)
    assert not EmbeddingChange.objects.exists()
    assert ReviewEmbedding.objects.filter(pk=finding.review_id).exists()

    finding.save()  # nothing it embeds changed
    embed()
    assert FindingEmbedding.objects.get(pk=finding.pk).seq == first.seq

    finding.text = LEISURE
    finding.save()
    embed()
    changed = FindingEmbedding.objects.get(pk=finding.pk)
    assert changed.seq > first.seq and changed.digest != first.digest
    assert titles("hungry children") == []


def test_deleting_a_finding_embeds_its_review_again_and_drops_it_from_memory():
    keep = published_finding("Attendance", HUNGRY)
    other = make_finding(keep.review, title="Leisure", text=LEISURE)
    embed()
    before = ReviewEmbedding.objects.get(pk=keep.review_id).digest
    assert other.pk in vectors.findings.fresh().row_of

    other.delete()
    assert EmbeddingChange.objects.filter(kind="r", object_id=keep.review_id).exists()
    embed()

    assert ReviewEmbedding.objects.get(pk=keep.review_id).digest != before
    assert other.pk not in vectors.findings.fresh().row_of


def test_a_save_asks_for_the_embedding_when_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        finding = published_finding("Attendance", HUNGRY)
        make_finding(finding.review, title="Leisure", text=LEISURE)

    embedding = [callback for callback in callbacks if callback.__module__ == "search.tasks"]
    assert len(embedding) == 1  # one request for the whole transaction (beside ingest's check for a new theme model)
    assert FindingEmbedding.objects.filter(pk=finding.pk).exists()  # the task ran (tests run tasks at once)
    assert not EmbeddingChange.objects.exists()


def test_embed_corpus_embeds_what_is_missing_or_stale_and_a_second_run_does_nothing(capsys):
    finding = published_finding("Attendance", HUNGRY)
    EmbeddingChange.objects.all().delete()  # as if the log had been lost: the command still finds it

    call_command("embed_corpus")
    out = capsys.readouterr()
    assert FindingEmbedding.objects.filter(pk=finding.pk).exists()
    assert "Embedded 2 texts" in out.out and "findings" in out.err  # the finding and its review, with progress

    call_command("embed_corpus")
    assert "Embedded 0 texts" in capsys.readouterr().out


def test_similar_findings_in_other_published_reviews_are_offered_on_a_review_page():
    finding = published_finding("Missed meals", HUNGRY)
    twin = published_finding("Hungry at school", "The children came to school hungry and underweight most days.")
    published_finding("Leisure", LEISURE)
    draft = make_review(Review.Status.DRAFT)
    make_finding(draft, title="Draft twin", text="The pupils were hungry and underweight at nursery.")
    make_finding(finding.review, title="Same review", text="The pupils were hungry and underweight at nursery.")
    embed()

    page = Client().get(finding.review.get_absolute_url()).content.decode()
    similar = page.split("Similar findings in other reviews", 1)[1]

    assert "Hungry at school" in similar and twin.review.title in similar
    assert "Draft twin" not in page and "Leisure" not in similar
    assert "Same review" not in similar.split("</details>", 1)[0]


def test_reviews_like_this_one_lists_published_reviews_only():
    finding = published_finding("Missed meals", HUNGRY, pseudonym="Child A1")
    published_finding("Hungry at school", "The children came to school hungry and underweight.", pseudonym="Child B2")
    draft = make_review(Review.Status.DRAFT, title="Child C3")
    make_finding(draft, title="Draft twin", text="The pupils were hungry and underweight at nursery.")
    embed()

    page = Client().get(finding.review.get_absolute_url()).content.decode()
    sidebar = page.split("Reviews like this one", 1)[1]

    assert "Child B2" in sidebar and "Child C3" not in sidebar


def test_the_api_offers_similar_findings_and_reviews_of_what_the_caller_may_see(curator):
    finding = published_finding("Missed meals", HUNGRY)
    twin = published_finding("Hungry at school", "The children came to school hungry and underweight most days.")
    draft = make_review(Review.Status.DRAFT)
    hidden = make_finding(draft, title="Draft twin", text="The pupils were hungry and underweight at nursery.")
    embed()

    answer = Client().get(reverse("api-finding-similar", args=[finding.pk])).json()
    assert [f["title"] for f in answer["results"]] == ["Hungry at school"]
    assert 0 < answer["results"][0]["similarity"] <= 1

    assert Client().get(reverse("api-finding-similar", args=[hidden.pk])).status_code == 404
    shown = curator.get(reverse("api-finding-similar", args=[hidden.pk]))
    assert shown.status_code == 200 and "Draft twin" not in shown.content.decode()

    reviews = Client().get(reverse("api-review-similar", args=[finding.review.slug])).json()
    assert [r["id"] for r in reviews["results"]] == [str(twin.review.public_id)]
    assert Client().get(reverse("api-review-similar", args=[draft.slug])).status_code == 404


def test_the_curation_screen_offers_the_lessons_a_finding_resembles_and_links_one_in_a_click(curator):
    review = make_review(Review.Status.IN_CURATION)
    finding = make_finding(review, title="Missed meals", text=HUNGRY)
    close = Lesson.objects.create(statement="Children arriving hungry and underweight were not seen as neglected")
    Lesson.objects.create(statement="Water safety at leisure centres")
    embed()

    page = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    offered = page.split("Lessons it resembles", 1)[1].split("</ul>", 1)[0]
    assert close.statement in offered and "Water safety" not in offered

    curator.post(reverse("curation-lesson-link", args=[review.slug, finding.pk]), {"lesson": close.pk})
    assert list(finding.lessons.all()) == [close]
    page = curator.get(reverse("curation-review", args=[review.slug])).content.decode()
    assert "Lessons it resembles" not in page  # linked now: no longer offered


def test_a_web_worker_loads_the_model_and_the_vectors_before_its_first_request():
    finding = published_finding("Attendance", HUNGRY)
    embed()
    assert finding.pk not in vectors.findings.row_of  # nothing has read the vectors since they were written

    semantic.warm_up()

    assert finding.pk in vectors.findings.row_of and encoder._weights is not None


def test_with_many_matches_those_found_by_meaning_are_listed_once_in_the_exports_order(monkeypatch):
    import search.engine as module

    monkeypatch.setattr(module, "EXACT_RANKING", 3)  # candidates from the tiers, three at a time, as with many
    monkeypatch.setattr(module, "CHUNK", 3)
    monkeypatch.setattr(module, "SEMANTIC_FIRST", 1)
    for n in range(5):
        published_finding(f"Hungry {n}", "Hungry children were seen at the food bank.", year=2020 + n)
    published_finding("By meaning", HUNGRY, year=2010)
    embed()

    found = titles("hungry children")
    exported = [f.title for f in module.matching_rows("hungry children")]

    assert len(found) == len(set(found)) == search("hungry children").count == 6  # each once, counted
    assert found[-1] == "By meaning"  # found by meaning alone: below those found by words too
    assert exported == found


def test_embeddings_are_stored_inside_an_audit_context_as_when_a_request_runs_the_task_at_once():
    finding = published_finding("Attendance", HUNGRY)
    with pghistory.context(user="curator"):
        embed()

    assert FindingEmbedding.objects.filter(finding=finding).exists()
