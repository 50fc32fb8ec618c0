"""The outbox loses no e-mail and the hourly jobs send nothing twice.

The README promises that no e-mail is lost: an e-mail written down but never sent
(the worker died between commit and send) is sent by the next `retry_unsent_mail`.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models.signals import post_save
from django.utils import timezone

from events.emails import Kind, queue_email
from events.models import OutgoingEmail, Registration
from events.services import send_reminders
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


def _written_down(registration, *, minutes_ago: int) -> OutgoingEmail:
    """An e-mail queued `minutes_ago` whose on_commit delivery never ran."""
    email = queue_email(registration=registration, kind=Kind.CONFIRMATION)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return email


def test_retry_sends_an_email_left_pending_by_a_worker_that_died(capsys):
    event = make_event()
    abandoned = _written_down(make_registration(event), minutes_ago=30)

    call_command("retry_unsent_mail")

    abandoned.refresh_from_db()
    assert abandoned.status == OutgoingEmail.Status.SENT
    assert abandoned.attempts == 1
    assert [m.to for m in mail.outbox] == [[abandoned.to]]
    assert "Sendt: 1. Feilet fortsatt: 0." in capsys.readouterr().out


def test_retry_leaves_a_fresh_pending_email_to_its_own_delivery():
    # Younger than five minutes: its on_commit delivery may still be running.
    event = make_event()
    fresh = _written_down(make_registration(event), minutes_ago=1)

    call_command("retry_unsent_mail")

    fresh.refresh_from_db()
    assert fresh.status == OutgoingEmail.Status.PENDING
    assert mail.outbox == []


def test_retry_gives_up_after_max_attempts_and_never_resends_what_was_sent():
    event = make_event()
    given_up = _written_down(make_registration(event), minutes_ago=30)
    OutgoingEmail.objects.filter(pk=given_up.pk).update(
        status=OutgoingEmail.Status.FAILED, attempts=3
    )
    sent = _written_down(make_registration(event), minutes_ago=30)
    OutgoingEmail.objects.filter(pk=sent.pk).update(status=OutgoingEmail.Status.SENT)

    call_command("retry_unsent_mail", "--max-attempts=3")

    assert mail.outbox == []
    given_up.refresh_from_db()
    assert given_up.attempts == 3


def test_two_overlapping_reminder_runs_remind_each_person_once():
    """A second run starts while the first is between reading its list and claiming.

    The second run is started from inside the first, at the moment the first has
    written its first reminder: a fixed interleaving, not a race left to chance.
    """
    tomorrow = make_event(starts_at=timezone.now() + timedelta(hours=20))
    registrations = [make_registration(tomorrow) for _ in range(3)]
    second_run: list[int] = []

    def start_second_run(sender, instance, created, **kwargs):
        if created and not second_run:
            second_run.append(-1)
            second_run[0] = send_reminders()

    post_save.connect(start_second_run, sender=OutgoingEmail)
    try:
        first_run = send_reminders()
    finally:
        post_save.disconnect(start_second_run, sender=OutgoingEmail)

    reminders = OutgoingEmail.objects.filter(kind=Kind.REMINDER)
    assert sorted(reminders.values_list("to", flat=True)) == sorted(r.email for r in registrations)
    assert first_run + second_run[0] == 3
    assert second_run[0] > 0  # the runs really overlapped
    assert Registration.objects.filter(reminded_at__isnull=True).count() == 0


def test_reminders_skip_cancelled_events_and_waiting_list():
    tomorrow = make_event(starts_at=timezone.now() + timedelta(hours=20))
    seated = make_registration(tomorrow)
    make_registration(tomorrow, status=Registration.Status.WAITING)
    called_off = make_event(starts_at=timezone.now() + timedelta(hours=20), status="cancelled")
    make_registration(called_off)
    started = make_event(starts_at=timezone.now() - timedelta(minutes=5))
    make_registration(started)

    assert send_reminders() == 1
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [seated.email]
