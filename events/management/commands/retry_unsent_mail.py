from django.core.management.base import BaseCommand

from events.emails import retry_unsent


class Command(BaseCommand):
    help = "Prøver på nytt å sende e-post som feilet eller aldri ble sendt."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=10,
            help="Gi opp en e-post etter så mange forsøk (standard 10).",
        )

    def handle(self, *args, **options):
        sent, failed = retry_unsent(max_attempts=options["max_attempts"])
        self.stdout.write(f"Sendt: {sent}. Feilet fortsatt: {failed}.")
        if failed:
            self.stderr.write("Noen e-poster feilet igjen; se feilmeldingen i admin.")
