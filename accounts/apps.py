from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_save

        pre_save.connect(_normalise_username, sender=get_user_model(), dispatch_uid="normalise-username")


def _normalise_username(sender, instance, **kwargs):
    """Every user name is stored normalised, however the user was made (create_user, the admin, a shell), so
    that variants of one name can never be two accounts (the unique constraint sees them as one)."""
    from accounts.models import normalise_username

    instance.username = normalise_username(instance.username)


class AdminConfig(admin_apps.AdminConfig):
    """The Django admin with the site of accounts.admin_site: administrators only, the service's lockout."""

    default = False  # accounts' own app is AccountsConfig
    default_site = "accounts.admin_site.AdminSite"
