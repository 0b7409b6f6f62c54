from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts"


class AdminConfig(admin_apps.AdminConfig):
    """The Django admin with the site of accounts.admin_site: administrators only, the service's lockout."""

    default = False  # accounts' own app is AccountsConfig
    default_site = "accounts.admin_site.AdminSite"
