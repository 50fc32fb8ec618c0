"""A member's request to take over a profile the coordinators created ("Er dette deg?").

A coordinator decides (admin actions, actors/services.py), because only a person can
tell whether the member really is the musician or the business on the profile. One
open request per member and profile: asking twice does not make a second row.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.validators import validate_multiline


class ClaimRequestQuerySet(models.QuerySet):
    def open(self) -> "ClaimRequestQuerySet":
        return self.filter(status=ClaimRequest.Status.PENDING)


class ClaimRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Venter")
        APPROVED = "approved", _("Godkjent")
        REFUSED = "refused", _("Avslått")

    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("aktør"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medlem"),
        on_delete=models.CASCADE,
        related_name="actor_claims",
    )
    message = models.TextField(_("melding"), max_length=2000, validators=[validate_multiline])
    language = models.CharField(_("språk"), max_length=10, choices=settings.LANGUAGES, default="nb")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    decided_at = models.DateTimeField(_("avgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("avgjort av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ClaimRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("forespørsel om å overta profil")
        verbose_name_plural = _("forespørsler om å overta profiler")
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "user"],
                condition=models.Q(status="pending"),
                name="one_open_claim_per_member_and_actor",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.actor}"
