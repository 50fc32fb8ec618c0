"""Each rule of the anonymous page cache, one response kind at a time.

The views (tests/portal/page_cache_urls.py) number every answer in X-Svar, so
"served from the cache" is simply "the same number twice".
"""

import time

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.page_cache_urls")]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


def _answer(client: Client, path: str) -> str:
    return client.get(path)["X-Svar"]


def _twice(path: str) -> tuple[str, str]:
    """What two visitors, one after the other, are answered."""
    return _answer(Client(), path), _answer(Client(), path)


def test_a_plain_public_page_is_shared_between_visitors(page_cache):
    first, second = _twice("/vanlig/")

    assert first == second


@pytest.mark.parametrize(
    "path",
    ["/privat/", "/no-cache/", "/no-store/", "/mangler/", "/opprettet/", "/strom/", "/nonce/"],
    ids=["private", "no-cache", "no-store", "404", "201", "streaming", "csp-nonce"],
)
def test_a_response_not_meant_for_everyone_is_never_shared(page_cache, path):
    first, second = _twice(path)

    assert first != second


def test_each_url_has_its_own_entry(page_cache):
    client = Client()

    first = _answer(client, "/vanlig/?side=1")
    second = _answer(client, "/vanlig/?side=2")

    assert first != second
    assert _answer(client, "/vanlig/?side=1") == first


def test_the_cached_page_expires_after_page_cache_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 1  # the stored entry's timeout, read from the cache itself
    from django.core.cache import cache

    Client().get("/vanlig/")
    # (The other entry is the data version the page is stored beside: portal/cache_version.py.)
    keys = [key for key in cache._cache if ":page:" in key]

    assert len(keys) == 1
    assert cache._expire_info[keys[0]] - time.time() <= 1  # not the default 300 s


def test_post_is_never_answered_from_the_cache(page_cache):
    client = Client()
    cached = _answer(client, "/vanlig/")

    assert client.post("/vanlig/")["X-Svar"] != cached


def test_a_cache_that_raises_costs_speed_not_the_page(settings):
    # Django's own Redis backend raises when Redis is gone; the middleware must not.
    settings.PAGE_CACHE_SECONDS = 30
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }

    first, second = _twice("/vanlig/")

    assert first != second  # both rendered
