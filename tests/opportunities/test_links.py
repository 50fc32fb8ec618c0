"""Samarbeidstorget tied to the rest: the main menu, the home page, profiles, the
directory's "Har åpne muligheter" filter, event pages, the Atom feed, and shared
caches that follow a new or closed opportunity."""

from datetime import timedelta
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from actors.models import Actor
from opportunities.models import Opportunity
from tests.factories import make_actor, make_event, make_opportunity, municipality, sector

pytestmark = pytest.mark.django_db

Kind = Opportunity.Kind
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_main_menu_has_samarbeid_marked_current_on_the_board(client):
    html = client.get("/samarbeid/").content.decode()

    assert '<a href="/samarbeid/" aria-current="page">Samarbeid</a>' in html
    assert '<a href="/samarbeid/">Samarbeid</a>' in client.get("/").content.decode()


def test_the_home_page_shows_open_calls_gigs_and_featured_ones(client):
    make_opportunity(title="Utlysning: lokal kunst til rådhuset", kind=Kind.OPEN_CALL)
    make_opportunity(title="Oppdrag: fotograf til festivalen", kind=Kind.GIG)
    make_opportunity(title="Fremhevet: felles søknad", kind=Kind.PARTNER, featured=True)
    make_opportunity(title="Vanlig partnersøk", kind=Kind.PARTNER)
    make_opportunity(title="Utløpt utlysning", deadline=timezone.localdate() - timedelta(days=1))

    html = client.get("/").content.decode()

    assert "Utlysninger og oppdrag" in html
    assert "lokal kunst til rådhuset" in html and "fotograf til festivalen" in html
    assert html.index("Fremhevet: felles søknad") < html.index("fotograf til festivalen")
    assert "Vanlig partnersøk" not in html and "Utløpt utlysning" not in html


def test_the_shared_home_page_and_board_follow_a_new_and_a_closed_opportunity(
    settings, member_client, client
):
    settings.FRAGMENT_CACHE_SECONDS = 300
    assert "Utlysning: ny scene" not in member_client.get("/").content.decode()
    assert "Utlysning: ny scene" not in member_client.get("/samarbeid/").content.decode()

    opportunity = make_opportunity(title="Utlysning: ny scene")
    assert "Utlysning: ny scene" in member_client.get("/").content.decode()
    assert "Utlysning: ny scene" in member_client.get("/samarbeid/").content.decode()

    opportunity.close()
    assert "Utlysning: ny scene" not in member_client.get("/").content.decode()
    assert "Utlysning: ny scene" not in member_client.get("/samarbeid/").content.decode()


def test_the_shared_board_drops_an_opportunity_the_day_after_its_deadline(
    settings, client, monkeypatch
):
    settings.FRAGMENT_CACHE_SECONDS = 300
    make_opportunity(title="Siste dag i dag", deadline=timezone.localdate())
    assert "Siste dag i dag" in client.get("/samarbeid/").content.decode()

    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr("opportunities.querysets.today", lambda: tomorrow)
    monkeypatch.setattr("opportunities.views.today", lambda: tomorrow)

    assert "Siste dag i dag" not in client.get("/samarbeid/").content.decode()


def test_a_profile_lists_its_open_opportunities_only(client):
    house = make_actor("Jessheim kulturhus", kind=Actor.Kind.VENUE)
    make_opportunity(house, title="Band til sommerscenen")
    closed = make_opportunity(house, title="Gammel utlysning")
    closed.close()

    html = client.get(house.get_absolute_url()).content.decode()

    assert "Åpne samarbeidsmuligheter" in html
    assert "Band til sommerscenen" in html and "Gammel utlysning" not in html


def test_a_profiles_query_count_does_not_grow_with_its_opportunities(
    client, django_assert_num_queries
):
    house = make_actor("Jessheim kulturhus")
    make_opportunity(house)
    # The profile (1), sectors (1), images (1), its open opportunities (1).
    with django_assert_num_queries(4):
        client.get(house.get_absolute_url())
    for _ in range(6):
        make_opportunity(house)
    with django_assert_num_queries(4):
        client.get(house.get_absolute_url())


@pytest.fixture
def region():
    nes = make_actor("Nes Kammerkor", municipality="nes", open_for_collaboration=True)
    house = make_actor("Jessheim kulturhus", municipality="ullensaker", kind=Actor.Kind.VENUE)
    jazz = make_actor("Eidsvoll Jazzlag", municipality="eidsvoll", available_for_hire=True)
    make_actor("Hurdal Keramikk", municipality="hurdal", sectors=["design"])
    make_opportunity(house)
    make_opportunity(nes)
    expired = make_opportunity(jazz, deadline=timezone.localdate() - timedelta(days=1))
    return {"expired": expired}


