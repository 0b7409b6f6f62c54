"""In a real browser (Playwright for Python driving Debian's Chromium): the search page on a phone and by
keyboard, and axe-core's accessibility checks on the main public pages.

Chromium comes from Debian (`apt-get install chromium`; `.ci/run` installs it and sets BROWSER_TESTS=required,
so that in CI a missing browser fails). Elsewhere these tests are skipped, saying why, when it is missing.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from alerts import sending
from alerts.models import Alert, Subscriber
from findings.models import AgencySuggestion, Lesson, Theme, ThemeSuggestion
from reviews.models import Review
from tests.documents import make_pdf
from tests.factories import (
    make_finding,
    make_partnership,
    make_recommendation,
    make_report,
    make_review,
    make_user,
    sign_in,
)
from tests.review_texts import REVIEW_PAGES
from tests.test_document_upload import as_upload, upload_form

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 667}
WIDTHS = {"desktop": None, "phone": PHONE}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the server is another thread


class Browser:
    """Chromium driven from a thread of its own: Playwright's synchronous API runs an event loop in the thread
    that uses it, and Django must not find one in the tests' thread (its database connections would not be the
    test's). visit() runs a function on a page in that thread and hands back what it returns."""

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="browser")
        self.thread.submit(self._start).result()

    def _start(self):
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.chromium = self.playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])

    def visit(self, url, look, viewport=None, session=None):
        return self.thread.submit(self._visit, url, look, viewport, session).result()

    def _visit(self, url, look, viewport, session):
        # bypass_csp: axe-core is added to the page as a script of its own
        context = self.chromium.new_context(viewport=viewport or {"width": 1280, "height": 900}, bypass_csp=True)
        if session:  # signed in: the session cookie of a Django test client
            host = url.split("/")[2].split(":")[0]
            context.add_cookies(
                [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}]
            )
        try:
            page = context.new_page()
            page.goto(url)
            return look(page)
        finally:
            context.close()

    def close(self):
        def stop():
            self.chromium.close()
            self.playwright.stop()

        self.thread.submit(stop).result()
        self.thread.shutdown()


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
    browser = Browser()
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def server():
    """The service on a free local port, in a thread of its own with its own database connections: the tests
    are transactional (with the seeded data restored after each), so the server sees what they commit."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from django.test.utils import override_settings

    with override_settings(ALLOWED_HOSTS=["localhost", "testserver"]):  # the server, and the tests' own clients
        thread = LiveServerThread("localhost", StaticFilesHandler, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://localhost:{thread.port}"
        thread.terminate()


@pytest.fixture
def visit(browser, server):
    def visited(path, look, viewport=None, signed_in=None):
        session = signed_in.cookies[django_settings.SESSION_COOKIE_NAME].value if signed_in else None
        return browser.visit(server + path, look, viewport, session)

    return visited


@pytest.fixture
def library():
    reviews = []
    for number in range(6):
        review = make_review(
            title=f"Child N{number}",
            publication_year=2015 + number,
            summary="Neglect of the children was not recognised for years.",
        )
        findings = [
            make_finding(
                review,
                title=f"Neglect was not recognised ({number}.{position})",
                text="The children were often hungry and missed school; neglect was not named by any agency.",
                themes=["neglect"],
                agencies=["school"],
            )
            for position in range(3)
        ]
        make_recommendation(
            review,
            "Schools should share attendance concerns with the health visitor.",
            label="S 1",
            addressee="agencies",
            kind="single-agency",
            agencies=["school"],
            findings=findings[:2],
        )
        make_report(review, f"The report of Child N{number}.")
        reviews.append(review)
    make_review(Review.Status.SUBMITTED, title="Child Secret", summary="Neglect")
    return reviews


def fits(page):
    """Whether the page fits its width (nothing to scroll sideways; a wide table scrolls in its own box)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def violations(page):
    """axe-core's serious and critical findings on the page, as 'rule: where' lines."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_on_a_phone_the_search_box_is_wide_and_the_first_result_is_on_the_first_screen(visit, library):
    def look(page):
        return {
            "box": page.locator("#q").bounding_box(),
            "toggle": page.locator(".cr-filters-toggle").bounding_box(),
            "first": page.locator(".cr-result").first.bounding_box(),
            "filters shown": page.locator("#filters").is_visible(),
            "violations": violations(page),
        }

    seen = visit(reverse("search") + "?q=neglect", look, PHONE)

    assert seen["box"]["width"] >= 250
    assert seen["toggle"] is not None and seen["toggle"]["y"] > seen["box"]["y"]  # the Filter button, on a phone
    assert seen["toggle"]["y"] < seen["first"]["y"] < PHONE["height"]
    assert not seen["filters shown"]  # the filters wait behind the button
    assert seen["violations"] == []


def test_the_filter_button_opens_the_filters_above_the_results(visit, library):
    def look(page):
        page.locator(".cr-filters-toggle").click()
        return {
            "shown": page.locator("#filters").is_visible(),
            "expanded": page.locator(".cr-filters-toggle").get_attribute("aria-expanded"),
            "filters": page.locator("#filters").bounding_box()["y"],
            "first": page.locator(".cr-result").first.bounding_box()["y"],
        }

    seen = visit(reverse("search") + "?q=neglect", look, PHONE)

    assert seen["shown"] and seen["expanded"] == "true"
    assert seen["filters"] < seen["first"]


def test_a_keyboard_user_reaches_the_first_result_in_a_few_key_presses(visit, library):
    def look(page):
        page.locator("#q").focus()
        first_link = page.locator(".cr-result a").first
        page.keyboard.press("Tab")  # the Search button
        page.keyboard.press("Tab")  # Skip to results
        skip = page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Enter")
        presses = 0
        while presses < 10 and not first_link.evaluate("link => link === document.activeElement"):
            page.keyboard.press("Tab")
            presses += 1
        return {"skip": skip, "presses": presses, "reached": first_link.evaluate("l => l === document.activeElement")}

    seen = visit(reverse("search") + "?q=neglect", look)

    assert seen["skip"] == "Skip to results"
    assert seen["reached"], "the first result was not reached"
    assert seen["presses"] <= 6


@pytest.mark.parametrize(
    "page_name",
    ["home", "search", "review", "theme", "phone-home", "phone-theme", "recommendations", "phone-recommendations",
     "phone-alert"],
)  # fmt: skip
def test_the_main_public_pages_pass_axe_core(visit, library, page_name):
    paths = {
        "home": reverse("home"),
        "search": reverse("search") + "?q=neglect&level=reviews",
        "review": library[0].get_absolute_url(),
        "theme": reverse("theme-detail", args=["neglect"]),
        "phone-home": reverse("home"),
        "phone-theme": reverse("theme-detail", args=["neglect"]),
        "recommendations": reverse("recommendation-figures"),
        "phone-recommendations": reverse("recommendation-figures"),
        "phone-alert": reverse("alert-new") + "?kind=theme&slug=neglect",
    }

    seen = visit(
        paths[page_name],
        lambda page: (page.title(), violations(page), fits(page)),
        PHONE if "phone" in page_name else None,
    )

    assert seen[0]
    assert seen[1] == []
    assert seen[2], "the page fits its width"


def test_on_a_phone_a_reader_opens_similar_findings_by_keyboard_and_follows_one_to_its_review(visit, library):
    def look(page):
        summary = page.locator(".cr-similar summary").first
        summary.focus()
        page.keyboard.press("Enter")  # a details element opens from the keyboard
        link = page.locator(".cr-similar a").first
        opened = {"visible": link.is_visible(), "fits": fits(page), "violations": violations(page)}
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        return {**opened, "now": page.locator("h1").text_content(), "sidebar": page.locator("#similar-reviews").count()}

    seen = visit(library[0].get_absolute_url(), look, PHONE)

    assert seen["visible"] and seen["fits"] and seen["violations"] == []
    assert seen["now"].startswith("Child N") and seen["now"] != library[0].title  # another review like it
    assert seen["sidebar"] == 1  # which offers reviews like itself too


def test_a_curator_sets_up_two_factor_sign_in_on_a_phone(visit):
    curator = Client()
    curator.force_login(make_user(staff=True))  # the password given, the second factor not yet

    def look(page):
        return {
            "at": page.url,
            "qr": page.locator(".cr-qr svg").bounding_box(),
            "key": page.locator("#two-factor-key").is_visible(),
            "fits": fits(page),
            "violations": violations(page),
        }

    seen = visit(reverse("curation-queue"), look, PHONE, signed_in=curator)

    assert reverse("two-factor-set-up") in seen["at"]
    assert seen["qr"]["width"] <= PHONE["width"] and seen["key"] and seen["fits"]
    assert seen["violations"] == []


def test_an_author_reads_why_a_document_was_refused_on_a_phone(visit, settings, tmp_path):
    settings.INGEST_MAX_WORDS = 10  # any review is refused: too many words
    author = Client()
    author.force_login(user := make_user())
    author.partnership = make_partnership()
    author.partnership.members.add(user)
    answer = author.post(
        reverse("review-new"), upload_form(author, as_upload(make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)))
    )
    assert answer.status_code == 302
    review = author.partnership.reviews.get()

    def look(page):
        return {
            "refused": page.get_by_text("This file cannot be used").is_visible(),
            "button": page.get_by_role("link", name="Upload a corrected version").first.is_visible(),
            "fits": fits(page),
            "violations": violations(page),
        }

    seen = visit(reverse("review-document", kwargs={"slug": review.slug}), look, PHONE, signed_in=author)

    assert seen["refused"] and seen["button"] and seen["fits"]
    assert seen["violations"] == []


def test_a_curator_on_a_phone_takes_a_backlog_report_and_accepts_an_agency_by_keyboard(visit):
    curator = Client()
    sign_in(curator, make_user(staff=True))  # both factors
    backlog = make_review(Review.Status.DRAFT, title="Baby T", backlog=True)
    review = make_review(Review.Status.IN_CURATION, title="Child K")
    finding = make_finding(review, title="What the health visitor knew", themes=["neglect"])
    AgencySuggestion.objects.create(
        finding=finding,
        agency=Agency.objects.get(slug="health-visiting"),
        phrase="health visitor",
        sentence="The health visitor saw Child K at home twice.",
    )

    def queue(page):
        return {
            "backlog": page.locator(f"#backlog-{backlog.pk}").is_visible(),
            "fits": fits(page),
            "violations": violations(page),
        }

    seen = visit(reverse("curation-queue"), queue, PHONE, signed_in=curator)
    assert seen["backlog"] and seen["fits"] and seen["violations"] == []

    def accept(page):
        button = page.get_by_role("button", name="Accept Health visiting for finding 1")
        button.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return {
            "said": page.get_by_text("“Health visiting” was added to “What the health visitor knew”.").is_visible(),
            "fits": fits(page),
            "violations": violations(page),
        }

    seen = visit(reverse("curation-review", kwargs={"slug": review.slug}), accept, PHONE, signed_in=curator)
    assert seen["said"] and seen["fits"] and seen["violations"] == []
    assert list(finding.agencies.values_list("slug", flat=True)) == ["health-visiting"]


def test_the_suggestion_model_page_works_on_a_phone(visit):
    curator = Client()
    sign_in(curator, make_user(staff=True))

    def look(page):
        return {
            "button": page.get_by_role("button", name="Train a new version").is_visible(),
            "fits": fits(page),
            "violations": violations(page),
        }

    seen = visit(reverse("theme-model"), look, PHONE, signed_in=curator)
    assert seen["button"] and seen["fits"] and seen["violations"] == []


@pytest.mark.parametrize("width", WIDTHS)
def test_an_author_signs_in_uploads_resolves_flags_edits_a_finding_checks_answers_declares_and_submits(
    visit, tmp_path, width
):
    user = make_user()
    make_partnership().members.add(user)
    pdf = make_pdf(tmp_path / "child-j.pdf", REVIEW_PAGES)

    def journey(page):
        seen = {"pages": [], "violations": []}

        def note():
            seen["pages"].append((page.title(), fits(page)))
            seen["violations"] += violations(page)

        note()  # sign in
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill("a long test password")
        with page.expect_navigation():
            page.get_by_label("Password").press("Enter")
        note()  # your reviews, none yet
        with page.expect_navigation():
            page.locator("#main-content").get_by_role("link", name="Upload a review").click()
        note()  # the upload form
        page.get_by_label("Pseudonym of the review").fill("Child J")
        page.get_by_label("Nation").select_option("england")
        page.get_by_label("Review type").select_option("lcspr")
        page.get_by_label("Review authors and chair").fill("Jane Reviewer")
        page.get_by_label("Pseudonyms used in the review").fill("Child J\nAdult M")
        page.locator("input[type=file]").set_input_files(str(pdf))
        with page.expect_navigation():
            page.get_by_role("button", name="Upload", exact=False).first.click()
        note()  # the document and its checks (processed at once in tests)
        blocking = page.get_by_label("Why is this not identifying?").count()
        seen["flags"] = blocking
        for _ in range(blocking):
            field = page.get_by_label("Why is this not identifying?").first
            field.fill("A pseudonym used throughout the review")
            with page.expect_navigation():
                field.press("Enter")
        seen["count"] = page.locator("#flag-count").inner_text()
        with page.expect_navigation():
            page.get_by_role("link", name="Change finding 1").click()
        note()  # edit the finding
        page.get_by_label("Title", exact=True).fill("Nobody asked who else lived in the house")
        with page.expect_navigation():
            page.get_by_role("button", name="Save the finding").click()
        seen["edited"] = page.get_by_text("Nobody asked who else lived in the house").first.is_visible()
        page.get_by_role("link", name="Check your answers and submit").first.click()
        note()  # check your answers
        with page.expect_navigation():
            page.get_by_role("button", name="Submit the review").press("Enter")
        seen["error"] = page.title().startswith("Error:") and page.locator(".govuk-error-summary").is_visible()
        note()
        box = page.get_by_label("I confirm that this review has been redacted", exact=False)
        box.focus()
        page.keyboard.press("Space")
        with page.expect_navigation():
            page.get_by_role("button", name="Submit the review").press("Enter")
        seen["confirmed"] = page.locator(".govuk-panel--confirmation").is_visible()
        note()  # the confirmation
        return seen

    seen = visit(f"{reverse('sign-in')}?next={reverse('review-mine')}", journey, WIDTHS[width])

    assert seen["flags"] and "must be resolved" not in seen["count"]
    assert seen["edited"] and seen["error"] and seen["confirmed"]
    assert all(fitting for _, fitting in seen["pages"]), seen["pages"]
    assert seen["violations"] == []
    review = Review.objects.get(partnership__members=user)
    assert review.status == Review.Status.SUBMITTED
    assert review.findings.filter(title="Nobody asked who else lived in the house").exists()


@pytest.mark.parametrize("path", ["/accessibility/", "/privacy/", "/cookies/", "/contact/", "/no-such-page/"])
def test_the_service_pages_and_the_not_found_page_pass_axe_core_on_a_phone(visit, path):
    seen = visit(path, lambda page: (fits(page), violations(page)), PHONE)
    assert seen == (True, [])


@pytest.mark.parametrize("width", WIDTHS)
def test_a_curator_takes_a_review_accepts_themes_together_links_a_lesson_checks_and_publishes(visit, width):
    curator = Client()
    sign_in(curator, make_user(staff=True))
    review = make_review(Review.Status.SUBMITTED, title="Child V")
    finding = make_finding(review, title="The bruise was explained away", text="A bruise was seen and explained away.")
    for slug in ("neglect", "bruising-non-mobile"):
        ThemeSuggestion.objects.create(
            finding=finding, theme=Theme.objects.get(slug=slug), score=0.8, reasons=[], source="rules"
        )
    lesson = Lesson.objects.create(statement="Bruises on babies were explained away")

    def journey(page):
        seen = {"pages": [], "violations": []}

        def note():
            seen["pages"].append((page.title(), fits(page)))
            seen["violations"] += violations(page)

        note()  # the screen, before taking
        with page.expect_navigation():
            page.get_by_role("button", name="Take this review").click()
        for name in ("Neglect", "Bruising"):
            page.get_by_label(name, exact=False).first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Accept the ticked themes").first.click()
        note()
        page.get_by_label("Link finding 1 to a recurring lesson").select_option(label=f"{lesson.statement} (draft)")
        with page.expect_navigation():
            page.get_by_role("button", name="Link finding 1 to the lesson", exact=True).click()
        page.get_by_role("link", name="Check what will be published").click()
        note()  # check what will be published
        with page.expect_navigation():
            page.get_by_role("button", name="Publish the review").click()
        seen["said"] = page.get_by_text("“Child V” was published.").is_visible()
        note()
        return seen

    seen = visit(reverse("curation-review", kwargs={"slug": review.slug}), journey, WIDTHS[width], signed_in=curator)

    assert seen["said"]
    assert all(fitting for _, fitting in seen["pages"]), seen["pages"]
    assert seen["violations"] == []
    assert set(finding.themes.values_list("slug", flat=True)) == {"neglect", "bruising-non-mobile"}
    assert list(lesson.findings.all()) == [finding]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reader_searches_filters_opens_a_finding_and_its_review_and_downloads_its_report(visit, library, width):
    def journey(page):
        seen = {"pages": [], "violations": []}

        def note():
            seen["pages"].append((page.title(), fits(page)))
            seen["violations"] += violations(page)

        page.locator("#q").fill("neglect")
        with page.expect_navigation():
            page.locator("#q").press("Enter")
        note()  # results
        if page.locator(".cr-filters-toggle").is_visible():
            page.locator(".cr-filters-toggle").click()
        page.get_by_label("England", exact=False).first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Apply filters", exact=False).first.click()
        seen["filtered"] = "nation=england" in page.url
        note()
        with page.expect_navigation():
            page.locator(".cr-result a").first.click()
        seen["finding"] = page.locator(".cr-finding").first.is_visible()
        note()  # the review, at the finding
        with page.expect_download() as download:
            page.get_by_role("link", name="Download the report", exact=False).click()
        seen["report"] = (download.value.suggested_filename, Path(download.value.path()).read_text())
        return seen

    seen = visit(reverse("search"), journey, WIDTHS[width])

    assert seen["filtered"] and seen["finding"]
    assert seen["report"][0].endswith("-report.txt") and seen["report"][1].startswith("The report of Child N")
    assert all(fitting for _, fitting in seen["pages"]), seen["pages"]
    assert seen["violations"] == []


def test_a_signed_in_author_is_warned_before_the_session_ends_and_stays_signed_in_by_keyboard(visit, settings):
    settings.SESSION_COOKIE_AGE = 6  # the warning after 3 seconds
    author = Client()
    author.force_login(user := make_user())
    author.partnership = make_partnership()
    author.partnership.members.add(user)

    def look(page):
        warning = page.locator("#timeout-warning")
        warning.wait_for(state="visible", timeout=5000)
        seen = {
            "focused": page.evaluate("document.activeElement.id"),
            "violations": violations(page),
            "fits": fits(page),
        }
        page.keyboard.press("Tab")
        seen["button"] = page.evaluate("document.activeElement.textContent.trim()")
        with page.expect_response(lambda answer: "stay-signed-in" in answer.url):
            page.keyboard.press("Enter")
        warning.wait_for(state="hidden", timeout=2000)
        seen["hidden"] = warning.is_hidden()
        seen["still here"] = page.title()
        return seen

    seen = visit(reverse("review-mine"), look, PHONE, signed_in=author)

    assert seen["focused"] == "timeout-title" and seen["button"] == "Stay signed in"
    assert seen["hidden"] and seen["still here"].startswith("Your reviews")
    assert seen["violations"] == [] and seen["fits"]


def test_a_curator_gives_the_second_step_by_keyboard_on_a_phone_and_reads_the_recovery_codes_page(visit):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.test_two_factor import code_for

    curator = Client()
    curator.force_login(user := make_user(staff=True))  # the password given
    device = TOTPDevice.objects.create(user=user, name="Authenticator app")

    def journey(page):
        seen = {"pages": [], "violations": []}

        def note():
            seen["pages"].append((page.title(), fits(page)))
            seen["violations"] += violations(page)

        note()  # enter your code
        box = page.get_by_label("Code", exact=False).first
        box.fill("000000")
        with page.expect_navigation():
            box.press("Enter")
        seen["refused"] = page.title().startswith("Error:") and page.locator(".govuk-error-summary").is_visible()
        note()
        page.wait_for_timeout(1500)  # a wrong code makes the next try wait a second (django-otp's throttling)
        box = page.get_by_label("Code", exact=False).first
        box.fill(code_for(device))
        with page.expect_navigation():
            box.press("Enter")
        seen["reached"] = page.url
        page.goto(page.url.split("/curation/")[0] + reverse("two-factor-recovery-codes"))
        note()  # the recovery codes page
        return seen

    seen = visit(reverse("curation-queue"), journey, PHONE, signed_in=curator)

    assert seen["refused"] and seen["reached"].endswith(reverse("curation-queue"))
    assert all(fitting for _, fitting in seen["pages"]), seen["pages"]
    assert seen["violations"] == []


def test_a_curator_changes_whom_a_recommendation_asks_on_a_phone(visit):
    curator = Client()
    sign_in(curator, make_user(staff=True))
    review = make_review(Review.Status.IN_CURATION, title="Child V")
    finding = make_finding(review, title="The bruise was explained away")
    recommendation = make_recommendation(review, "The partnership should audit the bruising protocol.")

    def journey(page):
        seen = {"violations": violations(page), "fits": [fits(page)]}
        page.get_by_label("Agencies", exact=True).check()
        page.get_by_label("GP and primary care").check()
        page.get_by_label("Single agency").check()
        page.get_by_label(f"1. {finding.title}").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save the recommendation").click()
        seen["said"] = page.get_by_text("Recommendation 1 was saved.").is_visible()
        seen["fits"].append(fits(page))
        seen["violations"] += violations(page)  # the curation screen with the recommendation and its actions
        return seen

    url = reverse("curation-recommendation-edit", args=[review.slug, recommendation.pk])
    seen = visit(url, journey, PHONE, signed_in=curator)

    assert seen["said"] and all(seen["fits"]) and seen["violations"] == []
    recommendation.refresh_from_db()
    assert (recommendation.addressee, recommendation.kind, recommendation.addressed_to) == (
        "agencies",
        "single-agency",
        "GP and primary care",
    )
    assert list(recommendation.findings.all()) == [finding]


def test_an_author_records_a_response_and_an_action_on_a_phone(visit):
    author = Client()
    author.force_login(user := make_user())
    partnership = make_partnership()
    partnership.members.add(user)
    review = make_review(title="Child T", partnership=partnership)
    recommendation = make_recommendation(review, "Schools should record when a child is hungry.", label="1")

    def journey(page):
        seen = {"violations": violations(page), "fits": [fits(page)]}
        page.get_by_label("Accepted", exact=True).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save the response").click()
        with page.expect_navigation():
            page.get_by_role("link", name="Add an action").click()
        seen["violations"] += violations(page)
        seen["fits"].append(fits(page))
        page.get_by_label("What will be done").fill("Add hunger to the attendance checklist.")
        page.get_by_label("In progress").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save the action").click()
        seen["said"] = page.get_by_text("The action was added.").is_visible()
        seen["violations"] += violations(page)
        return seen

    url = reverse("recommendation-track", args=[review.slug, recommendation.pk])
    seen = visit(url, journey, PHONE, signed_in=author)

    assert seen["said"] and all(seen["fits"]) and seen["violations"] == []
    assert recommendation.actions.get().status == "in-progress"


def test_on_a_phone_a_reader_manages_their_alerts_by_keyboard(visit):
    subscriber = Subscriber.objects.create(email="reader@example.org")
    alert = Alert.objects.create(subscriber=subscriber, kind="theme", parameters="neglect", label="Neglect",
                                 confirmed_at=timezone.now())  # fmt: skip
    manage = reverse("alert-manage", args=[sending.token("manage", subscriber.pk)])

    def look(page):
        found = {"violations": violations(page), "fits": fits(page)}
        page.select_option(f"#frequency-{alert.pk}", "monthly")
        page.locator("button[value=frequency]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return found

    seen = visit(manage, look, PHONE)

    assert seen == {"violations": [], "fits": True}
    alert.refresh_from_db()
    assert alert.frequency == "monthly"
