"""The search index keeps itself current, whichever way an actor's sectors change.

Every path below changes what an actor is found by; none of them calls a refresh
by hand (actors/signals.py does).
"""

import pytest

from actors.forms import ActorForm
from actors.models import Actor, Municipality, Sector
from tests.factories import admin_change_actor, make_actor, municipality, sector

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    response = client.get("/aktorer/", {"q": query})
    assert response.status_code == 200
    return [actor.name for actor in response.context["page_obj"].object_list]


@pytest.fixture
def actor() -> Actor:
    return make_actor("Lydmakerne", pitch="Vi lager lyd til alt.", sectors=["musikk"])


def _edit_in_form(actor: Actor, sectors: list[Sector]) -> None:
    form = ActorForm(
        instance=actor,
        data={
            "name": actor.name,
            "kind": actor.kind,
            "municipality": actor.municipality_id,
            "sectors": [s.pk for s in sectors],
            "pitch": actor.pitch,
            "contact_person_visibility": "members",
            "email_visibility": "members",
            "phone_visibility": "members",
            "address_visibility": "public",
            "status": actor.status,
        },
    )
    assert form.is_valid(), form.errors
    form.save()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda actor, new: _edit_in_form(actor, [new]), id="form"),
        pytest.param(lambda actor, new: actor.sectors.set([new]), id="sectors.set"),
        pytest.param(lambda actor, new: actor.sectors.add(new), id="sectors.add"),
        pytest.param(lambda actor, new: new.actors.add(actor), id="sector.actors.add"),
        pytest.param(lambda actor, new: new.actors.set([actor]), id="sector.actors.set"),
    ],
)
def test_actor_is_found_by_a_sector_it_was_given(visitor, actor, change):
    change(actor, sector("arkitektur"))

    assert found(visitor, "arkitektur") == ["Lydmakerne"]


def test_sector_given_in_the_admin_is_found(client, visitor, actor):
    response = admin_change_actor(client, actor, sectors=[sector("arkitektur").pk])

    assert response.status_code == 302
    assert found(visitor, "arkitektur") == ["Lydmakerne"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda actor, old: _edit_in_form(actor, [sector("design")]), id="form"),
        pytest.param(lambda actor, old: actor.sectors.remove(old), id="sectors.remove"),
        pytest.param(lambda actor, old: actor.sectors.clear(), id="sectors.clear"),
        pytest.param(lambda actor, old: old.actors.remove(actor), id="sector.actors.remove"),
        pytest.param(lambda actor, old: old.actors.clear(), id="sector.actors.clear"),
    ],
)
def test_actor_is_no_longer_found_by_a_sector_taken_away(visitor, actor, change):
    assert found(visitor, "musikk") == ["Lydmakerne"]

    change(actor, sector("musikk"))

    assert found(visitor, "musikk") == []


def test_renamed_sector_and_municipality_find_their_actors(visitor, actor):
    musikk = sector("musikk")
    musikk.name = "Lydkunst"
    musikk.save()
    ullensaker = municipality("ullensaker")
    ullensaker.name = "Ullensaker og Omegn"
    ullensaker.save()

    assert found(visitor, "lydkunst") == ["Lydmakerne"]
    assert found(visitor, "omegn") == ["Lydmakerne"]
    assert Municipality.objects.get(pk=ullensaker.pk).actors.count() == 1
