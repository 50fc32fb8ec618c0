from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import cache_version

        cache_version.connect()
        # After the admin's autodiscover (its app comes first): bad input to any admin
        # page is a 404 or a form error (portal/admin_hardening.py).
        from django.contrib import admin

        from portal.admin_hardening import harden_registered_admins

        harden_registered_admins(admin.site)
        _name_third_party_models()


def _name_third_party_models() -> None:
    """django-otp names its TOTP devices in plain English, which no catalogue translates.

    Set on _meta, not in Meta (original_attrs): makemigrations sees no change to the
    library's models.
    """
    from django.apps import apps

    if not apps.is_installed("django_otp.plugins.otp_totp"):
        return
    from django_otp.plugins.otp_totp.models import TOTPDevice

    apps.get_app_config("otp_totp").verbose_name = _("To-trinns innlogging")
    TOTPDevice._meta.verbose_name = _("autentiseringsapp (TOTP)")
    TOTPDevice._meta.verbose_name_plural = _("autentiseringsapper (TOTP)")
