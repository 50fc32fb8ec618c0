"""Duplicate warnings before saving: same org number, same e-mail, very similar name and place."""

import pytest

from actors.duplicates import find_duplicates
from actors.models import Actor
from tests.factories import make_actor, municipality
from tests.portal.test_history import post_data

pytestmark = pytest.mark.django_db

ADD = "/admin/actors/actor/add/"


def add_actor(client, **fields):
    form = client.get(ADD).context["adminform"].form
    data = post_data(
        form,
        kind=Actor.Kind.COMPANY,
        status=Actor.Status.PUBLISHED,
        pitch="Ny aktør.",
        sectors=[str(Actor.sectors.field.related_model.objects.get(slug="design").pk)],
        **fields,
    )
    data.update(
        {
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "9",
        }
    )
    return client.post(ADD, data)


@pytest.fixture
def nes_keramikk():
    return make_actor(
        "Nes keramikk", municipality="nes", org_number="988077917", email="post@neskeramikk.no"
    )


def test_same_org_number_under_another_name_is_warned_with_a_link(coordinator_client, nes_keramikk):
    nes = municipality("nes").pk
    response = add_actor(
        coordinator_client, name="Vorma Leire", municipality=str(nes), org_number="988077917"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Denne aktøren kan finnes fra før:" in html
    assert f'<a href="/admin/actors/actor/{nes_keramikk.pk}/change/">Nes keramikk</a>' in html
    assert "samme organisasjonsnummer" in html
    assert 'value="Vorma Leire"' in html  # what was typed is kept
    assert not Actor.objects.filter(name="Vorma Leire").exists()


def test_saving_anyway_saves(coordinator_client, nes_keramikk):
    nes = municipality("nes").pk
    response = add_actor(
        coordinator_client,
        name="Nes Keramikk AS",
        municipality=str(nes),
        save_anyway="on",
    )

    assert response.status_code == 302
    assert Actor.objects.filter(name="Nes Keramikk AS").exists()


def test_similar_name_same_place_and_same_email_are_found(nes_keramikk):
    nes = municipality("nes")

    similar = find_duplicates(name="Nes Keramikk AS", municipality=nes)
    elsewhere = find_duplicates(name="Nes Keramikk AS", municipality=municipality("eidsvoll"))
    same_email = find_duplicates(
        name="Helt annet", municipality=municipality("hurdal"), email="POST@neskeramikk.no"
    )
    different = find_duplicates(name="Nes teater", municipality=nes)

    assert [(d.actor, d.reason) for d in similar] == [
        (nes_keramikk, "nesten samme navn i samme kommune")
    ]
    assert elsewhere == []
    assert [(d.actor, d.reason) for d in same_email] == [(nes_keramikk, "samme e-postadresse")]
    assert different == []


def test_editing_the_actor_itself_is_no_duplicate(coordinator_client, nes_keramikk):
    from tests.factories import admin_change_actor

    response = admin_change_actor(coordinator_client, nes_keramikk, pitch="Ny tekst.")

    assert response.status_code == 302
