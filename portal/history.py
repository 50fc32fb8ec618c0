"""Change history of actors, events and registrations (django-simple-history).

Who changed what and when, for the coordinators' reporting and for restoring an
earlier version in the admin. Three things are added to the library's defaults:

- a save that changes nothing the history tracks (only `updated_at` or the search
  document) writes no record, so the admin's history lists only real changes;
- a many-to-many change (an actor's sectors, saved by the form after the actor
  itself) is folded into the record of the save that came just before it on the same
  object, instead of adding one record for the removal and one for the addition;
- record_bulk_change() writes the records that a queryset `.update()` (the admin's
  bulk actions) would otherwise skip, one INSERT for all of them.

The user is the logged-in coordinator or member (HistoryRequestMiddleware).
"""

from collections.abc import Iterable

from django.db import models
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_field_name

_LAST_RECORD = "_portal_history_record"


class PortalHistoricalRecords(HistoricalRecords):
    def create_historical_record(self, instance, history_type, using=None) -> None:
        manager = getattr(instance, self.manager_name)
        latest = manager.order_by("-history_date", "-history_id").first()
        if history_type == "~" and latest is not None and not self._differs(instance, latest):
            return
        super().create_historical_record(instance, history_type, using=using)
        setattr(instance, _LAST_RECORD, manager.order_by("-history_date", "-history_id").first())

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs) -> None:
        record = getattr(instance, _LAST_RECORD, None)
        if reverse or action not in ("post_add", "post_remove", "post_clear"):
            return
        if record is None:
            super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
            return
        # The same object was just saved (or changed): renew that record's snapshot.
        for field in record._history_m2m_fields:
            self.m2m_models[field].objects.filter(history=record).delete()
        self.create_historical_record_m2ms(record, instance)

    def _differs(self, instance, latest) -> bool:
        for field in latest.tracked_fields:
            if getattr(instance, field.attname) != getattr(latest, field.attname):
                return True
        for field in latest._history_m2m_fields:
            name = get_m2m_field_name(field)
            target = field.m2m_reverse_field_name()
            current = set(
                field.remote_field.through.objects.filter(**{name: instance}).values_list(
                    target, flat=True
                )
            )
            recorded = set(getattr(latest, field.name).values_list(target, flat=True))
            if current != recorded:
                return True
        return False


def record_bulk_change(model: type[models.Model], pks: Iterable[int], reason: str = "") -> None:
    """Write a history record for each of these objects as they are now in the database.

    For changes made with `.update()`, which sends no signals. A constant number of
    queries: the objects, one INSERT, and per many-to-many field one read and one INSERT.
    """
    objects = list(model.objects.filter(pk__in=list(pks)).order_by())
    if not objects:
        return
    history = model.history
    records = history.bulk_history_create(objects, update=True, default_change_reason=reason)
    by_pk = {record.id: record for record in records}
    for field, m2m_model in HistoricalRecords.m2m_models.items():
        if field.model is not model:
            continue
        through = field.remote_field.through
        name = get_m2m_field_name(field)
        rows = through.objects.filter(**{f"{name}__in": by_pk}).order_by()
        columns = [f.attname for f in through._meta.fields]
        m2m_model.objects.bulk_create(
            m2m_model(history=by_pk[getattr(row, f"{name}_id")], **_values(row, columns))
            for row in rows
        )


def _values(row, columns: list[str]) -> dict:
    return {column: getattr(row, column) for column in columns}


def history_for(verbose_name, **options) -> PortalHistoricalRecords:
    """The history manager of a model, with a Norwegian name in the admin's permissions."""
    from django.utils.text import format_lazy
    from django.utils.translation import gettext_lazy as _

    return PortalHistoricalRecords(
        verbose_name=format_lazy(_("historikk: {}"), verbose_name),
        verbose_name_plural=format_lazy(_("historikk: {}"), verbose_name),
        **options,
    )
