"""Password guessing on the admin login: a user name is refused after too many failures."""

import pytest
from django.core.cache import cache

from tests.factories import make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    cache.clear()
    yield
    cache.clear()


def _login(client, username: str, password: str):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_after_too_many_failures_even_the_right_password_is_refused(client):
    make_staff("koordinator", password="riktig-passord-42")
    for _ in range(3):
        assert _login(client, "koordinator", "feil").status_code == 200

    response = _login(client, "koordinator", "riktig-passord-42")

    assert response.status_code == 429
    assert "For mange mislykkede innlogginger" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_failures_below_the_limit_do_not_stop_the_right_password(client):
    make_staff("koordinator", password="riktig-passord-42")
    for _ in range(2):
        _login(client, "koordinator", "feil")

    assert _login(client, "koordinator", "riktig-passord-42").status_code == 302


def test_other_user_names_are_not_affected(client):
    make_staff("annen", password="riktig-passord-42")
    for _ in range(3):
        _login(client, "koordinator", "feil")

    assert _login(client, "annen", "riktig-passord-42").status_code == 302


def test_user_name_is_counted_regardless_of_case(client):
    make_staff("koordinator", password="riktig-passord-42")
    for name in ("Koordinator", "KOORDINATOR", "koordinator "):
        _login(client, name, "feil")

    assert _login(client, "koordinator", "riktig-passord-42").status_code == 429


def test_the_login_page_itself_is_never_refused(client):
    for _ in range(5):
        _login(client, "koordinator", "feil")

    assert client.get("/admin/login/").status_code == 200
