"""The service's own pages (accessibility, privacy, cookies, contact) and its error pages, as a visitor meets them
with DEBUG off (as the test runner has it)."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import LoginAttempt
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("accessibility", "Accessibility statement"),
        ("privacy", "Privacy notice"),
        ("cookies", "Cookies"),
        ("contact", "Contact and feedback"),
    ],
)
def test_each_service_page_is_linked_from_the_footer_of_every_page(client, name, heading):
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse(name)}"' in home

    page = client.get(reverse(name))

    assert page.status_code == 200
    assert f"<h1 class=\"govuk-heading-l\">{heading}</h1>" in page.content.decode()


def test_the_phase_banner_asks_for_feedback_through_the_contact_page(client):
    banner = client.get(reverse("review-list")).content.decode().split('class="govuk-phase-banner"')[1]
    assert f'href="{reverse("contact")}">feedback</a>' in banner.split("</div>")[0]


def test_the_contact_and_privacy_pages_give_the_service_address_from_the_settings(client, settings):
    settings.SERVICE_EMAIL = "panel-service@example.org"
    for name in ("contact", "privacy", "accessibility"):
        assert "mailto:panel-service@example.org" in client.get(reverse(name)).content.decode()


def test_the_cookies_page_lists_the_cookies_the_service_sets(client, settings):
    page = client.get(reverse("cookies")).content.decode()
    assert settings.SESSION_COOKIE_NAME in page and settings.CSRF_COOKIE_NAME in page
    assert f"{settings.SESSION_COOKIE_AGE // 3600} hours" in page


def test_a_missing_page_is_a_styled_404_that_says_what_to_do(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "<title>Page not found" in page and "govuk-service-navigation" in page
    assert "check it is correct" in page and f'href="{reverse("search")}"' in page


def test_a_review_nobody_may_see_is_the_same_styled_404(client):
    response = client.get(reverse("review-detail", args=["a-review-that-does-not-exist"]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_an_unknown_api_address_answers_in_json():
    response = Client().get("/api/v0/reviews")  # a version that does not exist
    assert response.status_code == 404
    assert response.json() == {"error": "Not found."}


def test_a_form_sent_without_its_csrf_token_gets_a_page_that_says_nothing_was_saved():
    client = Client(enforce_csrf_checks=True)
    sign_in(client, make_user())

    response = client.post(reverse("review-new"), {"title": "Anything"})

    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>Your form could not be sent" in page
    assert "Nothing you entered has been saved" in page and f'href="{reverse("cookies")}"' in page


def test_sign_in_attempts_older_than_the_privacy_notice_says_are_deleted():
    LoginAttempt.objects.create(username="old", succeeded=False)
    LoginAttempt.objects.filter(username="old").update(at="2000-01-01T00:00:00Z")

    LoginAttempt.record("new", "192.0.2.1", succeeded=False)

    assert list(LoginAttempt.objects.values_list("username", flat=True)) == ["new"]


def test_a_signed_in_page_carries_the_timeout_warning_with_the_time_left(author, client, settings):
    settings.SESSION_COOKIE_AGE = 3600
    page = author.get(reverse("review-mine")).content.decode()
    assert 'id="timeout-warning"' in page and 'data-seconds="3600" data-warn="300"' in page
    assert f'action="{reverse("stay-signed-in")}"' in page
    assert 'id="timeout-warning"' not in client.get(reverse("home")).content.decode()  # signed out: nothing to end


def test_staying_signed_in_renews_the_session_and_answers_the_script_in_json(author, settings):
    settings.SESSION_COOKIE_AGE = 600
    answer = author.post(reverse("stay-signed-in"), HTTP_ACCEPT="application/json")
    assert answer.json() == {"seconds": 600}


def test_staying_signed_in_without_javascript_goes_back_to_the_page_but_never_elsewhere(author):
    page = "http://testserver" + reverse("review-mine")
    back = author.post(reverse("stay-signed-in"), HTTP_REFERER=page)
    assert back.status_code == 302 and back["Location"] == page
    away = author.post(reverse("stay-signed-in"), HTTP_REFERER="https://elsewhere.example/")
    assert away["Location"] == reverse("home")


def test_staying_signed_in_needs_a_session(client):
    assert client.post(reverse("stay-signed-in")).status_code == 302  # to sign in
