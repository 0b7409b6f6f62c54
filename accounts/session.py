"""Keeping a signed-in session: the timeout warning's "Stay signed in" renews it."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

WARN_SECONDS = 5 * 60  # the warning shows this long before the session ends


@login_required
@require_POST
def stay_signed_in(request):
    """Renew the session for another SESSION_COOKIE_AGE; the page's script asks for JSON, a form gets the page back."""
    request.session.set_expiry(settings.SESSION_COOKIE_AGE)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"seconds": request.session.get_expiry_age()})
    back = request.headers.get("Referer", "")  # the page it was sent from (not echoed into the page: it may be a 404's)
    allowed = url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure())
    return redirect(back if allowed and back else "home")


def timeout(request):
    """For the page: how long the signed-in session has left, and when to warn (context processor)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    seconds = request.session.get_expiry_age()
    return {"session_seconds": seconds, "session_warn_seconds": min(WARN_SECONDS, max(seconds // 2, 1))}
