"""`manage.py seed_demo` as `make run` uses it: every run after the first adds nothing."""

import io

import pytest
from django.core.management import call_command

from actors.models import Actor, ActorImage
from events.models import Event, Registration, Speaker

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "actors": Actor.objects.count(),
        "actor sectors": Actor.sectors.through.objects.count(),
        "images": ActorImage.objects.count(),
        "events": Event.objects.count(),
        "speakers": Speaker.objects.count(),
        "registrations": Registration.objects.count(),
    }


def test_a_second_run_of_seed_demo_creates_nothing():
    call_command("seed_demo", stdout=io.StringIO())
    first = _counts()
    out = io.StringIO()

    call_command("seed_demo", stdout=out)

    assert _counts() == first
    assert first["actors"] >= 40 and first["events"] >= 9 and first["registrations"] > 200
    assert "Aktører: 0 nye demoaktører." in out.getvalue()
    assert "Arrangementer: 0 nye." in out.getvalue()
