"""The permission matrix: every role, every review status and every page, action, API endpoint, export and count.

The design (reviews/models.py, README "Accounts and roles" and "Visibility"):

- the public (signed out) and signed-in outsiders see published reviews only; an author sees every review of their
  partnerships whatever its status, and the published reviews of others; curators and administrators see all;
- the document page, uploads, anonymisation flags, retries and submission are for the authors of the review's
  partnership and for curators; curation, the taxonomy, lesson management and history pages are for curators and
  administrators only;
- what a signed-in user may not see or do is a 404; a signed-out user on a page that needs a sign-in is sent to
  sign in (302); refused actions change nothing;
- a review a user may not see never shows in lists, search, counts, facets, exports or the API.

The world is built once for the module inside a transaction rolled back when the module ends; each test runs in a
savepoint inside it (pytest-django's TestCase), so whatever an action changes is undone after its test.
"""

import csv
import io
import re
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.client import ClientHandler
from django.urls import reverse
from django.utils import timezone

from accounts.roles import assign
from findings.models import Finding, Lesson, LessonFinding, Recommendation, Theme
from reviews.models import AnonymisationFlag, PublicCopy, Review, ReviewDocument, StatusChange
from search import semantic
from search.models import SearchTerm
from tests.factories import make_finding, make_partnership, make_recommendation, make_review, make_user, sign_in

pytestmark = pytest.mark.django_db

# anonymous: signed out; outsider: signed in, no partnership, not staff; author: a member of partnership P, whose
# reviews the matrix is about; other_author: a member of partnership Q; curator: staff in the Curators group;
# admin: a superuser.
ROLES = ["anonymous", "outsider", "author", "other_author", "curator", "admin"]
STATUSES = ["draft", "submitted", "in_curation", "published", "withdrawn"]
ALL = "*"  # any other status
SIGN_IN = "sign-in"  # 302 to the sign-in page, with ?next= the page asked for
ADMIN_SIGN_IN = "admin-sign-in"  # 302 to the admin's own sign-in page

# The world: one review per status in the author's partnership P, and reviews of two other partnerships: Q (whose
# author is "other_author") and R (nobody's). Each review has one finding whose text holds the review's distinctive
# word, the common theme, its own theme, and the common agency; each review has its own publication year.
REVIEWS = {
    # key: (partnership, status, publication year, the review's own theme)
    "draft": ("P", "draft", 2011, "online-harm"),
    "submitted": ("P", "submitted", 2012, "radicalisation"),
    "in_curation": ("P", "in_curation", 2013, "private-fostering"),
    "published": ("P", "published", 2014, "domestic-abuse"),
    "withdrawn": ("P", "withdrawn", 2015, "concealed-pregnancy"),
    "other_published": ("Q", "published", 2016, "unseen-men"),
    "other_draft": ("Q", "draft", 2017, "honour-based-abuse"),
    "third_submitted": ("R", "submitted", 2018, "missing-education"),
}
COMMON_THEME = "neglect"
COMMON_AGENCY = "health-visiting"
COMMON_WORD = "kingfisher"
PUBLISHED_LESSON = "Kingfisher lesson: agencies did not share what they knew"
DRAFT_LESSON = "Kingfisher wombat lesson still being written"


def word(key):
    """The distinctive word of a review of the world: in its title, its finding's title and text."""
    return "zebra" + key.replace("_", "")


PUBLISHED = {"published", "other_published"}
# The parts of a review's page that offer published material like it (similar findings, reviews like this one).
SIMILAR = re.compile(r'<(details|div) class="[^"]*cr-similar[^"]*">.*?</\1>', re.S)

# Which reviews of the world each role may see: the design, stated once.
SEES = {
    "anonymous": {"published", "other_published"},
    "outsider": {"published", "other_published"},
    "author": {"draft", "submitted", "in_curation", "published", "withdrawn", "other_published"},
    "other_author": {"published", "other_published", "other_draft"},
    "curator": set(REVIEWS),
    "admin": set(REVIEWS),
}


# ---------------------------------------------------------------------------------------------------------------
# The expected status codes. A table per kind of page: role -> {status of the review: code}, "*" for the rest.

VIEWERS = {  # the review's public page and its API record: whoever may see the review
    "anonymous": {"published": 200, ALL: 404},
    "outsider": {"published": 200, ALL: 404},
    "author": {ALL: 200},
    "other_author": {"published": 200, ALL: 404},
    "curator": {ALL: 200},
    "admin": {ALL: 200},
}
# The Django admin is for administrators: it sends everyone else, curators too, to its own sign-in page.
ADMIN_SITE = {role: 200 if role == "admin" else ADMIN_SIGN_IN for role in ROLES}


def editors(allowed):
    """The authors of the review's partnership, curators and administrators get `allowed` ({status: code})."""
    return {
        "anonymous": {ALL: SIGN_IN},
        "outsider": {ALL: 404},
        "author": allowed,
        "other_author": {ALL: 404},
        "curator": allowed,
        "admin": allowed,
    }


def curators(allowed):
    """Curators and administrators get `allowed` ({status: code}); everyone else signed in a 404."""
    return {
        "anonymous": {ALL: SIGN_IN},
        "outsider": {ALL: 404},
        "author": {ALL: 404},
        "other_author": {ALL: 404},
        "curator": allowed,
        "admin": allowed,
    }


TRACKERS = {**editors({ALL: 200}), "author": {"published": 200, ALL: 404}}

EXPECTED_REVIEW_PAGES = {  # GET
    "review-detail": VIEWERS,
    "review-report": VIEWERS,  # its public copy (approved), as an attachment
    "api-review": VIEWERS,
    "api-review-by-slug": VIEWERS,
    "api-review-similar": VIEWERS,
    "api-finding-similar": VIEWERS,
    "review-document": editors({ALL: 200}),
    "review-submit": editors({"draft": 200, ALL: 302}),  # check your answers; any other status: back to its page
    "review-details": editors({"draft": 200, ALL: 302}),  # a draft's details; any other: back with a message
    "review-finding-edit": editors({"draft": 200, ALL: 302}),
    "review-finding-delete": editors({"draft": 200, ALL: 302}),
    "review-finding-split": editors({"draft": 200, ALL: 302}),
    "review-submitted": editors({"submitted": 200, "in_curation": 200, ALL: 404}),  # the confirmation
    "curation-publish": curators({"in_curation": 200, ALL: 302}),  # check what will be published; else the screen
    # The form is shown in every status; a non-draft review's new version is refused when posted (see below).
    "review-upload-version": editors({ALL: 200}),
    "review-history": curators({ALL: 200}),
    "curation-review": curators({ALL: 200}),
    "curation-details": curators({ALL: 200}),
    "curation-finding-add": curators({ALL: 200}),
    "curation-finding-edit": curators({ALL: 200}),
    "curation-finding-split": curators({ALL: 200}),
    "curation-finding-delete": curators({ALL: 200}),
    "curation-themes-add": curators({ALL: 200}),
    "curation-agencies": curators({ALL: 200}),
    "curation-return": curators({ALL: 200}),
    "curation-withdraw": curators({ALL: 200}),
    "curation-recommendation-add": curators({ALL: 200}),
    "curation-recommendation-edit": curators({ALL: 200}),
    "curation-recommendation-delete": curators({ALL: 200}),
    "curation-recommendation-split": curators({ALL: 200}),
    # Tracking a recommendation: curators always; the publishing partnership's authors once it is published.
    "recommendation-track": TRACKERS,
    "recommendation-action-add": TRACKERS,
}

