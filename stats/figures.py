"""The network's figures for a period, in a fixed number of aggregate queries.

Eight queries whatever the number of actors, events and registrations: totals,
actors per municipality, per sector, per kind, new profiles per quarter, the events
held with their counts, participants per event and home municipality, and
Samarbeidstorget's opportunities per kind with their answers. Everything
else (shares, per-event municipality counts, totals) is arithmetic on those rows.

Definitions, as the page explains them:
- actors: published profiles now; "stale" as everywhere else (ActorQuerySet.stale():
  an owned profile nobody has confirmed or changed for the reminder period);
- new profiles: published for the first time within the period, per quarter;
- events held: published (not cancelled) events that started in the period and have ended;
- registrations: confirmed places; participants: those checked in as attended (møtt);
- no-show rate: the share of confirmed places whose holder did not come;
- outside the host municipality / Øvre Romerike: among participants with a known
  home municipality;
- opportunities posted: created in the period and not hidden by a coordinator;
  answered: with at least one answer (at any time); answered within two weeks: the
  first answer came within ANSWER_WITHIN of posting; led to contact: the poster
  marked an answer "Tatt kontakt" or closed the opportunity as filled.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import formats, timezone
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from actors.models import Actor, Municipality, Sector
from actors.querysets import stale_condition
from events.models import Event, Registration
from opportunities.models import Answer, Opportunity
from stats.period import Period

ANSWER_WITHIN = timedelta(days=14)


@dataclass
class Table:
    """One figure: a table, drawn as a bar chart of column `chart_column` by column 0."""

    slug: str
    title: str
    description: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    chart_column: int | None = 1
    percent_columns: tuple[int, ...] = ()

    def display_rows(self) -> list[list[tuple[str, bool]]]:
        """Each cell as (text, is_number): "–" for no value, percentages with one decimal."""
        return [[self._cell(i, value) for i, value in enumerate(row)] for row in self.rows]

    def body_html(self) -> SafeString:
        """The table's rows as HTML, built here rather than in a template loop: a
        year with a hundred events has thousands of cells."""
        lines = []
        for (label, _number), *cells in self.display_rows():
            tds = "".join(
                f'<td class="num">{escape(text)}</td>' if number else f"<td>{escape(text)}</td>"
                for text, number in cells
            )
            lines.append(f'<tr><th scope="row">{escape(label)}</th>{tds}</tr>')
        return mark_safe("\n".join(lines))

    def _cell(self, column: int, value) -> tuple[str, bool]:
        if value is None:
            return "–", column > 0
        if column in self.percent_columns:
            return number_format(value, 1), True
        return str(value), isinstance(value, int | float)


def share(part: int, whole: int) -> float | None:
    """Per cent with one decimal, None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


def actor_tables(period: Period, now) -> list[Table]:
    published = Actor.objects.published()
    totals = published.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(open_for_collaboration=True)),
        stale=Count("pk", filter=stale_condition(now)),
    )
    municipalities = Municipality.objects.annotate(
        n=Count("actors", filter=Q(actors__status=Actor.Status.PUBLISHED))
    ).order_by("-n", "name")
    sectors = Sector.objects.annotate(
        n=Count("actors", filter=Q(actors__status=Actor.Status.PUBLISHED))
    ).order_by("-n", "position", "name")
    kinds = dict(published.order_by().values_list("kind").annotate(n=Count("pk")))
    quarters = _quarter_counts(published, period)
    count, open_, stale = totals["total"], totals["open"], totals["stale"]
    return [
        Table(
            "aktorer-nokkeltall",
            _("Aktører i katalogen nå"),
            _(
                "Publiserte aktører, hvor mange som er åpne for samarbeid, og hvor mange "
                "profiler eieren ikke har oppdatert eller bekreftet på %(months)d måneder "
                "(de samme som får påminnelse)."
            )
            % {"months": settings.RETENTION["profile_reminder_after_months"]},
            [_("Tall"), _("Antall"), _("Andel (%)")],
            [
                [_("Publiserte aktører"), count, share(count, count)],
                [_("Åpne for samarbeid"), open_, share(open_, count)],
                [_("Ikke oppdatert eller bekreftet"), stale, share(stale, count)],
            ],
            percent_columns=(2,),
        ),
        Table(
            "aktorer-kommune",
            _("Aktører per kommune"),
            _("Publiserte aktører etter kommunen de hører til."),
            [_("Kommune"), _("Aktører")],
            [[m.name, m.n] for m in municipalities],
        ),
        Table(
            "aktorer-bransje",
            _("Aktører per bransje"),
            _("Publiserte aktører etter bransje. En aktør kan ha flere bransjer."),
            [_("Bransje"), _("Aktører")],
            [[s.name, s.n] for s in sectors],
        ),
        Table(
            "aktorer-type",
            _("Aktører per type"),
            _("Publiserte aktører etter type aktør."),
            [_("Type"), _("Aktører")],
            sorted(
                ([str(label), kinds.get(value, 0)] for value, label in Actor.Kind.choices),
                key=lambda row: -row[1],
            ),
        ),
        Table(
            "nye-profiler",
            _("Nye profiler per kvartal"),
            _("Profiler som ble publisert for første gang i perioden, per kvartal."),
            [_("Kvartal"), _("Nye profiler")],
            [[_("%(q)d. kvartal %(y)d") % {"q": q, "y": y}, n] for (y, q), n in quarters.items()],
        ),
    ]


