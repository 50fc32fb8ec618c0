"""Samarbeidstorget's answer form, follow form and Min side section: axe and valid HTML."""

import pytest

from opportunities.models import Answer
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_member_profiles import log_in, switch_to_english
from tests.factories import ensure_seeded, make_actor, make_member, make_opportunity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_answer_and_follow_forms_have_no_axe_violations(phone_page, live_server, language):
    ensure_seeded()
    page = phone_page
    house = make_actor("Jessheim kulturhus", owner=make_member("kulturhus"))
    call = make_opportunity(house, title="Åpen utlysning: sommerkonsert")
    musician = make_member("musiker")
    make_actor("Mari og bandet", owner=musician)
    make_actor("Mari solo", owner=musician)
    log_in(page, live_server, musician)
    if language == "en":
        switch_to_english(page, live_server)

    page.goto(f"{live_server.url}/samarbeid/{call.slug}/svar/")
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)
    page.locator("main form [type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator(".field--error").count() == 2  # profile and message
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/samarbeid/folg/")
    assert_no_axe_violations(page)
    page.locator("main form [type=submit]").click()
    assert page.locator(".notice, .messages").first.is_visible()
    assert_no_axe_violations(page)


def test_my_page_with_answers_has_no_axe_violations(phone_page, live_server):
    ensure_seeded()
    poster = make_member("kulturhus")
    call = make_opportunity(make_actor("Jessheim kulturhus", owner=poster), title="Sommerkonsert")
    for name in ("Mari og bandet", "Kvartetten"):
        actor = make_actor(name, owner=make_member())
        Answer.objects.create(opportunity=call, actor=actor, sender=actor.owner, message="Ja!")
    log_in(phone_page, live_server, poster)

    phone_page.goto(f"{live_server.url}/min-side/")
    phone_page.get_by_role("button", name="Merk «Tatt kontakt» – Kvartetten").click()

    assert phone_page.get_by_text("Svaret fra «Kvartetten» er merket «Tatt kontakt».").is_visible()
    assert_no_axe_violations(phone_page)
