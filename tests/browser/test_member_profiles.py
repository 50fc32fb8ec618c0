"""A member's profile from creation to the directory, on a phone; axe on the member forms."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from actors.models import Actor
from tests.browser.axe import assert_no_axe_violations
from tests.factories import (
    ensure_seeded,
    make_actor,
    make_coordinator,
    make_image_bytes,
    make_member,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user) -> None:
    """Put a logged-in session in the browser (the login page is the accounts app's)."""
    client = Client()
    client.force_login(user)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    page.context.add_cookies([{**cookie, "url": live_server.url}])


def test_member_creates_a_profile_coordinator_approves_owner_edits(
    browser, phone_page, live_server
):
    ensure_seeded()
    member = make_member("fotograf", email="foto@example.no")
    coordinator = make_coordinator("koordinator", email="koordinator@example.no")
    page = phone_page
    log_in(page, live_server, member)

    page.goto(live_server.url + "/om/")
    page.get_by_role("link", name="Lag en profil").click()
    page.get_by_label("Navn", exact=True).fill("Fjellfoto Hurdal")
    page.get_by_label("Type aktør").select_option(label="Kunstner eller frilanser")
    page.get_by_label("Kommune", exact=True).select_option(label="Hurdal")
    page.get_by_label("Visuell kunst").check()
    page.get_by_label("Kort presentasjon").fill("Landskapsfoto og portretter fra Hurdalssjøen.")
    page.get_by_label("Bildefil").set_input_files(
        files=[{"name": "sjo.jpg", "mimeType": "image/jpeg", "buffer": make_image_bytes()}]
    )
    page.get_by_label("Alternativ tekst").fill("Morgentåke over Hurdalssjøen")
    page.get_by_role("button", name="Send til godkjenning").click()

    assert page.get_by_text("Profilen er sendt til godkjenning").is_visible()
    assert page.get_by_text("Denne profilen er ikke publisert").is_visible()
    actor = Actor.objects.get(name="Fjellfoto Hurdal")
    assert actor.status == Actor.Status.PENDING and actor.images.count() == 1

    # The coordinator follows the link in the e-mail and approves with one click.
    [told] = [m for m in mail.outbox if m.to == [coordinator.email]]
    link = re.search(r"https?://\S+/aktorer/godkjenn/\S+/", told.body).group(0)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO")
    coordinator_page = context.new_page()
    log_in(coordinator_page, live_server, coordinator)
    coordinator_page.goto(link.replace(settings.SITE_URL, live_server.url))
    coordinator_page.get_by_role("button", name="Godkjenn og publiser").click()
    assert coordinator_page.get_by_text("Profilen er publisert").is_visible()
    context.close()
    assert any(m.to == [member.email] for m in mail.outbox)

    # Anyone finds it in the directory now.
    visitor = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    visitor.goto(live_server.url + "/aktorer/?q=hurdalssjøen")
    assert visitor.get_by_role("link", name="Fjellfoto Hurdal").is_visible()
    visitor.context.close()

    # The owner edits it, and the change shows at once.
    page.goto(live_server.url + actor.get_absolute_url())
    page.get_by_role("link", name="Rediger profilen").click()
    page.get_by_label("Kort presentasjon").fill("Landskap, portretter og bryllup ved sjøen.")
    page.get_by_role("button", name="Lagre endringene").click()
    assert page.get_by_text("Endringene er lagret.").is_visible()
    assert page.get_by_text("Landskap, portretter og bryllup ved sjøen.").first.is_visible()
    assert page.get_by_role("img", name="Morgentåke over Hurdalssjøen").first.is_visible()


def switch_to_english(page, live_server) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]
)
def test_member_forms_with_errors_have_no_axe_violations(browser, live_server, language, viewport):
    ensure_seeded()
    unowned = make_actor("Koret Uten Eier", email="kor@example.no")
    context = browser.new_context(viewport=viewport, locale="nb-NO")
    page = context.new_page()
    log_in(page, live_server, make_member("sjekker"))
    if language == "en":
        switch_to_english(page, live_server)

    for path, submit in [
        ("/aktorer/ny/", "[type=submit][name=lagre]"),
        (f"/aktorer/{unowned.slug}/kontakt/", "main form [type=submit]"),
        (f"/aktorer/{unowned.slug}/er-dette-deg/", "main form [type=submit]"),
    ]:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert_no_axe_violations(page)
        if "kontakt" in path:
            page.locator("#id_name").fill("")
        page.locator(submit).click()
        assert page.locator(".error-summary").is_visible(), path
        assert_no_axe_violations(page)
    context.close()


def test_profile_page_with_contact_and_claim_has_no_axe_violations(page, live_server):
    ensure_seeded()
    unowned = make_actor("Koret Uten Eier", email="kor@example.no")
    page.goto(live_server.url + unowned.get_absolute_url())
    assert page.get_by_role("link", name="Send en melding").is_visible()
    assert page.get_by_role("heading", name="Er dette deg?").is_visible()
    assert_no_axe_violations(page)
