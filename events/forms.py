from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actors.models import Municipality
from events.models import Diet, Event, Registration
from portal.text import normalise_phone
from portal.validators import normalise_email, validate_single_line


def _column(name: str) -> int:
    """The column's length: a longer value would be a 500 on PostgreSQL, not a form error."""
    field = Registration._meta.get_field(name)
    assert isinstance(field, models.CharField) and field.max_length is not None
    return field.max_length


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Navn"),
        max_length=_column("name"),
        validators=[validate_single_line],
        error_messages={"required": _("Skriv navnet ditt.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-post"),
        max_length=_column("email"),
        help_text=_("Vi sender bekreftelsen hit."),
        error_messages={
            "required": _("Skriv e-postadressen din."),
            "invalid": _("Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Mobilnummer (valgfritt)"),
        required=False,
        max_length=_column("phone"),
        validators=[validate_single_line],
        help_text=_("Bare i tilfelle vi må nå deg på dagen."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    organisation = forms.CharField(
        label=_("Organisasjon eller virksomhet (valgfritt)"),
        required=False,
        max_length=_column("organisation"),
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Hjemkommune"),
        queryset=Municipality.objects.for_registration(),
        empty_label=_("Velg kommune"),
        help_text=_("Brukes bare i nettverkets statistikk."),
        error_messages={"required": _("Velg kommunen du bor eller driver i.")},
    )
    diets = forms.MultipleChoiceField(
        label=_("Hensyn til mat"),
        choices=Diet.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    diet_other = forms.CharField(
        label=_("Annet vi bør vite om mat eller tilrettelegging (valgfritt)"),
        required=False,
        max_length=_column("diet_other"),
        validators=[validate_single_line],
    )
    show_name = forms.BooleanField(
        label=_("Vis navnet mitt på deltakerlisten for innloggede medlemmer"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("Jeg har lest personvernerklæringen og godtar at opplysningene lagres"),
        error_messages={"required": _("Du må godta personvernerklæringen for å melde deg på.")},
    )

    # A honeypot: people never see it (hidden in the template), form-filling bots fill it.
    website = forms.CharField(
        label=_("Ikke fyll ut dette feltet"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.pop("website", ""):
            raise forms.ValidationError(
                _("Skjemaet ble ikke sendt. Last siden på nytt og prøv igjen."), code="honeypot"
            )
        return cleaned

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def clean_phone(self) -> str:
        # The same rule and message as the directory's phone numbers.
        return normalise_phone(self.cleaned_data["phone"])


class EventFilterForm(forms.Form):
    """The list's filters, with Norwegian names in the address; bad values are ignored."""

    vis = forms.ChoiceField(
        label=pgettext_lazy("velg kommende eller tidligere", "Vis"),
        required=False,
        choices=[("", _("Kommende")), ("tidligere", _("Tidligere"))],
    )
    ar = forms.TypedChoiceField(label=_("År"), required=False, coerce=int, empty_value=None)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Alle typer")), *Event.Kind.choices]
    )
    kommune = forms.ModelChoiceField(
        label=_("Kommune"),
        required=False,
        queryset=Municipality.objects.places(),
        empty_label=_("Alle kommuner"),
        to_field_name="slug",
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Alle år")), *((y, y) for y in years)]
        self.fields["ar"].choices = choices  # type: ignore[attr-defined]  # a ChoiceField

    def filters(self) -> dict:
        """The valid filters only: one bad value does not undo the others."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "past": data.get("vis") == "tidligere",
            "year": data.get("ar"),
            "kind": data.get("type") or "",
            "municipality": data.get("kommune"),
        }


class CheckinSearchForm(forms.Form):
    """The check-in page's name search: a NUL byte or a novel is refused, not sent to
    the database (PostgreSQL cannot compare text with NUL in it)."""

    q = forms.CharField(required=False, max_length=_column("name"))


class CheckinToggleForm(forms.Form):
    """Which registration to mark as attended: a whole number, or the request is bad."""

    registration = forms.IntegerField(min_value=1, max_value=2**31 - 1)


class WalkInForm(forms.Form):
    """Someone who turns up without registering, added at the door."""

    name = forms.CharField(
        label=_("Navn"),
        max_length=_column("name"),
        validators=[validate_single_line],
        error_messages={"required": _("Skriv navnet.")},
    )
    email = forms.EmailField(
        label=_("E-post (valgfritt)"),
        required=False,
        max_length=_column("email"),
        error_messages={
            "invalid": _("Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no."),
        },
    )
    municipality = forms.ModelChoiceField(
        label=_("Hjemkommune"),
        queryset=Municipality.objects.all(),
        empty_label=_("Velg kommune"),
        error_messages={"required": _("Velg hjemkommunen, den brukes i statistikken.")},
    )

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"]) if self.cleaned_data["email"] else ""
        if email and self.event.registrations.active().filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Denne e-postadressen er allerede påmeldt. Søk opp navnet og sjekk inn."),
            )
        return email
