"""E-mails after commit, failures kept for retry, reminders once, signed cancel links."""

import re
import time
from datetime import timedelta

import icalendar
import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from events import links
from events.models import OutgoingEmail, Registration
from events.services import cancel_event, register, send_reminders
from tests.factories import make_event, make_registration, oslo

pytestmark = pytest.mark.django_db


def _register(event, capture, **fields):
    fields = {"name": "Kari Nordmann", "email": "kari@example.no", "consent": True, **fields}
    with capture(execute=True):
        return register(event=event, **fields)


def _cancels(body: str):
    """The registration that the cancel link in this e-mail body cancels.

    The token carries a timestamp, so it is read from the e-mail, not made again.
    """
    prefix = re.escape(f"{settings.SITE_URL}/arrangementer/avmelding/")
    url = re.search(prefix + r"([^/\s\"<]+)/", body)
    assert url, "no cancel link to this site in the e-mail"
    return links.registration_from_token(url.group(1))


def test_confirmation_is_norwegian_text_and_html_with_ics_and_cancel_link(
    django_capture_on_commit_callbacks,
):
    event = make_event(
        title="Sosialt treff", starts_at=oslo(2030, 6, 6, 18), ends_at=oslo(2030, 6, 6, 22)
    )

    registration = _register(event, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.subject == "Du er påmeldt: Sosialt treff"
    assert message.to == ["kari@example.no"]
    assert "Hei, Kari Nordmann!" in message.body
    assert "torsdag 6. juni 2030 kl. 18.00–22.00" in message.body
    assert _cancels(message.body) == registration
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "torsdag 6. juni 2030 kl. 18.00–22.00" in html
    assert _cancels(html) == registration
    filename, content, ics_type = message.attachments[0]
    assert filename.endswith(".ics") and ics_type.startswith("text/calendar")
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == oslo(2030, 6, 6, 18)
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_waiting_list_notice_tells_the_place(django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    make_registration(event)

    _register(event, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.subject.startswith("Du står på ventelisten")
    assert "Du står som nr. 1 på ventelisten" in message.body


def test_no_email_leaves_before_the_transaction_commits(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(event=event, name="Kari", email="kari@example.no", consent=True)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_failing_mail_server_keeps_registration_and_retry_sends(
    event, settings, django_capture_on_commit_callbacks
):
    # A real SMTP connection to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    registration = _register(event, django_capture_on_commit_callbacks)

    assert Registration.objects.filter(pk=registration.pk).exists()
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_unsent_mail")

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 2
    assert len(mail.outbox) == 1


def test_reminders_go_once_per_registration(django_capture_on_commit_callbacks):
    tomorrow = make_event(starts_at=timezone.now() + timedelta(hours=20))
    later = make_event(starts_at=timezone.now() + timedelta(days=5))
    reminded = make_registration(tomorrow)
    make_registration(tomorrow, status=Registration.Status.CANCELLED)
    make_registration(later)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
        call_command("send_event_reminders")
    assert send_reminders() == 0

    assert [m.to for m in mail.outbox] == [[reminded.email]]
    assert mail.outbox[0].subject.startswith("Påminnelse:")


def test_cancel_link_asks_first_then_cancels_and_promotes_first_waiting(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    seated = make_registration(event)
    first = make_registration(event, status=Registration.Status.WAITING)
    make_registration(event, status=Registration.Status.WAITING)
    url = links.cancel_url(seated).removeprefix("http://127.0.0.1:8000")

    page = client.get(url)
    assert page.status_code == 200
    assert "Ja, meld meg av" in page.content.decode()
    seated.refresh_from_db()
    assert seated.status == Registration.Status.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    seated.refresh_from_db()
    first.refresh_from_db()
    assert seated.status == Registration.Status.CANCELLED
    assert first.status == Registration.Status.CONFIRMED
    assert "er meldt av" in response.content.decode()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[seated.email].startswith("Du er meldt av")
    assert subjects[first.email].startswith("Du har fått plass")


def test_tampered_cancel_link_is_refused_in_norwegian(client, event):
    registration = make_registration(event)
    token = links.cancel_token(registration)

    response = client.post(f"/arrangementer/avmelding/{token[:-2]}xx/")

    assert response.status_code == 400
    assert "Lenken er ikke gyldig" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_expired_cancel_link_is_refused(client, event):
    registration = make_registration(event)

    class SignedLongAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - links.MAX_AGE.total_seconds() - 60))

    token = SignedLongAgo(salt=links.SALT).sign(registration.secret)
    response = client.post(f"/arrangementer/avmelding/{token}/")

    assert response.status_code == 400
    assert "Lenken er for gammel" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_cancel_page_refuses_wrong_method(client, event):
    token = links.cancel_token(make_registration(event))

    assert client.put(f"/arrangementer/avmelding/{token}/").status_code == 405


def test_cancelling_an_event_tells_everyone_registered(django_capture_on_commit_callbacks):
    event = make_event(title="Kurs")
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)
    make_registration(event, status=Registration.Status.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        told = cancel_event(event=event)

    assert told == 2
    assert sorted(m.subject for m in mail.outbox) == ["Avlyst: Kurs", "Avlyst: Kurs"]
    event.refresh_from_db()
    assert event.is_cancelled
