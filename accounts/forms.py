"""Forms for a member's own account: login spelling, settings, deletion."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.identity import normalise_email
from accounts.models import MemberSettings
from portal.validators import validate_single_line


class LoginForm(AllauthLoginForm):
    """allauth's login, with the address in one spelling before anything looks at it.

    Authentication and the failure counter then see the same address however it was
    typed (issue 9, defect 1): `ｍedlem@…` (full-width m) is `medlem@…`, not an
    invalid address and not a second counter.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        original = field.to_python
        field.to_python = lambda value: original(normalise_email(value) if value else value)


class NameForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Fornavn"), "last_name": _("Etternavn")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Django's user model has no such rule; a name shows in lists and e-mails.
        for field in self.fields.values():
            field.validators.append(validate_single_line)


class MemberSettingsForm(forms.ModelForm):
    class Meta:
        model = MemberSettings
        fields = ["newsletter", "language"]
        labels = {
            "newsletter": _("Ja takk, send meg nyheter fra nettverket"),
            "language": _("Språk i e-post fra portalen"),
        }


class DeleteAccountForm(forms.Form):
    PROFILES_UNPUBLISH = "unpublish"
    PROFILES_HAND_OVER = "hand_over"

    profiles = forms.ChoiceField(
        label=_("Hva skal skje med profilene dine?"),
        choices=[
            (PROFILES_UNPUBLISH, _("Avpubliser dem (de blir skjult og slettet av koordinatorene)")),
            (PROFILES_HAND_OVER, _("Gi dem til koordinatorene, som holder dem ved like")),
        ],
        initial=PROFILES_UNPUBLISH,
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Passordet ditt"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Skriv passordet ditt for å bekrefte.")},
    )
    confirm = forms.BooleanField(
        label=_("Jeg forstår at kontoen og opplysningene mine slettes for godt"),
        error_messages={"required": _("Kryss av for å bekrefte at du vil slette kontoen.")},
    )

    def __init__(self, *args, user, has_profiles: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not has_profiles:
            del self.fields["profiles"]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Passordet stemmer ikke."), code="wrong_password")
        return password
