"""REQUIRE_2FA_FOR_STAFF: coordinators confirm their admin login with a TOTP code."""

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD


@pytest.fixture
def device(coordinator):
    return TOTPDevice.objects.create(user=coordinator, name="Telefon", confirmed=True)


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def test_without_the_setting_a_password_is_enough(client, settings, coordinator):
    settings.REQUIRE_2FA_FOR_STAFF = False

    response = client.post(
        "/admin/login/", {"username": "koordinator", "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_the_login_asks_for_a_code(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True

    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert b'name="otp_token"' in response.content
    assert b'autocomplete="one-time-code"' in response.content


def test_with_the_setting_a_password_alone_is_refused(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True

    response = client.post("/admin/login/", {"username": "koordinator", "password": PASSWORD})

    assert response.status_code == 200
    assert "Skriv inn engangskoden fra autentiseringsappen." in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_with_the_setting_a_wrong_code_is_refused(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    wrong = f"{(int(_current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(
        "/admin/login/", {"username": "koordinator", "password": PASSWORD, "otp_token": wrong}
    )

    assert response.status_code == 200
    assert "Engangskoden stemmer ikke" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_with_the_setting_password_and_code_let_the_coordinator_in(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True

    response = client.post(
        "/admin/login/",
        {"username": "koordinator", "password": PASSWORD, "otp_token": _current_code(device)},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_a_session_without_a_code_is_not_staff(client, settings, coordinator):
    # A login through some other door (a member login page, a password reset)
    # does not count as verified.
    settings.REQUIRE_2FA_FOR_STAFF = True
    client.force_login(coordinator)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_add_totp_device_command_gives_an_otpauth_address(coordinator, capsys):
    call_command("add_totp_device", "koordinator")

    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed
    assert capsys.readouterr().out.strip().endswith(device.config_url)
    assert device.config_url.startswith("otpauth://totp/")


def test_code_is_accepted_once(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    code = _current_code(device)
    client.post(
        "/admin/login/", {"username": "koordinator", "password": PASSWORD, "otp_token": code}
    )
    client.logout()
    # Still the same 30-second step: a replayed code must not work.

    response = client.post(
        "/admin/login/", {"username": "koordinator", "password": PASSWORD, "otp_token": code}
    )

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_add_totp_device_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="Fant ingen bruker"):
        call_command("add_totp_device", "finnes-ikke")

    assert not TOTPDevice.objects.exists()
