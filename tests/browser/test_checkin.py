"""Check-in at the door on a phone: in place without reload, waiting list asks, walk-ins."""

import pytest
from playwright.sync_api import expect

from events.models import Registration
from tests.browser import checks
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_statistics import log_in_as_coordinator
from tests.factories import ensure_seeded, make_event, make_registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_checkin_journey_on_a_phone(phone_page, live_server):
    ensure_seeded()
    event = make_event()
    for n in range(25):
        make_registration(event, name=f"Deltaker {n:02d}")
    kari = make_registration(event, name="Kari Nordmann")
    vera = make_registration(event, name="Vera Venter", status=Registration.Status.WAITING)
    page = phone_page
    log_in_as_coordinator(page, live_server)
    page.goto(f"{live_server.url}/arrangementer/{event.slug}/innsjekk/")
    assert_no_axe_violations(page)

    # Ticking in: no reload, the search text and the scroll position stay.
    page.get_by_label("Søk etter navn").fill("Kari")
    page.evaluate("window.scrollTo(0, 200); window.stillHere = true")
    scrolled = page.evaluate("window.scrollY")
    page.get_by_role("button", name="Sjekk inn Kari Nordmann").click()
    expect(
        page.get_by_role("button", name="Møtt – Kari Nordmann. Trykk for å angre innsjekken.")
    ).to_contain_text("✓ Møtt")
    # The result is announced (4.1.3).
    expect(page.locator("#checkin-status")).to_have_text(
        "Kari Nordmann er sjekket inn. 1 har møtt."
    )
    assert page.evaluate("window.stillHere") is True
    assert page.get_by_label("Søk etter navn").input_value() == "Kari"
    assert page.evaluate("window.scrollY") == scrolled
    expect(page.locator('[data-count="attended"]')).to_have_text("1")
    kari.refresh_from_db()
    assert kari.attended

    # The waiting list asks first; saying no changes nothing, yes checks in.
    page.get_by_label("Søk etter navn").fill("Vera")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Sjekk inn Vera Venter").click()
    page.wait_for_timeout(300)
    vera.refresh_from_db()
    assert not vera.attended
    questions = []

    def accept(dialog):
        questions.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name="Sjekk inn Vera Venter").click()
    expect(
        page.get_by_role("button", name="Møtt – Vera Venter. Trykk for å angre innsjekken.")
    ).to_be_visible()
    assert questions == ["Vera Venter står på ventelisten. Vil du sjekke inn likevel?"]
    vera.refresh_from_db()
    assert vera.attended and vera.status == Registration.Status.CONFIRMED

    # A walk-in is added on the spot and counted.
    page.get_by_label("Navn", exact=True).fill("Dora Dørgjest")
    page.get_by_label("Hjemkommune").select_option(label="Nes")
    page.get_by_role("button", name="Legg til og sjekk inn").click()
    expect(page.get_by_text("Dora Dørgjest er lagt til og sjekket inn.")).to_be_visible()
    expect(page.locator('[data-count="walk_ins"]')).to_have_text("1")
    assert event.registrations.get(name="Dora Dørgjest").walk_in
    assert_no_axe_violations(page)


def test_checkin_buttons_are_named_by_what_they_show_and_searching_is_announced(
    phone_page, live_server
):
    """2.5.3: a speech-input user says "Møtt" or "Sjekk inn" and reaches the button.
    4.1.3: the number of matches while typing, and no matches, are announced."""
    ensure_seeded()
    event = make_event()
    make_registration(event, name="Ola Hansen", attended=True)
    make_registration(event, name="Kari Nordmann")
    make_registration(event, name="Kari Hansen")
    page = phone_page
    log_in_as_coordinator(page, live_server)
    page.goto(f"{live_server.url}/arrangementer/{event.slug}/innsjekk/")

    cdp = page.context.new_cdp_session(page)
    assert checks.label_in_name_problems(page, cdp) == []
    for button in page.locator("[data-checkin-button]").all():
        shown = " ".join(
            button.evaluate(f"el => ({checks.VISIBLE_TEXT_JS}).call(el)").replace("✓", "").split()
        )
        name = checks.accessible_name(cdp, button)
        assert name.startswith(shown), (shown, name)

    status = page.locator("#checkin-status")
    page.get_by_label("Søk etter navn").fill("kari")
    expect(status).to_have_text("2 treff.")
    page.get_by_label("Søk etter navn").fill("kari n")
    expect(status).to_have_text("1 treff.")
    page.get_by_label("Søk etter navn").fill("zzz")
    expect(status).to_have_text("Ingen med det navnet.")
