"""Signing in and out, lockout after repeated failures, password reset by email, creating users."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from accounts.models import LoginAttempt
from accounts.roles import role_of
from tests.factories import make_partnership, make_user

PASSWORD = "a long test password"


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("sign-in"), {"username": username, "password": password})


@pytest.mark.django_db
def test_a_user_signs_in_and_out():
    user = make_user()
    client = Client()
    response = sign_in(client, user.username)
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == user
    client.post(reverse("sign-out"))
    assert not client.get(reverse("home")).context["user"].is_authenticated


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_an_error_summary():
    user = make_user()
    response = sign_in(Client(), user.username, "not the password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Enter a correct username and password" in page


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_even_against_the_right_password(settings):
    settings.LOCKOUT_FAILURES = 3
    user = make_user()
    client = Client()
    for _ in range(3):
        sign_in(client, user.username, "wrong")
    response = sign_in(client, user.username)
    assert response.status_code == 200
    assert "locked after too many failed attempts" in response.content.decode()
    assert not client.get(reverse("home")).context["user"].is_authenticated


@pytest.mark.django_db
def test_the_lock_lifts_after_the_lockout_period(settings):
    settings.LOCKOUT_FAILURES = 2
    user = make_user()
    for _ in range(2):
        sign_in(Client(), user.username, "wrong")
    LoginAttempt.objects.update(at=LoginAttempt.objects.first().at.replace(year=2000))
    assert sign_in(Client(), user.username).status_code == 302


@pytest.mark.django_db
def test_a_successful_sign_in_clears_earlier_failures(settings):
    settings.LOCKOUT_FAILURES = 3
    user = make_user()
    for _ in range(2):
        sign_in(Client(), user.username, "wrong")
    assert sign_in(Client(), user.username).status_code == 302
    for _ in range(2):
        sign_in(Client(), user.username, "wrong")
    assert sign_in(Client(), user.username).status_code == 302


@pytest.mark.django_db
def test_a_password_is_reset_through_the_emailed_link():
    user = make_user(email="author@example.org")
    client = Client()
    response = client.post(reverse("password-reset"), {"email": "author@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/account/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"}
    response = client.post(form_page.redirect_chain[-1][0], new)
    assert response.status_code == 302
    assert sign_in(Client(), user.username, "a brand new passphrase").status_code == 302
    assert "This link has expired" in client.get(link, follow=True).content.decode()


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same():
    response = Client().post(reverse("password-reset"), {"email": "nobody@example.org"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.django_db
def test_weak_new_passwords_are_refused():
    user = make_user(email="author@example.org")
    client = Client()
    client.post(reverse("password-reset"), {"email": "author@example.org"})
    link = re.search(r"https?://[^/]+(/account/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_create_user_makes_an_author_of_a_partnership(monkeypatch):
    partnership = make_partnership()
    monkeypatch.setenv("CASEREVIEWS_PASSWORD", "a long enough passphrase")
    call_command("create_user", "jreviewer", "--role", "author", "--partnership", partnership.slug, stdout=None)
    user = get_user_model().objects.get(username="jreviewer")
    assert role_of(user) == "author"
    assert list(user.partnerships.all()) == [partnership]
    assert user.check_password("a long enough passphrase")


@pytest.mark.django_db
def test_create_user_makes_curators_and_administrators_and_refuses_nonsense(monkeypatch):
    monkeypatch.delenv("CASEREVIEWS_PASSWORD", raising=False)
    call_command("create_user", "panel", "--role", "curator", "--no-password")
    call_command("create_user", "admin1", "--role", "administrator", "--no-password")
    users = get_user_model().objects
    assert role_of(users.get(username="panel")) == "curator"
    assert users.get(username="panel").has_perm("reviews.change_review")
    assert role_of(users.get(username="admin1")) == "administrator"
    with pytest.raises(CommandError, match="at least one partnership"):
        call_command("create_user", "lonely", "--role", "author", "--no-password")
    with pytest.raises(CommandError, match="No partnership"):
        call_command("create_user", "lost", "--role", "author", "--partnership", "atlantis", "--no-password")


def test_the_password_is_typed_into_a_password_box_that_browsers_can_fill():
    page = Client().get(reverse("sign-in")).content.decode()

    assert re.search(r'<input[^>]*name="password"[^>]*type="password"[^>]*autocomplete="current-password"', page)
    assert re.search(r'<input[^>]*name="username"[^>]*autocomplete="username"', page)
