"""The directory at /aktorer/: published actors only, filters alone and combined,
facet counts that follow the other filters, sorting, pagination that keeps every
filter, an empty state, and a constant number of queries."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from actors.models import Actor
from tests.factories import make_actor

pytestmark = pytest.mark.django_db

URL = "/aktorer/"


def names(response) -> list[str]:
    return [actor.name for actor in response.context["page_obj"].object_list]


def facet(response, group: str, value: str) -> int:
    for facet_group in response.context["facets"]:
        if facet_group.name == group:
            return next(o.count for o in facet_group.options if o.value == value)
    raise AssertionError(f"no facet {group}")


@pytest.fixture
def region():
    """A small region: who is where, doing what."""
    return {
        "jazz": make_actor(
            "Eidsvoll Jazzlag", municipality="eidsvoll", sectors=["musikk"],
            open_for_collaboration=True,
        ),
        "choir": make_actor(
            "Nes Kammerkor", municipality="nes", sectors=["musikk", "scenekunst"],
            available_for_hire=True,
        ),
        "design": make_actor(
            "Formverk", municipality="eidsvoll", sectors=["design"], kind=Actor.Kind.COMPANY,
            open_for_collaboration=True, available_for_hire=True,
        ),
        "gallery": make_actor(
            "Galleri Vorma", municipality="eidsvoll", sectors=["visuell-kunst"],
            kind=Actor.Kind.GALLERY,
        ),
        "draft": make_actor(
            "Hemmelig Utkast", municipality="eidsvoll", sectors=["musikk"],
            status=Actor.Status.DRAFT,
        ),
        "hidden": make_actor(
            "Skjult Aktør", municipality="nes", sectors=["musikk"], status=Actor.Status.HIDDEN,
        ),
    }  # fmt: skip


def test_directory_lists_only_published_actors(client, region):
    response = client.get(URL)

    assert response.status_code == 200
    assert sorted(names(response)) == [
        "Eidsvoll Jazzlag",
        "Formverk",
        "Galleri Vorma",
        "Nes Kammerkor",
    ]
    assert "Hemmelig Utkast" not in response.content.decode()
    assert "Skjult Aktør" not in response.content.decode()


def test_directory_refuses_post(client):
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kommune=eidsvoll", ["Eidsvoll Jazzlag", "Formverk", "Galleri Vorma"]),
        (
            "kommune=eidsvoll&kommune=nes",
            ["Eidsvoll Jazzlag", "Formverk", "Galleri Vorma", "Nes Kammerkor"],
        ),
        ("bransje=musikk", ["Eidsvoll Jazzlag", "Nes Kammerkor"]),
        ("bransje=musikk&bransje=scenekunst", ["Eidsvoll Jazzlag", "Nes Kammerkor"]),
        ("type=company", ["Formverk"]),
        ("type=company&type=gallery", ["Formverk", "Galleri Vorma"]),
        ("samarbeid=ja", ["Eidsvoll Jazzlag", "Formverk"]),
        ("booking=ja", ["Formverk", "Nes Kammerkor"]),
        ("kommune=eidsvoll&bransje=musikk", ["Eidsvoll Jazzlag"]),
        ("kommune=eidsvoll&samarbeid=ja&booking=ja", ["Formverk"]),
        ("kommune=nes&type=company", []),
        ("bransje=musikk&booking=ja&kommune=nes&type=artist", ["Nes Kammerkor"]),
    ],
)
def test_each_filter_alone_and_combined(client, region, query, expected):
    response = client.get(f"{URL}?{query}&sortering=navn")

    assert names(response) == expected


def test_actor_in_two_ticked_sectors_is_listed_once(client, region):
    response = client.get(f"{URL}?bransje=musikk&bransje=scenekunst")

    assert names(response).count("Nes Kammerkor") == 1
    assert response.context["page_obj"].paginator.count == 2


def test_unknown_filter_value_is_ignored_not_an_error(client, region):
    response = client.get(f"{URL}?kommune=oslo&side=abc&sortering=tilfeldig")

    assert response.status_code == 200
    assert len(names(response)) == 4


def test_facet_counts_follow_the_other_filters_but_not_their_own(client, region):
    response = client.get(f"{URL}?kommune=eidsvoll")

    # Other municipalities still show what ticking them would add.
    assert facet(response, "kommune", "eidsvoll") == 3
    assert facet(response, "kommune", "nes") == 1
    # Other groups count within Eidsvoll only.
    assert facet(response, "bransje", "musikk") == 1
    assert facet(response, "bransje", "design") == 1
    assert facet(response, "type", "artist") == 1
    assert facet(response, "egenskaper", "samarbeid") == 2
    assert facet(response, "egenskaper", "booking") == 1


def test_facet_counts_of_flags_follow_each_other(client, region):
    response = client.get(f"{URL}?samarbeid=ja")

    assert facet(response, "egenskaper", "samarbeid") == 2  # its own count ignores itself
    assert facet(response, "egenskaper", "booking") == 1  # only Formverk is both
    assert facet(response, "bransje", "musikk") == 1


def test_facet_counts_are_shown_beside_each_option(client, region):
    response = client.get(URL)

    html = response.content.decode()
    assert re.search(r"Musikk\s*<span class=\"facet-count\"[^>]*>\(2\)</span>", html)
    assert re.search(r"Eidsvoll\s*<span class=\"facet-count\"[^>]*>\(3\)</span>", html)


def test_facet_counts_respect_the_search(client, region):
    response = client.get(f"{URL}?q=kammerkor")

    assert facet(response, "kommune", "nes") == 1
    assert facet(response, "kommune", "eidsvoll") == 0


def test_result_count_is_shown(client, region):
    response = client.get(f"{URL}?kommune=eidsvoll")

    assert re.search(r"<strong>3</strong>\s*aktører", response.content.decode())


def test_sort_by_name_is_the_default_without_a_search(client, region):
    response = client.get(URL)

    assert names(response) == ["Eidsvoll Jazzlag", "Formverk", "Galleri Vorma", "Nes Kammerkor"]
    assert response.context["filter"].sort == "navn"


def test_sort_by_newest_and_recently_updated(client, region):
    now = timezone.now()
    Actor.objects.filter(pk=region["gallery"].pk).update(
        published_at=now + timedelta(days=1), updated_at=now - timedelta(days=5)
    )
    Actor.objects.filter(pk=region["choir"].pk).update(updated_at=now + timedelta(days=1))

    newest = client.get(f"{URL}?sortering=nyeste")
    updated = client.get(f"{URL}?sortering=oppdatert")

    assert names(newest)[0] == "Galleri Vorma"
    assert names(updated)[0] == "Nes Kammerkor"
    assert names(updated)[-1] == "Galleri Vorma"


def test_relevance_is_offered_and_default_only_when_searching(client, region):
    plain = client.get(f"{URL}?sortering=relevans")
    searching = client.get(f"{URL}?q=kammerkor")

    assert plain.context["filter"].sort == "navn"
    assert "relevans" not in [value for value, _ in plain.context["filter"].sort_choices]
    assert searching.context["filter"].sort == "relevans"
    # The default order is the menu's option without a value: nothing is sent for it.
    assert '<option value="" selected>Mest relevant</option>' in searching.content.decode()


def test_pagination_shows_24_and_keeps_every_filter(client):
    for n in range(30):
        make_actor(
            f"Musiker {n:02d}",
            municipality="hurdal",
            sectors=["musikk"],
            open_for_collaboration=True,
        )
    make_actor("Annen kommune", municipality="nes", sectors=["musikk"])

    response = client.get(
        f"{URL}?q=musiker&kommune=hurdal&bransje=musikk&samarbeid=ja&sortering=navn"
    )

    assert len(names(response)) == 24
    html = response.content.decode()
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    for part in (
        "q=musiker",
        "kommune=hurdal",
        "bransje=musikk",
        "samarbeid=ja",
        "sortering=navn",
        "side=2",
    ):
        assert part in next_link
    second = client.get(URL + next_link)
    assert names(second) == [f"Musiker {n:02d}" for n in range(24, 30)]


def test_empty_result_shows_a_helpful_message(client, region):
    response = client.get(f"{URL}?q=tubaorkester&kommune=hurdal")

    html = response.content.decode()
    assert names(response) == []
    assert "Ingen aktører passer" in html
    assert "Vi fant ingen som passer til «tubaorkester»" in html
    assert "Fjern filtrene" in html


def test_result_urls_can_be_shared(client, region):
    """The same URL gives the same results to someone else: all state is in the query string."""
    first = client.get(f"{URL}?q=jazz&kommune=eidsvoll")
    client.logout()
    second = client.get(f"{URL}?q=jazz&kommune=eidsvoll")

    assert names(first) == names(second) == ["Eidsvoll Jazzlag"]


def test_cards_link_to_profiles_and_show_badges(client, region):
    html = client.get(URL).content.decode()

    assert f'href="{region["design"].get_absolute_url()}"' in html
    assert "Åpen for samarbeid" in html


def _make_many(count: int) -> None:
    for n in range(count):
        make_actor(
            f"Musikkaktør {n}",
            municipality=["eidsvoll", "nes", "hurdal"][n % 3],
            sectors=["musikk", "design"][: 1 + n % 2],
            open_for_collaboration=bool(n % 2),
            pitch="Vi spiller konserter på Øvre Romerike.",
        )


@pytest.mark.parametrize(
    ("query", "searching"),
    [
        ("", False),
        (
            "?q=musikk&kommune=eidsvoll&kommune=nes&bransje=musikk&samarbeid=ja&sortering=relevans",
            True,
        ),
        ("?type=artist&samarbeid=ja&sortering=nyeste&side=2", False),
        ("?q=musiker", True),
    ],
)
def test_directory_query_count_is_the_same_for_5_and_60_actors(
    client, django_assert_num_queries, query, searching
):
    # Options (2), facet counts (2), the page (1), its images (1); a search after a
    # change to the data reloads the lexicon of words for typos (1).
    queries = 6 + (1 if searching else 0)
    _make_many(5)
    with django_assert_num_queries(queries):
        client.get(URL + query)
    _make_many(55)
    with django_assert_num_queries(queries):
        client.get(URL + query)


def test_a_search_without_results_needs_fewer_queries_not_more(
    client, django_assert_max_num_queries
):
    _make_many(5)
    with django_assert_max_num_queries(7):
        response = client.get(URL + "?q=tubaorkester")

    assert response.context["page_obj"].paginator.count == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, 4),
        ({"kommune": ["eidsvoll"]}, 3),
        ({"kommune": ["eidsvoll"], "samarbeid": "on"}, 2),
        ({"type": ["company", "gallery"], "booking": "on"}, 1),
        ({"kommune": ["nes"], "type": ["gallery"]}, 0),
    ],
)
def test_facets_return_the_number_of_results_with_the_groups(region, query, expected):
    from actors.filters import ActorFilter

    actor_filter = ActorFilter(query, queryset=Actor.objects.published())

    facets = actor_filter.facets()

    assert facets.result_count == actor_filter.qs.count() == expected
    assert [group.name for group in facets.groups] == ["kommune", "bransje", "type", "egenskaper"]
