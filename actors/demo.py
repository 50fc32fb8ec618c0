"""Demo actors for `manage.py seed_demo`: safe to run again, it creates nothing twice.

About forty fictional actors (made-up names, example.no addresses) spread over the
six municipalities, every sector and every kind, with generated pictures; plus the
real venues where the network has met, without invented contact details.
`--actors N` adds N synthetic actors with bulk inserts, for benchmarks.
"""

import random
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from actors.demo_art import draw, draw_logo
from actors.images import process_upload
from actors.models import Actor, ActorImage, Municipality, Sector, Visibility
from actors.search import index_fields, lexicon_words
from actors.typos import add_words
from portal.text import norwegian_slugify

K = Actor.Kind

# The real venues of the network's meetings (see seed/network-article-nb.txt).
# Only what is publicly known; no contact details are invented for them.
VENUES = [
    {
        "name": "Business Jessheim",
        "slug": "business-jessheim",
        "kind": K.VENUE,
        "municipality": "ullensaker",
        "postal_place": "Jessheim",
        "sectors": ["scener-gallerier-og-kulturhus"],
        "pitch": "Møtelokaler i Jessheim der nettverket holdt sitt første nettverksmøte i november 2023.",
        "description": "Business Jessheim var vertskap da nettverket for kultur- og kreative næringer "
        "på Øvre Romerike samlet seg til sitt første nettverksmøte 20. november 2023, med "
        "foredrag, mingling og god mat.",
    },
    {
        "name": "Galleri Jessheim",
        "slug": "galleri-jessheim",
        "kind": K.GALLERY,
        "municipality": "ullensaker",
        "postal_place": "Jessheim",
        "sectors": ["scener-gallerier-og-kulturhus", "visuell-kunst"],
        "pitch": "Galleri i Jessheim og vertskap for nettverksmøtet i januar 2024.",
        "description": "Galleri Jessheim viser samtidskunst i Jessheim. Nettverket holdt sitt andre "
        "nettverksmøte her 23. januar 2024.",
    },
    {
        "name": "Wergelandshaugen Kulturdestinasjon",
        "slug": "wergelandshaugen-kulturdestinasjon",
        "kind": K.VENUE,
        "municipality": "eidsvoll",
        "postal_place": "Eidsvoll",
        "sectors": ["scener-gallerier-og-kulturhus", "kulturarv", "festivaler-og-arrangementer"],
        "pitch": "Kulturdestinasjon i Eidsvoll med scene, arrangementer og historiske omgivelser.",
        "description": "Wergelandshaugen Kulturdestinasjon i Eidsvoll var vertskap for nettverkets "
        "tredje nettverksmøte 4. april 2024.",
    },
    {
        "name": "Tunet bar",
        "slug": "tunet-bar",
        "kind": K.VENUE,
        "municipality": "ullensaker",
        "postal_place": "Jessheim",
        "sectors": ["scener-gallerier-og-kulturhus", "musikk"],
        "pitch": "Bar med italiensk pizzaovn og åpen scene, der nettverket hadde sitt første sosiale treff.",
        "description": "Tunet bar var stedet for nettverkets første sosiale nettverkstreff 6. juni 2024, "
        "med pizza fra den italienske pizzaovnen, underholdning og åpen scene der flere grep "
        "mikrofonen og instrumentene.",
        "open_for_collaboration": True,
        "available_for_hire": True,
    },
]

