"""The one-time-code step a coordinator passes before the admin opens (REQUIRE_2FA_FOR_STAFF).

The password is checked on the portal's one login page (allauth); this form only
asks for the code. django-otp's TOTP devices throttle wrong codes themselves
(each failure doubles the wait), so guessing codes is slow as well.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPTokenForm


class TwoFactorVerifyForm(OTPTokenForm):
    # Most coordinators have one app: it is used without asking which (_chosen_device).
    otp_device = forms.ChoiceField(choices=[], required=False)
    otp_token = forms.CharField(
        label=_("Engangskode"),
        required=False,
        help_text=_("Seks sifre fra autentiseringsappen på telefonen din."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    otp_error_messages = {
        **OTPTokenForm.otp_error_messages,
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
