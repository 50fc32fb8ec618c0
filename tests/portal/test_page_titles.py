"""Every state of a page has a title of its own (2.4.2): a form with errors begins with
"Feil:", a filtered list or a later page says so, and a cancellation says it is done."""

import re

import pytest

from events.links import cancel_token
from tests.factories import make_actor, make_event, make_registration, registration_data

pytestmark = pytest.mark.django_db


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_form_with_errors_has_error_in_title(client):
    event = make_event(title="Nettverksmøte")
    url = f"{event.get_absolute_url()}pamelding/"

    assert not _title(client.get(url)).startswith("Feil:")
    assert _title(client.post(url, registration_data(email="ikke-en-adresse"))).startswith(
        "Feil: Påmelding"
    )


def test_english_form_with_errors_has_error_in_title(english):
    event = make_event(title="Nettverksmøte")

    response = english.post(f"{event.get_absolute_url()}pamelding/", {})

    assert _title(response).startswith("Error: ")


def test_filtered_directory_and_later_pages_say_so_in_the_title(client):
    make_actor("Vorma Keramikk", municipality="nes")

    assert _title(client.get("/aktorer/")).startswith("Aktører ·")
    assert _title(client.get("/aktorer/?kommune=nes")).startswith("Aktører (filtrert) ·")
    assert _title(client.get("/aktorer/?kommune=nes&side=2")).startswith(
        "Aktører (filtrert, side 2) ·"
    )
    assert _title(client.get("/aktorer/?sortering=navn")).startswith("Aktører ·")


def test_filtered_event_list_says_so_in_the_title(client):
    make_event()

    assert _title(client.get("/arrangementer/?type=course")).startswith(
        "Arrangementer (filtrert) ·"
    )
    client.cookies["django_language"] = "en"
    assert _title(client.get("/arrangementer/?type=course&side=2")).startswith(
        "Events (filtered, page 2) ·"
    )


def test_cancelled_registration_has_its_own_title(client):
    registration = make_registration(make_event())
    url = f"/arrangementer/avmelding/{cancel_token(registration)}/"

    assert _title(client.get(url)).startswith("Avmelding ·")
    assert _title(client.post(url, follow=True)).startswith("Du er meldt av ·")
