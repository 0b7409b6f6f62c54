"""Roles as stored on users: curators are staff in the Curators group, administrators are superusers,
authors are members of partnerships. Who may see and do what is decided in reviews.models."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

ROLES = ("author", "curator", "administrator")
CURATORS = "Curators"
CURATOR_APPS = ("reviews", "findings", "agencies")


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
