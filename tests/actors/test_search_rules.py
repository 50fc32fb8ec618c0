"""The rules of the directory's search, one per test: what is looked for, what is left
out, what the typo lexicon holds and how results are ordered (actors/search.py), the
same on every database.

As in the other search tests, no query word appears verbatim in the test data: the
search must fold, stem or correct it ("keramikken" finds "Keramikkverksted",
"kunsthaandverk" is "Kunsthåndverk", "mlaer" becomes "maler").
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors import search
from actors.models import Actor, SearchWord
from tests.factories import make_actor

pytestmark = pytest.mark.django_db

URL = "/aktorer/"


def found(client, query: str, **params) -> list[str]:
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    return [actor.name for actor in response.context["page_obj"].object_list]


def partial(client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.context["page_obj"].paginator.count == 0
    return [actor.name for actor in response.context["partial"]]


# --- What is looked for -----------------------------------------------------------------


def test_a_stop_word_searched_alone_is_looked_for(client):
    make_actor("Barneteateret", pitch="Forestillinger hele året.")
    make_actor("Keramikerne", pitch="Kopper og fat.")

    assert found(client, "FOR") == ["Barneteateret"]


def test_a_stop_word_next_to_one_other_word_is_left_out(client):
    # No word of the profile begins with "pa": "på" must not be looked for.
    make_actor("Keramikerne", pitch="Kopper og fat.", sectors=["kunsthandverk"])

    assert found(client, "kunsthåndverket på") == ["Keramikerne"]


def test_the_words_after_a_stop_word_are_looked_for_too(client):
    make_actor("Dreiebenken", pitch="Keramikkverksted.", sectors=["kunsthandverk"])
    make_actor("Vevstua", pitch="Vev og garn.", sectors=["kunsthandverk"])

    assert found(client, "kunsthåndverket og keramikken") == ["Dreiebenken"]


def test_a_word_found_inside_a_compound_is_not_corrected_to_a_nearby_word(client):
    make_actor("Hurdal Barneteater", pitch="Forestillinger.")
    make_actor("Byscenen", pitch="Vi har to teatre.")

    response = client.get(URL, {"q": "teater"})

    assert not response.context["filter"].parsed.corrected
    assert "Hurdal Barneteater" in [a.name for a in response.context["page_obj"].object_list]


def test_a_typo_as_near_to_two_words_finds_both(client):
    make_actor("Alfa", pitch="Syr en hatt.")
    make_actor("Beta", pitch="Maler matt.")
    make_actor("Gamma", pitch="Kopper.")

    assert sorted(found(client, "katt")) == ["Alfa", "Beta"]


def test_a_word_nothing_matches_is_shown_as_typed_next_to_the_place(client):
    make_actor("Leirverkstedet", pitch="Kopper.", municipality="nes")

    response = client.get(URL, {"q": "xylofonene Årnes"})

    html = response.content.decode()
    assert "«<strong>xylofonene</strong>»" in html and "<strong>Nes</strong> (Årnes)" in html


def test_a_public_postal_place_finds_its_actor(client):
    make_actor("Tunet", pitch="Gårdskafé.", postal_place="Sørumsand", address_visibility="public")

    assert found(client, "sorumsand") == ["Tunet"]


def test_a_postal_place_shown_only_to_members_is_not_searchable(client):
    # A match would tell a visitor where the actor is.
    make_actor("Tunet", pitch="Gårdskafé.", postal_place="Sørumsand", address_visibility="members")

    assert found(client, "sorumsand") == []


def test_a_members_only_postal_place_leaves_the_index_as_if_there_were_none():
    actor = make_actor("Tunet", postal_place="Sørumsand", address_visibility="members")
    fields = search.index_fields(actor, ["Musikk"], "Nes")
    words = search.lexicon_words(actor, ["Musikk"], "Nes")

    actor.postal_place, actor.address_visibility = "", "public"
    assert search.index_fields(actor, ["Musikk"], "Nes") == fields
    assert search.lexicon_words(actor, ["Musikk"], "Nes") == words


# --- The typo lexicon -------------------------------------------------------------------


def test_the_lexicon_takes_every_word_of_four_letters_or_more_as_written():
    actor = make_actor(
        "Kor og Band",
        pitch="Vi synger på Kløfta.",
        description="Øving hver tirsdag.",
        postal_place="Sørumsand",
        address_visibility="public",
    )

    words = search.lexicon_words(actor, ["Musikk", "Kunsthåndverk"], "Ullensaker")

    # Not "kor", "og", "vi" or "på": short words are never corrected.
    assert words == {
        "band",
        "synger",
        "kløfta",
        "øving",
        "hver",
        "tirsdag",
        "sørumsand",
        "musikk",
        "kunsthåndverk",
        "ullensaker",
    }


def test_refreshing_the_index_puts_every_actors_words_in_the_lexicon():
    make_actor("Dreiebenken", pitch="Keramikkverksted.", sectors=["design"])
    make_actor("Vevstua", pitch="Billedvev.", municipality="hurdal")
    SearchWord.objects.all().delete()

    search.refresh_search_index(Actor.objects.all())

    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"dreiebenken", "keramikkverksted", "design", "ullensaker"} <= words
    assert {"vevstua", "billedvev", "musikk", "hurdal"} <= words


def test_refreshing_the_index_takes_as_many_queries_for_many_actors_as_for_one():
    def queries(actors) -> int:
        with CaptureQueriesContext(connection) as captured:
            search.refresh_search_index(actors)
        return len(captured)

    make_actor("Dreiebenken", municipality="nes", sectors=["kunsthandverk", "design"])
    one = queries(Actor.objects.all())
    make_actor("Vevstua", municipality="hurdal", sectors=["kunsthandverk"])
    make_actor("Lydloftet", municipality="eidsvoll", sectors=["musikk", "film"])

    assert queries(Actor.objects.all()) == one


# --- Partial matches --------------------------------------------------------------------


@pytest.fixture
def workshops():
    make_actor("Dreiebenken", pitch="Keramikkverksted.", municipality="nes")
    make_actor("Keramikkstua", pitch="Kopper.")
    make_actor("Blenderåpning", pitch="Fotografstudio.")
    make_actor("Høvelbenken", pitch="Snekkerverksted.", municipality="nes")
    make_actor("Vevstua", pitch="Billedvev.")


def test_partial_matches_are_the_actors_matching_any_word(client, workshops):
    names = partial(client, "keramikken fotografene")

    assert sorted(names) == ["Blenderåpning", "Dreiebenken", "Keramikkstua"]


def test_partial_matches_are_ordered_by_parts_found_then_by_how_well(client, workshops):
    # Dreiebenken: a word and the place; Keramikkstua: a word in its name; Blenderåpning:
    # a word in its presentation; Høvelbenken: only the place. Vevstua: nothing.
    names = partial(client, "keramikken fotografene Årnes")

    assert names == ["Dreiebenken", "Keramikkstua", "Blenderåpning", "Høvelbenken"]


def test_a_place_found_counts_as_much_as_a_word_found(client):
    make_actor("Dreiebenken", pitch="Keramikkverksted.", municipality="nes")
    make_actor("Blenderåpning", pitch="Kopper.", description="Keramikkbilder og fotografier.")
    make_actor(
        "Leirverkstedet",
        pitch="Kopper.",
        description="Keramikkurs.",
        municipality="nes",
        postal_place="Årnes",
    )

    # Two parts each: then the word in the presentation, two words in the long texts, a
    # word in the long texts and Årnes in the postal place.
    names = partial(client, "keramikken fotografene Årnes")

    assert names == ["Dreiebenken", "Blenderåpning", "Leirverkstedet"]


def test_a_word_missing_from_the_lexicon_counts_fully_in_partial_matches(client):
    # "bedrift" is in every company's index (its kind), never in the lexicon.
    make_actor("Alfa", kind=Actor.Kind.COMPANY, pitch="Kopper.")
    make_actor("Keramikkstua", pitch="Kopper.")

    assert partial(client, "bedrifter keramikken") == ["Keramikkstua", "Alfa"]


# --- Ranking ----------------------------------------------------------------------------


@pytest.mark.parametrize("partial_match", [False, True])
def test_an_actor_that_matches_no_word_or_place_has_no_relevance(partial_match):
    make_actor("Høvelbenken", pitch="Snekkerverksted.", municipality="hurdal")

    parsed = search.parse("keramikken Årnes")
    ranked = search.rank(Actor.objects.all(), parsed, partial=partial_match)

    assert [actor.relevance for actor in ranked] == [0.0]


def test_both_words_of_a_search_count_in_the_rank(client):
    make_actor("Keramikkstua", pitch="Kopper.", description="Fotografier av koppene.")
    make_actor("Blenderåpning", pitch="Fotografstudio.", description="Keramikk også.")

    assert found(client, "keramikken fotografene") == ["Keramikkstua", "Blenderåpning"]


def test_a_word_inside_a_compound_in_the_name_ranks_above_one_in_the_presentation(client):
    make_actor("Alfa Sommerkonsert", pitch="Kopper.")
    make_actor("Beta", pitch="Konsertserie.")

    assert found(client, "konsertene") == ["Alfa Sommerkonsert", "Beta"]


def test_a_whole_sector_name_ranks_above_the_start_of_a_word(client):
    make_actor("Alfa", pitch="Kunsthandverksbutikk.", sectors=["design"])
    make_actor("Beta", pitch="Kopper.", sectors=["design", "kunsthandverk"])

    assert found(client, "kunsthaandverk") == ["Beta", "Alfa"]


def test_a_short_word_inside_another_word_adds_nothing_to_the_rank(client):
    # "kor" begins "korsang" in both; inside "Kammerkor" it is a coincidence.
    make_actor("Alfa Kammerkor", pitch="Sang.", description="Vi øver korsang hver uke.")
    make_actor("Beta", pitch="Korsang for alle.")

    assert found(client, "kor") == ["Beta", "Alfa Kammerkor"]


def test_a_corrected_word_counts_less_than_a_word_typed_right(client):
    # "mlaer" becomes "maler": Alfa has it in the name, Beta has "grafikk" there.
    make_actor("Alfa Maler", pitch="Akvarell.", description="Litt grafikk.")
    make_actor("Beta Grafikk", pitch="Trykk.", description="Vi er maler.")

    assert found(client, "mlaer grafikken") == ["Beta Grafikk", "Alfa Maler"]


def test_a_corrected_word_in_the_name_still_ranks_above_a_word_in_the_presentation(client):
    make_actor("Alfa Maler", pitch="Akvarell.", description="Litt grafikk.")
    make_actor("Beta", pitch="Grafikken vår.", description="Vi er maler.")

    assert found(client, "mlaer grafikkene") == ["Alfa Maler", "Beta"]


def test_a_corrected_word_found_whole_ranks_above_the_start_of_a_word(client):
    # "mlaer" becomes "maler": whole in Beta's presentation, the start of Alfa's word.
    make_actor("Alfa", pitch="Malerier.")
    make_actor("Beta", pitch="Maler.")

    assert found(client, "mlaer") == ["Beta", "Alfa"]


def test_the_nearest_correction_in_the_best_place_decides_the_rank(client):
    # "katt" may be "hatt" or "matt": Zeta has "matt" in its name, Alfa "hatt" in its pitch.
    make_actor("Zeta Matt", pitch="Kopper.", description="Vi har en hatt.")
    make_actor("Alfa", pitch="Hatt og skjerf.")

    assert found(client, "katt") == ["Zeta Matt", "Alfa"]


def test_a_place_mentioned_in_the_presentation_ranks_first_among_equals(client):
    make_actor("Alfa", pitch="Keramikk.", municipality="nes")
    make_actor("Beta", pitch="Keramikk.", municipality="nes", postal_place="Årnes")

    assert found(client, "keramikken Aarnes") == ["Beta", "Alfa"]


def test_a_place_in_the_search_does_not_rank_its_actors_above_better_matches(client):
    # Eidsvoll is ticked and Årnes (Nes) typed: both are searched, ranked by the word.
    make_actor("Verkstedet Keramikk", pitch="Kopper.", municipality="eidsvoll")
    make_actor("Leirverkstedet", pitch="Kopper.", description="Keramikk.", municipality="nes")

    names = found(client, "keramikken Årnes", kommune="eidsvoll")

    assert names == ["Verkstedet Keramikk", "Leirverkstedet"]
