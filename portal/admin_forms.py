"""The admin login form that also asks for a one-time code (REQUIRE_2FA_FOR_STAFF)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Engangskode"),
        required=False,
        help_text=_("Seks sifre fra autentiseringsappen på telefonen din."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    otp_error_messages = {
        **OTPAdminAuthenticationForm.otp_error_messages,
        "token_required": _("Skriv inn engangskoden fra autentiseringsappen."),
        "invalid_token": _("Engangskoden stemmer ikke. Sjekk at du skrev den riktig."),
        "device_required": _(
            "Kontoen din har ingen eller flere autentiseringsapper. "
            "Be en administrator om å sette opp én."
        ),
    }

    def _chosen_device(self, user):
        # Most coordinators have one app: use it without asking which.
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if len(devices) == 1:
                device = devices[0]
        return device
