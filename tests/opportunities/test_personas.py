"""Every page of Samarbeidstorget for every persona: the poster, another member, an
unconfirmed account, a visitor and a coordinator, with the methods each page takes
and the ones it refuses."""

import pytest
from django.test import Client

from actors.models import Actor
from tests.factories import logged_in, make_actor, make_opportunity, make_unconfirmed

pytestmark = pytest.mark.django_db

PERSONAS = ("poster", "other_member", "unconfirmed", "visitor", "coordinator")


@pytest.fixture
def clients(member, other_member, coordinator):
    return {
        "poster": logged_in(member),
        "other_member": logged_in(other_member),
        "unconfirmed": logged_in(make_unconfirmed()),
        "visitor": Client(),
        "coordinator": logged_in(coordinator),
    }


@pytest.fixture
def opportunity(member):
    return make_opportunity(make_actor("Jessheim kulturhus", owner=member, kind=Actor.Kind.VENUE))


# What each persona gets on a GET: public pages for all; the member pages per persona.
# A member without a profile (other_member, coordinator here) is guided to make one.
GET_EXPECTED = {
    "/samarbeid/": dict.fromkeys(PERSONAS, 200),
    "/samarbeid/feed/": dict.fromkeys(PERSONAS, 200),
    "{detail}": dict.fromkeys(PERSONAS, 200),
    "/samarbeid/ny/": {"poster": 200, "other_member": 200, "unconfirmed": 403,
                       "visitor": 302, "coordinator": 200},
    "/samarbeid/mine/": {"poster": 200, "other_member": 200, "unconfirmed": 403,
                         "visitor": 302, "coordinator": 200},
    "{detail}endre/": {"poster": 200, "other_member": 404, "unconfirmed": 403,
                       "visitor": 302, "coordinator": 404},
}  # fmt: skip
POST_ONLY = ("{detail}lukk/", "{detail}gjenapne/")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("address", list(GET_EXPECTED))
def test_each_page_answers_each_persona(clients, opportunity, persona, address):
    url = address.format(detail=opportunity.get_absolute_url())

    response = clients[persona].get(url)

    assert response.status_code == GET_EXPECTED[address][persona]
    if response.status_code == 302:
        assert response.url.startswith("/konto/login/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("address", "method"),
    [
        ("/samarbeid/", "post"),
        ("/samarbeid/", "delete"),
        ("/samarbeid/feed/", "post"),
        ("{detail}", "post"),
        ("{detail}", "put"),
        ("/samarbeid/mine/", "post"),
        ("/samarbeid/ny/", "put"),
        ("{detail}endre/", "delete"),
        ("{detail}lukk/", "get"),
        ("{detail}gjenapne/", "get"),
    ],
)
def test_wrong_methods_are_refused_and_change_nothing(
    clients, opportunity, persona, address, method
):
    url = address.format(detail=opportunity.get_absolute_url())
    member_page = address not in ("/samarbeid/", "/samarbeid/feed/", "{detail}")

    response = getattr(clients[persona], method)(url)

    # Member pages ask who you are before what you want: visitors log in, unconfirmed
    # accounts are told to confirm; everyone else gets 405.
    if member_page and persona == "visitor":
        assert response.status_code == 302
    elif member_page and persona == "unconfirmed":
        assert response.status_code == 403
    elif address == "{detail}endre/" and persona in ("other_member", "coordinator"):
        assert response.status_code == 405  # the method is refused before the lookup
    else:
        assert response.status_code == 405
    opportunity.refresh_from_db()
    assert opportunity.is_open


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("address", POST_ONLY)
def test_only_the_poster_closes_and_reopens(clients, opportunity, persona, address):
    url = address.format(detail=opportunity.get_absolute_url())

    response = clients[persona].post(url)

    expected = {"poster": 302, "other_member": 404, "unconfirmed": 403, "visitor": 302,
                "coordinator": 404}[persona]  # fmt: skip
    assert response.status_code == expected
    opportunity.refresh_from_db()
    if persona != "poster":
        assert opportunity.is_open
    elif address.endswith("lukk/"):
        assert not opportunity.is_open
