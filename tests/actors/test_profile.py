"""The profile page /aktorer/<slug>/: public facts, contact details by visibility,
structured data, and a 404 for unpublished profiles except for owner and coordinators."""

import json
import re

import pytest
from django.conf import settings

from actors.models import Actor, Sector, Visibility
from tests.factories import make_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return make_actor(
        "Vorma Keramikk",
        kind=Actor.Kind.COMPANY,
        municipality="nes",
        sectors=["kunsthandverk", "visuell-kunst"],
        pitch="Dreier kopper og fat i steintøy.",
        description="Verkstedet ligger ved Vorma.",
        offers="Servise på bestilling.",
        looking_for="Kafeer som vil ha lokalt servise.",
        org_number="988077917",
        website="https://vorma.example.no/",
        instagram="https://www.instagram.com/vorma/",
        open_for_collaboration=True,
        available_for_hire=True,
        contact_person="Kari Nilsen",
        contact_person_visibility=Visibility.PUBLIC,
        email="post@vorma.example.no",
        email_visibility=Visibility.MEMBERS,
        phone="+4741234567",
        phone_visibility=Visibility.MEMBERS,
        address="Elvegata 1",
        postal_code="2150",
        postal_place="Årnes",
        address_visibility=Visibility.PUBLIC,
    )


def test_profile_shows_the_public_facts(client, actor):
    response = client.get(actor.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Vorma Keramikk</h1>" in html
    for text in (
        "Dreier kopper og fat i steintøy.",
        "Verkstedet ligger ved Vorma.",
        "Servise på bestilling.",
        "Kafeer som vil ha lokalt servise.",
        "988 077 917",
        "Kari Nilsen",
        "Elvegata 1, 2150 Årnes",
        "Åpen for samarbeid",
        "Kan leies inn eller bookes",
        "Sist oppdatert",
    ):
        assert text in html, text


def test_sectors_and_municipality_link_into_the_filtered_directory(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()

    assert 'href="/aktorer/?bransje=kunsthandverk"' in html
    assert 'href="/aktorer/?bransje=visuell-kunst"' in html
    assert 'href="/aktorer/?kommune=nes"' in html


def test_members_only_contact_details_are_hidden_from_anonymous_visitors(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()

    assert "post@vorma.example.no" not in html
    assert "41 23 45 67" not in html
    assert "+4741234567" not in html
    assert "bare synlige for medlemmer" in html


def test_members_only_contact_details_are_shown_to_logged_in_members(member_client, actor):
    html = member_client.get(actor.get_absolute_url()).content.decode()

    assert "post@vorma.example.no" in html
    assert "41 23 45 67" in html
    assert "bare synlige for innloggede medlemmer" not in html


def test_external_links_open_safely(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()

    links = re.findall(r'<a href="https://[^"]+"[^>]*>', html)
    assert len(links) == 2
    assert all('rel="noopener"' in link for link in links)


def test_profile_has_json_ld_with_public_data_only(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Organization"
    assert data["name"] == "Vorma Keramikk"
    assert data["url"] == f"{settings.SITE_URL}/aktorer/vorma-keramikk/"  # never the Host
    assert data["sameAs"] == ["https://vorma.example.no/", "https://www.instagram.com/vorma/"]
    assert data["address"]["streetAddress"] == "Elvegata 1"
    assert "email" not in data and "telephone" not in data


def test_individual_artist_is_a_person_in_json_ld(client):
    artist = make_actor("Hanne Lie", kind=Actor.Kind.ARTIST)

    html = client.get(artist.get_absolute_url()).content.decode()

    assert '"@type": "Person"' in html


def test_json_ld_cannot_be_broken_out_of(client):
    sneaky = make_actor("Slem </script><script>alert(1)</script>", pitch="<b>&</b>")

    html = client.get(sneaky.get_absolute_url()).content.decode()

    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script
    assert json.loads(script)["name"] == "Slem </script><script>alert(1)</script>"


def test_profile_has_open_graph_tags(client, actor):
    html = client.get(actor.get_absolute_url()).content.decode()

    assert '<meta property="og:title" content="Vorma Keramikk">' in html
    assert '<meta property="og:description" content="Dreier kopper og fat i steintøy.">' in html
    og_url = f'<meta property="og:url" content="{settings.SITE_URL}/aktorer/vorma-keramikk/">'
    assert og_url in html


@pytest.mark.parametrize("status", [Actor.Status.DRAFT, Actor.Status.PENDING, Actor.Status.HIDDEN])
def test_unpublished_profile_is_not_found_by_visitors_and_other_members(
    visitor, member_client, other_member, status
):
    hidden = make_actor("Ikke publisert", status=status, owner=other_member)

    assert visitor.get(hidden.get_absolute_url()).status_code == 404
    assert member_client.get(hidden.get_absolute_url()).status_code == 404


def test_unpublished_profile_is_shown_to_its_owner_with_a_notice(member, member_client):
    draft = make_actor("Mitt utkast", status=Actor.Status.DRAFT, owner=member)

    response = member_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "Denne profilen er ikke publisert" in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_unpublished_profile_is_shown_to_coordinators(coordinator_client):
    draft = make_actor("Til godkjenning", status=Actor.Status.PENDING)

    assert coordinator_client.get(draft.get_absolute_url()).status_code == 200


def test_unknown_profile_is_not_found(client):
    assert client.get("/aktorer/finnes-ikke/").status_code == 404


def test_profile_refuses_post(client, actor):
    assert client.post(actor.get_absolute_url()).status_code == 405


def test_profile_query_count_does_not_grow_with_sectors_or_images(
    client, django_assert_num_queries, actor, settings
):
    from actors.models import ActorImage
    from tests.factories import add_image

    with django_assert_num_queries(3):
        client.get(actor.get_absolute_url())
    for position in range(5):
        add_image(actor, role=ActorImage.Role.GALLERY, position=position)
    add_image(actor, role=ActorImage.Role.LOGO)
    actor.sectors.add(*Sector.objects.all()[:6])

    with django_assert_num_queries(3):
        response = client.get(actor.get_absolute_url())
    html = response.content.decode()
    assert html.count('loading="lazy"') == 4  # the gallery below the first image
    assert "srcset=" in html and 'width="' in html and 'height="' in html
