"""Search finds other forms of a word than the one in the profile.

Every query here is a word form that appears nowhere in the test data, so the
search must do the work: the PostgreSQL tests fail without prefix matching or
without the `norwegian` configuration's stemming (the substring and typo fallbacks
cannot reach these forms), the SQLite test fails without the light stemming.
"""

import pytest

from tests.factories import make_actor

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    response = client.get("/aktorer/", {"q": query})
    assert response.status_code == 200
    return sorted(actor.name for actor in response.context["page_obj"].object_list)


@pytest.fixture
def actors():
    make_actor("Gardermoen Sangforening", pitch="Firestemt korsang hver torsdag.")
    make_actor("Nes Rockeklubb", pitch="Et band og en øvingslokale for unge.")
    make_actor("Hurdal Smie", pitch="En smed som lager beslag.", sectors=["kunsthandverk"])
    make_actor("Eidsvoll Vennelag", pitch="Venner av biblioteket arrangerer lesesirkler.")
    make_actor("Jessheim Lydstudio", pitch="Innspilling og miksing.", sectors=["film"])


def test_postgres_a_short_word_finds_longer_words_it_begins(client, actors, on_postgres):
    # "kor" is too short for the substring fallback: only prefix matching finds "korsang".
    assert found(client, "kor") == ["Gardermoen Sangforening"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bandenes", "Nes Rockeklubb"),  # "the bands'" → band
        ("smedenes", "Hurdal Smie"),  # "the smiths'" → smed
        ("vennlige", "Eidsvoll Vennelag"),  # "friendly" → venn, as "venner"
    ],
)
def test_postgres_norwegian_stemming_finds_inflected_forms(
    client, actors, on_postgres, query, expected
):
    assert found(client, query) == [expected]


def test_sqlite_light_stemming_finds_the_plural_definite_form(client):
    make_actor("Kløfta Kammerkor", pitch="Vi holder konserter i kirker.")
    make_actor("Studio Form", pitch="Grafisk design for små bedrifter.")
    make_actor("Jessheim Lydstudio", pitch="Innspilling og miksing.")

    assert found(client, "konsertene") == ["Kløfta Kammerkor"]  # konsert-ene
    assert found(client, "designerne") == ["Studio Form"]  # design-erne
