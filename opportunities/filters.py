"""Samarbeidstorget's filters: kind, sector, municipality with counts, and a plain text search.

The counts follow the directory's rule (portal/facets.py). One rule of our own: an
opportunity for the whole of Øvre Romerike (no municipality) concerns every
municipality in the region, so it is listed under each of them and counted in each
of their counts (ticking "Nes" shows Nes's own and the region-wide ones). It is not
listed under a neighbour outside the region that a coordinator may have added. The
municipality counts can therefore add up to more than the number of results.

The search is a plain "every word somewhere in the title, the description or the
poster's name" (case-insensitive; on SQLite only for ASCII letters): the board holds
hundreds of entries, not the directory's thousands, and needs no ranking.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from actors.models import Municipality, Sector
from opportunities.models import Opportunity
from portal.facets import (
    Column,
    FacetFilterSet,
    FacetGroup,
    FacetOption,
    Facets,
    count_columns,
    count_related,
)

FACET_GROUPS = ("type", "bransje", "kommune")
# Every parameter that changes what the list shows (the shared fragment's key, the feed).
LIST_STATE = ("q", *FACET_GROUPS, "side")
MAX_SEARCH_WORDS = 8


class OpportunityFilter(FacetFilterSet):
    q = django_filters.CharFilter(
        label=_("Søk"),
        method="filter_search",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        field_name="kind",
        choices=Opportunity.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    bransje = django_filters.MultipleChoiceFilter(
        label=_("Bransje"), method="filter_sector", widget=forms.CheckboxSelectMultiple
    )
    kommune = django_filters.MultipleChoiceFilter(
        label=_("Kommune"), method="filter_municipality", widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Opportunity
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Two small queries per page, whatever is ticked: the options and their labels.
        self.municipalities = list(Municipality.objects.places().order_by("-in_region", "name"))
        self.sectors = list(Sector.objects.all())
        self.region_ids = {m.pk for m in self.municipalities if m.in_region}
        self.filters["kommune"].extra["choices"] = [(m.slug, m.name) for m in self.municipalities]
        self.filters["bransje"].extra["choices"] = [(s.slug, s.name) for s in self.sectors]

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:MAX_SEARCH_WORDS]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(actor__name__icontains=word)
            )
        return queryset

    def filter_sector(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        ids = [s.pk for s in self.sectors if s.slug in value]
        # EXISTS instead of a join: an opportunity in two ticked sectors is listed once.
        through = Opportunity.sectors.through.objects.filter(
            opportunity_id=OuterRef("pk"), sector_id__in=ids
        )
        return queryset.filter(Exists(through))

    def filter_municipality(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        ids = self._municipality_ids(value)
        region_wide = Q(municipality__isnull=True) if ids & self.region_ids else Q(pk__in=[])
        return queryset.filter(Q(municipality_id__in=ids) | region_wide)

    def _municipality_ids(self, slugs) -> set[int]:
        return {m.pk for m in self.municipalities if m.slug in (slugs or [])}

    def _municipality_keys(self, municipality_id: int | None) -> tuple:
        """The municipality options a row counts for: its own, or every one in the region."""
        return (municipality_id,) if municipality_id is not None else tuple(self.region_ids)

    # Results and facets.

    @property
    def query(self) -> str:
        return (self.cleaned.get("q") or "").strip()

    @property
    def active_count(self) -> int:
        return sum(len(self.cleaned.get(name) or []) for name in FACET_GROUPS)

    @property
    def has_filters(self) -> bool:
        return self.active_count > 0

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Featured ones first (coordinators choose them), then the newest.
        return super().filter_queryset(queryset).order_by("-featured", "-created_at", "-id")

    def facets(self) -> Facets:
        """Every option of every group with its count, and the number of results: two queries."""
        cleaned = self.cleaned
        chosen = {name: cleaned.get(name) or [] for name in FACET_GROUPS}
        columns = (
            Column("type", "kind"),
            Column("kommune", "municipality_id", self._municipality_keys),
        )
        counts = count_columns(
            self.filtered_except("type", "kommune"),
            columns,
            {"type": set(chosen["type"]), "kommune": self._municipality_ids(chosen["kommune"])},
        )
        by_sector = count_related(
            Opportunity.sectors.through,
            "opportunity_id",
            "sector_id",
            self.filtered_except("bransje"),
        )
        groups = [
            FacetGroup(
                "type",
                str(self.filters["type"].label),
                [
                    FacetOption(
                        value, str(label), counts.get("type", value), value in chosen["type"]
                    )
                    for value, label in Opportunity.Kind.choices
                ],
            ),
            FacetGroup(
                "bransje",
                str(self.filters["bransje"].label),
                [
                    FacetOption(s.slug, s.name, by_sector.get(s.pk, 0), s.slug in chosen["bransje"])
                    for s in self.sectors
                ],
            ),
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
        ]
        return Facets(groups=groups, result_count=counts.results)
