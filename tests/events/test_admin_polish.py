"""Admin polish found by trying it: the venue is chosen by searching actors."""

import re

import pytest

from actors.models import Actor
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def test_venue_is_an_autocomplete_that_finds_actors_by_name(coordinator_client):
    make_actor("Tunet bar", kind=Actor.Kind.VENUE)
    event = make_event()

    html = coordinator_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    venue = re.search(r'<select name="venue"[^>]*>', html).group(0)
    assert "admin-autocomplete" in venue
    assert 'id="id_venue" class="vForeignKeyRawIdAdminField"' not in html

    found = coordinator_client.get(
        "/admin/autocomplete/",
        {"term": "tunet", "app_label": "events", "model_name": "event", "field_name": "venue"},
    ).json()
    assert [item["text"] for item in found["results"]] == ["Tunet bar"]


def test_no_english_left_in_the_norwegian_admin(coordinator_client):
    make_actor("Tunet bar", kind=Actor.Kind.VENUE)

    changelist = coordinator_client.get("/admin/actors/actor/").content.decode()
    errors = coordinator_client.post("/admin/actors/actor/add/", {"name": ""}).content.decode()
    counted = coordinator_client.get("/admin/actors/actor/?_facets=True").content.decode()

    assert "Show counts" not in changelist and "Vis antall" in changelist
    assert "Hide counts" not in counted and "Skjul antall" in counted
    assert "Please correct" not in errors and "Rett feilene nedenfor." in errors
    assert "Skip to main content" not in changelist and "Gå til hovedinnholdet" in changelist
