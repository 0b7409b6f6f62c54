"""Signing in by user name as every path reads it: the name typed is normalised as stored names are
(accounts.models.normalise_username), so "Jane.Reviewer", "jane.reviewer" and the same in full-width letters are
one account, on the sign-in page, the admin's and any other."""

from django.contrib.auth.backends import ModelBackend

from accounts.models import normalise_username


class NormalisedUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None:
            username = normalise_username(username)
        return super().authenticate(request, username=username, password=password, **kwargs)
