"""Two digest runs at the very same time on PostgreSQL send each member one e-mail.

Real threads with their own connections, against committed rows: both runs have read
the same followers and found the same opportunities before either claims a week.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from events.models import OutgoingEmail
from opportunities import digest
from opportunities.models import DigestEntry, Following, Opportunity
from tests.factories import make_member, make_opportunity


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_every_follower_one_digest(on_postgres, monkeypatch):
    members = [make_member(f"samtidig{n}") for n in range(5)]
    for member in members:
        Following.objects.create(user=member, started_at=timezone.now() - timedelta(days=1))
    make_opportunity(title="Til alle")
    make_opportunity(title="Også til alle")
    both_have_read = threading.Barrier(2, timeout=10)
    seen: set[int] = set()
    original = digest.matching

    def matching_then_wait(following: Following) -> list[Opportunity]:
        found = original(following)
        if threading.get_ident() not in seen:  # each run's first member: wait for the other
            seen.add(threading.get_ident())
            both_have_read.wait()
        return found

    monkeypatch.setattr(digest, "matching", matching_then_wait)
    results: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(digest.send_digests())
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(results) == 5
    sent = OutgoingEmail.objects.filter(kind="opportunity_digest")
    assert sorted(sent.values_list("to", flat=True)) == sorted(m.email for m in members)
    assert DigestEntry.objects.count() == 10
