"""«Er dette deg?»: a member asks to take over a profile the coordinators made."""

import pytest
from django.core import mail
from django.urls import reverse

from actors.models import Actor, ClaimRequest
from tests.factories import make_actor, make_member
from tests.profiles.conftest import assert_login_redirect, client_for, logged_in

CLAIMS = reverse("admin:actors_claimrequest_changelist")


@pytest.fixture
def unowned(db):
    return make_actor("Koordinatorenes Kor", email="kor@example.no")


def claim_url(actor: Actor) -> str:
    return reverse("actors:claim", args=[actor.slug])


def test_unowned_profiles_ask_is_this_you(client, unowned, own_actor):
    assert claim_url(unowned) in client.get(unowned.get_absolute_url()).content.decode()
    assert claim_url(own_actor) not in client.get(own_actor.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("owner", 200), ("other_member", 200), ("unconfirmed", 403), ("coordinator", 200)],
)
def test_claim_page_is_for_members(clients, unowned, persona, expected):
    assert client_for(clients, persona).get(claim_url(unowned)).status_code == expected


def test_claim_page_asks_visitors_to_log_in(clients, unowned):
    assert_login_redirect(clients["visitor"].get(claim_url(unowned)))


def test_owned_or_unpublished_profiles_cannot_be_claimed(clients, own_actor):
    hidden = make_actor("Skjult Kor", status=Actor.Status.HIDDEN)
    assert clients["other_member"].get(claim_url(own_actor)).status_code == 404
    assert clients["other_member"].get(claim_url(hidden)).status_code == 404


def test_claim_is_stored_once_and_coordinators_are_told(
    clients, unowned, coordinator_user, django_capture_on_commit_callbacks
):
    client = clients["other_member"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(claim_url(unowned), {"message": "Jeg er dirigenten."})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(claim_url(unowned), {"message": "Jeg er dirigenten, ring meg."})
    [claim] = ClaimRequest.objects.all()
    assert claim.message == "Jeg er dirigenten, ring meg." and claim.status == "pending"
    [told] = mail.outbox
    assert told.to == [coordinator_user.email] and "Koordinatorenes Kor" in told.subject


def test_empty_claim_message_is_refused(clients, unowned):
    response = clients["other_member"].post(claim_url(unowned), {"message": ""})
    assert response.status_code == 400
    assert "Skriv noen ord om hvem du er." in response.content.decode()
    assert not ClaimRequest.objects.exists()


def test_approving_a_claim_makes_the_member_owner_and_refuses_the_others(
    clients, unowned, django_capture_on_commit_callbacks
):
    winner, loser = make_member("vinner"), make_member("taper")
    first = ClaimRequest.objects.create(actor=unowned, user=winner, message="Meg", language="en")
    second = ClaimRequest.objects.create(actor=unowned, user=loser, message="Nei, meg")
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(CLAIMS, {"action": "approve", "_selected_action": [first.pk]})
    unowned.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert unowned.owner == winner and unowned.language == "en"
    assert (first.status, second.status) == ("approved", "refused")
    assert first.decided_by.username == "koordinator"
    by_recipient = {m.to[0]: m.subject for m in mail.outbox}
    assert by_recipient[winner.email] == "You now own the profile Koordinatorenes Kor"
    assert "Koordinatorenes Kor" in by_recipient[loser.email]
    # The new owner may now edit it.
    edit = reverse("actors:edit", args=[unowned.slug])
    assert logged_in(winner).get(edit).status_code == 200
    assert logged_in(loser).get(edit).status_code == 404


def test_refusing_a_claim_tells_the_member(clients, unowned, django_capture_on_commit_callbacks):
    member = make_member("avslatt")
    claim = ClaimRequest.objects.create(actor=unowned, user=member, message="Meg")
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(CLAIMS, {"action": "refuse", "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    unowned.refresh_from_db()
    assert claim.status == "refused" and unowned.owner is None
    [told] = mail.outbox
    assert told.to == [member.email] and "kunne ikke gi deg profilen" in told.subject


def test_a_claim_on_a_profile_that_got_an_owner_is_not_approved(clients, unowned, owner_user):
    claim = ClaimRequest.objects.create(actor=unowned, user=make_member("sen"), message="Meg")
    Actor.objects.filter(pk=unowned.pk).update(owner=owner_user)
    clients["coordinator"].post(CLAIMS, {"action": "approve", "_selected_action": [claim.pk]})
    claim.refresh_from_db()
    unowned.refresh_from_db()
    assert claim.status == "pending" and unowned.owner == owner_user


def test_one_member_cannot_flood_the_coordinators_with_claims(
    clients, coordinator_user, django_capture_on_commit_callbacks
):
    from actors.services import MAX_OPEN_CLAIMS

    client = clients["other_member"]
    profiles = [make_actor(f"Uten eier {n}") for n in range(MAX_OPEN_CLAIMS + 1)]
    with django_capture_on_commit_callbacks(execute=True):
        for actor in profiles[:MAX_OPEN_CLAIMS]:
            assert client.post(claim_url(actor), {"message": "Det er meg."}).status_code == 302
        over = client.post(claim_url(profiles[-1]), {"message": "Og denne også."})
        # Changing the message of a claim already waiting is still allowed.
        again = client.post(claim_url(profiles[0]), {"message": "Det er meg, ring."})

    assert over.status_code == 429
    page = over.content.decode()
    assert f"Du har allerede {MAX_OPEN_CLAIMS} forespørsler som venter" in page
    assert "Og denne også." in page  # what they typed is kept
    assert again.status_code == 302
    assert ClaimRequest.objects.count() == MAX_OPEN_CLAIMS
    assert len(mail.outbox) == MAX_OPEN_CLAIMS
