import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/om/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Hopp til hovedinnhold"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_visitor_switches_language_and_stays_on_page(phone_page, live_server):
    phone_page.goto(live_server.url + "/personvern/")

    phone_page.get_by_role("link", name="English").click()

    assert phone_page.url == live_server.url + "/personvern/"
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Privacy statement"
    phone_page.get_by_role("link", name="Norsk").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Personvernerklæring"


def test_phone_layout_has_no_horizontal_scroll(phone_page, live_server):
    for path in ("/", "/om/", "/aktorer/", "/arrangementer/"):
        phone_page.goto(live_server.url + path)
        assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
            path
        )


def test_main_navigation_marks_current_section(page, live_server):
    page.goto(live_server.url + "/aktorer/")

    current = page.locator(".site-nav [aria-current=page]")
    assert current.inner_text() == "Aktører"
