"""Everything the portal keeps about one member: collected for "Last ned mine data",
erased by "Slett kontoen min".

Each app that stores personal data adds a collector (and, if deleting the account
must remove something of its own, an eraser) to the lists below by dotted path, so
the export and the deletion grow with the portal instead of forgetting a new table.
A collector takes the user and returns a dict of JSON-ready values; its keys become
top-level keys of the file. An eraser takes the user and returns how many rows it
removed or changed; erasers run before the account itself is deleted.
"""

from django.utils import timezone
from django.utils.module_loading import import_string

COLLECTORS: list[str] = [
    "accounts.personal_data.account",
    "accounts.personal_data.profiles",
    "accounts.personal_data.registrations",
    "accounts.personal_data.emails_received",
    "actors.services.member_data",
    "opportunities.personal_data.member_data",
]

ERASERS: list[str] = [
    "accounts.personal_data.erase_registrations",
    "accounts.personal_data.erase_outbox",
    "actors.services.erase_member_messages",
    "opportunities.personal_data.erase_member_data",
]


def collect(user) -> dict:
    data: dict = {"exported_at": timezone.now().isoformat()}
    for path in COLLECTORS:
        data.update(import_string(path)(user))
    return data


def erase(user) -> dict[str, int]:
    return {path.rsplit(".", 1)[-1]: import_string(path)(user) for path in ERASERS}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def account(user) -> dict:
    from allauth.account.models import EmailAddress

    from accounts.models import MemberSettings

    member_settings = MemberSettings.objects.filter(user=user).first()
    return {
        "account": {
            "name": user.get_full_name(),
            "email": user.email,
            "email_addresses": [
                {"email": e.email, "confirmed": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "newsletter": bool(member_settings and member_settings.newsletter),
            "email_language": member_settings.language if member_settings else None,
        }
    }


def profiles(user) -> dict:
    from actors.models import Actor

    fields = [
        "name", "slug", "kind", "status", "org_number", "pitch", "description",
        "contact_person", "email", "phone", "website", "address", "postal_code",
        "postal_place",
    ]  # fmt: skip
    rows = []
    for actor in Actor.objects.owned_by(user).select_related("municipality"):
        row = {name: getattr(actor, name, None) for name in fields if hasattr(actor, name)}
        row["municipality"] = actor.municipality.name
        row["created"] = _when(actor.created_at)
        row["updated"] = _when(actor.updated_at)
        rows.append(row)
    return {"profiles": rows}


def registrations(user) -> dict:
    from events.models import Registration

    rows = [
        {
            "event": r.event.title,
            "event_starts": _when(r.event.starts_at),
            "status": r.status,
            "name": r.name,
            "email": r.email,
            "phone": r.phone,
            "organisation": r.organisation,
            "municipality": r.municipality.name if r.municipality else None,
            "diets": r.diets,
            "diet_other": r.diet_other,
            "show_name": r.show_name,
            "attended": r.attended,
            "registered": _when(r.created_at),
            "cancelled": _when(r.cancelled_at),
        }
        for r in Registration.objects.of_member(user).select_related("event", "municipality")
    ]
    return {"registrations": rows}


def emails_received(user) -> dict:
    rows = [
        {"subject": e.subject, "to": e.to, "kind": e.kind, "created": _when(e.created_at)}
        for e in _outbox_for(user)
    ]
    return {"emails_received": rows}


def erase_registrations(user) -> int:
    from events.models import Registration
    from events.services import anonymise_registrations

    return anonymise_registrations(registrations=Registration.objects.of_member(user))


def erase_outbox(user) -> int:
    deleted, _by_model = _outbox_for(user).delete()
    return deleted


def _outbox_for(user):
    """The outbox rows addressed to the member, whatever the letter case they were typed in."""
    from allauth.account.models import EmailAddress
    from django.db.models.functions import Lower

    from events.models import OutgoingEmail

    known = {
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    if user.email:
        known.add(user.email.lower())
    return OutgoingEmail.objects.annotate(to_lower=Lower("to")).filter(to_lower__in=known)
