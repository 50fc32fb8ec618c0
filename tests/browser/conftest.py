"""Playwright driving Debian's Chromium against Django's live server.

One browser for the whole session; each test gets a fresh context and page.
Where no Chromium is found the tests are skipped, unless REQUIRE_BROWSER=1.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if path is None:
        message = (
            "No Chromium found: install Debian's package with `apt-get install chromium` "
            "or point CHROMIUM_PATH at a Chromium binary."
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def _new_page(browser, viewport):
    # Norwegian browser locale, like most visitors (the portal ignores it anyway).
    context = browser.new_context(viewport=viewport, locale="nb-NO", timezone_id="Europe/Oslo")
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context, page = _new_page(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def public_site(db, monkeypatch) -> dict[str, str]:
    """The data the pages of public_pages.PUBLIC_PAGES show; fills their {placeholders}."""
    from tests.browser.public_pages import make_public_site

    # Four actors a page: a second page without making 25 actors for every page checked.
    monkeypatch.setattr("actors.views.PAGE_SIZE", 4)
    return make_public_site()
