from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction

from accounts.models import LoginAttempt
from accounts.roles import client_address


class SignInForm(AuthenticationForm):
    """Django's sign-in form with lockout after repeated failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. The password is case-sensitive.",
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = client_address(self.request) if self.request else None
        refusal, cleaned = None, None
        with transaction.atomic():  # the count read and this try recorded as one step (LoginAttempt.hold)
            LoginAttempt.hold(username)
            minutes = LoginAttempt.minutes_locked(username, ip) if username else 0
            if minutes:
                refusal = forms.ValidationError(
                    f"Sign-in for this account is locked after too many failed attempts. Try again in {minutes} "
                    f"minute{'s' if minutes != 1 else ''}, or reset your password.",
                    code="locked",
                )
            else:
                try:
                    cleaned = super().clean()
                except forms.ValidationError as error:
                    if error.code == "invalid_login":  # a wrong password, not a right one on a page not for this user
                        LoginAttempt.record(username, ip, succeeded=False)
                    refusal = error
                else:
                    LoginAttempt.record(username, ip, succeeded=True)
        if refusal is not None:
            raise refusal
        return cleaned


class AdminSignInForm(SignInForm, AdminAuthenticationForm):
    """The admin's sign-in form: the same lockout as the service's (the same failures count on either), and
    administrators only."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        **SignInForm.error_messages,
        "not_administrator": "The admin is for administrators. Curators work from the curation pages.",
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_superuser:
            raise forms.ValidationError(self.error_messages["not_administrator"], code="not_administrator")
