from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from actors.images import cleaned_single_image
from events import services
from events.dates import format_event_time
from events.models import Event, OutgoingEmail, Registration, Speaker
from portal.admin_export import ExportListMixin
from portal.admin_history import HistoryAdmin
from portal.busy import BusyActionsMixin
from portal.exports import csv_response, xlsx_response
from portal.history import record_bulk_change

EXPORT_COLUMNS = [
    (_("Navn"), lambda r: r.name),
    (_("E-post"), lambda r: r.email),
    (_("Telefon"), lambda r: r.phone),
    (_("Organisasjon"), lambda r: r.organisation or (r.actor.name if r.actor else "")),
    (_("Hjemkommune"), lambda r: r.municipality.name if r.municipality else ""),
    (_("Kosthold"), lambda r: r.get_diets_display()),
    (_("Status"), lambda r: str(r.get_status_display())),
    (_("Møtt"), lambda r: str(_("Ja")) if r.attended else ""),
    (_("Arrangement"), lambda r: r.event.title),
    (_("Påmeldt"), lambda r: timezone.localtime(r.created_at).strftime("%d.%m.%Y %H.%M")),
]


def _export_rows(registrations: QuerySet) -> tuple[list[str], list[list[str]]]:
    registrations = registrations.select_related("event", "municipality", "actor").order_by(
        "event__starts_at", "name"
    )
    header = [str(title) for title, _get in EXPORT_COLUMNS]
    return header, [[get(r) for _title, get in EXPORT_COLUMNS] for r in registrations]


def _csv_response(registrations: QuerySet, filename: str) -> HttpResponse:
    return csv_response(filename, *_export_rows(registrations))


def _xlsx_response(registrations: QuerySet, filename: str) -> HttpResponse:
    header, rows = _export_rows(registrations)
    return xlsx_response(filename, header, rows, sheet_title=_("Deltakere"))


class _CleanImageMixin:
    """Event pictures and speaker photos go through the same checks as actor images:
    size, format and pixel limits, EXIF (and GPS) stripped, re-encoded once."""

    image_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for field in self.image_fields:
            upload = cleaned.get(field)
            if upload and field in self.changed_data and hasattr(upload, "size"):
                try:
                    cleaned[field] = cleaned_single_image(upload, field)
                except ValidationError as error:
                    self.add_error(field, error)
        return cleaned


class EventAdminForm(_CleanImageMixin, forms.ModelForm):
    image_fields = ("image",)

    def clean_status(self) -> str:
        # Cancelling e-mails everyone registered (events/services.py): only the list's
        # action does it, after asking, never a changed status in the form.
        status = self.cleaned_data["status"]
        was = self.instance.status if self.instance.pk else None
        if status == Event.Status.CANCELLED and was != Event.Status.CANCELLED:
            raise ValidationError(
                _(
                    "Avlys med handlingen «Avlys arrangementet» i listen over arrangementer: "
                    "den sender e-post til alle påmeldte."
                ),
                code="cancel_with_action",
            )
        return status

    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields


class SpeakerAdminForm(_CleanImageMixin, forms.ModelForm):
    image_fields = ("photo",)

    class Meta:
        model = Speaker
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields


class SpeakerInline(admin.StackedInline):
    form = SpeakerAdminForm
    model = Speaker
    extra = 0
    raw_id_fields = ["actor"]


class RegistrationInline(admin.TabularInline):
    """Shown for overview; seats change only through events/services.py (the actions of
    the registration admin), never by editing a status or deleting a row here."""

    model = Registration
    extra = 0
    fields = ["name", "email", "organisation", "municipality", "status", "attended", "created_at"]
    readonly_fields = ["status", "created_at"]
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


