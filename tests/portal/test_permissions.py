"""portal/permissions.py is the one place that says who is a member or a coordinator;
the directory, the events and the templates all ask it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from actors.models import Actor
from events.models import Event
from portal.context_processors import roles
from portal.permissions import is_coordinator, is_member
from tests.factories import make_actor, make_coordinator, make_event, make_member

pytestmark = pytest.mark.django_db


def test_personas_are_what_their_names_say(member, other_member, coordinator):
    assert not is_member(AnonymousUser()) and not is_coordinator(AnonymousUser())
    assert is_member(member) and not is_coordinator(member)
    assert is_member(other_member) and not is_coordinator(other_member)
    assert is_member(coordinator) and is_coordinator(coordinator)


def test_deactivated_accounts_are_neither():
    assert not is_member(make_member(is_active=False))
    assert not is_coordinator(make_coordinator(is_active=False))


def test_templates_ask_the_same_functions(member, coordinator):
    def context_for(user):
        request = RequestFactory().get("/")
        request.user = user
        values = roles(request)
        return bool(values["is_member"]), bool(values["is_coordinator"])

    assert context_for(AnonymousUser()) == (False, False)
    assert context_for(member) == (True, False)
    assert context_for(coordinator) == (True, True)


def test_draft_events_are_visible_to_coordinators_only(member, coordinator):
    draft = make_event(status=Event.Status.DRAFT)
    published = make_event()

    assert list(Event.objects.visible_to(AnonymousUser())) == [published]
    assert list(Event.objects.visible_to(member)) == [published]
    assert set(Event.objects.visible_to(coordinator)) == {draft, published}


def test_draft_event_page_is_a_404_for_members_and_open_to_coordinators(
    member_client, coordinator_client
):
    draft = make_event(status=Event.Status.DRAFT)

    assert member_client.get(draft.get_absolute_url()).status_code == 404
    assert coordinator_client.get(draft.get_absolute_url()).status_code == 200


def test_unpublished_profiles_are_visible_to_owner_and_coordinators(
    member, other_member, coordinator
):
    mine = make_actor("Mitt utkast", status=Actor.Status.DRAFT, owner=member)
    theirs = make_actor("Deres utkast", status=Actor.Status.DRAFT, owner=other_member)
    public = make_actor("Publisert")

    assert set(Actor.objects.visible_to(AnonymousUser())) == {public}
    assert set(Actor.objects.visible_to(member)) == {public, mine}
    assert set(Actor.objects.visible_to(coordinator)) == {public, mine, theirs}
    assert list(Actor.objects.owned_by(member)) == [mine]
    assert list(Actor.objects.owned_by(AnonymousUser())) == []
