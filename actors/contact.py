"""Messages sent to an actor through the contact form on its profile.

The sender never sees the actor's address: the message goes from the portal to the
owner's (or the profile's) e-mail with the sender as Reply-To. Every message is kept,
so a member's data export can list what they sent and the hourly limits can be
counted in the database (shared by every server process). The sender's network
address is kept only as a keyed hash: enough to count, not enough to read back.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.validators import normalise_email, validate_multiline, validate_single_line

LIMIT_WINDOW = timedelta(hours=1)


def address_hash(address: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"contact:{address}".encode(), hashlib.sha256).hexdigest()[:32]


class ContactMessageQuerySet(models.QuerySet):
    def sent_by(self, user) -> "ContactMessageQuerySet":
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(sender_user=user)

    def recent_from(self, *, email: str, address: str, now=None) -> "ContactMessageQuerySet":
        """Messages in the last hour from this e-mail or this network address."""
        since = (now or timezone.now()) - LIMIT_WINDOW
        return self.filter(created_at__gte=since).filter(
            models.Q(sender_email=normalise_email(email))
            | models.Q(sender_address=address_hash(address))
        )


class ContactMessage(models.Model):
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("aktør"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="contact_messages",
    )
    actor_name = models.CharField(
        _("aktørens navn"), max_length=200, validators=[validate_single_line]
    )
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("avsender (medlem)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_contact_messages",
    )
    sender_name = models.CharField(
        _("avsenderens navn"), max_length=200, validators=[validate_single_line]
    )
    sender_email = models.EmailField(_("avsenderens e-post"))
    sender_address = models.CharField(max_length=64, editable=False, db_index=True)
    subject = models.CharField(_("emne"), max_length=200, validators=[validate_single_line])
    body = models.TextField(_("melding"), max_length=5000, validators=[validate_multiline])
    language = models.CharField(_("språk"), max_length=10, choices=settings.LANGUAGES, default="nb")
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True, db_index=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kontaktmelding")
        verbose_name_plural = _("kontaktmeldinger")

    def __str__(self) -> str:
        return f"{self.sender_name} → {self.actor_name}: {self.subject}"
