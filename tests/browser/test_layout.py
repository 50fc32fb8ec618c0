"""The layout's own behaviour; the skip link and reflow on every page: test_public_pages.py."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_language_and_stays_on_page(phone_page, live_server):
    phone_page.goto(live_server.url + "/personvern/")

    phone_page.get_by_role("link", name="English").click()

    assert phone_page.url == live_server.url + "/personvern/"
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Privacy statement"
    phone_page.get_by_role("link", name="Norsk").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Personvernerklæring"


def test_main_navigation_marks_current_section(page, live_server):
    page.goto(live_server.url + "/aktorer/")

    current = page.locator(".site-nav [aria-current=page]")
    assert current.inner_text() == "Aktører"


def test_main_navigation_on_a_phone_is_two_even_rows(phone_page, live_server):
    """Four sections do not fit one line at 390 px: two rows of two, not three and one."""
    phone_page.goto(live_server.url + "/")

    tops = phone_page.eval_on_selector_all(
        ".site-nav__list > li", "items => items.map(i => Math.round(i.getBoundingClientRect().top))"
    )

    assert len(tops) == 4
    assert sorted(tops.count(top) for top in set(tops)) == [2, 2]


@pytest.mark.parametrize("width", [900, 1280, 1440])
def test_desktop_header_has_the_tools_on_one_line_and_the_menu_below(browser, live_server, width):
    """The language link used to wrap onto a line of its own below the brand."""
    from tests.browser.conftest import _new_page

    context, page = _new_page(browser, {"width": width, "height": 900})
    try:
        page.goto(live_server.url + "/aktorer/")
        box = {
            selector: page.locator(selector).bounding_box()
            for selector in (".brand", ".account-links", ".lang-switch", ".site-nav")
        }
    finally:
        context.close()

    def middle(selector: str) -> float:
        return box[selector]["y"] + box[selector]["height"] / 2

    assert abs(middle(".account-links") - middle(".brand")) < 12
    assert abs(middle(".lang-switch") - middle(".brand")) < 12
    assert box[".site-nav"]["y"] >= box[".brand"]["y"] + box[".brand"]["height"]
