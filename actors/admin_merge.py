"""The admin action "Slå sammen to valgte aktører": the coordinator sees both, chooses, confirms."""

from typing import cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.merging import merge_actors
from actors.models import Actor


class MergeForm(forms.Form):
    keep = forms.TypedChoiceField(
        label=gettext_lazy("Hvilken profil skal beholdes?"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Den andre profilen slettes. Adressen dens sender videre til profilen som beholdes."
        ),
        error_messages={"required": gettext_lazy("Velg profilen som skal beholdes.")},
    )
    owner = forms.TypedChoiceField(
        label=gettext_lazy("Hvem skal eie profilen?"),
        coerce=int,
        widget=forms.RadioSelect,
        required=False,
        help_text=gettext_lazy("Begge profilene har en eier. Den andre kan be om å overta senere."),
    )

    def __init__(self, *args, actors: list[Actor], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actors = {actor.pk: actor for actor in actors}
        keep = cast(forms.TypedChoiceField, self.fields["keep"])
        keep.choices = [(a.pk, f"{a.name} ({a.slug})") for a in actors]
        owners = {a.owner_id: a.owner for a in actors if a.owner is not None}
        if len(owners) == 2:
            owner = cast(forms.TypedChoiceField, self.fields["owner"])
            owner.required = True
            owner.choices = [(pk, str(getattr(user, "email", ""))) for pk, user in owners.items()]
        else:
            del self.fields["owner"]

    def merge(self) -> Actor:
        keep = self.actors[self.cleaned_data["keep"]]
        (remove,) = [a for pk, a in self.actors.items() if pk != keep.pk]
        owner_pk = self.cleaned_data.get("owner")
        owner = next((a.owner for a in self.actors.values() if a.owner_id == owner_pk), None)
        return merge_actors(keep=keep, remove=remove, owner=owner)


@admin.action(description=gettext_lazy("Slå sammen to valgte aktører"))
def merge_two(modeladmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
    if not (
        modeladmin.has_change_permission(request) and modeladmin.has_delete_permission(request)
    ):
        modeladmin.message_user(
            request, _("Du har ikke lov til å slå sammen aktører."), messages.ERROR
        )
        return None
    actors = list(
        queryset.select_related("municipality", "owner")
        .prefetch_related("sectors")
        .annotate(
            n_images=Count("images", distinct=True),
            n_events=Count("hosted_events", distinct=True),
            n_registrations=Count("registrations", distinct=True),
            n_claims=Count("claims", distinct=True),
        )
        .order_by("pk")
    )
    if len(actors) != 2:
        modeladmin.message_user(
            request, _("Velg nøyaktig to aktører for å slå dem sammen."), messages.WARNING
        )
        return None
    form = MergeForm(request.POST if request.POST.get("post") == "yes" else None, actors=actors)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "admin/actors/actor/merge.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Slå sammen to aktører"),
                "opts": modeladmin.model._meta,
                "actors": actors,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
            status=400 if form.errors else 200,
        )
    kept = form.merge()
    modeladmin.message_user(
        request,
        _("Profilene er slått sammen til «%(name)s». Den gamle adressen sender videre hit.")
        % {"name": kept.name},
        messages.SUCCESS,
    )
    return None