# name, kind, municipality, postal code and place, sectors, pitch, description, offers,
# looking for, open for collaboration, available for hire.
FICTIONAL = [
    (
        "Kløfta Kammerkor",
        K.ORGANISATION,
        "ullensaker",
        ("2040", "Kløfta"),
        ["musikk"],
        "Blandet kor med 30 sangere som holder konserter i kirker og kulturhus.",
        "Vi øver hver tirsdag i Kløfta kirke og holder to store konserter i året, til jul og sankthans. Repertoaret spenner fra renessanse til ny norsk kormusikk.",
        "Konserter, korsang til bryllup og minnestunder, samarbeid med orkestre.",
        "Dirigentvikarer, nye tenorer og samarbeid med lokale komponister.",
        True,
        True,
    ),
    (
        "Jessheim Jazzklubb",
        K.ORGANISATION,
        "ullensaker",
        ("2050", "Jessheim"),
        ["musikk", "festivaler-og-arrangementer"],
        "Jazzkonserter første fredag i måneden, med lokale og nasjonale musikere.",
        "Klubben har drevet siden 2009 og arrangerer konserter, jamsessions og workshops for unge musikere.",
        "Konsertarrangement, jam med husband og lydutstyr til utlån.",
        "Nye scener, frivillige og sponsorer.",
        True,
        False,
    ),
    (
        "Ingrid Bakken Illustrasjon",
        K.ARTIST,
        "nannestad",
        ("2030", "Nannestad"),
        ["design", "trykte-medier", "litteratur"],
        "Illustratør som tegner barnebøker, plakater og kart med varm strek.",
        "Jeg har illustrert tolv bildebøker og tegner kart og plakater for kommuner, festivaler og bedrifter.",
        "Illustrasjon på oppdrag, tegnekurs for barn og voksne.",
        "Forfattere og forlag, og festivaler som trenger plakater.",
        True,
        True,
    ),
    (
        "Studio Form & Flate",
        K.COMPANY,
        "eidsvoll",
        ("2070", "Råholt"),
        ["design", "reklame"],
        "Grafiske designere som lager profiler, nettsider og trykksaker for små bedrifter.",
        "Et lite designbyrå med tre designere. Vi jobber tett med kundene og liker oppdrag med lokal forankring.",
        "Logo og visuell profil, emballasje, nettsider og reklamekampanjer.",
        "Fotografer og tekstforfattere å samarbeide med.",
        True,
        True,
    ),
    (
        "Hurdal Barneteater",
        K.ORGANISATION,
        "hurdal",
        ("2090", "Hurdal"),
        ["scenekunst", "kulturformidling-og-undervisning"],
        "Teater for og med barn: forestillinger, sommerkurs og turné til skoler.",
        "Hvert år setter vi opp en ny forestilling med barn fra 8 til 14 år, og vi turnerer med den på skoler i hele regionen.",
        "Forestillinger for barnehager og skoler, dramakurs.",
        "Scenografer, kostymesyere og musikere.",
        True,
        True,
    ),
    (
        "Sømverkstedet på Kløfta",
        K.COMPANY,
        "ullensaker",
        ("2040", "Kløfta"),
        ["kunsthandverk", "design"],
        "Syverksted for redesign, kostymer og kurs i søm.",
        "Vi syr om gamle klær til nye, lager kostymer til teater og film og holder kveldskurs i søm.",
        "Kostymer, redesign, kurs i søm og tekstilreparasjon.",
        "Teatergrupper og filmprosjekter som trenger kostymer.",
        True,
        True,
    ),
    (
        "Nes Keramikk",
        K.ARTIST,
        "nes",
        ("2150", "Årnes"),
        ["kunsthandverk", "visuell-kunst"],
        "Keramiker som dreier bruksgjenstander og lager større skulpturer i steintøy.",
        "Verkstedet ligger i en gammel låve ved Glomma. Her lager jeg kopper, fat og skulpturer, og holder dreiekurs.",
        "Keramikk på bestilling, dreiekurs og utsmykning.",
        "Restauranter og kafeer som vil ha lokalt servise.",
        True,
        True,
    ),
    (
        "Romerike Filmverksted",
        K.COMPANY,
        "ullensaker",
        ("2050", "Jessheim"),
        ["film", "tv-og-radio"],
        "Produksjonsselskap for dokumentar, reklamefilm og film for sosiale medier.",
        "Vi har laget dokumentarer for NRK og filmer for næringsliv og kommuner på Romerike.",
        "Filmproduksjon, redigering, droneopptak og lyd.",
        "Musikere til filmmusikk og skuespillere.",
        True,
        True,
    ),
    (
        "Pikselstua",
        K.COMPANY,
        "gjerdrum",
        ("2022", "Gjerdrum"),
        ["dataspill", "design"],
        "Lite spillstudio som lager lærerike og vakre spill for mobil og PC.",
        "Tre utviklere og en kunstner som lager spill om natur og lokalhistorie. Vårt første spill handler om Gjerdrums skoger.",
        "Spillutvikling, interaktive installasjoner og spillkurs for ungdom.",
        "Lydkunstnere, musikere og museer som vil formidle på nye måter.",
        True,
        True,
    ),
    (
        "Eidsvoll Bokcafé",
        K.COMPANY,
        "eidsvoll",
        ("2080", "Eidsvoll"),
        ["litteratur", "scener-gallerier-og-kulturhus"],
        "Bokhandel og kafé med forfatterkvelder og lesesirkler.",
        "Vi selger nye og brukte bøker og inviterer forfattere til samtaler en torsdag i måneden.",
        "Lokale for forfattermøter, bokbad og små konserter.",
        "Lokale forfattere og musikere som vil opptre.",
        True,
        True,
    ),
    (
        "Hanne Lie",
        K.ARTIST,
        "gjerdrum",
        ("2022", "Gjerdrum"),
        ["litteratur", "kulturformidling-og-undervisning"],
        "Forfatter og skrivelærer som skriver romaner og holder skrivekurs.",
        "Jeg har gitt ut tre romaner og en diktsamling, og leder skrivekurs for voksne og ungdom.",
        "Skrivekurs, foredrag, manusvurdering og opplesning.",
        "Bibliotek, skoler og festivaler.",
        False,
        True,
    ),
    (
        "Trykkeriet Maura",
        K.COMPANY,
        "nannestad",
        ("2032", "Maura"),
        ["trykte-medier", "design"],
        "Trykkeri for bøker, plakater og kunsttrykk i små opplag.",
        "Vi trykker alt fra kunstbøker til konsertplakater, og har en gammel høytrykkspresse for spesielle oppdrag.",
        "Digitaltrykk, høytrykk, bokbinding.",
        "Kunstnere og forlag som vil lage noe spesielt.",
        True,
        True,
    ),
    (
        "Arkitektkontoret Tun",
        K.COMPANY,
        "ullensaker",
        ("2050", "Jessheim"),
        ["arkitektur"],
        "Arkitekter som tegner kulturbygg, boliger og gode møteplasser.",
        "Vi er fem arkitekter som er opptatt av gjenbruk, tre og stedstilpasset arkitektur.",
        "Arkitektur, mulighetsstudier og medvirkningsprosesser.",
        "Kunstnere til kunst i offentlige rom.",
        True,
        False,
    ),
    (
        "Reklamehuset Råholt",
        K.COMPANY,
        "eidsvoll",
        ("2070", "Råholt"),
        ["reklame", "film"],
        "Reklamebyrå for kampanjer, sosiale medier og lokal markedsføring.",
        "Vi hjelper lokale bedrifter og arrangører med å nå ut, fra idé til ferdig kampanje.",
        "Kampanjer, tekst, annonser og innhold til sosiale medier.",
        "Illustratører, fotografer og filmfolk.",
        True,
        True,
    ),
    (
        "Eidsvoll Bygdetun",
        K.ORGANISATION,
        "eidsvoll",
        ("2074", "Eidsvoll Verk"),
        ["kulturarv", "kulturformidling-og-undervisning"],
        "Bygdetun med gamle hus, håndverksdager og historiefortelling.",
        "Frivillige tar vare på ti gamle bygninger og viser fram gamle håndverk som smiing, veving og baking.",
        "Omvisninger, skoleopplegg og lokaler til arrangementer.",
        "Håndverkere og musikere til sommerens markedsdager.",
        True,
        True,
    ),
    (
        "Hurdal Verk Museum",
        K.ORGANISATION,
        "hurdal",
        ("2090", "Hurdal"),
        ["kulturarv", "scener-gallerier-og-kulturhus"],
        "Lite museum om glassverket og jernverket i Hurdal.",
        "Museet forteller historien om industrien i Hurdal og har skiftende utstillinger om lokal kunst og håndverk.",
        "Utstillinger, omvisninger og foredrag.",
        "Kunstnere som vil stille ut, og glasskunstnere.",
        True,
        False,
    ),
    (
        "Nannestad Kulturhus",
        K.VENUE,
        "nannestad",
        ("2030", "Nannestad"),
        ["scener-gallerier-og-kulturhus", "scenekunst", "musikk"],
        "Kulturhus med storsal, kino og øvingsrom.",
        "Kulturhuset har en sal med 350 plasser, kino og tre øvingsrom. Vi setter opp konserter, teater og revy.",
        "Scene, lyd og lys, kino og øvingsrom til leie.",
        "Lokale produksjoner, teater og konserter til programmet.",
        True,
        True,
    ),
    (
        "Årnes Kulturscene",
        K.VENUE,
        "nes",
        ("2150", "Årnes"),
        ["scener-gallerier-og-kulturhus", "musikk"],
        "Scene ved Glomma for konserter, stand-up og lokale talenter.",
        "En intim scene med plass til 150. Vi booker både etablerte artister og nye navn fra regionen.",
        "Scene, backline og billettsalg.",
        "Artister og arrangører som vil spille på Romerike.",
        True,
        True,
    ),
    (
        "Festivalen Glomma Lys",
        K.FESTIVAL,
        "nes",
        ("2150", "Årnes"),
        ["festivaler-og-arrangementer", "visuell-kunst", "musikk"],
        "Lysfestival langs Glomma hver november, med lyskunst og konserter.",
        "Festivalen viser lysinstallasjoner langs elvebredden og har konserter i telt og kirke.",
        "Oppdrag for lyskunstnere, scener for musikere.",
        "Lyskunstnere, frivillige og sponsorer.",
        True,
        False,
    ),
    (
        "Gjerdrum Sommerfestival",
        K.FESTIVAL,
        "gjerdrum",
        ("2022", "Gjerdrum"),
        ["festivaler-og-arrangementer", "musikk", "scenekunst"],
        "Familiefestival i juni med konserter, sirkus og matboder.",
        "Festivalen samler rundt 3000 besøkende på to dager, med lokale artister på tre scener.",
        "Scene for lokale artister, stands for håndverkere og matprodusenter.",
        "Artister, sirkusartister og frivillige.",
        True,
        False,
    ),
    (
        "Hurdal Visefestival",
        K.FESTIVAL,
        "hurdal",
        ("2090", "Hurdal"),
        ["festivaler-og-arrangementer", "musikk", "litteratur"],
        "Visefestival ved Hurdalssjøen med viser, lyrikk og allsang.",
        "En helg i august med visesangere, poeter og låtskrivere fra hele landet.",
        "Konserter, låtskriverkurs og åpen scene.",
        "Visesangere, poeter og låtskrivere.",
        True,
        False,
    ),
    (
        "Galleri Råholt",
        K.GALLERY,
        "eidsvoll",
        ("2070", "Råholt"),
        ["visuell-kunst", "scener-gallerier-og-kulturhus"],
        "Galleri for maleri, grafikk og fotokunst fra Romerike.",
        "Vi viser seks utstillinger i året og selger kunst fra regionens kunstnere.",
        "Utstillinger, kunstsalg og kunstutleie til bedrifter.",
        "Kunstnere som vil stille ut.",
        True,
        False,
    ),
    (
        "Kunstrommet Maura",
        K.GALLERY,
        "nannestad",
        ("2032", "Maura"),
        ["visuell-kunst", "kunsthandverk"],
        "Kunstnerdrevet galleri og verksted i en gammel meieribygning.",
        "Åtte kunstnere deler verksted og galleri. Vi holder åpent atelier hver første søndag.",
        "Utstillinger, kurs i grafikk og åpent atelier.",
        "Nye medlemmer i verkstedet og samarbeid med skoler.",
        True,
        True,
    ),
    (
        "Ullensaker kommune, kulturenheten",
        K.PUBLIC_BUYER,
        "ullensaker",
        ("2050", "Jessheim"),
        ["kulturformidling-og-undervisning", "festivaler-og-arrangementer"],
        "Kommunens kulturenhet kjøper konserter, forestillinger og kunst til innbyggerne.",
        "Vi har ansvar for kulturskolen, biblioteket, Den kulturelle skolesekken lokalt og kommunale arrangementer.",
        "Oppdrag og innkjøp av kunst og kultur, tilskudd til lokale arrangører.",
        "Lokale artister og kunstnere til arrangementer og skolebesøk.",
        True,
        False,
    ),
    (
        "Nes kommune, kultur og fritid",
        K.PUBLIC_BUYER,
        "nes",
        ("2150", "Årnes"),
        ["kulturformidling-og-undervisning", "scener-gallerier-og-kulturhus"],
        "Kulturkontoret i Nes kjøper inn kultur til skoler, sykehjem og arrangementer.",
        "Vi samarbeider med frivillige lag og profesjonelle kunstnere om et variert kulturtilbud.",
        "Innkjøp av konserter, forestillinger og kurs.",
        "Kunstnere og artister fra regionen.",
        True,
        False,
    ),
    (
        "Eidsvoll kommune, kultur",
        K.PUBLIC_BUYER,
        "eidsvoll",
        ("2080", "Eidsvoll"),
        ["kulturarv", "kulturformidling-og-undervisning"],
        "Kommunens kulturtjeneste kjøper inn kunst og kultur og støtter lokale arrangører.",
        "Kulturtjenesten har ansvar for kulturskole, bibliotek og 17. mai-feiringen på Eidsvoll.",
        "Innkjøp, tilskudd og lokaler.",
        "Lokale kunstnere til skoler og arrangementer.",
        True,
        False,
    ),
    (
        "Marius og Maja Duo",
        K.ARTIST,
        "nannestad",
        ("2030", "Nannestad"),
        ["musikk"],
        "Viseduo som spiller egne låter og norske klassikere.",
        "Vi har spilt sammen i ti år, på festivaler, bryllup og i stuer. Vi synger på dialekt.",
        "Konserter, bryllup, selskaper og skolekonserter.",
        "Scener og festivaler.",
        False,
        True,
    ),
    (
        "Solveig Nygård Foto",
        K.ARTIST,
        "ullensaker",
        ("2033", "Nordkisa"),
        ["visuell-kunst", "reklame"],
        "Fotograf for portretter, reportasje og produktbilder.",
        "Jeg fotograferer for bedrifter, magasiner og kulturliv, og stiller ut egne fotoprosjekter om landskap.",
        "Portretter, reportasje, produktfoto og fotokurs.",
        "Designere og skribenter å lage prosjekter med.",
        True,
        True,
    ),
    (
        "Romerike Danseskole",
        K.COMPANY,
        "ullensaker",
        ("2040", "Kløfta"),
        ["scenekunst", "kulturformidling-og-undervisning"],
        "Danseskole med ballett, hiphop og samtidsdans for alle aldre.",
        "Over 400 elever danser hos oss hver uke. Vi setter opp en stor forestilling hvert år.",
        "Dansekurs, koreografi til forestillinger og dansere til arrangementer.",
        "Musikere og scener.",
        True,
        True,
    ),
    (
        "Lydloftet",
        K.COMPANY,
        "gjerdrum",
        ("2022", "Gjerdrum"),
        ["musikk", "tv-og-radio"],
        "Innspillingsstudio og podkaststudio på en gammel låve.",
        "Vi spiller inn band, lydbøker og podkaster, og mikser lyd for film.",
        "Innspilling, miksing, mastering og podkastproduksjon.",
        "Band, forfattere og filmskapere.",
        True,
        True,
    ),
    (
        "Radio Øvre Romerike",
        K.ORGANISATION,
        "ullensaker",
        ("2050", "Jessheim"),
        ["tv-og-radio", "kulturformidling-og-undervisning"],
        "Lokalradio med nyheter, musikk og kulturprogram fra regionen.",
        "Frivillige lager program om lokal kultur, idrett og politikk. Vi sender på DAB og nett.",
        "Reklame, sendetid for lokale artister og radiokurs.",
        "Programledere og lokale artister til studiobesøk.",
        True,
        False,
    ),
    (
        "Avisa Hurdalingen",
        K.COMPANY,
        "hurdal",
        ("2090", "Hurdal"),
        ["trykte-medier"],
        "Lokalavis for Hurdal med kultur, nyheter og debatt.",
        "Avisen kommer ut hver uke på papir og på nett.",
        "Annonser, reportasjer og kulturkalender.",
        "Tips om kulturarrangementer og lokale kunstnere.",
        False,
        False,
    ),
    (
        "Glassblåser Eirik Strand",
        K.ARTIST,
        "hurdal",
        ("2090", "Hurdal"),
        ["kunsthandverk", "kulturarv"],
        "Glassblåser som lager bruksglass og kunstglass i Hurdals glasstradisjon.",
        "Jeg blåser glass i eget verksted og viser fram håndverket for besøkende om sommeren.",
        "Glass på bestilling, demonstrasjoner og kurs.",
        "Butikker og gallerier.",
        True,
        True,
    ),
    (
        "Teaterkompaniet Vindkast",
        K.ORGANISATION,
        "nes",
        ("2150", "Årnes"),
        ["scenekunst"],
        "Fritt teaterkompani som lager stedsspesifikke forestillinger.",
        "Vi spiller i låver, skoger og fabrikker, ofte om lokalhistorie. Forestillingene våre har turnert i hele Viken.",
        "Forestillinger, teaterkurs og skreddersydde oppsetninger.",
        "Spillesteder, musikere og komponister.",
        True,
        True,
    ),
    (
        "Kulturskolen i Gjerdrum",
        K.PUBLIC_BUYER,
        "gjerdrum",
        ("2022", "Gjerdrum"),
        ["kulturformidling-og-undervisning", "musikk", "visuell-kunst"],
        "Kulturskole med musikk, kunst, teater og dans for barn og unge.",
        "Kulturskolen har 250 elever og leier inn kunstnere til kurs og prosjekter.",
        "Oppdrag for kunstnere og pedagoger.",
        "Kunstnere som vil undervise.",
        True,
        False,
    ),
    (
        "Designer Amira Haugen",
        K.ARTIST,
        "ullensaker",
        ("2050", "Jessheim"),
        ["design", "kunsthandverk"],
        "Møbel- og interiørdesigner som lager bærekraftige møbler i lokalt tre.",
        "Jeg designer møbler og interiør for kafeer, kontorer og hjem, og jobber med snekkere fra regionen.",
        "Interiørdesign, møbeldesign og utsmykning.",
        "Snekkere, tekstilkunstnere og arkitekter.",
        True,
        True,
    ),
    (
        "Digital Fortelling Nannestad",
        K.COMPANY,
        "nannestad",
        ("2030", "Nannestad"),
        ["dataspill", "kulturarv", "film"],
        "Lager digitale fortellinger, VR og apper for museer og reiseliv.",
        "Vi gjør lokalhistorie levende med lyd, bilder og spillteknologi.",
        "Apper, VR-opplevelser og digitale utstillinger.",
        "Museer, kommuner og historielag.",
        True,
        True,
    ),
    (
        "Maleren Knut Dahl",
        K.ARTIST,
        "eidsvoll",
        ("2080", "Eidsvoll"),
        ["visuell-kunst"],
        "Maler landskap fra Mjøsa og Vorma i olje og akvarell.",
        "Jeg har malt i over tretti år og stiller ut i hele Østlandet. Atelieret er åpent etter avtale.",
        "Malerier, bestillingsverk og malekurs.",
        "Gallerier og bedrifter som vil ha kunst på veggen.",
        False,
        True,
    ),
    (
        "Barnebokforfatter Thea Moen",
        K.ARTIST,
        "nes",
        ("2150", "Årnes"),
        ["litteratur", "kulturformidling-og-undervisning"],
        "Forfatter av barnebøker om dyr og natur, og populær på skolebesøk.",
        "Bøkene mine er oversatt til fem språk. Jeg besøker skoler med forfatterbesøk og skriveverksteder.",
        "Forfatterbesøk, skriveverksteder og opplesning.",
        "Illustratører og skoler.",
        True,
        True,
    ),
    (
        "Mjøsblikk Kunstforening",
        K.ORGANISATION,
        "eidsvoll",
        ("2080", "Eidsvoll"),
        ["visuell-kunst", "kulturformidling-og-undervisning"],
        "Kunstforening som kjøper inn og lodder ut kunst blant medlemmene.",
        "Foreningen har 200 medlemmer og arrangerer kunstvandringer, foredrag og årlig utlodning.",
        "Innkjøp av kunst og foredrag.",
        "Kunstnere fra regionen.",
        True,
        False,
    ),
]

