"""Facet counts with django-filter: the rule the directory and Samarbeidstorget share.

A facet count answers "how many results would I get if I ticked this too?": each
group is counted with every *other* active filter applied, in one aggregated query,
so a page costs the same number of queries whatever the data. Within a group ticked
options are alternatives (Eidsvoll *or* Nes); groups combine (Eidsvoll or Nes, *and*
music).

Groups that are columns of the listed rows (municipality, kind, a yes/no flag, or an
annotation such as "has open opportunities") are all counted by one GROUP BY over
those columns (`count_columns`): a few hundred rows at most, added up in Python for
each group with the other groups' choices applied. A many-to-many group (sectors)
needs a query of its own (`count_related`).

What this module does not do: decide which options a group offers, or what a
ticked option means for the rows; each filter set says that itself.
"""

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import django_filters
from django.db.models import Count, Model, QuerySet


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list[FacetOption]


@dataclass(frozen=True)
class Facets:
    """The filter groups with their counts, and the number of results."""

    groups: list[FacetGroup]
    result_count: int


def _same(value: Any) -> tuple:
    return (value,)


def flag(value: Any) -> tuple:
    """A yes/no column: a row counts for the option `True` only when the flag is set."""
    return (True,) if value else ()


@dataclass(frozen=True)
class Column:
    """A filter group that is one column (or annotation) of the rows listed.

    `keys` gives the options a row with this value counts for and is listed under:
    usually just the value; a flag counts only when set (`flag`); an opportunity for
    the whole region counts for every municipality in it.
    """

    name: str
    column: str
    keys: Callable[[Any], Iterable[Hashable]] = _same


@dataclass
class ColumnCounts:
    by_group: dict[str, dict[Hashable, int]] = field(default_factory=dict)
    results: int = 0

    def get(self, group: str, key: Hashable) -> int:
        return self.by_group.get(group, {}).get(key, 0)


def count_columns(
    queryset: QuerySet, columns: Sequence[Column], chosen: Mapping[str, Collection[Hashable]]
) -> ColumnCounts:
    """Every option's count in every column group, and the number of results: one query.

    `queryset` has every filter applied except these groups'; `chosen` holds each
    group's ticked keys (empty: not filtered).
    """
    rows = queryset.order_by().values_list(*(c.column for c in columns)).annotate(n=Count("pk"))
    counts = ColumnCounts(by_group={c.name: {} for c in columns})
    for *values, n in rows:
        keys = [set(c.keys(value)) for c, value in zip(columns, values, strict=True)]
        passes = [
            not chosen.get(c.name) or bool(k & set(chosen[c.name]))
            for c, k in zip(columns, keys, strict=True)
        ]
        failing = passes.count(False)
        if failing == 0:
            counts.results += n
        for column, row_keys, passed in zip(columns, keys, passes, strict=True):
            # A group's own choice is left out of its counts; every other one applies.
            if failing == 0 or (failing == 1 and not passed):
                group = counts.by_group[column.name]
                for key in row_keys:
                    group[key] = group.get(key, 0) + n
    return counts


def count_related(
    through: type[Model], owner: str, key: str, rows: QuerySet
) -> dict[Hashable, int]:
    """A many-to-many group's counts (through table rows of `rows`, by `key`): one query."""
    return dict(
        through._default_manager.filter(**{f"{owner}__in": rows})
        .order_by()
        .values_list(key)
        .annotate(n=Count(owner))
    )


class FacetFilterSet(django_filters.FilterSet):
    """A FilterSet whose input is read once, leniently, and filtered group by group."""

    @property
    def cleaned(self) -> dict:
        """The valid part of the input; an invalid value (?kommune=oslo) is ignored."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def filtered_except(self, *skipped: str) -> QuerySet:
        """The rows with every active filter applied but the `skipped` groups'."""
        queryset = self.queryset.all()
        for name, value in self.cleaned.items():
            if name not in skipped:
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()
