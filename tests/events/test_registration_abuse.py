"""Registration cannot be used to send e-mail in bulk or to use up the seats."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Registration
from tests.factories import make_event, registration_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.REGISTRATION_LIMIT_PER_ADDRESS = 3
    settings.REGISTRATION_LIMIT_PER_EMAIL = 2
    return settings


def _register(client, event, address="203.0.113.5", **data):
    return client.post(event.get_absolute_url(), registration_data(**data), REMOTE_ADDR=address)


def test_one_address_is_limited_per_hour(client, limits):
    events = [make_event() for _ in range(5)]

    answers = [
        _register(client, event, email=f"person{n}@example.no").status_code
        for n, event in enumerate(events)
    ]

    assert answers == [302, 302, 302, 429, 429]
    assert Registration.objects.count() == 3
    limited = _register(client, make_event(), email="ny@example.no")
    assert "mange påmeldinger fra deg" in limited.content.decode()
    assert limited.context["form"]["name"].value() == "Kari Nordmann"  # what they typed is kept
    # Another address is not affected.
    assert _register(client, make_event(), "198.51.100.7", email="ny@example.no").status_code == 302


def test_behind_the_proxy_each_client_has_its_own_limit(client, limits):
    """Every request reaches gunicorn from the proxy: the forwarded client counts."""
    limits.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def through_proxy(client_ip, n):
        return client.post(
            make_event().get_absolute_url(),
            registration_data(email=f"via{n}@example.no"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=client_ip,
        ).status_code

    assert [through_proxy("203.0.113.5", n) for n in range(4)] == [302, 302, 302, 429]
    assert through_proxy("198.51.100.7", 9) == 302


def test_one_email_address_is_limited_per_hour_from_any_address(client, limits):
    events = [make_event() for _ in range(3)]

    answers = [
        _register(client, event, f"198.51.100.{n}", email="offer@example.no").status_code
        for n, event in enumerate(events)
    ]

    assert answers == [302, 302, 429]
    assert len({r.email for r in Registration.objects.all()}) == 1
    assert Registration.objects.count() == 2


def test_the_limit_counts_in_the_shared_cache(client, limits, settings):
    """The same counters through Django's Redis backend (production), never flushed:
    the Redis is shared, so the test uses a prefix of its own and deletes only its keys."""
    redis = pytest.importorskip("redis")
    server = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    try:
        server.ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"hardening-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": prefix,
        }
    }
    try:
        answers = [
            _register(client, make_event(), email=f"r{n}@example.no").status_code for n in range(4)
        ]
        keys = list(server.scan_iter(f"{prefix}:*"))
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)

    assert answers == [302, 302, 302, 429]
    assert any(b"ratelimit:registration-address" in key for key in keys)


def test_a_filled_honeypot_registers_no_one_and_sends_nothing(client):
    event = make_event()

    response = _register(client, event, website="http://spam.example/")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people(client):
    # Visitors fill in the form on its own step (events:register).
    page = client.get(reverse("events:register", args=[make_event().slug])).content.decode()

    assert '<div class="visually-hidden" aria-hidden="true"><label for="id_website">' in page
    assert 'tabindex="-1"' in page