SYNTHETIC_FIRST = [
    "Nord",
    "Sol",
    "Elv",
    "Skog",
    "Lys",
    "Tun",
    "Fjell",
    "Vind",
    "Berg",
    "Eng",
    "Sjø",
    "Lin",
]
SYNTHETIC_SECOND = [
    "studio",
    "verksted",
    "scene",
    "kollektiv",
    "lab",
    "hus",
    "forlag",
    "kompani",
    "galleri",
]
SYNTHETIC_PHRASES = [
    "holder konserter og workshops",
    "lager illustrasjoner og plakater",
    "designere med lang erfaring",
    "spiller teater for barn og voksne",
    "driver et lite galleri",
    "produserer film og lyd",
    "underviser i keramikk og glass",
    "arrangerer festivaler om sommeren",
    "tar vare på lokal kulturarv",
    "skriver bøker og holder skrivekurs",
]


def seed(*, stdout, actors: int = 0, **_extra) -> None:
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    created = 0
    for venue in VENUES:
        created += _get_or_create(dict(venue), municipalities, sectors, images=False)
    for n, row in enumerate(FICTIONAL):
        created += _get_or_create(_fictional(n, row), municipalities, sectors, images=True)
    stdout.write(f"Aktører: {created} nye demoaktører.")
    if actors:
        started = time.monotonic()
        _bulk_synthetic(actors, list(municipalities.values()), list(sectors.values()))
        stdout.write(f"Aktører: {actors} syntetiske aktører på {time.monotonic() - started:.1f} s.")


