"""Samarbeidstorget in a real browser: axe-core finds no WCAG 2.1 A/AA violation and the
HTML is valid on the list with its filters open, an opportunity (as visitor and as its
poster) and the post form with errors, in Norwegian and English, on a phone and a desktop.

With SCREENSHOT_DIR set, each page is also saved there as a full-page PNG.
"""

import os
from pathlib import Path

import pytest
from django.test import Client

from actors.models import Actor
from opportunities.models import Opportunity
from tests.browser.axe import assert_no_axe_violations
from tests.factories import ensure_seeded, make_actor, make_member, make_opportunity, sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Kind = Opportunity.Kind


@pytest.fixture
def board():
    ensure_seeded()
    owner = make_member("kulturhus", email="kulturhus@example.no")
    house = make_actor(
        "Nannestad kulturhus", municipality="nannestad", kind=Actor.Kind.VENUE, owner=owner
    )
    festival = make_actor("Festivalen Glomma Lys", municipality="nes", kind=Actor.Kind.FESTIVAL)
    call = make_opportunity(
        house,
        title="Lokale band til sommerscenen",
        description="Fire torsdagskonserter i juni.\n\nSend lenke til musikken.",
        budget="12 000 kr per konsert",
        featured=True,
        sectors=[sector("musikk"), sector("scener-gallerier-og-kulturhus")],
    )
    make_opportunity(festival, title="Frivillige til festivalen", kind=Kind.PARTNER,
                     municipality=festival.municipality,
                     sectors=[sector("festivaler-og-arrangementer")])  # fmt: skip
    make_opportunity(festival, title="Lysdesigner til elvebredden", kind=Kind.GIG,
                     municipality=festival.municipality, sectors=[sector("visuell-kunst")])  # fmt: skip
    return {"owner": owner, "call": call}


def _page(browser, live_server, language: str, width: int, user=None):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="nb-NO", timezone_id="Europe/Oslo"
    )
    context.set_default_timeout(10_000)
    cookies = [{"name": "django_language", "value": language, "url": live_server.url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies.append(
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        )
    context.add_cookies(cookies)
    return context, context.new_page()


def _shoot(page, name: str, language: str, width: int) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}-{language}-{width}.png", full_page=True)


LANGUAGES_AND_WIDTHS = [("nb", 390), ("nb", 1280), ("en", 390), ("en", 1280)]


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AND_WIDTHS)
def test_the_list_with_filters_open_has_no_axe_violations(
    browser, live_server, board, language, width
):
    context, page = _page(browser, live_server, language, width)
    page.goto(live_server.url + "/samarbeid/?kommune=nes&bransje=visuell-kunst")
    panel = page.locator("[data-filter-panel]")
    if panel.get_attribute("open") is None:  # folded on phones by the script
        page.locator("[data-filter-panel] summary").click()

    assert page.locator(".opportunity-card").count() == 1
    assert_no_axe_violations(page)
    _shoot(page, "list", language, width)
    context.close()


def test_ticking_a_filter_updates_the_results_without_a_reload(browser, live_server, board):
    context, page = _page(browser, live_server, "nb", 1280)
    page.goto(live_server.url + "/samarbeid/")
    assert page.locator(".opportunity-card").count() == 3

    # Two in Nes and one for the whole region: three (the count says so before ticking).
    page.get_by_label("Nes (3)").check()
    page.wait_for_url("**/samarbeid/?kommune=nes")

    assert page.locator(".opportunity-card").count() == 3
    assert page.locator("#result-count").inner_text().startswith("3")
    page.get_by_label("Søker samarbeidspartner (1)").check()
    page.wait_for_url("**/samarbeid/?type=partner&kommune=nes")
    assert page.locator(".opportunity-card").count() == 1
    context.close()


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AND_WIDTHS)
def test_the_opportunity_page_has_no_axe_violations_for_visitor_and_poster(
    browser, live_server, board, language, width
):
    url = live_server.url + board["call"].get_absolute_url()
    context, page = _page(browser, live_server, language, width)
    page.goto(url)
    assert page.locator("h1").inner_text() == "Lokale band til sommerscenen"
    assert_no_axe_violations(page)
    _shoot(page, "detail", language, width)
    context.close()

    context, page = _page(browser, live_server, language, width, user=board["owner"])
    page.goto(url)
    assert page.locator("form[action$='/lukk/']").is_visible()
    assert_no_axe_violations(page)
    _shoot(page, "detail-poster", language, width)
    context.close()


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AND_WIDTHS)
def test_the_post_form_with_errors_has_no_axe_violations(
    browser, live_server, board, language, width
):
    context, page = _page(browser, live_server, language, width, user=board["owner"])
    page.goto(live_server.url + "/samarbeid/ny/")
    page.locator("#id_title").fill("Band\u202esøkes")
    page.locator("#id_budget").fill("12 000 kr")
    page.locator("main form[method=post] button[type=submit]").click()

    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_budget").input_value() == "12 000 kr"
    assert_no_axe_violations(page)
    _shoot(page, "form-errors", language, width)
    context.close()
