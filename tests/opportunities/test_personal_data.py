"""Samarbeidstorget in "Last ned mine data" and "Slett kontoen min"."""

import json

import pytest

from opportunities.models import Answer, DigestEntry, Following, Opportunity
from tests.factories import PASSWORD, make_actor, make_opportunity, sector
from tests.opportunities.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(call, band, musician):
    return Answer.objects.create(
        opportunity=call, actor=band, sender=musician, message="Ring meg på 412 34 567, Mari"
    )


def test_the_download_holds_posted_sent_received_and_following(answered, call, poster, musician):
    following = Following.objects.create(user=musician, kinds=["open_call"])
    following.sectors.set([sector("musikk")])
    make_opportunity(make_actor("Noen andre"), title="Ikke hennes")

    poster_data = json.loads(logged_in(poster).get("/min-side/mine-data/").content)
    musician_data = json.loads(logged_in(musician).get("/min-side/mine-data/").content)

    assert [o["title"] for o in poster_data["opportunities_posted"]] == [call.title]
    assert poster_data["opportunity_answers_received"][0]["from_profile"] == "Mari og bandet"
    assert poster_data["opportunity_answers_sent"] == []
    assert musician_data["opportunities_posted"] == []
    sent = musician_data["opportunity_answers_sent"]
    assert sent[0]["message"] == answered.message and sent[0]["as_profile"] == "Mari og bandet"
    assert musician_data["opportunity_following"][0]["kinds"] == ["open_call"]
    assert musician_data["opportunity_following"][0]["sectors"] == ["Musikk"]


def test_deleting_the_responder_anonymises_the_answer_and_keeps_the_count(answered, call, musician):
    Following.objects.create(user=musician)
    DigestEntry.objects.create(user=musician, opportunity=call)

    response = logged_in(musician).post(
        "/min-side/slett-kontoen/",
        {"password": PASSWORD, "confirm": "on", "profiles": "hand_over"},
    )

    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.message == "" and answered.sender is None
    assert call.answers.count() == 1  # the poster's list and the figures stay right
    assert not Following.objects.exists() and not DigestEntry.objects.exists()


def test_deleting_the_poster_leaves_the_opportunity_with_the_profile(call, poster):
    logged_in(poster).post(
        "/min-side/slett-kontoen/",
        {"password": PASSWORD, "confirm": "on", "profiles": "hand_over"},
    )

    call.refresh_from_db()
    assert call.created_by is None
    assert call.actor.owner is None
    assert Opportunity.objects.open().filter(pk=call.pk).exists()


def test_an_anonymised_answer_says_so_on_the_posters_page(answered, poster, musician):
    logged_in(musician).post(
        "/min-side/slett-kontoen/",
        {"password": PASSWORD, "confirm": "on", "profiles": "hand_over"},
    )
    html = logged_in(poster).get("/min-side/").content.decode()
    assert "Meldingen er slettet fordi avsenderen har slettet kontoen sin." in html
    assert "412 34 567" not in html
