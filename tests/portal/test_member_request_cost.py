"""What every request of a logged-in member costs, and that the savings change no rule:
the account and its confirmation in one query, a cache entry only for the data version
it was made for, the header's shared parts rendered once per language and section."""

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.cache_version import bump, versioned_get, versioned_set
from tests.factories import make_unconfirmed

pytestmark = pytest.mark.django_db


def _account_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return [
        q["sql"] for q in queries if "auth_user" in q["sql"] or "account_emailaddress" in q["sql"]
    ]


def test_a_members_request_loads_the_account_and_its_confirmation_in_one_query(member_client):
    (query,) = _account_queries(member_client, "/aktorer/mine/")

    assert "account_emailaddress" in query  # asked with the user, not after


def test_an_unconfirmed_account_is_no_member_on_any_request():
    client = Client()
    client.force_login(make_unconfirmed("ubekreftet"))

    assert client.get("/aktorer/mine/").status_code == 403


def test_the_confirmation_is_read_again_on_every_request(member, member_client):
    assert member_client.get("/aktorer/mine/").status_code == 200

    EmailAddress.objects.filter(user=member).update(verified=False)

    assert member_client.get("/aktorer/mine/").status_code == 403


def test_a_cache_entry_is_served_only_for_the_version_it_was_made_for():
    version, entry = versioned_get("fragment:test")
    assert version and entry is None
    versioned_set("fragment:test", version, "made before the change", 30)
    assert versioned_get("fragment:test") == (version, "made before the change")

    bump()  # a write to an actor or an event

    newer, entry = versioned_get("fragment:test")
    assert newer != version and entry is None


def test_an_entry_stored_without_its_version_is_a_miss():
    from django.core.cache import cache

    version, _ = versioned_get("page:test")
    cache.set("page:test", "a bare page, as an older release stored it")

    assert versioned_get("page:test") == (version, None)


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/aktorer/", "Aktører"),
        ("/aktorer/ny/", "Aktører"),
        ("/arrangementer/", "Arrangementer"),
        ("/samarbeid/", "Samarbeid"),
        ("/om/", "Om nettverket"),
        ("/personvern/", None),
    ],
)
def test_the_main_menu_marks_the_section_of_each_page(member_client, path, current):
    # The menu is rendered once per language and section: each page must still get its own.
    for other in ("/aktorer/", "/om/", "/"):
        member_client.get(other)
    html = member_client.get(path).content.decode()
    menu = html[html.index('class="site-nav"') : html.index("</nav>")]

    marked = [part.split(">")[1].split("<")[0] for part in menu.split('aria-current="page"')[1:]]
    assert marked == ([current] if current else [])


def test_the_main_menu_follows_the_language(client, english):
    client.get("/aktorer/")  # the Norwegian menu rendered first

    html = english.get("/aktorer/").content.decode()

    assert ">Actors<" in html
    assert ">Aktører<" not in html


def test_a_deactivated_account_is_logged_out_on_its_next_request(member, member_client):
    member.is_active = False
    member.save()

    response = member_client.get("/aktorer/mine/")

    assert response.status_code == 302  # asked to log in, as anyone without an account