def _quarter_counts(published, period: Period) -> dict[tuple[int, int], int]:
    """Every quarter of the period, including those with no new profiles."""
    rows = (
        published.filter(published_at__gte=period.start, published_at__lt=period.end)
        .order_by()
        .annotate(y=ExtractYear("published_at"), q=ExtractQuarter("published_at"))
        .values("y", "q")
        .annotate(n=Count("pk"))
    )
    counts = {(row["y"], row["q"]): row["n"] for row in rows}
    quarters: dict[tuple[int, int], int] = {}
    y, q = period.first.year, (period.first.month - 1) // 3 + 1
    while (y, q) <= (period.last.year, (period.last.month - 1) // 3 + 1):
        quarters[(y, q)] = counts.get((y, q), 0)
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return quarters


@dataclass
class EventRow:
    event: Event
    confirmed: int  # registered beforehand and given a seat
    waiting: int
    attended: int  # everyone checked in, walk-ins included
    came: int  # of the confirmed, those who came
    walk_ins: int
    by_municipality: Counter

    @property
    def no_show_rate(self) -> float | None:
        return share(self.confirmed - self.came, self.confirmed)


def held_events(period: Period, now) -> list[EventRow]:
    """The events held in the period, with their counts (two queries)."""
    status = Registration.Status
    events = (
        Event.objects.filter(
            status=Event.Status.PUBLISHED,
            starts_at__gte=period.start,
            starts_at__lt=period.end,
            ends_at__lt=now,
        )
        .select_related("municipality")
        .annotate(
            confirmed_n=Count(
                "registrations",
                filter=Q(registrations__status=status.CONFIRMED, registrations__walk_in=False),
            ),
            came_n=Count(
                "registrations",
                filter=Q(
                    registrations__status=status.CONFIRMED,
                    registrations__walk_in=False,
                    registrations__attended=True,
                ),
            ),
            walk_in_n=Count(
                "registrations",
                filter=Q(registrations__walk_in=True, registrations__attended=True)
                & ~Q(registrations__status=status.CANCELLED),
            ),
            waiting_n=Count("registrations", filter=Q(registrations__status=status.WAITING)),
            attended_n=Count(
                "registrations",
                filter=Q(registrations__attended=True) & ~Q(registrations__status=status.CANCELLED),
            ),
        )
        .order_by("starts_at", "pk")
    )
    events = list(events)
    per_event: dict[int, Counter] = defaultdict(Counter)
    participants = (
        Registration.objects.filter(event__in=[e.pk for e in events], attended=True)
        .exclude(status=status.CANCELLED)
        .order_by()
        .values_list("event_id", "municipality_id")
        .annotate(n=Count("pk"))
    )
    for event_id, municipality_id, n in participants:
        per_event[event_id][municipality_id] += n
    return [
        EventRow(
            e, e.confirmed_n, e.waiting_n, e.attended_n, e.came_n, e.walk_in_n, per_event[e.pk]
        )
        for e in events
    ]


def event_tables(period: Period, now) -> tuple[list[Table], dict]:
    rows = held_events(period, now)
    municipalities = {m.pk: m for m in Municipality.objects.order_by("name")}
    per_event = Table(
        "arrangementer",
        _("Arrangementer som er holdt"),
        _(
            "Møtt per arrangement. Tabellen viser også påmeldte, venteliste, andel som "
            "ikke møtte, hvor mange kommuner deltakerne kom fra, og andelen fra andre "
            "kommuner enn vertskommunen og fra utenfor Øvre Romerike."
        ),
        [
            _("Arrangement"),
            _("Møtt"),
            _("Dato"),
            _("Vertskommune"),
            _("Påmeldt"),
            _("Venteliste"),
            _("Ikke møtt (%)"),
            _("Kommuner representert"),
            _("Fra andre kommuner enn vertskommunen (%)"),
            _("Fra utenfor Øvre Romerike (%)"),
            _("Uten påmelding"),
        ],
        percent_columns=(6, 8, 9),
    )
    outside_host = outside_region = known_total = 0
    for row in rows:
        known = {m: n for m, n in row.by_municipality.items() if m is not None}
        known_n = sum(known.values())
        host = row.event.municipality_id
        away = sum(n for m, n in known.items() if m != host) if host else 0
        abroad = sum(n for m, n in known.items() if not municipalities[m].in_region)
        outside_host, outside_region = outside_host + away, outside_region + abroad
        known_total += known_n
        per_event.rows.append(
            [
                row.event.title,
                row.attended,
                formats.date_format(timezone.localtime(row.event.starts_at), "SHORT_DATE_FORMAT"),
                row.event.municipality.name if row.event.municipality else "–",
                row.confirmed,
                row.waiting,
                row.no_show_rate,
                len(known),
                share(away, known_n) if host else None,
                share(abroad, known_n),
                row.walk_ins,
            ]
        )
    totals = {
        "events": len(rows),
        "confirmed": sum(r.confirmed for r in rows),
        "attended": sum(r.attended for r in rows),
        "walk_ins": sum(r.walk_ins for r in rows),
        "no_show": share(sum(r.confirmed - r.came for r in rows), sum(r.confirmed for r in rows)),
        "outside_host": share(outside_host, known_total),
        "outside_region": share(outside_region, known_total),
    }
    return [per_event, *_municipality_tables(rows, municipalities)], totals


def _municipality_tables(rows: list[EventRow], municipalities: dict) -> list[Table]:
    total: Counter = Counter()
    for row in rows:
        total.update(row.by_municipality)
    names = [(pk, m.name) for pk, m in municipalities.items()]
    if total.get(None) or any(r.by_municipality.get(None) for r in rows):
        names.append((None, _("Ukjent")))
    overall = Table(
        "deltakere-kommune",
        _("Deltakere per hjemkommune, alle arrangementer"),
        _("Hvor deltakerne på arrangementene i perioden bor, alle arrangementer sammen."),
        [_("Hjemkommune"), _("Deltakere")],
        sorted(([name, total.get(pk, 0)] for pk, name in names), key=lambda r: -r[1]),
    )
    matrix = Table(
        "deltakere-kommune-arrangement",
        _("Deltakere per hjemkommune og arrangement"),
        _("Hvor deltakerne på hvert arrangement bor."),
        [_("Hjemkommune"), *[r.event.title for r in rows], _("Totalt")],
        [
            [name, *[r.by_municipality.get(pk, 0) for r in rows], total.get(pk, 0)]
            for pk, name in names
        ],
        chart_column=None,
    )
    return [overall, matrix]


def opportunity_tables(period: Period) -> tuple[list[Table], dict]:
    """Opportunities posted in the period, answered and leading to contact (one query)."""
    answers = Answer.objects.filter(opportunity=OuterRef("pk"))
    per_kind = {
        row["kind"]: row
        for row in Opportunity.objects.filter(
            hidden=False, created_at__gte=period.start, created_at__lt=period.end
        )
        .order_by()
        .values("kind")
        .annotate(
            posted=Count("pk"),
            answered=Count("pk", filter=Q(Exists(answers))),
            quick=Count(
                "pk",
                filter=Q(
                    Exists(answers.filter(created_at__lte=OuterRef("created_at") + ANSWER_WITHIN))
                ),
            ),
            contact=Count(
                "pk",
                filter=Q(filled=True) | Q(Exists(answers.filter(contacted_at__isnull=False))),
            ),
        )
    }
    empty = {"posted": 0, "answered": 0, "quick": 0, "contact": 0}
    kinds = [(str(label), per_kind.get(value, empty)) for value, label in Opportunity.Kind.choices]
    totals = {key: sum(row[key] for _label, row in kinds) for key in empty}
    posted = totals["posted"]
    totals |= {
        "answered_share": share(totals["answered"], posted),
        "quick_share": share(totals["quick"], posted),
        "contact_share": share(totals["contact"], posted),
    }
    key_figures = Table(
        "samarbeid-nokkeltall",
        _("Muligheter lagt ut i perioden"),
        _(
            "Muligheter lagt ut på Samarbeidstorget i perioden, hvor mange som fikk svar, "
            "hvor mange som fikk svar innen to uker, og hvor mange som førte til kontakt "
            "(et svar merket «Tatt kontakt», eller muligheten lukket som «fikk treff»)."
        ),
        [_("Tall"), _("Antall"), _("Andel (%)")],
        [
            [_("Lagt ut"), posted, share(posted, posted)],
            [_("Besvart"), totals["answered"], totals["answered_share"]],
            [_("Besvart innen to uker"), totals["quick"], totals["quick_share"]],
            [_("Førte til kontakt"), totals["contact"], totals["contact_share"]],
        ],
        percent_columns=(2,),
    )
    by_kind = Table(
        "samarbeid-type",
        _("Muligheter per type"),
        _("Muligheter lagt ut i perioden etter type, med andelen besvart og ført til kontakt."),
        [
            _("Type"),
            _("Lagt ut"),
            _("Besvart"),
            _("Besvart innen to uker (%)"),
            _("Førte til kontakt (%)"),
        ],
        sorted(
            (
                [
                    label,
                    row["posted"],
                    row["answered"],
                    share(row["quick"], row["posted"]),
                    share(row["contact"], row["posted"]),
                ]
                for label, row in kinds
            ),
            key=lambda r: -r[1],
        ),
        percent_columns=(3, 4),
    )
    return [key_figures, by_kind], totals


def compute(period: Period, now=None) -> dict:
    """Every table of the statistics page for this period."""
    now = now or timezone.now()
    events, event_totals = event_tables(period, now)
    opportunities, opportunity_totals = opportunity_tables(period)
    return {
        "actors": actor_tables(period, now),
        "events": events,
        "event_totals": event_totals,
        "opportunities": opportunities,
        "opportunity_totals": opportunity_totals,
    }
