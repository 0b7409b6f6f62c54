"""Lockout that an attacker cannot turn against the account's owner (security finding 7): failures lock the
pair of user name and client address; variants of a name count as one; an address that tries many names is
stopped; a completed password reset lifts the lock; behind the proxy the address is the proxy's word."""

import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
LOCKED = "locked after too many failed attempts"


def sign_in(username, password=PASSWORD, address="203.0.113.7", **headers):
    client = Client(REMOTE_ADDR=address, **headers)
    response = client.post(reverse("sign-in"), {"username": username, "password": password})
    return response, client


def test_another_clients_failures_never_stop_the_owner_signing_in(settings):
    settings.LOCKOUT_FAILURES = 3
    owner = make_user()
    for _ in range(5):
        sign_in(owner.username, "guess", address="198.51.100.66")
    assert LOCKED in sign_in(owner.username, address="198.51.100.66")[0].content.decode()
    assert sign_in(owner.username, address="203.0.113.7")[0].status_code == 302


def test_case_spacing_and_full_width_variants_of_a_name_count_as_one(settings):
    settings.LOCKOUT_FAILURES = 3
    owner = make_user(username="jreviewer")
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "jreviewer")  # what a phone's wide keyboard types
    for variant in ("JReviewer", " jreviewer ", full_width):
        sign_in(variant, "guess", address="198.51.100.66")
    assert LOCKED in sign_in(owner.username, address="198.51.100.66")[0].content.decode()


def test_an_address_that_tries_many_names_is_stopped_for_every_name(settings):
    settings.LOCKOUT_ADDRESS_FAILURES = 4
    user = make_user()
    for n in range(4):
        sign_in(f"someone{n}", "guess", address="198.51.100.66")
    assert LOCKED in sign_in(user.username, address="198.51.100.66")[0].content.decode()
    assert sign_in(user.username, address="203.0.113.7")[0].status_code == 302


def test_a_completed_password_reset_lifts_the_lock(settings):
    settings.LOCKOUT_FAILURES = 2
    owner = make_user(email="owner@example.org")
    for _ in range(2):
        sign_in(owner.username, "guess")
    assert LOCKED in sign_in(owner.username)[0].content.decode()
    client = Client()
    client.post(reverse("password-reset"), {"email": "owner@example.org"})
    link = re.search(r"https?://[^/]+(/account/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new = {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"}
    client.post(form_page.redirect_chain[-1][0], new)
    assert sign_in(owner.username, "a brand new passphrase")[0].status_code == 302


def test_behind_the_proxy_the_address_is_the_one_the_proxy_saw(settings):
    settings.LOCKOUT_FAILURES = 2
    settings.BEHIND_TLS_PROXY, settings.PROXY_COUNT = True, 1
    owner = make_user()
    attacker = {"HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.66", "HTTP_X_FORWARDED_PROTO": "https"}
    for forged in ("10.0.0.1", "10.0.0.2"):  # what the attacker writes changes nothing
        headers = {**attacker, "HTTP_X_FORWARDED_FOR": f"{forged}, 198.51.100.66"}
        sign_in(owner.username, "guess", address="192.0.2.1", **headers)
    assert LOCKED in sign_in(owner.username, address="192.0.2.1", **attacker)[0].content.decode()
    owner_headers = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "HTTP_X_FORWARDED_PROTO": "https"}
    assert sign_in(owner.username, address="192.0.2.1", **owner_headers)[0].status_code == 302


def test_user_names_are_stored_normalised_and_any_variant_signs_in():
    user = make_user(username="Jane.Reviewer")
    assert user.username == "jane.reviewer"

    for typed in ("jane.reviewer", "JANE.REVIEWER", " Jane.Reviewer ", "\uff2a\uff21\uff2e\uff25.reviewer"):
        client = Client()
        answer = client.post(reverse("sign-in"), {"username": typed, "password": PASSWORD})
        assert answer.status_code == 302, typed
        assert client.session["_auth_user_id"] == str(user.pk)


def test_a_variant_of_an_existing_user_name_cannot_be_a_second_account():
    make_user(username="jane.reviewer")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_user(username="Jane.REVIEWER")
