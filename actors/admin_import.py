"""The admin's "Importer fra regneark" for actors: upload, preview, confirm (actors/imports.py).

The preview page carries the file's rows, signed for the coordinator who uploaded
them, in its confirm form: nothing is stored between the two steps, and any server
behind the load balancer can confirm.
"""

from typing import TYPE_CHECKING

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors import imports


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Regneark (.xlsx eller .csv)"),
        help_text=gettext_lazy(
            "Første rad er overskrifter, som i eksporten av aktørlisten. Høyst 2 MB og "
            "500 rader. Rader med et adressenavn som finnes, endrer den aktøren; de andre "
            "blir nye, publiserte profiler uten eier, som eierne kan be om å overta."
        ),
        error_messages={"required": gettext_lazy("Velg en fil å importere.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.sheet = imports.read_sheet(upload)
            self.preview = imports.check(self.sheet)
        except imports.ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


# The mixin goes before ModelAdmin in the admin's bases; mypy checks it as one.
if TYPE_CHECKING:
    _Base = admin.ModelAdmin
else:
    _Base = object


class ActorImportMixin(_Base):
    """Adds /admin/actors/actor/import/ to the actor admin."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="actors_actor_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        if request.method == "POST" and "payload" in request.POST:
            return self._confirm(request)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            return self._preview(request, form.sheet, form.preview)
        status = 400 if form.errors else 200
        return self._render(request, "admin/actors/actor/import.html", {"form": form}, status)

    def _confirm(self, request: HttpRequest) -> HttpResponse:
        try:
            sheet = imports.from_payload(request.POST["payload"], request.user)
        except imports.ImportFileError as error:
            form = UploadForm()
            form.errors["file"] = form.error_class([str(error)])
            return self._render(request, "admin/actors/actor/import.html", {"form": form}, 400)
        only_valid = request.POST.get("only_valid") == "1"
        try:
            result = imports.apply(sheet, only_valid=only_valid)
        except DatabaseError:
            messages.error(
                request,
                _("Importen stoppet på grunn av en feil i databasen. Ingenting er lagret."),
            )
            return self._preview(request, sheet, imports.check(sheet), status=500)
        if not result.written:
            messages.warning(
                request,
                _(
                    "Ingenting er lagret: noen rader har feil nå (dataene kan ha endret seg "
                    "siden forhåndsvisningen). Se listen under."
                ),
            )
            return self._preview(request, sheet, result.preview)
        messages.success(
            request,
            _("Importert: %(created)d nye aktører, %(updated)d endret.")
            % {"created": result.created, "updated": result.updated},
        )
        return HttpResponseRedirect(reverse("admin:actors_actor_changelist"))

    def _preview(self, request, sheet, preview, status: int = 200) -> HttpResponse:
        context = {"preview": preview, "payload": imports.to_payload(sheet, request.user)}
        return self._render(request, "admin/actors/actor/import_preview.html", context, status)

    def _render(self, request, template: str, context: dict, status: int) -> HttpResponse:
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": _("Importer aktører fra regneark"),
            **context,
        }
        return TemplateResponse(request, template, context, status=status)
