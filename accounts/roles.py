"""Roles as stored on users: curators are staff in the Curators group, administrators are superusers,
authors are members of partnerships. The predicates below say who holds which role; which reviews each
role sees is decided in reviews.models (the visibility rule)."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.http import Http404

ROLES = ("author", "curator", "administrator")
CURATORS = "Curators"
CURATOR_APPS = ("reviews", "findings", "agencies")


# Roles. Curators (staff) and administrators (superusers) see and work on every review; authors are
# members of one or more partnerships and see and work on those partnerships' reviews in every status;
# everyone else (practitioners, signed in or not) sees published reviews only.
def is_curator(user):
    return bool(user is not None and user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))


def needs_two_factor(user):
    """Curators and administrators sign in with a second factor (accounts.two_factor)."""
    return is_curator(user)


def author_partnership_ids(user):
    """The partnerships the user writes reviews for (remembered on the user for the request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if not hasattr(user, "_partnership_ids"):
        user._partnership_ids = sorted(user.partnerships.values_list("pk", flat=True))
    return user._partnership_ids


def can_upload(user):
    """Who may upload reviews: curators and the authors of at least one partnership."""
    return is_curator(user) or bool(author_partnership_ids(user))


def curator_required(view):
    """Curators only: anyone else signed in gets a 404 (the page does not exist for them), anyone signed out is
    sent to sign in."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not is_curator(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(checked)


def curators_group():
    group, _ = Group.objects.get_or_create(name=CURATORS)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=CURATOR_APPS))
    return group


def role_of(user):
    if user.is_superuser:
        return "administrator"
    if user.is_staff:
        return "curator"
    return "author" if user.partnerships.exists() else "practitioner"


@transaction.atomic
def assign(user, role, partnerships=()):
    """Give the user a role (and, for authors, their partnerships)."""
    if role not in ROLES:
        raise ValueError(f"{role!r} is not a role: use one of {', '.join(ROLES)}.")
    user.is_superuser = role == "administrator"
    user.is_staff = role in ("curator", "administrator")
    user.save(update_fields=["is_superuser", "is_staff"])
    if role == "curator":
        user.groups.add(curators_group())
    else:
        user.groups.remove(*Group.objects.filter(name=CURATORS))
    user.partnerships.set(partnerships)


def client_address(request):
    """The address of the client that sent the request. Behind the TLS proxy (BEHIND_TLS_PROXY) it is the one
    the proxies in front of the service add to X-Forwarded-For (PROXY_COUNT of them): any address further
    left is the client's own say, which anyone can write."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= settings.PROXY_COUNT:
            return forwarded[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")
