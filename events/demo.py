"""Demo events for `manage.py seed_demo`: the network's real past meetings and
the plans for the coming season, dated relative to today. Safe to run again."""

import random
import secrets
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from actors.models import Actor, Municipality
from events.models import Diet, Event, Registration, Speaker

OSLO = ZoneInfo("Europe/Oslo")
ORGANISERS = "Ullensaker kommune og Innovasjon Gardermoen"
FIRST_NAMES = [
    "Anne",
    "Kari",
    "Ingrid",
    "Marit",
    "Silje",
    "Ida",
    "Nora",
    "Thea",
    "Hanne",
    "Line",
    "Ole",
    "Lars",
    "Per",
    "Knut",
    "Jonas",
    "Magnus",
    "Emil",
    "Sindre",
    "Eirik",
    "Håkon",
    "Amira",
    "Tobias",
    "Sofie",
    "Maja",
    "Aleksander",
    "Camilla",
    "Jørgen",
    "Solveig",
]
LAST_NAMES = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Berg",
    "Haugen",
    "Hagen",
    "Bakken",
    "Lie",
    "Dahl",
    "Strand",
    "Solberg",
    "Moen",
    "Aas",
    "Ødegård",
    "Nygård",
    "Rønning",
    "Sæther",
    "Bråten",
    "Eriksrud",
]
ORGANISATIONS = [
    "",
    "",
    "Jessheim kunstforening",
    "Eidsvoll musikkråd",
    "Studio Nordlys",
    "Hurdal keramikk",
    "Nes teaterlag",
    "Romerike film",
    "Frilans illustratør",
    "Gjerdrum kulturskole",
]


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


