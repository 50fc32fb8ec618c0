"""The coordinators' spreadsheet import and actor list in a real browser, at 1280 and 390 px."""

import io
import os

import pytest
from openpyxl import Workbook

from actors import demo as actor_demo
from actors.models import Actor
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_statistics import log_in_as_coordinator
from tests.factories import ensure_seeded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOT_DIR")  # set to look at the pages


def shoot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def spreadsheet(path) -> str:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Navn", "Type", "Kommune", "Bransjer", "Kort presentasjon", "Organisasjonsnummer"]
    )
    sheet.append(
        ["Kløfta kammerkor", "Organisasjon eller forening", "Kløfta", "Musikk", "Vi synger."]
    )
    sheet.append(
        ["Råholt revy", "Organisasjon eller forening", "Råholt", "Scenekunst", "Revy.", ""]
    )
    sheet.append(["Feil nummer AS", "Bedrift", "Årnes", "Design", "Tekst.", "988077918"])
    sheet.append(["Ukjent sted", "Bedrift", "Drammen", "Strikking", "Tekst.", ""])
    file = path / "aktorer.xlsx"
    workbook.save(file)
    return str(file)


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_import_preview_lists_errors_then_imports_the_good_rows(
    request, live_server, fixture, tmp_path
):
    page = request.getfixturevalue(fixture)
    ensure_seeded()
    log_in_as_coordinator(page, live_server)
    width = "1280" if fixture == "page" else "390"

    page.goto(live_server.url + "/admin/actors/actor/import/")
    assert_no_axe_violations(page)
    shoot(page, f"import-upload-{width}")
    page.get_by_label("Regneark (.xlsx eller .csv)").set_input_files(spreadsheet(tmp_path))
    page.get_by_role("button", name="Vis hva som blir importert").click()

    page.get_by_role("heading", name="Rader med feil").wait_for()
    assert "Ukjent kommune «Drammen»" in page.content()
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, f"import-preview-{width}")
    page.get_by_role("button", name="Importer bare radene uten feil").click()

    page.get_by_text("Importert: 2 nye aktører, 0 endret.").wait_for()
    assert sorted(Actor.objects.values_list("name", flat=True)) == [
        "Kløfta kammerkor",
        "Råholt revy",
    ]


def test_actor_list_in_the_admin_has_no_sideways_scroll_at_1280(page, live_server):
    ensure_seeded()
    actor_demo.seed(stdout=io.StringIO())
    log_in_as_coordinator(page, live_server)

    page.goto(live_server.url + "/admin/actors/actor/")

    shoot(page, "actor-list-1280")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
