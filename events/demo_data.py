"""The demo events, as data: read by events/demo.py (`manage.py seed_demo`).

Plain Python values only. The first four are the network's real meetings, on their
real dates; the rest are plans, dated relative to the day the seed runs. A `day` is
either a date, ("weekday_after", days, weekday) for the first such weekday (0 is
Monday) at least `days` from today outside the holidays, or "spring" for a Thursday
in the coming April. `venue` is the slug of a demo actor (actors/demo_data.py);
`place` and `address` are used only when that actor is missing. Kinds are the values
of `Event.Kind`, municipalities their slugs. `registrations` is how many people the
seed signs up: more than `capacity` puts the rest on the waiting list.
"""

from datetime import date
from typing import Any

ORGANISERS = "Ullensaker kommune og Innovasjon Gardermoen"

PLAN: list[dict[str, Any]] = [
    {
        "slug": "nettverksmote-business-jessheim-2023-11-20",
        "kind": "network_meeting",
        "title": "Nettverksmøte på Business Jessheim",
        "summary": "Det første nettverksmøtet for kultur- og kreative næringer på Øvre "
        "Romerike: innledere, mingling og god mat.",
        "day": date(2023, 11, 20),
        "time": ("11.00", "14.00"),
        "municipality": "ullensaker",
        "venue": "business-jessheim",
        "place": "Business Jessheim",
        "address": "Jessheim",
        "capacity": 50,
        "registrations": 38,
        "speakers": [
            ("Gunhild Ramsay Kovacs", "Rådgiver for kreative næringer og byliv, Ullensaker kommune")
        ],
    },
    {
        "slug": "nettverksmote-galleri-jessheim-2024-01-23",
        "kind": "network_meeting",
        "title": "Nettverksmøte på Galleri Jessheim",
        "summary": "Faglig påfyll om samarbeid på tvers av bransjer, omvisning i galleriet "
        "og tid til å bli kjent.",
        "day": date(2024, 1, 23),
        "time": ("11.00", "14.00"),
        "municipality": "ullensaker",
        "venue": "galleri-jessheim",
        "place": "Galleri Jessheim",
        "address": "Jessheim",
        "capacity": 50,
        "registrations": 42,
        "speakers": [],
    },
    {
        "slug": "nettverksmote-wergelandshaugen-2024-04-04",
        "kind": "network_meeting",
        "title": "Nettverksmøte på Wergelandshaugen Kulturdestinasjon",
        "summary": "Nettverksmøte i Eidsvoll med innledere om bærekraftig kreativ næring, "
        "mingling og lunsj.",
        "day": date(2024, 4, 4),
        "time": ("11.00", "14.00"),
        "municipality": "eidsvoll",
        "venue": "wergelandshaugen-kulturdestinasjon",
        "place": "Wergelandshaugen Kulturdestinasjon",
        "address": "Eidsvoll",
        "capacity": 50,
        "registrations": 35,
        "speakers": [],
    },
    {
        "slug": "sosialt-treff-tunet-bar-2024-06-06",
        "kind": "social",
        "title": "Sosialt nettverkstreff på Tunet bar",
        "summary": "Pizza rett fra den italienske pizzaovnen, musikk fra Marius Lien og "
        "Coralisa, og åpen scene for alle som vil.",
        "day": date(2024, 6, 6),
        "time": ("18.00", "22.00"),
        "municipality": "ullensaker",
        "venue": "tunet-bar",
        "place": "Tunet bar",
        "address": "Jessheim",
        "capacity": 60,
        "registrations": 45,
        "speakers": [("Marius Lien", "Spellemannprisvinner"), ("Coralisa", "Artist")],
    },
    {
        "slug": "nettverksmote-nannestad",
        "kind": "network_meeting",
        "title": "Nettverksmøte i Nannestad",
        "summary": "Konkrete muligheter for samarbeid: hva kan du få ut av nettverket, og "
        "hva kan du bidra med?",
        "day": ("weekday_after", 18, 1),
        "time": ("11.00", "14.00"),
        "municipality": "nannestad",
        "venue": None,
        "place": "Nannestad bibliotek",
        "address": "Nannestad sentrum",
        "capacity": 45,
        "registrations": 21,
        "speakers": [("Gunhild Ramsay Kovacs", "Ullensaker kommune")],
    },
    {
        "slug": "nettverksmote-eidsvoll",
        "kind": "network_meeting",
        "title": "Nettverksmøte: lokalt innhold i kulturhus og festivaler",
        "summary": "Innkjøpere fra kulturhus og festivaler forteller hva de ser etter, og "
        "hvordan lokale aktører kommer med i programmet.",
        "day": ("weekday_after", 60, 3),
        "time": ("11.00", "14.00"),
        "municipality": "eidsvoll",
        "venue": "wergelandshaugen-kulturdestinasjon",
        "place": "Wergelandshaugen Kulturdestinasjon",
        "address": "Eidsvoll",
        "capacity": 50,
        "registrations": 9,
        "speakers": [],
    },
    {
        "slug": "sosialt-nettverkstreff-tunet-bar",
        "kind": "social",
        "title": "Sosialt nettverkstreff med åpen scene",
        "summary": "Et uformelt treff med pizza og åpen scene. Ta med instrumentet!",
        "day": ("weekday_after", 30, 3),
        "time": ("18.00", "22.00"),
        "municipality": "ullensaker",
        "venue": "tunet-bar",
        "place": "Tunet bar",
        "address": "Jessheim",
        "capacity": 40,
        "registrations": 43,  # full, three on the waiting list
        "speakers": [],
    },
    {
        "slug": "kurs-i-prosjektsoknader",
        "kind": "course",
        "title": "Kurs: skriv bedre prosjektsøknader",
        "summary": "Lær å skrive søknader til kulturfond, kommuner og stiftelser: mål, "
        "budsjett og hvordan du får søknaden til å skille seg ut.",
        "day": ("weekday_after", 45, 2),
        "time": ("09.00", "15.00"),
        "municipality": "ullensaker",
        "venue": "business-jessheim",
        "place": "Business Jessheim",
        "address": "Jessheim",
        "capacity": 25,
        "registrations": 18,
        "price": "Gratis for medlemmer i nettverket",
        "speakers": [],
    },
    {
        "slug": "romerikskonferansen",
        "kind": "conference",
        "title": "Romerikskonferansen for kultur- og kreative næringer",
        "summary": "En dag for hele Romerike: kreative huber, samarbeid med næringslivet og "
        "inspirasjon fra andre regioner.",
        "day": "spring",
        "time": ("09.00", "16.00"),
        "municipality": "eidsvoll",
        "venue": "wergelandshaugen-kulturdestinasjon",
        "place": "Wergelandshaugen Kulturdestinasjon",
        "address": "Eidsvoll",
        "capacity": 150,
        "registrations": 0,
        "price": "Kunngjøres senere",
        "speakers": [],
    },
]

# The people who register, drawn at random (with a fixed seed) from these.
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
# Empty twice: about one in five comes without an organisation.
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
