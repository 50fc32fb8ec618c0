from django.core.management.base import BaseCommand

from actors.services import remind_stale_profiles


class Command(BaseCommand):
    help = (
        "Spør eierne av profiler som ikke er endret eller bekreftet på et år, om "
        "informasjonen fortsatt er riktig. Trygt å kjøre daglig: hver eier får høyst "
        "én påminnelse i måneden."
    )

    def handle(self, *args, **options):
        sent = remind_stale_profiles()
        self.stdout.write(f"Påminnelser lagt i kø: {sent}")
