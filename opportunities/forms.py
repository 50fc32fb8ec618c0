"""The form members post and edit their opportunities with.

The poster is one of the member's own profiles, chosen in the form; the queryset of
that field is the whole check that nobody posts in someone else's name. Every text
field has a length limit here (the description has none in the database), and the
deadline lies between today and a year ahead.
"""

from datetime import timedelta
from typing import cast

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, Municipality, Sector
from opportunities.models import Opportunity
from opportunities.querysets import today
from portal.validators import validate_multiline, validate_single_line

DESCRIPTION_MAX_LENGTH = 4000
MAX_DAYS_AHEAD = 365


class ProfileChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Actor) -> str:
        if obj.is_published:
            return obj.name
        return f"{obj.name} ({obj.get_status_display().lower()})"


class OpportunityForm(forms.ModelForm):
    actor = ProfileChoiceField(
        label=_("Legges ut av"),
        queryset=Actor.objects.none(),
        empty_label=None,
        help_text=_(
            "Profilen som står som avsender. En profil som ikke er godkjent ennå, "
            "får muligheten vist når den er publisert."
        ),
    )
    title = forms.CharField(
        label=_("Tittel"),
        max_length=150,
        validators=[validate_single_line],
        help_text=_("Kort og konkret, for eksempel «Vi søker lokale band til sommerscenen»."),
    )
    description = forms.CharField(
        label=_("Beskrivelse"),
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[validate_multiline],
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Hva dere ser etter eller tilbyr, når, og hva som skal til for å svare. "
            "Høyst 4000 tegn."
        ),
    )
    budget = forms.CharField(
        label=_("Budsjett eller honorar"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
        help_text=_("Valgfritt, for eksempel «15 000 kr» eller «etter avtale»."),
    )
    deadline = forms.DateField(
        label=_("Svarfrist"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Muligheten forsvinner fra oversikten etter denne dagen. Høyst ett år frem."),
    )

    class Meta:
        model = Opportunity
        fields = ["actor", "kind", "title", "description", "sectors", "municipality", "budget",
                  "deadline"]  # fmt: skip
        labels = {"kind": _("Hva slags mulighet"), "sectors": _("Bransjer")}
        help_texts = {
            "sectors": _("Kryss av de bransjene muligheten gjelder. Det brukes i filtrene."),
            "municipality": _("Velg «Hele Øvre Romerike» hvis det ikke gjelder én kommune."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "sectors": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        profiles = cast(ProfileChoiceField, self.fields["actor"])
        profiles.queryset = Actor.objects.owned_by(user).order_by("name")
        sectors = cast(forms.ModelMultipleChoiceField, self.fields["sectors"])
        sectors.queryset = Sector.objects.all()
        sectors.required = True
        municipality = cast(forms.ModelChoiceField, self.fields["municipality"])
        municipality.queryset = Municipality.objects.places().order_by("-in_region", "name")
        municipality.empty_label = _("Hele Øvre Romerike")
        kind = self.fields["kind"]
        kind.choices = [c for c in kind.choices if c[0]]  # type: ignore[attr-defined]
        messages = {
            "actor": _("Velg hvilken av profilene dine som legger ut muligheten."),
            "kind": _("Velg hva slags mulighet dette er."),
            "title": _("Skriv en tittel."),
            "description": _("Skriv hva muligheten gjelder."),
            "sectors": _("Velg minst én bransje."),
            "deadline": _("Skriv en svarfrist."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
        self.fields["actor"].error_messages["invalid_choice"] = _("Velg en av dine egne profiler.")
        self.fields["deadline"].error_messages["invalid"] = _(
            "Skriv datoen som dd.mm.åååå, for eksempel 31.05.2027."
        )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if self.instance.pk and deadline == self.instance.deadline:
            return deadline  # an edit of the text leaves a passed deadline as it was
        first, last = today(), today() + timedelta(days=MAX_DAYS_AHEAD)
        if deadline < first:
            raise forms.ValidationError(_("Fristen kan ikke være tilbake i tid."), code="past")
        if deadline > last:
            raise forms.ValidationError(
                _("Fristen kan være høyst ett år frem, til %(last)s.")
                % {"last": formats.date_format(last, "SHORT_DATE_FORMAT")},
                code="too_far",
            )
        return deadline


class CloseForm(forms.Form):
    filled = forms.BooleanField(label=_("Vi fikk treff gjennom Samarbeidstorget"), required=False)
