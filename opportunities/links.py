"""The signed one-click unsubscribe link in the opportunities digest.

The token signs the Following row's id together with its user's id, so it stops
working when the member deletes the account (the row goes with it) and cannot be
made from an id without SECRET_KEY. It carries a timestamp like the project's other
signed links (events/links.py) but lives long: a digest may be read a year later.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opportunities.emails import absolute
from opportunities.models import Following

SALT = "opportunities.following.unsubscribe"
MAX_AGE = timedelta(days=400)


class BadLink(Exception):
    """The link cannot be used; str(error) says why, in words for the member."""


def unsubscribe_token(following: Following) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{following.pk}.{following.user_id}")


def unsubscribe_url(following: Following) -> str:
    return absolute(reverse("opportunities:unsubscribe", args=[unsubscribe_token(following)]))


def following_from_token(token: str) -> Following:
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise BadLink(
            _("Lenken er for gammel. Logg inn og slå av e-posten på Min side.")
        ) from error
    except signing.BadSignature as error:
        raise BadLink(
            _("Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.")
        ) from error
    following_id, _dot, user_id = value.partition(".")
    try:
        return Following.objects.select_related("user").get(pk=following_id, user_id=user_id)
    except (Following.DoesNotExist, ValueError) as error:
        raise BadLink(_("Vi finner ikke abonnementet. Kontoen kan være slettet.")) from error