def _fictional(n: int, row: tuple) -> dict:
    (name, kind, municipality, (postal_code, place), sector_slugs, pitch, description, offers,
     looking_for, collaboration, hire) = row  # fmt: skip
    slug = norwegian_slugify(name)
    return {
        "name": name,
        "slug": slug,
        "kind": kind,
        "municipality": municipality,
        "postal_code": postal_code,
        "postal_place": place,
        "sectors": sector_slugs,
        "pitch": pitch,
        "description": description,
        "offers": offers,
        "looking_for": looking_for,
        "open_for_collaboration": collaboration,
        "available_for_hire": hire,
        "website": f"https://{slug}.example.no/",
        "email": f"post@{slug}.example.no",
        "email_visibility": Visibility.PUBLIC if n % 2 else Visibility.MEMBERS,
        "phone": f"+47400{n:05d}",
        "contact_person": ["Kari Nilsen", "Ole Berg", "Ida Sæther", "Per Hagen"][n % 4],
        "instagram": f"https://www.instagram.com/{slug.replace('-', '')}/" if n % 3 == 0 else "",
    }


def _get_or_create(data: dict, municipalities: dict, sectors: dict, *, images: bool) -> int:
    sector_slugs = data.pop("sectors")
    data["municipality"] = municipalities[data["municipality"]]
    slug = data.pop("slug")
    actor, is_new = Actor.objects.get_or_create(
        slug=slug, defaults={**data, "status": Actor.Status.PUBLISHED}
    )
    if not is_new:
        return 0
    actor.sectors.set([sectors[s] for s in sector_slugs])
    if images:
        # Drawing and encoding takes a tenth of a second per picture: a few, not many.
        _add_image(actor, *draw(slug), role=ActorImage.Role.GALLERY, position=0)
        if len(slug) % 3 == 0:
            _add_image(actor, *draw(slug + "-2"), role=ActorImage.Role.GALLERY, position=1)
        if actor.kind in (K.COMPANY, K.ORGANISATION):
            _add_image(actor, *draw_logo(slug), role=ActorImage.Role.LOGO, position=0)
    return 1


