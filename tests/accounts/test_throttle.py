"""Password guessing on the one login page (issue 9, defects 1 and 4).

Failures are counted per account *and* client address together: the guessing address
is stopped for a cool-off, the member logs in from anywhere else, look-alike spellings
of one address share one counter, and one address cannot spray many accounts.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "30/900s/ip,3/900s/key",
    }


def _login(client, login: str, password: str, *, ip: str):
    return client.post("/konto/login/", {"login": login, "password": password}, REMOTE_ADDR=ip)


def _refused(response) -> bool:
    return response.status_code == 200 and "For mange mislykkede" in response.content.decode()


def test_after_too_many_failures_the_guessing_address_is_refused_even_the_right_password(
    client, member
):
    for _ in range(3):
        assert not _refused(_login(client, member.email, "feil-passord", ip=ATTACKER))

    response = _login(client, member.email, PASSWORD, ip=ATTACKER)

    assert _refused(response)
    assert "_auth_user_id" not in client.session


def test_the_member_still_logs_in_from_an_address_that_has_not_failed(client, member):
    # The attacker's side of defect 4 cannot keep the member out.
    for _ in range(10):
        _login(client, member.email, "feil-passord", ip=ATTACKER)

    response = _login(client, member.email, PASSWORD, ip=VICTIM)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_failures_below_the_limit_do_not_stop_the_right_password(client, member):
    for _ in range(2):
        _login(client, member.email, "feil-passord", ip=ATTACKER)

    assert _login(client, member.email, PASSWORD, ip=ATTACKER).status_code == 302


@pytest.mark.parametrize(
    "spelling",
    [
        "ｍedlem@example.no",  # full-width m
        "MEDLEM@EXAMPLE.NO",
        " Medlem@Example.no ",
        "ｍｅｄｌｅｍ@ｅｘａｍｐｌｅ.ｎｏ",
    ],
)
def test_look_alike_spellings_share_one_counter(client, member, spelling):
    # Defect 1: each respelling used to get its own tries.
    _login(client, member.email, "feil-1", ip=ATTACKER)
    _login(client, spelling, "feil-2", ip=ATTACKER)
    _login(client, spelling.upper(), "feil-3", ip=ATTACKER)

    assert _refused(_login(client, member.email, PASSWORD, ip=ATTACKER))


def test_a_look_alike_spelling_logs_in_as_authentication_normalises_it(client, member):
    assert _login(client, "ｍedlem@example.no", PASSWORD, ip=VICTIM).status_code == 302


def test_the_cool_off_ends(client, member):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(3):
            _login(client, member.email, "feil-passord", ip=ATTACKER)
        assert _refused(_login(client, member.email, PASSWORD, ip=ATTACKER))

        traveller.shift(timedelta(minutes=16))

        assert _login(client, member.email, PASSWORD, ip=ATTACKER).status_code == 302


def test_one_address_cannot_spray_many_accounts(client, settings, member):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "5/900s/ip,3/900s/key",
    }
    for n in range(5):
        _login(client, f"gjetning{n}@example.no", "Sommer2026!", ip=ATTACKER)

    assert _refused(_login(client, member.email, PASSWORD, ip=ATTACKER))
    assert _login(client, member.email, PASSWORD, ip=VICTIM).status_code == 302


def test_the_login_page_itself_is_never_refused(client, member):
    for _ in range(5):
        _login(client, member.email, "feil-passord", ip=ATTACKER)

    assert client.get("/konto/login/", REMOTE_ADDR=ATTACKER).status_code == 200


def test_behind_the_proxy_the_client_address_counts_not_the_proxy(client, settings, member):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        client.post(
            "/konto/login/",
            {"login": member.email, "password": "feil"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=ATTACKER,
        )

    response = client.post(
        "/konto/login/",
        {"login": member.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=VICTIM,
    )

    assert response.status_code == 302
