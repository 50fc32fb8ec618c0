"""Merging two profiles of the same actor in the admin: nothing lost, the old address redirects."""

import pytest

from actors.models import Actor, ActorImage, ClaimRequest, ContactMessage
from tests.factories import (
    add_image,
    make_actor,
    make_event,
    make_member,
    make_registration,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/actors/actor/"


def merge(client, *actors, keep=None, **extra):
    data = {"action": "merge_two", "_selected_action": [a.pk for a in actors]}
    if keep is not None:
        data.update({"post": "yes", "keep": keep.pk, **extra})
    return client.post(LIST, data)


@pytest.fixture
def pair():
    owner = make_member("eier-keramikk")
    keep = make_actor(
        "Nes keramikk",
        municipality="nes",
        sectors=["kunsthandverk"],
        org_number="988077917",
        pitch="Keramikk fra Årnes.",
    )
    remove = make_actor(
        "Nes Keramikk AS",
        municipality="nes",
        sectors=["design"],
        email="post@neskeramikk.no",
        description="Dreiekurs og bruksporselen.",
        owner=owner,
    )
    return keep, remove


def test_merging_moves_everything_to_the_profile_kept(coordinator_client, pair):
    keep, remove = pair
    add_image(keep, role=ActorImage.Role.LOGO)
    logo = add_image(remove, role=ActorImage.Role.LOGO)
    event = make_event(venue=remove)
    registration = make_registration(event, actor=remove)
    claimant = make_member("vil-overta")
    ClaimRequest.objects.create(actor=remove, user=claimant, message="Det er meg.")
    ContactMessage.objects.create(
        actor=remove,
        actor_name=remove.name,
        sender_name="Ola",
        sender_email="ola@example.no",
        subject="Kurs",
        body="Har dere plass?",
    )

    response = merge(coordinator_client, keep, remove, keep=keep)

    assert response.status_code == 302
    assert not Actor.objects.filter(pk=remove.pk).exists()
    keep.refresh_from_db()
    assert keep.owner == remove.owner  # the kept profile had none
    assert keep.pitch == "Keramikk fra Årnes."  # its own value wins
    assert keep.email == "post@neskeramikk.no"  # filled from the other
    assert keep.description == "Dreiekurs og bruksporselen."
    assert sorted(s.slug for s in keep.sectors.all()) == ["design", "kunsthandverk"]
    logo.refresh_from_db()
    assert (logo.actor, logo.role) == (keep, ActorImage.Role.GALLERY)  # one logo only
    event.refresh_from_db()
    registration.refresh_from_db()
    assert event.venue == keep and registration.actor == keep
    assert keep.claims.get().user == claimant
    assert ContactMessage.objects.get().actor == keep
    reasons = list(keep.history.values_list("history_change_reason", flat=True))
    assert reasons[0] == "Slått sammen med «Nes Keramikk AS» (nes-keramikk-as)"
    assert keep.history.filter(name="Nes Keramikk AS").exists()  # the other's history came along


def test_the_removed_profiles_address_redirects_permanently(client, coordinator_client, pair):
    keep, remove = pair
    third = make_actor("Vorma keramikk", municipality="nes")

    merge(coordinator_client, keep, remove, keep=keep)
    merge(coordinator_client, third, keep, keep=third)  # and later into a third

    for old in ("nes-keramikk-as", "nes-keramikk"):
        response = client.get(f"/aktorer/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/aktorer/vorma-keramikk/"
    assert client.get("/aktorer/finnes-ikke/").status_code == 404


def test_search_finds_the_kept_profile_by_what_it_got(client, coordinator_client, pair):
    keep, remove = pair

    merge(coordinator_client, keep, remove, keep=keep)

    results = client.get("/aktorer/", {"q": "dreiekurs"}).content.decode()
    assert 'href="/aktorer/nes-keramikk/"' in results
    assert "nes-keramikk-as" not in results


def test_coordinator_sees_both_profiles_and_chooses_the_owner_when_both_have_one(
    coordinator_client, pair
):
    keep, remove = pair
    keep.owner = make_member("annen-eier")
    keep.save()

    page = merge(coordinator_client, keep, remove)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Hvilken profil skal beholdes?" in html and "Hvem skal eie profilen?" in html
    assert "Dreiekurs" not in html and "Nes Keramikk AS" in html

    missing_owner = merge(coordinator_client, keep, remove, keep=keep)
    assert missing_owner.status_code == 400
    assert Actor.objects.filter(pk=remove.pk).exists()

    merge(coordinator_client, keep, remove, keep=remove, owner=keep.owner_id)
    remove.refresh_from_db()
    assert remove.owner.username == "annen-eier"
    assert not Actor.objects.filter(pk=keep.pk).exists()


def test_merging_needs_exactly_two_profiles(coordinator_client, pair):
    keep, remove = pair
    third = make_actor("Tredje")

    response = merge(coordinator_client, keep, remove, third, keep=keep)

    assert response.status_code == 302
    assert Actor.objects.count() == 3
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "Velg nøyaktig to aktører for å slå dem sammen." in page


def test_members_cannot_merge(member_client, pair):
    keep, remove = pair

    response = merge(member_client, keep, remove, keep=keep)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert Actor.objects.count() == 2


def test_opportunities_and_answers_move_and_a_double_answer_stays_single(coordinator_client, pair):
    from opportunities.models import Answer
    from tests.factories import make_opportunity

    keep, remove = pair
    posted = make_opportunity(remove)
    other = make_opportunity()
    Answer.objects.create(opportunity=other, actor=keep, message="Vi kan!")
    Answer.objects.create(opportunity=other, actor=remove, message="Vi også!")
    elsewhere = make_opportunity()
    moved = Answer.objects.create(opportunity=elsewhere, actor=remove, message="Gjerne.")

    response = merge(coordinator_client, keep, remove, keep=keep)

    assert response.status_code == 302
    posted.refresh_from_db()
    moved.refresh_from_db()
    assert posted.actor == keep and moved.actor == keep
    assert list(other.answers.values_list("message", flat=True)) == ["Vi kan!"]
