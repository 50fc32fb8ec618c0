"""Fixtures shared by every test. Factories live in tests/factories.py."""

import pytest


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # A fast hasher keeps user creation cheap; uploads go to a throwaway folder.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Counters (failed logins) and cached pages must not leak from one test to the next.
    # Each test gets a cache of its own process, also when REDIS_URL is set: clearing
    # a Redis cache is FLUSHDB on a server others may share. Tests of the Redis cache
    # (tests/portal/test_redis_cache.py) set their own prefix and delete only its keys.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def on_postgres(settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")


@pytest.fixture
def english(client):
    """A test client that has chosen English with the language switch."""
    client.cookies["django_language"] = "en"
    return client
