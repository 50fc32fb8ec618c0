"""The profile page is rendered once per role and shared (actors/views.py): members who
are not the owner get it without querying the profile, never someone else's view of it,
and never a profile that has been hidden or changed since."""

import pytest

from actors.models import Actor, Visibility
from tests.factories import logged_in, make_actor, make_unconfirmed

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def profile(member):
    return make_actor(
        "Gjerdrum Grafikk",
        owner=member,
        phone="+4741234567",
        phone_visibility=Visibility.MEMBERS,
        pitch="Silketrykk og plakater.",
    )


def test_a_second_member_gets_the_profile_without_querying_it(
    shared, profile, other_member, coordinator, django_assert_max_num_queries
):
    from tests.factories import make_member

    logged_in(make_member("forste-leser")).get(profile.get_absolute_url())
    reader = logged_in(other_member)

    # Session, user and e-mail confirmation: nothing of the profile is queried again.
    with django_assert_max_num_queries(3):
        page = reader.get(profile.get_absolute_url()).content.decode()

    assert "<title>Gjerdrum Grafikk" in page
    assert "41 23 45 67" in page  # members see the phone
    assert "Rediger profilen" not in page


def test_the_owner_and_coordinators_never_get_the_shared_page(
    shared, profile, member, other_member, coordinator_client
):
    logged_in(other_member).get(profile.get_absolute_url())  # fills the shared copy

    own = logged_in(member).get(profile.get_absolute_url()).content.decode()
    coordinators = coordinator_client.get(profile.get_absolute_url()).content.decode()

    assert "Rediger profilen" in own
    assert "Send en melding" not in own
    assert "Send en melding" in coordinators


def test_visitors_and_unconfirmed_accounts_never_get_the_members_copy(
    shared, client, profile, other_member
):
    members_copy = logged_in(other_member).get(profile.get_absolute_url()).content.decode()
    assert "41 23 45 67" in members_copy

    for reader in (client, logged_in(make_unconfirmed("ubekreftet"))):
        page = reader.get(profile.get_absolute_url()).content.decode()
        assert "Gjerdrum Grafikk" in page
        assert "41 23 45 67" not in page
        assert "bare synlige for medlemmer" in page


def test_a_hidden_or_changed_profile_shows_at_once(shared, profile, other_member, member):
    reader = logged_in(other_member)
    reader.get(profile.get_absolute_url())

    profile.pitch = "Silketrykk, plakater og kurs."
    profile.save()
    assert "plakater og kurs" in reader.get(profile.get_absolute_url()).content.decode()

    Actor.objects.filter(pk=profile.pk).hide()  # the admin's bulk action
    assert reader.get(profile.get_absolute_url()).status_code == 404
    # Its owner still sees it, with the notice that it is not published.
    own = logged_in(member).get(profile.get_absolute_url())
    assert own.status_code == 200 and "ikke publisert" in own.content.decode()
