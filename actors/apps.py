from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = _("Aktørregister")

    def ready(self) -> None:
        # The receivers that keep the search index current (see actors/signals.py).
        from actors import signals  # noqa: F401
