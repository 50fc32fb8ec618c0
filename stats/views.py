"""The coordinators' statistics page and its downloads (CSV and XLSX per table)."""

from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.exports import csv_response, xlsx_response
from portal.permissions import coordinator_required
from stats import figures
from stats.charts import bar_chart
from stats.period import PeriodForm

FORMATS = {"csv": csv_response, "xlsx": xlsx_response}


@require_GET
@coordinator_required
def statistics(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None)
    period = form.period()
    computed = figures.compute(period)
    tables = computed["actors"] + computed["events"] + computed["opportunities"]
    if "tabell" in request.GET:
        return _download(request, tables, period)
    query = urlencode(period.query())
    sections = [
        (section, [(table, bar_chart(table)) for table in computed[section]])
        for section in ("actors", "events", "opportunities")
    ]
    return render(
        request,
        "stats/statistics.html",
        {
            "form": form,
            "period": period,
            "sections": dict(sections),
            "totals": computed["event_totals"],
            "opportunity_totals": computed["opportunity_totals"],
            "download_query": query,
        },
    )


def _download(request: HttpRequest, tables: list, period) -> HttpResponse:
    wanted = request.GET.get("tabell")
    respond = FORMATS.get(request.GET.get("format", "csv"))
    table = next((t for t in tables if t.slug == wanted), None)
    if table is None or respond is None:
        raise Http404
    filename = f"{table.slug}-{period.first:%Y%m%d}-{period.last:%Y%m%d}"
    return respond(filename, table.header, table.rows)


@require_GET
@coordinator_required
def mailing_list(request: HttpRequest, fmt: str) -> HttpResponse:
    """The e-mail addresses of members who asked for the network's news (for the newsletter tool).

    Only confirmed addresses: an address nobody has confirmed may not be theirs.
    """
    from accounts.models import MemberSettings

    respond = FORMATS.get(fmt)
    if respond is None:
        raise Http404
    subscribers = (
        MemberSettings.objects.newsletter_subscribers()
        .filter(user__emailaddress__verified=True, user__emailaddress__email=F("user__email"))
        .order_by("user__email")
        .values_list("user__email", "user__first_name", "user__last_name")
        .distinct()
    )
    header = [_("E-post"), _("Fornavn"), _("Etternavn")]
    return respond("nyhetsbrev", header, subscribers)
