"""Pages for someone signed in can show unpublished work: no shared cache may keep them, nor the browser. And a
curator or administrator is not fully signed in until the second factor is given."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from accounts.roles import needs_two_factor


def private_when_signed_in(get_response):
    def middleware(request):
        response = get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware


def two_factor_required(get_response):
    """Send a curator or administrator who has given a password but not yet a code to the second step, from
    every page (the admin's included) but the two-factor pages themselves and signing out."""

    def middleware(request):
        user = request.user
        if user.is_authenticated and needs_two_factor(user) and not user.is_verified():
            open_paths = (reverse("two-factor"), reverse("sign-out"), settings.STATIC_URL)
            if not request.path.startswith(open_paths):
                return redirect(f"{reverse('two-factor')}?{urlencode({'next': request.get_full_path()})}")
        return get_response(request)

    return middleware
