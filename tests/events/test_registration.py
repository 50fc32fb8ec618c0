"""Registration rules: seats, waiting list, duplicates, closed events, the form."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event, Registration
from events.services import AlreadyRegistered, RegistrationRefused, register
from tests.factories import make_event, make_registration, registration_data

pytestmark = pytest.mark.django_db


def test_visitor_registers_and_gets_a_seat(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.get_absolute_url(), registration_data(), follow=True)

    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.diets == ["vegetarian"]
    assert registration.municipality.slug == "nes"
    assert "Takk, du er påmeldt!" in response.content.decode()


def test_full_event_puts_next_registration_on_waiting_list_with_place(client):
    event = make_event(capacity=2)
    make_registration(event)
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)
    make_registration(event, status=Registration.Status.WAITING)

    response = client.post(event.get_absolute_url(), registration_data(), follow=True)

    registration = Registration.objects.get(email="kari@example.no")
    assert registration.status == Registration.Status.WAITING
    assert "Du står som nr. 3 på ventelisten" in response.content.decode()


def test_second_registration_with_same_email_is_refused_without_second_row(client, event):
    make_registration(event, email="Kari@Example.no")

    response = client.post(event.get_absolute_url(), registration_data())

    assert response.status_code == 200
    assert "allerede påmeldt" in response.content.decode()
    assert event.registrations.count() == 1


def test_cancelled_registration_does_not_block_a_new_one(event):
    make_registration(event, email="kari@example.no", status=Registration.Status.CANCELLED)

    registration = register(event=event, name="Kari", email="kari@example.no", consent=True)

    assert registration.status == Registration.Status.CONFIRMED


def test_database_refuses_two_active_registrations_for_one_email(event):
    make_registration(event, email="kari@example.no")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_registration(event, email="KARI@example.no")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_at": timezone.now() - timedelta(days=2)}, "har allerede vært"),
        ({"status": Event.Status.CANCELLED}, "er avlyst"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "ikke åpnet ennå"),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "fristen har gått ut"),
    ],
)
def test_closed_events_refuse_registration_and_say_why(client, fields, message):
    event = make_event(**fields)

    with pytest.raises(RegistrationRefused, match=message):
        register(event=event, name="Kari", email="kari@example.no", consent=True)
    page = client.get(event.get_absolute_url()).content.decode()
    assert message in page
    assert 'name="consent"' not in page
    response = client.post(event.get_absolute_url(), registration_data(), follow=True)
    assert message in response.content.decode()
    assert not event.registrations.exists()


def test_registration_without_consent_is_refused(event):
    with pytest.raises(RegistrationRefused):
        register(event=event, name="Kari", email="kari@example.no", consent=False)


def test_bad_fields_keep_what_was_typed_and_explain_in_norwegian(client, event):
    data = registration_data(email="ikke-en-adresse", consent=None, phone="12")

    response = client.post(event.get_absolute_url(), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Skriv en gyldig e-postadresse" in page
    assert "Du må godta personvernerklæringen" in page
    assert "Telefonnummeret ser ikke riktig ut" in page
    assert 'value="Kari Nordmann"' in page
    assert 'value="ikke-en-adresse"' in page
    assert 'value="Studio Nordlys"' in page
    assert 'aria-invalid="true"' in page
    assert not Registration.objects.exists()


def test_phone_is_stored_in_international_form(client, event):
    client.post(event.get_absolute_url(), registration_data(phone="412 34 567"))

    assert Registration.objects.get().phone == "+4741234567"


def test_form_is_prefilled_for_logged_in_member(member_client, event):
    page = member_client.get(event.get_absolute_url()).content.decode()

    assert 'value="Mona Medlem"' in page
    assert 'value="medlem@example.no"' in page


def test_member_registration_is_linked_to_account(member, member_client, event):
    member_client.post(event.get_absolute_url(), registration_data())

    assert Registration.objects.get().user == member


def test_event_page_refuses_wrong_method(client, event):
    assert client.put(event.get_absolute_url()).status_code == 405


def test_draft_event_is_hidden_from_visitors(client):
    event = make_event(status=Event.Status.DRAFT)

    assert client.get(event.get_absolute_url()).status_code == 404


def test_already_registered_error_is_a_refusal(event):
    register(event=event, name="Kari", email="kari@example.no", consent=True)

    with pytest.raises(AlreadyRegistered):
        register(event=event, name="Kari", email=" KARI@example.no ", consent=True)


def test_the_event_page_for_visitors_has_no_form_and_is_served_from_the_page_cache(
    client, event, settings
):
    settings.PAGE_CACHE_SECONDS = 30
    first = client.get(event.get_absolute_url())
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies  # no CSRF cookie: shareable
    assert f"{event.get_absolute_url()}pamelding/" in first.content.decode()

    assert client.get(event.get_absolute_url()).context is None  # from the page cache

    # Another visitor registers through the form's own page (with a CSRF token)...
    from django.test import Client

    other = Client(enforce_csrf_checks=True)
    step = other.get(f"{event.get_absolute_url()}pamelding/")
    token = step.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    other.post(
        f"{event.get_absolute_url()}pamelding/",
        {**registration_data(), "csrfmiddlewaretoken": token},
    )
    assert event.registrations.count() == 1
    # ...and the seat count the first visitor sees is current at once, not 30 s later.
    again = client.get(event.get_absolute_url())
    assert again.context is not None
    assert again.content != first.content


def test_the_registration_step_keeps_what_was_typed_and_explains(client, event):
    data = registration_data(email="ikke-en-adresse")
    response = client.post(f"{event.get_absolute_url()}pamelding/", data)

    assert response.status_code == 200
    assert 'value="ikke-en-adresse"' in response.content.decode()
    assert "Noe må rettes" in response.content.decode()
