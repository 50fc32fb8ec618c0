"""Search finds other forms of a word than the one in the profile, on every database.

Every query here is a word form that appears nowhere in the test data, so the
search must do the work: a short word must find the words it begins (and only
those), a longer one must lose its common ending ("konsertene" finds "konserter").
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
    make_actor(
        "Jessheim Interiør", pitch="Dekor og tekstiler til hjemmet.", sectors=["kunsthandverk"]
    )
    make_actor("Kløfta Kammerkor", pitch="Vi holder konserter i kirker.")
    make_actor("Studio Form", pitch="Grafisk design for små bedrifter.", sectors=["design"])
    make_actor("Jessheim Lydstudio", pitch="Innspilling og miksing.", sectors=["film"])


def test_a_short_word_finds_the_words_it_begins_and_not_words_it_is_inside(client, actors):
    # "kor" begins "korsang"; inside "dekor" and "kammerkor" it is only a coincidence.
    assert found(client, "kor") == ["Gardermoen Sangforening"]


def test_a_word_loses_its_common_ending_before_it_is_looked_for(client, actors):
    assert found(client, "konsertene") == ["Kløfta Kammerkor"]  # konsert-ene
    assert found(client, "designerne") == ["Studio Form"]  # design-erne


def test_a_longer_word_is_found_inside_a_compound(client, actors):
    assert found(client, "studio") == ["Jessheim Lydstudio", "Studio Form"]
