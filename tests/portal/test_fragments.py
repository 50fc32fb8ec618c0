"""Shared page parts (portal/fragments.py) and the data version that outdates them
(portal/cache_version.py): members get the directory and home page from what was
rendered for anyone, never someone else's personal parts, and never stale data."""

import pytest

from actors.models import Actor
from portal.cache_version import data_version
from tests.factories import make_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300


def test_members_share_the_directory_and_see_a_change_on_the_next_request(
    shared, member_client, django_assert_max_num_queries, other_member
):
    actor = make_actor("Kløfta Kammerkor", pitch="Blandet kor.")
    first = member_client.get("/aktorer/")
    assert "Kløfta Kammerkor" in first.content.decode()

    from django.test import Client

    other = Client()
    other.force_login(other_member)
    # Session, user and e-mail confirmation: nothing of the directory is queried again.
    with django_assert_max_num_queries(3):
        second = other.get("/aktorer/")
    assert "Kløfta Kammerkor" in second.content.decode()

    actor.name = "Kløfta Kammerkor og Venner"
    actor.save()
    assert "Kløfta Kammerkor og Venner" in other.get("/aktorer/").content.decode()


def test_each_member_gets_their_own_header_and_csrf_token(shared, member_client, other_member):
    make_actor("Nes Keramikk")
    from django.test import Client

    other = Client()
    other.force_login(other_member)
    mine = member_client.get("/aktorer/?q=keramikk")
    theirs = other.get("/aktorer/?q=keramikk")

    token_of = {
        name: response.content.decode().split('name="csrfmiddlewaretoken" value="')[1][:64]
        for name, response in (("mine", mine), ("theirs", theirs))
    }
    assert token_of["mine"] != token_of["theirs"]
    assert "Nes Keramikk" in theirs.content.decode()


def test_the_home_page_is_shared_and_follows_publishing(shared, client, member_client):
    actor = make_actor("Hurdal Visefestival", status=Actor.Status.DRAFT)
    assert "Hurdal Visefestival" not in member_client.get("/").content.decode()

    Actor.objects.filter(pk=actor.pk).publish()  # a bulk update: no signals

    assert "Hurdal Visefestival" in member_client.get("/").content.decode()


def test_the_anonymous_page_cache_shows_a_change_on_the_next_request(settings, client):
    settings.PAGE_CACHE_SECONDS = 30
    actor = make_actor("Galleri Råholt")
    assert "Galleri Råholt" in client.get("/aktorer/").content.decode()

    actor.pitch = "Nytt: fotokunst fra hele Romerike."
    actor.save()

    assert "Nytt: fotokunst" in client.get("/aktorer/").content.decode()


def test_every_watched_write_moves_the_version_on():
    before = data_version()
    actor = make_actor("Teaterkompaniet")
    after_create = data_version()
    actor.sectors.clear()
    after_sectors = data_version()
    Actor.objects.filter(pk=actor.pk).hide()
    after_hide = data_version()

    assert len({before, after_create, after_sectors, after_hide}) == 4
