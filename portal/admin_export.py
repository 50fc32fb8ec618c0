"""Export of any filtered admin list to CSV or XLSX, through the one exporter (portal/exports.py).

The change list gets two links, "Eksporter listen (CSV)" and "(Excel)", that carry
the list's own query string: the export holds exactly the rows the coordinator is
looking at, with the same filters, search and date drill-down, in every page.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from portal.exports import csv_response, xlsx_response

Column = tuple[str, Callable]


class ExportListMixin:
    change_list_template = "admin/export_change_list.html"
    export_columns: list[Column] = []
    export_filename = "eksport"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_export"
        view = self.admin_site.admin_view(self.export_view)
        return [path("eksport/<str:fmt>/", view, name=name), *super().get_urls()]

    def export_queryset(self, queryset):
        """Room for select_related/prefetch_related for the columns."""
        return queryset

    def export_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        respond = {"csv": csv_response, "xlsx": xlsx_response}.get(fmt)
        if respond is None:
            raise Http404
        changelist = self.get_changelist_instance(request)
        queryset = self.export_queryset(changelist.get_queryset(request))
        header = [str(label) for label, _get in self.export_columns]
        rows = ([get(item) for _label, get in self.export_columns] for item in queryset)
        return respond(self.export_filename, header, rows)
