"""Seats change in the admin only through events/services.py: the waiting list moves up,
people get their e-mail and cancelled_at is set, as on the public pages."""

import pytest
from django.core import mail

from events.models import Event, Registration
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db

WAITING, CONFIRMED, CANCELLED = (
    Registration.Status.WAITING,
    Registration.Status.CONFIRMED,
    Registration.Status.CANCELLED,
)


@pytest.fixture
def full_event():
    event = make_event(capacity=1)
    seated = make_registration(event, status=CONFIRMED)
    waiting = make_registration(event, status=WAITING)
    return event, seated, waiting


def _change_form_data(registration: Registration, **overrides) -> dict:
    data = {
        "event": registration.event_id,
        "name": registration.name,
        "email": registration.email,
        "phone": "",
        "organisation": "",
        "municipality": registration.municipality_id or "",
        "diets": "[]",
        "diet_other": "",
        "consent": "on",
        "attended": "",
        "status": CANCELLED,  # what a crafted request or an old form would send
    }
    data.update(overrides)
    return data


def test_cancel_action_promotes_the_waiting_list_and_tells_both(
    coordinator_client, full_event, django_capture_on_commit_callbacks
):
    _event, seated, waiting = full_event

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            "/admin/events/registration/",
            {"action": "cancel_selected", "_selected_action": [seated.pk]},
        )

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == CANCELLED and seated.cancelled_at is not None
    assert waiting.status == CONFIRMED
    subjects = sorted(message.subject.split(":")[0] for message in mail.outbox)
    assert subjects == ["Du er meldt av", "Du har fått plass"]


def test_the_change_form_cannot_set_a_status(coordinator_client, full_event):
    _event, seated, _waiting = full_event

    response = coordinator_client.post(
        f"/admin/events/registration/{seated.pk}/change/", _change_form_data(seated)
    )

    assert response.status_code == 302
    seated.refresh_from_db()
    assert seated.status == CONFIRMED  # the status is read-only; the action cancels
    assert (
        "status"
        in coordinator_client.get(f"/admin/events/registration/{seated.pk}/change/")
        .context["adminform"]
        .readonly_fields
    )


def test_deleting_a_seated_registration_gives_the_seat_on(
    coordinator_client, full_event, django_capture_on_commit_callbacks
):
    _event, seated, waiting = full_event

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            f"/admin/events/registration/{seated.pk}/delete/", {"post": "yes"}
        )

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Du har fått plass"]


def test_bulk_delete_gives_the_seats_on(
    coordinator_client, full_event, django_capture_on_commit_callbacks
):
    _event, seated, waiting = full_event

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            "/admin/events/registration/",
            {"action": "delete_selected", "_selected_action": [seated.pk], "post": "yes"},
        )

    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED


def test_registrations_are_not_added_or_deleted_around_the_rules(coordinator_client, full_event):
    event, _seated, _waiting = full_event

    assert coordinator_client.get("/admin/events/registration/add/").status_code == 403
    inline = coordinator_client.get(f"/admin/events/event/{event.pk}/change/").context[
        "inline_admin_formsets"
    ][1]
    assert "status" in inline.readonly_fields
    assert not inline.formset.can_delete


def test_an_event_is_not_cancelled_by_editing_its_status(coordinator_client):
    event = make_event()
    make_registration(event)
    response = coordinator_client.get(f"/admin/events/event/{event.pk}/change/")
    form = response.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("image", "venue", "municipality")
    }
    data.update(
        {
            "status": Event.Status.CANCELLED,
            "starts_at_0": event.starts_at.strftime("%d.%m.%Y"),
            "starts_at_1": event.starts_at.strftime("%H:%M"),
            "ends_at_0": event.ends_at.strftime("%d.%m.%Y"),
            "ends_at_1": event.ends_at.strftime("%H:%M"),
            "speakers-TOTAL_FORMS": "0",
            "speakers-INITIAL_FORMS": "0",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
        }
    )
    for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        data.pop(name, None)

    response = coordinator_client.post(f"/admin/events/event/{event.pk}/change/", data)

    assert response.status_code == 200
    assert "Avlys med handlingen" in str(response.context["adminform"].form.errors["status"])
    event.refresh_from_db()
    assert not event.is_cancelled
    assert mail.outbox == []
