"""Bad input to the admin is a 404 or a form error, never a 500 (issue 9, defect 10).

Three holes in the admin that the hostile-input test (tests/portal/test_hostile_input.py)
found, closed here for every ModelAdmin of the portal:

- the add page takes initial values from the query string (`?owner=abc`,
  `?starts_at=abc`); an autocomplete widget then queried the database with "abc" and
  a date widget called a method on the string. `get_changeform_initial_data` keeps
  only values the model field accepts, converted.
- a change form sent back with a bad value in an autocomplete field was re-shown by
  querying the database with that value. `SafeAutocomplete*` leave such values out.
- django-otp's device views answered a missing device with DoesNotExist.
"""

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import Http404, HttpRequest


class _SafeAutocompleteMixin:
    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field.model._meta
        # The same field Django's AutocompleteMixin looks the values up by.
        target = remote.get_field(getattr(self.field.remote_field, "field_name", remote.pk.name))
        valid = []
        for item in value:
            try:
                if item not in ("", None):
                    target.to_python(item)
                    valid.append(item)
            except (ValidationError, ValueError, TypeError, OverflowError):
                continue
        return super().optgroups(name, valid, attr)


class SafeAutocompleteSelect(_SafeAutocompleteMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_SafeAutocompleteMixin, AutocompleteSelectMultiple):
    pass


def _converted(model, name: str, value):
    """The value as the model field reads it; raises when it cannot."""
    field = model._meta.get_field(name)
    if field.many_to_many:
        target = field.remote_field.model._meta.pk
        return [target.to_python(item) for item in value]
    if field.is_relation:
        return field.target_field.to_python(value)
    return field.to_python(value)


class HardenedAdminMixin:
    """Mix into every ModelAdmin of the portal (before admin.ModelAdmin)."""

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        initial = super().get_changeform_initial_data(request)
        valid = {}
        for name, value in initial.items():
            try:
                valid[name] = _converted(self.model, name, value)
            except (FieldDoesNotExist, ValidationError, ValueError, TypeError, OverflowError):
                continue
        return valid

    def history_view(self, request, object_id, extra_context=None):
        # django-simple-history's history page looked up "abc" as a primary key.
        try:
            self.model._meta.pk.to_python(object_id)
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None
        return super().history_view(request, object_id, extra_context=extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and type(formfield.widget) is AutocompleteSelect:
            widget = formfield.widget
            formfield.widget = SafeAutocompleteSelect(
                widget.field, widget.admin_site, attrs=widget.attrs, using=widget.db
            )
        return formfield

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and type(formfield.widget) is AutocompleteSelectMultiple:
            widget = formfield.widget
            formfield.widget = SafeAutocompleteSelectMultiple(
                widget.field, widget.admin_site, attrs=widget.attrs, using=widget.db
            )
        return formfield


def harden_registered_admins(site: admin.AdminSite) -> None:
    """Give every registered ModelAdmin (the portal's and third-party ones) the mixin."""
    for model, model_admin in list(site._registry.items()):
        cls = type(model_admin)
        if isinstance(model_admin, HardenedAdminMixin):
            continue
        hardened = type(f"Hardened{cls.__name__}", (HardenedAdminMixin, cls), {})
        if model._meta.label == "otp_totp.TOTPDevice":
            hardened = type(hardened.__name__, (_DeviceViewsMixin, hardened), {})
        site.unregister(model)
        site.register(model, hardened)


class _DeviceViewsMixin:
    def _device_or_404(self, pk) -> None:
        try:
            if not self.model.objects.filter(pk=pk).exists():
                raise Http404
        except OverflowError:
            raise Http404 from None

    def config_view(self, request, pk):
        self._device_or_404(pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        self._device_or_404(pk)
        return super().qrcode_view(request, pk)
