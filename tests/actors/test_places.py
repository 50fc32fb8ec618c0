"""Place names → municipality, for the search box and spreadsheet imports."""

import pytest

from actors.models import Municipality
from actors.places import PLACES, find_places, fold, municipality_of


def test_postal_places_and_villages_give_their_municipality():
    assert municipality_of("Jessheim") == "ullensaker"
    assert municipality_of("Kløfta") == "ullensaker"
    assert municipality_of("Årnes") == "nes"
    assert municipality_of("Råholt") == "eidsvoll"
    assert municipality_of("Maura") == "nannestad"
    assert municipality_of("Eidsvoll Verk") == "eidsvoll"
    assert municipality_of("Hurdal") == "hurdal"
    assert municipality_of("Oslo") is None
    assert municipality_of("") is None


def test_places_typed_without_norwegian_letters_or_in_capitals():
    assert municipality_of("KLOEFTA") == "ullensaker"
    assert municipality_of("Klofta") == "ullensaker"
    assert municipality_of("Aarnes") == "nes"
    assert municipality_of("arnes") == "nes"
    assert municipality_of("raaholt") == "eidsvoll"
    assert fold("Ærlig Østre Åsen") == "aerlig ostre asen"


def test_find_places_prefers_the_two_word_name_and_uses_each_word_once():
    places = find_places(["jazz", "eidsvoll", "verk"])
    assert [(p.name, p.municipality, p.words) for p in places] == [
        ("Eidsvoll verk", "eidsvoll", (1, 2))
    ]
    places = find_places(["keramikk", "årnes", "jessheim"])
    assert [(p.name, p.municipality) for p in places] == [
        ("Årnes", "nes"),
        ("Jessheim", "ullensaker"),
    ]
    assert find_places(["keramikk"]) == []


@pytest.mark.django_db
def test_every_municipality_in_the_table_exists():
    assert set(PLACES) == set(Municipality.objects.places().values_list("slug", flat=True))