# Who may change a review's anonymisation flags, by status: its authors while it is a draft; once submitted,
# the curators (the review's page refuses anyone else with a message).
FLAGS_CHANGEABLE = {
    "author": {"draft"},
    "curator": {"draft", "submitted", "in_curation"},
    "admin": {"draft", "submitted", "in_curation"},
}

EXPECTED_REVIEW_ACTIONS = {  # POST
    "review-submit": editors({ALL: 302}),  # a non-draft review: back to its page with the refusal as a message
    "review-upload-version": editors({"draft": 302, ALL: 200}),  # a non-draft review: the form with the refusal
    "review-details": editors({ALL: 302}),  # saved for a draft; any other status: back with a message
    "review-finding-edit": editors({ALL: 302}),  # saved for a draft; any other status: back with a message
    "review-finding-delete": editors({ALL: 302}),
    "review-document-retry": editors({ALL: 302}),
    "review-flag-resolve": editors({ALL: 302}),
    "review-flag-reopen": editors({ALL: 302}),
    "curation-take": curators({ALL: 302}),  # to the screen, or to the queue with the refusal
    "curation-publish": curators({"in_curation": 302, ALL: 200}),  # refused: the screen with the reasons
    "curation-withdraw": curators({ALL: 302}),
    "curation-restore": curators({ALL: 302}),
    "curation-return": curators({ALL: 302}),
    "curation-details": curators({ALL: 302}),
    "curation-finding-delete": curators({ALL: 302}),
    "curation-recommendation-edit": curators({ALL: 302}),
    "curation-recommendation-delete": curators({ALL: 302}),
    # (the world's recommendations are one a review, of one sentence: a curator's split and merge are refused with
    # the reason, and change nothing)
    "curation-recommendation-split": curators({ALL: 200}),
    "curation-recommendation-merge": curators({ALL: 302}),
    "curation-recommendation-link": curators({ALL: 302}),
    "recommendation-track": {
        **TRACKERS,
        "author": {"published": 302, ALL: 404},
        "curator": {ALL: 302},
        "admin": {ALL: 302},
    },
    "curation-finding-edit": curators({ALL: 302}),
    "curation-theme-remove": curators({ALL: 302}),
    "curation-themes-add": curators({ALL: 302}),
    "curation-lesson-link": curators({ALL: 302}),
}

# What an allowed action does to the review's status ({status before: status after}); any other status stays.
TRANSITIONS = {
    "review-submit": {"draft": "submitted"},
    "curation-take": {"submitted": "in_curation"},
    "curation-publish": {"in_curation": "published"},
    "curation-withdraw": {"published": "withdrawn"},
    "curation-restore": {"withdrawn": "published"},
    "curation-return": {"submitted": "draft", "in_curation": "draft"},
}

EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN_CURATORS = {
    "anonymous": SIGN_IN,
    "outsider": 404,
    "author": 404,
    "other_author": 404,
    "curator": 200,
    "admin": 200,
}
CURATORS_SEE = {role: 200 if role in ("curator", "admin") else 404 for role in ROLES}  # no sign-in needed
UPLOADERS = {"anonymous": SIGN_IN, "outsider": 404, "author": 200, "other_author": 200, "curator": 200, "admin": 200}

EXPECTED_SITE_PAGES = {  # GET, not about one review
    "home": EVERYONE,
    "review-list": EVERYONE,
    "review-new": UPLOADERS,
    "review-mine": UPLOADERS,
    "search": EVERYONE,
    "search-export": EVERYONE,
    "api-docs": EVERYONE,
    "api-schema": EVERYONE,
    "api-search": EVERYONE,
    "api-themes": EVERYONE,
    "api-lessons": EVERYONE,
    "api-lesson-published": EVERYONE,
    "api-lesson-draft": CURATORS_SEE,
    "api-lesson-draft-by-slug": CURATORS_SEE,
    "theme-index": EVERYONE,
    "theme-detail": EVERYONE,
    "theme-detail-of-a-hidden-reviews-theme": EVERYONE,
    "theme-manage": SIGNED_IN_CURATORS,
    "theme-new": SIGNED_IN_CURATORS,
    "theme-edit": SIGNED_IN_CURATORS,
    "theme-merge": SIGNED_IN_CURATORS,
    "lesson-index": EVERYONE,
    "lesson-detail-published": EVERYONE,
    "lesson-detail-draft": CURATORS_SEE,
    "lesson-manage": SIGNED_IN_CURATORS,
    "lesson-new": SIGNED_IN_CURATORS,
    "lesson-edit": SIGNED_IN_CURATORS,
    "lesson-history-published": SIGNED_IN_CURATORS,
    "lesson-history-draft": SIGNED_IN_CURATORS,
    "agency-index": EVERYONE,
    "agency-detail": EVERYONE,
    "curation-queue": SIGNED_IN_CURATORS,
    "sign-in": EVERYONE,
    "password-reset": EVERYONE,
    "admin": ADMIN_SITE,
    "admin-reviews": ADMIN_SITE,
    "admin-review-draft": ADMIN_SITE,
    "admin-users": ADMIN_SITE,
}

CURATORS_ACT = {**SIGNED_IN_CURATORS, "curator": 302, "admin": 302}  # done, and back to the page with a message

EXPECTED_SITE_ACTIONS = {  # POST
    # Uploading a new review for partnership P: its authors and curators; another partnership's author is refused
    # by the form (P is not among the partnerships offered), a signed-in outsider gets a 404.
    "review-new": {
        "anonymous": SIGN_IN,
        "outsider": 404,
        "author": 302,
        "other_author": 200,
        "curator": 302,
        "admin": 302,
    },
    "theme-new": CURATORS_ACT,
    "theme-edit": CURATORS_ACT,
    "theme-deactivate": CURATORS_ACT,
    "theme-merge": CURATORS_ACT,
    "lesson-new": CURATORS_ACT,
    "lesson-edit": CURATORS_ACT,
    "lesson-publish": CURATORS_ACT,
    "lesson-unpublish": CURATORS_ACT,
    "lesson-link": CURATORS_ACT,
    "lesson-unlink": CURATORS_ACT,
}

# Cases where the app contradicts the design: (table, endpoint, role, status or None) -> why, the table being
# "pages", "actions", "site" or "site-actions" and the endpoint its name in the test's ids (a group such as
# "curation-forms" for the pages tested together). Each is marked xfail(strict=True): the suite stays green and the
# problem shows. None so far.
KNOWN_PROBLEMS = {}


def expected_code(table, role, status):
    codes = table[role]
    return codes.get(status, codes.get(ALL))


def case(table_name, endpoint, role, status=None):
    case_id = "-".join(part for part in (endpoint, role, status) if part)
    reason = KNOWN_PROBLEMS.get((table_name, endpoint, role, status))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(endpoint, role, *([status] if status else []), id=case_id, marks=marks)


# ---------------------------------------------------------------------------------------------------------------
# The world, built once for the module.


def _walk(review, status, author, curator):
    """Move a draft review to `status` the way a real one gets there (its findings already in place)."""
    steps = {
        "draft": [],
        "submitted": ["submit"],
        "in_curation": ["submit", "start"],
        "published": ["submit", "start", "publish"],
        "withdrawn": ["submit", "start", "publish", "withdraw"],
    }[status]
    for step in steps:
        if step == "submit":
            review.submit(by=author)
        elif step == "start":
            review.start_curation(by=curator)
        elif step == "publish":
            review.publish(by=curator)
        else:
            review.withdraw("Identifying details were found after publication.", by=curator)


