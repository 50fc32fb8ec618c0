"""The event list's rules at their edges: events that start at the same time, the
list's defaults, and the year, which narrows only past events.

A tie must be broken the same way on every request, or an event can show on two
pages of the list and another on none.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import make_event, oslo

pytestmark = pytest.mark.django_db


def test_upcoming_events_that_start_together_come_in_the_order_they_were_added():
    # A cancelled event is still listed; SQLite reads it first (its status index),
    # so only the tie-break puts the earlier one first.
    at = timezone.now() + timedelta(days=3)
    make_event(title="Først lagt inn", starts_at=at)
    make_event(title="Lagt inn etterpå", starts_at=at, status=Event.Status.CANCELLED)

    titles = [e.title for e in Event.objects.published().upcoming()]

    assert titles == ["Først lagt inn", "Lagt inn etterpå"]


def test_past_events_that_started_together_come_newest_added_first():
    at = timezone.now() - timedelta(days=3)
    make_event(title="Først lagt inn", starts_at=at)
    make_event(title="Lagt inn etterpå", starts_at=at)

    titles = [e.title for e in Event.objects.published().past()]

    assert titles == ["Lagt inn etterpå", "Først lagt inn"]


def test_the_list_without_filters_is_every_upcoming_event():
    make_event(title="Kommende kurs", kind=Event.Kind.COURSE)
    make_event(title="Kommende møte")
    past = timezone.now() - timedelta(days=3)
    make_event(title="Forrige møte", starts_at=past)

    titles = [e.title for e in Event.objects.published().listed()]

    assert titles == ["Kommende kurs", "Kommende møte"]


def test_a_year_chosen_on_the_upcoming_list_changes_nothing(client):
    make_event(title="Kommende treff")
    make_event(title="Møte i 2024", starts_at=oslo(2024, 1, 23, 11))  # makes 2024 a choice

    upcoming = client.get("/arrangementer/?ar=2024").content.decode()

    assert "Kommende treff" in upcoming
    assert "Møte i 2024" not in upcoming
