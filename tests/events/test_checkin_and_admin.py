"""Staff check-in page and the coordinators' admin for events."""

import csv
import io

import pytest
from django.core import mail
from openpyxl import load_workbook

from events.models import Event, Registration
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


def _checkin_url(event: Event) -> str:
    return f"/arrangementer/{event.slug}/innsjekk/"


def test_checkin_shows_counts_and_searches_by_name(coordinator_client, event):
    make_registration(event, name="Kari Nordmann", attended=True)
    make_registration(event, name="Ola Hansen")
    make_registration(event, name="Per Venter", status=Registration.Status.WAITING)

    everyone = coordinator_client.get(_checkin_url(event)).content.decode()
    found = coordinator_client.get(_checkin_url(event) + "?q=kari").content.decode()

    assert "Ola Hansen" in everyone and "Per Venter" in everyone
    assert "Kari Nordmann" in found and "Ola Hansen" not in found
    counts = coordinator_client.get(_checkin_url(event)).context["counts"]
    assert counts == {"confirmed": 2, "attended": 1, "waiting": 1, "walk_ins": 0}


def test_one_tap_toggles_attended(coordinator_client, event):
    registration = make_registration(event)

    response = coordinator_client.post(
        _checkin_url(event) + "?q=Delt", {"registration": registration.pk}
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=Delt#r-{registration.pk}")
    registration.refresh_from_db()
    assert registration.attended
    coordinator_client.post(_checkin_url(event), {"registration": registration.pk})
    registration.refresh_from_db()
    assert not registration.attended


def test_checkin_cannot_touch_another_events_registration(coordinator_client, event):
    other = make_registration(make_event())

    response = coordinator_client.post(_checkin_url(event), {"registration": other.pk})

    assert response.status_code == 404


def test_checkin_refuses_members(member_client, event):
    assert member_client.get(_checkin_url(event)).status_code == 403
    assert member_client.post(_checkin_url(event), {"registration": 1}).status_code == 403


def test_checkin_sends_visitors_to_login(client, event):
    response = client.get(_checkin_url(event))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_checkin_refuses_wrong_method(coordinator_client, event):
    assert coordinator_client.put(_checkin_url(event)).status_code == 405


def test_admin_list_shows_registration_counts(coordinator_client, event):
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)

    response = coordinator_client.get("/admin/events/event/")

    assert response.status_code == 200
    row = response.context["cl"].result_list.get(pk=event.pk)
    assert (row.confirmed_count, row.waiting_count) == (1, 1)


def test_admin_and_checkin_do_not_count_attended_then_cancelled(coordinator_client, event):
    # Checked in at the door, then cancelled from the e-mail link while the event ran.
    make_registration(event, name="Kom og gikk", attended=True, status="cancelled")
    make_registration(event, name="Kom og ble", attended=True)

    row = coordinator_client.get("/admin/events/event/").context["cl"].result_list.get(pk=event.pk)
    counts = coordinator_client.get(_checkin_url(event)).context["counts"]

    assert row.attended_count == counts["attended"] == 1
    assert (row.confirmed_count, row.cancelled_count) == (1, 1)


def _action(client, url, action, pks, **extra):
    return client.post(url, {"action": action, "_selected_action": pks, **extra})


def test_admin_exports_participants_as_csv_and_xlsx(coordinator_client, event):
    make_registration(event, name="Kari Nordmann", diets=["vegan"], diet_other="Ingen løk")
    make_registration(event, name="Avmeldt", status=Registration.Status.CANCELLED)

    as_csv = _action(coordinator_client, "/admin/events/event/", "export_csv", [event.pk])
    as_xlsx = _action(coordinator_client, "/admin/events/event/", "export_xlsx", [event.pk])

    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Navn"
    assert [r[0] for r in rows[1:]] == ["Kari Nordmann"]
    assert "Vegansk, Ingen løk" in rows[1]
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet["A2"].value == "Kari Nordmann"
    assert sheet.max_row == 2


def test_admin_copies_event_as_new_draft(coordinator_client, event):
    event.speakers.create(name="Innleder")

    _action(coordinator_client, "/admin/events/event/", "copy_as_draft", [event.pk])

    copy = Event.objects.exclude(pk=event.pk).get()
    assert copy.status == Event.Status.DRAFT
    assert copy.slug != event.slug
    assert copy.speakers.get().name == "Innleder"


def test_admin_promotes_waiting_and_marks_attended(
    coordinator_client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2)
    make_registration(event)
    waiting = make_registration(event, status=Registration.Status.WAITING)
    event.capacity = 3
    event.save()

    with django_capture_on_commit_callbacks(execute=True):
        _action(coordinator_client, "/admin/events/event/", "promote_waiting", [event.pk])
    _action(coordinator_client, "/admin/events/registration/", "mark_attended", [waiting.pk])

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert waiting.attended
    assert mail.outbox[0].subject.startswith("Du har fått plass")


def test_admin_cancel_action_asks_first_and_changes_nothing(coordinator_client):
    event = make_event()
    make_registration(event)

    response = _action(coordinator_client, "/admin/events/event/", "cancel_events", [event.pk])

    assert response.status_code == 200
    assert "Vil du avlyse?" in response.text
    assert "1 person får e-post" in response.text
    event.refresh_from_db()
    assert not event.is_cancelled
    assert mail.outbox == []


def test_admin_cancel_action_tells_everyone_once_confirmed(
    coordinator_client, django_capture_on_commit_callbacks
):
    event = make_event()
    make_registration(event)

    with django_capture_on_commit_callbacks(execute=True):
        _action(coordinator_client, "/admin/events/event/", "cancel_events", [event.pk], post="yes")

    event.refresh_from_db()
    assert event.is_cancelled
    assert len(mail.outbox) == 1


def test_admin_is_closed_to_members(member_client, event):
    response = member_client.get("/admin/events/event/")

    assert response.status_code == 302
