"""Owners are asked once a year whether their profile is still right, at most monthly."""

import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actors.links import CONFIRM_SALT, still_correct_url
from actors.models import Actor
from actors.services import remind_stale_profiles
from tests.factories import make_actor, make_member

NOW = timezone.now()


def age(actor: Actor, *, days: int, confirmed_days: int | None = None) -> Actor:
    """Set when the profile was last changed (and confirmed), as if time had passed."""
    fields = {"updated_at": NOW - timedelta(days=days)}
    if confirmed_days is not None:
        fields["confirmed_at"] = NOW - timedelta(days=confirmed_days)
    Actor.objects.filter(pk=actor.pk).update(**fields)
    actor.refresh_from_db()
    return actor


@pytest.fixture
def stale(own_actor):
    return age(own_actor, days=400)


def run(when, callbacks) -> int:
    with callbacks(execute=True):
        return remind_stale_profiles(now=when)


def test_owner_of_a_stale_profile_is_asked_once(
    stale, owner_user, django_capture_on_commit_callbacks
):
    assert run(NOW, django_capture_on_commit_callbacks) == 1
    [asked] = mail.outbox
    assert asked.to == [owner_user.email]
    assert "Er informasjonen fortsatt riktig?" in asked.subject
    assert "/aktorer/fortsatt-riktig/" in asked.body
    # Idempotent: a second run the same day, or the next week, asks nobody.
    assert run(NOW, django_capture_on_commit_callbacks) == 0
    assert run(NOW + timedelta(days=7), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1
    # A month later, still unconfirmed: asked again.
    assert run(NOW + timedelta(days=31), django_capture_on_commit_callbacks) == 1


def test_fresh_confirmed_unowned_and_hidden_profiles_are_left_alone(
    db, django_capture_on_commit_callbacks
):
    owner = make_member("fersk")
    age(make_actor("Nylig endret", owner=owner), days=30)
    age(make_actor("Nylig bekreftet", owner=owner), days=400, confirmed_days=100)
    age(make_actor("Uten eier"), days=400)
    age(make_actor("Skjult", owner=owner, status=Actor.Status.HIDDEN), days=400)
    assert run(NOW, django_capture_on_commit_callbacks) == 0


def test_one_email_per_owner_and_no_second_within_a_month(
    owner_user, stale, django_capture_on_commit_callbacks
):
    second = age(make_actor("Eiers Andre", owner=owner_user), days=400)
    assert run(NOW, django_capture_on_commit_callbacks) == 1
    assert "Eiers Ensemble" in mail.outbox[0].body and "Eiers Andre" in mail.outbox[0].body
    # A third profile that turns stale two weeks later waits for the month to pass.
    age(make_actor("Eiers Tredje", owner=owner_user), days=380)
    assert run(NOW + timedelta(days=14), django_capture_on_commit_callbacks) == 0
    second.refresh_from_db()
    assert second.reminded_at == NOW


def test_the_command_reports_what_it_did(stale, capsys):
    call_command("remind_stale_profiles")
    assert "Påminnelser lagt i kø: 1" in capsys.readouterr().out


def test_still_correct_link_asks_first_then_confirms_on_post(client, stale):
    url = urlsplit(still_correct_url(stale)).path
    page = client.get(url)
    assert page.status_code == 200 and "Ja, informasjonen er riktig" in page.content.decode()
    stale.refresh_from_db()
    assert stale.confirmed_at is None
    assert client.post(url).status_code == 302
    stale.refresh_from_db()
    assert stale.confirmed_at is not None
    assert not Actor.objects.stale().filter(pk=stale.pk).exists()
    assert stale.updated_at < NOW - timedelta(days=399)  # confirming is not an edit


def test_tampered_expired_or_handed_over_links_are_refused(client, stale):
    token = urlsplit(still_correct_url(stale)).path.split("/")[-2]
    tampered = "x" + token[1:]

    class LongAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 61 * 24 * 3600)

    expired = LongAgo(salt=CONFIRM_SALT).sign(f"{stale.pk}:{stale.owner_id}")
    valid_before_handover = token
    for bad in (tampered, expired):
        response = client.post(reverse("actors:still_correct", args=[bad]))
        assert response.status_code == 400
    Actor.objects.filter(pk=stale.pk).update(owner=make_member("ny-eier"))
    response = client.post(reverse("actors:still_correct", args=[valid_before_handover]))
    assert response.status_code == 400
    stale.refresh_from_db()
    assert stale.confirmed_at is None


def test_coordinators_can_list_stale_profiles_in_the_admin(clients, stale):
    make_actor("Helt Fersk", owner=make_member("fersk2"))
    url = reverse("admin:actors_actor_changelist") + "?utdatert=ja"
    page = clients["coordinator"].get(url).content.decode()
    assert "Eiers Ensemble" in page and "Helt Fersk" not in page
