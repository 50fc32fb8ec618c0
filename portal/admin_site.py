"""The admin site, with two-factor login for coordinators when REQUIRE_2FA_FOR_STAFF is on.

The setting is read on every request rather than once at start, so the same
process (and the tests) can run with it on or off. With it on, a coordinator
must enter a code from an authenticator app (django-otp's TOTP device) at login,
and a session that was not verified that way is treated as not staff.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class PortalAdminSite(AdminSite):
    @property
    def login_form(self):  # type: ignore[override]
        if not settings.REQUIRE_2FA_FOR_STAFF:
            return None
        # Imported here: django-otp's forms import its models, and this module is
        # loaded while the app registry is still being filled.
        from portal.admin_forms import TwoFactorLoginForm

        return TwoFactorLoginForm

    @property
    def login_template(self):  # type: ignore[override]
        return "admin/login_two_factor.html" if settings.REQUIRE_2FA_FOR_STAFF else None

    def has_permission(self, request: HttpRequest) -> bool:
        if not super().has_permission(request):
            return False
        return not settings.REQUIRE_2FA_FOR_STAFF or request.user.is_verified()


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
