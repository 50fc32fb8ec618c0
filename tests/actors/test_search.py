"""Search that understands Norwegian, the same on SQLite and PostgreSQL: word forms,
compounds, typos, places, case and æ/ø/å."""

import pytest

from actors.models import Actor
from actors.search import light_stem, normalise, terms
from tests.factories import make_actor

pytestmark = pytest.mark.django_db

URL = "/aktorer/"


def found(client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [actor.name for actor in response.context["page_obj"].object_list]


@pytest.fixture
def actors():
    make_actor(
        "Kløfta Kammerkor",
        pitch="Vi holder konserter i kirker og kulturhus.",
        sectors=["musikk"],
        municipality="ullensaker",
    )
    make_actor(
        "Studio Form",
        pitch="Grafiske designere for små bedrifter.",
        sectors=["design"],
        municipality="eidsvoll",
    )
    make_actor(
        "Hurdal Barneteater",
        pitch="Forestillinger for de minste.",
        sectors=["scenekunst"],
        municipality="hurdal",
    )
    make_actor(
        "Sømverkstedet på Kløfta",
        pitch="Redesign av klær og kurs i søm.",
        sectors=["kunsthandverk"],
        municipality="ullensaker",
    )
    make_actor(
        "Vorma Keramikk",
        pitch="Dreier kopper og fat.",
        description="Verkstedet ligger ved elva, og vi har åpent for besøk i helgene.",
        sectors=["kunsthandverk"],
        municipality="nes",
    )
    make_actor("Skjult Konsertlag", pitch="Konserter.", status=Actor.Status.DRAFT)


# Both databases.


def test_search_is_case_insensitive_with_norwegian_letters(client, actors):
    # On PostgreSQL fuzzy matching may add weaker hits after it ("verkstedet").
    assert found(client, "SØMVERKSTEDET")[0] == "Sømverkstedet på Kløfta"
    assert found(client, "sømverkstedet")[0] == "Sømverkstedet på Kløfta"
    assert sorted(found(client, "KLØFTA")) == ["Kløfta Kammerkor", "Sømverkstedet på Kløfta"]


def test_search_matches_norwegian_letters_written_out(client, actors):
    assert found(client, "somverkstedet")[0] == "Sømverkstedet på Kløfta"


def test_search_finds_word_forms_konsert_and_designer(client, actors):
    assert found(client, "konsert") == ["Kløfta Kammerkor"]
    assert found(client, "konserter") == ["Kløfta Kammerkor"]
    assert found(client, "designer")[0] == "Studio Form"
    assert found(client, "designere")[0] == "Studio Form"


def test_search_finds_a_word_inside_a_compound(client, actors):
    assert found(client, "teater") == ["Hurdal Barneteater"]


def test_municipality_and_sector_names_find_the_actors_in_them(client, actors):
    assert found(client, "Eidsvoll") == ["Studio Form"]
    assert sorted(found(client, "kunsthåndverk")) == ["Sømverkstedet på Kløfta", "Vorma Keramikk"]


def test_every_word_must_match(client, actors):
    assert found(client, "keramikk nes") == ["Vorma Keramikk"]
    assert found(client, "keramikk eidsvoll") == []


def test_search_finds_words_in_the_long_description(client, actors):
    assert found(client, "helgene") == ["Vorma Keramikk"]


def test_search_never_shows_unpublished_actors(client, actors):
    assert "Skjult Konsertlag" not in found(client, "konsertlag")


def test_punctuation_and_quotes_in_the_search_are_harmless(client, actors):
    assert found(client, "'keramikk' & | ! :* (nes)") == ["Vorma Keramikk"]


def test_normalise_and_light_stem():
    assert normalise("Kløfta Café ÆRE Åsen") == "klofta cafe aere asen"
    assert terms("Jazz, jazz og  BLUES!") == ["jazz", "og", "blues"]
    assert light_stem("konserter") == "konsert"
    assert light_stem("designere") == "design"
    assert light_stem("teater") == "teat"
    assert light_stem("jazz") == "jazz"


# Word forms, typos and ranking: one implementation, the same on both databases.


def test_typo_still_finds_the_profile(client, actors):
    assert "Kløfta Kammerkor" in found(client, "kammerkoor")
    assert "Vorma Keramikk" in found(client, "keramik")


def test_designere_finds_designer_and_stemming_works_both_ways(client):
    make_actor("Tegnestua", pitch="Vi er en designer og en illustratør.", sectors=["design"])
    make_actor("Formgiverne", pitch="Tre erfarne designere.", sectors=["design"])

    assert sorted(found(client, "designere")) == ["Formgiverne", "Tegnestua"]
    assert sorted(found(client, "designer")) == ["Formgiverne", "Tegnestua"]


def test_ranks_a_name_match_above_a_description_match(client):
    make_actor("Keramikkverkstedet", pitch="Dreiing og glasur.", sectors=["kunsthandverk"])
    make_actor(
        "Kulturhuset",
        pitch="Scene og kino.",
        description="Vi har også en liten utstilling med keramikk.",
        sectors=["scener-gallerier-og-kulturhus"],
    )

    assert found(client, "keramikk") == ["Keramikkverkstedet", "Kulturhuset"]


def test_stop_words_do_not_empty_the_result(client, actors):
    assert found(client, "keramikk i nes") == ["Vorma Keramikk"]


def test_search_index_follows_sector_changes(client):
    actor = make_actor("Lydmakerne", pitch="Vi lager lyd.", sectors=["musikk"])
    actor.sectors.set([])

    assert found(client, "musikk") == []


def test_typo_finds_a_word_in_the_description_and_not_everything(client):
    make_actor(
        "Elvebredden", pitch="Kafé og scene.", description="Vi holder konserter hver fredag."
    )
    make_actor("Tegnestua", pitch="Illustrasjoner og plakater.")

    assert found(client, "konsart") == ["Elvebredden"]
    assert found(client, "illustrasjonner") == ["Tegnestua"]
    assert found(client, "xylofonkvartett") == []


def test_places_in_the_query_filter_by_municipality_and_are_shown(client, actors):
    response = client.get(URL, {"q": "keramikk Årnes"})

    assert [a.name for a in response.context["page_obj"].object_list] == ["Vorma Keramikk"]
    html = response.content.decode()
    assert "<strong>keramikk</strong>" in html and "<strong>Nes</strong> (Årnes)" in html
    # The municipality's box is ticked, as if the visitor had ticked it.
    assert 'value="nes" checked' in html
    assert found(client, "kammerkor Jessheim") == ["Kløfta Kammerkor"]  # Jessheim: Ullensaker
    assert found(client, "kammerkor Hurdal") == []


def test_when_nothing_matches_every_word_the_best_partial_matches_are_shown(client, actors):
    response = client.get(URL, {"q": "keramikk eidsvoll"})

    assert response.context["page_obj"].paginator.count == 0
    partial = [a.name for a in response.context["partial"]]
    assert partial[0] == "Vorma Keramikk"
    assert "Studio Form" in partial  # in Eidsvoll
    assert "Ingen treff på alle ordene. Disse passer delvis:" in response.content.decode()
    assert client.get(URL, {"q": "xylofon"}).context["partial"] == []  # one word: no partial


def _partial(client, query: str, **filters) -> list[str]:
    response = client.get(URL, {"q": query, **filters})
    assert response.context["page_obj"].paginator.count == 0
    return [actor.name for actor in response.context["partial"]]


def test_equally_relevant_actors_are_listed_by_name(client):
    make_actor("Bølgen Lydstudio")
    make_actor("Alfa Lydstudio")  # added last, listed first

    assert found(client, "lydstudio") == ["Alfa Lydstudio", "Bølgen Lydstudio"]


def test_actors_of_one_name_and_relevance_come_in_the_order_they_were_added(client):
    # Two houses of the same name: the order must not depend on how the database reads
    # the rows (here: by municipality), or a page could show one of them twice.
    first = make_actor("Kulturhuset", municipality="ullensaker")
    second = make_actor("Kulturhuset", municipality="eidsvoll")

    response = client.get(URL, {"q": "kulturhuset", "kommune": ["eidsvoll", "ullensaker"]})
    partial = client.get(URL, {"q": "kulturhuset zqxwv", "kommune": ["eidsvoll", "ullensaker"]})

    assert list(response.context["page_obj"].object_list) == [first, second]
    assert partial.context["partial"] == [first, second]


def test_equally_good_partial_matches_are_listed_by_name(client):
    make_actor("Bølgen Lydstudio")
    make_actor("Alfa Lydstudio")

    assert _partial(client, "lydstudio zqxwv") == ["Alfa Lydstudio", "Bølgen Lydstudio"]


def test_a_partial_match_with_more_of_the_words_comes_before_a_better_match_of_one(client):
    make_actor("Nes Keramikk")  # "keramikk" in the name: the best match of one word
    make_actor("Leirverkstedet", description="Vi lager keramikk med egen glasur.")

    assert _partial(client, "keramikk glasur zqxwv") == ["Leirverkstedet", "Nes Keramikk"]


def test_partial_matches_keep_to_the_ticked_filters(client):
    make_actor("Alfa Lydstudio", kind=Actor.Kind.ARTIST)
    make_actor("Bølgen Lydstudio", kind=Actor.Kind.COMPANY)

    assert _partial(client, "lydstudio zqxwv", type="company") == ["Bølgen Lydstudio"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("mlaer", "maler"),  # swapped letters
        ("malr", "maler"),  # a missing letter
        ("mallere", "malere"),  # a doubled letter
        ("maxler", "maler"),  # an extra letter
        ("malor", "maler"),  # a wrong letter
    ],
)
def test_typos_of_each_kind_are_corrected_and_announced(client, typed, meant):
    make_actor("Knut Dahl", pitch="Maler landskap i olje.", sectors=["visuell-kunst"])
    make_actor("Tre malere", pitch="Vi er malere.", sectors=["visuell-kunst"])
    make_actor("Lydloftet", pitch="Innspillingsstudio.")

    response = client.get(URL, {"q": typed})

    names = [a.name for a in response.context["page_obj"].object_list]
    assert names and "Lydloftet" not in names
    assert response.context["filter"].parsed.words_shown == meant
    assert "Viser treff for" in response.content.decode()


