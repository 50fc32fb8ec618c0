"""The directory's e-mails, written in the recipient's language and sent through the
portal's outbox (events/emails.py: stored first, sent after the transaction commits).

Who reads which language: a member reads the language chosen on Min side
(accounts.MemberSettings); without that choice, the owner of a profile reads
`Actor.language` (the language used when creating or claiming it) and a member who
asked to claim a profile or sent a message reads the language stored on that request.
Coordinators read Norwegian.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events.emails import queue
from events.models import OutgoingEmail

SUBJECTS = {
    "profile_submitted": _("Ny profil til godkjenning: {name}"),
    "profile_approved": _("Profilen din er publisert: {name}"),
    "profile_hidden": _("Profilen din er skjult: {name}"),
    "claim_received": _("Noen vil overta en profil: {name}"),
    "claim_approved": _("Du er nå eier av profilen {name}"),
    "claim_refused": _("Vi kunne ikke gi deg profilen {name}"),
    "contact_message": _("Melding via Kreative Øvre Romerike: {subject}"),
    "contact_copy": _("Kopi av meldingen din til {name}"),
    "still_correct": _("Er informasjonen fortsatt riktig? {name}"),
}


def send(kind: str, *, to: str, language: str, context: dict, reply_to: str = "") -> OutgoingEmail:
    """Render `actors/email/<kind>.txt` in `language` and put it in the outbox."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            **context,
            "SITE_URL": settings.SITE_URL,
            "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        }
        subject = str(SUBJECTS[kind]).format(**context.get("subject_args", {}))
        subject = " ".join(subject.split())  # one line, whatever the names contain
        body = render_to_string(f"actors/email/{kind}.txt", context)
    return queue(kind=kind, to=to, subject=subject, body_text=body, reply_to=reply_to)


def member_language(user, fallback: str) -> str:
    """The e-mail language the member chose on Min side, else `fallback`."""
    member_settings = getattr(user, "member_settings", None) if user is not None else None
    return member_settings.language if member_settings else fallback


def owner_language(actor) -> str:
    """The owner's chosen language, else the one stored when the profile was made or claimed."""
    return member_language(actor.owner if actor.owner_id else None, actor.language)


def coordinator_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def tell_coordinators(kind: str, context: dict) -> int:
    addresses = coordinator_addresses()
    for address in addresses:
        send(kind, to=address, language=settings.LANGUAGE_CODE, context=context)
    return len(addresses)


def profile_url(actor) -> str:
    return f"{settings.SITE_URL}{actor.get_absolute_url()}"
