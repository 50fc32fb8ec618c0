"""The admin's actor form: warns about likely duplicates before saving (actors/duplicates.py)."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from actors.duplicates import find_duplicates
from actors.forms import ActorForm


class ActorAdminForm(ActorForm):
    save_anyway = forms.BooleanField(
        label=_("Lagre likevel: dette er ikke et duplikat"),
        required=False,
        help_text=_("Kryss av bare når du har sjekket profilene det advares om."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or cleaned.get("save_anyway"):
            return cleaned
        duplicates = find_duplicates(
            name=cleaned.get("name", ""),
            municipality=cleaned.get("municipality"),
            org_number=cleaned.get("org_number", ""),
            email=cleaned.get("email", ""),
            exclude_pk=self.instance.pk,
        )
        if duplicates:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a> ({})',
                (
                    (
                        reverse("admin:actors_actor_change", args=[d.actor.pk]),
                        d.actor.name,
                        d.reason,
                    )
                    for d in duplicates
                ),
            )
            raise forms.ValidationError(
                format_html(
                    "{} {}. {}",
                    _("Denne aktøren kan finnes fra før:"),
                    links,
                    _("Sjekk profilen, eller kryss av for «Lagre likevel» nederst i skjemaet."),
                ),
                code="duplicate",
            )
        return cleaned
