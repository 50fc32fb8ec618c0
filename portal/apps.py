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
