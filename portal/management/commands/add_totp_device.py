"""Give a coordinator an authenticator-app device, for REQUIRE_2FA_FOR_STAFF.

The first coordinator cannot add a device in the admin before they can log in to
it, so this is how the first one (and any locked-out one) gets theirs.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Gir en bruker en autentiseringsapp (TOTP) og skriver ut otpauth://-adressen til appen."

    def add_arguments(self, parser):
        parser.add_argument("username", help="brukernavn eller e-postadresse")
        parser.add_argument("--name", default="Autentiseringsapp")

    def handle(self, *args, username: str, name: str, **options) -> None:
        user = (
            get_user_model()
            .objects.filter(Q(username=username) | Q(email__iexact=username))
            .first()
        )
        if user is None:
            raise CommandError(f"Fant ingen bruker med brukernavnet eller e-posten {username!r}.")
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(
            "Legg dette inn i autentiseringsappen (som QR-kode eller ved å skrive inn nøkkelen):\n"
            f"{device.config_url}"
        )
