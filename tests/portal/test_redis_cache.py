"""The shared cache against the real Redis at 127.0.0.1:6379 (skipped where none runs)."""

import socket
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from tests.factories import make_staff

REDIS_URL = "redis://127.0.0.1:6379/15"


def _delete_keys(client, pattern: str) -> None:
    for key in client.scan_iter(match=pattern, count=500):
        client.delete(key)


@pytest.fixture
def redis_cache(settings):
    """The real Redis, shared with others: this test's own key prefix, and only its keys
    deleted afterwards (never FLUSHDB, which cache.clear() would send)."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    from django.core.cache import cache

    prefix = f"portal-tests-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.SESSION_ENGINE = "portal.sessions"
    yield cache
    _delete_keys(cache._cache.get_client(), f"{prefix}:*")


@pytest.mark.django_db
def test_readyz_reaches_redis(client, redis_cache):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["cache"] == "ok"
    assert redis_cache._cache.get_client().ping()


@pytest.mark.django_db
def test_a_session_in_redis_is_seen_by_another_process(client, redis_cache):
    # A second client stands in for a second app instance: it shares nothing
    # with the first but the session cookie and Redis.
    from django.test import Client

    user = get_user_model().objects.create_user("k", password="pw-12345678", is_staff=True)
    client.force_login(user)
    other_instance = Client()
    other_instance.cookies = client.cookies
    # Without the database copy the session can only come from Redis.
    Session.objects.all().delete()

    response = other_instance.get("/admin/")

    assert response.status_code == 200
    keys = list(redis_cache._cache.get_client().scan_iter(match=f"{redis_cache.key_prefix}:*"))
    assert any(b"django.contrib.sessions.cached_db" in key for key in keys)


@pytest.mark.django_db
def test_logged_in_member_keeps_working_while_the_cache_is_down(client, settings):
    settings.SESSION_ENGINE = "portal.sessions"
    client.force_login(make_staff("koordinator"))
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }

    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    assert client.get("/admin/").status_code == 302
