"""Demo opportunities for `manage.py seed_demo`: a living board (data in
opportunities/demo_data.py) posted by the demo actors, a few with answers, some
expired, closed or filled. Safe to run again: an opportunity that exists is left
alone. `--opportunities N` adds N synthetic open ones in bulk, for benchmarks."""

import random
from datetime import timedelta

from django.utils import timezone

from actors.models import Actor, Municipality, Sector
from events.models import Event
from opportunities.demo_data import OPPORTUNITIES
from opportunities.models import Answer, Opportunity

SYNTHETIC_TITLES = [
    "Musikere til {}",
    "Samarbeidspartner til {}",
    "Lokale til {}",
    "Illustratør til {}",
    "Frivillige til {}",
    "Fotograf til {}",
]
SYNTHETIC_OCCASIONS = [
    "sommerkonsert",
    "bygdedag",
    "julemarked",
    "utstillingsåpning",
    "skoleturné",
    "festivalhelg",
    "litteraturkveld",
]


def seed(*, stdout, opportunities: int = 0) -> None:
    today = timezone.localdate()
    now = timezone.now()
    actors = Actor.objects.in_bulk(
        sorted({item["by"] for item in OPPORTUNITIES}
               | {slug for item in OPPORTUNITIES for slug, _m in item.get("answers", [])}),
        field_name="slug",
    )  # fmt: skip
    places = {m.slug: m for m in Municipality.objects.places()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    events = Event.objects.in_bulk(
        sorted({slug for item in OPPORTUNITIES for slug in item.get("events", [])}),
        field_name="slug",
    )
    created = 0
    for item in OPPORTUNITIES:
        poster = actors.get(item["by"])
        if poster is None or Opportunity.objects.filter(slug=item["slug"]).exists():
            continue
        opportunity = Opportunity.objects.create(
            slug=item["slug"],
            kind=item["kind"],
            title=item["title"],
            description=item["description"],
            municipality=places[item["place"]] if item["place"] else None,
            budget=item["budget"],
            deadline=today + timedelta(days=item["deadline"]),
            actor=poster,
            featured=item.get("featured", False),
        )
        posted = now - timedelta(days=item["posted"])
        Opportunity.objects.filter(pk=opportunity.pk).update(created_at=posted)
        opportunity.sectors.set([sectors[slug] for slug in item["sectors"]])
        opportunity.events.set([events[slug] for slug in item.get("events", []) if slug in events])
        for slug, message in item.get("answers", []):
            if slug in actors:
                Answer.objects.create(opportunity=opportunity, actor=actors[slug], message=message)
        if item.get("state") in ("closed", "filled"):
            opportunity.close(filled=item["state"] == "filled")
        created += 1
    stdout.write(f"Samarbeidsmuligheter: {created} nye.")
    if opportunities:
        _seed_synthetic(opportunities, list(places.values()), list(sectors.values()), stdout)


def _seed_synthetic(count: int, places: list, sectors: list, stdout) -> None:
    """Open opportunities posted by published actors, spread over kinds, places, sectors."""
    rng = random.Random(11)
    posters = list(Actor.objects.published().values_list("pk", flat=True)[:2000])
    if not posters:
        stdout.write("Samarbeidsmuligheter: ingen publiserte aktører å legge ut fra.")
        return
    today = timezone.localdate()
    start = Opportunity.objects.count()
    kinds = list(Opportunity.Kind.values)
    rows = []
    for n in range(start, start + count):
        occasion = rng.choice(SYNTHETIC_OCCASIONS)
        title = rng.choice(SYNTHETIC_TITLES).format(occasion)
        rows.append(
            Opportunity(
                slug=f"syntetisk-{n}",
                kind=kinds[n % len(kinds)],
                title=f"{title} {n}",
                description=(
                    f"Vi søker noen i regionen til {occasion}. Svar med en kort presentasjon "
                    "og hva du kan bidra med."
                ),
                municipality=None if n % 5 == 0 else rng.choice(places),
                deadline=today + timedelta(days=rng.randint(-20, 120)),
                actor_id=rng.choice(posters),
                featured=n % 97 == 0,
            )
        )
    created = Opportunity.objects.bulk_create(rows, batch_size=500)
    through = Opportunity.sectors.through
    through.objects.bulk_create(
        (
            through(opportunity_id=o.pk, sector_id=sector.pk)
            for o in created
            for sector in rng.sample(sectors, k=rng.randint(1, 3))
        ),
        batch_size=1000,
    )
    stdout.write(f"Samarbeidsmuligheter: {count} syntetiske.")
