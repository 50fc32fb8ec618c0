"""Fixtures for the events tests; the builders are in tests/factories.py."""

import pytest

from events.models import Event
from tests.factories import make_event


@pytest.fixture
def event(db) -> Event:
    return make_event()
