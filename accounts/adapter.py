"""The portal's rules for allauth: login throttling, e-mail spelling, language and links.

Throttling (issue 9, defects 1 and 4): allauth counts failed logins per "key". Its
default key is the lower-cased login alone, which lets look-alike spellings of one
address each get their own tries, and lets anyone lock a member out from anywhere.
Here the key is the normalised address (accounts.identity) *and* the client address
together: the address that guesses is stopped for a cool-off of minutes, while the
member, from an address that has not failed, still logs in. A separate ceiling per
client address (settings.ACCOUNT_RATE_LIMITS) stops one address trying many accounts.
Counts live in the cache, shared by every process when REDIS_URL is set.
"""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import get_ip
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.identity import normalise_email
from accounts.models import MemberSettings

EMAIL_MAX_LENGTH = 254


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "For mange mislykkede innlogginger herfra. Vent noen minutter og prøv igjen, "
            "eller be om et nytt passord."
        ),
    }

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        login = credentials.get("email") or credentials.get("username") or ""
        return f"{normalise_email(login)}|{get_ip(request)}"

    def clean_email(self, email: str) -> str:
        # Signing up as `ｋari@…` gives the account `kari@…`: one address, one spelling.
        email = normalise_email(super().clean_email(email))
        if len(email) > EMAIL_MAX_LENGTH:  # the column's length (issue 9, defect 3)
            raise ValidationError(
                _("E-postadressen kan være høyst %(max)s tegn lang.") % {"max": EMAIL_MAX_LENGTH}
            )
        return email

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            MemberSettings.objects.get_or_create(
                user=user, defaults={"language": _current_language()}
            )
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every account e-mail in the recipient's chosen language."""
        with translation.override(_language_for(email)):
            super().send_mail(template_prefix, email, {**context, "site_url": settings.SITE_URL})

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        # From SITE_URL, never from the request's Host header (issue 9, defect 8).
        path = reverse("account_confirm_email", args=[emailconfirmation.key])
        return f"{settings.SITE_URL}{path}"

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return f"{settings.SITE_URL}{path.replace('UID-KEY', quote(key))}"


def _current_language() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _language_for(email: str) -> str:
    chosen = (
        MemberSettings.objects.filter(user__emailaddress__email__iexact=email)
        .values_list("language", flat=True)
        .first()
    )
    return chosen or _current_language()
