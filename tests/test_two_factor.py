"""Curators and administrators sign in with a second factor: an authenticator app's code (TOTP) or a recovery
code. Until they give it they reach nothing but the two-factor pages; authors and practitioners are not asked."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_partnership, make_user

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def code_for(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def signed_in_with_password(user, path="sign-in"):
    client = Client()
    response = client.post(reverse(path), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def with_app(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app")


def test_a_curator_without_an_app_sets_one_up_and_gets_recovery_codes_before_reaching_any_page():
    curator = make_user(staff=True)
    client = signed_in_with_password(curator)

    queue = client.get(reverse("curation-queue"))
    assert queue.status_code == 302 and queue["Location"].startswith(reverse("two-factor"))
    set_up = client.get(queue["Location"], follow=True)
    page = set_up.content.decode()
    assert set_up.redirect_chain[-1][0].startswith(reverse("two-factor-set-up"))
    assert "<svg" in page and "QR code for your authenticator app" in page
    device = TOTPDevice.objects.get(user=curator, confirmed=False)
    key = re.search(r'id="two-factor-key">([A-Z2-7 ]+)<', page).group(1)
    assert key.replace(" ", "") and len(key.replace(" ", "")) == 32

    wrong = client.post(reverse("two-factor-set-up"), {"code": "000000", "next": "/curation/"})
    assert "That code is not right" in wrong.content.decode()
    assert client.get(reverse("curation-queue")).status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None  # as after the wait
    device.save()
    confirmed = client.post(reverse("two-factor-set-up"), {"code": code_for(device), "next": "/curation/"}, follow=True)
    codes = re.findall(r"<li><code>(\w+)</code></li>", confirmed.content.decode())
    assert len(codes) == 10 and "These codes are shown once" in confirmed.content.decode()
    assert reverse("curation-queue") in confirmed.content.decode()  # continue to the page asked for
    assert client.get(reverse("curation-queue")).status_code == 200
    assert "These codes are shown once" not in client.get(reverse("two-factor-recovery-codes")).content.decode()


def test_a_curator_with_an_app_gives_its_code_after_the_password():
    curator = make_user(staff=True)
    device = with_app(curator)
    client = signed_in_with_password(curator)

    asked = client.get(reverse("curation-queue"), follow=True)
    assert "Enter your code" in asked.content.decode()
    answered = client.post(reverse("two-factor"), {"code": code_for(device), "next": "/curation/"})

    assert answered.status_code == 302 and answered["Location"] == "/curation/"
    assert client.get(reverse("curation-queue")).status_code == 200


def test_a_wrong_code_is_refused_and_slows_the_next_try():
    curator = make_user(staff=True)
    device = with_app(curator)
    client = signed_in_with_password(curator)

    wrong = client.post(reverse("two-factor"), {"code": "123456"})
    right_too_soon = client.post(reverse("two-factor"), {"code": code_for(device)})

    assert "That code is not right" in wrong.content.decode()
    assert "That code is not right" in right_too_soon.content.decode()  # django-otp makes the device wait
    assert client.get(reverse("curation-queue")).status_code == 302


def test_a_recovery_code_signs_in_once():
    curator = make_user(staff=True)
    with_app(curator)
    recovery = StaticDevice.objects.create(user=curator, name="Recovery codes")
    recovery.token_set.create(token="abcd2345")

    first = signed_in_with_password(curator)
    used = first.post(reverse("two-factor"), {"code": "abcd 2345"}, follow=True)
    assert "You used a recovery code: 0 left" in used.content.decode()
    assert first.get(reverse("curation-queue")).status_code == 200

    second = signed_in_with_password(curator)
    again = second.post(reverse("two-factor"), {"code": "abcd2345"})
    assert "That code is not right" in again.content.decode()


def test_new_recovery_codes_replace_the_old_ones():
    curator = make_user(staff=True)
    device = with_app(curator)
    client = signed_in_with_password(curator)
    client.post(reverse("two-factor"), {"code": code_for(device)})
    recovery = StaticDevice.objects.create(user=curator, name="Recovery codes")
    recovery.token_set.create(token="old12345")

    made = client.post(reverse("two-factor-new-recovery-codes"), follow=True)

    codes = re.findall(r"<li><code>(\w+)</code></li>", made.content.decode())
    assert len(codes) == 10 and set(recovery.token_set.values_list("token", flat=True)) == set(codes)


def test_the_admin_asks_an_administrator_for_the_second_factor():
    administrator = make_user(staff=True, is_superuser=True)
    device = with_app(administrator)
    client = signed_in_with_password(administrator, path="admin:login")

    admin = client.get(reverse("admin:index"))
    assert admin.status_code == 302 and admin["Location"].startswith(reverse("two-factor"))
    client.post(reverse("two-factor"), {"code": code_for(device), "next": reverse("admin:index")})

    assert client.get(reverse("admin:index")).status_code == 200


def test_authors_sign_in_with_their_password_alone():
    author = make_user()
    make_partnership().members.add(author)
    client = signed_in_with_password(author)

    assert client.get(reverse("review-new")).status_code == 200
    assert client.get(reverse("two-factor-set-up")).status_code == 404


def test_the_page_after_the_code_is_on_this_site_only():
    curator = make_user(staff=True)
    device = with_app(curator)
    client = signed_in_with_password(curator)

    answered = client.post(reverse("two-factor"), {"code": code_for(device), "next": "https://elsewhere.example/"})

    assert answered["Location"] == reverse("home")


def test_an_administrator_can_reset_a_user_s_second_factor():
    curator = make_user(staff=True)
    with_app(curator)
    StaticDevice.objects.create(user=curator, name="Recovery codes")
    output = StringIO()

    call_command("reset_two_factor", curator.username, stdout=output)

    assert not TOTPDevice.objects.filter(user=curator).exists()
    assert not StaticDevice.objects.filter(user=curator).exists()
    assert "set up an app at their next sign-in" in output.getvalue()
    client = signed_in_with_password(curator)
    assert client.get(reverse("two-factor"), follow=True).redirect_chain[-1][0].startswith(reverse("two-factor-set-up"))


def test_the_password_alone_cannot_make_or_read_recovery_codes():
    curator = make_user(staff=True)
    with_app(curator)
    recovery = StaticDevice.objects.create(user=curator, name="Recovery codes")
    recovery.token_set.create(token="keep1234")
    client = signed_in_with_password(curator)

    made = client.post(reverse("two-factor-new-recovery-codes"))
    read = client.get(reverse("two-factor-recovery-codes"))

    assert made.status_code == 302 and made["Location"].startswith(reverse("two-factor"))
    assert read.status_code == 302 and read["Location"].startswith(reverse("two-factor"))
    assert list(recovery.token_set.values_list("token", flat=True)) == ["keep1234"]
