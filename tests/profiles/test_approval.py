"""Coordinators approve pending profiles (e-mail link or admin) and hide them with a reason."""

import time
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.urls import reverse

from actors.links import APPROVE_SALT, approve_url
from actors.models import Actor
from tests.factories import make_actor
from tests.profiles.conftest import assert_login_redirect, client_for

ADMIN_LIST = reverse("admin:actors_actor_changelist")


@pytest.fixture
def pending(owner_user):
    return make_actor(
        "Ventende Verksted", owner=owner_user, status=Actor.Status.PENDING, language="en"
    )


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_approve_link_shows_a_button_and_changes_nothing_on_get(clients, pending):
    response = clients["coordinator"].get(path_of(approve_url(pending)))
    assert response.status_code == 200
    assert "Godkjenn og publiser" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Actor.Status.PENDING


def test_approving_publishes_and_tells_the_owner_in_their_language(
    clients, pending, owner_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = clients["coordinator"].post(path_of(approve_url(pending)))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Actor.Status.PUBLISHED and pending.published_at
    [told] = mail.outbox
    assert told.to == [owner_user.email]
    assert told.subject == "Your profile is published: Ventende Verksted"
    # Approving twice publishes once and e-mails once.
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(path_of(approve_url(pending)))
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("persona", "expected"), [("owner", 403), ("other_member", 403), ("unconfirmed", 403)]
)
def test_only_coordinators_may_approve(clients, pending, persona, expected):
    url = path_of(approve_url(pending))
    client = client_for(clients, persona)
    assert client.get(url).status_code == expected
    assert client.post(url).status_code == expected
    pending.refresh_from_db()
    assert pending.status == Actor.Status.PENDING


def test_approve_link_asks_visitors_to_log_in(clients, pending):
    assert_login_redirect(clients["visitor"].post(path_of(approve_url(pending))))


def test_tampered_approve_link_is_refused(clients, pending):
    other = make_actor("Annen Ventende", status=Actor.Status.PENDING)
    token = path_of(approve_url(pending)).split("/")[-2]
    forged = token.replace(str(pending.pk), str(other.pk), 1)
    response = clients["coordinator"].post(reverse("actors:approve", args=[forged]))
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.status == Actor.Status.PENDING


def test_expired_approve_link_is_refused(clients, pending):
    class LongAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 31 * 24 * 3600)

    token = LongAgo(salt=APPROVE_SALT).sign(str(pending.pk))
    response = clients["coordinator"].post(reverse("actors:approve", args=[token]))
    assert response.status_code == 400
    assert "for gammel" in response.content.decode()


def test_admin_action_approves_pending_profiles_and_tells_owners(
    clients, pending, owner_user, django_capture_on_commit_callbacks
):
    draft = make_actor("Utkast", status=Actor.Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(
            ADMIN_LIST,
            {"action": "approve_profiles", "_selected_action": [pending.pk, draft.pk]},
        )
    pending.refresh_from_db()
    draft.refresh_from_db()
    assert pending.status == Actor.Status.PUBLISHED
    assert draft.status == Actor.Status.DRAFT
    assert [m.to for m in mail.outbox] == [[owner_user.email]]


def test_hiding_asks_for_a_reason_that_the_owner_then_sees(
    clients, own_actor, owner_user, django_capture_on_commit_callbacks
):
    selected = {"action": "hide_with_reason", "_selected_action": [own_actor.pk]}
    asked = clients["coordinator"].post(ADMIN_LIST, selected)
    assert asked.status_code == 200 and "Begrunnelse" in asked.content.decode()
    own_actor.refresh_from_db()
    assert own_actor.status == Actor.Status.PUBLISHED

    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(
            ADMIN_LIST, {**selected, "post": "yes", "reason": "Bildene er ikke deres egne."}
        )
    own_actor.refresh_from_db()
    assert own_actor.status == Actor.Status.HIDDEN
    assert own_actor.hidden_reason == "Bildene er ikke deres egne."
    [told] = mail.outbox
    assert told.to == [owner_user.email] and "Bildene er ikke deres egne." in told.body
    page = clients["owner"].get(reverse("actors:edit", args=[own_actor.slug])).content.decode()
    assert "Bildene er ikke deres egne." in page


def test_the_language_chosen_on_my_page_wins(
    clients, pending, owner_user, django_capture_on_commit_callbacks
):
    from accounts.models import MemberSettings

    MemberSettings.objects.create(user=owner_user, language="nb")
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(path_of(approve_url(pending)))
    assert mail.outbox[0].subject == "Profilen din er publisert: Ventende Verksted"
