"""The last seat is given out once, also when 20 requests arrive at the same moment.

Real threads, each with its own database connection, against a committed event:
inside the ordinary test transaction the row lock would prove nothing.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from events.models import Registration
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
