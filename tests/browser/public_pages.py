"""Every public page, in one list: the browser checks of tests/browser/test_public_pages.py
(axe in light, dark and forced colours, valid HTML, reflow at 320 px and with 200 % text,
text spacing, the skip link, label in name, heading order) visit each of them in both
languages. A new public page is one line in PUBLIC_PAGES.

An entry is a path, or a path with {placeholders} that `public_site` fills in with
data made for the check: long Norwegian words on purpose, because they are what
breaks a layout at 320 px.
"""

from datetime import timedelta

from django.utils import timezone

from actors.models import ActorImage, Visibility
from events.models import Event
from tests.factories import add_image, make_actor, make_event, make_opportunity, sector

PUBLIC_PAGES = [
    "/",
    "/om/",
    "/personvern/",
    "/tilgjengelighet/",
    "/aktorer/",
    "/aktorer/?bransje=kunsthandverk&samarbeid=ja",
    "/aktorer/?side=2",
    "/aktorer/?q=tubaorkester",
    "{actor}",
    "/arrangementer/",
    "/arrangementer/?vis=tidligere",
    "/arrangementer/?type=conference",
    "{event}",
    "{event}pamelding/",
    "/samarbeid/",
    "{opportunity}",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/finnes-ikke/",
]


def make_public_site() -> dict[str, str]:
    """Enough data for every page in PUBLIC_PAGES to show what it can show: a full
    profile, a second page of actors, upcoming and past events, a long compound title."""
    actor = make_actor(
        "Romerikskonferansens kunsthåndverksverksted",
        municipality="nes",
        sectors=["kunsthandverk", "visuell-kunst"],
        pitch="Dreier kopper og fat i steintøy til kulturinstitusjonsarrangementer.",
        description="Verkstedet ligger ved Vorma.\n\nVi har åpent i helgene.",
        offers="Servise på bestilling.",
        looking_for="Kafeer som vil ha lokalt servise.",
        org_number="988077917",
        website="https://vorma.example.no/",
        open_for_collaboration=True,
        available_for_hire=True,
        contact_person="Kari Nilsen",
        contact_person_visibility=Visibility.PUBLIC,
        email="post@kunsthandverksverkstedet.example.no",
        address="Elvegata 1",
        postal_code="2150",
        postal_place="Årnes",
    )
    add_image(actor, role=ActorImage.Role.LOGO)
    add_image(actor, position=0)
    for n in range(4):  # with conftest's page size of 4: a second page in the directory
        make_actor(f"Aktør {n:02d}", municipality="eidsvoll", open_for_collaboration=bool(n % 2))
    event = make_event(
        kind=Event.Kind.CONFERENCE,
        title="Romerikskonferansen for kultur- og kreative næringer",
        summary="Kulturnæringsutviklingsprogrammet presenteres.",
    )
    make_event(title="Nettverksmøte i Nannestad")
    make_event(title="Nettverkstreff på Jessheim", starts_at=timezone.now() - timedelta(days=30))
    opportunity = make_opportunity(
        actor,
        title="Romerikskonferansen søker kunsthåndverksutstillere",
        sectors=[sector("kunsthandverk")],
    )
    return {
        "actor": actor.get_absolute_url(),
        "event": event.get_absolute_url(),
        "opportunity": opportunity.get_absolute_url(),
    }
