"""The people Samarbeidstorget must tell apart, around one open call.

- `poster`: a member who keeps the culture house that posted `call`;
- `musician`: a member with a published profile (and a pending one) who may answer;
- `unconfirmed`: an account whose e-mail is not confirmed (not a member);
- `visitor`: no account;
- `coordinator`: staff, runs the network.
"""

import pytest
from django.test import Client

from actors.models import Actor
from tests.factories import (
    logged_in,
    make_actor,
    make_coordinator,
    make_member,
    make_opportunity,
    make_unconfirmed,
)


@pytest.fixture
def poster(db):
    return make_member("kulturhuset", first_name="Kari", last_name="Kultur")


@pytest.fixture
def culture_house(poster):
    return make_actor(
        "Jessheim kulturhus", owner=poster, kind=Actor.Kind.VENUE, email="post@kulturhus.example"
    )


@pytest.fixture
def call(culture_house, poster):
    return make_opportunity(
        culture_house, title="Åpen utlysning: sommerkonsert i parken", created_by=poster
    )


@pytest.fixture
def musician(db):
    return make_member("musiker", first_name="Mari", last_name="Musiker")


@pytest.fixture
def band(musician):
    return make_actor("Mari og bandet", owner=musician)


@pytest.fixture
def clients(db, poster, musician, band) -> dict[str, Client]:
    return {
        "poster": logged_in(poster),
        "musician": logged_in(musician),
        "unconfirmed": logged_in(make_unconfirmed("ubekreftet")),
        "visitor": Client(),
        "coordinator": logged_in(make_coordinator("koordinator")),
    }
