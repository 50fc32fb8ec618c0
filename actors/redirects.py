"""Addresses of profiles that are gone, and where they went (a merge: actors/merging.py).

A profile that was merged into another keeps being linked to from e-mails, search
engines and other sites; its old address answers with a permanent redirect (301) to
the profile that was kept, instead of a 404. The live profile wins when a new profile
later gets the same address.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActorRedirect(models.Model):
    old_slug = models.SlugField(_("gammelt adressenavn"), max_length=220, unique=True)
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("aktør"),
        on_delete=models.CASCADE,
        related_name="redirects",
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("videresending")
        verbose_name_plural = _("videresendinger")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.actor_id}"
