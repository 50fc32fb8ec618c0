"""Every security header, checked on the production settings (DEBUG=0) in a real process.

One subprocess collects the static files, migrates a throwaway SQLite database and
fetches a public page, the login page (and logs in, then opens the admin), robots.txt and a static file
over HTTPS as a proxy would pass them on; the tests read what came back.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FETCH = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

call_command("collectstatic", interactive=False, verbosity=0)
call_command("migrate", verbosity=0)
from allauth.account.models import EmailAddress
user = get_user_model().objects.create_superuser("koordinator", "k@example.no", "hemmelig-passord-42")
EmailAddress.objects.create(user=user, email="k@example.no", verified=True, primary=True)
client = Client(HTTP_HOST="kreativ.example.no")
out = {}
def keep(name, response):
    out[name] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {key: dict(morsel.items()) for key, morsel in response.cookies.items()},
    }
keep("public", client.get("/om/", secure=True))
keep("admin", client.get("/konto/login/", secure=True))
keep("admin_login", client.post(
    "/konto/login/", {"login": "k@example.no", "password": "hemmelig-passord-42"}, secure=True
))
keep("admin_index", client.get("/" + settings.ADMIN_URL, secure=True))
keep("robots", client.get("/robots.txt", secure=True))
keep("calendar", client.get("/arrangementer/kalender.ics", secure=True))
keep("static", client.get(settings.STATIC_URL + "css/portal.css", secure=True))
keep("plain_http", client.get("/om/"))
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("production")
    environment = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "production-like-secret-key-for-tests-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "kreativ.example.no",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "ERROR",
    }
    environment.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", FETCH],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


EVERY_RESPONSE = ["public", "admin", "admin_index", "robots", "calendar", "static"]


@pytest.mark.parametrize("name", EVERY_RESPONSE)
def test_response_is_served(production, name):
    assert production[name]["status"] == 200


@pytest.mark.parametrize("name", EVERY_RESPONSE)
def test_hsts_for_a_year_with_subdomains(production, name):
    assert production[name]["headers"]["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


@pytest.mark.parametrize("name", EVERY_RESPONSE)
def test_content_security_policy_allows_no_inline_script_and_no_framing(production, name):
    policy = dict(
        part.strip().split(" ", 1) if " " in part.strip() else (part.strip(), "")
        for part in production[name]["headers"]["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "upgrade-insecure-requests" in policy
    assert "unsafe-inline" not in production[name]["headers"]["Content-Security-Policy"]


@pytest.mark.parametrize("name", EVERY_RESPONSE)
def test_other_security_headers(production, name):
    headers = production[name]["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-site"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "microphone=()" in headers["Permissions-Policy"]
    assert len(headers["X-Request-ID"]) == 32


@pytest.mark.parametrize("name", ["public", "admin", "admin_index", "robots", "calendar"])
def test_pages_cannot_be_framed(production, name):
    assert production[name]["headers"]["X-Frame-Options"] == "DENY"


def test_admin_cookies_are_secure_and_http_only(production):
    csrf = production["admin"]["cookies"]["csrftoken"]
    session = production["admin_login"]["cookies"]["sessionid"]

    assert production["admin_login"]["status"] == 302
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


def test_admin_pages_are_not_cached(production):
    assert "private" in production["admin_index"]["headers"]["Cache-Control"]


def test_static_file_is_sniff_proof_and_long_lived(production):
    headers = production["static"]["headers"]
    assert headers["Content-Type"].startswith("text/css")
    assert "max-age" in headers["Cache-Control"]


def test_calendar_download_is_a_calendar(production):
    assert production["calendar"]["headers"]["Content-Type"].startswith("text/calendar")


def test_plain_http_is_redirected_to_https(production):
    assert production["plain_http"]["status"] == 301
    assert production["plain_http"]["headers"]["Location"] == "https://kreativ.example.no/om/"
