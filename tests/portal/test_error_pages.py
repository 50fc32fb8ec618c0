"""403 and CSRF failures in the portal's own layout and language, like 404 and 500."""

import pytest
from django.test import Client

from tests.factories import make_event, registration_data

pytestmark = pytest.mark.django_db


def _checkin(event) -> str:
    return f"/arrangementer/{event.slug}/innsjekk/"


def test_a_member_refused_check_in_gets_the_portals_403(member_client):
    response = member_client.get(_checkin(make_event()))

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="nb"' in page
    assert "Du har ikke tilgang til denne siden" in page
    assert "Forbidden" not in page


def test_403_in_english(member_client):
    member_client.cookies["django_language"] = "en"

    page = member_client.get(_checkin(make_event())).content.decode()

    assert '<html lang="en"' in page
    assert "You do not have access to this page" in page


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nb", "Skjemaet kunne ikke sendes"), ("en", "The form could not be sent")],
)
def test_csrf_failure_is_the_portals_page(language, heading):
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = language
    event = make_event()

    response = client.post(event.get_absolute_url(), registration_data())

    assert response.status_code == 403
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert heading in page
    assert "CSRF verification failed" not in page
