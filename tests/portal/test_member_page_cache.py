"""Pages the same for every member come from the cache, with each member's own header
links and CSRF token (portal/member_pages.py); never someone else's page, never a stale
one, and never to a member who sees more (the owner of a profile, a coordinator)."""

import re

import pytest
from django.contrib import messages
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Visibility
from tests.factories import logged_in, make_actor, make_member, make_unconfirmed

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 30
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def profile(member):
    return make_actor(
        "Gjerdrum Grafikk",
        owner=member,
        phone="+4741234567",
        phone_visibility=Visibility.MEMBERS,
        pitch="Silketrykk og plakater.",
    )


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_second_member_gets_the_page_from_the_cache_with_two_queries(
    cached, settings, profile, django_assert_num_queries
):
    settings.FRAGMENT_CACHE_SECONDS = 0  # so only the page cache can spare the queries
    logged_in(make_member("forste")).get("/aktorer/")
    reader = logged_in(make_member("andre"))

    # The session (in the database here; in Redis in production) and the account with
    # its confirmation: nothing of the directory.
    with django_assert_num_queries(2):
        page = reader.get("/aktorer/").content.decode()

    assert "Gjerdrum Grafikk" in page
    assert "Min side" in page and "Logg ut" in page


def test_each_member_gets_a_log_out_form_with_their_own_token(cached, profile):
    logged_in(make_member("forste")).get("/aktorer/")
    second = logged_in(make_member("andre"), enforce_csrf_checks=True)

    page = second.get("/aktorer/").content.decode()
    response = second.post("/konto/logout/", {"csrfmiddlewaretoken": _token(page)})

    assert response.status_code == 302  # a token made for someone else would be a 403
    assert "_auth_user_id" not in second.session


def test_the_owner_gets_their_own_profile_when_others_have_it_cached(
    cached, profile, member, other_member
):
    logged_in(other_member).get(profile.get_absolute_url())  # stored for members

    own = logged_in(member).get(profile.get_absolute_url()).content.decode()
    others = logged_in(make_member("tredje")).get(profile.get_absolute_url()).content.decode()

    assert "Rediger profilen" in own
    assert "Rediger profilen" not in others
    assert "41 23 45 67" in others  # members see the phone


def test_the_owners_page_is_never_stored_for_others(cached, profile, member, other_member):
    logged_in(member).get(profile.get_absolute_url())

    page = logged_in(other_member).get(profile.get_absolute_url()).content.decode()

    assert "Rediger profilen" not in page


def test_coordinators_get_pages_made_for_them(cached, settings, profile, coordinator_client):
    settings.FRAGMENT_CACHE_SECONDS = 0  # so a rendered directory shows in the queries
    logged_in(make_member("forste")).get("/aktorer/")
    coordinator_client.get("/aktorer/")

    with CaptureQueriesContext(connection) as queries:
        coordinator_client.get("/aktorer/")

    assert len(queries) > 2  # the directory rendered for them, not the members' copy


def test_an_unconfirmed_account_never_gets_the_members_page(cached, profile):
    logged_in(make_member("forste")).get(profile.get_absolute_url())

    unconfirmed = logged_in(make_unconfirmed("ny")).get(profile.get_absolute_url())

    assert "41 23 45 67" not in unconfirmed.content.decode()  # not a member yet


def test_a_change_is_seen_by_members_on_the_next_request(cached, profile):
    reader = logged_in(make_member("leser"))
    reader.get("/aktorer/")

    profile.name = "Gjerdrum Silketrykk"
    profile.save()

    page = reader.get("/aktorer/").content.decode()
    assert "Gjerdrum Silketrykk" in page


def test_a_member_with_a_message_waiting_sees_it(cached, profile, member):
    logged_in(make_member("forste")).get("/aktorer/")
    client = logged_in(member)
    # A message left by the previous step (as a form does before it redirects).
    request = client.get("/aktorer/").wsgi_request
    messages.success(request, "Profilen er lagret.")
    storage = request._messages
    response = client.get("/aktorer/")  # cookie not yet set: the storage was not saved
    storage.update(response)
    client.cookies.update(response.cookies)

    page = client.get("/aktorer/").content.decode()

    assert "Profilen er lagret." in page


def test_a_page_that_showed_a_message_is_not_stored(cached, profile, member):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse
    from django.test import RequestFactory

    shower = logged_in(member)
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(messages.SUCCESS, "Velkommen tilbake, Mona.")
    response = HttpResponse()
    storage.update(response)
    shower.cookies.update(response.cookies)
    assert "Velkommen tilbake, Mona." in shower.get("/aktorer/").content.decode()

    page = logged_in(make_member("andre")).get("/aktorer/").content.decode()

    assert "Velkommen tilbake, Mona." not in page


def test_no_member_page_is_stored_when_page_cache_seconds_is_zero(settings, profile):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    logged_in(make_member("forste")).get("/aktorer/")
    reader = logged_in(make_member("andre"))

    with CaptureQueriesContext(connection) as queries:
        reader.get("/aktorer/")

    assert len(queries) > 2  # rendered, with the directory's own queries


@pytest.mark.parametrize("path", ["/", "/aktorer/", "/arrangementer/", "/samarbeid/"])
def test_the_lists_are_shared_by_members(cached, settings, profile, path):
    settings.FRAGMENT_CACHE_SECONDS = 0  # so only the page cache can spare the queries
    logged_in(make_member("forste")).get(path)
    second = logged_in(make_member("andre"))

    with CaptureQueriesContext(connection) as queries:
        page = second.get(path)

    assert page.status_code == 200
    assert len(queries) == 2  # the session and the account: the page came from the cache


def test_pages_that_are_not_shared_do_not_load_the_members_account(
    cached, member_client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert member_client.get("/robots.txt").status_code == 200
