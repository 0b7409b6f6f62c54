"""E-mails about a review's progress, sent by the worker once the change is committed: to the curators when a
review is submitted, and to its partnership's authors when it is submitted, returned to them or published."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django_tasks import task

from reviews.models import Review, status_changed

logger = logging.getLogger(__name__)

SUBMITTED, RETURNED, PUBLISHED = Review.Status.SUBMITTED, Review.Status.DRAFT, Review.Status.PUBLISHED


def _link(name, review):
    return settings.SITE_URL + reverse(name, kwargs={"slug": review.slug})


def _authors(review):
    if review.partnership is None:
        return []
    return [user.email for user in review.partnership.members.filter(is_active=True) if user.email]


def _curators():
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return list(users.values_list("email", flat=True))


def messages_for(review, old, new):
    """(subject, body, recipients) for each e-mail a move of the review from `old` to `new` sends."""
    title = f"“{review.title}”"
    partnership = review.partnership.name if review.partnership else "a partnership"
    if new == SUBMITTED:
        return [
            (
                f"Review submitted: {review.title}",
                f"{partnership} has submitted {title} for curation.\n\nTake it from the curation queue: "
                f"{settings.SITE_URL}{reverse('curation-queue')}\n",
                _curators(),
            ),
            (
                f"Your review was submitted: {review.title}",
                f"{title} has been submitted to the national panel's curators. You will hear from us when it is "
                "published or if anything needs changing.\n\n"
                f"See where it stands: {_link('review-document', review)}\n",
                _authors(review),
            ),
        ]
    if new == RETURNED and old in (Review.Status.SUBMITTED, Review.Status.IN_CURATION):
        comments = review.latest_return_comments()
        return [
            (
                f"Your review was returned: {review.title}",
                f"A curator has returned {title} to your partnership. Their comments:\n\n"
                f"{comments.reason if comments and comments.reason else '(none given)'}\n\n"
                f"Make the changes and submit it again: {_link('review-document', review)}\n",
                _authors(review),
            )
        ]
    if new == PUBLISHED and old == Review.Status.IN_CURATION:
        return [
            (
                f"Your review was published: {review.title}",
                f"{title} has been published in the national learning repository.\n\n"
                f"Read it: {settings.SITE_URL}{review.get_absolute_url()}\n",
                _authors(review),
            )
        ]
    return []


@receiver(status_changed, sender=Review)
def tell_people(sender, review, statuses, **kwargs):
    """Queue the e-mails of a single move. A record of a review published elsewhere moves several steps at once
    (an import) and a report from the backlog is taken by a curator: nobody is told of those."""
    if len(statuses) != 1:
        return
    old, new = statuses[0]
    mails = [(subject, body, recipients) for subject, body, recipients in messages_for(review, old, new) if recipients]
    if mails:
        transaction.on_commit(lambda: send_review_mail.enqueue([list(mail) for mail in mails]), robust=True)


@task()
def send_review_mail(mails):
    """Send the e-mails, one to each person (nobody sees who else was told); a failure is logged with its reason and
    the task fails (seen in the task list)."""
    sender = settings.DEFAULT_FROM_EMAIL
    try:
        send_mass_mail([(subject, body, sender, [to]) for subject, body, recipients in mails for to in recipients])
    except Exception:
        logger.exception("Review e-mails could not be sent: %s", [subject for subject, _, _ in mails])
        raise
