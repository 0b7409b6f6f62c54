"""User names stored normalised (NFKC, case folded, spaces squeezed), as sign-in now reads them. A name whose
normalised form another user already has is left as it is, and said: an administrator decides which account
that person keeps."""

import unicodedata

from django.conf import settings
from django.db import migrations


def normalise(username):
    return " ".join(unicodedata.normalize("NFKC", username or "").casefold().split())[:150]


def forwards(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    taken = set(User.objects.values_list("username", flat=True))
    for user in User.objects.order_by("pk"):
        wanted = normalise(user.username)
        if wanted == user.username:
            continue
        if wanted in taken:
            print(f"\n  User name {user.username!r} left as it is: {wanted!r} belongs to another user.")
            continue
        taken.discard(user.username)
        taken.add(wanted)
        user.username = wanted
        user.save(update_fields=["username"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_rate_windows"), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
