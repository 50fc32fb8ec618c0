"""Text stored around the validators (QuerySet.update(), old rows) never breaks an output."""

import pytest
from django.core import mail
from django.db import connection

from events.models import Event, OutgoingEmail
from tests.factories import make_event, registration_data

pytestmark = pytest.mark.django_db

HOSTILE = [
    "Kurs\nBesøk http://evil.example/ for å bekrefte",
    "Kurs\r\nX-Injected: yes",
    "Kurs\x00med NUL",
    "Kurs\x1b[31m og ESC",
    "Kurs \u202eredro\u202c og RLO",
    "\u200b\u200b\u200b",
    "Kurs; med, tegn\\ og \u2028 skille",
    "Kurs\x85 med NEL og \x0b VT",
]


@pytest.fixture(params=HOSTILE)
def hostile_event(request):
    value = request.param
    if "\x00" in value and connection.vendor == "postgresql":
        pytest.skip("PostgreSQL cannot store NUL at all")
    event = make_event()
    Event.objects.filter(pk=event.pk).update(
        title=value, place_name=value, summary=value, address=value, description=value
    )
    event.refresh_from_db()
    return event


def test_ics_and_feeds_answer(client, hostile_event):
    for url in (
        f"/arrangementer/{hostile_event.slug}/kalender.ics",
        "/arrangementer/kalender.ics",
        "/arrangementer/feed/",
        f"/arrangementer/{hostile_event.slug}/",
        "/arrangementer/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url


def test_registration_and_its_email_work(client, hostile_event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/arrangementer/{hostile_event.slug}/", registration_data())

    assert response.status_code == 302
    sent = OutgoingEmail.objects.get()
    assert sent.status == OutgoingEmail.Status.SENT, sent.error
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    # The title's hidden second line is not a paragraph of its own in the e-mail.
    assert not any(line.startswith(("Besøk", "X-Injected")) for line in message.body.splitlines())
    ics = message.attachments[0]
    content = ics[1] if isinstance(ics, tuple) else ics.content
    for line in content.splitlines():
        assert line.isprintable() or line == ""
