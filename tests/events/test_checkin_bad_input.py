"""The check-in page answers bad input with 400, never 500 (issue 9, defect 10)."""

import pytest

from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def checkin(coordinator_client):
    event = make_event()
    registration = make_registration(event)
    return coordinator_client, f"/arrangementer/{event.slug}/innsjekk/", registration


@pytest.mark.parametrize("value", ["abc", "", "1.5", "-1", "0", "9" * 30, "\x00", "1e3"])
def test_a_bad_registration_value_is_a_400(checkin, value):
    client, url, registration = checkin

    response = client.post(url, {"registration": value})

    assert response.status_code == 400
    assert "Vi forstod ikke" in response.content.decode()
    registration.refresh_from_db()
    assert not registration.attended


def test_a_missing_registration_value_is_a_400(checkin):
    client, url, _registration = checkin

    assert client.post(url, {}).status_code == 400


@pytest.mark.parametrize("query", ["Kari\x00", "x" * 5000])
def test_a_search_with_nul_or_a_novel_is_a_400(checkin, query):
    client, url, _registration = checkin

    response = client.get(url, {"q": query})

    assert response.status_code == 400


def test_a_good_toggle_still_works(checkin):
    client, url, registration = checkin

    assert client.post(url, {"registration": str(registration.pk)}).status_code == 302
    registration.refresh_from_db()
    assert registration.attended
