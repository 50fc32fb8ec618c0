"""The production configuration, read from the environment in a fresh process each time."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.logging import JsonFormatter, RequestIdFilter, request_id

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "production-like-secret-key-for-tests-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "kreativ.example.no",
}
# Settings that the test run itself may have set and that each case must choose.
CLEARED = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "REDIS_URL",
    "MEDIA_STORAGE",
    "ADMIN_URL",
    "LOG_FORMAT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests; check --deploy refuses it
)

SHOW = """
import json, django
django.setup()
from django.conf import settings
from django.urls import reverse
print(json.dumps({
    "CACHES": settings.CACHES,
    "SESSION_ENGINE": settings.SESSION_ENGINE,
    "STORAGES": settings.STORAGES,
    "CSP": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "admin": reverse("admin:index"),
    "LOG_FORMAT": settings.LOG_FORMAT,
    "CONN_MAX_AGE": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "CONN_HEALTH_CHECKS": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
}, default=str))
"""


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(env)
    return subprocess.run(
        args, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def _settings(**env: str) -> dict:
    result = _run([sys.executable, "-c", SHOW], **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_with_production_settings():
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"], **PRODUCTION
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_complains_in_development():
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], DEBUG="1"
    )

    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


def test_without_redis_the_cache_is_per_process_and_sessions_in_the_database():
    shown = _settings()

    assert shown["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_redis_url_gives_a_shared_cache_and_cached_sessions():
    shown = _settings(REDIS_URL="redis://cache.example.no:6379/1")

    cache = shown["CACHES"]["default"]
    assert cache["BACKEND"] == "portal.cache.FailSoftRedisCache"
    assert cache["LOCATION"] == "redis://cache.example.no:6379/1"
    assert shown["SESSION_ENGINE"] == "portal.sessions"


def test_media_storage_s3_uses_the_bucket_and_allows_its_images():
    shown = _settings(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="kreativ-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.no",
        AWS_S3_REGION_NAME="no-east-1",
    )

    media = shown["STORAGES"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "kreativ-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.no"
    assert media["OPTIONS"]["querystring_auth"] is False
    assert "https://s3.example.no" in shown["CSP"]["img-src"]


def test_s3_storage_backend_is_built_from_those_settings():
    from django.core.files.storage import storages

    shown = _settings(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="kreativ-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.no",
    )
    storage = storages.create_storage(shown["STORAGES"]["default"])

    assert storage.bucket_name == "kreativ-media"
    # Public, unsigned URLs: built without credentials or a request to the store.
    assert storage.url("aktorer/logo.png") == (
        "https://s3.example.no/kreativ-media/media/aktorer/logo.png"
    )


def test_media_storage_s3_without_bucket_is_refused():
    result = _run([sys.executable, "manage.py", "check"], **PRODUCTION, MEDIA_STORAGE="s3")

    assert result.returncode != 0
    assert "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME." in result.stderr


def test_unknown_media_storage_is_refused():
    result = _run([sys.executable, "manage.py", "check"], **PRODUCTION, MEDIA_STORAGE="ftp")

    assert result.returncode != 0
    assert "MEDIA_STORAGE must be local or s3, not 'ftp'." in result.stderr


def test_admin_url_is_configurable():
    assert _settings()["admin"] == "/admin/"
    assert _settings(ADMIN_URL="forvaltning")["admin"] == "/forvaltning/"


def test_logs_are_json_in_production_and_text_in_development():
    assert _settings()["LOG_FORMAT"] == "json"
    assert _settings(DEBUG="1")["LOG_FORMAT"] == "text"


def test_json_log_line_carries_the_request_id_and_extra_fields():
    record = logging.makeLogRecord(
        {"name": "events", "levelname": "WARNING", "msg": "Fant ikke %s", "args": ("kurs",)}
    )
    record.registration = 17
    token = request_id.set("abc123def456")
    try:
        RequestIdFilter().filter(record)
        line = JsonFormatter().format(record)
    finally:
        request_id.reset(token)

    entry = json.loads(line)
    assert entry["message"] == "Fant ikke kurs"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "events"
    assert entry["request_id"] == "abc123def456"
    assert entry["registration"] == 17


@pytest.mark.django_db
def test_request_id_is_returned_and_kept_from_the_proxy(client):
    generated = client.get("/healthz")
    forwarded = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-3f2a9c0d11")
    injected = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\nFAKE LOG LINE")

    assert len(generated["X-Request-ID"]) == 32
    assert forwarded["X-Request-ID"] == "nginx-3f2a9c0d11"
    assert "FAKE" not in injected["X-Request-ID"]
    assert len(injected["X-Request-ID"]) == 32


def test_production_logs_are_json_lines_with_the_request_id_of_the_response(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('collectstatic', interactive=False, verbosity=0)\n"
        "from django.test import Client\n"
        "response = Client(HTTP_HOST='kreativ.example.no').get('/finnes-ikke/', secure=True)\n"
        "print('ID', response['X-Request-ID'])\n"
    )
    result = _run(
        [sys.executable, "-c", script],
        **PRODUCTION,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SETTINGS_MODULE="portal.settings",
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    response_id = lines[-1].removeprefix("ID ")
    entries = [json.loads(line) for line in lines[:-1]]
    not_found = next(entry for entry in entries if entry["message"] == "Not Found: /finnes-ikke/")
    assert not_found["level"] == "WARNING"
    assert not_found["request_id"] == response_id
    assert not_found["status_code"] == 404


def test_gunicorn_settings_come_from_the_environment():
    script = (
        "import json, portal.gunicorn_conf as c\n"
        "print(json.dumps([c.bind, c.workers, c.threads, c.timeout, c.accesslog]))"
    )
    result = _run(
        [sys.executable, "-c", script],
        GUNICORN_BIND="127.0.0.1:9000",
        GUNICORN_WORKERS="3",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="20",
        GUNICORN_ACCESS_LOG="",
    )

    assert json.loads(result.stdout) == ["127.0.0.1:9000", 3, 4, 20, None]


def test_gunicorn_serves_the_portal_with_production_settings(tmp_path):
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(
        PRODUCTION,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
    )
    log = (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--config",
            "python:portal.gunicorn_conf",
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                ready = urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer /readyz")
        robots = urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert ready.status == 200
    assert robots.status == 200
    assert "default-src 'none'" in robots.headers["Content-Security-Policy"]
    log.seek(0)
    entries = [json.loads(line) for line in log if line.startswith("{")]
    access = next(entry for entry in entries if entry.get("path") == "/robots.txt")
    assert access["logger"] == "gunicorn.access"
    assert access["request_id"] == robots.headers["X-Request-ID"]
    assert access["status"] == 200
    assert access["method"] == "GET"
