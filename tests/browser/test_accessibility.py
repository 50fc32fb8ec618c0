"""axe-core finds no WCAG 2.1 A/AA violation on any public page, in either language."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/om/",
    "/personvern/",
    "/tilgjengelighet/",
    "/aktorer/",
    "/arrangementer/",
    "/finnes-ikke/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(page, live_server, path):
    page.goto(live_server.url + path)

    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/", "/om/"])
def test_page_on_phone_has_no_axe_violations(phone_page, live_server, path):
    phone_page.goto(live_server.url + path)

    assert_no_axe_violations(phone_page)


def test_english_pages_have_no_axe_violations(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="English").click()

    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page)
