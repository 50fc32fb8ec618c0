"""Two members in two browsers, with the production page caches on: each gets the shared
pages with their own header, can log out with its form, and the owner of a profile gets
their own page even when another member's visit stored the shared one."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, _new_page
from tests.factories import PASSWORD, make_actor, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logged_in(browser, live_server, email: str, viewport):
    context, page = _new_page(browser, viewport)
    page.goto(live_server.url + "/konto/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/min-side/")
    return context, page


def test_two_members_share_pages_but_not_headers(browser, live_server, settings):
    settings.PAGE_CACHE_SECONDS = 30
    settings.FRAGMENT_CACHE_SECONDS = 300
    owner = make_member("eier", email="eier@example.no")
    profile = make_actor("Hurdal Keramikk", owner=owner, pitch="Brukskeramikk fra Hurdal.")
    make_member("leser", email="leser@example.no")
    reader_context, reader = _logged_in(browser, live_server, "leser@example.no", PHONE)
    owner_context, owner_page = _logged_in(browser, live_server, "eier@example.no", DESKTOP)
    try:
        reader.goto(live_server.url + profile.get_absolute_url())  # stores the members' copy
        owner_page.goto(live_server.url + profile.get_absolute_url())
        assert owner_page.get_by_role("link", name="Rediger profilen").is_visible()
        reader.goto(live_server.url + profile.get_absolute_url())
        assert reader.get_by_role("link", name="Rediger profilen").count() == 0

        owner_page.goto(live_server.url + "/aktorer/")  # stores the members' copy
        reader.goto(live_server.url + "/aktorer/")  # served from the owner's visit
        assert reader.get_by_text("Hurdal Keramikk").is_visible()
        # The log-out form on the shared page carries the reader's own CSRF token.
        reader.get_by_role("button", name="Logg ut").click()
        reader.wait_for_load_state()
        assert reader.get_by_role("link", name="Logg inn").is_visible()
        owner_page.reload()
        assert owner_page.get_by_role("button", name="Logg ut").is_visible()
    finally:
        reader_context.close()
        owner_context.close()
