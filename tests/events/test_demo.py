"""The events part of seed_demo: the network's history, plans, and fast synthetic data."""

import io

import pytest
from django.db.models import Count

from events import demo
from events.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_past_meetings_and_plans_once():
    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())

    past = Event.objects.published().past().annotate(n=Count("registrations"))
    assert {e.starts_at.date().isoformat() for e in past} == {
        "2023-11-20",
        "2024-01-23",
        "2024-04-04",
        "2024-06-06",
    }
    for event in past:
        assert 35 <= event.n <= 45
        municipalities = set(event.registrations.values_list("municipality__slug", flat=True))
        assert len(municipalities) == 6
    upcoming = Event.objects.published().upcoming()
    kinds = sorted(upcoming.values_list("kind", flat=True))
    assert kinds == sorted(["network_meeting", "network_meeting", "social", "course", "conference"])
    assert upcoming.get(kind="conference").starts_at.month == 4


def test_seed_demo_adds_synthetic_events_and_registrations():
    # How long this takes is measured by `make bench`, not asserted here.
    demo.seed(stdout=io.StringIO(), events=200, registrations=5000)

    assert Event.objects.filter(slug__startswith="testarrangement-").count() == 200
    assert Registration.objects.filter(email__startswith="test-").count() == 5000