def _build_world():
    users = {
        "anonymous": None,
        "outsider": make_user(),
        "author": make_user(first_name="Pat", last_name="Author"),
        "other_author": make_user(),
        "curator": make_user(staff=True),
        "admin": make_user(staff=True, is_superuser=True),
    }
    partnerships = {
        "P": make_partnership(name="Pemberley Safeguarding Children Partnership"),
        "Q": make_partnership(name="Quarrydale Safeguarding Children Partnership"),
        "R": make_partnership(name="Rookwood Safeguarding Children Partnership"),
    }
    assign(users["author"], "author", [partnerships["P"]])
    assign(users["other_author"], "author", [partnerships["Q"]])
    assign(users["curator"], "curator")
    assign(users["admin"], "administrator")
    reviews, findings, recommendations, documents, flags = {}, {}, {}, {}, {}
    for key, (partnership, status, year, theme) in REVIEWS.items():
        review = make_review(
            Review.Status.DRAFT,
            partnership=partnerships[partnership],
            title=f"Child {word(key)}",
            publication_year=year,
            summary=f"A fictional review, {word(key)}.",
        )
        review.themes.set(Theme.objects.filter(slug=COMMON_THEME))
        findings[key] = make_finding(
            review,
            title=f"Finding {word(key)}",
            text=f"The {COMMON_WORD} report noted {word(key)} concerns that nobody shared.",
            themes=[COMMON_THEME, theme],
            agencies=[COMMON_AGENCY],
        )
        recommendations[key] = make_recommendation(
            review, f"The partnership should act on the {word(key)} concerns.", findings=[findings[key]]
        )
        if partnership == "P":  # a processed document
            documents[key] = ReviewDocument.objects.create(
                review=review,
                file=f"documents/{review.public_id}/v1/{key}.txt",
                original_name=f"{key}.txt",
                size=100,
                sha256=f"{len(documents):064d}",
                content_type="text/plain",
                kind="text",
                stage=ReviewDocument.Stage.SUGGESTED,
                state=ReviewDocument.State.DONE,
            )
        _walk(review, status, users["author"], users["curator"])
        if partnership == "P":
            # A flag already marked not identifying (made after the walk: publishing deletes a review's flags, and
            # the matrix is about who may resolve one, whatever the review's status).
            flags[key] = AnonymisationFlag.objects.create(
                review=review,
                document=documents[key],
                kind="person_name",
                severity=AnonymisationFlag.Severity.WARN,
                text="Gabriel",
                start=0,
                end=7,
                resolution=AnonymisationFlag.Resolution.NOT_IDENTIFYING,
                reason="A pseudonym",
            )
            # An approved public copy of its report, whatever its status: who may download it is the question
            # (its file is written where each test's storage is: see test_review_pages).
            PublicCopy.objects.create(
                review=review,
                document=documents[key],
                file=f"public-copies/{review.public_id}/{key}.txt",
                filename=f"{key}-report.txt",
                content_type="text/plain; charset=utf-8",
                size=len(word(key)),
                state=PublicCopy.State.READY,
                approved_at=timezone.now(),
            )
        review.refresh_from_db()
        reviews[key] = review
    published_lesson = Lesson.objects.create(statement=PUBLISHED_LESSON, summary="What reviews keep finding.")
    published_lesson.themes.set(Theme.objects.filter(slug=COMMON_THEME))
    draft_lesson = Lesson.objects.create(statement=DRAFT_LESSON, summary="Not ready.")
    draft_lesson.themes.set(Theme.objects.filter(slug=COMMON_THEME))
    for finding in findings.values():
        published_lesson.link(finding, by=users["curator"])
        draft_lesson.link(finding, by=users["curator"])
    published_lesson.publish()
    spare_lesson = Lesson.objects.create(statement="Spare lesson linked to nothing")
    semantic.embed_changes()  # what the embeddings worker does
    sessions = {}
    for role, user in users.items():
        if user is not None:
            signing_in = Client()
            sign_in(signing_in, user)
            sessions[role] = signing_in.cookies[settings.SESSION_COOKIE_NAME].value
    return SimpleNamespace(
        users=users,
        sessions=sessions,
        partnerships=partnerships,
        reviews=reviews,
        findings=findings,
        recommendations=recommendations,
        documents=documents,
        flags=flags,
        published_lesson=published_lesson,
        draft_lesson=draft_lesson,
        spare_lesson=spare_lesson,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
                built = _build_world()
            # Check the world's deferred foreign keys now, once: left pending, every test's teardown would.
            connection.check_constraints()
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# One request handler for every client of the module: a new Client would build its own, and loading the middleware
# (WhiteNoise scans the static files) would cost more than most requests of the matrix.
HANDLER = ClientHandler(enforce_csrf_checks=False)


@pytest.fixture(scope="module")
def matrix_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def private_media(settings, matrix_media):
    """Uploaded files go to one folder for the module (conftest's folder per test costs more than most tests here)."""
    settings.MEDIA_ROOT = matrix_media


def client_for(world, role):
    """A client signed in as the role (with the session made for it with the world), or signed out."""
    client = Client()
    client.handler = HANDLER
    if world.sessions.get(role):
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


def check_code(response, expected, url):
    if expected == SIGN_IN:
        assert response.status_code == 302, response.status_code
        location = urlsplit(response["Location"])
        assert location.path == reverse("sign-in")
        assert parse_qs(location.query)["next"] == [urlsplit(url).path]
    elif expected == ADMIN_SIGN_IN:
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("admin:login")
    else:
        assert response.status_code == expected, f"{url}: {response.status_code}, expected {expected}"


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def words_in(text):
    """The keys of the reviews of the world whose distinctive word the text holds."""
    text = text.lower()
    return {key for key in REVIEWS if word(key) in text}


def visible_years(role):
    return {REVIEWS[key][2] for key in SEES[role]}


# ---------------------------------------------------------------------------------------------------------------
# Pages of one review, for each role and status.


FINDING_PAGES = {  # pages of one finding of the review
    "review-finding-edit",
    "review-finding-split",
    "review-finding-delete",
    "curation-finding-edit",
    "curation-finding-split",
    "curation-finding-delete",
    "curation-themes-add",
    "curation-agencies",
}


def review_page_url(world, endpoint, key):
    review, finding = world.reviews[key], world.findings[key]
    if endpoint == "api-review":
        return reverse("api-review", args=[review.public_id])
    if endpoint == "api-review-by-slug":
        return reverse("api-review", args=[review.slug])
    if endpoint == "api-finding-similar":
        return reverse(endpoint, args=[finding.pk])
    if endpoint in FINDING_PAGES:
        return reverse(endpoint, args=[review.slug, finding.pk])
    if endpoint in RECOMMENDATION_PAGES:
        return reverse(endpoint, args=[review.slug, world.recommendations[key].pk])
    return reverse(endpoint, args=[review.slug])


RECOMMENDATION_PAGES = {
    "curation-recommendation-edit",
    "curation-recommendation-split",
    "curation-recommendation-delete",
    "recommendation-track",
    "recommendation-action-add",
}


# The form pages of the curation screen have one decorator and no status logic behind them: each (role, status)
# case opens all of them, which keeps the matrix fast (a failure names the page).
CURATION_FORMS = [
    "curation-details",
    "curation-finding-add",
    "curation-finding-edit",
    "curation-finding-split",
    "curation-finding-delete",
    "curation-themes-add",
    "curation-agencies",
    "curation-return",
    "curation-withdraw",
    "curation-recommendation-add",
    "curation-recommendation-edit",
    "curation-recommendation-delete",
    "curation-recommendation-split",
]
GROUPS = {"curation-forms": CURATION_FORMS}


@pytest.mark.parametrize(
    ("endpoint", "role", "status"),
    [
        case("pages", endpoint, role, status)
        for endpoint in [*(e for e in EXPECTED_REVIEW_PAGES if e not in CURATION_FORMS), "curation-forms"]
        for role in ROLES
        for status in STATUSES
    ],
)
def test_review_pages(world, endpoint, role, status):
    client = client_for(world, role)
    if endpoint == "review-report":
        copy = PublicCopy.objects.get(review=world.reviews[status])
        if not default_storage.exists(copy.file.name):
            default_storage.save(copy.file.name, ContentFile(word(status)))
    for name in GROUPS.get(endpoint, [endpoint]):
        url = review_page_url(world, name, status)
        response = client.get(url)
        check_code(response, expected_code(EXPECTED_REVIEW_PAGES[name], role, status), url)
        if name == "review-detail" and response.status_code == 200:  # the review, and nothing of any other
            page = body(response)
            assert words_in(SIMILAR.sub("", page)) == {status}
            # but for published reviews like it and their findings, published material being public
            assert words_in(page) - {status} <= PUBLISHED
        if response.status_code == 200 and name.endswith("-similar"):
            assert words_in(body(response)) <= PUBLISHED - {status}
    if response.status_code == 200 and endpoint.startswith("api-review") and not endpoint.endswith("-similar"):
        data = response.json()
        assert data["id"] == str(world.reviews[status].public_id)
        assert [word(status) in f["text"] for f in data["findings"]] == [True]
    elif response.status_code == 404 and endpoint.startswith("api-review"):
        assert word(status) not in body(response)


# ---------------------------------------------------------------------------------------------------------------
# Actions on one review: the code, and what changed (nothing, for a refused role).


@dataclass
class Action:
    data: object = None  # the POST data: a dict, or a function of (world, key)
    url: object = None  # a function of (world, key) when not reverse(name, args=[slug])
    state: object = None  # a function of (world, key) reading what the action changes from the database
    done: object = None  # the state after an allowed action, a function of (state before, status)


def _status_state(world, key):
    review = Review.objects.get(pk=world.reviews[key].pk)
    return review.status, StatusChange.objects.filter(review=review).count()


def _transition_done(endpoint):
    def done(before, status):
        after = TRANSITIONS[endpoint].get(status)
        return (after, before[1] + 1) if after else before

    return done


def _take_done(before, status):
    """Taking a submitted review starts its curation; taking one in curation changes its curator only."""
    current, changes, _ = before
    if status == "submitted":
        return "in_curation", changes + 1, "me"
    if status == "in_curation":
        return current, changes, "me"
    return before


def _flag_state(world, key):
    flag = AnonymisationFlag.objects.get(pk=world.flags[key].pk)
    return flag.resolution, flag.reason


def _finding_url(name):
    return lambda world, key: reverse(name, args=[world.reviews[key].slug, world.findings[key].pk])


def _upload(world, key):
    text = f"A corrected review of {word(key)}. The agencies did not share what they knew about the baby.\n" * 5
    return {"document": SimpleUploadedFile(f"corrected-{key}.txt", text.encode(), content_type="text/plain")}


REVIEW_ACTIONS = {
    "review-finding-edit": Action(
        data={"title": "Renamed by its author", "text": "Changed."},
        url=lambda world, key: reverse("review-finding-edit", args=[world.reviews[key].slug, world.findings[key].pk]),
        state=lambda world, key: Finding.objects.get(pk=world.findings[key].pk).title,
        done=lambda before, status: "Renamed by its author" if status == "draft" else before,
    ),
    "review-finding-delete": Action(
        url=lambda world, key: reverse("review-finding-delete", args=[world.reviews[key].slug, world.findings[key].pk]),
        state=lambda world, key: Finding.objects.filter(pk=world.findings[key].pk).exists(),
        done=lambda before, status: False if status == "draft" else before,
    ),
    "review-details": Action(
        data={"title": "Child Renamed", "nation": "england", "review_type": "lcspr"},
        state=lambda world, key: Review.objects.get(pk=world.reviews[key].pk).title,
        done=lambda before, status: "Child Renamed" if status == "draft" else before,
    ),
    "review-submit": Action(data={"declaration": "on"}, state=_status_state, done=_transition_done("review-submit")),
    "review-upload-version": Action(
        data=_upload,
        state=lambda world, key: ReviewDocument.objects.filter(review=world.reviews[key]).count(),
        done=lambda before, status: before + 1 if status == "draft" else before,
    ),
    "review-document-retry": Action(
        state=lambda world, key: world.enqueued.count(world.documents[key].pk),
        done=lambda before, status: before + 1,
    ),
    "review-flag-resolve": Action(
        data=lambda world, key: {f"flag-{world.flags[key].pk}-reason": "A pseudonym used throughout"},
        url=lambda world, key: reverse("review-flag", args=[world.reviews[key].slug, world.flags[key].pk]),
        state=_flag_state,
        done=lambda before, status: ("not_identifying", "A pseudonym used throughout"),
    ),
    "review-flag-reopen": Action(
        data={"action": "reopen"},
        url=lambda world, key: reverse("review-flag", args=[world.reviews[key].slug, world.flags[key].pk]),
        state=_flag_state,
        done=lambda before, status: ("open", ""),
    ),
    "curation-take": Action(
        state=lambda world, key: (*_status_state(world, key), Review.objects.get(pk=world.reviews[key].pk).curator_id),
        done=_take_done,
    ),
    "curation-publish": Action(
        data={"offer_copy": "yes"}, state=_status_state, done=_transition_done("curation-publish")
    ),
    "curation-withdraw": Action(
        data={"reason": "Identifying details were found."},
        state=_status_state,
        done=_transition_done("curation-withdraw"),
    ),
    "curation-restore": Action(state=_status_state, done=_transition_done("curation-restore")),
    "curation-return": Action(
        data={"comments": "Please remove the school's name."},
        state=_status_state,
        done=_transition_done("curation-return"),
    ),
    "curation-details": Action(
        data=lambda world, key: {
            "title": f"Child {word(key)} renamed",
            "partnership": world.reviews[key].partnership_id,
            "nation": "england",
            "review_type": "lcspr",
            "publication_year": REVIEWS[key][2],
        },
        state=lambda world, key: Review.objects.get(pk=world.reviews[key].pk).title,
        done=lambda before, status: before + " renamed",
    ),
    "recommendation-track": Action(
        url=lambda world, key: reverse(
            "recommendation-track", args=[world.reviews[key].slug, world.recommendations[key].pk]
        ),
        data={"response": "accepted", "response_reasons": ""},
        state=lambda world, key: Recommendation.objects.get(pk=world.recommendations[key].pk).response,
        done=lambda before, status: "accepted",
    ),
    "curation-recommendation-edit": Action(
        url=lambda world, key: reverse(
            "curation-recommendation-edit", args=[world.reviews[key].slug, world.recommendations[key].pk]
        ),
        data={"text": "The partnership should audit.", "addressee": "partnership", "kind": "multi-agency"},
        state=lambda world, key: Recommendation.objects.get(pk=world.recommendations[key].pk).text,
        done=lambda before, status: "The partnership should audit.",
    ),
    "curation-recommendation-delete": Action(
        url=lambda world, key: reverse(
            "curation-recommendation-delete", args=[world.reviews[key].slug, world.recommendations[key].pk]
        ),
        state=lambda world, key: Recommendation.objects.filter(pk=world.recommendations[key].pk).exists(),
        done=lambda before, status: False,
    ),
    "curation-recommendation-split": Action(
        url=lambda world, key: reverse(
            "curation-recommendation-split", args=[world.reviews[key].slug, world.recommendations[key].pk]
        ),
        data={"before": 1},
        state=lambda world, key: list(world.reviews[key].recommendations.values_list("text", flat=True)),
        done=lambda before, status: before,
    ),
    "curation-recommendation-merge": Action(
        data=lambda world, key: {"recommendations": [world.recommendations[key].pk]},
        state=lambda world, key: list(world.reviews[key].recommendations.values_list("text", flat=True)),
        done=lambda before, status: before,
    ),
    "curation-recommendation-link": Action(
        url=lambda world, key: reverse(
            "curation-recommendation-link", args=[world.reviews[key].slug, world.recommendations[key].pk]
        ),
        data=lambda world, key: {"finding": world.findings[key].pk},
        state=lambda world, key: list(world.recommendations[key].findings.values_list("pk", flat=True)),
        done=lambda before, status: before,  # (linked to it already: a curator's link changes nothing)
    ),
    "curation-finding-delete": Action(
        url=_finding_url("curation-finding-delete"),
        state=lambda world, key: Finding.objects.filter(pk=world.findings[key].pk).exists(),
        done=lambda before, status: False,
    ),
    "curation-finding-edit": Action(
        url=_finding_url("curation-finding-edit"),
        data=lambda world, key: {"title": "Edited title", "text": world.findings[key].text},
        state=lambda world, key: Finding.objects.get(pk=world.findings[key].pk).title,
        done=lambda before, status: "Edited title",
    ),
    "curation-theme-remove": Action(
        url=lambda world, key: reverse(
            "curation-theme-remove",
            args=[world.reviews[key].slug, world.findings[key].pk, Theme.objects.get(slug=COMMON_THEME).pk],
        ),
        state=lambda world, key: (
            Finding.objects.get(pk=world.findings[key].pk).themes.filter(slug=COMMON_THEME).exists()
        ),
        done=lambda before, status: False,
    ),
    "curation-themes-add": Action(
        url=_finding_url("curation-themes-add"),
        data=lambda world, key: {"themes": [Theme.objects.get(slug="poverty-housing").pk]},
        state=lambda world, key: sorted(
            Finding.objects.get(pk=world.findings[key].pk).themes.values_list("slug", flat=True)
        ),
        done=lambda before, status: sorted([*before, "poverty-housing"]),
    ),
    "curation-lesson-link": Action(
        url=_finding_url("curation-lesson-link"),
        data=lambda world, key: {"lesson": world.spare_lesson.pk},
        state=lambda world, key: world.spare_lesson.links.filter(finding=world.findings[key]).exists(),
        done=lambda before, status: True,
    ),
}


@pytest.fixture
def enqueued(world, monkeypatch):
    """Documents are queued for processing by record only: the matrix is about who may, not about processing."""
    calls = []

    def record(document, **kwargs):
        calls.append(document.pk)
        return document

    monkeypatch.setattr("ingest.views.enqueue", record)
    monkeypatch.setattr("ingest.uploads.enqueue", record)
    world.enqueued = calls
    return calls


# The curators' edits of a review's details and findings do not depend on its status: each (role, status) case
# makes all of them, one after the other (the deletion last).
CURATION_EDITS = [
    "curation-finding-edit",
    "curation-theme-remove",
    "curation-themes-add",
    "curation-lesson-link",
    "curation-details",
    "curation-recommendation-edit",
    "curation-recommendation-delete",
    "curation-finding-delete",
]
GROUPS["curation-edits"] = CURATION_EDITS


@pytest.mark.parametrize(
    ("endpoint", "role", "status"),
    [
        case("actions", endpoint, role, status)
        for endpoint in [*(e for e in REVIEW_ACTIONS if e not in CURATION_EDITS), "curation-edits"]
        for role in ROLES
        for status in STATUSES
    ],
)
def test_review_actions(world, enqueued, endpoint, role, status):
    for name in GROUPS.get(endpoint, [endpoint]):
        _check_review_action(world, name, role, status)


def _check_review_action(world, endpoint, role, status):
    action = REVIEW_ACTIONS[endpoint]
    if endpoint == "review-flag-resolve":  # the flag to resolve is open
        AnonymisationFlag.objects.filter(pk=world.flags[status].pk).update(resolution="open", reason="")
    url = action.url(world, status) if action.url else reverse(endpoint, args=[world.reviews[status].slug])
    data = action.data(world, status) if callable(action.data) else action.data or {}
    before = action.state(world, status)
    response = client_for(world, role).post(url, data)
    expected = expected_code(EXPECTED_REVIEW_ACTIONS[endpoint], role, status)
    check_code(response, expected, url)
    after = action.state(world, status)
    if expected in (SIGN_IN, 404):
        assert after == before, f"{url}: a refused action changed something"
        return
    wanted = action.done(before, status)
    if endpoint.startswith("review-flag") and status not in FLAGS_CHANGEABLE[role]:
        wanted = before  # refused with a message: the flag is as it was
    if endpoint == "curation-take" and wanted[-1] == "me":
        wanted = (*wanted[:-1], world.users[role].pk)
    assert after == wanted, url
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    if endpoint == "review-submit":
        page = "review-submitted" if status == "draft" else "review-document"  # the confirmation, or back
        assert response["Location"] == reverse(page, args=[world.reviews[status].slug])
        if status != "draft":
            assert any(m.startswith("Cannot submit") for m in messages)
    if endpoint == "review-upload-version" and status != "draft":
        assert "cannot be replaced" in body(response)
    if endpoint == "curation-take":
        taken = status in ("submitted", "in_curation")
        target = reverse("curation-review", args=[world.reviews[status].slug]) if taken else reverse("curation-queue")
        assert urlsplit(response["Location"]).path == target
    if endpoint in ("curation-withdraw", "curation-restore", "curation-return") and status not in TRANSITIONS[endpoint]:
        assert any(m.startswith("Cannot") for m in messages)


@pytest.mark.parametrize("role", ["author", "curator", "admin"])
def test_an_object_of_another_review_is_a_404_even_to_those_who_may_edit_both(world, role):
    """A flag or finding is reached through its own review only: the review's address cannot carry another's."""
    client = client_for(world, role)
    draft = world.reviews["draft"]
    flag = world.flags["submitted"]
    AnonymisationFlag.objects.filter(pk=flag.pk).update(resolution="open", reason="")
    response = client.post(reverse("review-flag", args=[draft.slug, flag.pk]), {f"flag-{flag.pk}-reason": "Fine"})
    assert response.status_code == 404
    assert _flag_state(world, "submitted") == ("open", "")
    if role == "author":
        return
    finding = world.findings["other_draft"]
    edit = {"title": "Moved in", "text": finding.text}
    assert client.post(reverse("curation-finding-edit", args=[draft.slug, finding.pk]), edit).status_code == 404
    assert client.post(reverse("curation-finding-delete", args=[draft.slug, finding.pk])).status_code == 404
    assert Finding.objects.get(pk=finding.pk).title == finding.title
    unlinked = reverse("lesson-unlink", args=[world.spare_lesson.slug, world.findings["published"].pk])
    assert client.post(unlinked).status_code == 404


# ---------------------------------------------------------------------------------------------------------------
# Pages not about one review.


def site_page_url(world, endpoint):
    published, draft = world.published_lesson, world.draft_lesson
    urls = {
        "api-lesson-published": reverse("api-lesson", args=[published.public_id]),
        "api-lesson-draft": reverse("api-lesson", args=[draft.public_id]),
        "theme-detail": reverse("theme-detail", args=[COMMON_THEME]),
        "theme-detail-of-a-hidden-reviews-theme": reverse("theme-detail", args=[REVIEWS["draft"][3]]),
        "theme-edit": reverse("theme-edit", args=[COMMON_THEME]),
        "theme-merge": reverse("theme-merge", args=[COMMON_THEME]),
        "lesson-detail-published": reverse("lesson-detail", args=[published.slug]),
        "lesson-detail-draft": reverse("lesson-detail", args=[draft.slug]),
        "lesson-edit": reverse("lesson-edit", args=[draft.slug]),
        "lesson-history-published": reverse("lesson-history", args=[published.slug]),
        "lesson-history-draft": reverse("lesson-history", args=[draft.slug]),
        "agency-detail": reverse("agency-detail", args=[COMMON_AGENCY]),
        "api-lesson-draft-by-slug": reverse("api-lesson", args=[draft.slug]),
        "admin": reverse("admin:index"),
        "admin-reviews": reverse("admin:reviews_review_changelist"),
        "admin-review-draft": reverse("admin:reviews_review_change", args=[world.reviews["draft"].pk]),
        "admin-users": reverse("admin:auth_user_changelist"),
    }
    return urls.get(endpoint) or reverse(endpoint)


@pytest.mark.parametrize(
    ("endpoint", "role"), [case("site", endpoint, role) for endpoint in EXPECTED_SITE_PAGES for role in ROLES]
)
def test_site_pages(world, endpoint, role):
    url = site_page_url(world, endpoint)
    response = client_for(world, role).get(url)
    check_code(response, EXPECTED_SITE_PAGES[endpoint][role], url)
    if response.status_code == 200 and not endpoint.startswith("admin"):
        # No page, wherever it is, shows a review the role may not see.
        assert words_in(body(response)) <= SEES[role]
    if endpoint in ("lesson-detail-draft", "api-lesson-draft") and response.status_code == 404:
        assert "wombat" not in body(response).lower()


@dataclass
class SiteAction:
    url: object
    data: object
    state: object
    done: object


def _new_review(world):
    text = "The agencies did not share what they knew about the baby. The review asks them to.\n" * 5
    return {
        "title": "Child Newupload",
        "partnership": world.partnerships["P"].pk,
        "nation": "england",
        "review_type": "lcspr",
        "publication_year": "2022",
        "outcome": "",
        "reviewer": "Jane Reviewer",
        "summary": "",
        "pseudonyms_text": "Child Newupload",
        "document": SimpleUploadedFile("newupload.txt", text.encode(), content_type="text/plain"),
    }


SITE_ACTIONS = {
    "review-new": SiteAction(
        url=lambda world: reverse("review-new"),
        data=_new_review,
        state=lambda world: Review.objects.filter(title="Child Newupload").count(),
        done=lambda before: before + 1,
    ),
    "theme-new": SiteAction(
        url=lambda world: reverse("theme-new"),
        data=lambda world: {"name": "Wombat care", "facet": "practice", "definition": "New.", "keywords": ""},
        state=lambda world: Theme.objects.filter(name="Wombat care").exists(),
        done=lambda before: True,
    ),
    "theme-edit": SiteAction(
        url=lambda world: reverse("theme-edit", args=["poverty-housing"]),
        data=lambda world: {
            "name": "Poverty and housing need",
            "slug": "poverty-housing",
            "facet": Theme.objects.get(slug="poverty-housing").facet,
            "definition": "Changed by the matrix.",
            "keywords": "",
        },
        state=lambda world: Theme.objects.get(slug="poverty-housing").definition,
        done=lambda before: "Changed by the matrix.",
    ),
    "theme-deactivate": SiteAction(
        url=lambda world: reverse("theme-deactivate", args=["poverty-housing"]),
        data=lambda world: {},
        state=lambda world: Theme.objects.get(slug="poverty-housing").active,
        done=lambda before: False,
    ),
    "theme-merge": SiteAction(
        url=lambda world: reverse("theme-merge", args=["poverty-housing"]),
        data=lambda world: {"into": COMMON_THEME},
        state=lambda world: Theme.objects.filter(slug="poverty-housing").exists(),
        done=lambda before: False,
    ),
    "lesson-new": SiteAction(
        url=lambda world: reverse("lesson-new"),
        data=lambda world: {"statement": "A lesson written by the matrix", "summary": ""},
        state=lambda world: Lesson.objects.filter(statement="A lesson written by the matrix").exists(),
        done=lambda before: True,
    ),
    "lesson-edit": SiteAction(
        url=lambda world: reverse("lesson-edit", args=[world.draft_lesson.slug]),
        data=lambda world: {"statement": DRAFT_LESSON, "summary": "Changed by the matrix."},
        state=lambda world: Lesson.objects.get(pk=world.draft_lesson.pk).summary,
        done=lambda before: "Changed by the matrix.",
    ),
    "lesson-publish": SiteAction(
        url=lambda world: reverse("lesson-publish", args=[world.draft_lesson.slug]),
        data=lambda world: {},
        state=lambda world: Lesson.objects.get(pk=world.draft_lesson.pk).status,
        done=lambda before: "published",
    ),
    "lesson-unpublish": SiteAction(
        url=lambda world: reverse("lesson-unpublish", args=[world.published_lesson.slug]),
        data=lambda world: {},
        state=lambda world: Lesson.objects.get(pk=world.published_lesson.pk).status,
        done=lambda before: "draft",
    ),
    "lesson-link": SiteAction(
        url=lambda world: reverse("lesson-link"),
        data=lambda world: {"lesson": world.spare_lesson.pk, "finding": world.findings["published"].pk},
        state=lambda world: world.spare_lesson.links.count(),
        done=lambda before: before + 1,
    ),
    "lesson-unlink": SiteAction(
        url=lambda world: reverse("lesson-unlink", args=[world.published_lesson.slug, world.findings["published"].pk]),
        data=lambda world: {},
        state=lambda world: LessonFinding.objects.filter(lesson=world.published_lesson).count(),
        done=lambda before: before - 1,
    ),
}


@pytest.mark.parametrize(
    ("endpoint", "role"), [case("site-actions", endpoint, role) for endpoint in SITE_ACTIONS for role in ROLES]
)
def test_site_actions(world, enqueued, endpoint, role):
    action = SITE_ACTIONS[endpoint]
    url = action.url(world)
    before = action.state(world)
    response = client_for(world, role).post(url, action.data(world))
    expected = EXPECTED_SITE_ACTIONS[endpoint][role]
    check_code(response, expected, url)
    refused = expected in (SIGN_IN, 404) or (endpoint == "review-new" and expected == 200)
    assert action.state(world) == (before if refused else action.done(before))
    if endpoint == "review-new" and expected == 200:
        assert "Select a valid choice" in body(response)


# ---------------------------------------------------------------------------------------------------------------
# The visible set: every list, search, count, facet, export and API answer holds exactly what the role may see.


def finding_ids(world, role):
    return {world.findings[key].pk for key in SEES[role]}


def read_csv(response):
    return list(csv.DictReader(io.StringIO(body(response))))


@pytest.mark.parametrize("role", ROLES)
def test_review_list_and_home_hold_exactly_the_visible_reviews(world, role):
    client = client_for(world, role)
    listing = client.get(reverse("review-list"))
    assert listing.context["page"].paginator.count == len(SEES[role])
    assert words_in(body(listing)) == SEES[role]
    for key, (_, _, year, _) in REVIEWS.items():  # the year filter counts only visible reviews too
        by_year = client.get(reverse("review-list"), {"year": year})
        assert by_year.context["page"].paginator.count == (key in SEES[role])
    home = client.get(reverse("home"))
    assert home.context["review_count"] == len(SEES[role])
    assert home.context["finding_count"] == len(SEES[role])
    assert home.context["partnership_count"] == len({REVIEWS[key][0] for key in SEES[role]})
    assert (home.context["first_year"], home.context["last_year"]) == (
        min(visible_years(role)),
        max(visible_years(role)),
    )
    newest = sorted(SEES[role], key=lambda key: -REVIEWS[key][2])[:6]
    assert [review.pk for review in home.context["latest_reviews"]] == [world.reviews[key].pk for key in newest]
    assert words_in(body(home)) == set(newest)
    browse_years = {year for year, cells in home.context["browse"]["rows"] if any(n for _, _, n in cells)}
    assert browse_years == visible_years(role)
    counts = {t.slug: t.finding_count for _, themes in home.context["themes_by_facet"] for t in themes}
    for key, (_, _, _, theme) in REVIEWS.items():
        assert counts[theme] == (key in SEES[role]), theme


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("params", [{}, {"q": COMMON_WORD}, {"theme": COMMON_THEME}], ids=["browse", "query", "theme"])
def test_search_page_export_and_api_hold_exactly_the_visible_findings(world, role, params):
    client = client_for(world, role)
    page = client.get(reverse("search"), params)
    assert page.context["results"].count == len(SEES[role])
    assert {f.pk for f in page.context["results"].results} == finding_ids(world, role)
    assert words_in(body(page)) == SEES[role]
    rows = read_csv(client.get(reverse("search-export"), params))
    assert {int(row["finding_id"]) for row in rows} == finding_ids(world, role)
    assert words_in(" ".join(row["finding_text"] + row["review_title"] for row in rows)) == SEES[role]
    api = client.get(reverse("api-search"), params).json()
    assert api["count"] == len(SEES[role])
    assert {result["id"] for result in api["results"]} == finding_ids(world, role)
    facets = {name: {o["value"]: o["count"] for o in options} for name, options in api["facets"].items()}
    assert facets["theme"].get(COMMON_THEME, 0) == len(SEES[role])
    assert facets["agency"].get(COMMON_AGENCY, 0) == len(SEES[role])
    assert facets["nation"].get("england", 0) == facets["review_type"].get("lcspr", 0) == len(SEES[role])
    assert facets["region"].get("north-east", 0) == len(SEES[role])
    assert {int(year) for year in facets["year"]} == visible_years(role)
    for key, (_, _, _, theme) in REVIEWS.items():
        assert facets["theme"].get(theme, 0) == (key in SEES[role]), theme
    reviews = client.get(reverse("api-search"), {**params, "level": "reviews"}).json()
    assert reviews["count"] == len(SEES[role])
    assert {r["id"] for r in reviews["results"]} == {str(world.reviews[key].public_id) for key in SEES[role]}


def recommendation_ids(world, role):
    return {world.recommendations[key].pk for key in SEES[role]}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "params", [{}, {"q": "partnership concerns"}, {"theme": COMMON_THEME}], ids=["browse", "query", "theme"]
)
def test_every_list_of_recommendations_holds_exactly_the_visible_ones(world, role, params):
    """The search's recommendations level (page, CSV, API), the recommendations API, the national page and its CSV."""
    client = client_for(world, role)
    wanted = recommendation_ids(world, role)
    level = {**params, "level": "recommendations"}
    page = client.get(reverse("search"), level)
    assert page.context["results"].count == len(SEES[role])
    assert {r.pk for r in page.context["results"].results} == wanted
    assert words_in(body(page)) == SEES[role]
    assert {int(row["recommendation_id"]) for row in read_csv(client.get(reverse("search-export"), level))} == wanted
    api = client.get(reverse("api-search"), level).json()
    assert api["count"] == len(SEES[role]) and {r["id"] for r in api["results"]} == wanted
    facets = {name: {o["value"]: o["count"] for o in options} for name, options in api["facets"].items()}
    assert facets["theme"].get(COMMON_THEME, 0) == facets["kind"].get("multi-agency", 0) == len(SEES[role])
    assert facets["addressee"].get("partnership", 0) == len(SEES[role])
    assert {int(year) for year in facets["year"]} == visible_years(role)
    if "q" not in params:  # the lists that filter but do not search
        listed = client.get(reverse("api-recommendations"), params).json()
        assert listed["count"] == len(SEES[role]) and {r["id"] for r in listed["results"]} == wanted
        exported = read_csv(client.get(reverse("recommendations-export"), params))
        assert {int(row["recommendation_id"]) for row in exported} == wanted
        assert words_in(body(client.get(reverse("recommendation-figures"), params))) <= SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_every_feed_holds_published_material_only_whoever_asks(world, role):
    client = client_for(world, role)
    feeds = [
        reverse("feed-reviews"),
        reverse("feed-search") + f"?q={COMMON_WORD}",
        reverse("feed-search") + f"?q={COMMON_WORD}&level=reviews",
        reverse("feed-search") + "?q=partnership&level=recommendations",
        reverse("feed-theme", args=[COMMON_THEME]),
        reverse("feed-agency", args=[COMMON_AGENCY]),
        reverse("feed-recommendations"),
    ]
    for url in feeds:
        assert words_in(body(client.get(url))) == PUBLISHED, url
    lessons = body(client.get(reverse("feed-lessons")))
    assert PUBLISHED_LESSON in lessons and DRAFT_LESSON not in lessons


