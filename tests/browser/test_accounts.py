"""Accounts in a real browser: the journey at phone size, and axe on every account page.

Sign up, confirm the address from the sent message (Django's locmem outbox), log in,
see "Min side", download the data, delete the account.
"""

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.browser.axe import assert_no_axe_violations
from tests.factories import PASSWORD, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "blå-fiolin-på-taket-9"


def test_sign_up_confirm_log_in_download_and_delete_on_a_phone(phone_page, live_server, settings):
    settings.SITE_URL = live_server.url
    page = phone_page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Bli med").click()
    page.get_by_label("E-post").fill("ny@example.no")
    page.get_by_label("Passord", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passord (gjenta)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Registrer deg").click()
    page.wait_for_url("**/konto/confirm-email/")

    link = re.search(r"http://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bekreft").click()

    page.goto(live_server.url + "/konto/login/")
    page.get_by_label("E-post").fill("ny@example.no")
    page.get_by_label("Passord").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/min-side/")
    assert page.get_by_role("heading", level=1).inner_text() == "Min side"
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned mine data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "ny@example.no"

    page.get_by_role("link", name="Slett kontoen min").click()
    page.get_by_label("Passordet ditt").fill(NEW_PASSWORD)
    page.get_by_label("Jeg forstår").check()
    page.get_by_role("button", name="Slett kontoen for godt").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("link", name="Logg inn").is_visible()
    assert not get_user_model().objects.filter(email="ny@example.no").exists()


ACCOUNT_PAGES = ["/konto/signup/", "/konto/login/", "/konto/password/reset/"]


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_account_pages_have_no_axe_violations(page, live_server, path, language):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)

    # And with the errors shown next to the fields.
    page.locator("form.account-form button[type=submit]").first.click()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_my_page_and_deletion_have_no_axe_violations(page, live_server, language):
    make_member("medlem")
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + "/konto/login/")
    page.locator("#id_login").fill("medlem@example.no")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url("**/min-side/")

    assert_no_axe_violations(page)
    for path in ("/min-side/slett-kontoen/", "/konto/email/", "/konto/password/change/"):
        page.goto(live_server.url + path)
        assert_no_axe_violations(page)