def _names(client, params: dict) -> list[str]:
    response = client.get(f"/aktorer/?{urlencode(params, doseq=True)}")
    return sorted(actor.name for actor in response.context["page_obj"].object_list)


def test_the_directory_filters_actors_with_open_opportunities(client, region):
    assert _names(client, {"muligheter": "ja"}) == ["Jessheim kulturhus", "Nes Kammerkor"]
    assert _names(client, {"muligheter": "ja", "kommune": "nes"}) == ["Nes Kammerkor"]


@pytest.mark.parametrize(
    "params",
    [{}, {"muligheter": "ja"}, {"kommune": ["nes", "eidsvoll"]}, {"samarbeid": "ja"},
     {"muligheter": "ja", "bransje": ["musikk"]}],
)  # fmt: skip
def test_the_directory_counts_for_open_opportunities_follow_the_other_filters(
    client, region, params
):
    response = client.get(f"/aktorer/?{urlencode(params, doseq=True)}")
    for group in response.context["facets"]:
        for option in group.options:
            if group.name == "egenskaper":
                ticked = {**params, option.value: "ja"}
            else:
                ticked = {**{k: v for k, v in params.items() if k != group.name},
                          group.name: [option.value]}  # fmt: skip
            assert option.count == len(_names(client, ticked)), (params, option.value)


def test_the_directory_keeps_its_query_count_with_the_new_filter(
    client, region, django_assert_num_queries
):
    with django_assert_num_queries(6):
        client.get("/aktorer/?muligheter=ja&kommune=nes")


def test_an_event_lists_its_related_open_opportunities_and_they_link_back(client):
    course = make_event(title="Kurs i søknadsskriving")
    call = make_opportunity(title="Partner til søknad om kunstnerstipend", kind=Kind.PARTNER)
    closed = make_opportunity(title="Lukket partnersøk")
    closed.close()
    call.events.add(course)
    closed.events.add(course)

    event_html = client.get(course.get_absolute_url()).content.decode()
    call_html = client.get(call.get_absolute_url()).content.decode()

    assert "Åpne samarbeidsmuligheter" in event_html
    assert f'href="{call.get_absolute_url()}"' in event_html
    assert "Lukket partnersøk" not in event_html
    assert f'href="{course.get_absolute_url()}">Kurs i søknadsskriving</a>' in call_html


def test_an_event_without_opportunities_costs_no_query_more(client, django_assert_num_queries):
    course = make_event()
    # The event with its counts (1), its speakers (1): as tests/events/test_pages.py counts.
    with django_assert_num_queries(2):
        client.get(course.get_absolute_url())


def _feed(client, query: str = "") -> ElementTree.Element:
    response = client.get(f"/samarbeid/feed/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_the_feed_holds_the_open_opportunities_with_addresses_from_site_url(client, settings):
    settings.SITE_URL = "https://portal.example"
    make_opportunity(title="Band til sommerscenen", municipality=municipality("nes"))
    make_opportunity(title="Utløpt", deadline=timezone.localdate() - timedelta(days=1))

    feed = _feed(client)

    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Åpen utlysning eller oppdrag: Band til sommerscenen"
    ]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("https://portal.example/samarbeid/band-til-sommerscenen")
    assert "Nes" in entries[0].find(f"{ATOM}summary").text


def test_the_feed_takes_the_lists_filters(client):
    make_opportunity(title="Musikk i Nes", municipality=municipality("nes"))
    make_opportunity(title="Design i Hurdal", municipality=municipality("hurdal"),
                     sectors=[sector("design")])  # fmt: skip

    feed = _feed(client, "?bransje=design&kommune=hurdal")

    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["Åpen utlysning eller oppdrag: Design i Hurdal"]
    assert (
        feed.find(f"{ATOM}link[@rel='self']")
        .get("href")
        .endswith("/samarbeid/feed/?bransje=design&kommune=hurdal")
    )


def test_the_feed_survives_control_characters_stored_around_the_validators(client):
    opportunity = make_opportunity(title="Ren tittel")
    Opportunity.objects.filter(pk=opportunity.pk).update(
        title="Tittel\x0bmed\x1bstyretegn", description="Linje\x07 med bjelle"
    )

    feed = _feed(client)

    assert feed.find(f"{ATOM}entry/{ATOM}title").text.endswith("Tittelmedstyretegn")


def test_the_shared_feed_follows_a_new_opportunity(settings, client, django_assert_max_num_queries):
    settings.FRAGMENT_CACHE_SECONDS = 300
    make_opportunity(title="Første")
    assert len(_feed(client).findall(f"{ATOM}entry")) == 1
    with django_assert_max_num_queries(0):
        _feed(client)

    make_opportunity(title="Andre")

    assert len(_feed(client).findall(f"{ATOM}entry")) == 2
