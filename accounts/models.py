"""What a member chooses about their own account (the account itself is Django's User).

Whether an account is a *member* is not stored here: it is a confirmed primary
e-mail address in allauth's EmailAddress (see portal.permissions).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberSettingsQuerySet(models.QuerySet):
    def newsletter_subscribers(self) -> "MemberSettingsQuerySet":
        """Members who asked for news from the network (for the newsletter export)."""
        return self.filter(newsletter=True, user__is_active=True).select_related("user")


class MemberSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("konto"),
        on_delete=models.CASCADE,
        related_name="member_settings",
    )
    newsletter = models.BooleanField(
        _("nyheter fra nettverket"),
        default=False,
        help_text=_("Nyhetsbrev med arrangementer og muligheter, noen ganger i året."),
    )
    language = models.CharField(
        _("språk i e-post"), max_length=10, choices=settings.LANGUAGES, default="nb"
    )
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = MemberSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemsinnstillinger")
        verbose_name_plural = _("medlemsinnstillinger")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> "MemberSettings":
        settings_row, _created = cls.objects.get_or_create(user=user)
        return settings_row
