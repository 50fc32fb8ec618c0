"""The admin site: one login page for everyone, and two-factor login for coordinators.

There is one login page, the portal's (allauth, with its throttling: see
accounts/adapter.py). The admin's own login answers with a redirect there, keeping
`next`, so a bookmark to /admin/… still lands where it should after logging in.

With REQUIRE_2FA_FOR_STAFF on (read on every request, so one process and the tests
can run with it on or off), a coordinator who has logged in with the password is
asked here, at the admin's login address, for a code from an authenticator app
(django-otp's TOTP device) before any admin page opens; a session that was not
verified that way is treated as not staff.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(AdminSite):
    site_header = _("Kreative Øvre Romerike – koordinatorer")
    site_title = _("Koordinatorer")
    index_title = _("Nettverkets administrasjon")

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        # Imported here: this module is loaded while the app registry is still being
        # filled, and these import models.
        from portal.permissions import is_coordinator

        next_url = self._next_url(request)
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if not is_coordinator(request.user):
            raise PermissionDenied
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)  # checked by _next_url; never reversed
        return self._verify_code(request, next_url)

    def _verify_code(self, request: HttpRequest, next_url: str) -> HttpResponse:
        from django_otp import login as otp_login

        from portal.admin_forms import TwoFactorVerifyForm

        form = TwoFactorVerifyForm(
            request.user, request, data=request.POST if request.method == "POST" else None
        )
        if request.method == "POST" and form.is_valid():
            # The verify form sets otp_device on the user; the stubs cannot know.
            otp_login(request, request.user.otp_device)  # type: ignore[union-attr]
            return HttpResponseRedirect(next_url)  # checked by _next_url; never reversed
        context = {
            **self.each_context(request),
            "title": _("Bekreft med engangskode"),
            "form": form,
            "next": next_url,
            "app_path": request.get_full_path(),
        }
        return TemplateResponse(request, "admin/login_two_factor.html", context)

    def _next_url(self, request: HttpRequest) -> str:
        candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
        return reverse("admin:index", current_app=self.name)

    def has_permission(self, request: HttpRequest) -> bool:
        if not super().has_permission(request):
            return False
        # django_otp's OTPMiddleware gives the user is_verified(); the stubs cannot know.
        return not settings.REQUIRE_2FA_FOR_STAFF or request.user.is_verified()  # type: ignore[union-attr]


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
