"""One e-mail from the outbox to the mail server: who it is from, what it carries,
and what is written down when it goes or fails."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation

from events.emails import Kind, deliver, queue_email
from events.models import Event, OutgoingEmail
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


def _queued(kind: str = Kind.CONFIRMATION, **registration_fields) -> OutgoingEmail:
    event = make_event(title="Vårtreff i Nes")
    return queue_email(registration=make_registration(event, **registration_fields), kind=kind)


def _unreachable_mail_server(settings) -> None:
    # A real SMTP connection to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2


def test_sent_email_is_from_the_portal_answers_go_to_the_network_and_the_event_is_attached():
    email = _queued()

    assert deliver(email.pk) is True

    [message] = mail.outbox
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.reply_to == [settings.CONTACT_EMAIL]
    assert "Vårtreff i Nes" in message.body
    event_url = f"{settings.SITE_URL}{Event.objects.get().get_absolute_url()}"
    assert event_url in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "arrangement.ics"
    assert mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content


def test_sending_writes_down_when_and_clears_an_earlier_error(settings):
    email = _queued()
    _unreachable_mail_server(settings)

    assert deliver(email.pk) is False
    failed = OutgoingEmail.objects.get(pk=email.pk)
    assert failed.status == OutgoingEmail.Status.FAILED
    assert failed.error.startswith("ConnectionRefusedError: ")
    assert failed.sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    before = timezone.now()
    assert deliver(email.pk) is True
    sent = OutgoingEmail.objects.get(pk=email.pk)
    assert sent.status == OutgoingEmail.Status.SENT
    assert sent.error == ""
    assert sent.attempts == 2
    assert before <= sent.sent_at <= timezone.now()


def test_an_email_already_sent_is_not_sent_again():
    email = _queued()
    deliver(email.pk)

    assert deliver(email.pk) is True
    assert len(mail.outbox) == 1


def test_an_english_registrant_gets_the_email_in_english():
    with translation.override("en"):
        email = _queued(language="en")

    assert email.subject == "You are registered: Vårtreff i Nes"


def test_a_registrant_without_a_language_gets_norwegian():
    email = _queued(language="")

    assert email.subject == "Du er påmeldt: Vårtreff i Nes"


def test_past_events_are_listed_newest_first_whatever_order_they_were_added_in():
    now = timezone.now()
    make_event(title="Nyest", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=2))
    make_event(title="Eldst", starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30))

    assert [e.title for e in Event.objects.past()] == ["Nyest", "Eldst"]
