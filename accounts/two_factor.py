"""Two-factor sign-in for curators and administrators: a code from an authenticator app (TOTP, django-otp), or
one of ten recovery codes when the phone is not to hand.

After the password, a curator or administrator is signed in but not yet verified; `two_factor_required`
(accounts.middleware) sends them here from every page until they are. Someone without an app set up is shown a
QR code and the key, confirms the first code, and is given the recovery codes once. Wrong codes slow down:
django-otp makes each device wait longer after every failure.
"""

import base64
from functools import wraps
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as verified
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import needs_two_factor

RECOVERY_CODES = 10
APP = "Authenticator app"
RECOVERY = "Recovery codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
        error_messages={"required": "Enter the code from your authenticator app."},
    )

    def __init__(self, *args, user, devices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.devices = devices  # only these (the app being set up); otherwise any confirmed device of the user
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).lower()
        if self.devices is None:
            self.device = match_token(self.user, code)
        else:
            self.device = next((device for device in self.devices if device.verify_token(code)), None)
        if self.device is None:
            raise forms.ValidationError(
                "That code is not right, or it has expired. Enter the code your app shows now; after several wrong "
                "codes you have to wait a little longer before each try.",
                code="wrong_code",
            )
        return code


def _next(request):
    """Where to go once verified: the page asked for, if it is on this site; the home page otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("home")


def _with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


@login_required
def verify(request):
    """The second step of signing in."""
    if not needs_two_factor(request.user) or request.user.is_verified():
        return redirect(_next(request))
    if not user_has_device(request.user):
        return redirect(_with_next("two-factor-set-up", request))
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        verified(request, form.device)
        if isinstance(form.device, StaticDevice):
            left = form.device.token_set.count()
            messages.warning(
                request,
                f"You used a recovery code: {left} left. Make new ones from your account's two-factor page if few "
                "are left.",
            )
        return redirect(_next(request))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})


@login_required
def set_up(request):
    """Setting up an authenticator app: scan the QR code (or type the key), confirm with the first code."""
    if not needs_two_factor(request.user):
        raise Http404
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect("two-factor")  # a second app is added only once signed in with the first
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=APP, confirmed=False)
    form = CodeForm(request.POST or None, user=request.user, devices=[device])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()  # one app at a time
            codes = _new_recovery_codes(request.user)
        verified(request, device)
        request.session["recovery_codes"] = codes
        return redirect(_with_next("two-factor-recovery-codes", request))
    key = base64.b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code for your authenticator app")
    context = {"form": form, "qr": qr, "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4))}
    context["next"] = _next(request)
    return render(request, "accounts/two_factor_set_up.html", context)


def _new_recovery_codes(user):
    """Ten new recovery codes, replacing any the user had; each works once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _verified_only(view):
    """Pages for someone who has given the second factor already: recovery codes are a second factor, so
    making or reading them with the password alone would let the password stand for both."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not needs_two_factor(request.user):
            raise Http404
        if not request.user.is_verified():
            return redirect(_with_next("two-factor", request))
        return view(request, *args, **kwargs)

    return login_required(checked)


@_verified_only
def recovery_codes(request):
    """The recovery codes just made, shown once; and a button to make new ones."""
    codes = request.session.pop("recovery_codes", None)
    device = StaticDevice.objects.filter(user=request.user, name=RECOVERY).first()
    left = device.token_set.count() if device else 0
    context = {"codes": codes, "left": left, "next": _next(request)}
    return render(request, "accounts/two_factor_recovery_codes.html", context)


@_verified_only
@require_POST
def new_recovery_codes(request):
    request.session["recovery_codes"] = _new_recovery_codes(request.user)
    messages.success(request, "New recovery codes were made: the old ones no longer work.")
    return redirect("two-factor-recovery-codes")
