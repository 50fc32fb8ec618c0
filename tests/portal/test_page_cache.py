"""Anonymous visitors may get a public page from the cache; members never do."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_actor, make_event


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30
    cache.clear()
    yield
    cache.clear()


pytestmark = pytest.mark.django_db


def test_anonymous_visitor_gets_the_second_view_from_the_cache(
    client, page_cache, django_assert_num_queries
):
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.status_code == 200
    assert second.content == first.content
    assert second["X-Request-ID"] != first["X-Request-ID"]  # headers are made fresh
    assert "Content-Security-Policy" in second


def test_the_other_language_is_not_served_from_the_cache(page_cache):
    # Two visitors, each with their own client: one reads Norwegian, one English.
    norwegian_visitor, english_visitor = Client(), Client()
    english_visitor.cookies["django_language"] = "en"

    norwegian = norwegian_visitor.get("/om/").content.decode()
    in_english = english_visitor.get("/om/").content.decode()

    # The <html> element, not the language-switch links that every page carries.
    assert '<html lang="nb"' in norwegian
    assert '<html lang="en"' in in_english


def test_each_query_string_is_cached_apart(page_cache):
    make_actor("Koret fra Nes", municipality="nes")
    make_actor("Eidsvoll Grafiske", municipality="eidsvoll")

    from_nes = Client().get("/aktorer/?kommune=nes").content.decode()
    from_eidsvoll = Client().get("/aktorer/?kommune=eidsvoll").content.decode()

    assert "Koret fra Nes" in from_nes
    assert "Eidsvoll Grafiske" not in from_nes
    assert "Eidsvoll Grafiske" in from_eidsvoll
    assert "Koret fra Nes" not in from_eidsvoll


def test_logged_in_member_never_gets_a_cached_page(client, member, page_cache):
    client.get("/")  # an anonymous visit fills the cache
    client.force_login(member)

    response = client.get("/")

    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) > 0  # rendered again, not served from the cache


def test_page_with_a_form_is_not_shared(page_cache):
    # Its CSRF token belongs to one visitor's cookie; a shared copy would make
    # everyone else's form fail. The event's registration step is public and cacheable
    # in every other respect (unlike the admin login, which is never_cache anyway).
    event = make_event()
    first = Client().get(f"{event.get_absolute_url()}pamelding/")
    second = Client().get(f"{event.get_absolute_url()}pamelding/")

    assert "csrftoken" in first.cookies
    assert "csrftoken" in second.cookies
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    assert first.content != second.content  # each form carries its own token


def test_a_page_that_sets_no_cookie_is_shared(page_cache, django_assert_num_queries):
    # The counterpart of the test above: the same kind of page without a form is cached.
    event = make_event(registration_required=False)
    Client().get(event.get_absolute_url())

    with django_assert_num_queries(0):
        response = Client().get(event.get_absolute_url())
    assert not response.cookies


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, page_cache):
    client.get("/")
    client.cookies["messages"] = "something"

    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) > 0


def test_post_is_never_answered_from_the_cache(client, page_cache):
    client.get("/om/")

    assert client.post("/om/").status_code == 405


def test_cache_is_off_when_page_cache_seconds_is_0(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) > 0


def test_pages_and_logins_still_work_when_the_cache_is_down(client, settings):
    settings.PAGE_CACHE_SECONDS = 30
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }

    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200
    assert (
        client.post("/konto/login/", {"login": "x@example.no", "password": "y"}).status_code == 200
    )


def test_unchanged_page_answers_304_to_a_revisiting_browser(client):
    first = client.get("/om/")

    again = client.get("/om/", HTTP_IF_NONE_MATCH=first["ETag"])
    other = client.get("/om/", HTTP_IF_NONE_MATCH='"not-this-page"')

    assert again.status_code == 304
    assert again.content == b""
    assert other.status_code == 200