EVENT_EXPORT_COLUMNS = [
    (_("Tittel"), lambda e: e.title),
    (_("Type"), lambda e: str(e.get_kind_display())),
    (_("Status"), lambda e: str(e.get_status_display())),
    (_("Starter"), lambda e: timezone.localtime(e.starts_at).strftime("%d.%m.%Y %H.%M")),
    (_("Slutter"), lambda e: timezone.localtime(e.ends_at).strftime("%d.%m.%Y %H.%M")),
    (_("Sted"), lambda e: e.place),
    (_("Kommune"), lambda e: e.municipality.name if e.municipality else ""),
    (_("Plasser"), lambda e: e.capacity),
    (_("Bekreftet"), lambda e: e.confirmed_count),
    (_("Venteliste"), lambda e: e.waiting_count),
    (_("Møtt"), lambda e: e.attended_count),
]


@admin.register(Event)
class EventAdmin(BusyActionsMixin, ExportListMixin, HistoryAdmin):
    export_columns = EVENT_EXPORT_COLUMNS
    export_filename = "arrangementer"

    form = EventAdminForm
    list_display = [
        "title",
        "when",
        "kind",
        "status",
        "capacity",
        "confirmed_count",
        "waiting_count",
        "cancelled_count",
        "attended_count",
        "checkin_link",
    ]
    list_filter = ["status", "kind", "municipality"]
    search_fields = ["title", "summary", "place_name"]
    list_select_related = ["venue", "municipality"]
    autocomplete_fields = ["venue"]  # chosen by searching actors, not by id
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    inlines = [SpeakerInline, RegistrationInline]

    class Media:
        # The registrations inline scrolls inside its box, not the page (1280 px).
        css = {"all": ["admin/portal/wide-tables.css"]}

    actions = [
        "promote_waiting",
        "export_csv",
        "export_xlsx",
        "copy_as_draft",
        "cancel_events",
    ]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status", "summary", "description"]}),
        (
            _("Tid og sted"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "venue",
                    "place_name",
                    "address",
                    "municipality",
                    "online_url",
                ]
            },
        ),
        (
            _("Påmelding"),
            {
                "fields": [
                    "registration_required",
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "price",
                ]
            },
        ),
        (_("Mer"), {"fields": ["programme", "organisers", "image", "image_alt"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("Tid"), ordering="starts_at")
    def when(self, event: Event) -> str:
        return format_event_time(event.starts_at, event.ends_at)

    @admin.display(description=_("Bekreftet"), ordering="confirmed_count")
    def confirmed_count(self, event: Event) -> int:
        return event.confirmed_count

    @admin.display(description=_("Venteliste"), ordering="waiting_count")
    def waiting_count(self, event: Event) -> int:
        return event.waiting_count

    @admin.display(description=_("Avmeldt"), ordering="cancelled_count")
    def cancelled_count(self, event: Event) -> int:
        return event.cancelled_count

    @admin.display(description=_("Møtt"), ordering="attended_count")
    def attended_count(self, event: Event) -> int:
        return event.attended_count

    @admin.display(description=_("Innsjekk"))
    def checkin_link(self, event: Event) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("events:checkin", args=[event.slug]), _("Åpne")
        )

    @admin.action(description=_("Gi ledige plasser til ventelisten"))
    def promote_waiting(self, request: HttpRequest, queryset: QuerySet) -> None:
        promoted = sum(len(services.promote_from_waiting_list(event=e)) for e in queryset)
        self.message_user(request, _("%(n)s fikk plass og får e-post.") % {"n": promoted})

    @admin.action(description=_("Eksporter deltakere (CSV)"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        return _csv_response(Registration.objects.filter(event__in=queryset).active(), "deltakere")

    @admin.action(description=_("Eksporter deltakere (Excel)"))
    def export_xlsx(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        return _xlsx_response(Registration.objects.filter(event__in=queryset).active(), "deltakere")

    @admin.action(description=_("Kopier som nytt utkast"))
    def copy_as_draft(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        copies = [services.copy_as_draft(event=event) for event in queryset]
        if len(copies) == 1:
            self.message_user(request, _("Kopien er laget. Husk å endre dato og tittel."))
            return redirect("admin:events_event_change", copies[0].pk)
        self.message_user(request, _("%(n)s kopier er laget som utkast.") % {"n": len(copies)})
        return None

    @admin.action(description=_("Avlys arrangementet og send e-post til alle påmeldte"))
    def cancel_events(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        # Cancelling e-mails everyone and cannot be undone: ask first, like Django's delete.
        if request.POST.get("post") != "yes":
            events = queryset.with_counts().order_by("starts_at")
            return TemplateResponse(
                request,
                "admin/events/event/cancel_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Vil du avlyse?"),
                    "opts": self.model._meta,
                    "events": events,
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        told = sum(services.cancel_event(event=event) for event in queryset)
        self.message_user(
            request,
            _("Avlyst. %(n)s påmeldte får beskjed på e-post.") % {"n": told},
            messages.WARNING,
        )


@admin.register(Registration)
class RegistrationAdmin(BusyActionsMixin, ExportListMixin, HistoryAdmin):
    export_columns = EXPORT_COLUMNS
    export_filename = "pameldinger"

    def export_queryset(self, queryset):
        return queryset.select_related("event", "municipality", "actor")

    list_display = [
        "name",
        "email",
        "event",
        "status",
        "attended",
        "municipality",
        "organisation",
        "created_at",
    ]
    list_filter = ["status", "attended", "municipality", "show_name", "event"]
    search_fields = ["name", "email", "organisation", "event__title"]
    list_select_related = ["event", "municipality"]
    raw_id_fields = ["actor", "user"]
    # The status changes only through the actions, which call events/services.py: a
    # cancellation there sets cancelled_at, e-mails the person and gives the seat on.
    readonly_fields = ["status", "created_at", "cancelled_at", "reminded_at", "language"]
    date_hierarchy = "created_at"
    actions = [
        "mark_attended",
        "promote_selected",
        "cancel_selected",
        "export_csv",
        "export_xlsx",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # New registrations come through the form, which applies every rule.
        return False

    def delete_model(self, request: HttpRequest, obj: Registration) -> None:
        self.delete_queryset(request, Registration.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Deleting (e.g. on request under the GDPR) frees seats: the waiting list gets them."""
        freed = {r.event for r in queryset.filter(status=Registration.Status.CONFIRMED)}
        super().delete_queryset(request, queryset)
        for event in freed:
            if not event.is_past and not event.is_cancelled:
                services.promote_from_waiting_list(event=event)

    @admin.action(description=_("Meld av valgte (de får e-post, plassen går til ventelisten)"))
    def cancel_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        active = list(queryset.active().select_related("event"))
        promoted = sum(len(services.cancel_registration(registration=r)) for r in active)
        self.message_user(
            request,
            _("%(n)s er meldt av, %(p)s fikk plass fra ventelisten.")
            % {"n": len(active), "p": promoted},
        )

    @admin.action(description=_("Marker som møtt"))
    def mark_attended(self, request: HttpRequest, queryset: QuerySet) -> None:
        changing = list(queryset.active().filter(attended=False).values_list("pk", flat=True))
        Registration.objects.filter(pk__in=changing).update(attended=True)
        record_bulk_change(Registration, changing)
        updated = len(changing)
        self.message_user(request, _("%(n)s er markert som møtt.") % {"n": updated})

    @admin.action(description=_("Flytt valgte fra venteliste til bekreftet"))
    def promote_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        waiting = queryset.filter(status=Registration.Status.WAITING).select_related("event")
        promoted = 0
        for event in {r.event for r in waiting}:
            chosen = [r for r in waiting if r.event_id == event.pk]
            promoted += len(services.promote_from_waiting_list(event=event, registrations=chosen))
        self.message_user(request, _("%(n)s fikk plass og får e-post.") % {"n": promoted})

    @admin.action(description=_("Eksporter (CSV)"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        return _csv_response(queryset, "pameldinger")

    @admin.action(description=_("Eksporter (Excel)"))
    def export_xlsx(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        return _xlsx_response(queryset, "pameldinger")


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "to", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]
    raw_id_fields = ["registration"]
