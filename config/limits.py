"""A limit on the size of a request's body, checked before anything reads it: an upload for those who may
upload, a form's worth for everyone else (a 300 MB POST to the sign-in page was once written to disk)."""

from django.conf import settings
from django.shortcuts import render

FORM_BYTES = 1024 * 1024  # far more than any form but the upload's sends


def request_size_limit(get_response):
    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= FORM_BYTES:  # any form's worth: no need to ask who is sending it
            return get_response(request)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        limit = (settings.UPLOAD_MAX_MB + 1) * 1024 * 1024 if signed_in else FORM_BYTES
        if length > limit:
            return render(request, "413.html", {"limit_mb": limit // (1024 * 1024)}, status=413)
        return get_response(request)

    return middleware
