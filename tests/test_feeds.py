"""Atom feeds of what is newly published (reviews, any search, a theme, an agency, recurring lessons,
recommendations): each validates against the Atom schema of RFC 4287, holds published material only whoever asks,
escapes texts from uploads, and is offered in the page's head and on the page."""

from pathlib import Path

import pytest
import rnc2rng
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from findings.models import Lesson, Recommendation, Theme
from reviews.models import Review
from tests.factories import make_finding, make_recommendation, make_review

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _schema():
    rnc = (Path(__file__).parent / "data" / "atom.rnc").read_text()
    # (rnc2rng declares the empty namespace with a prefix, which XML does not allow; its rules name it as ns="")
    return etree.RelaxNG(etree.fromstring(rnc2rng.dumps(rnc2rng.loads(rnc)).replace('xmlns:local=""', "").encode()))


SCHEMA = _schema()


def atom(client, url, params=None):
    """The feed at url, checked against RFC 4287: its schema, and an author for every entry (its Schematron rule)."""
    answer = client.get(url, params or {})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(answer.content)
    assert SCHEMA.validate(feed), SCHEMA.error_log
    feed_author = feed.find(f"{ATOM}author") is not None
    assert all(feed_author or entry.find(f"{ATOM}author") is not None for entry in feed.iter(f"{ATOM}entry"))
    return feed


def titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


@pytest.fixture
def world():
    """Two published reviews (the older published first), a draft and a withdrawn one, each with a finding about
    neglect that names the police and a recommendation."""
    older = make_review(title="Child A", summary="Neglect <script>alert(1)</script> over years.")
    older.status_changed_at = timezone.now() - timezone.timedelta(days=30)
    older.save()
    newer = make_review(title="Child B", nation="wales")
    draft = make_review(Review.Status.IN_CURATION, title="Child Draft")
    withdrawn = make_review(title="Child Withdrawn")
    for review in (older, newer, draft, withdrawn):
        finding = make_finding(review, title=f"Hunger missed in {review.title}", themes=["neglect"],
                               agencies=["police"], text="Nobody asked whether the children had eaten.")  # fmt: skip
        make_recommendation(review, f"Schools should record hunger ({review.title}).", findings=[finding])
    withdrawn.withdraw(reason="Published by mistake")
    return older, newer


def test_the_reviews_feed_lists_published_reviews_newest_first_with_summaries_escaped(client, world):
    feed = atom(client, reverse("feed-reviews"))

    assert titles(feed) == ["Child B", "Child A"]
    summary = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Child A")
    assert summary.findtext(f"{ATOM}summary") == "Neglect &lt;script&gt;alert(1)&lt;/script&gt; over years."
    assert summary.find(f"{ATOM}link").get("href").endswith(world[0].get_absolute_url())


def test_a_searchs_feed_holds_what_the_search_finds_at_every_level_published_only(client, world):
    findings = atom(client, reverse("feed-search"), {"q": "hunger", "nation": "england"})
    assert titles(findings) == ["Hunger missed in Child A"]

    reviews = atom(client, reverse("feed-search"), {"q": "hunger", "level": "reviews"})
    assert titles(reviews) == ["Child B", "Child A"]
    recommendations = atom(client, reverse("feed-search"), {"q": "hunger", "level": "recommendations"})
    assert len(titles(recommendations)) == 2 and all("Draft" not in t for t in titles(recommendations))
    assert client.get(reverse("feed-search"), {"year_from": "not a year"}).status_code == 404


def test_theme_agency_lesson_and_recommendation_feeds_hold_published_material_only(client, world):
    assert titles(atom(client, reverse("feed-theme", args=["neglect"]))) == [
        "Hunger missed in Child B", "Hunger missed in Child A"
    ]  # fmt: skip
    assert len(titles(atom(client, reverse("feed-agency", args=["police"])))) == 2
    welsh = atom(client, reverse("feed-recommendations"), {"nation": "wales"})
    assert titles(welsh) == ["Child B, to The safeguarding partnership"]
    lesson = Lesson.objects.create(slug="hunger", statement="Hunger goes unseen", status=Lesson.Status.PUBLISHED,
                                   published_at=timezone.now())  # fmt: skip
    Lesson.objects.create(slug="draft", statement="A lesson still being written")
    assert titles(atom(client, reverse("feed-lessons"))) == [lesson.statement]
    assert client.get(reverse("feed-theme", args=["no-such-theme"])).status_code == 404


def test_a_withdrawn_review_leaves_every_feed_at_once(client, world):
    older, _ = world
    older.withdraw(reason="Identifying details")

    assert titles(atom(client, reverse("feed-reviews"))) == ["Child B"]
    assert titles(atom(client, reverse("feed-theme", args=["neglect"]))) == ["Hunger missed in Child B"]
    assert Recommendation.objects.filter(review=older).exists()
    assert len(titles(atom(client, reverse("feed-recommendations")))) == 1


def test_a_curator_reads_the_same_feeds_as_the_public(curator, client, world):
    for url in (reverse("feed-reviews"), reverse("feed-theme", args=["neglect"]), reverse("feed-recommendations")):
        assert titles(atom(curator, url)) == titles(atom(client, url))


def test_pages_offer_their_feed_in_the_head_and_on_the_page(client, world):
    theme = Theme.objects.get(slug="neglect")
    pages = {
        reverse("search") + "?q=hunger": reverse("feed-search") + "?q=hunger",
        theme.get_absolute_url(): reverse("feed-theme", args=["neglect"]),
        reverse("agency-detail", args=["police"]): reverse("feed-agency", args=["police"]),
        reverse("review-list"): reverse("feed-reviews"),
        reverse("lesson-index"): reverse("feed-lessons"),
        reverse("recommendation-figures"): reverse("feed-recommendations"),
    }
    for page, feed in pages.items():
        html = client.get(page).content.decode()
        assert '<link rel="alternate" type="application/atom+xml" title="' in html, page
        assert f'href="{feed}"' in html and "with a feed reader" in html, page
