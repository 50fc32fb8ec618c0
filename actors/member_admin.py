"""The coordinators' side of members' profiles: approving, hiding with a reason,
stale profiles, claims and the contact messages sent through the portal.

Every action calls a function in actors/services.py, so an approval from the admin
and one from the e-mail's link do the same thing (publish and tell the owner).
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actors import services
from actors.models import Actor, ClaimRequest, ContactMessage
from actors.profile_forms import HideForm


class StaleFilter(admin.SimpleListFilter):
    """Published profiles nobody has confirmed or changed for a year: the reminders' list."""

    title = _("oppdatert eller bekreftet")
    parameter_name = "utdatert"

    def lookups(self, request, model_admin):
        return [("ja", _("For lenge siden: eieren får påminnelser"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(pk__in=Actor.objects.stale())
        return queryset


@admin.action(description=_("Godkjenn valgte profiler og gi eierne beskjed"))
def approve_profiles(modeladmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = services.approve_profiles(queryset)
    message = ngettext(
        "%(count)d profil er godkjent og publisert.",
        "%(count)d profiler er godkjent og publisert.",
        count,
    )
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)
    if skipped := queryset.count() - count:
        modeladmin.message_user(
            request,
            _("%(count)d valgte profiler ventet ikke på godkjenning og er ikke endret.")
            % {"count": skipped},
            messages.WARNING,
        )


@admin.action(description=_("Skjul valgte profiler med en begrunnelse til eieren"))
def hide_with_reason(modeladmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
    form = HideForm(request.POST if request.POST.get("post") == "yes" else None)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "admin/actors/actor/hide_with_reason.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Skjul profiler"),
                "opts": modeladmin.model._meta,
                "actors": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )
    for actor in queryset.select_related("owner"):
        services.hide_profile(actor=actor, reason=form.cleaned_data["reason"])
    modeladmin.message_user(request, _("Profilene er skjult, og eierne ser begrunnelsen."))
    return None


@admin.register(ClaimRequest)
class ClaimRequestAdmin(admin.ModelAdmin):
    list_display = ["actor", "user", "status", "created_at", "decided_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["actor", "user", "decided_by"]
    search_fields = ["actor__name", "user__email", "message"]
    readonly_fields = [
        "actor",
        "user",
        "message",
        "language",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    actions = ["approve", "refuse"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Godkjenn: gjør medlemmet til eier og gi beskjed"))
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = sum(services.approve_claim(claim=claim, by=request.user) for claim in queryset)
        self.message_user(request, _("%(count)d forespørsler er godkjent.") % {"count": done})
        if skipped := queryset.count() - done:
            self.message_user(
                request,
                _(
                    "%(count)d forespørsler ble ikke godkjent: de var allerede avgjort, "
                    "eller profilen har fått en eier."
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Avslå og gi beskjed"))
    def refuse(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = sum(services.refuse_claim(claim=claim, by=request.user) for claim in queryset)
        self.message_user(request, _("%(count)d forespørsler er avslått.") % {"count": done})


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Read only: a record of what was sent, for complaints about misuse."""

    list_display = ["created_at", "actor_name", "sender_name", "sender_email", "subject"]
    search_fields = ["actor_name", "sender_name", "sender_email", "subject"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in ContactMessage._meta.fields if f.name != "sender_address"]
    exclude = ["sender_address"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
