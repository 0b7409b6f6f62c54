"""Rate limits on what anyone may ask without signing in (search, the API, the CSV export): so many requests a
minute from one client address, counted in the database (accounts.models.RateWindow) so that every process
counts the same. Signed-in users are not limited. The limits are settings (RATE_LIMITS: {kind: requests a
minute}); 0 turns a kind's limit off."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from accounts.models import RateWindow
from accounts.roles import client_address


def seconds_to_wait(request, kind):
    """0 if the request may go ahead, else how many seconds until the client may ask again."""
    limit = settings.RATE_LIMITS.get(kind, 0)
    if not limit or (getattr(request, "user", None) is not None and request.user.is_authenticated):
        return 0
    if RateWindow.hit(f"{kind}:{client_address(request)}") <= limit:
        return 0
    return 60 - timezone.now().second


def too_many(request, seconds):
    """The page that says so (status 429, with Retry-After)."""
    response = render(request, "429.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return response