@pytest.mark.parametrize("role", ROLES)
def test_matches_by_meaning_hold_exactly_the_visible_findings(world, role, monkeypatch):
    # A query with none of the words of the world's findings (a term of the field, searched by its meaning), and
    # every embedded finding and review counted as close enough: what the role may not see must still never show.
    monkeypatch.setattr(semantic, "MINIMUM", {"findings": -1.0, "reviews": -1.0})
    monkeypatch.setattr(semantic, "LOWEST", -1.0)
    params = {"q": "cuckooing"}
    page = client_for(world, role).get(reverse("search"), params)
    results = page.context["results"]
    assert results.count == len(SEES[role]) and all(f.by_meaning for f in results.results)
    assert {f.pk for f in results.results} == finding_ids(world, role)
    assert words_in(body(page)) == SEES[role]
    api = client_for(world, role).get(reverse("api-search"), {**params, "level": "reviews"}).json()
    assert {r["id"] for r in api["results"]} == {str(world.reviews[key].public_id) for key in SEES[role]}


@pytest.mark.parametrize("role", ROLES)
def test_similar_findings_and_reviews_offer_published_material_only(world, role):
    client = client_for(world, role)
    for key in SEES[role]:
        page = body(client.get(world.reviews[key].get_absolute_url()))
        # (the list's heading names its own finding for screen readers)
        offered = words_in("".join(match.group(0) for match in SIMILAR.finditer(page))) - {key}
        assert offered == PUBLISHED - {key}, key  # the other published review, whoever reads
        similar = client.get(reverse("api-finding-similar", args=[world.findings[key].pk])).json()
        assert {f["id"] for f in similar["results"]} == {world.findings[k].pk for k in PUBLISHED - {key}}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", list(REVIEWS))
