"""The coordinators' back office for Samarbeidstorget: feature, hide and close any
opportunity, see its answers, export the list."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from opportunities.models import Answer, Opportunity
from opportunities.querysets import OpportunityQuerySet, today
from portal.admin_export import ExportListMixin
from portal.admin_history import HistoryAdmin


def _yes(value: bool) -> str:
    return str(_("Ja")) if value else ""


def _state(opportunity: Opportunity) -> str:
    if opportunity.status == Opportunity.Status.CLOSED:
        return str(_("Lukket, fikk treff")) if opportunity.filled else str(_("Lukket"))
    if opportunity.is_expired:
        return str(_("Fristen er ute"))
    return str(_("Åpen"))


OPPORTUNITY_EXPORT_COLUMNS = [
    (_("Tittel"), lambda o: o.title),
    (_("Type"), lambda o: str(o.get_kind_display())),
    (_("Lagt ut av"), lambda o: o.actor.name),
    (_("Kommune"), lambda o: o.place_name),
    (_("Bransjer"), lambda o: ", ".join(s.name for s in o.sectors.all())),
    (_("Budsjett eller honorar"), lambda o: o.budget),
    (_("Frist"), lambda o: formats.date_format(o.deadline, "SHORT_DATE_FORMAT")),
    (_("Status"), _state),
    (_("Fremhevet"), lambda o: _yes(o.featured)),
    (_("Skjult"), lambda o: _yes(o.hidden)),
    (_("Svar"), lambda o: o.answer_count),
    (_("Lagt ut"), lambda o: formats.date_format(o.created_at, "SHORT_DATE_FORMAT")),
    (_("Beskrivelse"), lambda o: o.description),
]


class ExpiredFilter(admin.SimpleListFilter):
    title = _("fristen er ute")
    parameter_name = "utlopt"

    def lookups(self, request, model_admin):
        return [("ja", _("Ja")), ("nei", _("Nei"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(deadline__lt=today())
        if self.value() == "nei":
            return queryset.filter(deadline__gte=today())
        return queryset


class AnswerInline(admin.TabularInline):
    """The answers, to read: they are the members' messages to each other."""

    model = Answer
    extra = 0
    can_delete = False
    fields = ["actor", "sender", "message", "created_at", "contacted_at"]
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor", "sender")


@admin.register(Opportunity)
class OpportunityAdmin(ExportListMixin, HistoryAdmin):
    export_columns = OPPORTUNITY_EXPORT_COLUMNS
    export_filename = "samarbeidsmuligheter"

    inlines = [AnswerInline]
    list_display = [
        "title",
        "kind",
        "actor",
        "place",
        "state",
        "featured",
        "hidden",
        "deadline",
        "answer_count",
        "created_at",
        "public_link",
    ]
    list_filter = [
        "kind",
        "status",
        "featured",
        "hidden",
        ExpiredFilter,
        ("municipality", admin.RelatedOnlyFieldListFilter),
        "sectors",
    ]
    list_select_related = ["actor", "municipality"]
    search_fields = ["title", "slug", "description", "actor__name", "budget"]
    autocomplete_fields = ["actor", "municipality", "sectors", "events"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_by", "created_at", "updated_at", "closed_at", "public_link"]
    actions = ["feature", "unfeature", "hide", "unhide", "close"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "actor", "created_by", "public_link"]}),
        (
            _("Innhold"),
            {"fields": ["description", "sectors", "municipality", "budget", "deadline", "events"]},
        ),
        (_("Status"), {"fields": ["status", "filled", "featured", "hidden"]}),
        (_("Tidspunkter"), {"fields": ["created_at", "updated_at", "closed_at"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_answer_counts()

    def export_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.prefetch_related("sectors")

    @admin.display(description=_("Svar"), ordering="answer_count")
    def answer_count(self, opportunity: Opportunity) -> int:
        return opportunity.answer_count  # type: ignore[attr-defined]

    @admin.display(description=_("Sted"), ordering="municipality__name")
    def place(self, opportunity: Opportunity) -> str:
        return opportunity.place_name

    @admin.display(description=_("Status"), ordering="status")
    def state(self, opportunity: Opportunity) -> str:
        return _state(opportunity)

    @admin.display(description=_("Offentlig side"))
    def public_link(self, opportunity: Opportunity) -> str:
        if not opportunity.pk:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            opportunity.get_absolute_url(),
            pgettext("lenke til offentlig side", "Vis"),
        )

    def _done(self, request: HttpRequest, count: int, message: str) -> None:
        messages.success(request, message % {"count": count})

    @admin.action(description=_("Fremhev valgte muligheter"))
    def feature(self, request: HttpRequest, queryset: OpportunityQuerySet) -> None:
        count = queryset.feature()
        self._done(
            request,
            count,
            ngettext(
                "%(count)d mulighet er fremhevet.", "%(count)d muligheter er fremhevet.", count
            ),
        )

    @admin.action(description=_("Fjern fremhevingen av valgte muligheter"))
    def unfeature(self, request: HttpRequest, queryset: OpportunityQuerySet) -> None:
        count = queryset.unfeature()
        self._done(
            request,
            count,
            ngettext(
                "%(count)d mulighet er ikke fremhevet lenger.",
                "%(count)d muligheter er ikke fremhevet lenger.",
                count,
            ),
        )

    @admin.action(description=_("Skjul valgte muligheter"))
    def hide(self, request: HttpRequest, queryset: OpportunityQuerySet) -> None:
        count = queryset.hide()
        self._done(
            request,
            count,
            ngettext("%(count)d mulighet er skjult.", "%(count)d muligheter er skjult.", count),
        )

    @admin.action(description=_("Vis valgte muligheter igjen"))
    def unhide(self, request: HttpRequest, queryset: OpportunityQuerySet) -> None:
        count = queryset.unhide()
        self._done(
            request,
            count,
            ngettext("%(count)d mulighet vises igjen.", "%(count)d muligheter vises igjen.", count),
        )

    @admin.action(description=_("Lukk valgte muligheter"))
    def close(self, request: HttpRequest, queryset: OpportunityQuerySet) -> None:
        count = queryset.close()
        self._done(
            request,
            count,
            ngettext("%(count)d mulighet er lukket.", "%(count)d muligheter er lukket.", count),
        )