def _add_image(actor: Actor, data: bytes, alt: str, *, role: str, position: int) -> None:
    image = ActorImage(actor=actor, role=role, alt_text=alt, position=position)
    image.set_renditions(process_upload(SimpleUploadedFile("demo.png", data, "image/png")))
    image.save()


def _bulk_synthetic(count: int, municipalities: list, sectors: list) -> None:
    rng = random.Random(count)
    start = Actor.objects.filter(slug__startswith="syntetisk-").count()
    now = timezone.now()
    kinds = [value for value, _label in Actor.Kind.choices]
    new_actors, chosen_sectors = [], []
    words: set[str] = set()
    for i in range(start, start + count):
        name = f"{rng.choice(SYNTHETIC_FIRST)}{rng.choice(SYNTHETIC_SECOND)} {i + 1}"
        municipality = rng.choice(municipalities)
        actor_sectors = rng.sample(sectors, rng.randint(1, 3))
        phrase = rng.choice(SYNTHETIC_PHRASES)
        actor = Actor(
            name=name,
            slug=f"syntetisk-{norwegian_slugify(name)}",
            kind=rng.choice(kinds),
            municipality=municipality,
            pitch=f"{name} {phrase} i {municipality.name}.",
            description=f"Vi {phrase}. " * 3,
            offers=", ".join(s.name for s in actor_sectors),
            open_for_collaboration=rng.random() < 0.5,
            available_for_hire=rng.random() < 0.4,
            status=Actor.Status.PUBLISHED,
            published_at=now,
        )
        sector_names = [s.name for s in actor_sectors]
        for field_name, value in index_fields(actor, sector_names, municipality.name).items():
            setattr(actor, field_name, value)
        words |= lexicon_words(actor, sector_names, municipality.name)
        new_actors.append(actor)
        chosen_sectors.append(actor_sectors)
    Actor.objects.bulk_create(new_actors, batch_size=1000)
    Through = Actor.sectors.through
    Through.objects.bulk_create(
        [
            Through(actor_id=actor.pk, sector_id=sector.pk)
            for actor, actor_sectors in zip(new_actors, chosen_sectors, strict=True)
            for sector in actor_sectors
        ],
        batch_size=2000,
    )
    add_words(words)
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner knows the table is no longer small.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE actors_actor, actors_actor_sectors")