def test_searching_for_one_reviews_word_finds_it_only_when_visible(world, role, key):
    client = client_for(world, role)
    visible = key in SEES[role]
    api = client.get(reverse("api-search"), {"q": word(key)}).json()
    found = [r["id"] for r in api["results"]]
    assert api["count"] == len(found) and set(found) <= finding_ids(world, role)
    # Its own finding first when visible (the other findings like it in meaning may follow), else not at all.
    assert found[:1] == ([world.findings[key].pk] if visible else found[:1])
    assert (world.findings[key].pk in found) == visible
    # A misspelling is corrected from the published corpus's own words: never to a word the role may not see.
    typo = client.get(reverse("api-search"), {"q": word(key) + "x"}).json()
    if typo["corrected_from"]:  # (the query as typed holds the word it misspells)
        assert words_in(typo["query"]) <= SEES[role]
    assert {r["id"] for r in typo["results"]} <= finding_ids(world, role)
    if REVIEWS[key][1] == "published":
        assert typo["query"] == word(key) and typo["results"][0]["id"] == world.findings[key].pk


def test_the_spelling_word_list_holds_published_words_only(world):
    """Spelling suggestions come from this list: a withdrawn review's words leave it, a draft's never enter it."""
    listed = set(SearchTerm.objects.filter(word__startswith="zebra").values_list("word", flat=True))
    assert listed == {word(key) for key in SEES["anonymous"]}


