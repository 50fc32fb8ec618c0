"""Waiting-list arithmetic: never over capacity, never after the event is over or off.

Each test counts seats and e-mails afterwards, so a rule that gives one seat too
many, or tells someone "Du har fått plass" for an event that will not happen, fails.
"""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from events import links
from events.emails import Kind
from events.models import Event, OutgoingEmail, Registration
from events.services import (
    RegistrationRefused,
    cancel_event,
    cancel_registration,
    promote_from_waiting_list,
    register,
)
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db
CONFIRMED, WAITING, CANCELLED = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITING,
    Registration.Status.CANCELLED,
)


def _full_event_with_waiting_list(capacity: int = 2, waiting: int = 3):
    event = make_event(capacity=capacity)
    seated = [make_registration(event) for _ in range(capacity)]
    queue = [make_registration(event, status=WAITING) for _ in range(waiting)]
    return event, seated, queue


def _statuses(registrations) -> list[str]:
    return [Registration.objects.get(pk=r.pk).status for r in registrations]


def test_one_cancellation_gives_exactly_one_seat_to_the_first_waiting():
    event, seated, queue = _full_event_with_waiting_list(capacity=2, waiting=3)

    promoted = cancel_registration(registration=seated[0])

    assert [r.pk for r in promoted] == [queue[0].pk]
    assert _statuses(queue) == [CONFIRMED, WAITING, WAITING]
    assert event.registrations.filter(status=CONFIRMED).count() == 2
    assert OutgoingEmail.objects.filter(kind=Kind.PROMOTED).count() == 1


def test_cancelling_a_place_on_the_waiting_list_frees_no_seat():
    event, _seated, queue = _full_event_with_waiting_list(capacity=2, waiting=3)

    promoted = cancel_registration(registration=queue[1])

    assert promoted == []
    assert _statuses(queue) == [WAITING, CANCELLED, WAITING]
    assert event.registrations.filter(status=CONFIRMED).count() == 2


def test_promotion_fills_every_free_seat_and_not_one_more():
    # Seats freed by a coordinator raising the capacity from 2 to 4.
    event, _seated, queue = _full_event_with_waiting_list(capacity=2, waiting=3)
    Event.objects.filter(pk=event.pk).update(capacity=4)

    promoted = promote_from_waiting_list(event=event)

    assert [r.pk for r in promoted] == [queue[0].pk, queue[1].pk]
    assert _statuses(queue) == [CONFIRMED, CONFIRMED, WAITING]


def test_overbooked_event_promotes_no_one():
    # A coordinator let a guest in past the capacity; a freed seat goes to no one.
    event, seated, queue = _full_event_with_waiting_list(capacity=2, waiting=1)
    make_registration(event)

    assert promote_from_waiting_list(event=event) == []
    cancel_registration(registration=seated[0])
    assert _statuses(queue) == [WAITING]


def test_coordinator_promotes_exactly_the_chosen_even_past_capacity():
    event, _seated, queue = _full_event_with_waiting_list(capacity=2, waiting=3)

    promoted = promote_from_waiting_list(event=event, registrations=[queue[2]])

    assert [r.pk for r in promoted] == [queue[2].pk]
    assert _statuses(queue) == [WAITING, WAITING, CONFIRMED]


def test_event_without_a_limit_promotes_everyone_waiting():
    event, _seated, queue = _full_event_with_waiting_list(capacity=1, waiting=2)
    Event.objects.filter(pk=event.pk).update(capacity=None)

    promote_from_waiting_list(event=event)

    assert _statuses(queue) == [CONFIRMED, CONFIRMED]


def test_cancelled_event_promotes_no_one_and_tells_no_one_they_got_a_seat(
    django_capture_on_commit_callbacks,
):
    event, seated, queue = _full_event_with_waiting_list(capacity=1, waiting=2)
    cancel_event(event=event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(registration=seated[0])

    assert promoted == []
    assert _statuses(queue) == [WAITING, WAITING]
    assert not any(m.subject.startswith("Du har fått plass") for m in mail.outbox)


def test_past_event_promotes_no_one():
    event, seated, queue = _full_event_with_waiting_list(capacity=1, waiting=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=5), ends_at=timezone.now() - timedelta(hours=2)
    )

    assert cancel_registration(registration=seated[0]) == []
    assert _statuses(queue) == [WAITING]


def test_registration_closes_when_the_event_starts_not_when_it_ends(client):
    started = make_event(
        starts_at=timezone.now() - timedelta(minutes=30),
        ends_at=timezone.now() + timedelta(hours=2),
    )

    with pytest.raises(RegistrationRefused, match="har allerede vært"):
        register(event=started, name="Kari", email="kari@example.no", consent=True)
    assert not started.registrations.exists()


def test_cancel_link_after_the_event_is_over_changes_nothing(client):
    event = make_event(capacity=1)
    seated = make_registration(event, attended=True)
    waiting = make_registration(event, status=WAITING)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=3),
    )
    url = urlsplit(links.cancel_url(seated)).path

    response = client.post(url)

    assert response.status_code == 200
    assert _statuses([seated, waiting]) == [CONFIRMED, WAITING]
    assert Registration.objects.get(pk=seated.pk).cancelled_at is None
    assert not OutgoingEmail.objects.exists()


def test_cancelling_twice_sends_one_notice():
    event = make_event()
    registration = make_registration(event)

    cancel_registration(registration=registration)
    cancel_registration(registration=registration)

    assert OutgoingEmail.objects.filter(kind=Kind.CANCELLED).count() == 1
