"""Factories for the tests: each makes one valid object, with keyword arguments to vary it."""

import itertools

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import needs_two_factor
from agencies.models import Agency, Partnership
from findings.models import Finding, Recommendation, Theme
from reviews.models import PublicCopy, Review, ReviewDocument

_counter = itertools.count(1)

STATUS_PATH = {
    Review.Status.DRAFT: [],
    Review.Status.SUBMITTED: ["submit"],
    Review.Status.IN_CURATION: ["submit", "start_curation"],
    Review.Status.PUBLISHED: ["submit", "start_curation", "publish"],
    Review.Status.WITHDRAWN: ["submit", "start_curation", "publish", "withdraw"],
}


def make_partnership(**fields):
    n = next(_counter)
    fields.setdefault("name", f"Northshire {n} Safeguarding Children Partnership")
    fields.setdefault("nation", "england")
    fields.setdefault("region", "north-east")
    return Partnership.objects.create(**fields)


def make_review(status=Review.Status.PUBLISHED, *, partnership="default", **fields):
    """A review moved through the workflow to status, the way a real one gets there."""
    n = next(_counter)
    fields.setdefault("title", f"Child {chr(ord('A') + n % 26)}{n}")
    fields.setdefault("nation", "england")
    fields.setdefault("review_type", "lcspr")
    fields.setdefault("publication_year", 2021)
    fields.setdefault("summary", "A fictional review used in tests.")
    review = Review.objects.create(
        partnership=make_partnership() if partnership == "default" else partnership, **fields
    )
    for action in STATUS_PATH[status]:
        if action == "withdraw":
            review.withdraw(reason="Test withdrawal")
        elif action == "publish":
            review.publish(check=False)  # tests add the findings they need afterwards
        else:
            getattr(review, action)()
    return review


def make_report(review, text="The report of the review."):
    """A checked text document of the review and its approved public copy, the copy's file in storage."""
    document = ReviewDocument.objects.create(
        review=review,
        file=f"documents/{review.public_id}/v1/report.txt",
        original_name="report.txt",
        size=len(text),
        sha256=f"{next(_counter):064d}",
        content_type="text/plain",
        kind="text",
        stage=ReviewDocument.Stage.SUGGESTED,
        state=ReviewDocument.State.DONE,
    )
    copy = PublicCopy(review=review, document=document, content_type="text/plain; charset=utf-8",
                      filename=f"{review.slug}-report.txt", state=PublicCopy.State.READY)  # fmt: skip
    copy.file.save(copy.filename, ContentFile(text.encode()), save=False)
    copy.size = len(text.encode())
    copy.save()
    copy.approve(by=None)
    return copy


def make_finding(review, *, themes=(), agencies=(), **fields):
    fields.setdefault("position", review.findings.count() + 1)
    fields.setdefault("title", f"Finding {fields['position']}")
    fields.setdefault("text", "Professionals did not share what they knew.")
    finding = Finding.objects.create(review=review, **fields)
    finding.themes.set(Theme.objects.filter(slug__in=themes))
    finding.agencies.set(Agency.objects.filter(slug__in=agencies))
    return finding


def make_recommendation(review, text="The partnership should audit the bruising protocol.", *, findings=(),
                        agencies=(), **fields):  # fmt: skip
    """A recommendation of the review, after its others, following from the given findings."""
    position = Recommendation.next_position(review)
    recommendation = Recommendation.objects.create(review=review, position=position, text=text, **fields)
    recommendation.findings.set(findings)
    recommendation.agencies.set(Agency.objects.filter(slug__in=agencies))
    return recommendation


def make_user(*, staff=False, **fields):
    n = next(_counter)
    fields.setdefault("username", f"user{n}")
    fields.setdefault("email", f"user{n}@example.org")
    return get_user_model().objects.create_user(password="a long test password", is_staff=staff, **fields)


def sign_in(client, user):
    """Sign the user in on the client, as a finished sign-in: a curator or administrator has given the second
    factor too (a confirmed authenticator app, verified in the session)."""
    client.force_login(user)
    if needs_two_factor(user):
        device = TOTPDevice.objects.create(user=user, name="Authenticator app")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
