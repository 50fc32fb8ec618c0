"""The directory's filters, search, sorting and facet counts (django-filter).

The facet counts follow the rule in portal/facets.py (shared with Samarbeidstorget):
each group counted with every *other* active filter applied, one aggregated query
per group; ticked options within a group are alternatives, groups combine.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from actors import search
from actors.models import Actor, Municipality, Sector
from opportunities.querysets import open_opportunities_exist
from portal.facets import (
    Column,
    ColumnCounts,
    FacetFilterSet,
    FacetGroup,
    FacetOption,
    Facets,
    count_columns,
    count_related,
    flag,
)

SORT_RELEVANCE = "relevans"
SORT_NAME = "navn"
SORT_NEWEST = "nyeste"
SORT_UPDATED = "oppdatert"
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Mest relevant")),
    (SORT_NAME, _("Navn (A–Å)")),
    (SORT_NEWEST, _("Nyeste først")),
    (SORT_UPDATED, _("Sist oppdatert")),
]
ORDERINGS = {
    SORT_NAME: ["name", "pk"],
    SORT_NEWEST: ["-published_at", "-pk"],
    SORT_UPDATED: ["-updated_at", "-pk"],
}
FACET_GROUPS = ("kommune", "bransje", "type")
# The yes/no filters of the "Egenskaper" group: GET name → column (or annotation).
FLAG_FILTERS = {
    "samarbeid": "open_for_collaboration",
    "booking": "available_for_hire",
    "muligheter": "has_open_opportunities",
}
COLUMNS = (
    Column("kommune", "municipality_id"),
    Column("type", "kind"),
    *(Column(name, column, flag) for name, column in FLAG_FILTERS.items()),
)

__all__ = ["ActorFilter", "FacetGroup", "FacetOption", "Facets"]


def _open_opportunities() -> Exists:
    return open_opportunities_exist(actor_id="pk")


class ActorFilter(FacetFilterSet):
    q = django_filters.CharFilter(
        label=_("Søk"), method="filter_search", widget=forms.TextInput(attrs={"type": "search"})
    )
    kommune = django_filters.MultipleChoiceFilter(
        label=_("Kommune"), method="filter_municipality", widget=forms.CheckboxSelectMultiple
    )
    bransje = django_filters.MultipleChoiceFilter(
        label=_("Bransje"), method="filter_sector", widget=forms.CheckboxSelectMultiple
    )
    type = django_filters.MultipleChoiceFilter(
        label=_("Type aktør"),
        field_name="kind",
        choices=Actor.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    samarbeid = django_filters.BooleanFilter(
        label=_("Åpen for samarbeid"), method="filter_flag", widget=forms.CheckboxInput
    )
    booking = django_filters.BooleanFilter(
        label=_("Kan leies inn eller bookes"), method="filter_flag", widget=forms.CheckboxInput
    )
    muligheter = django_filters.BooleanFilter(
        label=_("Har åpne muligheter"), method="filter_flag", widget=forms.CheckboxInput
    )
    sortering = django_filters.ChoiceFilter(
        label=_("Sorter etter"), choices=SORT_CHOICES, method="filter_nothing", empty_label=None
    )

    class Meta:
        model = Actor
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._parsed: search.ParsedQuery | None = None
        self._places_applied = False
        # Two small queries per page, whatever is ticked: the options and their labels.
        self.municipalities = list(Municipality.objects.places().order_by("-in_region", "name"))
        self.sectors = list(Sector.objects.all())
        self.filters["kommune"].extra["choices"] = [(m.slug, m.name) for m in self.municipalities]
        self.filters["bransje"].extra["choices"] = [(s.slug, str(s)) for s in self.sectors]

    # Filter methods: each narrows the queryset and nothing else.

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The places in it are a municipality filter (see `cleaned`); the words here.
        return search.search(queryset, self.parsed)

    def filter_municipality(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        ids = [m.pk for m in self.municipalities if m.slug in value]
        return queryset.filter(municipality_id__in=ids)

    def filter_sector(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        ids = [s.pk for s in self.sectors if s.slug in value]
        # EXISTS instead of a join: an actor in two ticked sectors is listed once.
        through = Actor.sectors.through.objects.filter(actor_id=OuterRef("pk"), sector_id__in=ids)
        return queryset.filter(Exists(through))

    def filter_flag(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        # An unticked box means "don't care", not "only those that are not".
        if not value:
            return queryset
        if name == "muligheter":
            return queryset.filter(_open_opportunities())
        return queryset.filter(**{FLAG_FILTERS[name]: True})

    def filter_nothing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # sorting is applied in filter_queryset(), after every filter

    # Results, sorting, facets.

    @property
    def cleaned(self) -> dict:
        """The valid part of the input; an invalid value (?kommune=oslo) is ignored.

        Places named in the search box are added to the ticked municipalities here,
        once, so filtering, facet counts and the ticked boxes all follow them.
        """
        if not self.is_bound:
            return {}
        self.form.is_valid()
        data = self.form.cleaned_data
        if not self._places_applied:
            self._places_applied = True
            self.ticked_municipalities = list(data.get("kommune") or [])
            if data.get("q") and self.parsed.places:
                data["kommune"] = list(
                    dict.fromkeys(self.ticked_municipalities + self.parsed.municipalities)
                )
        return data

    @property
    def parsed(self) -> search.ParsedQuery:
        """The search read once: three queries filter by it (two facet counts, the page)."""
        if self._parsed is None:
            raw = ""
            if self.is_bound:
                self.form.is_valid()  # an invalid other field leaves the search valid
                raw = self.form.cleaned_data.get("q") or ""
            self._parsed = search.parse(raw)
        return self._parsed

    @property
    def query(self) -> str:
        return (self.cleaned.get("q") or "").strip()

    @property
    def sort(self) -> str:
        """The chosen order; without a choice, relevance while searching, else by name."""
        chosen = self.cleaned.get("sortering")
        if chosen == SORT_RELEVANCE and not self.query:
            chosen = None
        return chosen or (SORT_RELEVANCE if self.query else SORT_NAME)

    @property
    def _chosen_sort(self) -> str:
        chosen = self.cleaned.get("sortering") or ""
        return "" if chosen == SORT_RELEVANCE and not self.query else chosen

    @property
    def sort_choices(self) -> list[tuple[str, str]]:
        """The sort menu. Its first option is the default order and has no value unless
        the visitor chose it, so a search from a page in the default order is ranked;
        only an order the visitor chose is sent on."""
        default = SORT_RELEVANCE if self.query else SORT_NAME
        first = self._chosen_sort if self._chosen_sort == default else ""
        labels = dict(SORT_CHOICES)
        others = [(v, lbl) for v, lbl in SORT_CHOICES if v not in (default, SORT_RELEVANCE)]
        return [(first, labels[default]), *others]

    @property
    def sort_value(self) -> str:
        """The menu's selected value."""
        return self._chosen_sort

    @property
    def has_filters(self) -> bool:
        return self.active_count > 0

    @property
    def active_count(self) -> int:
        """How many options are ticked, shown on the (folded) filter panel."""
        return sum(len(self.cleaned.get(name) or []) for name in FACET_GROUPS) + sum(
            1 for name in FLAG_FILTERS if self.cleaned.get(name)
        )

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        self.cleaned  # noqa: B018 (adds the places of the search to the municipalities)
        queryset = super().filter_queryset(queryset)
        if self.sort == SORT_RELEVANCE:
            return search.rank(queryset, self.parsed).order_by("-relevance", "name", "pk")
        return queryset.order_by(*ORDERINGS[self.sort])

    def partial_matches(self, limit: int) -> list:
        """When nothing matches every word: the actors matching most of the words and
        places of the search, within the filters ticked (not the search's places)."""
        parsed = self.parsed
        if parsed.parts < 2:
            return []
        queryset = self.queryset.all()
        for name, value in self.cleaned.items():
            if name != "q":
                value = self.ticked_municipalities if name == "kommune" else value
                queryset = self.filters[name].filter(queryset, value)
        ranked = search.rank(search.search_any(queryset, parsed), parsed, partial=True)
        return list(ranked.order_by("-relevance", "name", "pk").for_cards()[:limit])

    def facets(self) -> Facets:
        """Every option of every group with its count, and the number of results: two queries.

        The number of results comes from the same rows as the counts, so the view
        hands it to the paginator instead of counting again.
        """
        cleaned = self.cleaned
        counts = self._column_counts()
        by_sector = self._sector_counts()
        chosen = {name: cleaned.get(name) or [] for name in FACET_GROUPS}
        groups = [
            FacetGroup(
                "kommune",
                str(self.filters["kommune"].label),
                [
                    FacetOption(
                        m.slug, m.name, counts.get("kommune", m.pk), m.slug in chosen["kommune"]
                    )
                    for m in self.municipalities
                ],
            ),
            FacetGroup(
                "bransje",
                str(self.filters["bransje"].label),
                [
                    FacetOption(s.slug, str(s), by_sector.get(s.pk, 0), s.slug in chosen["bransje"])
                    for s in self.sectors
                ],
            ),
            FacetGroup(
                "type",
                str(self.filters["type"].label),
                [
                    FacetOption(
                        value, str(label), counts.get("type", value), value in chosen["type"]
                    )
                    for value, label in Actor.Kind.choices
                ],
            ),
            FacetGroup(
                "egenskaper",
                str(_("Egenskaper")),
                [
                    FacetOption(
                        name,
                        str(self.filters[name].label),
                        counts.get(name, True),
                        bool(cleaned.get(name)),
                    )
                    for name in FLAG_FILTERS
                ],
            ),
        ]
        return Facets(groups=groups, result_count=counts.results)

    def _sector_counts(self) -> dict:
        """Sector id → results in it, the other filters applied (many-to-many: its own query)."""
        return count_related(
            Actor.sectors.through, "actor_id", "sector_id", self.filtered_except("bransje")
        )

    def _column_counts(self) -> ColumnCounts:
        """Municipality, kind and the flags: one GROUP BY over them (portal/facets.py)."""
        cleaned = self.cleaned
        chosen = {
            "kommune": {
                m.pk for m in self.municipalities if m.slug in (cleaned.get("kommune") or [])
            },
            "type": set(cleaned.get("type") or []),
            **{name: {True} if cleaned.get(name) else set() for name in FLAG_FILTERS},
        }
        rows = self.filtered_except("kommune", "type", *FLAG_FILTERS).annotate(
            has_open_opportunities=_open_opportunities()
        )
        return count_columns(rows, COLUMNS, chosen)
