"""The theme classifier's lifecycle: trained in a background task (when a curator asks, or when enough confirmed
tags changed), persisted with its version and size, loaded by every process, a newer version picked up; a
request or a suggestion never trains."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ingest import suggestions, training
from ingest.models import ThemeModel
from ingest.suggestions import MIN_CONFIRMED, suggest_themes
from reviews.models import Review
from tests.factories import make_finding, make_review

pytestmark = pytest.mark.django_db

TRAINING = {
    "escalation": "The school disputed the decision, and the Riverholt protocol was never invoked by its staff.",
    "neglect": "Child {n} often arrived at nursery hungry, in dirty clothes, with untreated head lice.",
    "information-sharing": "The GP knew about the overdose but did not pass it to the health visitor for child {n}.",
    "supervision-workforce": "The social worker for child {n} had forty cases and no supervision for three months.",
}
PROBE = "Staff at the academy never invoked the Riverholt protocol for Child Z."


def confirm_findings(count, status=Review.Status.PUBLISHED):
    """count findings tagged by curators, in four themes of distinct language, 20 to a review."""
    slugs = list(TRAINING)
    review = None
    for n in range(count):
        if n % 20 == 0:
            review = make_review(status=status)
        slug = slugs[n % len(slugs)]
        make_finding(review, themes=[slug], title=f"Finding {n}", text=TRAINING[slug].format(n=n))


def by_slug(found):
    return {s.slug: s for s in found}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "large"]}}


def trainings():
    return DBTaskResult.objects.filter(task_path=training.train_theme_model_task.module_path)


def test_a_version_is_persisted_with_its_size_and_what_curators_confirmed_teaches_it():
    assert "escalation" not in by_slug(suggest_themes(PROBE))
    confirm_findings(60)

    model = training.train()

    assert (model.version, model.confirmed) == (1, 60)
    assert model.findings == 60 + len(training.seed_findings())
    assert model.themes > 30 and model.confirmed_tags == 60 and len(bytes(model.payload)) > 1000
    found = by_slug(suggest_themes(PROBE))
    assert found["escalation"].source == "classifier"
    assert found["escalation"].reasons[-1].keyword == "similar findings"
    assert "confirmed findings tagged" in found["escalation"].reasons[-1].sentence
    both = by_slug(suggest_themes("Child Y arrived hungry with head lice; this was chronic neglect.", title="Neglect"))
    assert both["neglect"].source == "rules+classifier"
    assert both["neglect"].reasons[0].keyword == "neglect"


def test_a_newer_version_trained_by_another_process_is_picked_up_at_the_next_suggestion():
    training.train()
    first = suggestions.get_suggester()
    assert first.classifier is not None
    assert "escalation" not in by_slug(first.suggest(PROBE))
    confirm_findings(60)
    assert suggestions.get_suggester() is first  # nothing new trained: the loaded version stays

    training.train()  # as the worker would, elsewhere

    newer = suggestions.get_suggester()
    assert newer is not first
    assert "escalation" in by_slug(newer.suggest(PROBE))


def test_only_the_newest_three_versions_are_kept():
    for _ in range(4):
        training.train()
    assert list(ThemeModel.objects.values_list("version", flat=True)) == [4, 3, 2]


def test_suggesting_never_trains_however_many_findings_are_confirmed():
    confirm_findings(MIN_CONFIRMED + 20)
    suggest_themes(PROBE)
    assert suggestions.get_suggester().classifier is None
    assert not ThemeModel.objects.exists()


def test_findings_of_unpublished_reviews_do_not_teach_it():
    confirm_findings(60, status=Review.Status.IN_CURATION)
    model = training.train()
    assert model.confirmed == 0
    assert "escalation" not in by_slug(suggest_themes(PROBE))


def test_enough_confirmed_findings_queue_a_training_when_published_and_a_curator_can_ask(
    curator, database_queue, django_capture_on_commit_callbacks
):
    confirm_findings(MIN_CONFIRMED - 20)
    assert not training.training_due()  # not enough yet
    # The test's transaction never commits: what the setup left to run on commit would stand for what follows.
    connection.run_on_commit.clear()

    review = make_review(status=Review.Status.IN_CURATION)
    for n in range(20):
        make_finding(review, themes=["neglect"], text=TRAINING["neglect"].format(n=n))
    with django_capture_on_commit_callbacks(execute=True):
        response = curator.post(reverse("curation-publish", kwargs={"slug": review.slug}))
    assert response.status_code == 302
    assert trainings().ready().count() == 1  # queued for the worker
    assert not ThemeModel.objects.exists()  # not trained in the request

    response = curator.post(reverse("theme-model"), follow=True)
    html = response.content.decode()
    assert "A new version is queued for training already." in html
    assert "waiting for the worker" in html
    assert trainings().count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits as it works
def test_a_curator_asks_for_a_new_version_and_the_worker_trains_it(curator, database_queue):
    html = curator.get(reverse("theme-model")).content.decode()
    assert "No model has been trained yet" in html

    response = curator.post(reverse("theme-model"), follow=True)

    assert "will be trained by the background worker" in response.content.decode()
    assert not ThemeModel.objects.exists()
    call_command("process_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    model = ThemeModel.objects.get()
    assert model.requested_by.is_staff
    html = curator.get(reverse("theme-model")).content.decode()
    assert f"{model.findings} findings: 0 confirmed by curators" in html
    assert "Train a new version" in html


@pytest.mark.parametrize("who", ["author", "outsider"])
def test_only_curators_see_the_model_or_ask_for_a_training(request, who, database_queue):
    client = request.getfixturevalue(who)
    assert client.get(reverse("theme-model")).status_code == 404
    assert client.post(reverse("theme-model")).status_code == 404
    assert not trainings().exists()


def test_the_command_trains_a_version_and_says_what_it_learnt_from():
    out = io.StringIO()
    call_command("train_theme_model", stdout=out)
    model = ThemeModel.objects.get()
    assert f"Version 1: {model.findings} findings (0 confirmed)" in out.getvalue()

    call_command("train_theme_model", queue=True, stdout=out)
    assert "Training queued." in out.getvalue()


def test_a_version_made_by_other_code_is_not_loaded_and_a_new_one_is_queued(
    database_queue, django_capture_on_commit_callbacks
):
    model = training.train()
    ThemeModel.objects.filter(pk=model.pk).update(made_with="ThemeClassifier 0; scikit-learn 0.1")

    with django_capture_on_commit_callbacks(execute=True):
        suggester = suggestions.get_suggester()

    assert suggester.classifier is None  # the rules alone until the new version is trained
    assert trainings().ready().count() == 1
