"""The sectors the data migration seeds (actors/migrations/0002), marked for the
translation catalogue: Sector.__str__ translates them; a sector a coordinator adds
later is shown as written. Keep in step with the migration's SECTORS."""

from django.utils.translation import gettext_noop

SEEDED_SECTOR_NAMES = [
    gettext_noop("Visuell kunst"),
    gettext_noop("Scenekunst og utøvende kunst"),
    gettext_noop("Musikk"),
    gettext_noop("Litteratur"),
    gettext_noop("Film"),
    gettext_noop("Dataspill"),
    gettext_noop("TV og radio"),
    gettext_noop("Trykte medier"),
    gettext_noop("Arkitektur"),
    gettext_noop("Design"),
    gettext_noop("Reklame"),
    gettext_noop("Kulturarv"),
    gettext_noop("Kunsthåndverk"),
    gettext_noop("Festivaler og arrangementer"),
    gettext_noop("Scener, gallerier og kulturhus"),
    gettext_noop("Kulturformidling og undervisning"),
]
