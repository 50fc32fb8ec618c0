"""A coordinator's two big buttons: copy an event as a new draft, and cancel an event."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.emails import Kind, queue_email, retry_unsent
from events.models import Event, OutgoingEmail, Registration
from events.services import cancel_event, copy_as_draft
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


def test_copy_is_a_draft_with_the_same_content_and_speakers_and_the_original_is_untouched():
    original = make_event(
        title="Vårtreff i Nes",
        description="Lang beskrivelse.",
        programme="18.00 Dørene åpner\n18.30 Innledning",
        capacity=25,
    )
    original.speakers.create(name="Ingrid Innleder", role="Kurator", position=1)
    original.speakers.create(name="Per Paneldeltaker", role="Musiker", position=2)

    copy = copy_as_draft(event=original)

    copy.refresh_from_db()
    assert copy.pk != original.pk
    assert copy.status == Event.Status.DRAFT
    assert copy.title == "Kopi av Vårtreff i Nes"
    assert copy.slug.startswith("kopi-av-vartreff-i-nes")
    assert (copy.description, copy.programme, copy.capacity, copy.starts_at) == (
        original.description,
        original.programme,
        original.capacity,
        original.starts_at,
    )
    assert list(copy.speakers.values_list("name", "role", "position")) == [
        ("Ingrid Innleder", "Kurator", 1),
        ("Per Paneldeltaker", "Musiker", 2),
    ]
    original.refresh_from_db()
    assert original.status == Event.Status.PUBLISHED
    assert original.title == "Vårtreff i Nes"
    assert original.speakers.count() == 2


def test_copy_of_a_long_title_still_fits_the_column():
    original = make_event(title="Å" * 200)

    copy = copy_as_draft(event=original)

    assert len(copy.title) == 200
    assert copy.title.startswith("Kopi av ÅÅÅ")


def test_cancelling_an_event_twice_tells_everyone_once(django_capture_on_commit_callbacks):
    event = make_event(title="Kurs")
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)
    before = Event.objects.get(pk=event.pk).updated_at

    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_event(event=event) == 2
        assert cancel_event(event=event) == 0

    assert len(mail.outbox) == 2
    assert OutgoingEmail.objects.filter(kind=Kind.EVENT_CANCELLED).count() == 2
    cancelled = Event.objects.get(pk=event.pk)
    assert cancelled.status == Event.Status.CANCELLED
    assert cancelled.updated_at > before


@pytest.mark.parametrize(
    ("minutes_ago", "sent"), [(6, True), (4, False)], ids=["older-than-5-min", "younger"]
)
def test_a_pending_email_is_retried_once_it_is_five_minutes_old(minutes_ago, sent):
    email = queue_email(registration=make_registration(make_event()), kind=Kind.CONFIRMATION)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago, seconds=-30)
    )

    assert retry_unsent() == ((1, 0) if sent else (0, 0))


@pytest.mark.parametrize(("attempts", "sent"), [(9, True), (10, False)])
def test_retry_gives_up_after_ten_attempts_by_default(attempts, sent):
    email = queue_email(registration=make_registration(make_event()), kind=Kind.CONFIRMATION)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.FAILED, attempts=attempts
    )

    assert retry_unsent() == ((1, 0) if sent else (0, 0))
    assert len(mail.outbox) == (1 if sent else 0)


def test_retry_counts_what_it_sent_and_what_still_fails(settings):
    event = make_event()
    for _ in range(2):
        email = queue_email(registration=make_registration(event), kind=Kind.CONFIRMATION)
        OutgoingEmail.objects.filter(pk=email.pk).update(status=OutgoingEmail.Status.FAILED)
    assert retry_unsent() == (2, 0)

    for _ in range(2):
        email = queue_email(registration=make_registration(event), kind=Kind.CONFIRMATION)
        OutgoingEmail.objects.filter(pk=email.pk).update(status=OutgoingEmail.Status.FAILED)
    # A real SMTP connection to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert retry_unsent() == (0, 2)


def test_retry_leaves_old_sent_emails_alone():
    email = queue_email(registration=make_registration(make_event()), kind=Kind.CONFIRMATION)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENT, created_at=timezone.now() - timedelta(days=1)
    )

    assert retry_unsent() == (0, 0)
    assert OutgoingEmail.objects.get().attempts == 0