@pytest.mark.parametrize("role", ROLES)
def test_theme_and_agency_counts_hold_only_visible_findings(world, role):
    client = client_for(world, role)
    n = len(SEES[role])
    index = client.get(reverse("theme-index"))
    counts = {t.slug: (t.finding_count, t.review_count) for _, group in index.context["facets"] for t in group}
    assert counts[COMMON_THEME] == (n, n)
    for key, (_, _, _, theme) in REVIEWS.items():
        assert counts[theme] == ((1, 1) if key in SEES[role] else (0, 0)), theme
    api = {
        t["slug"]: (t["finding_count"], t["review_count"]) for t in client.get(reverse("api-themes")).json()["results"]
    }
    assert api == counts
    detail = client.get(reverse("theme-detail", args=[COMMON_THEME]))
    theme = detail.context["theme"]
    assert (theme.finding_count, theme.review_count) == (n, n)
    assert detail.context["page"].paginator.count == n
    assert words_in(body(detail)) == SEES[role]
    assert {review.pk for review in detail.context["tagged_reviews"]} == {world.reviews[k].pk for k in SEES[role]}
    assert {year for year, findings, reviews in detail.context["by_year"] if findings or reviews} == visible_years(role)
    assert {row["theme__slug"] for row in detail.context["co_occurring"]} == {REVIEWS[k][3] for k in SEES[role]}
    assert [(row["agency__slug"], row["n"]) for row in detail.context["top_agencies"]] == [(COMMON_AGENCY, n)]
    assert [(lesson.statement, lesson.review_count) for lesson in detail.context["lessons"]] == [(PUBLISHED_LESSON, n)]
    agencies = client.get(reverse("agency-index")).context["sectors"]
    assert {a.slug: a.finding_count for _, group in agencies for a in group}[COMMON_AGENCY] == n
    agency = client.get(reverse("agency-detail", args=[COMMON_AGENCY]))
    assert (agency.context["page"].paginator.count, agency.context["review_count"]) == (n, n)
    assert words_in(body(agency)) == SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_lessons_count_and_show_only_visible_findings(world, role):
    client = client_for(world, role)
    n = len(SEES[role])
    curator = role in ("curator", "admin")
    index = client.get(reverse("lesson-index"))
    assert [(lesson.statement, lesson.review_count) for lesson in index.context["lessons"]] == [(PUBLISHED_LESSON, n)]
    detail = client.get(reverse("lesson-detail", args=[world.published_lesson.slug]))
    assert detail.context["reach"]["reviews"] == n
    assert set(detail.context["reach"]["years"]) == visible_years(role)
    assert {f.pk for f in detail.context["findings"]} == finding_ids(world, role)
    assert words_in(body(detail)) == SEES[role]
    listed = {item["statement"]: item["reviews"] for item in client.get(reverse("api-lessons")).json()["results"]}
    assert listed == (
        {PUBLISHED_LESSON: n, DRAFT_LESSON: n, "Spare lesson linked to nothing": 0}
        if curator
        else {PUBLISHED_LESSON: n}
    )
    one = client.get(reverse("api-lesson", args=[world.published_lesson.public_id])).json()
    assert one["reviews"] == n and set(one["years"]) == visible_years(role)
    assert {f["id"] for f in one["findings"]} == finding_ids(world, role)
    searched = client.get(reverse("api-search"), {"q": COMMON_WORD}).json()["lessons"]
    wanted = {PUBLISHED_LESSON: n, DRAFT_LESSON: n} if curator else {PUBLISHED_LESSON: n}
    assert {item["statement"]: item["reviews"] for item in searched} == wanted
    page = client.get(reverse("search"), {"q": COMMON_WORD})
    assert ("wombat" in body(page).lower()) == curator


