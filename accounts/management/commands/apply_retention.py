from django.core.management.base import BaseCommand

from accounts.retention import apply_retention

LABELS = {
    "dietary_needs_removed": "Påmeldinger der kosthold og merknader er fjernet",
    "registrations_anonymised": "Påmeldinger anonymisert",
    "profiles_hidden": "Profiler skjult fordi de ikke er bekreftet på lenge",
    "unconfirmed_accounts_deleted": "Kontoer slettet fordi e-postadressen aldri ble bekreftet",
}


class Command(BaseCommand):
    help = (
        "Sletter og anonymiserer personopplysninger når lagringstiden i personvernerklæringen "
        "er ute (settings.RETENTION). Kjøres daglig; trygt å kjøre flere ganger."
    )

    def handle(self, *args, **options):
        for key, count in apply_retention().items():
            self.stdout.write(f"{LABELS[key]}: {count}")
