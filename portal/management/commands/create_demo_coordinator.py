from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

USERNAME = "koordinator"
EMAIL = "koordinator@example.no"
PASSWORD = "demo-koordinator"


class Command(BaseCommand):
    help = "Lager en demokonto for koordinatorer (bare i utvikling, med DEBUG på)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demokontoen lages bare når DEBUG er på.")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME,
            defaults={"email": EMAIL, "first_name": "Demo", "last_name": "Koordinator"},
        )
        if created:
            user.set_password(PASSWORD)
        user.email = EMAIL
        user.is_staff = user.is_superuser = True
        user.save()
        # The portal's one login needs a confirmed address; the demo's is made up.
        EmailAddress.objects.update_or_create(
            user=user, email=EMAIL, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(
            f"Koordinator (kun utvikling): e-post «{EMAIL}», passord «{PASSWORD}» – "
            f"logg inn på {settings.SITE_URL}{reverse('account_login')}, så åpner "
            f"{settings.SITE_URL}/{settings.ADMIN_URL}"
        )
