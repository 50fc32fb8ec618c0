import pytest
from django.conf import settings
from django.urls import reverse

PUBLIC_PAGES = ["home", "about", "privacy", "accessibility", "actors:list", "events:list"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_is_norwegian_by_default(client, name):
    response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert '<html lang="nb">' in response.text
    assert "Hopp til hovedinnhold" in response.text


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_in_english_after_switch(english, name):
    response = english.get(reverse(name))

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Skip to main content" in response.text
    assert "Hopp til hovedinnhold" not in response.text


def test_language_switch_sets_cookie_and_returns_to_page(client):
    response = client.get(reverse("set_language", args=["en"]), {"neste": "/om/"})

    assert response.status_code == 302
    assert response["Location"] == "/om/"
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/om/").text


def test_language_switch_refuses_foreign_redirect(client):
    response = client.get(reverse("set_language", args=["en"]), {"neste": "https://evil.example/"})

    assert response["Location"] == "/"


def test_language_switch_unknown_language_is_404(client):
    assert client.get("/sprak/de/").status_code == 404


def test_language_switch_link_points_back_to_current_page(client):
    response = client.get("/om/")

    assert 'href="/sprak/en/?neste=/om/"' in response.text


def test_about_page_tells_the_network_story(client):
    text = client.get("/om/").text

    assert "Innovasjon Gardermoen" in text
    assert "Tunet bar" in text


def test_about_page_in_english_is_written_in_english(english):
    text = english.get("/om/").text

    assert "About the network" in text
    assert "Tunet bar" in text


def test_unknown_url_gives_norwegian_404_in_layout(client):
    response = client.get("/finnes-ikke/")

    assert response.status_code == 404
    assert "Vi fant ikke siden" in response.text
    assert '<html lang="nb">' in response.text
    assert 'class="site-header"' in response.text


def test_404_in_english(english):
    response = english.get("/does-not-exist/")

    assert response.status_code == 404
    assert "We could not find the page" in response.text


def test_robots_txt_points_to_sitemap_and_hides_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.text


def test_sitemap_lists_public_pages(client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    for path in ("/om/", "/personvern/", "/tilgjengelighet/", "/aktorer/", "/arrangementer/"):
        assert f"<loc>{settings.SITE_URL}{path}</loc>" in response.text


@pytest.mark.parametrize("name", ["home", "about", "privacy"])
def test_pages_refuse_post(client, name):
    assert client.post(reverse(name)).status_code == 405


def test_server_error_page_keeps_layout_and_speaks_norwegian(client, settings):
    from django.test import RequestFactory

    from portal.views import server_error

    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Noe gikk galt hos oss" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_unknown_url_in_development_shows_portal_404_not_technical_page(client, settings):
    """`make run` runs with DEBUG on; newcomers should still see the portal's own 404 page."""
    settings.DEBUG = True

    response = client.get("/finnes-ikke/")

    assert response.status_code == 404
    assert "Vi fant ikke siden" in response.text
    assert "technical_404" not in response.text and "Using the URLconf" not in response.text
