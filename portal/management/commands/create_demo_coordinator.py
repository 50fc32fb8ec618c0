from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "koordinator"
PASSWORD = "demo-koordinator"


class Command(BaseCommand):
    help = "Lager en demokonto for koordinatorer (bare i utvikling, med DEBUG på)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demokontoen lages bare når DEBUG er på.")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME,
            defaults={
                "email": "koordinator@example.no",
                "first_name": "Demo",
                "last_name": "Koordinator",
            },
        )
        if created:
            user.set_password(PASSWORD)
        user.is_staff = user.is_superuser = True
        user.save()
        self.stdout.write(
            f"Koordinator (kun utvikling): brukernavn «{USERNAME}», passord «{PASSWORD}» – logg inn på /admin/"
        )
