"""schema.org JSON-LD for an event page, built the same way as actors/structured_data.py."""

from django.utils import timezone
from django.utils.safestring import SafeString

from portal.site import absolute_url
from portal.text import script_json

_SCHEMA = "https://schema.org/"


def event_json_ld(event) -> SafeString:
    """An Event with its status, place and organiser: only what the public page shows."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": _SCHEMA + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": _SCHEMA
        + ("MixedEventAttendanceMode" if event.online_url else "OfflineEventAttendanceMode"),
        "url": absolute_url(event.get_absolute_url()),
        "location": {
            "@type": "Place",
            "name": event.place or "",
            "address": event.full_address or "",
        },
        "organizer": {"@type": "Organization", "name": event.organisers},
    }
    if event.image:
        data["image"] = absolute_url(event.image.url)
    return script_json(data)
