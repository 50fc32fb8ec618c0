"""Check-in at the door: JSON in place, the waiting list asks first, walk-ins."""

import pytest

from events.models import Registration
from tests.factories import make_event, make_registration, municipality

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def url(event) -> str:
    return f"/arrangementer/{event.slug}/innsjekk/"


def test_ticking_in_with_javascript_answers_json_with_the_new_counts(coordinator_client):
    event = make_event()
    registration = make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)

    response = coordinator_client.post(url(event), {"registration": registration.pk}, **JSON)

    assert response.status_code == 200
    assert response.json() == {
        "id": registration.pk,
        "attended": True,
        "waiting": False,
        "counts": {"confirmed": 1, "attended": 1, "waiting": 1, "walk_ins": 0},
    }
    registration.refresh_from_db()
    assert registration.attended


def test_waiting_list_asks_first_with_and_without_javascript(coordinator_client):
    event = make_event()
    waiting = make_registration(event, name="Vera Venter", status=Registration.Status.WAITING)

    asked = coordinator_client.post(url(event), {"registration": waiting.pk}, **JSON)
    page = coordinator_client.post(url(event) + "?q=vera", {"registration": waiting.pk})

    assert asked.status_code == 409
    assert asked.json() == {
        "confirm": "Vera Venter står på ventelisten. Vil du sjekke inn likevel?"
    }
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vera Venter står på ventelisten" in html
    assert 'name="confirm" value="1"' in html and "?q=vera" in html
    waiting.refresh_from_db()
    assert not waiting.attended and waiting.status == Registration.Status.WAITING

    yes = coordinator_client.post(url(event), {"registration": waiting.pk, "confirm": "1"}, **JSON)

    assert yes.json()["attended"] is True and yes.json()["waiting"] is False
    waiting.refresh_from_db()
    assert waiting.attended and waiting.status == Registration.Status.CONFIRMED


def test_walk_in_is_added_checked_in_and_counted(coordinator_client):
    event = make_event()

    response = coordinator_client.post(
        url(event), {"name": "Dora Dørgjest", "email": "", "municipality": municipality("nes").pk}
    )
    second = coordinator_client.post(
        url(event), {"name": "Uten E-post", "email": "", "municipality": municipality("nes").pk}
    )

    walk_in = event.registrations.get(name="Dora Dørgjest")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#r-{walk_in.pk}")
    assert (walk_in.walk_in, walk_in.attended, walk_in.status) == (True, True, "confirmed")
    assert second.status_code == 302  # two walk-ins without e-mail do not collide
    page = coordinator_client.get(url(event))
    assert page.context["counts"]["walk_ins"] == 2
    assert "Dora Dørgjest" in page.content.decode()


def test_walk_in_form_explains_errors_in_norwegian_and_keeps_what_was_typed(coordinator_client):
    event = make_event()
    make_registration(event, email="kari@example.no")

    response = coordinator_client.post(
        url(event), {"name": "Kari Nordmann", "email": "kari@example.no", "municipality": ""}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Velg hjemkommunen, den brukes i statistikken." in html
    assert "Denne e-postadressen er allerede påmeldt." in html
    assert 'value="Kari Nordmann"' in html
    assert event.registrations.count() == 1


def test_walk_ins_are_for_coordinators_only(member_client):
    event = make_event()

    response = member_client.post(
        url(event), {"name": "X", "email": "", "municipality": municipality("nes").pk}
    )

    assert response.status_code == 403
    assert not event.registrations.exists()
