"""Signed links in e-mails: a registrant cancels without logging in.

The token signs the registration's own random secret, so a link works for one
registration only, cannot be guessed from an id, and dies with a new SECRET_KEY.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Registration

SALT = "events.registration.cancel"
# Long enough to cover registrations made months ahead of the event.
MAX_AGE = timedelta(days=400)


class BadLink(Exception):
    """The link cannot be used; str(error) says why, in words for the visitor."""


def cancel_token(registration: Registration) -> str:
    return signing.TimestampSigner(salt=SALT).sign(registration.secret)


def cancel_url(registration: Registration) -> str:
    path = reverse("events:cancel", args=[cancel_token(registration)])
    return f"{settings.SITE_URL}{path}"


def registration_from_token(token: str) -> Registration:
    try:
        secret = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise BadLink(
            _("Lenken er for gammel. Ta kontakt med oss hvis du vil melde deg av.")
        ) from error
    except signing.BadSignature as error:
        raise BadLink(
            _("Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.")
        ) from error
    try:
        return Registration.objects.select_related("event").get(secret=secret)
    except Registration.DoesNotExist as error:
        raise BadLink(_("Vi finner ikke påmeldingen. Den kan være slettet.")) from error
