"""One login page for everyone; REQUIRE_2FA_FOR_STAFF adds a code step before the admin.

Coordinators log in on the portal's login page like members. The admin's own login
address sends visitors there (keeping `next`), and with the setting on it asks a
logged-in coordinator for a TOTP code before any admin page opens.
"""

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import confirm_email, make_staff, make_user

PASSWORD = "hemmelig-passord-42"


@pytest.fixture
def coordinator(db):
    return confirm_email(make_staff("koordinator", email="k@example.no", password=PASSWORD))


@pytest.fixture
def device(coordinator):
    return TOTPDevice.objects.create(user=coordinator, name="Telefon", confirmed=True)


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def _log_in(client, next_url: str = "/admin/"):
    return client.post(
        f"/konto/login/?next={next_url}", {"login": "k@example.no", "password": PASSWORD}
    )


def test_the_admin_login_sends_visitors_to_the_one_login_page_keeping_next(client):
    response = client.get("/admin/login/?next=/admin/events/event/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=%2Fadmin%2Fevents%2Fevent%2F"


def test_an_admin_page_sends_a_visitor_through_the_login_and_back(client, settings, coordinator):
    settings.REQUIRE_2FA_FOR_STAFF = False
    to_login = client.get("/admin/events/event/")
    assert to_login["Location"].startswith("/admin/login/")
    to_portal = client.get(to_login["Location"])

    response = client.post(to_portal["Location"], {"login": "k@example.no", "password": PASSWORD})

    assert response["Location"] == "/admin/events/event/"
    assert client.get("/admin/events/event/").status_code == 200


def test_without_the_setting_a_password_is_enough(client, settings, coordinator):
    settings.REQUIRE_2FA_FOR_STAFF = False

    assert _log_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_the_admin_asks_for_a_code_after_the_password(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    _log_in(client)

    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 200
    assert b'name="otp_token"' in response.content
    assert b'autocomplete="one-time-code"' in response.content


def test_with_the_setting_a_password_alone_is_refused(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    _log_in(client)

    response = client.post("/admin/login/", {"otp_token": "", "next": "/admin/"})

    assert response.status_code == 200
    assert "Skriv inn engangskoden fra autentiseringsappen." in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_with_the_setting_a_wrong_code_is_refused(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    _log_in(client)
    wrong = f"{(int(_current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post("/admin/login/", {"otp_token": wrong, "next": "/admin/"})

    assert response.status_code == 200
    assert "Engangskoden stemmer ikke" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_with_the_setting_password_and_code_let_the_coordinator_in(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    _log_in(client)

    response = client.post(
        "/admin/login/", {"otp_token": _current_code(device), "next": "/admin/events/event/"}
    )

    assert response["Location"] == "/admin/events/event/"
    assert client.get("/admin/").status_code == 200


def test_code_is_accepted_once(client, settings, device):
    settings.REQUIRE_2FA_FOR_STAFF = True
    code = _current_code(device)
    _log_in(client)
    client.post("/admin/login/", {"otp_token": code, "next": "/admin/"})
    client.post("/konto/logout/")
    _log_in(client)
    # Still the same 30-second step: a replayed code must not work.

    response = client.post("/admin/login/", {"otp_token": code, "next": "/admin/"})

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_with_the_setting_a_session_without_a_code_is_not_staff(client, settings, coordinator):
    # A login through some other door (a password reset) does not count as verified.
    settings.REQUIRE_2FA_FOR_STAFF = True
    client.force_login(coordinator)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_member_who_is_not_a_coordinator_is_refused_at_the_admin_login(client, db):
    client.force_login(confirm_email(make_user("medlem")))

    assert client.get("/admin/login/").status_code == 403


def test_the_next_address_must_be_on_this_site(client, settings, coordinator):
    settings.REQUIRE_2FA_FOR_STAFF = False
    client.force_login(coordinator)

    response = client.get("/admin/login/?next=https://evil.example/")

    assert response["Location"] == "/admin/"


def test_add_totp_device_command_gives_an_otpauth_address(coordinator, capsys):
    call_command("add_totp_device", "k@example.no")

    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed
    assert capsys.readouterr().out.strip().endswith(device.config_url)
    assert device.config_url.startswith("otpauth://totp/")


def test_add_totp_device_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="Fant ingen bruker"):
        call_command("add_totp_device", "finnes-ikke")

    assert not TOTPDevice.objects.exists()
