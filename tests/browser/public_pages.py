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

from events.models import Event
from tests.factories import make_actor, make_event, make_full_profile, make_opportunity, sector

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
    actor = make_full_profile(
        "Romerikskonferansens kunsthåndverksverksted",
        pitch="Dreier kopper og fat i steintøy til kulturinstitusjonsarrangementer.",
        email="post@kunsthandverksverkstedet.example.no",
    )
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
