"""The Content-Security-Policy breaks nothing: Chromium reports no violation on
public pages or in the admin, whose forms use the most JavaScript."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from actors.models import Actor
from events.models import Event
from tests.factories import ensure_seeded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations_while(page, visit) -> list[str]:
    messages: list[str] = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    visit()
    return messages


def test_public_pages_break_no_policy(page, live_server):
    ensure_seeded()  # an earlier transactional test may have flushed the municipalities
    call_command("seed_demo", stdout=io.StringIO())
    actor = Actor.objects.published().first()
    event = Event.objects.filter(status=Event.Status.PUBLISHED).first()

    def visit():
        for path in (
            "/",
            "/om/",
            "/aktorer/",
            "/aktorer/?q=musikk",
            actor.get_absolute_url(),
            "/arrangementer/",
            event.get_absolute_url(),
            "/finnes-ikke/",
        ):
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")

    assert _violations_while(page, visit) == []


def _coordinator():
    from tests.factories import confirm_email

    return confirm_email(
        get_user_model().objects.create_superuser("koordinator", "k@example.no", "hemmelig-42")
    )


def _log_in_from_the_admin(page, live_server):
    # The admin sends to the one login page, which sends back.
    page.goto(live_server.url + "/admin/")
    page.get_by_label("E-post").fill("k@example.no")
    page.get_by_label("Passord").fill("hemmelig-42")
    page.locator("form.account-form button[type=submit]").click()


def test_admin_works_under_the_policy(page, live_server):
    user = _coordinator()

    def visit():
        _log_in_from_the_admin(page, live_server)
        page.wait_for_url(live_server.url + "/admin/")
        for path in (
            "/admin/auth/user/",
            "/admin/auth/user/add/",
            f"/admin/auth/user/{user.pk}/change/",  # PostgreSQL's ids do not restart at 1
        ):
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
        # The groups chooser is built by the admin's JavaScript; it exists only
        # if the scripts ran.
        assert page.locator("#id_groups_from").count() == 1

    assert _violations_while(page, visit) == []


def test_two_factor_login_and_device_admin_work_under_the_policy(page, live_server, settings):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.REQUIRE_2FA_FOR_STAFF = True
    user = _coordinator()
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)

    def visit():
        _log_in_from_the_admin(page, live_server)
        page.get_by_label("Engangskode").fill(f"{totp(device.bin_key):06d}")
        page.get_by_role("button", name="Bekreft").click()
        page.wait_for_url(live_server.url + "/admin/")
        page.goto(live_server.url + f"/admin/otp_totp/totpdevice/{device.pk}/config/")
        page.wait_for_load_state("networkidle")
        # The QR code is an image the admin draws on the server.
        assert page.locator("img.qrcode-image").evaluate("img => img.naturalWidth") > 0

    assert _violations_while(page, visit) == []
