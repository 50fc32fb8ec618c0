"""axe-core on a phone for the two pages most visitors land on. Every public page, in
both languages, desktop and 320 px, light, dark and forced colours, is checked by
test_public_pages.py (the list of pages: public_pages.py)."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/", "/om/"])
def test_page_on_phone_has_no_axe_violations(phone_page, live_server, path):
    phone_page.goto(live_server.url + path)

    assert_no_axe_violations(phone_page)
