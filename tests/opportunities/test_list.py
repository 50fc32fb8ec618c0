"""Samarbeidstorget at /samarbeid/: open opportunities only, featured first then newest,
filters with counts that follow the other filters (the directory's rule), region-wide
opportunities under every municipality of the region, pagination, titles and a
constant number of queries."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from actors.models import Actor, Municipality
from opportunities.models import Opportunity
from tests.factories import make_actor, make_opportunity, municipality, sector

pytestmark = pytest.mark.django_db

URL = "/samarbeid/"
GROUPS = ("type", "bransje", "kommune")
Kind = Opportunity.Kind


def titles(response) -> list[str]:
    return [o.title for o in response.context["page_obj"].object_list]


def counts(response, group: str) -> dict[str, int]:
    return {
        option.value: option.count
        for facet_group in response.context["facets"]
        if facet_group.name == group
        for option in facet_group.options
    }


@pytest.fixture
def board():
    """A small board: who asks for what, where; and what must not be listed."""
    today = timezone.localdate()
    house = make_actor("Jessheim kulturhus", municipality="ullensaker", kind=Actor.Kind.VENUE)
    festival = make_actor("Eidsvoll Jazzfest", municipality="eidsvoll", kind=Actor.Kind.FESTIVAL)
    make_opportunity(
        house,
        title="Lokale band til sommerscenen",
        kind=Kind.OPEN_CALL,
        municipality=municipality("ullensaker"),
        sectors=[sector("musikk")],
    )
    make_opportunity(
        festival,
        title="Frivillige til festivalen",
        kind=Kind.PARTNER,
        municipality=municipality("eidsvoll"),
        sectors=[sector("musikk"), sector("festivaler-og-arrangementer")],
    )
    make_opportunity(
        house, title="Illustratør til årsprogrammet", kind=Kind.GIG, sectors=[sector("design")]
    )  # the whole region
    make_opportunity(
        festival,
        title="Scenerigg å låne ut",
        kind=Kind.SPACE,
        municipality=municipality("nes"),
        sectors=[sector("musikk")],
    )
    # Not on the board:
    make_opportunity(house, title="Utløpt utlysning", deadline=today - timedelta(days=1))
    make_opportunity(house, title="Skjult utlysning", hidden=True)
    closed = make_opportunity(house, title="Lukket utlysning")
    closed.close(filled=True)
    make_opportunity(make_actor("Utkastprofil", status=Actor.Status.DRAFT), title="Fra et utkast")


def test_the_board_lists_only_open_opportunities(client, board):
    response = client.get(URL)

    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Frivillige til festivalen",
        "Illustratør til årsprogrammet",
        "Lokale band til sommerscenen",
        "Scenerigg å låne ut",
    ]
    html = response.content.decode()
    assert "Utløpt" not in html and "Skjult" not in html and "Lukket" not in html


def test_newest_first_and_featured_ones_before_them_with_a_badge(client):
    old_featured = make_opportunity(title="Fremhevet og gammel", featured=True)
    Opportunity.objects.filter(pk=old_featured.pk).update(
        created_at=timezone.now() - timedelta(days=20)
    )
    make_opportunity(title="Eldre")
    make_opportunity(title="Nyeste")

    response = client.get(URL)

    assert titles(response) == ["Fremhevet og gammel", "Nyeste", "Eldre"]
    assert "Fremhevet</span>" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": ["gig"]}, {"Illustratør til årsprogrammet"}),
        ({"type": ["gig", "space"]}, {"Illustratør til årsprogrammet", "Scenerigg å låne ut"}),
        ({"bransje": ["design"]}, {"Illustratør til årsprogrammet"}),
        ({"bransje": ["musikk"], "type": ["partner"]}, {"Frivillige til festivalen"}),
        # The region-wide illustrator job is in Nes too; the Ullensaker band call is not.
        ({"kommune": ["nes"]}, {"Illustratør til årsprogrammet", "Scenerigg å låne ut"}),
        ({"kommune": ["nes"], "bransje": ["musikk"]}, {"Scenerigg å låne ut"}),
        ({"q": "frivillige"}, {"Frivillige til festivalen"}),
        ({"q": "jazzfest scenerigg"}, {"Scenerigg å låne ut"}),  # the poster's name counts
    ],
)
def test_filters_alone_and_combined(client, board, params, expected):
    assert set(titles(client.get(f"{URL}?{urlencode(params, doseq=True)}"))) == expected


def test_an_opportunity_in_two_ticked_sectors_is_listed_once(client, board):
    response = client.get(f"{URL}?bransje=musikk&bransje=festivaler-og-arrangementer")

    assert titles(response).count("Frivillige til festivalen") == 1


def test_region_wide_opportunities_are_not_listed_under_a_neighbour_outside_the_region(
    client, board
):
    Municipality.objects.create(
        name="Lillestrøm", slug="lillestrom", number="3205", in_region=False
    )

    response = client.get(f"{URL}?kommune=lillestrom")

    assert titles(response) == []
    assert counts(response, "kommune")["lillestrom"] == 0
    assert counts(response, "kommune")["hurdal"] == 1  # only the region-wide one


def test_unknown_filter_values_are_ignored_not_an_error(client, board):
    response = client.get(f"{URL}?kommune=oslo&type=tull&bransje=%00&side=abc")

    assert response.status_code == 200
    assert len(titles(response)) == 4


def _listed(client, params: dict) -> int:
    return len(titles(client.get(f"{URL}?{urlencode(params, doseq=True)}")))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": ["open_call", "gig"]},
        {"kommune": ["nes"]},
        {"kommune": ["eidsvoll", "ullensaker"], "bransje": ["musikk"]},
        {"bransje": ["design", "musikk"], "type": ["space"]},
        {"q": "til", "kommune": ["hurdal"]},
    ],
)
def test_each_facet_count_is_what_ticking_that_option_would_list(client, board, params):
    """The oracle is the list itself: the other filters plus that option alone."""
    response = client.get(f"{URL}?{urlencode(params, doseq=True)}")
    assert response.context["page_obj"].paginator.count == len(titles(response))
    for group in response.context["facets"]:
        for option in group.options:
            ticked = {**{k: v for k, v in params.items() if k != group.name},
                      group.name: [option.value]}  # fmt: skip
            assert option.count == _listed(client, ticked), (params, group.name, option.value)


def test_counts_and_ticked_boxes_are_shown_and_the_panel_is_open_when_filtered(client, board):
    html = client.get(f"{URL}?kommune=nes").content.decode()

    assert 'id="f-kommune-nes" name="kommune" value="nes" checked' in html
    assert '<details class="filter-panel" id="filters" data-filter-panel open>' in html
    assert "Muligheter for hele Øvre Romerike telles med i hver kommune." in html
    assert "<strong>2</strong> åpne muligheter" in html


def test_pagination_shows_24_and_keeps_every_filter_and_the_title_says_which_page(client):
    actor = make_actor()
    for n in range(30):
        make_opportunity(actor, title=f"Oppdrag {n}", kind=Kind.GIG)

    first = client.get(f"{URL}?type=gig")
    second = client.get(f"{URL}?type=gig&side=2")

    assert len(titles(first)) == 24 and len(titles(second)) == 6
    assert 'href="?type=gig&amp;side=2"' in first.content.decode()
    assert "<title>Samarbeidsmuligheter, filtrert (1 valg) · " in first.content.decode()
    assert "<title>Samarbeidsmuligheter, filtrert (1 valg) – side 2 · " in (second.content.decode())
    assert "<title>Samarbeidsmuligheter · " in client.get(URL).content.decode()
    assert "<title>Søk etter «band» i samarbeidsmuligheter · " in (
        client.get(f"{URL}?q=band").content.decode()
    )


def test_the_list_links_its_feed_with_the_same_filters(client, board):
    html = client.get(f"{URL}?kommune=nes&side=1&utm=x").content.decode()

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Samarbeidsmuligheter (Atom)" href="/samarbeid/feed/?kommune=nes">'
    ) in html


def test_an_empty_result_says_what_to_do(client, board):
    html = client.get(f"{URL}?q=tubaorkester").content.decode()

    assert "Ingen åpne muligheter passer" in html
    assert "Vi fant ingen som passer til «tubaorkester»" in html
    assert 'href="/samarbeid/ny/"' in html


def test_the_list_refuses_post(client):
    assert client.post(URL).status_code == 405


def _make_many(n: int) -> None:
    places = ["eidsvoll", "nes", "hurdal", None]
    for i in range(n):
        place = places[i % 4]
        make_opportunity(
            make_actor(municipality=place or "ullensaker"),
            kind=list(Kind)[i % 5],
            municipality=municipality(place) if place else None,
            sectors=[sector("musikk"), sector("design")][: 1 + i % 2],
            featured=i % 7 == 0,
        )


@pytest.mark.parametrize(
    "query",
    ["", "?kommune=nes&kommune=hurdal&bransje=musikk&type=gig", "?q=musikere&side=2"],
)
def test_list_query_count_is_the_same_for_5_and_60_opportunities(
    client, django_assert_num_queries, query
):
    # Options (2), facet counts (2), the page with posters and places (1).
    _make_many(5)
    with django_assert_num_queries(5):
        client.get(URL + query)
    _make_many(55)
    with django_assert_num_queries(5):
        client.get(URL + query)
