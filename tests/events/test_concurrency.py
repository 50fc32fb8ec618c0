"""The last seat is given out once: the event row lock shown deterministically, and
20 requests arriving at the same moment.

Real threads, each with its own database connection, against a committed event:
inside the ordinary test transaction the row lock would prove nothing.
"""

import threading
import time

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test import Client

from events.models import Registration
from events.services import register
from tests.factories import make_event, make_registration, municipality

THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_requests_for_the_last_three_seats(on_postgres):
    event = make_event(capacity=10)
    for _ in range(7):
        make_registration(event)
    nes = municipality("nes").pk
    barrier = threading.Barrier(THREADS)
    statuses: list[int] = []
    lock = threading.Lock()

    def visitor(n: int) -> None:
        client = Client()
        data = {
            "name": f"Samtidig {n}",
            "email": f"samtidig{n}@example.no",
            "municipality": nes,
            "consent": "on",
        }
        try:
            barrier.wait()
            response = client.post(event.get_absolute_url(), data)
            with lock:
                statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * THREADS
    new = Registration.objects.filter(event=event, email__startswith="samtidig")
    assert new.filter(status=Registration.Status.CONFIRMED).count() == 3
    assert new.filter(status=Registration.Status.WAITING).count() == 17
    assert event.registrations.filter(status=Registration.Status.CONFIRMED).count() == 10


@pytest.mark.django_db(transaction=True)
def test_second_registration_for_the_last_seat_waits_for_the_first_to_commit(on_postgres, settings):
    """The row lock, shown step by step instead of hoped for under load.

    The first registration is stopped inside its transaction, right after it has
    taken the last seat (a post_save receiver holds it there). Only then does the
    second registration start. With the lock, the second waits on the event row
    until the first commits, then counts the seat as taken: waiting list. Without
    it, the second counts while the first is uncommitted and takes the same seat.
    The order is fixed by events, not by timing, so the outcome is the same every run.
    """
    # The second must wait however slow the machine is, not give up after the seat
    # lock's timeout (3 s; that rule has its own test).
    settings.SEAT_LOCK_TIMEOUT_MS = 120_000
    event = make_event(capacity=1)
    first_holds_the_seat, let_first_commit = threading.Event(), threading.Event()
    results: dict[str, Registration | BaseException] = {}

    def hold_first_inside_its_transaction(sender, instance, created, **kwargs):
        if created and threading.current_thread().name == "first":
            first_holds_the_seat.set()
            let_first_commit.wait(timeout=60)

    def visitor(name: str) -> None:
        try:
            results[name] = register(
                event=event, name=name, email=f"{name}@example.no", consent=True
            )
        except BaseException as error:  # reported by the assertions below
            results[name] = error
        finally:
            connection.close()

    post_save.connect(hold_first_inside_its_transaction, sender=Registration)
    try:
        first = threading.Thread(target=visitor, args=("first",), name="first")
        first.start()
        assert first_holds_the_seat.wait(timeout=60)
        second = threading.Thread(target=visitor, args=("second",), name="second")
        second.start()
        second_waited = _until_waiting_on_a_lock_or_done(second)
        let_first_commit.set()
        first.join()
        second.join()
    finally:
        let_first_commit.set()
        post_save.disconnect(hold_first_inside_its_transaction, sender=Registration)

    assert results["first"].status == Registration.Status.CONFIRMED
    assert results["second"].status == Registration.Status.WAITING
    assert event.registrations.filter(status=Registration.Status.CONFIRMED).count() == 1
    assert second_waited, "the second registration did not wait for the first"


def _until_waiting_on_a_lock_or_done(thread: threading.Thread) -> bool:
    """Poll PostgreSQL until another connection waits on a lock (True) or `thread` ends."""
    for _ in range(6000):
        if not thread.is_alive():
            return False
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.01)
    raise AssertionError("the second registration neither finished nor waited")


@pytest.mark.django_db(transaction=True)
def test_registration_gives_up_politely_when_the_seat_lock_is_held(on_postgres, settings):
    """A transaction elsewhere holds the event's row: the visitor gets 503 and a message
    in Norwegian after SEAT_LOCK_TIMEOUT_MS, and nothing is saved."""
    import psycopg

    settings.SEAT_LOCK_TIMEOUT_MS = 200
    event = make_event(capacity=10)
    holder = psycopg.connect(**connection.get_connection_params())
    try:
        holder.execute("SELECT id FROM events_event WHERE id = %s FOR UPDATE", [event.pk])
        data = {
            "name": "Tålmodig Person",
            "email": "talmodig@example.no",
            "municipality": municipality("nes").pk,
            "consent": "on",
        }

        response = Client().post(event.get_absolute_url(), data)
    finally:
        holder.rollback()
        holder.close()

    assert response.status_code == 503
    page = response.content.decode()
    assert "Mange melder seg på akkurat nå, prøv igjen om litt." in page
    assert 'value="Tålmodig Person"' in page
    assert not Registration.objects.filter(event=event).exists()
    # Once the lock is released, the same form goes through.
    assert Client().post(event.get_absolute_url(), data).status_code == 302
    assert Registration.objects.filter(event=event).count() == 1
