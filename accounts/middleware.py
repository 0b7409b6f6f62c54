"""Pages for someone signed in can show unpublished work: no shared cache may keep them, nor the browser."""

from django.utils.cache import patch_cache_control


def private_when_signed_in(get_response):
    def middleware(request):
        response = get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware
