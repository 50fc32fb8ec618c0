"""Small helpers that build real objects for tests; no JSON fixtures, no factory library.

Every helper takes keyword arguments for the fields a test cares about and fills in
the rest with plausible Norwegian values. The personas (visitor, member, coordinator)
are fixtures in tests/conftest.py, built from `make_member` and `make_coordinator`.
"""

import importlib
import io
import itertools
import struct
import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from actors.models import Actor, ActorImage, Municipality, Sector
from events.models import Event, Registration

OSLO = ZoneInfo("Europe/Oslo")
PASSWORD = "passord-for-test"
_counter = itertools.count(1)


# --- Places and sectors ---------------------------------------------------------------


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


# --- People -------------------------------------------------------------------------


def make_user(
    username: str | None = None, *, password: str = PASSWORD, staff: bool = False, **fields
):
    """An active account; `staff=True` makes a coordinator (prefer `make_coordinator`)."""
    username = username or f"bruker{next(_counter)}"
    fields.setdefault("email", f"{username}@example.no")
    if staff:
        fields.setdefault("is_staff", True)
    return get_user_model().objects.create_user(username=username, password=password, **fields)


def logged_in(user, **client_kwargs):
    """A test client of its own, logged in as `user` (Client options as keywords)."""
    from django.test import Client

    client = Client(**client_kwargs)
    client.force_login(user)
    return client


def make_member(username: str | None = None, **fields):
    """A member: an account with a confirmed e-mail address (`is_member` accepts it)."""
    return confirm_email(make_user(username, **fields))


def make_unconfirmed(username: str | None = None, **fields):
    """An account that signed up but has not confirmed its address: not a member."""
    return confirm_email(make_user(username, **fields), verified=False)


def make_coordinator(username: str | None = None, **fields):
    """A coordinator: staff and superuser, as the network's coordinators are in the admin.

    Confirmed, as the coordinators' addresses are (accounts migration 0002), so they
    can log in on the one login page.
    """
    fields.setdefault("is_superuser", True)
    return confirm_email(make_user(username, staff=True, **fields))


# Older name, kept so the many admin tests read as before.
make_staff = make_coordinator


# --- The directory ------------------------------------------------------------------


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
    return actor


def make_full_profile(name: str = "Vorma Keramikk", *, gallery: int = 1, **fields) -> Actor:
    """A published profile with every field filled in, public contact details, a logo and
    `gallery` pictures: what the accessibility tests look at."""
    values = {
        "municipality": "nes",
        "sectors": ["kunsthandverk", "visuell-kunst"],
        "pitch": "Dreier kopper og fat i steintøy.",
        "description": "Verkstedet ligger ved Vorma.\n\nVi har åpent i helgene.",
        "offers": "Servise på bestilling.",
        "looking_for": "Kafeer som vil ha lokalt servise.",
        "org_number": "988077917",
        "website": "https://vorma.example.no/",
        "open_for_collaboration": True,
        "available_for_hire": True,
        "contact_person": "Kari Nilsen",
        "contact_person_visibility": "public",
        "email": "post@vorma.example.no",
        "address": "Elvegata 1",
        "postal_code": "2150",
        "postal_place": "Årnes",
    }
    values.update(fields)
    actor = make_actor(name, **values)
    add_image(actor, role=ActorImage.Role.LOGO)
    for position in range(gallery):
        add_image(actor, position=position)
    return actor


def make_venue(**fields) -> Actor:
    """A published venue with a street address, for events held there."""
    defaults = {
        "name": "Tunet bar",
        "kind": Actor.Kind.VENUE,
        "municipality": municipality("ullensaker"),
        "pitch": "Bar og scene på Jessheim.",
        "address": "Storgata 1",
        "postal_code": "2050",
        "postal_place": "Jessheim",
        "status": Actor.Status.PUBLISHED,
    }
    defaults.update(fields)
    return Actor.objects.create(**defaults)


