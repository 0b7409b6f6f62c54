from django.contrib import admin

from accounts.models import LoginAttempt


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    list_display = ["username", "succeeded", "ip", "at"]
    list_filter = ["succeeded"]
    search_fields = ["username", "ip"]
    readonly_fields = ["username", "ip", "succeeded", "at"]

    def has_add_permission(self, request):
        return False
