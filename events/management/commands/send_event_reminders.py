from django.core.management.base import BaseCommand

from events.services import send_reminders


class Command(BaseCommand):
    help = (
        "Sender påminnelse til alle med plass på arrangementer som starter innen et døgn. "
        "Trygt å kjøre hver time: hver påmelding får bare én påminnelse."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Påminnelser lagt i kø: {sent}")