def test_cached_browse_results_are_never_shared_between_roles(world):
    """Browsing (no query) is cached: what one role saw must not be served to a role that sees less."""
    for order in (ROLES, list(reversed(ROLES))):
        for role in order:
            client = client_for(world, role)
            assert client.get(reverse("api-search")).json()["count"] == len(SEES[role]), role
            assert words_in(body(client.get(reverse("search")))) == SEES[role], role
            rows = read_csv(client.get(reverse("search-export")))
            assert {int(row["finding_id"]) for row in rows} == finding_ids(world, role), role


def _browse(client):
    """What a role finds by browsing (no query, so cached) in the search page, the API and the export."""
    page = words_in(body(client.get(reverse("search"))))
    api = {
        r["review"]["title"].split()[-1].removeprefix("zebra")
        for r in client.get(reverse("api-search")).json()["results"]
    }
    csv_rows = words_in(" ".join(row["finding_text"] for row in read_csv(client.get(reverse("search-export")))))
    assert {key.replace("_", "") for key in page} == api
    assert page == csv_rows
    return page


def test_visibility_follows_every_change_at_once(world):
    """Browsing is cached: a review that is withdrawn, moved to another partnership or whose author leaves the
    partnership disappears from what each role finds at once."""
    anonymous, author, other_author = (client_for(world, role) for role in ("anonymous", "author", "other_author"))
    curator = client_for(world, "curator")
    assert _browse(anonymous) == SEES["anonymous"]
    assert _browse(author) == SEES["author"]
    assert _browse(other_author) == SEES["other_author"]
    # Withdrawn: gone for the public, still there for its partnership's author.
    published = world.reviews["published"]
    curator.post(reverse("curation-withdraw", args=[published.slug]), {"reason": "Identifying details."})
    assert _browse(anonymous) == SEES["anonymous"] - {"published"}
    assert anonymous.get(published.get_absolute_url()).status_code == 404
    assert _browse(author) == SEES["author"]
    # A draft moved to partnership Q by a curator: gone for P's author, there for Q's.
    draft = world.reviews["draft"]
    details = {
        "title": draft.title,
        "partnership": world.partnerships["Q"].pk,
        "nation": "england",
        "review_type": "lcspr",
        "publication_year": REVIEWS["draft"][2],
    }
    assert curator.post(reverse("curation-details", args=[draft.slug]), details).status_code == 302
    assert _browse(author) == SEES["author"] - {"draft"}
    assert author.get(draft.get_absolute_url()).status_code == 404
    assert author.get(reverse("review-document", args=[draft.slug])).status_code == 404
    assert _browse(other_author) == SEES["other_author"] - {"published"} | {"draft"}
    assert other_author.get(reverse("review-document", args=[draft.slug])).status_code == 200
    # P's author leaves P: what the public sees is all that is left.
    world.partnerships["P"].members.remove(world.users["author"])
    assert _browse(author) == {"other_published"}
    assert author.get(reverse("review-document", args=[world.reviews["submitted"].slug])).status_code == 404
    assert author.get(reverse("review-new")).status_code == 404
