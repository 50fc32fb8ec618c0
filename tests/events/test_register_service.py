"""services.register() called the way other code calls it: only the required fields."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import links
from events.emails import Kind
from events.models import OutgoingEmail
from events.services import cancel_registration, register, send_reminders
from tests.factories import make_actor, make_event, make_registration

pytestmark = pytest.mark.django_db


def test_what_is_not_given_is_stored_empty_and_the_name_is_not_shown():
    registration = register(
        event=make_event(), name=" Kari Nordmann ", email=" kari@example.no ", consent=True
    )

    registration.refresh_from_db()
    assert (registration.name, registration.email) == ("Kari Nordmann", "kari@example.no")
    assert (registration.phone, registration.organisation, registration.diet_other) == ("", "", "")
    assert registration.diets == []
    assert registration.show_name is False
    assert registration.actor is None and registration.user is None


def test_a_member_registers_on_behalf_of_their_profile(member):
    studio = make_actor("Studio Nordlys", owner=member)

    registration = register(
        event=make_event(), name="Mona", email="mona@example.no", consent=True,
        actor=studio, user=member,
    )  # fmt: skip

    registration.refresh_from_db()
    assert registration.actor == studio
    assert registration.user == member


def test_a_cancellation_records_when(django_assert_num_queries):
    registration = make_registration(make_event())
    before = timezone.now()

    cancel_registration(registration=registration)

    registration.refresh_from_db()
    assert before <= registration.cancelled_at <= timezone.now()


def test_the_cancel_link_reads_the_registration_and_its_event_in_one_query(
    django_assert_num_queries,
):
    registration = make_registration(make_event(title="Vårtreff"))
    token = links.cancel_token(registration)

    with django_assert_num_queries(1):
        found = links.registration_from_token(token)
        assert found.event.title == "Vårtreff"


@pytest.mark.parametrize(("hours", "reminded"), [(23.5, True), (24.5, False)])
def test_reminders_go_to_events_that_start_within_24_hours(hours, reminded):
    event = make_event(starts_at=timezone.now() + timedelta(hours=hours))
    make_registration(event)

    assert send_reminders() == (1 if reminded else 0)
    assert OutgoingEmail.objects.filter(kind=Kind.REMINDER).exists() is reminded
