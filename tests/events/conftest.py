"""Builders for the events tests: real rows, plausible Norwegian values."""

import importlib
import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from actors.models import Actor, Municipality
from events.models import Event, Registration

OSLO = ZoneInfo("Europe/Oslo")
_counter = itertools.count(1)


def municipality(slug: str) -> Municipality:
    """A seeded municipality; transactional tests flush the migration's rows, so re-seed."""
    if not Municipality.objects.exists():
        seeded = importlib.import_module("actors.migrations.0002_seed_municipalities_and_sectors")
        for name, slug_, number in seeded.MUNICIPALITIES:
            Municipality.objects.create(name=name, slug=slug_, number=number)
    return Municipality.objects.get(slug=slug)


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


def make_event(**fields) -> Event:
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


def make_venue(**fields) -> Actor:
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


def make_user(*, staff: bool = False, **fields):
    n = next(_counter)
    return get_user_model().objects.create_user(
        username=f"bruker{n}",
        password="passord-for-test",
        email=fields.pop("email", f"bruker{n}@example.no"),
        is_staff=staff,
        **fields,
    )


def registration_data(**overrides) -> dict:
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


@pytest.fixture
def event(db) -> Event:
    return make_event()
