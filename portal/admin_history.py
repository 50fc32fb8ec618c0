"""The admin's history page and "restore this version" (see portal/history.py)."""

from django.utils import formats, timezone
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import SIMPLE_HISTORY_REVERSE_ATTR_NAME


def _record_of(obj):
    return getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) if obj is not None else None


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin that also restores many-to-many fields and says what was restored.

    The library's restore form shows the old version's own fields but the object's
    current many-to-many values (an actor's sectors); here the form starts from the
    sectors recorded with that version.
    """

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        record = _record_of(obj)
        if record is None or not record._history_m2m_fields:
            return form_class
        recorded = {
            field.name: list(
                getattr(record, field.name).values_list(field.m2m_reverse_field_name(), flat=True)
            )
            for field in record._history_m2m_fields
        }

        class RestoreForm(form_class):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, **form_kwargs)
                self.initial.update(recorded)

        return RestoreForm

    def save_model(self, request, obj, form, change) -> None:
        if record := _record_of(obj):
            when = formats.date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
            obj._change_reason = gettext("Gjenopprettet versjonen fra %(when)s") % {"when": when}
        super().save_model(request, obj, form, change)
