from django.core.management.base import BaseCommand

from opportunities.digest import send_digests


class Command(BaseCommand):
    help = (
        "Sender hver som følger Samarbeidstorget en e-post med nye muligheter som passer, "
        "høyst én i uka. Trygt å kjøre hver dag og to ganger samtidig: ingen får samme "
        "mulighet to ganger."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Oversikter lagt i kø: {sent}")
