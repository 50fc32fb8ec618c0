"""The coordinators' back office for the directory."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from actors.admin_forms import ActorAdminForm
from actors.admin_import import ActorImportMixin
from actors.admin_merge import merge_two
from actors.forms import ActorImageForm, ActorImageFormSet, ask_to_reselect_uploads
from actors.imports import COLUMNS as ACTOR_COLUMNS
from actors.member_admin import StaleFilter, approve_profiles, hide_with_reason
from actors.models import Actor, ActorImage, Municipality, Sector
from portal.admin_export import ExportListMixin
from portal.admin_history import HistoryAdmin


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "in_region"]
    list_filter = ["in_region"]
    search_fields = ["name", "number"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ActorImageInline(admin.TabularInline):
    model = ActorImage
    form = ActorImageForm
    formset = ActorImageFormSet
    extra = 1
    max_num = ActorImage.MAX_GALLERY + 1  # the gallery and a logo
    fields = ["preview", "upload", "role", "alt_text", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("Forhåndsvisning"))
    def preview(self, image: ActorImage) -> str:
        if not image.pk or not image.small:
            return "–"
        return format_html('<img src="{}" width="120" alt="{}">', image.small.url, image.alt_text)


# The columns of the actor export, the same the import reads back (actors/imports.py).
ACTOR_EXPORT_COLUMNS = [(label, get) for _field, label, get in ACTOR_COLUMNS]


@admin.register(Actor)
class ActorAdmin(ActorImportMixin, ExportListMixin, HistoryAdmin):
    change_list_template = "admin/actors/actor/change_list.html"
    export_columns = ACTOR_EXPORT_COLUMNS
    export_filename = "aktorer"

    form = ActorAdminForm

    class Media:
        css = {"all": ["admin/portal/wide-tables.css"]}

    # The admin builds its own form fields; "kunstner.no" still means https://.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ActorImageInline]
    list_display = [
        "name",
        "status",
        "kind",
        "municipality",
        "sector_list",
        "org_number_formatted",
        "phone_formatted",
        "updated_at",
        "public_link",
    ]
    list_filter = [
        "status",
        StaleFilter,
        "kind",
        "municipality",
        "sectors",
        "open_for_collaboration",
        "available_for_hire",
    ]
    list_select_related = ["municipality"]
    search_fields = [
        "name",
        "slug",
        "org_number",
        "email",
        "contact_person",
        "municipality__name",
        "sectors__name",
    ]
    autocomplete_fields = ["municipality", "sectors", "owner"]
    date_hierarchy = "updated_at"
    readonly_fields = [
        "created_at",
        "updated_at",
        "published_at",
        "confirmed_at",
        "reminded_at",
        "public_link",
    ]
    actions = [approve_profiles, "publish", hide_with_reason, "hide", "send_to_review", merge_two]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "kind",
                    "status",
                    "hidden_reason",
                    "owner",
                    "language",
                    "public_link",
                ]
            },
        ),
        (
            _("Presentasjon"),
            {
                "fields": [
                    "municipality",
                    "sectors",
                    "pitch",
                    "description",
                    "offers",
                    "looking_for",
                    "open_for_collaboration",
                    "available_for_hire",
                ]
            },
        ),
        (_("Lenker"), {"fields": ["website", "instagram", "facebook", "linkedin"]}),
        (
            _("Kontakt og synlighet"),
            {
                "fields": [
                    "org_number",
                    ("contact_person", "contact_person_visibility"),
                    ("email", "email_visibility"),
                    ("phone", "phone_visibility"),
                    "address",
                    ("postal_code", "postal_place"),
                    "address_visibility",
                ]
            },
        ),
        (
            _("Tidspunkter"),
            {"fields": ["created_at", "updated_at", "published_at", "confirmed_at", "reminded_at"]},
        ),
        (_("Mulige duplikater"), {"fields": ["save_anyway"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("sectors")

    def render_change_form(self, request: HttpRequest, context, *args, **kwargs):
        # Shown again after a POST only when something had an error: chosen files are gone.
        if request.method == "POST":
            for inline in context.get("inline_admin_formsets", []):
                ask_to_reselect_uploads(inline.formset)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("Bransjer"))
    def sector_list(self, actor: Actor) -> str:
        return ", ".join(sector.name for sector in actor.sectors.all())

    @admin.display(description=_("Org.nr."), ordering="org_number")
    def org_number_formatted(self, actor: Actor) -> str:
        return actor.org_number_display or "–"

    @admin.display(description=_("Telefon"), ordering="phone")
    def phone_formatted(self, actor: Actor) -> str:
        return actor.phone_display or "–"

    @admin.display(description=_("Offentlig side"))
    def public_link(self, actor: Actor) -> str:
        if not actor.pk:
            return "–"
        label = (
            pgettext("lenke til offentlig side", "Vis") if actor.is_published else _("Forhåndsvis")
        )
        return format_html('<a href="{}">{}</a>', actor.get_absolute_url(), label)

    @admin.action(description=_("Publiser valgte aktører"))
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.publish()
        message = ngettext(
            "%(count)d aktør er publisert.", "%(count)d aktører er publisert.", count
        )
        messages.success(request, message % {"count": count})

    @admin.action(description=_("Skjul valgte aktører"))
    def hide(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.hide()
        message = ngettext("%(count)d aktør er skjult.", "%(count)d aktører er skjult.", count)
        messages.success(request, message % {"count": count})

    @admin.action(description=_("Send valgte aktører tilbake til godkjenning"))
    def send_to_review(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.send_to_review()
        message = ngettext(
            "%(count)d aktør er sendt tilbake til godkjenning.",
            "%(count)d aktører er sendt tilbake til godkjenning.",
            count,
        )
        messages.success(request, message % {"count": count})
