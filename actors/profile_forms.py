"""Forms members use for their own profiles, for claiming one and for writing to an actor.

Each field says what it is for and who sees it, because members fill these in alone,
without a coordinator at their side. The admin keeps using ActorForm (actors/forms.py);
the member's form is the same form minus what only coordinators decide (address name,
owner, status).
"""

from typing import Any, cast

from django import forms
from django.forms import inlineformset_factory
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from actors.duplicates import find_duplicates
from actors.forms import ActorForm, ActorImageForm, ActorImageFormSet
from actors.models import Actor, ActorImage, Sector
from portal.validators import validate_multiline, validate_single_line

HELP_TEXTS = {
    "name": _("Navnet ditt som kunstner, eller navnet på virksomheten."),
    "kind": _("Velg det som passer best. Det brukes til å filtrere katalogen."),
    "municipality": _("Kommunen der du bor eller driver virksomheten."),
    "sectors": _("Kryss av én eller flere bransjer du jobber i."),
    "pitch": _("Én eller to setninger som vises på kortet i katalogen. Høyst 200 tegn."),
    "description": _("Fortell hvem du er og hva du gjør. Vises på profilsiden."),
    "offers": _("For eksempel konserter, kurs, lokaler eller tjenester."),
    "looking_for": _("For eksempel samarbeidspartnere, oppdrag eller lokaler."),
    "open_for_collaboration": _("Vises som et merke på profilen, og kan brukes som filter."),
    "available_for_hire": _("Kryss av hvis andre kan leie eller booke deg."),
    "website": _("Hele adressen, for eksempel https://eksempel.no."),
    "contact_person": _("Den som svarer på henvendelser."),
    "email": _(
        "Adressen vises på profilen for dem du velger under. Meldinger fra kontaktskjemaet "
        "går til e-posten på kontoen din."
    ),
    "address": _("Gateadresse eller besøksadresse, hvis du har en."),
}


class ProfileForm(ActorForm):
    """A member's own profile: everything but the address name, owner and status.

    Warns before saving a likely duplicate (actors/duplicates.py), as the admin does,
    pointing to the existing profile's public page, where its owner can ask to take it
    over; profiles the member may not see are not named.
    """

    not_duplicate = forms.BooleanField(
        label=_("Dette er en annen aktør: lagre likevel"),
        required=False,
    )

    class Meta(ActorForm.Meta):
        fields = [
            field for field in ActorForm.Meta.fields if field not in {"slug", "owner", "status"}
        ]
        help_texts = HELP_TEXTS
        widgets: dict[str, Any] = {
            **ActorForm.Meta.widgets,
            "sectors": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "looking_for": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        sectors = cast(forms.ModelMultipleChoiceField, self.fields["sectors"])
        sectors.queryset = Sector.objects.all()
        municipality = cast(forms.ModelChoiceField, self.fields["municipality"])
        municipality.empty_label = _("Velg kommune")
        self.fields["sectors"].error_messages["required"] = _("Velg minst én bransje.")
        self.fields["name"].error_messages["required"] = _("Skriv navnet på profilen.")
        self.fields["pitch"].error_messages["required"] = _("Skriv en kort presentasjon.")
        self.fields["kind"].error_messages["required"] = _("Velg hva slags aktør du er.")
        self.fields["municipality"].error_messages["required"] = _("Velg kommune.")
        self.duplicate_warning = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors or cleaned.get("not_duplicate"):
            return cleaned
        duplicates = find_duplicates(
            name=cleaned.get("name", ""),
            municipality=cleaned.get("municipality"),
            org_number=cleaned.get("org_number", ""),
            email=cleaned.get("email", ""),
            exclude_pk=self.instance.pk,
        )
        if not duplicates:
            return cleaned
        self.duplicate_warning = True
        public = [d for d in duplicates if d.actor.status == Actor.Status.PUBLISHED]
        message: str
        if public:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a> ({})',
                ((d.actor.get_absolute_url(), d.actor.name, d.reason) for d in public),
            )
            message = format_html(
                "{} {}. {}",
                _("Det finnes allerede en profil som kan være den samme:"),
                links,
                _(
                    "Er den din, kan du be om å overta den fra profilsiden i stedet for å lage "
                    "en ny. Er det en annen aktør, kryss av for «Lagre likevel» og send på nytt."
                ),
            )
        else:
            message = str(
                _(
                    "Det finnes allerede en profil med samme organisasjonsnummer, e-postadresse "
                    "eller nesten samme navn i samme kommune. Ta kontakt med koordinatorene, "
                    "eller kryss av for «Lagre likevel» hvis det er en annen aktør."
                )
            )
        raise forms.ValidationError(message, code="duplicate")


class ProfileImageForm(ActorImageForm):
    class Meta(ActorImageForm.Meta):
        fields = ["upload", "role", "alt_text"]
        help_texts = {
            "alt_text": _(
                "Beskriv hva bildet viser, for dem som ikke ser det, for eksempel "
                "«Trioen spiller på Jessheim kulturhus». Påkrevd."
            ),
        }
        error_messages = {
            "alt_text": {
                "required": _("Skriv hva bildet viser, så de som ikke ser det, får det med seg.")
            }
        }


ProfileImageFormSet = inlineformset_factory(
    Actor,
    ActorImage,
    form=ProfileImageForm,
    formset=ActorImageFormSet,
    extra=1,
    max_num=ActorImage.MAX_GALLERY + 1,
    can_delete=True,
)


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("Melding til koordinatorene"),
        max_length=2000,
        help_text=_(
            "Fortell hvem du er og hvordan du er knyttet til profilen, for eksempel at du "
            "er daglig leder. Koordinatorene kan ta kontakt for å bekrefte."
        ),
        validators=[validate_multiline],
        error_messages={"required": _("Skriv noen ord om hvem du er.")},
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ContactForm(forms.Form):
    name = forms.CharField(
        label=_("Navnet ditt"),
        max_length=200,
        validators=[validate_single_line],
        error_messages={"required": _("Skriv navnet ditt.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-postadressen din"),
        help_text=_("Aktøren svarer deg hit. Du får en kopi av meldingen."),
        error_messages={
            "required": _("Skriv e-postadressen din."),
            "invalid": _("Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    subject = forms.CharField(
        label=_("Emne"),
        max_length=200,
        validators=[validate_single_line],
        error_messages={"required": _("Skriv et emne.")},
    )
    body = forms.CharField(
        label=_("Melding"),
        max_length=5000,
        validators=[validate_multiline],
        error_messages={"required": _("Skriv en melding.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # A honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(label=_("La dette feltet stå tomt"), required=False)

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class HideForm(forms.Form):
    """The reason a coordinator gives when hiding profiles; the owners see it."""

    reason = forms.CharField(
        label=_("Begrunnelse (eieren ser den)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        validators=[validate_multiline],
        error_messages={"required": _("Skriv hvorfor profilen skjules.")},
    )
