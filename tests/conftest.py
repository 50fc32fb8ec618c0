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
    # Shared page parts off, so responses carry their template context; the tests of
    # the sharing itself switch it on (tests/portal/test_fragments.py).
    settings.FRAGMENT_CACHE_SECONDS = 0


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


# --- Personas: who is asking. Every app's access tests use these. --------------------


@pytest.fixture
def visitor(client):
    """Someone without an account: an anonymous test client."""
    return client


@pytest.fixture
def member(db):
    """A member (a confirmed account) who is not a coordinator."""
    from tests.factories import make_member

    return make_member("medlem", first_name="Mona", last_name="Medlem")


@pytest.fixture
def member_client(member):
    """A test client logged in as `member` (its own client, so `client` stays anonymous)."""
    from django.test import Client

    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def other_member(db):
    """A second member, for "members see and change only their own" tests."""
    from tests.factories import make_member

    return make_member("annet-medlem", first_name="Ola", last_name="Annen")


@pytest.fixture
def coordinator(db):
    """A coordinator: runs the network from the admin (staff)."""
    from tests.factories import make_coordinator

    return make_coordinator("koordinator", first_name="Kari", last_name="Koordinator")


@pytest.fixture
def coordinator_client(coordinator):
    """A test client logged in as `coordinator`."""
    from django.test import Client

    client = Client()
    client.force_login(coordinator)
    return client
