"""Uploaded files are served in development (`make run`); a hostile address is a 404."""

import pytest
from django.test import Client
from django.urls import clear_url_caches


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The URLs as `make run` has them (DEBUG on), with a media folder of our own."""
    import importlib

    import portal.urls

    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "bilde.txt").write_text("et bilde")
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.mark.parametrize("name", ["x" * 3000, "%00", "..%2F..%2Fetc%2Fpasswd", "finnes-ikke.jpg"])
def test_hostile_or_missing_media_addresses_are_refused(debug_urls, db, name):
    response = Client(raise_request_exception=False).get(f"/media/{name}")
    assert response.status_code in (400, 404)  # never a 500, never the file


def test_an_uploaded_file_is_served(debug_urls, db):
    response = Client().get("/media/bilde.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"et bilde"
