"""Every facet count says how many results ticking that option would give.

The oracle is the directory itself: for each option the test asks the directory
for the other active filters plus that option alone, and counts the actors listed.
So a count that forgets any other active filter (the kind, a flag, the search) fails,
whichever group it belongs to.
"""

from urllib.parse import urlencode

import pytest

from actors.models import Actor, Municipality
from tests.factories import make_actor

pytestmark = pytest.mark.django_db

URL = "/aktorer/"
GROUPS = ("kommune", "bransje", "type")
FLAGS = ("samarbeid", "booking")
COMPANY, GALLERY = Actor.Kind.COMPANY, Actor.Kind.GALLERY


@pytest.fixture
def region():
    make_actor(
        "Nes Kammerkor",
        municipality="nes",
        sectors=["musikk", "scenekunst"],
        available_for_hire=True,
    )
    make_actor(
        "Eidsvoll Jazzlag", municipality="eidsvoll", sectors=["musikk"], open_for_collaboration=True
    )
    make_actor(
        "Formverk",
        municipality="eidsvoll",
        sectors=["design"],
        kind=COMPANY,
        open_for_collaboration=True,
        available_for_hire=True,
    )
    make_actor("Galleri Vorma", municipality="eidsvoll", sectors=["visuell-kunst"], kind=GALLERY)
    make_actor(
        "Jessheim Lydstudio",
        municipality="ullensaker",
        sectors=["musikk"],
        kind=COMPANY,
        available_for_hire=True,
    )
    make_actor(
        "Hurdal Keramikk",
        municipality="hurdal",
        sectors=["design", "visuell-kunst"],
        open_for_collaboration=True,
    )
    make_actor("Upublisert Lydstudio", municipality="eidsvoll", sectors=["musikk"], kind=COMPANY,
               status=Actor.Status.DRAFT)  # fmt: skip


def _listed(client, params: dict) -> list[str]:
    response = client.get(f"{URL}?{urlencode(params, doseq=True)}")
    return [actor.name for actor in response.context["page_obj"].object_list]


def _check_every_count(client, params: dict) -> None:
    response = client.get(f"{URL}?{urlencode(params, doseq=True)}")
    listed = [actor.name for actor in response.context["page_obj"].object_list]
    assert response.context["page_obj"].paginator.count == len(listed)
    others = dict(params)
    for group in response.context["facets"]:
        for option in group.options:
            if group.name in GROUPS:
                ticked = {**{k: v for k, v in others.items() if k != group.name},
                          group.name: [option.value]}  # fmt: skip
            else:
                ticked = {**others, option.value: "ja"}
            expected = len(_listed(client, ticked))
            assert option.count == expected, (params, group.name, option.value)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": ["company"]},
        {"type": ["artist"], "bransje": ["musikk"]},
        {"kommune": ["eidsvoll", "nes"], "samarbeid": "ja"},
        {"booking": "ja", "bransje": ["design", "musikk"]},
        {"q": "lydstudio"},
        {"q": "kammerkor", "type": ["artist"]},
    ],
    ids=[
        "nothing",
        "kind",
        "kind-and-sector",
        "municipalities-and-flag",
        "flag-and-sectors",
        "search",
        "search-and-kind",
    ],
)
def test_each_facet_count_is_what_ticking_that_option_would_list(client, region, params):
    _check_every_count(client, params)


def test_municipality_counts_follow_the_kind_filter(client, region):
    response = client.get(f"{URL}?type=company")
    counts = {
        o.value: o.count for g in response.context["facets"] if g.name == "kommune"
        for o in g.options
    }  # fmt: skip

    assert counts["eidsvoll"] == 1  # Formverk; not the jazz band, the gallery or the draft
    assert counts["ullensaker"] == 1
    assert counts["nes"] == 0


def test_sector_counts_follow_the_search(client, region):
    response = client.get(f"{URL}?q=lydstudio")
    counts = {
        o.value: o.count for g in response.context["facets"] if g.name == "bransje"
        for o in g.options
    }  # fmt: skip

    assert counts["musikk"] == 1  # only Jessheim Lydstudio; the unpublished one is not counted
    assert counts["design"] == 0


def test_each_group_is_named_in_the_filter_panel(client, region):
    response = client.get(URL)

    legends = [group.legend for group in response.context["facets"]]
    assert legends == ["Kommune", "Bransje", "Type aktør", "Egenskaper"]
    assert "<legend>Kommune</legend>" in response.content.decode()


def test_the_regions_municipalities_come_first_by_name_then_the_neighbours(client, region):
    # Added after the six: only the ordering, not the order of the rows, sorts them in.
    Municipality.objects.create(name="Aurskog-Høland", slug="aurskog-holand", number="3226",
                                in_region=False)  # fmt: skip
    Municipality.objects.create(name="Gran", slug="gran", number="3446")

    response = client.get(URL)

    kommune = next(g for g in response.context["facets"] if g.name == "kommune")
    assert [o.label for o in kommune.options] == [
        "Eidsvoll", "Gjerdrum", "Gran", "Hurdal", "Nannestad", "Nes", "Ullensaker",
        "Aurskog-Høland",
    ]  # fmt: skip


def test_each_option_is_labelled_with_what_it_stands_for(client, region):
    response = client.get(URL)

    labels = {g.name: [o.label for o in g.options] for g in response.context["facets"]}
    assert labels["bransje"][:3] == ["Visuell kunst", "Scenekunst og utøvende kunst", "Musikk"]
    assert labels["type"][:3] == [
        "Kunstner eller frilanser",
        "Bedrift",
        "Organisasjon eller forening",
    ]
    assert labels["egenskaper"] == [
        "Åpen for samarbeid", "Kan leies inn eller bookes", "Har åpne muligheter",
    ]  # fmt: skip


def test_the_panel_ticks_exactly_the_options_chosen(client, region):
    chosen = {"kommune": "nes", "bransje": "musikk", "type": "company", "samarbeid": "ja"}

    response = client.get(f"{URL}?{urlencode(chosen)}")

    ticked = {(g.name, o.value) for g in response.context["facets"] for o in g.options if o.checked}
    assert ticked == {
        ("kommune", "nes"), ("bransje", "musikk"), ("type", "company"), ("egenskaper", "samarbeid"),
    }  # fmt: skip
