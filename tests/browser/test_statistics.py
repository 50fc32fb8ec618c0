"""The statistics page in a real browser: no axe violations in either language, phone and desktop."""

import io

import pytest
from django.conf import settings
from django.test import Client

from events import demo
from tests.browser.axe import assert_no_axe_violations
from tests.factories import ensure_seeded, make_coordinator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_as_coordinator(page, live_server, language: str = "nb") -> None:
    client = Client()
    client.force_login(make_coordinator())
    cookies = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        },
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": language},
    ]
    page.context.add_cookies([{**cookie, "url": live_server.url} for cookie in cookies])


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_statistics_page_has_no_axe_violations(request, live_server, fixture, language):
    page = request.getfixturevalue(fixture)
    ensure_seeded()
    demo.seed(stdout=io.StringIO())
    log_in_as_coordinator(page, live_server, language)

    page.goto(live_server.url + "/koordinator/statistikk/?ar=2024")

    assert page.locator("svg.chart").count() >= 5
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)
    # Nothing wider than the screen except inside the tables' own scrolling regions.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
