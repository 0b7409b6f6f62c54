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
