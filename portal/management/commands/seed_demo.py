"""Demo data for `make run`: safe to run again, it creates nothing twice.

Each app owns its demo data in a `demo.py` module with a `seed(stdout)` function;
this command runs them in dependency order.
"""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_MODULES = ["actors.demo", "events.demo"]


class Command(BaseCommand):
    help = "Fyller databasen med demodata (aktører og arrangementer). Kan kjøres flere ganger."

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
            "--registrations",
            type=int,
            default=0,
            help="Legg i tillegg til så mange syntetiske påmeldinger (for ytelsestester).",
        )

    def handle(self, *args, **options):
        extra = {key: options[key] for key in ("actors", "events", "registrations")}
        for name in DEMO_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            with transaction.atomic():
                module.seed(stdout=self.stdout, **extra)
        self.stdout.write(self.style.SUCCESS("Demodata er på plass."))