def _plan(venues: dict[str, Actor], municipalities: dict[str, Municipality]) -> list[dict]:
    def at(slug: str, fallback: str, address: str) -> dict:
        venue = venues.get(slug)
        return {"venue": venue, "place_name": "" if venue else fallback, "address": address}

    ullensaker, eidsvoll = municipalities["ullensaker"], municipalities["eidsvoll"]
    return [
        {
            "slug": "nettverksmote-business-jessheim-2023-11-20",
            "kind": Event.Kind.NETWORK_MEETING,
            "title": "Nettverksmøte på Business Jessheim",
            "summary": "Det første nettverksmøtet for kultur- og kreative næringer på Øvre "
            "Romerike: innledere, mingling og god mat.",
            "when": _at(date(2023, 11, 20), "11.00", "14.00"),
            "municipality": ullensaker,
            **at("business-jessheim", "Business Jessheim", "Jessheim"),
            "capacity": 50,
            "registrations": 38,
            "speakers": [
                (
                    "Gunhild Ramsay Kovacs",
                    "Rådgiver for kreative næringer og byliv, Ullensaker kommune",
                )
            ],
        },
        {
            "slug": "nettverksmote-galleri-jessheim-2024-01-23",
            "kind": Event.Kind.NETWORK_MEETING,
            "title": "Nettverksmøte på Galleri Jessheim",
            "summary": "Faglig påfyll om samarbeid på tvers av bransjer, omvisning i galleriet "
            "og tid til å bli kjent.",
            "when": _at(date(2024, 1, 23), "11.00", "14.00"),
            "municipality": ullensaker,
            **at("galleri-jessheim", "Galleri Jessheim", "Jessheim"),
            "capacity": 50,
            "registrations": 42,
            "speakers": [],
        },
        {
            "slug": "nettverksmote-wergelandshaugen-2024-04-04",
            "kind": Event.Kind.NETWORK_MEETING,
            "title": "Nettverksmøte på Wergelandshaugen Kulturdestinasjon",
            "summary": "Nettverksmøte i Eidsvoll med innledere om bærekraftig kreativ næring, "
            "mingling og lunsj.",
            "when": _at(date(2024, 4, 4), "11.00", "14.00"),
            "municipality": eidsvoll,
            **at(
                "wergelandshaugen-kulturdestinasjon",
                "Wergelandshaugen Kulturdestinasjon",
                "Eidsvoll",
            ),
            "capacity": 50,
            "registrations": 35,
            "speakers": [],
        },
        {
            "slug": "sosialt-treff-tunet-bar-2024-06-06",
            "kind": Event.Kind.SOCIAL,
            "title": "Sosialt nettverkstreff på Tunet bar",
            "summary": "Pizza rett fra den italienske pizzaovnen, musikk fra Marius Lien og "
            "Coralisa, og åpen scene for alle som vil.",
            "when": _at(date(2024, 6, 6), "18.00", "22.00"),
            "municipality": ullensaker,
            **at("tunet-bar", "Tunet bar", "Jessheim"),
            "capacity": 60,
            "registrations": 45,
            "speakers": [("Marius Lien", "Spellemannprisvinner"), ("Coralisa", "Artist")],
        },
        {
            "slug": "nettverksmote-nannestad",
            "kind": Event.Kind.NETWORK_MEETING,
            "title": "Nettverksmøte i Nannestad",
            "summary": "Konkrete muligheter for samarbeid: hva kan du få ut av nettverket, og "
            "hva kan du bidra med?",
            "when": _at(_weekday_after(18, 1), "11.00", "14.00"),
            "municipality": municipalities["nannestad"],
            "venue": None,
            "place_name": "Nannestad bibliotek",
            "address": "Nannestad sentrum",
            "capacity": 45,
            "registrations": 21,
            "speakers": [("Gunhild Ramsay Kovacs", "Ullensaker kommune")],
        },
        {
            "slug": "nettverksmote-eidsvoll",
            "kind": Event.Kind.NETWORK_MEETING,
            "title": "Nettverksmøte: lokalt innhold i kulturhus og festivaler",
            "summary": "Innkjøpere fra kulturhus og festivaler forteller hva de ser etter, og "
            "hvordan lokale aktører kommer med i programmet.",
            "when": _at(_weekday_after(60, 3), "11.00", "14.00"),
            "municipality": eidsvoll,
            **at(
                "wergelandshaugen-kulturdestinasjon",
                "Wergelandshaugen Kulturdestinasjon",
                "Eidsvoll",
            ),
            "capacity": 50,
            "registrations": 9,
            "speakers": [],
        },
        {
            "slug": "sosialt-nettverkstreff-tunet-bar",
            "kind": Event.Kind.SOCIAL,
            "title": "Sosialt nettverkstreff med åpen scene",
            "summary": "Et uformelt treff med pizza og åpen scene. Ta med instrumentet!",
            "when": _at(_weekday_after(30, 3), "18.00", "22.00"),
            "municipality": ullensaker,
            **at("tunet-bar", "Tunet bar", "Jessheim"),
            "capacity": 40,
            "registrations": 43,  # full, three on the waiting list
            "speakers": [],
        },
        {
            "slug": "kurs-i-prosjektsoknader",
            "kind": Event.Kind.COURSE,
            "title": "Kurs: skriv bedre prosjektsøknader",
            "summary": "Lær å skrive søknader til kulturfond, kommuner og stiftelser: mål, "
            "budsjett og hvordan du får søknaden til å skille seg ut.",
            "when": _at(_weekday_after(45, 2), "09.00", "15.00"),
            "municipality": ullensaker,
            **at("business-jessheim", "Business Jessheim", "Jessheim"),
            "capacity": 25,
            "registrations": 18,
            "price": "Gratis for medlemmer i nettverket",
            "speakers": [],
        },
        {
            "slug": "romerikskonferansen",
            "kind": Event.Kind.CONFERENCE,
            "title": "Romerikskonferansen for kultur- og kreative næringer",
            "summary": "En dag for hele Romerike: kreative huber, samarbeid med næringslivet og "
            "inspirasjon fra andre regioner.",
            "when": _at(_spring_day(), "09.00", "16.00"),
            "municipality": eidsvoll,
            **at(
                "wergelandshaugen-kulturdestinasjon",
                "Wergelandshaugen Kulturdestinasjon",
                "Eidsvoll",
            ),
            "capacity": 150,
            "registrations": 0,
            "price": "Kunngjøres senere",
            "speakers": [],
        },
    ]


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


def seed(*, stdout, events: int = 0, registrations: int = 0, **_extra) -> None:
    rng = random.Random(2023)
    municipalities = {m.slug: m for m in Municipality.objects.places()}
    venues = Actor.objects.in_bulk(
        [
            "business-jessheim",
            "galleri-jessheim",
            "wergelandshaugen-kulturdestinasjon",
            "tunet-bar",
        ],
        field_name="slug",
    )
    created = 0
    for item in _plan(venues, municipalities):
        starts_at, ends_at = item["when"]
        event, is_new = Event.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "kind": item["kind"],
                "title": item["title"],
                "summary": item["summary"],
                "description": item["summary"],
                "starts_at": starts_at,
                "ends_at": ends_at,
                "venue": item["venue"],
                "place_name": item["place_name"],
                "address": "" if item["venue"] else item["address"],
                "municipality": item["municipality"],
                "capacity": item["capacity"],
                "price": item.get("price", "Gratis"),
                "organisers": ORGANISERS,
                "status": Event.Status.PUBLISHED,
            },
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
