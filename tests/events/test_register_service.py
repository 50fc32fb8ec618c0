"""services.register() called the way other code calls it: only the required fields."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone, translation

from events import links
from events.emails import Kind
from events.models import Event, OutgoingEmail, Registration
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


def test_everything_given_is_stored(member):
    with translation.override("en"):
        registration = register(
            event=make_event(), name="Mona", email="mona@example.no", consent=True,
            phone="+4791234567", organisation="Studio Nordlys", diets=["vegan"],
            diet_other="Ingen koriander", show_name=True, user=member,
        )  # fmt: skip

    registration.refresh_from_db()
    assert registration.phone == "+4791234567"
    assert registration.organisation == "Studio Nordlys"
    assert (registration.diets, registration.diet_other) == (["vegan"], "Ingen koriander")
    assert registration.show_name is True
    assert registration.consent is True
    assert registration.language == "en"
    assert registration.user == member


def test_without_an_active_language_the_registration_is_norwegian():
    with translation.override(None):
        registration = register(event=make_event(), name="Kari", email="k@example.no", consent=True)

    registration.refresh_from_db()
    assert registration.language == "nb"


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


def test_the_cancel_link_of_a_deleted_registration_says_so_in_norwegian(client):
    registration = make_registration(make_event())
    url = links.cancel_url(registration).removeprefix(settings.SITE_URL)
    registration.delete()

    response = client.get(url)

    assert response.status_code == 400
    assert "Vi finner ikke påmeldingen" in response.content.decode()


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


def test_upcoming_events_come_in_the_order_they_start_whatever_order_they_were_added_in():
    now = timezone.now()
    make_event(title="Om en uke", starts_at=now + timedelta(days=7))
    make_event(title="I morgen", starts_at=now + timedelta(days=1))
    make_event(title="Også i morgen", starts_at=now + timedelta(days=1))

    titles = [e.title for e in Event.objects.upcoming()]

    assert titles == ["I morgen", "Også i morgen", "Om en uke"]


def test_the_waiting_list_is_in_the_order_people_registered_not_the_order_of_rows():
    event = make_event(capacity=0)
    later = make_registration(event, status=Registration.Status.WAITING)
    earlier = make_registration(event, status=Registration.Status.WAITING)
    Registration.objects.filter(pk=earlier.pk).update(
        created_at=later.created_at - timedelta(minutes=5)
    )

    assert list(event.registrations.waiting_in_order()) == [earlier, later]


def test_an_event_without_a_limit_has_no_seat_count_and_is_never_full():
    event = make_event(capacity=None)
    make_registration(event)

    assert event.seats_left is None
    assert event.is_full is False
    assert event.confirmed() == 1


def test_a_visitor_has_no_registrations_of_their_own(client):
    make_registration(make_event())

    assert not Registration.objects.of_member(None).exists()
