"""The relevance set (bench/relevance.py) against the demo data, and the ranking rules:
name and short presentation above the long description; a whole word above the
start of a word above a corrected typo."""

import io

import pytest

from actors import demo
from bench.relevance import QUERIES, evaluate
from tests.factories import make_actor

pytestmark = pytest.mark.django_db


def test_every_query_of_the_relevance_set_finds_its_profile_in_the_top_three(monkeypatch):
    monkeypatch.setattr(demo, "_add_image", lambda *args, **kwargs: None)  # pictures: slow
    demo.seed(stdout=io.StringIO())

    result = evaluate()

    missed = [
        (row["query"], row["expected"], row["top"]) for row in result["rows"] if not row["rank"]
    ]
    assert len(QUERIES) >= 30
    assert missed == []


def names(client, query: str) -> list[str]:
    response = client.get("/aktorer/", {"q": query})
    return [actor.name for actor in response.context["page_obj"].object_list]


def test_name_above_pitch_above_long_description(client):
    make_actor("Alfa", pitch="Scene.", description="Vi har et lite keramikkverksted.")
    make_actor("Beta", pitch="Keramikk og glass.")
    make_actor("Keramikkhuset", pitch="Scene.")

    assert names(client, "keramikk") == ["Keramikkhuset", "Beta", "Alfa"]


def test_whole_word_above_start_of_word_above_inside_a_word(client):
    make_actor("Alfa", pitch="Vi holder konsertserier.")
    make_actor("Beta", pitch="Vi holder sommerkonsert.")
    make_actor("Gamma", pitch="Vi holder konsert.")

    assert names(client, "konsert") == ["Gamma", "Alfa", "Beta"]


def test_a_corrected_typo_ranks_its_nearest_word_first(client):
    make_actor("Alfa", description="Vi er maler.")
    make_actor("Beta", pitch="Maler landskap.")

    # "mlaer" is one edit from "maler": both are found, the pitch match first.
    assert names(client, "mlaer") == ["Beta", "Alfa"]
