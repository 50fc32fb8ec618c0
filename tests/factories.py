"""Small helpers that build real objects for tests; no JSON fixtures, no factory library.

Every helper takes keyword arguments for the fields a test cares about and fills in
the rest with plausible Norwegian values.
"""

import importlib
import io
import itertools

from django.contrib.auth import get_user_model
from PIL import Image

from actors.models import Actor, Municipality, Sector

_counter = itertools.count(1)


def ensure_seeded() -> None:
    """Put back the migration's municipalities and sectors: transactional tests flush them."""
    seeded = importlib.import_module("actors.migrations.0002_seed_municipalities_and_sectors")
    if not Municipality.objects.exists():
        for name, slug, number in seeded.MUNICIPALITIES:
            Municipality.objects.create(name=name, slug=slug, number=number)
    if not Sector.objects.exists():
        for position, (name, slug) in enumerate(seeded.SECTORS, start=1):
            Sector.objects.create(name=name, slug=slug, position=position)


def municipality(slug: str = "ullensaker") -> Municipality:
    """One of the six seeded municipalities (the data migration creates them)."""
    ensure_seeded()
    return Municipality.objects.get(slug=slug)


def sector(slug: str = "musikk") -> Sector:
    ensure_seeded()
    return Sector.objects.get(slug=slug)


def make_user(username: str | None = None, *, password: str = "passord-for-test", **fields):
    username = username or f"bruker{next(_counter)}"
    fields.setdefault("email", f"{username}@example.no")
    return get_user_model().objects.create_user(username=username, password=password, **fields)


def make_staff(username: str | None = None, **fields):
    return make_user(username, is_staff=True, is_superuser=True, **fields)


def make_actor(
    name: str | None = None,
    *,
    sectors: list[Sector | str] | None = None,
    municipality: Municipality | str | None = None,
    **fields,
) -> Actor:
    """A published actor in Ullensaker in the music sector unless told otherwise.

    `sectors` and `municipality` accept objects or slugs.
    """
    n = next(_counter)
    ensure_seeded()
    if municipality is None or isinstance(municipality, str):
        municipality = Municipality.objects.get(slug=municipality or "ullensaker")
    fields.setdefault("kind", Actor.Kind.ARTIST)
    fields.setdefault("pitch", f"Aktør nummer {n} i testene.")
    fields.setdefault("status", Actor.Status.PUBLISHED)
    actor = Actor(name=name or f"Testaktør {n}", municipality=municipality, **fields)
    actor.save()
    wanted = sectors if sectors is not None else ["musikk"]
    actor.sectors.set([s if isinstance(s, Sector) else Sector.objects.get(slug=s) for s in wanted])
    # Sectors are part of the search document; changing them is an explicit step.
    actor.refresh_search_index()
    return actor


def make_image_bytes(
    width: int = 800,
    height: int = 600,
    *,
    fmt: str = "JPEG",
    color: tuple[int, int, int] = (40, 120, 130),
    exif: Image.Exif | None = None,
) -> bytes:
    """An in-memory image file, optionally with EXIF data (orientation, GPS…)."""
    image = Image.new("RGB", (width, height), color)
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def confirm_email(user, *, verified: bool = True):
    """Give the account a primary address as allauth keeps it: confirmed unless told not."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email.lower(), defaults={"verified": verified, "primary": True}
    )
    return user
