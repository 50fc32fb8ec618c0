"""Demo data for `make run`: safe to run again, it creates nothing twice.

Each app owns its demo data (`<app>/demo_data.py`) and the code that writes it
(`<app>/demo.py`, a `seed` function); this command calls them in dependency order:
the events are held at the demo actors' venues, and the demo actors post the
opportunities (some linked to the events).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from actors import demo as actors_demo
from events import demo as events_demo
from opportunities import demo as opportunities_demo


class Command(BaseCommand):
    help = (
        "Fyller databasen med demodata (aktører, arrangementer og samarbeidsmuligheter). "
        "Kan kjøres flere ganger."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--actors",
            type=int,
            default=0,
            help="Legg i tillegg til så mange syntetiske aktører (for ytelsestester).",
        )
        parser.add_argument(
            "--events",
            type=int,
            default=0,
            help="Legg i tillegg til så mange syntetiske arrangementer (for ytelsestester).",
        )
        parser.add_argument(
            "--opportunities",
            type=int,
            default=0,
            help="Legg i tillegg til så mange syntetiske samarbeidsmuligheter (for ytelsestester).",
        )
        parser.add_argument(
            "--registrations",
            type=int,
            default=0,
            help="Legg i tillegg til så mange syntetiske påmeldinger (for ytelsestester).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            actors_demo.seed(stdout=self.stdout, actors=options["actors"])
        with transaction.atomic():
            events_demo.seed(
                stdout=self.stdout,
                events=options["events"],
                registrations=options["registrations"],
            )
        with transaction.atomic():
            opportunities_demo.seed(stdout=self.stdout, opportunities=options["opportunities"])
        self.stdout.write(self.style.SUCCESS("Demodata er på plass."))
