"""WCAG 3.1.2 on English pages: the portal's own words are translated (sector names,
"Gratis"); what members and coordinators wrote in Norwegian is marked lang="nb", so a
screen reader reads it with a Norwegian voice. Norwegian pages carry no such marks."""

from html.parser import HTMLParser

import pytest

from actors.models import ActorImage
from events.models import Event
from tests.factories import add_image, make_actor, make_event, make_opportunity

pytestmark = pytest.mark.django_db

PITCH = "Dreier kopper og fat i steintøy."


class _Languages(HTMLParser):
    """The language each piece of text is in: the nearest lang attribute around it."""

    VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "col"}

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.texts: list[tuple[str, str]] = []

    def _current(self) -> str:
        return next((lang for lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        lang = dict(attrs).get("lang")
        if tag == "img":
            self.texts.append((dict(attrs).get("alt") or "", lang or self._current()))
        if tag not in self.VOID:
            self.stack.append(lang)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data.strip(), self._current()))


def language_of(html: str, text: str) -> str:
    parser = _Languages()
    parser.feed(html.split("<main", 1)[1])
    return next(lang for shown, lang in parser.texts if text in shown)


@pytest.fixture
def actor():
    actor = make_actor(
        "Vorma Keramikk",
        sectors=["kunsthandverk"],
        pitch=PITCH,
        description="Verkstedet ligger ved Vorma.",
    )
    image = add_image(actor, position=0)
    ActorImage.objects.filter(pk=image.pk).update(alt_text="Kopper på en hylle")
    return actor


def test_english_profile_translates_sectors_and_marks_norwegian_text(english, actor):
    html = english.get(actor.get_absolute_url()).content.decode()

    assert language_of(html, PITCH) == "nb"
    assert language_of(html, "Verkstedet ligger ved Vorma.") == "nb"
    assert language_of(html, "Kopper på en hylle") == "nb"
    assert ">Crafts</a>" in html
    assert "Kunsthåndverk" not in html.split("<main")[1]


def test_english_directory_filters_show_sector_names_in_english(english, actor):
    html = english.get("/aktorer/").content.decode()

    assert "Visual arts" in html
    assert "Visuell kunst" not in html.split("<main")[1]
    assert language_of(html, PITCH) == "nb"


def test_english_event_says_free_and_marks_its_texts(english):
    event = make_event(title="Nettverksmøte i Nannestad", kind=Event.Kind.NETWORK_MEETING)

    html = english.get(event.get_absolute_url()).content.decode()

    assert "<dd>Free</dd>" in html
    assert "Gratis" not in html.split("<main")[1]
    assert language_of(html, "Nettverksmøte i Nannestad") == "nb"
    assert language_of(html, "Innledere, mingling og god mat.") == "nb"
    listing = english.get("/arrangementer/").content.decode()
    assert language_of(listing, "Innledere, mingling og god mat.") == "nb"


def test_norwegian_pages_need_no_language_marks(client, actor):
    make_event()

    for path in ("/", "/aktorer/", actor.get_absolute_url(), "/arrangementer/"):
        html = client.get(path).content.decode()
        assert 'lang="nb"' not in html.split("<main", 1)[1], path


def test_english_event_marks_a_price_a_coordinator_wrote(english):
    event = make_event(price="Gratis for medlemmer i nettverket")

    html = english.get(event.get_absolute_url()).content.decode()

    assert language_of(html, "Gratis for medlemmer i nettverket") == "nb"


def test_english_opportunities_mark_the_members_text(english):
    opportunity = make_opportunity(
        title="Vi søker musikere til sommerkonsert", description="Kulturhuset søker musikere."
    )

    page = english.get(opportunity.get_absolute_url()).content.decode()
    listing = english.get("/samarbeid/").content.decode()

    assert language_of(page, "Vi søker musikere til sommerkonsert") == "nb"
    assert language_of(page, "Kulturhuset søker musikere.") == "nb"
    assert language_of(listing, "Vi søker musikere til sommerkonsert") == "nb"


def test_english_opportunity_translates_its_sectors(english):
    from actors.models import Sector

    opportunity = make_opportunity(sectors=[Sector.objects.get(slug="musikk")])

    html = english.get(opportunity.get_absolute_url()).content.decode()

    assert ">Music</a>" in html
    assert ">Musikk</a>" not in html


def test_a_sector_a_coordinator_added_is_marked_norwegian_on_english_pages(english):
    from actors.models import Sector

    added = Sector.objects.create(name="Tradisjonshåndverk", slug="tradisjonshandverk")
    actor = make_actor("Hurdal Smie", sectors=[added, "musikk"])
    opportunity = make_opportunity(actor, sectors=[added])

    for path in (actor.get_absolute_url(), opportunity.get_absolute_url()):
        html = english.get(path).content.decode()
        assert language_of(html, "Tradisjonshåndverk") == "nb", path
    # A translated one is in the page's own language: no mark.
    assert language_of(english.get(actor.get_absolute_url()).content.decode(), "Music") == ""
