"""Signed links in the directory's e-mails.

- *approve*: the coordinators' e-mail about a new profile links to a page that asks
  "Godkjenn?" with a POST button; the page still requires a logged-in coordinator, the
  signature only stops a link from being made up for another profile or reused for ever.
- *still correct*: the yearly reminder lets the owner confirm without logging in. The
  token signs the profile and its owner, so it dies when the profile changes hands.

Neither link changes anything on GET: mail scanners open links, people click twice.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actors.models import Actor

APPROVE_SALT = "actors.profile.approve"
APPROVE_MAX_AGE = timedelta(days=30)
CONFIRM_SALT = "actors.profile.still-correct"
# The next reminder comes after a month; give the owner twice that.
CONFIRM_MAX_AGE = timedelta(days=60)


class BadLink(Exception):
    """The link cannot be used; str(error) says why, in words for the reader."""


def approve_url(actor: Actor) -> str:
    token = signing.TimestampSigner(salt=APPROVE_SALT).sign(str(actor.pk))
    return f"{settings.SITE_URL}{reverse('actors:approve', args=[token])}"


def still_correct_url(actor: Actor) -> str:
    value = f"{actor.pk}:{actor.owner_id}"
    token = signing.TimestampSigner(salt=CONFIRM_SALT).sign(value)
    return f"{settings.SITE_URL}{reverse('actors:still_correct', args=[token])}"


def actor_from_approve_token(token: str) -> Actor:
    pk = _unsign(token, APPROVE_SALT, APPROVE_MAX_AGE)
    return _get(Actor.objects.filter(pk=pk))


def actor_from_still_correct_token(token: str) -> Actor:
    pk, _sep, owner_id = _unsign(token, CONFIRM_SALT, CONFIRM_MAX_AGE).partition(":")
    return _get(Actor.objects.filter(pk=pk, owner_id=int(owner_id) if owner_id.isdigit() else None))


def _unsign(token: str, salt: str, max_age: timedelta) -> str:
    try:
        return signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink(
            _("Lenken er for gammel. Logg inn og gjør det fra siden din i stedet.")
        ) from error
    except signing.BadSignature as error:
        raise BadLink(
            _("Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.")
        ) from error


def _get(queryset) -> Actor:
    actor = queryset.first()
    if actor is None:
        raise BadLink(_("Vi finner ikke profilen. Den kan være slettet eller ha fått ny eier."))
    return actor
