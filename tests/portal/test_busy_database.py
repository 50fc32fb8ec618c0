"""A write that waits too long for a lock is a 503 "try again" (or an admin message),
never a 500, and saves nothing half-way."""

import sqlite3

import pytest
from django.db import OperationalError, connection
from django.test import Client

from events.links import cancel_url
from events.models import Registration
from portal.busy import is_lock_timeout
from tests.factories import make_event, make_registration


def _hold_event_row(event):
    """A second connection that locks the event's row until it is rolled back."""
    import psycopg

    holder = psycopg.connect(**connection.get_connection_params())
    holder.execute("SELECT id FROM events_event WHERE id = %s FOR UPDATE", [event.pk])
    return holder


@pytest.mark.django_db(transaction=True)
def test_cancel_link_while_the_seat_lock_is_held_says_try_again(on_postgres, settings):
    settings.SEAT_LOCK_TIMEOUT_MS = 200
    event = make_event(capacity=10)
    registration = make_registration(event, name="Ventende Person")
    path = cancel_url(registration).removeprefix(settings.SITE_URL)
    holder = _hold_event_row(event)
    try:
        response = Client().post(path)
    finally:
        holder.rollback()
        holder.close()

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "ble ikke lagret" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    # Once the lock is gone, the same link works.
    assert Client().post(path).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


@pytest.mark.django_db(transaction=True)
def test_admin_action_while_the_seat_lock_is_held_is_a_message_not_a_500(on_postgres, settings):
    from tests.factories import make_coordinator

    settings.SEAT_LOCK_TIMEOUT_MS = 200
    event = make_event(capacity=10)
    client = Client()
    client.force_login(make_coordinator("travel-koordinator"))
    holder = _hold_event_row(event)
    try:
        response = client.post(
            "/admin/events/event/",
            {"action": "promote_waiting", "_selected_action": [event.pk]},
            follow=True,
        )
    finally:
        holder.rollback()
        holder.close()

    assert response.status_code == 200
    assert "Handlingen stoppet før alt var gjort" in response.content.decode()


def test_sqlites_locked_database_is_recognised_as_a_lock_timeout(tmp_path):
    path = tmp_path / "opptatt.sqlite3"
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN IMMEDIATE")
    second = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as raised:
        second.execute("INSERT INTO t VALUES (1)")
    first.rollback()

    # Django re-raises the driver's error as its own with the same message.
    wrapped = OperationalError(*raised.value.args)
    assert is_lock_timeout(wrapped)
    assert not is_lock_timeout(OperationalError("no such table: t"))


@pytest.mark.django_db
def test_a_locked_database_in_any_view_gives_the_503_page(rf, settings):
    from django.contrib.auth.models import AnonymousUser

    from portal.busy import BusyDatabaseMiddleware

    request = rf.post("/noe/")
    request.user = AnonymousUser()

    def view(request):
        raise AssertionError("not called")

    middleware = BusyDatabaseMiddleware(view)
    response = middleware.process_exception(request, OperationalError("database is locked"))
    other = middleware.process_exception(request, OperationalError("no such table: t"))

    assert response is not None and response.status_code == 503
    assert response["Retry-After"] == "5"
    assert other is None  # anything else is still a 500, logged as an error
    assert "portal.busy.BusyDatabaseMiddleware" in settings.MIDDLEWARE
