from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes, for someone who has lost both: at their next "
        "sign-in they set up an app again. Check who is asking first."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        apps, _ = TOTPDevice.objects.filter(user=user).delete()
        codes, _ = StaticDevice.objects.filter(user=user).delete()
        self.stdout.write(
            f"Two-factor sign-in of {username} reset ({apps} app and {codes} recovery code records removed): "
            "they set up an app at their next sign-in."
        )