# --- Images -------------------------------------------------------------------------


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


def png_bomb(width: int = 10_000, height: int = 10_000) -> bytes:
    """A small, valid-looking PNG whose header declares width × height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * (width + 1) * 1000, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(data: bytes, name: str = "bilde.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def image_form(actor: Actor, data: bytes, **fields):
    """The upload form a coordinator fills in for one image of `actor`."""
    from actors.forms import ActorImageForm

    return ActorImageForm(
        data={"role": "gallery", "alt_text": "Kopper på en hylle", "position": 0, **fields},
        files={"upload": upload(data)},
        instance=ActorImage(actor=actor),
    )


def add_image(actor: Actor, *, role: str = ActorImage.Role.GALLERY, position: int = 0):
    form = image_form(actor, make_image_bytes(1600, 1000), role=role, position=position)
    assert form.is_valid(), form.errors
    return form.save()


def admin_change_actor(client, actor: Actor, images: list[dict] = (), **overrides):
    """POST the admin's change form for `actor` as a coordinator, with new images and changes."""
    client.force_login(make_coordinator())
    url = f"/admin/actors/actor/{actor.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in ("sectors", "owner")
    }
    data["sectors"] = [s.pk for s in actor.sectors.all()]
    data["municipality"] = actor.municipality_id
    data.update(
        {
            "images-TOTAL_FORMS": str(len(images)),
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "9",
        }
    )
    for i, image in enumerate(images):
        data.update({f"images-{i}-{key}": value for key, value in image.items()})
    data.update(overrides)
    return client.post(url, data)


# --- Events -------------------------------------------------------------------------


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


def make_event(**fields) -> Event:
    """A published network meeting in Ullensaker in two weeks, 40 seats."""
    n = next(_counter)
    starts_at = fields.pop("starts_at", timezone.now() + timedelta(days=14))
    defaults = {
        "kind": Event.Kind.NETWORK_MEETING,
        "title": f"Nettverksmøte {n}",
        "summary": "Innledere, mingling og god mat.",
        "starts_at": starts_at,
        "ends_at": fields.pop("ends_at", starts_at + timedelta(hours=3)),
        "place_name": "Galleri Jessheim",
        "municipality": municipality("ullensaker"),
        "status": Event.Status.PUBLISHED,
        "capacity": 40,
    }
    defaults.update(fields)
    return Event.objects.create(**defaults)


def make_registration(event: Event, **fields) -> Registration:
    n = next(_counter)
    defaults = {
        "name": f"Deltaker {n}",
        "email": f"deltaker{n}@example.no",
        "consent": True,
        "municipality": municipality("eidsvoll"),
    }
    defaults.update(fields)
    return Registration.objects.create(event=event, **defaults)


def registration_data(**overrides) -> dict:
    """The registration form as a visitor fills it in; None leaves a field out."""
    data = {
        "name": "Kari Nordmann",
        "email": "kari@example.no",
        "phone": "",
        "organisation": "Studio Nordlys",
        "municipality": municipality("nes").pk,
        "diets": ["vegetarian"],
        "diet_other": "",
        "show_name": "on",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --- Samarbeidstorget ---------------------------------------------------------------


def make_opportunity(actor: Actor | None = None, *, sectors=(), **fields):
    """An open opportunity (posted by a published profile unless `actor` is given)."""
    from opportunities.models import Opportunity

    n = next(_counter)
    actor = actor or make_actor(name=f"Kulturhus {n}", kind=Actor.Kind.VENUE)
    values = {
        "title": f"Vi søker musikere til sommerkonsert {n}",
        "kind": Opportunity.Kind.OPEN_CALL,
        "description": "Kulturhuset søker lokale musikere til en konsert i juni.",
        "created_by": actor.owner,
    }
    values.update(fields)
    opportunity = Opportunity.objects.create(actor=actor, **values)
    opportunity.sectors.set(sectors or [sector("musikk")])
    return opportunity
