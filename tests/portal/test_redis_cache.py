"""The shared cache against the real Redis at 127.0.0.1:6379 (skipped where none runs)."""

import socket

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from tests.factories import make_staff

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal-tests",
        }
    }
    settings.SESSION_ENGINE = "portal.sessions"
    cache.clear()
    yield cache
    cache.clear()


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
    keys = redis_cache._cache.get_client().keys("portal-tests:*")
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
