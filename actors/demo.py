"""Demo actors for `manage.py seed_demo`: safe to run again, it creates nothing twice.

The actors themselves are data in actors/demo_data.py: about forty fictional actors
(made-up names, example.no addresses) spread over the six municipalities, every
sector and every kind, with generated pictures; plus the real venues where the
network has met. This module only writes them, and with `--actors N` adds N
synthetic actors with bulk inserts, for benchmarks.
"""

import random
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from actors.demo_art import draw, draw_logo
from actors.demo_data import (
    CONTACT_PERSONS,
    FICTIONAL,
    SYNTHETIC_FIRST,
    SYNTHETIC_PHRASES,
    SYNTHETIC_SECOND,
    VENUES,
)
from actors.images import process_upload
from actors.models import Actor, ActorImage, Municipality, Sector, Visibility
from actors.search import index_fields, lexicon_words
from actors.typos import add_words
from portal.text import norwegian_slugify


def seed(*, stdout, actors: int = 0) -> None:
    """Write the demo actors that are missing, then `actors` synthetic ones."""
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    created = 0
    for venue in VENUES:
        created += _get_or_create(dict(venue), municipalities, sectors, images=False)
    for n, row in enumerate(FICTIONAL):
        created += _get_or_create(_fictional(n, row), municipalities, sectors, images=True)
    stdout.write(f"Aktører: {created} nye demoaktører.")
    if actors:
        started = time.monotonic()
        _bulk_synthetic(actors, list(municipalities.values()), list(sectors.values()))
        stdout.write(f"Aktører: {actors} syntetiske aktører på {time.monotonic() - started:.1f} s.")


def _fictional(n: int, row: tuple) -> dict:
    (name, kind, municipality, (postal_code, place), sector_slugs, pitch, description, offers,
     looking_for, collaboration, hire) = row  # fmt: skip
    slug = norwegian_slugify(name)
    return {
        "name": name,
        "slug": slug,
        "kind": kind,
        "municipality": municipality,
        "postal_code": postal_code,
        "postal_place": place,
        "sectors": sector_slugs,
        "pitch": pitch,
        "description": description,
        "offers": offers,
        "looking_for": looking_for,
        "open_for_collaboration": collaboration,
        "available_for_hire": hire,
        "website": f"https://{slug}.example.no/",
        "email": f"post@{slug}.example.no",
        "email_visibility": Visibility.PUBLIC if n % 2 else Visibility.MEMBERS,
        "phone": f"+47400{n:05d}",
        "contact_person": CONTACT_PERSONS[n % len(CONTACT_PERSONS)],
        "instagram": f"https://www.instagram.com/{slug.replace('-', '')}/" if n % 3 == 0 else "",
    }


def _get_or_create(data: dict, municipalities: dict, sectors: dict, *, images: bool) -> int:
    sector_slugs = data.pop("sectors")
    data["municipality"] = municipalities[data["municipality"]]
    slug = data.pop("slug")
    actor, is_new = Actor.objects.get_or_create(
        slug=slug, defaults={**data, "status": Actor.Status.PUBLISHED}
    )
    if not is_new:
        return 0
    actor.sectors.set([sectors[s] for s in sector_slugs])
    if images:
        # Drawing and encoding takes a tenth of a second per picture: a few, not many.
        _add_image(actor, *draw(slug), role=ActorImage.Role.GALLERY, position=0)
        if len(slug) % 3 == 0:
            _add_image(actor, *draw(slug + "-2"), role=ActorImage.Role.GALLERY, position=1)
        if actor.kind in (Actor.Kind.COMPANY, Actor.Kind.ORGANISATION):
            _add_image(actor, *draw_logo(slug), role=ActorImage.Role.LOGO, position=0)
    return 1


def _add_image(actor: Actor, data: bytes, alt: str, *, role: str, position: int) -> None:
    image = ActorImage(actor=actor, role=role, alt_text=alt, position=position)
    image.set_renditions(process_upload(SimpleUploadedFile("demo.png", data, "image/png")))
    image.save()


def _bulk_synthetic(count: int, municipalities: list, sectors: list) -> None:
    rng = random.Random(count)
    start = Actor.objects.filter(slug__startswith="syntetisk-").count()
    now = timezone.now()
    kinds = [value for value, _label in Actor.Kind.choices]
    new_actors, chosen_sectors = [], []
    words: set[str] = set()
    for i in range(start, start + count):
        name = f"{rng.choice(SYNTHETIC_FIRST)}{rng.choice(SYNTHETIC_SECOND)} {i + 1}"
        municipality = rng.choice(municipalities)
        actor_sectors = rng.sample(sectors, rng.randint(1, 3))
        phrase = rng.choice(SYNTHETIC_PHRASES)
        actor = Actor(
            name=name,
            slug=f"syntetisk-{norwegian_slugify(name)}",
            kind=rng.choice(kinds),
            municipality=municipality,
            pitch=f"{name} {phrase} i {municipality.name}.",
            description=f"Vi {phrase}. " * 3,
            offers=", ".join(s.name for s in actor_sectors),
            open_for_collaboration=rng.random() < 0.5,
            available_for_hire=rng.random() < 0.4,
            status=Actor.Status.PUBLISHED,
            published_at=now,
        )
        sector_names = [s.name for s in actor_sectors]
        for field_name, value in index_fields(actor, sector_names, municipality.name).items():
            setattr(actor, field_name, value)
        words |= lexicon_words(actor, sector_names, municipality.name)
        new_actors.append(actor)
        chosen_sectors.append(actor_sectors)
    Actor.objects.bulk_create(new_actors, batch_size=1000)
    Through = Actor.sectors.through
    Through.objects.bulk_create(
        [
            Through(actor_id=actor.pk, sector_id=sector.pk)
            for actor, actor_sectors in zip(new_actors, chosen_sectors, strict=True)
            for sector in actor_sectors
        ],
        batch_size=2000,
    )
    add_words(words)
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner knows the table is no longer small.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE actors_actor, actors_actor_sectors")
