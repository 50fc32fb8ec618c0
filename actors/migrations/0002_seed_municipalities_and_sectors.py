"""The six municipalities of Øvre Romerike and the sectors of the creative industries.

Municipality numbers are those in force since 1 January 2024. The first twelve
sectors are the official Norwegian definition of cultural and creative industries;
the last four are what the network's members asked to be found under.
Coordinators can edit both in the admin.
"""

from django.db import migrations

MUNICIPALITIES = [
    ("Eidsvoll", "eidsvoll", "3240"),
    ("Gjerdrum", "gjerdrum", "3230"),
    ("Hurdal", "hurdal", "3242"),
    ("Nannestad", "nannestad", "3238"),
    ("Nes", "nes", "3228"),
    ("Ullensaker", "ullensaker", "3209"),
]

SECTORS = [
    ("Visuell kunst", "visuell-kunst"),
    ("Scenekunst og utøvende kunst", "scenekunst"),
    ("Musikk", "musikk"),
    ("Litteratur", "litteratur"),
    ("Film", "film"),
    ("Dataspill", "dataspill"),
    ("TV og radio", "tv-og-radio"),
    ("Trykte medier", "trykte-medier"),
    ("Arkitektur", "arkitektur"),
    ("Design", "design"),
    ("Reklame", "reklame"),
    ("Kulturarv", "kulturarv"),
    ("Kunsthåndverk", "kunsthandverk"),
    ("Festivaler og arrangementer", "festivaler-og-arrangementer"),
    ("Scener, gallerier og kulturhus", "scener-gallerier-og-kulturhus"),
    ("Kulturformidling og undervisning", "kulturformidling-og-undervisning"),
]


def seed(apps, schema_editor):
    Municipality = apps.get_model("actors", "Municipality")
    Sector = apps.get_model("actors", "Sector")
    for name, slug, number in MUNICIPALITIES:
        Municipality.objects.update_or_create(number=number, defaults={"name": name, "slug": slug})
    for position, (name, slug) in enumerate(SECTORS, start=1):
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
