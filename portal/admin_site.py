"""The admin site, with two-factor login for coordinators when REQUIRE_2FA_FOR_STAFF is on.

The setting is read on every request rather than once at start, so the same
process (and the tests) can run with it on or off. With it on, a coordinator
must enter a code from an authenticator app (django-otp's TOTP device) at login,
and a session that was not verified that way is treated as not staff.

Failed logins are counted per user name in the cache (shared by every instance
with REDIS_URL); after LOGIN_FAILURE_LIMIT failures in LOGIN_FAILURE_WINDOW
seconds that name is refused until the window has passed, which stops password
guessing without a lock a coordinator would have to ask someone to open.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class PortalAdminSite(AdminSite):
    site_header = _("Kreative Øvre Romerike – koordinatorer")
    site_title = _("Koordinatorer")
    index_title = _("Nettverkets administrasjon")

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

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        key = None
        if request.method == "POST":
            username = request.POST.get("username", "").strip().lower()
            key = "login-failures:" + hashlib.sha256(username.encode()).hexdigest()
            if self._failures(key) >= settings.LOGIN_FAILURE_LIMIT:
                return TemplateResponse(
                    request,
                    "admin/login_throttled.html",
                    {
                        **self.each_context(request),
                        "minutes": settings.LOGIN_FAILURE_WINDOW // 60,
                    },
                    status=429,
                )
        response = super().login(request, extra_context)
        # The form shown again after a POST means a wrong password or code.
        if key is not None and response.status_code == 200:
            try:
                cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW)
                cache.incr(key)
            except Exception:
                logger.warning("Cache unreachable: failed login not counted")
        return response

    @staticmethod
    def _failures(key: str) -> int:
        # Without the cache, logins go on unthrottled rather than not at all.
        try:
            return cache.get(key, 0)
        except Exception:
            logger.warning("Cache unreachable: login throttle off")
            return 0

    def has_permission(self, request: HttpRequest) -> bool:
        if not super().has_permission(request):
            return False
        # django_otp's OTPMiddleware gives the user is_verified(); the stubs cannot know.
        return not settings.REQUIRE_2FA_FOR_STAFF or request.user.is_verified()  # type: ignore[union-attr]


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
