"""The Content-Security-Policy breaks nothing: Chromium reports no violation on
public pages or in the admin, whose forms use the most JavaScript."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations_while(page, visit) -> list[str]:
    messages: list[str] = []
    page.on(
        "console",
        lambda message: messages.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    visit()
    return messages


def test_public_pages_break_no_policy(page, live_server):
    def visit():
        for path in ("/", "/om/", "/aktorer/", "/arrangementer/", "/finnes-ikke/"):
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")

    assert _violations_while(page, visit) == []


def test_admin_works_under_the_policy(page, live_server):
    get_user_model().objects.create_superuser("koordinator", "k@example.no", "hemmelig-42")

    def visit():
        page.goto(live_server.url + "/admin/")
        page.get_by_label("Brukernavn").fill("koordinator")
        page.get_by_label("Passord").fill("hemmelig-42")
        page.get_by_role("button", name="Logg inn").click()
        page.wait_for_url(live_server.url + "/admin/")
        for path in ("/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/user/1/change/"):
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
        # The groups chooser is built by the admin's JavaScript; it exists only
        # if the scripts ran.
        assert page.locator("#id_groups_from").count() == 1

    assert _violations_while(page, visit) == []
