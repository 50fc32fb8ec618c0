"""The coordinators' admin for actors: list, filters, search, actions, formatted numbers."""

import pytest

from actors.models import Actor
from tests.factories import admin_change_actor, make_actor

pytestmark = pytest.mark.django_db

LIST = "/admin/actors/actor/"


def test_list_shows_status_municipality_sectors_and_formatted_numbers(coordinator_client):
    make_actor(
        "Vorma Keramikk",
        municipality="nes",
        sectors=["kunsthandverk"],
        org_number="988077917",
        phone="+4741234567",
        status=Actor.Status.PENDING,
    )

    html = coordinator_client.get(LIST).content.decode()

    for text in (
        "Vorma Keramikk",
        "Til godkjenning",
        "Nes",
        "Kunsthåndverk",
        "988 077 917",
        "41 23 45 67",
    ):
        assert text in html, text
    assert 'href="/aktorer/vorma-keramikk/"' in html


def test_list_query_count_does_not_grow_with_actors(
    coordinator_client, django_assert_max_num_queries
):
    for n in range(3):
        make_actor(f"Aktør {n}", sectors=["musikk", "design"])
    with django_assert_max_num_queries(20) as few:
        coordinator_client.get(LIST)
    for n in range(3, 30):
        make_actor(f"Aktør {n}", sectors=["musikk", "design"])
    with django_assert_max_num_queries(20) as many:
        coordinator_client.get(LIST)

    assert len(few.captured_queries) == len(many.captured_queries)


def test_list_filters_and_search(coordinator_client):
    make_actor("Eidsvoll Jazzlag", municipality="eidsvoll", sectors=["musikk"])
    make_actor("Nes Keramikk", municipality="nes", sectors=["kunsthandverk"])
    eidsvoll = Actor.objects.get(name="Eidsvoll Jazzlag").municipality_id

    by_municipality = coordinator_client.get(f"{LIST}?municipality__id__exact={eidsvoll}")
    by_search = coordinator_client.get(f"{LIST}?q=keramikk")

    assert [a.name for a in by_municipality.context["cl"].result_list] == ["Eidsvoll Jazzlag"]
    assert [a.name for a in by_search.context["cl"].result_list] == ["Nes Keramikk"]


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("publish", Actor.Status.PUBLISHED),
        ("hide", Actor.Status.HIDDEN),
        ("send_to_review", Actor.Status.PENDING),
    ],
)
def test_actions_change_status_of_the_chosen_actors(coordinator_client, action, status):
    chosen = [make_actor(f"Valgt {n}", status=Actor.Status.DRAFT) for n in range(2)]
    other = make_actor("Ikke valgt", status=Actor.Status.DRAFT)

    response = coordinator_client.post(
        LIST, {"action": action, "_selected_action": [a.pk for a in chosen]}, follow=True
    )

    assert response.status_code == 200
    assert {a.status for a in Actor.objects.filter(pk__in=[a.pk for a in chosen])} == {status}
    assert Actor.objects.get(pk=other.pk).status == Actor.Status.DRAFT
    assert "2 aktører er" in response.content.decode()


def test_publishing_sets_published_at_once(coordinator_client):
    draft = make_actor("Utkast", status=Actor.Status.DRAFT)
    assert draft.published_at is None

    coordinator_client.post(LIST, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    first = draft.published_at
    coordinator_client.post(LIST, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()

    assert first is not None and draft.published_at == first


def test_sector_and_municipality_autocomplete(coordinator_client):
    response = coordinator_client.get(
        "/admin/autocomplete/",
        {"term": "mus", "app_label": "actors", "model_name": "actor", "field_name": "sectors"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Musikk"]


def test_members_without_staff_rights_cannot_use_the_admin(member_client):
    response = member_client.get(LIST)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_add_form_renders_for_coordinators(coordinator_client):
    assert coordinator_client.get("/admin/actors/actor/add/").status_code == 200


def test_changing_sectors_in_the_admin_updates_the_search_document(client):
    from actors.models import Sector

    actor = make_actor("Bytter bransje", sectors=["musikk"])

    arkitektur = Sector.objects.get(slug="arkitektur")

    response = admin_change_actor(client, actor, sectors=[arkitektur.pk])

    assert response.status_code == 302
    actor.refresh_from_db()
    assert "arkitektur" in actor.search_text
    assert "musikk" not in actor.search_text
