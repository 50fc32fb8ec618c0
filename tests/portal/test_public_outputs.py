"""What leaves the site or is shared by the page cache: only public facts, only SITE_URL."""

import pytest
from django.contrib.auth.models import AnonymousUser

from actors.models import Visibility
from tests.factories import make_actor, make_event, make_member, make_venue

pytestmark = pytest.mark.django_db

FORGED = "127.0.0.1:6666"
SITE = "https://kreativ.example.no"


@pytest.fixture
def site(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver", "kreativ.example.no"]
    return settings


@pytest.fixture
def hidden_address_actor():
    return make_actor(
        "Hemmelig Studio",
        address="Løyndomsvegen 7",
        postal_code="2040",
        postal_place="Hemmelighus",
        address_visibility=Visibility.MEMBERS,
    )


# --- Defect 7: members-only facts -----------------------------------------------------


def test_members_only_postal_place_is_absent_for_visitors(client, hidden_address_actor):
    page = client.get(hidden_address_actor.get_absolute_url()).content.decode()

    assert "Hemmelighus" not in page  # HTML, JSON-LD and Open Graph alike
    assert "Løyndomsvegen" not in page


def test_members_still_see_the_address(client, hidden_address_actor):
    client.force_login(make_member())

    page = client.get(hidden_address_actor.get_absolute_url()).content.decode()

    assert "Løyndomsvegen 7, 2040 Hemmelighus" in page


def test_searching_for_a_members_only_place_does_not_find_the_actor(client, hidden_address_actor):
    public = make_actor("Åpent Verksted", postal_place="Hemmelighus")

    found = client.get("/aktorer/", {"q": "Hemmelighus"}).context["page_obj"].object_list

    assert [actor.pk for actor in found] == [public.pk]
    assert "hemmelighus" not in hidden_address_actor.search_text


def test_an_event_at_a_venue_with_a_members_only_address_does_not_show_it(client):
    venue = make_venue(address_visibility=Visibility.MEMBERS)
    event = make_event(venue=venue, place_name="")

    outputs = [
        client.get(event.get_absolute_url()).content.decode(),
        client.get(f"{event.get_absolute_url()}kalender.ics").content.decode(),
        client.get("/arrangementer/kalender.ics").content.decode(),
    ]

    for output in outputs:
        assert "Storgata 1" not in output
        assert "Tunet bar" in output  # the venue's name is public
    assert venue.contact_for(AnonymousUser()) == {}


# --- Defect 8: SITE_URL, never the request's Host ---------------------------------------


@pytest.mark.parametrize("path", ["profile", "/sitemap.xml", "/robots.txt", "/arrangementer/feed/"])
def test_forged_host_never_reaches_absolute_urls(client, site, path):
    actor = make_actor("Tunet bar", address_visibility=Visibility.PUBLIC)
    make_event()
    url = actor.get_absolute_url() if path == "profile" else path

    body = client.get(url, HTTP_HOST=FORGED).content.decode()

    assert "6666" not in body
    assert SITE in body


def test_event_page_uses_site_url(client, site):
    event = make_event()

    body = client.get(event.get_absolute_url(), HTTP_HOST=FORGED).content.decode()

    assert "6666" not in body
    assert f"{SITE}{event.get_absolute_url()}" in body


def test_the_page_cache_keeps_hosts_apart(client, site):
    site.PAGE_CACHE_SECONDS = 30
    actor = make_actor()

    client.get(actor.get_absolute_url(), HTTP_HOST=FORGED)
    # A change that saves nothing through the model: only a freshly made page shows it.
    type(actor).objects.filter(pk=actor.pk).update(pitch="Nytt sammendrag for testen.")
    fresh = client.get(actor.get_absolute_url()).content.decode()

    assert "Nytt sammendrag for testen." in fresh
