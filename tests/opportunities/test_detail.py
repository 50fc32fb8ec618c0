"""An opportunity's page: its facts, the poster's profile, related events, the way to
answer for each persona, what an expired or closed one says, who may see a hidden one."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from actors.models import Actor, Sector
from events.models import Event
from tests.factories import (
    make_actor,
    make_event,
    make_opportunity,
    make_unconfirmed,
    municipality,
    sector,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(member):
    house = make_actor("Jessheim kulturhus", owner=member, kind=Actor.Kind.VENUE)
    return make_opportunity(
        house,
        title="Lokale band til sommerscenen",
        description="Vi søker tre band.\n\nSend lenke til musikken.",
        municipality=municipality("nes"),
        budget="15 000 kr per band",
        sectors=[sector("musikk"), sector("scenekunst")],
    )


def html_of(client, opportunity) -> str:
    response = client.get(opportunity.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_facts_and_links_the_posters_profile(client, call):
    html = html_of(client, call)

    assert "<h1>Lokale band til sommerscenen</h1>" in html
    assert "Åpen utlysning eller oppdrag" in html
    assert "<p>Vi søker tre band.</p>" in html and "15 000 kr per band" in html
    assert 'href="/samarbeid/?kommune=nes">Nes</a>' in html
    assert 'href="/samarbeid/?bransje=scenekunst">' in html
    assert 'href="/aktorer/jessheim-kulturhus/">Jessheim kulturhus</a>' in html
    assert call.deadline.isoformat() in html


def test_region_wide_opportunities_say_so(client):
    assert "Hele Øvre Romerike" in html_of(client, make_opportunity())


def test_related_published_events_are_linked_and_drafts_are_not(client, call):
    course = make_event(title="Kurs i søknadsskriving")
    draft = make_event(title="Hemmelig kurs", status=Event.Status.DRAFT)
    call.events.set([course, draft])

    html = html_of(client, call)

    assert f'href="{course.get_absolute_url()}">Kurs i søknadsskriving</a>' in html
    assert "Hemmelig kurs" not in html


def test_a_member_gets_the_answer_button(other_member, call):
    client = Client()
    client.force_login(other_member)

    assert f'href="/samarbeid/{call.slug}/svar/">Svar på muligheten</a>' in html_of(client, call)


def test_a_visitor_is_asked_to_log_in_or_join(client, call):
    html = html_of(client, call)

    assert "/svar/" not in html
    assert "Medlemmer av nettverket kan svare på muligheten." in html
    assert f'href="/konto/login/?next=/samarbeid/{call.slug}/"' in html


def test_an_unconfirmed_account_is_asked_to_confirm_its_address(call):
    client = Client()
    client.force_login(make_unconfirmed())

    html = html_of(client, call)

    assert "/svar/" not in html
    assert "Bekreft e-postadressen din" in html


def test_the_poster_sees_their_own_tools_not_the_answer_button(member_client, call):
    html = html_of(member_client, call)

    assert "/svar/" not in html
    assert f'href="/samarbeid/{call.slug}/endre/"' in html
    assert f'action="/samarbeid/{call.slug}/lukk/"' in html


def test_an_expired_opportunity_says_so_and_takes_no_answers(other_member):
    expired = make_opportunity(deadline=timezone.localdate() - timedelta(days=3))
    client = Client()
    client.force_login(other_member)

    html = html_of(client, expired)

    assert "Fristen gikk ut" in html and "Muligheten tar ikke imot svar." in html
    assert "/svar/" not in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("filled", "says"),
    [(True, "Denne muligheten er lukket: den har fått treff."),
     (False, "Denne muligheten er lukket og tar ikke imot svar.")],
)  # fmt: skip
def test_a_closed_opportunity_says_so(client, filled, says):
    closed = make_opportunity()
    closed.close(filled=filled)

    html = html_of(client, closed)

    assert says in html and "/svar/" not in html


def test_a_hidden_opportunity_is_found_only_by_its_poster_and_coordinators(
    client, member_client, other_member, coordinator_client, call
):
    call.hidden = True
    call.save()
    other = Client()
    other.force_login(other_member)

    assert client.get(call.get_absolute_url()).status_code == 404
    assert other.get(call.get_absolute_url()).status_code == 404
    assert "skjult av en koordinator" in html_of(member_client, call)
    assert html_of(coordinator_client, call)


def test_an_opportunity_of_an_unpublished_profile_is_not_found_by_visitors(client, member):
    draft = make_opportunity(make_actor(owner=member, status=Actor.Status.PENDING))

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unknown_opportunity_is_not_found(client):
    assert client.get("/samarbeid/finnes-ikke/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_page_refuses_other_methods(client, call, method):
    assert getattr(client, method)(call.get_absolute_url()).status_code == 405


def test_the_answer_address_exists_until_the_answer_form_lands(member_client, call):
    from django.urls import reverse

    assert reverse("opportunities:answer", args=[call.slug]) == f"/samarbeid/{call.slug}/svar/"


@pytest.mark.parametrize("n_others", [5, 60])
def test_detail_query_count_does_not_grow_with_sectors_events_or_the_board(
    client, django_assert_num_queries, call, n_others
):
    # The opportunity with poster and place (1), sectors (1), poster's images (1), events (1).
    for _ in range(n_others):
        make_opportunity()
    with django_assert_num_queries(4):
        client.get(call.get_absolute_url())
    call.sectors.set(Sector.objects.all())
    call.events.set([make_event() for _ in range(4)])
    with django_assert_num_queries(4):
        client.get(call.get_absolute_url())
