"""The forms of answering and following: the answer itself, and what a member follows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actors.forms import BoundedModelMultipleChoiceField
from actors.models import Actor, Municipality, Sector
from opportunities.models import Answer, Following, Opportunity
from portal.validators import validate_multiline

MESSAGE_MAX_LENGTH = 3000


class AnswerForm(forms.Form):
    """The member's own published profiles are the only choices (from `profiles`, a list)."""

    actor = forms.TypedChoiceField(
        label=_("Svar som"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Den som la ut muligheten, ser profilen og kan svare deg på e-post."),
        error_messages={
            "required": _("Velg hvilken av profilene dine som svarer."),
            "invalid_choice": _("Velg en av dine egne publiserte profiler."),
        },
    )
    message = forms.CharField(
        label=_("Melding"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[validate_multiline],
        help_text=_("Fortell hva du kan bidra med, og hvordan du kan nås. Høyst %(max)s tegn.")
        % {"max": MESSAGE_MAX_LENGTH},
        error_messages={
            "required": _("Skriv en melding."),
            "max_length": _(
                "Meldingen er for lang: høyst %(limit_value)d tegn (nå %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # A honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(label=_("La dette feltet stå tomt"), required=False)

    def __init__(self, *args, opportunity: Opportunity, profiles: list[Actor], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity
        self.profiles = {actor.pk: actor for actor in profiles}
        field = self.fields["actor"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(actor.pk, actor.name) for actor in profiles]
        if len(profiles) == 1 and not self.is_bound:
            self.initial["actor"] = profiles[0].pk

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_actor(self) -> Actor:
        actor = self.profiles[self.cleaned_data["actor"]]
        if Answer.objects.filter(opportunity=self.opportunity, actor=actor).exists():
            raise forms.ValidationError(
                _(
                    "«%(name)s» har allerede svart på denne muligheten. Svaret ditt ligger "
                    "under «Svar du har sendt» på Min side."
                ),
                params={"name": actor.name},
                code="already_answered",
            )
        return actor


class FollowForm(forms.ModelForm):
    """Kinds, sectors and municipalities; an empty group means "all"."""

    kinds = forms.MultipleChoiceField(
        label=_("Typer"),
        required=False,
        choices=Opportunity.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ingen valgt betyr alle typer."),
    )
    sectors = BoundedModelMultipleChoiceField(
        label=_("Bransjer"),
        required=False,
        queryset=Sector.objects.order_by("position", "name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ingen valgt betyr alle bransjer."),
    )
    municipalities = BoundedModelMultipleChoiceField(
        label=_("Kommuner"),
        required=False,
        queryset=Municipality.objects.places().filter(in_region=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ingen valgt betyr alle. Muligheter for hele Øvre Romerike kommer alltid med."),
    )

    class Meta:
        model = Following
        fields = ["active", "kinds", "sectors", "municipalities"]
        labels = {"active": _("Send meg en e-post i uka om nye muligheter som passer")}
