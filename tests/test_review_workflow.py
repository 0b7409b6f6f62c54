import pytest

from findings.models import Theme
from reviews.models import IllegalTransition, Review, StatusChange
from tests.factories import make_finding, make_review, make_user

Status = Review.Status

LEGAL = [
    (Status.DRAFT, "submit", Status.SUBMITTED),
    (Status.SUBMITTED, "start_curation", Status.IN_CURATION),
    (Status.SUBMITTED, "return_to_author", Status.DRAFT),
    (Status.IN_CURATION, "return_to_author", Status.DRAFT),
    (Status.IN_CURATION, "publish", Status.PUBLISHED),
    (Status.PUBLISHED, "withdraw", Status.WITHDRAWN),
    (Status.WITHDRAWN, "restore", Status.PUBLISHED),
]
ACTIONS = ["submit", "start_curation", "return_to_author", "publish", "withdraw", "restore"]
ILLEGAL = [
    (status, action)
    for status in Status
    for action in ACTIONS
    if (status, action) not in {(start, act) for start, act, _ in LEGAL}
]


def act(review, action, by=None):
    if action == "withdraw":
        review.withdraw(reason="Identifying details found after publication", by=by)
    else:
        getattr(review, action)(by=by)


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "action", "end"), LEGAL)
def test_a_legal_move_changes_the_status_and_records_who_and_when(start, action, end):
    review = make_review(start)
    make_finding(review, themes=["domestic-abuse"])  # a review needs a tagged finding to be published
    curator = make_user(staff=True)
    act(review, action, by=curator)
    review.refresh_from_db()
    assert review.status == end
    change = StatusChange.objects.filter(review=review).last()
    assert (change.from_status, change.to_status, change.by) == (start, end, curator)


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "action"), ILLEGAL)
def test_an_illegal_move_is_refused_with_a_clear_error_and_changes_nothing(start, action):
    review = make_review(start)
    changes = StatusChange.objects.filter(review=review).count()
    with pytest.raises(IllegalTransition) as error:
        act(review, action)
    assert review.title in str(error.value)
    assert Status(start).label.lower() in str(error.value)
    review.refresh_from_db()
    assert review.status == start
    assert StatusChange.objects.filter(review=review).count() == changes


@pytest.mark.django_db
def test_withdrawing_needs_a_reason_which_is_kept_on_the_record():
    review = make_review(Status.PUBLISHED)
    with pytest.raises(IllegalTransition, match="without a reason"):
        review.withdraw(reason="   ")
    review.withdraw(reason="The family asked for it to be taken down")
    review.refresh_from_db()
    assert review.status == Status.WITHDRAWN
    assert review.withdrawn_reason == "The family asked for it to be taken down"
    assert Review.objects.filter(pk=review.pk).exists()


@pytest.mark.django_db
def test_a_stale_copy_cannot_repeat_a_move_another_process_already_made():
    review = make_review(Status.IN_CURATION)
    stale = Review.objects.get(pk=review.pk)
    review.publish(check=False)
    with pytest.raises(IllegalTransition):
        stale.submit()  # the stale copy still thinks it is in curation; the database says published
    assert Review.objects.get(pk=review.pk).status == Status.PUBLISHED


@pytest.mark.django_db
def test_a_review_type_from_another_nation_is_rejected():
    review = make_review(Status.DRAFT, nation="scotland", review_type="lcspr")
    with pytest.raises(Exception, match="not a review type used in Scotland"):
        review.full_clean()


@pytest.mark.django_db
def test_publishing_is_refused_with_every_reason_until_the_review_is_ready():
    review = make_review(Status.IN_CURATION)
    with pytest.raises(IllegalTransition, match="has no findings"):
        review.publish()
    make_finding(review, title="Untagged learning")
    with pytest.raises(IllegalTransition, match="1 finding has no theme: “Untagged learning”"):
        review.publish()
    review.findings.get().themes.add(Theme.objects.get(slug="domestic-abuse"))
    review.publish()
    assert Review.objects.get(pk=review.pk).status == Status.PUBLISHED
