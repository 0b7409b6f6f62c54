"""In a real browser (Playwright for Python driving Debian's Chromium): the search page on a phone and by
keyboard, and axe-core's accessibility checks on the main public pages.

Chromium comes from Debian (`apt-get install chromium`; `.ci/run` installs it and sets BROWSER_TESTS=required,
so that in CI a missing browser fails). Elsewhere these tests are skipped, saying why, when it is missing.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from reviews.models import Review
from tests.factories import make_finding, make_review

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 667}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the server is another thread


@pytest.fixture(scope="module")
def browser():
    missing = [what for what, path in (("Chromium", CHROMIUM), ("axe-core", str(AXE))) if not Path(path).exists()]
    if missing:
        message = (
            f"Browser tests need {' and '.join(missing)}: `apt-get install chromium` and `npm ci` (make test "
            "runs npm ci; .ci/run installs Chromium)."
        )
        if os.environ.get("BROWSER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in this thread; the tests' own database calls are still
    # ordinary synchronous code. Allowed for these tests only (`check --deploy` rightly refuses it elsewhere).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def open_page(browser, live_server):
    contexts = []

    def opened(path, viewport=None):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, bypass_csp=True)  # for axe
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + path)
        return page

    yield opened
    for context in contexts:
        context.close()


@pytest.fixture
def library():
    reviews = []
    for number in range(6):
        review = make_review(
            title=f"Child N{number}",
            publication_year=2015 + number,
            summary="Neglect of the children was not recognised for years.",
        )
        for position in range(3):
            make_finding(
                review,
                title=f"Neglect was not recognised ({number}.{position})",
                text="The children were often hungry and missed school; neglect was not named by any agency.",
                themes=["neglect"],
                agencies=["school"],
            )
        reviews.append(review)
    make_review(Review.Status.SUBMITTED, title="Child Secret", summary="Neglect")
    return reviews


def violations(page):
    """axe-core's serious and critical findings on the page, as 'rule: where' lines."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_on_a_phone_the_search_box_is_wide_and_the_first_result_is_on_the_first_screen(open_page, library):
    page = open_page(reverse("search") + "?q=neglect", PHONE)

    box = page.locator("#q").bounding_box()
    toggle = page.locator(".cr-filters-toggle").bounding_box()
    first = page.locator(".cr-result").first.bounding_box()
    assert box["width"] >= 250
    assert toggle is not None and toggle["y"] > box["y"]  # the Filter button shows on a phone
    assert first["y"] > toggle["y"] and first["y"] < PHONE["height"]
    assert not page.locator("#filters").is_visible()  # the filters wait behind the button
    assert violations(page) == []


def test_the_filter_button_opens_the_filters_above_the_results(open_page, library):
    page = open_page(reverse("search") + "?q=neglect", PHONE)

    page.locator(".cr-filters-toggle").click()

    assert page.locator("#filters").is_visible()
    assert page.locator(".cr-filters-toggle").get_attribute("aria-expanded") == "true"
    assert page.locator("#filters").bounding_box()["y"] < page.locator(".cr-result").first.bounding_box()["y"]


def test_a_keyboard_user_reaches_the_first_result_in_a_few_key_presses(open_page, library):
    page = open_page(reverse("search") + "?q=neglect")
    page.locator("#q").focus()
    first_link = page.locator(".cr-result a").first

    presses = 0
    page.keyboard.press("Tab")  # the Search button
    page.keyboard.press("Tab")  # Skip to results
    assert page.evaluate("document.activeElement.textContent") == "Skip to results"
    page.keyboard.press("Enter")
    while presses < 10 and not first_link.evaluate("link => link === document.activeElement"):
        page.keyboard.press("Tab")
        presses += 1

    assert first_link.evaluate("link => link === document.activeElement"), "the first result was not reached"
    assert presses <= 6


@pytest.mark.parametrize("page_name", ["home", "search", "review", "theme", "phone-home"])
def test_the_main_public_pages_pass_axe_core(open_page, library, page_name):
    paths = {
        "home": reverse("home"),
        "search": reverse("search") + "?q=neglect&level=reviews",
        "review": library[0].get_absolute_url(),
        "theme": reverse("theme-detail", args=["neglect"]),
        "phone-home": reverse("home"),
    }
    page = open_page(paths[page_name], PHONE if page_name.startswith("phone") else None)

    assert page.title()
    assert violations(page) == []
