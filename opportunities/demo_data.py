"""Samarbeidstorget's demo board (written by opportunities/demo.py for `manage.py seed_demo`).

Posted by the demo actors of actors/demo_data.py (`by`, a slug). `place` is a
municipality's slug, or None for the whole of Øvre Romerike. `deadline` and `posted`
are days from today (a negative deadline: expired). `state` is "open", "closed" or
"filled" (closed with a match). `answers` are (answering actor's slug, message);
`events` are slugs of events/demo_data.py.
"""

OPPORTUNITIES: list[dict] = [
    {
        "slug": "lokale-band-til-sommerscenen-pa-nannestad-kulturhus",
        "kind": "open_call",
        "title": "Lokale band til sommerscenen på Nannestad kulturhus",
        "by": "nannestad-kulturhus",
        "place": "nannestad",
        "sectors": ["musikk", "scener-gallerier-og-kulturhus"],
        "budget": "12 000 kr per konsert, lyd og lys stilles",
        "deadline": 40,
        "posted": 3,
        "featured": True,
        "description": (
            "Vi setter opp fire torsdagskonserter på plassen foran kulturhuset i juni og "
            "vil fylle programmet med band fra regionen. Alle sjangre er velkomne, men "
            "settet må passe for et familiepublikum og vare rundt 60 minutter.\n\n"
            "Send en kort presentasjon, lenke til innspillinger og hvilke torsdager dere "
            "kan. Vi svarer alle innen to uker etter fristen."
        ),
        "answers": [
            (
                "marius-og-maja-duo",
                "Vi spiller gjerne en av torsdagene, helst 13. eller 20. juni. "
                "Lenke til siste plate ligger på profilen vår.",
            ),
            (
                "jessheim-jazzklubb",
                "Husbandet vårt har et eget familiesett med swing og allsang. Vi kan alle datoene.",
            ),
        ],
    },
    {
        "slug": "frivillige-til-festivalen-glomma-lys",
        "kind": "partner",
        "title": "Frivillige og lysdesignere til Festivalen Glomma Lys",
        "by": "festivalen-glomma-lys",
        "place": "nes",
        "sectors": ["festivaler-og-arrangementer", "visuell-kunst"],
        "budget": "Frivillige får festivalpass og mat; lysdesignere honoreres etter avtale",
        "deadline": 55,
        "posted": 6,
        "description": (
            "Glomma Lys lyser opp elvebredden på Årnes i tre kvelder i oktober. Vi søker "
            "20 frivillige til vakter, rigging og publikumsvert, og to lysdesignere som "
            "vil lage hver sin installasjon sammen med festivalens tekniske team.\n\n"
            "Erfaring er ikke nødvendig for frivillige. Lysdesignere sender skisse og "
            "tidligere arbeider."
        ),
        "answers": [
            (
                "solveig-nygard-foto",
                "Jeg dokumenterer gjerne festivalen og kan ta en kveld som frivillig fotograf.",
            ),
        ],
    },
    {
        "slug": "partner-til-soknad-om-kulturhub-pa-ovre-romerike",
        "kind": "partner",
        "title": "Partnere til en felles søknad om kreativ kulturhub",
        "by": "ullensaker-kommune-kulturenheten",
        "place": None,
        "sectors": ["kulturformidling-og-undervisning", "festivaler-og-arrangementer"],
        "budget": "",
        "deadline": 70,
        "posted": 2,
        "events": ["kurs-i-prosjektsoknader"],
        "description": (
            "Nettverket har lenge snakket om en kreativ kulturhub i regionen. Vi vil søke "
            "midler til et forprosjekt sammen med aktører fra flere kommuner, og trenger "
            "tre til fem partnere som vil bidra med innhold, lokaler eller kompetanse.\n\n"
            "Søknaden skrives i vinter. Kurset i prosjektsøknader er et godt sted å starte."
        ),
    },
    {
        "slug": "illustrator-til-arsprogrammet-2027",
        "kind": "gig",
        "title": "Illustratør til årsprogrammet for kulturskolen",
        "by": "kulturskolen-i-gjerdrum",
        "place": "gjerdrum",
        "sectors": ["design", "trykte-medier"],
        "budget": "25 000 kr",
        "deadline": 21,
        "posted": 10,
        "description": (
            "Kulturskolen i Gjerdrum skal lage et nytt årsprogram, trykt og digitalt, og "
            "vil ha en illustratør fra regionen til omslag og ti illustrasjoner inni. "
            "Leveranse i mai. Vi ønsker et uttrykk som treffer både barn og foreldre."
        ),
        "answers": [
            (
                "ingrid-bakken-illustrasjon",
                "Jeg har laget bøker og plakater for barn i ti år. "
                "Portefølje ligger på profilen, og jeg kan levere i god tid før mai.",
            ),
        ],
    },
    {
        "slug": "lydstudio-a-dele-pa-dagtid-gjerdrum",
        "kind": "space",
        "title": "Lydstudio å dele på dagtid",
        "by": "lydloftet",
        "place": "gjerdrum",
        "sectors": ["musikk", "tv-og-radio"],
        "budget": "400 kr per dag, eller bytte mot tjenester",
        "deadline": 90,
        "posted": 12,
        "description": (
            "Studioet vårt står mye tomt før klokken 16. Vi leier det ut til musikere, "
            "podkastere og lydbokinnlesere i regionen. Kontrollrom, innspillingsrom og "
            "grunnleggende mikrofoner er med; tekniker kan bestilles."
        ),
    },
    {
        "slug": "lokal-kunst-til-radhuset-i-nes",
        "kind": "open_call",
        "title": "Innkjøp av lokal kunst til rådhuset",
        "by": "nes-kommune-kultur-og-fritid",
        "place": "nes",
        "sectors": ["visuell-kunst", "kunsthandverk"],
        "budget": "Samlet ramme 150 000 kr",
        "deadline": 35,
        "posted": 8,
        "description": (
            "Nes kommune skal kjøpe inn kunst til vestibylen og møterommene i rådhuset. "
            "Vi ønsker verk av kunstnere som bor eller arbeider på Øvre Romerike: maleri, "
            "grafikk, foto, tekstil og keramikk.\n\n"
            "Send inntil fem bilder av aktuelle verk med mål og pris. En jury med lokale "
            "fagfolk velger ut verkene."
        ),
    },
    {
        "slug": "vi-tilbyr-sceneteknikk-og-rigg",
        "kind": "offer",
        "title": "Vi låner ut scenerigg og lydanlegg til lokale arrangementer",
        "by": "gjerdrum-sommerfestival",
        "place": None,
        "sectors": ["festivaler-og-arrangementer", "musikk"],
        "budget": "Gratis for ideelle arrangører, ellers etter avtale",
        "deadline": 120,
        "posted": 20,
        "description": (
            "Utenom festivaluken står scenen og lydanlegget vårt på lager. Vi låner dem ut "
            "til arrangører på Øvre Romerike som trenger en mindre utescene (6 x 4 meter) "
            "med lyd for opptil 500 publikummere. Dere henter og rigger selv, vi lærer opp."
        ),
    },
    {
        "slug": "dokumentarfilm-om-hurdal-verk",
        "kind": "partner",
        "title": "Samarbeid om en kort dokumentar om Hurdal Verk",
        "by": "hurdal-verk-museum",
        "place": "hurdal",
        "sectors": ["film", "kulturarv"],
        "budget": "Søkes finansiert sammen",
        "deadline": 45,
        "posted": 15,
        "description": (
            "Museet vil fortelle historien om glassverket i en kortfilm på 15 minutter til "
            "utstillingen og nettet. Vi har arkiv, lokaler og fortellere, og søker et "
            "filmmiljø som vil utvikle prosjektet og søke midler sammen med oss."
        ),
        "answers": [
            (
                "romerike-filmverksted",
                "Dette vil vi gjerne være med på. Vi har laget to "
                "kulturhistoriske kortfilmer før og kan komme på et første møte.",
            ),
            (
                "digital-fortelling-nannestad",
                "Vi kan bidra med en interaktiv versjon til utstillingen hvis filmen blir noe.",
            ),
        ],
    },
    {
        "slug": "fotograf-til-julekonserten-i-eidsvoll",
        "kind": "gig",
        "title": "Fotograf til julekonserten på Wergelandshaugen",
        "by": "wergelandshaugen-kulturdestinasjon",
        "place": "eidsvoll",
        "sectors": ["visuell-kunst", "reklame"],
        "budget": "6 000 kr",
        "deadline": 14,
        "posted": 4,
        "description": (
            "Vi trenger en fotograf til julekonserten, både til pressebilder og til neste "
            "års markedsføring. Konserten varer to timer; bildene leveres innen tre dager."
        ),
    },
    {
        "slug": "verkstedplass-i-keramikkverkstedet",
        "kind": "space",
        "title": "Ledig verkstedplass i keramikkverkstedet",
        "by": "nes-keramikk",
        "place": "nes",
        "sectors": ["kunsthandverk"],
        "budget": "1 500 kr i måneden, brenning inkludert",
        "deadline": 60,
        "posted": 9,
        "description": (
            "En plass i verkstedet på Årnes er ledig fra nyttår: eget arbeidsbord, hylle, "
            "tilgang til dreieskive og brennovn. Passer for en keramiker som vil dele "
            "fagmiljø og kanskje stille ut sammen."
        ),
    },
    {
        "slug": "forfattere-til-litteraturkveld-pa-bokcafeen",
        "kind": "open_call",
        "title": "Lokale forfattere til litteraturkvelder",
        "by": "eidsvoll-bokcafe",
        "place": "eidsvoll",
        "sectors": ["litteratur"],
        "budget": "3 000 kr per kveld og salg av egne bøker",
        "deadline": 30,
        "posted": 5,
        "description": (
            "Bokcaféen starter en serie litteraturkvelder første torsdag i måneden. Vi "
            "ønsker forfattere fra Øvre Romerike som vil lese og samtale om en ny eller "
            "eldre bok. Barnebokforfattere er også velkomne til lørdagsformiddager."
        ),
    },
    # Expired, closed and filled: their pages say so; the list does not show them.
    {
        "slug": "dansere-til-apningen-av-jessheim-torg",
        "kind": "gig",
        "title": "Dansere til åpningen av Jessheim torg",
        "by": "business-jessheim",
        "place": "ullensaker",
        "sectors": ["scenekunst"],
        "budget": "8 000 kr per danser",
        "deadline": -10,
        "posted": 50,
        "description": (
            "Til åpningen av det nye torget søkte vi seks dansere til en forestilling på "
            "15 minutter, to ganger i løpet av dagen."
        ),
        "answers": [
            ("romerike-danseskole", "Vi har seks dansere på videregående nivå som kan stille."),
        ],
    },
    {
        "slug": "grafisk-profil-til-visefestivalen",
        "kind": "gig",
        "title": "Grafisk profil til Hurdal Visefestival",
        "by": "hurdal-visefestival",
        "place": "hurdal",
        "sectors": ["design"],
        "budget": "30 000 kr",
        "deadline": 20,
        "posted": 40,
        "state": "filled",
        "description": (
            "Festivalen trengte ny logo, plakatmal og profil til sosiale medier. Takk for "
            "mange gode svar: vi fant en designer i regionen."
        ),
        "answers": [
            (
                "studio-form-flate",
                "Vi har laget profiler for to festivaler før og ville gjerne tatt denne.",
            ),
            ("designer-amira-haugen", "Jeg kan levere en håndtegnet profil som passer visene."),
        ],
    },
    {
        "slug": "galleriplass-til-hostutstilling",
        "kind": "offer",
        "title": "Vegg til en gjesteutstilling i høst",
        "by": "galleri-raholt",
        "place": "eidsvoll",
        "sectors": ["visuell-kunst"],
        "budget": "Ingen leie; galleriet tar 25 prosent av salget",
        "deadline": 25,
        "posted": 30,
        "state": "closed",
        "description": (
            "Vi hadde en vegg ledig til en gjesteutstilling i fire uker i høst. Plassen er nå tatt."
        ),
    },
    {
        "slug": "teaterkompani-soker-spillested-for-turne",
        "kind": "partner",
        "title": "Spillesteder til en barneforestilling på turné",
        "by": "teaterkompaniet-vindkast",
        "place": None,
        "sectors": ["scenekunst", "kulturformidling-og-undervisning"],
        "budget": "Honorar etter Norsk teater- og orkesterforenings satser",
        "deadline": -3,
        "posted": 45,
        "description": (
            "Vi ville spille den nye barneforestillingen vår i alle seks kommunene og søkte "
            "kulturhus, skoler og biblioteker som kunne ta imot oss."
        ),
    },
]
