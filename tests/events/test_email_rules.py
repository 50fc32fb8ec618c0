"""What each e-mail carries from the outbox to the registrant: the calendar file only
where it belongs, the day in words, the network's address, and what the directory's
e-mails ask for (a reply address, extra headers, plain text only)."""

import mimetypes
from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from events.emails import Kind, deliver, queue, queue_email
from events.models import OutgoingEmail, Registration
from events.services import anonymise_registrations
from tests.factories import make_event, make_registration, oslo

pytestmark = pytest.mark.django_db


def _sent(email: OutgoingEmail):
    assert deliver(email.pk) is True
    [message] = mail.outbox
    return message


@pytest.mark.parametrize(
    ("kind", "with_calendar"),
    [
        (Kind.CONFIRMATION, True),
        (Kind.PROMOTED, True),
        (Kind.REMINDER, True),
        (Kind.EVENT_CANCELLED, True),
        (Kind.WAITING, False),
        (Kind.CANCELLED, False),
    ],
)
def test_only_a_seat_a_reminder_or_a_called_off_event_puts_the_event_in_the_calendar(
    kind, with_calendar
):
    # Without a seat (waiting list, cancelled by the registrant) there is nothing to
    # put in the calendar; a called-off event's file marks it cancelled there.
    event = make_event(title="Vårtreff i Nes")

    message = _sent(queue_email(registration=make_registration(event), kind=kind))

    if with_calendar:
        [(filename, content, _mimetype)] = message.attachments
        assert filename == "arrangement.ics"
        calendar = icalendar.Calendar.from_ical(content)
        assert calendar["x-wr-calname"] == "Vårtreff i Nes"
    else:
        assert message.attachments == []


def test_the_calendar_file_is_text_calendar_also_where_the_system_has_no_mime_table(
    monkeypatch,
):
    # Python's own table does not know .ics; only /etc/mime.types does, and a slim
    # container image may have none. A guessed type would then be
    # application/octet-stream: a file, not an event for the mail program's calendar.
    monkeypatch.setattr(mimetypes, "guess_type", mimetypes.MimeTypes().guess_type)
    registration = make_registration(make_event())

    message = _sent(queue_email(registration=registration, kind=Kind.CONFIRMATION))

    [(_filename, _content, mimetype)] = message.attachments
    assert mimetype == "text/calendar"


def test_a_reminder_says_the_day_in_words_in_the_subject_and_the_text():
    tomorrow = timezone.localdate() + timedelta(days=1)
    event = make_event(
        title="Kurs", starts_at=oslo(tomorrow.year, tomorrow.month, tomorrow.day, 18)
    )

    message = _sent(queue_email(registration=make_registration(event), kind=Kind.REMINDER))

    assert message.subject == "Påminnelse: Kurs i morgen"
    assert "Vi gleder oss til å se deg i morgen!" in message.body
    html, _mimetype = message.alternatives[0]
    assert "Vi gleder oss til å se deg i morgen!" in html


def test_every_email_about_an_event_says_where_to_write_with_questions(settings):
    settings.CONTACT_EMAIL = "post@kreativ.example.no"
    event = make_event()

    message = _sent(queue_email(registration=make_registration(event), kind=Kind.WAITING))

    question = "Spørsmål? Svar på denne e-posten eller skriv til post@kreativ.example.no."
    assert question in message.body
    assert question in message.alternatives[0][0]


def test_the_emails_about_a_registration_go_when_it_is_anonymised():
    event = make_event()
    registration = make_registration(event, name="Kari Nordmann", email="kari@example.no")
    queue_email(registration=registration, kind=Kind.CONFIRMATION)
    queue_email(registration=registration, kind=Kind.REMINDER)

    anonymise_registrations(registrations=Registration.objects.filter(pk=registration.pk))

    assert not OutgoingEmail.objects.exists()


def test_a_plain_email_is_sent_as_text_only_without_a_calendar():
    # The directory's e-mails (actors/emails.py) give a text body and nothing else.
    email = queue(kind="contact", to="ola@example.no", subject="Hei", body_text="Tekst")

    message = _sent(email)

    assert message.body == "Tekst"
    assert message.alternatives == []
    assert message.attachments == []
    assert email.registration is None


def test_a_reply_address_and_extra_headers_are_kept_until_the_email_is_sent():
    unsubscribe = "<https://kreativ.example.no/avmeld/abc/>"
    email = queue(
        kind="opportunity_digest",
        to="ola@example.no",
        subject="Nye samarbeidsmuligheter",
        body_text="Tekst",
        reply_to="kari@example.no",
        headers={"List-Unsubscribe": unsubscribe},
    )

    message = _sent(email)

    assert message.reply_to == ["kari@example.no"]
    assert message.message()["List-Unsubscribe"] == unsubscribe
