"""Whether an opportunity is open is read from its status and deadline at query time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from actors.models import Actor
from opportunities.models import DEFAULT_OPEN_DAYS, Opportunity
from tests.factories import make_actor, make_opportunity

pytestmark = pytest.mark.django_db


def test_a_new_opportunity_is_open_for_sixty_days():
    opportunity = make_opportunity()

    assert opportunity.deadline == timezone.localdate() + timedelta(days=DEFAULT_OPEN_DAYS)
    assert list(Opportunity.objects.open()) == [opportunity]
    assert opportunity.is_open


def test_the_deadline_day_is_still_open_and_the_day_after_is_expired():
    today = timezone.localdate()
    last_day = make_opportunity(deadline=today)
    expired = make_opportunity(deadline=today - timedelta(days=1))

    assert list(Opportunity.objects.open()) == [last_day]
    assert list(Opportunity.objects.expired()) == [expired]
    assert last_day.is_open and not expired.is_open
    assert expired.is_expired


def test_closed_hidden_and_unpublished_posters_are_not_open():
    closed = make_opportunity()
    closed.close(filled=True)
    make_opportunity(hidden=True)
    make_opportunity(make_actor(status=Actor.Status.HIDDEN))

    assert not Opportunity.objects.open().exists()
    assert closed.filled and closed.closed_at is not None


def test_visitors_see_viewable_pages_owners_their_own_and_coordinators_all(
    member, other_member, coordinator
):
    from django.contrib.auth.models import AnonymousUser

    own_profile = make_actor(owner=member, status=Actor.Status.DRAFT)
    own_draft_profile_post = make_opportunity(own_profile)
    hidden = make_opportunity(make_actor(owner=other_member), hidden=True)
    public = make_opportunity()

    assert set(Opportunity.objects.visible_to(AnonymousUser())) == {public}
    assert set(Opportunity.objects.visible_to(member)) == {public, own_draft_profile_post}
    assert set(Opportunity.objects.visible_to(other_member)) == {public, hidden}
    assert set(Opportunity.objects.visible_to(coordinator)) == {
        public,
        own_draft_profile_post,
        hidden,
    }
