import pytest


@pytest.mark.django_db
def test_healthz_answers_without_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_checks_database_and_cache(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_readyz_reports_a_broken_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["cache"].startswith("error")


@pytest.mark.django_db
def test_health_answers_a_load_balancer_asking_by_ip_address(client, settings):
    settings.ALLOWED_HOSTS = ["kreativ.example.no"]

    assert client.get("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/om/", HTTP_HOST="10.0.0.5:8000").status_code == 400


@pytest.mark.django_db
def test_health_endpoints_take_only_get(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
