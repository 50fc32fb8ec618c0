"""Visitors register, cancel and meet a full event on a phone; axe on the event pages."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from events.models import Registration
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_coordinator, make_event, make_registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_registration(page, name: str, email: str) -> None:
    page.get_by_label("Navn", exact=True).fill(name)
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Hjemkommune").select_option(label="Nes")
    page.get_by_label("Vegetar").check()
    page.get_by_label(re.compile("Jeg har lest personvernerklæringen")).check()


def test_visitor_registers_on_phone_and_cancels_from_the_email(phone_page, live_server):
    event = make_event(title="Nettverksmøte i Nannestad", capacity=30)

    phone_page.goto(live_server.url + event.get_absolute_url())
    # The event page has no form for visitors (so it can be cached): a step of its own.
    phone_page.get_by_role("link", name="Meld meg på").click()
    _fill_registration(phone_page, "Kari Nordmann", "kari@example.no")
    phone_page.get_by_role("button", name="Meld meg på").click()

    confirmation = phone_page.get_by_text("Takk, du er påmeldt!")
    assert confirmation.is_visible()
    box = confirmation.bounding_box()
    assert 0 <= box["y"] < phone_page.viewport_size["height"], (
        "confirmation is scrolled out of view"
    )
    [message] = [m for m in mail.outbox if m.to == ["kari@example.no"]]
    link = re.search(r"https?://\S+/arrangementer/avmelding/\S+/", message.body).group(0)
    phone_page.goto(link.replace(settings.SITE_URL, live_server.url))
    phone_page.get_by_role("button", name="Ja, meld meg av").click()

    assert phone_page.get_by_text("Du er meldt av").first.is_visible()
    assert Registration.objects.get(email="kari@example.no").status == "cancelled"


def test_last_seat_goes_and_the_next_visitor_lands_on_the_waiting_list(
    browser, phone_page, live_server
):
    event = make_event(title="Kurs i prosjektsøknader", capacity=2)
    make_registration(event)

    phone_page.goto(live_server.url + event.get_absolute_url())
    assert phone_page.get_by_text("1 ledig plass").first.is_visible()
    phone_page.get_by_role("link", name="Meld meg på").click()
    _fill_registration(phone_page, "Siste Plass", "siste@example.no")
    phone_page.get_by_role("button", name="Meld meg på").click()
    assert phone_page.get_by_text("Takk, du er påmeldt!").is_visible()

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO")
    next_visitor = context.new_page()
    next_visitor.goto(live_server.url + event.get_absolute_url())
    assert next_visitor.get_by_text("Fullt – venteliste").first.is_visible()
    next_visitor.get_by_role("link", name="Sett meg på ventelisten").click()
    _fill_registration(next_visitor, "Neste Person", "neste@example.no")
    next_visitor.get_by_role("button", name="Sett meg på ventelisten").click()

    assert next_visitor.get_by_text("Du står som nr. 1 på ventelisten").is_visible()
    assert Registration.objects.get(email="neste@example.no").status == "waiting"
    context.close()


def test_event_list_has_no_axe_violations(phone_page, live_server):
    make_event(title="Nettverksmøte")
    full = make_event(title="Fullt treff", capacity=1)
    make_registration(full)

    phone_page.goto(live_server.url + "/arrangementer/")

    assert_no_axe_violations(phone_page)


def test_event_page_with_form_errors_has_no_axe_violations(page, live_server):
    event = make_event(title="Sosialt treff", description="Pizza og åpen scene.")
    event.speakers.create(name="Marius Lien", role="Spellemannprisvinner")

    page.goto(live_server.url + event.get_absolute_url())
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Meld meg på").click()
    page.get_by_label("E-post").fill("ikke-en-adresse")
    page.get_by_role("button", name="Meld meg på").click()

    assert page.get_by_text("Noe må rettes").is_visible()
    assert page.get_by_label("E-post").input_value() == "ikke-en-adresse"
    assert_no_axe_violations(page)


def test_checkin_page_for_staff_has_no_axe_violations(phone_page, live_server):
    event = make_event(title="Nettverksmøte")
    make_registration(event, name="Kari Nordmann")
    make_registration(event, name="Ola Hansen", attended=True)
    client = Client()
    client.force_login(make_coordinator())
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    phone_page.goto(f"{live_server.url}/arrangementer/{event.slug}/innsjekk/")
    phone_page.get_by_role("button", name="Sjekk inn Kari Nordmann").click()

    # The row changes in place (JavaScript): wait for it rather than for a new page.
    expect(
        phone_page.get_by_role("button", name="Møtt – Kari Nordmann. Trykk for å angre innsjekken.")
    ).to_be_visible()
    phone_page.get_by_label("Søk etter navn").fill("ola")
    assert not phone_page.locator(".checkin__name", has_text="Kari Nordmann").is_visible()
    assert_no_axe_violations(phone_page)
