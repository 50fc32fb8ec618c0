"""axe-core finds no WCAG 2.1 A/AA violation on the directory (filters open, results,
no results) and on a full profile, at desktop and phone sizes."""

import pytest

from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_actor, make_full_profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full_profile():
    actor = make_full_profile("Vorma Keramikk", gallery=3)
    for n in range(5):
        make_actor(f"Aktør {n}", municipality="eidsvoll", open_for_collaboration=bool(n % 2))
    return actor


def test_directory_with_filters_open_has_no_axe_violations(page, live_server, full_profile):
    page.goto(live_server.url + "/aktorer/?kommune=nes&bransje=kunsthandverk&samarbeid=ja")

    assert page.locator("[data-filter-panel]").get_attribute("open") is not None
    assert_no_axe_violations(page)


def test_directory_on_phone_with_filters_open_has_no_axe_violations(
    phone_page, live_server, full_profile
):
    phone_page.goto(live_server.url + "/aktorer/?q=keramikk")
    phone_page.get_by_text("Filtrer resultatene").click()

    assert_no_axe_violations(phone_page)


def test_search_without_results_has_no_axe_violations(page, live_server, full_profile):
    page.goto(live_server.url + "/aktorer/?q=tubaorkester&kommune=hurdal")

    assert page.get_by_text("Ingen aktører passer").is_visible()
    assert_no_axe_violations(page)


def test_profile_has_no_axe_violations(page, live_server, full_profile):
    page.goto(live_server.url + full_profile.get_absolute_url())

    assert_no_axe_violations(page)


def test_profile_on_phone_has_no_axe_violations(phone_page, live_server, full_profile):
    phone_page.goto(live_server.url + full_profile.get_absolute_url())

    assert_no_axe_violations(phone_page)


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_corrected_and_partial_searches_have_no_axe_violations(
    browser, live_server, full_profile, language, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    # A typo corrected ("Viser treff for «keramikk»") with a place ("· Nes (Årnes)").
    page.goto(live_server.url + "/aktorer/?q=kermaikk+%C3%85rnes")
    assert page.locator(".search-summary").is_visible()
    assert_no_axe_violations(page)
    # Nothing matches every word: partial matches under a notice.
    page.goto(live_server.url + "/aktorer/?q=keramikk+Eidsvoll")
    assert page.locator(".partial-notice").is_visible()
    assert_no_axe_violations(page)
    context.close()
