"""iCalendar (.ics) for one event or the whole calendar, made with `icalendar`.

Every text that goes in passes through `portal.validators.clean_text` first: a stored
line break (in a property that must be one line, such as the calendar's name) made
`icalendar` raise, which failed the `.ics` and every registration for the event, and
control characters would reach the registrant's calendar program.
"""

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

from events.models import Event
from portal.validators import clean_text

PRODID = "-//Kreative Øvre Romerike//arrangementer//NO"


def _vevent(event: Event) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"event-{event.pk}@kreativ-ovre-romerike")
    vevent.add("dtstamp", event.updated_at or timezone.now())
    # Local Oslo times with a TZID, so calendars show 18.00 in summer and winter alike.
    vevent.add("dtstart", timezone.localtime(event.starts_at))
    vevent.add("dtend", timezone.localtime(event.ends_at))
    vevent.add("summary", clean_text(event.title))
    vevent.add("description", clean_text(event.summary))
    location = ", ".join(clean_text(part) for part in (event.place, event.full_address) if part)
    if location:
        vevent.add("location", location)
    vevent.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return vevent


def _calendar(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean_text(str(name)))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal


def calendar_bytes(events: Iterable[Event], name: str) -> bytes:
    cal = _calendar(name)
    for event in events:
        cal.add_component(_vevent(event))
    # The VTIMEZONE block lets every calendar program resolve TZID=Europe/Oslo.
    cal.add_missing_timezones()
    return cal.to_ical()
