import getpass
import os
import secrets
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.roles import ROLES, assign
from agencies.models import Partnership


class Command(BaseCommand):
    help = (
        "Create a user, or update an existing one, with a role: author (give --partnership, repeatable), "
        "curator or administrator. The password is asked for, read from CASEREVIEWS_PASSWORD, or left unset "
        "(--no-password: the user sets one through 'Forgotten your password?')."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="Full name, e.g. 'Jane Reviewer'")
        parser.add_argument("--role", choices=ROLES, required=True)
        parser.add_argument("--partnership", action="append", default=[], metavar="SLUG_OR_NAME")
        parser.add_argument("--no-password", action="store_true")

    def handle(self, *args, username, email, name, role, partnership, no_password, **options):
        partnerships = []
        for given in partnership:
            found = Partnership.objects.filter(slug=given).first()
            found = found or Partnership.objects.filter(name__iexact=given).first()
            if found is None:
                raise CommandError(f"No partnership {given!r}: give its slug or its exact name.")
            partnerships.append(found)
        if role == "author" and not partnerships:
            raise CommandError("An author writes for at least one partnership: give --partnership.")
        if role != "author" and partnerships:
            raise CommandError(f"A {role} sees every partnership's reviews: leave out --partnership.")
        User = get_user_model()
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username)
            if email:
                user.email = email
            if name:
                user.first_name, _, user.last_name = name.partition(" ")
            password = None if no_password else self._password(user)
            if password:
                user.set_password(password)
            elif created:
                # A password nobody knows, not an unusable one: Django sends no reset to an account without a
                # usable password, and the user sets theirs through "Forgotten your password?".
                user.set_password(secrets.token_urlsafe(32))
            user.save()
            assign(user, role, partnerships)
        where = f" for {', '.join(p.name for p in partnerships)}" if partnerships else ""
        self.stdout.write(f"{'Created' if created else 'Updated'} {role} {username}{where}.")

    def _password(self, user):
        password = os.environ.get("CASEREVIEWS_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                return None
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password
