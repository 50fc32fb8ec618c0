"""A visitor finds local actors on a phone: searches, filters by municipality and
sector, pages through the results and opens a profile; and the same without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_actor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory():
    for n in range(30):
        make_actor(
            f"Eidsvoll Musikklag {n:02d}",
            municipality="eidsvoll",
            sectors=["musikk"],
            pitch="Vi holder konserter i hele regionen.",
        )
    for n in range(4):
        make_actor(
            f"Nes Korforening {n}",
            municipality="nes",
            sectors=["musikk"],
            pitch="Konserter med kor.",
        )
    make_actor(
        "Eidsvoll Designverksted",
        municipality="eidsvoll",
        sectors=["design"],
        pitch="Vi lager plakater til konserter.",
    )
    make_actor("Hurdal Keramikk", municipality="hurdal", sectors=["kunsthandverk"])


def test_visitor_searches_filters_pages_and_opens_a_profile_on_a_phone(
    phone_page, live_server, directory
):
    page = phone_page
    page.goto(live_server.url + "/aktorer/")

    page.get_by_label("Søk i katalogen").fill("konsert")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"35\s+aktører"))

    page.get_by_text("Filtrer resultatene").click()
    page.get_by_label(re.compile(r"^Eidsvoll")).check()
    # JavaScript fetches the new results; the live region announces the count.
    expect(page.locator("#result-count")).to_have_text(re.compile(r"31\s+aktører"))
    page.get_by_label(re.compile(r"^Musikk")).check()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"30\s+aktører"))
    expect(page.get_by_label(re.compile(r"^Musikk"))).to_be_focused()
    assert "kommune=eidsvoll" in page.url and "bransje=musikk" in page.url
    # Gjerdrum has no such actor: shown with its count, but cannot be ticked.
    expect(page.get_by_label(re.compile(r"^Gjerdrum"))).to_be_disabled()
    # "Vis 30 aktører" ends the panel: it folds it away and leads to the results.
    page.get_by_role("button", name="Vis 30 aktører").click()
    expect(page.locator("[data-filter-panel]")).not_to_have_attribute("open", "")
    expect(page.locator("#resultater")).to_be_focused()

    page.get_by_role("link", name="Neste").click()
    expect(page.locator(".card")).to_have_count(6)
    assert "side=2" in page.url and "q=konsert" in page.url and "bransje=musikk" in page.url
    expect(page.get_by_label(re.compile(r"^Eidsvoll"))).to_be_checked()

    page.get_by_role("link", name="Eidsvoll Musikklag 29").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eidsvoll Musikklag 29")
    expect(page.get_by_role("link", name="Musikk")).to_have_attribute(
        "href", "/aktorer/?bransje=musikk"
    )


def test_directory_filters_work_without_javascript(browser, live_server, directory):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(live_server.url + "/aktorer/")

    page.get_by_text("Filtrer resultatene").click()
    page.get_by_label(re.compile(r"^Nes")).check()
    # The panel ends with the number it would show; without JavaScript it submits the form.
    page.get_by_role("button", name=re.compile(r"^Vis \d+ aktører")).click()

    expect(page.locator("#result-count")).to_have_text(re.compile(r"4\s+aktører"))
    assert "kommune=nes" in page.url
    page.get_by_label("Sorter etter").select_option(label="Nyeste først")
    page.get_by_role("button", name="Sorter", exact=True).click()
    assert "sortering=nyeste" in page.url and "kommune=nes" in page.url
    expect(page.locator(".card")).to_have_count(4)
    context.close()


def test_result_count_is_announced_outside_the_busy_results(page, live_server, directory):
    """4.1.3: while new results load, only the list is aria-busy; the role="status"
    count is never inside a busy region, where some screen readers hold it back."""
    page.goto(live_server.url + "/aktorer/")
    held = []

    def slow(route):
        held.append(
            page.evaluate(
                "!!document.querySelector('#result-count').closest('[aria-busy=\"true\"]')"
                " || !document.querySelector('[data-results][aria-busy=\"true\"]')"
            )
        )
        route.continue_()

    page.route("**/aktorer/?*", slow)
    page.get_by_label(re.compile(r"^Nes")).check()

    expect(page.locator("#result-count")).to_have_text(re.compile(r"4\s+aktører"))
    assert held == [False]
    expect(page.locator("[aria-busy]")).to_have_count(0)
