from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib import admin

        from accounts.forms import AdminSignInForm

        # The admin has a sign-in page of its own: it takes part in the same lockout.
        admin.site.login_form = AdminSignInForm
