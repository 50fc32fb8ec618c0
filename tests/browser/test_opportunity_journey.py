"""Samarbeidstorget on a phone: a culture house posts an open call, a musician finds it
through the filters and answers, the culture house sees the answer and marks it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from actors.models import Actor
from opportunities.models import Answer, Opportunity
from tests.browser.conftest import PHONE
from tests.browser.test_member_profiles import log_in
from tests.factories import ensure_seeded, make_actor, make_member, make_opportunity, sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_culture_house_posts_musician_answers_culture_house_marks_contact(browser, live_server):
    ensure_seeded()
    house_owner = make_member("kulturhuset", email="kari@kulturhus.example")
    make_actor("Jessheim kulturhus", owner=house_owner, kind=Actor.Kind.VENUE, sectors=["musikk"])
    musician = make_member("musiker", email="mari@musiker.example")
    make_actor("Mari og bandet", owner=musician, municipality="nes")
    # Other opportunities on the board, which the filters leave out.
    make_opportunity(title="Atelier å dele i Hurdal", kind=Opportunity.Kind.SPACE)
    make_opportunity(title="Designer til festivalplakat", sectors=[sector("design")])

    # 1. The culture house posts an open call.
    house_context = browser.new_context(viewport=PHONE, locale="nb-NO")
    house = house_context.new_page()
    log_in(house, live_server, house_owner)
    house.goto(live_server.url + "/samarbeid/ny/")
    house.get_by_label("Åpen utlysning eller oppdrag").check()
    house.get_by_label("Tittel").fill("Lokale band til sommerscenen")
    house.get_by_label("Beskrivelse").fill(
        "Vi søker tre lokale band til sommerscenen i parken i juni. Honorar etter avtale."
    )
    house.get_by_label("Musikk", exact=True).check()
    house.get_by_label("Kommune").select_option(label="Ullensaker")
    deadline = timezone.localdate() + timedelta(days=30)
    house.get_by_label("Svarfrist").fill(deadline.isoformat())
    house.get_by_role("button", name="Legg ut").click()
    expect(house.get_by_role("heading", level=1)).to_have_text("Lokale band til sommerscenen")

    # 2. The musician finds it through the filters and answers it.
    musician_context = browser.new_context(viewport=PHONE, locale="nb-NO")
    page = musician_context.new_page()
    log_in(page, live_server, musician)
    page.goto(live_server.url + "/samarbeid/")
    page.get_by_text("Filtrer mulighetene").click()
    page.get_by_label(re.compile(r"^Åpen utlysning eller oppdrag")).check()
    page.get_by_label(re.compile(r"^Musikk")).check()
    page.get_by_role("button", name=re.compile(r"^Vis \d+ mulighet")).click()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^\s*1\s+åpen mulighet"))
    page.get_by_role("link", name="Lokale band til sommerscenen").click()
    page.get_by_role("link", name="Svar på muligheten").click()
    expect(page.get_by_label("Mari og bandet")).to_be_checked()  # her only profile
    page.get_by_label("Melding").fill("Hei! Vi er en kvartett fra Nes og spiller gjerne i juni.")
    page.get_by_role("button", name="Send svaret").click()
    expect(page.get_by_text("Svaret er sendt til «Jessheim kulturhus».")).to_be_visible()
    assert [m.to for m in mail.outbox[-2:]] == [[house_owner.email], [musician.email]]
    assert mail.outbox[-2].reply_to == [musician.email]

    # 3. The culture house sees the answer on Min side and marks it.
    house.goto(live_server.url + "/min-side/")
    answers = house.locator("#my-answers-heading").locator("..")
    expect(answers.get_by_role("link", name="Mari og bandet")).to_be_visible()
    expect(answers.get_by_text("Vi er en kvartett fra Nes")).to_be_visible()
    house.get_by_role("button", name="Merk «Tatt kontakt» – Mari og bandet").click()
    expect(
        house.get_by_text("Svaret fra «Mari og bandet» er merket «Tatt kontakt».")
    ).to_be_visible()
    expect(house.locator(".badge", has_text="Tatt kontakt")).to_be_visible()
    assert Answer.objects.get().contacted_at is not None

    house_context.close()
    musician_context.close()
