"""Forms for an actor's profile and images, used by the admin (and by members' own editing).

Organisation and phone numbers are accepted as people write them ("988 077 917",
"412 34 567") and stored in one canonical form; images go through actors/images.py.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from actors.images import process_upload
from actors.models import Actor, ActorImage
from actors.validators import format_org_number, normalise_org_number
from portal.text import format_phone, normalise_phone


class OrgNumberField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # Show a stored number as "988 077 917"; leave what the user typed alone.
        if isinstance(value, str) and value.isdigit() and len(value) == 9:
            return format_org_number(value)
        return value

    def clean(self, value):
        return normalise_org_number(super().clean(value))


class PhoneField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str) and value.startswith("+"):
            return format_phone(value)
        return value

    def clean(self, value):
        return normalise_phone(super().clean(value))


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """SQLite cannot take a whole number of 2**63 or more in an IN list: Django's field
    let one through to the database (OverflowError, a 500); it is an unknown choice."""

    def _check_values(self, value):
        for pk in value or ():
            try:
                too_big = abs(int(pk)) >= 2**63
            except (ValueError, TypeError):
                continue
            if too_big:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]  # Django's, not in the stubs


def _formfield(field: models.Field, **kwargs) -> forms.Field | None:
    # "kunstner.no" means https://kunstner.no, not http:// (Django 6's default too).
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if isinstance(field, models.ManyToManyField):
        kwargs["form_class"] = BoundedModelMultipleChoiceField
    return field.formfield(**kwargs)


class ActorForm(forms.ModelForm):
    org_number = OrgNumberField(
        label=_("Organisasjonsnummer"),
        required=False,
        help_text=_("Ni sifre fra Enhetsregisteret, for eksempel 988 077 917. Kan stå tomt."),
    )
    phone = PhoneField(
        label=_("Telefon"),
        required=False,
        help_text=_("Norsk nummer med åtte sifre, eller utenlandsk med landskode."),
    )

    class Meta:
        model = Actor
        fields = [
            "name",
            "slug",
            "kind",
            "org_number",
            "municipality",
            "sectors",
            "pitch",
            "description",
            "offers",
            "looking_for",
            "open_for_collaboration",
            "available_for_hire",
            "website",
            "instagram",
            "facebook",
            "linkedin",
            "contact_person",
            "contact_person_visibility",
            "email",
            "email_visibility",
            "phone",
            "phone_visibility",
            "address",
            "postal_code",
            "postal_place",
            "address_visibility",
            "owner",
            "status",
        ]
        formfield_callback = _formfield
        widgets = {"pitch": forms.Textarea(attrs={"rows": 3, "maxlength": 200})}


ONE_LOGO = _("En aktør kan bare ha én logo. Velg «Galleribilde».")


class ActorImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Bildefil"),
        required=False,
        help_text=_("JPEG, PNG eller WebP. Vi fjerner stedsdata og annen metadata fra bildet."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = ActorImage
        fields = ["upload", "role", "alt_text", "position"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self._processed = process_upload(upload)
        elif not self.instance.pk:
            raise forms.ValidationError(_("Velg en bildefil å laste opp."), code="required")
        return upload

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        actor_id = self.instance.actor_id
        if cleaned.get("role") == ActorImage.Role.LOGO and actor_id:
            others = ActorImage.objects.filter(actor_id=actor_id, role=ActorImage.Role.LOGO)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error("role", ONE_LOGO)
        return cleaned

    def save(self, commit: bool = True) -> ActorImage:
        image = super().save(commit=False)
        if processed := getattr(self, "_processed", None):
            image.set_renditions(processed)
        if commit:
            image.save()
        return image


RESELECT = _(
    "Bildet «%(name)s» er ikke lagret ennå, og nettleseren kan ikke beholde filen når "
    "siden vises på nytt. Velg bildefilen igjen før du lagrer."
)


def ask_to_reselect_uploads(images: forms.BaseFormSet) -> None:
    """When a page with chosen image files is shown again (an error elsewhere, a preview),
    the browser has dropped the files: say so next to each one, instead of losing it silently."""
    for form in images.forms:
        upload = form.files.get(form.add_prefix("upload"))
        if upload and not form.has_error("upload"):
            form.add_error("upload", RESELECT % {"name": upload.name})


class ActorImageFormSet(forms.BaseInlineFormSet):
    """At most one logo among the images sent together (the forms only see the database)."""

    def clean(self) -> None:
        super().clean()
        logos = [
            form
            for form in self.forms
            if form.cleaned_data.get("role") == ActorImage.Role.LOGO
            and not form.cleaned_data.get("DELETE")
        ]
        if len(logos) > 1:
            raise forms.ValidationError(ONE_LOGO)
