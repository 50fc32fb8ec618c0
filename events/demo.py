"""Demo events for `manage.py seed_demo`: the network's real past meetings and the
plans for the coming season (data in events/demo_data.py), with registrations.
Safe to run again: an event that exists is left alone. `--events` and
`--registrations` add synthetic ones in bulk, for load tests."""

import random
import secrets
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from actors.models import Actor, Municipality
from events.demo_data import FIRST_NAMES, LAST_NAMES, ORGANISATIONS, ORGANISERS, PLAN
from events.models import Diet, Event, Registration, Speaker

OSLO = ZoneInfo("Europe/Oslo")


def seed(*, stdout, events: int = 0, registrations: int = 0) -> None:
    """Write the planned events that are missing, each with its speakers and people."""
    rng = random.Random(2023)
    municipalities = {m.slug: m for m in Municipality.objects.places()}
    venue_slugs = {item["venue"] for item in PLAN if item["venue"]}
    venues = Actor.objects.in_bulk(sorted(venue_slugs), field_name="slug")
    created = 0
    for item in PLAN:
        event, is_new = Event.objects.get_or_create(
            slug=item["slug"], defaults=_event_fields(item, venues, municipalities)
        )
        if not is_new:
            continue
        created += 1
        Speaker.objects.bulk_create(
            Speaker(event=event, name=name, role=role, position=i)
            for i, (name, role) in enumerate(item["speakers"])
        )
        Registration.objects.bulk_create(
            _registrations(event, item["registrations"], list(municipalities.values()), rng)
        )
    stdout.write(f"Arrangementer: {created} nye.")
    if events or registrations:
        _seed_synthetic(events, registrations, list(municipalities.values()), rng, stdout)


def _event_fields(item: dict, venues: dict[str, Actor], municipalities: dict) -> dict:
    """The model fields of one planned event; a missing venue actor becomes a place name."""
    venue = venues.get(item["venue"]) if item["venue"] else None
    starts_at, ends_at = _at(_day(item["day"]), *item["time"])
    return {
        "kind": item["kind"],
        "title": item["title"],
        "summary": item["summary"],
        "description": item["summary"],
        "starts_at": starts_at,
        "ends_at": ends_at,
        "venue": venue,
        "place_name": "" if venue else item["place"],
        "address": "" if venue else item["address"],
        "municipality": municipalities[item["municipality"]],
        "capacity": item["capacity"],
        "price": item.get("price", "Gratis"),
        "organisers": ORGANISERS,
        "status": Event.Status.PUBLISHED,
    }


def _day(spec: date | str | tuple[str, int, int]) -> date:
    """A day as written in events/demo_data.py (see its docstring)."""
    if isinstance(spec, date):
        return spec
    if isinstance(spec, tuple) and spec[0] == "weekday_after":
        return _weekday_after(spec[1], spec[2])
    if spec == "spring":
        return _spring_day()
    raise ValueError(f"Unknown day in events/demo_data.py: {spec!r}")


def _at(day: date, start: str, end: str) -> tuple[datetime, datetime]:
    def parse(hhmm: str) -> datetime:
        hour, minute = (int(part) for part in hhmm.split("."))
        return datetime.combine(day, time(hour, minute), tzinfo=OSLO)

    return parse(start), parse(end)


def _weekday_after(days: int, weekday: int) -> date:
    """The first given weekday (0 = Monday) at least `days` from today, outside the holidays."""
    day = timezone.localdate() + timedelta(days=days)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while _in_holidays(day):
        day += timedelta(days=7)
    return day


def _in_holidays(day: date) -> bool:
    """Christmas (20 December to 6 January) and July: nobody plans a network meeting then."""
    return (
        (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 6) or day.month == 7
    )


def _spring_day() -> date:
    today = timezone.localdate()
    year = today.year if today.month < 4 else today.year + 1
    day = date(year, 4, 8)
    return day + timedelta(days=(3 - day.weekday()) % 7)  # a Thursday in April


def _registrations(event: Event, count: int, municipalities: list, rng: random.Random):
    """`count` people, the first municipalities in turn so every one is represented."""
    used: set[str] = set()
    for i in range(count):
        while True:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{first}.{last}".lower().replace("å", "a").replace("ø", "o") + "@eksempel.no"
            email = email.replace("æ", "ae")
            if email not in used:
                used.add(email)
                break
        seat = event.capacity is None or i < event.capacity
        yield Registration(
            event=event,
            name=f"{first} {last}",
            email=email,
            organisation=rng.choice(ORGANISATIONS),
            municipality=municipalities[i % len(municipalities)]
            if i < 6
            else rng.choice(municipalities),
            diets=[rng.choice(Diet.values)] if rng.random() < 0.25 else [],
            consent=True,
            show_name=rng.random() < 0.6,
            status=Registration.Status.CONFIRMED if seat else Registration.Status.WAITING,
            attended=event.ends_at < timezone.now() and rng.random() < 0.9,
            created_at=event.starts_at - timedelta(days=30, minutes=count - i),
            secret=secrets.token_urlsafe(24),
        )


def _seed_synthetic(events: int, registrations: int, municipalities: list, rng, stdout) -> None:
    """Many plain events and registrations for load tests, in a few bulk inserts."""
    run = secrets.token_hex(3)
    now = timezone.now()
    new_events = [
        Event(
            slug=f"testarrangement-{run}-{i}",
            kind=rng.choice(Event.Kind.values),
            title=f"Testarrangement {i + 1}",
            summary="Syntetisk arrangement for ytelsestester.",
            starts_at=(start := now + timedelta(days=rng.randint(-400, 400), hours=i % 10)),
            ends_at=start + timedelta(hours=3),
            municipality=rng.choice(municipalities),
            place_name="Kulturhuset",
            capacity=rng.choice([None, 40, 60, 100]),
            status=Event.Status.PUBLISHED,
        )
        for i in range(events)
    ]
    Event.objects.bulk_create(new_events, batch_size=500)
    targets = new_events or list(Event.objects.published())
    if registrations and targets:
        seen: dict[int, int] = {}
        batch = []
        for i in range(registrations):
            event = targets[i % len(targets)]
            n = seen[event.pk] = seen.get(event.pk, 0) + 1
            seat = event.capacity is None or n <= event.capacity
            batch.append(
                Registration(
                    event=event,
                    name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    email=f"test-{run}-{i}@eksempel.no",
                    municipality=rng.choice(municipalities),
                    consent=True,
                    status=Registration.Status.CONFIRMED if seat else Registration.Status.WAITING,
                    secret=secrets.token_urlsafe(24),
                )
            )
        Registration.objects.bulk_create(batch, batch_size=1000)
    stdout.write(f"Syntetiske arrangementer: {events}, påmeldinger: {registrations}.")