def test_norwegian_letters_typed_as_ae_o_aa_or_left_out(client):
    make_actor("Glassblåser Eirik", pitch="Bruksglass og kunstglass.", sectors=["kunsthandverk"])
    make_actor("Møbelsnekker Ærlig", pitch="Møbler i tre.", sectors=["design"])

    assert found(client, "glassblaaser") == ["Glassblåser Eirik"]
    assert found(client, "glassblaser") == ["Glassblåser Eirik"]
    assert found(client, "moebelsnekker") == ["Møbelsnekker Ærlig"]
    assert found(client, "mobelsnekker") == ["Møbelsnekker Ærlig"]
    assert found(client, "aerlig") == ["Møbelsnekker Ærlig"]
    # No correction is announced for the same word spelt another way.
    response = client.get(URL, {"q": "glassblaaser"})
    assert not response.context["filter"].parsed.corrected


def test_short_words_are_not_corrected_and_match_only_the_start_of_words(client):
    make_actor("Spillstudio", pitch="Spill i VR for museer.", sectors=["dataspill"])
    make_actor("Kunstverket", pitch="Kunst og vrakgods.", sectors=["visuell-kunst"])
    make_actor("Avrunding", pitch="Vi avrunder.", sectors=["design"])

    assert sorted(found(client, "vr")) == ["Kunstverket", "Spillstudio"]
