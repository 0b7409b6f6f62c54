"""The page for an error no view handled. When the database cannot be reached it is a 503 that says so and
renders without the database (no request context: nothing that reads the session or the user); the API's
answers are JSON."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

UNREACHABLE = (OperationalError, InterfaceError)


def server_error(request):
    error = sys.exc_info()[1]
    unavailable = isinstance(error, UNREACHABLE) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    )
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        message = (
            "The service cannot reach its database just now. Try again in a few minutes."
            if unavailable
            else "Something went wrong on our side. Try again later."
        )
        return JsonResponse({"error": message}, status=status)
    page = render_to_string(f"{status}.html", {"site_name": settings.SITE_NAME})
    response = HttpResponse(page, status=status)
    if unavailable:
        response["Retry-After"] = "120"
    return response


def _page_or_json(request, status, template, message):
    """The styled page for an error, or for the API a JSON answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": message}, status=status)
    return HttpResponse(render_to_string(template, {}, request), status=status)


def not_found(request, exception=None):
    return _page_or_json(request, 404, "404.html", "Not found.")


def permission_denied(request, exception=None):
    return _page_or_json(request, 403, "403.html", "You do not have permission to do that.")


def bad_request(request, exception=None):
    return _page_or_json(request, 400, "400.html", "The request could not be understood.")


def csrf_failure(request, reason=""):
    return _page_or_json(
        request, 403, "403_csrf.html", "The form could not be sent: reload the page and try again."
    )
