"""The Django admin, for administrators only.

Curators work through the service's own pages (curation, taxonomy, lessons), where every action keeps to
the workflow and its checks; the admin can do anything to any row (add an author to another partnership,
replace a stored document without the upload checks), so it is for superusers who have given their second
factor (accounts.two_factor). Its sign-in takes part in the service's lockout.
"""

from django.contrib import admin

from accounts.forms import AdminSignInForm


class AdminSite(admin.AdminSite):
    login_form = AdminSignInForm
    site_header = "casereviews administration"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser and request.user.is_verified()
