"""Spreadsheet import of actors (CSV and XLSX): read, check, show, and only then write.

The coordinators keep lists of actors in spreadsheets. Three steps, so nothing is
written before a coordinator has seen what will happen:

1. ``read_sheet(upload)`` reads the file into a ``Sheet`` of text cells, or raises
   ``ImportFileError`` with one sentence (wrong type, too big, too many rows,
   unreadable). openpyxl reads XLSX; the csv module reads CSV (semicolon, comma or
   tab; UTF-8, or Windows-1252 as Norwegian Excel saves it).
2. ``check(sheet)`` says for every row whether it makes a new actor, changes the actor
   with the same address name (the export's "Adressenavn"), changes nothing, or what
   is wrong with it, in Norwegian and by column. Each row goes through the admin's own
   ActorForm, so a row is accepted exactly when the admin's form would accept it, with
   the same messages; then through actors/duplicates.py and against the file's other
   rows.
3. ``apply(sheet, ...)`` checks again and writes in one transaction: everything or
   nothing (or, when the coordinator asks, only the rows without errors).

The columns are those of the admin's export (``COLUMNS``), with Norwegian or English
headers, so an exported list imports back with no changes. A column that is not in
the file is left alone on existing actors; an empty cell in a column that is there
empties the field. New actors are published unless the file says otherwise, without
an owner: their owners claim them ("Er dette deg?", actors/claims.py).

Hostile files: a formula is refused, never evaluated or stored (an XLSX formula cell,
or a CSV cell starting with "=" or "@"; the exporter's own apostrophe before such a
value is read back as text); control characters are refused by the model's
validators as in every form; the file's size, its rows and its columns are bounded
before it is read in full, and an XLSX (a zip) also by its unpacked size.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from actors import places
from actors.duplicates import comparable_name, find_duplicates
from actors.forms import ActorForm
from actors.models import RESERVED_SLUGS, Actor, Municipality, Sector
from portal.exports import FORMULA_STARTS
from portal.text import fold

MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # an XLSX is a zip: what it unpacks to
MAX_ROWS = 500  # writing 1,000 rows took ~38 s on a busy 2-core machine: under gunicorn's 30 s
MAX_COLUMNS = 40
# Formatted but empty rows at the end of a sheet: stop looking after this many.
MAX_EMPTY_ROWS = 1000
# Cells a spreadsheet evaluates as a formula. "+" and "-" are not refused: phone
# numbers ("+47 …") and dashes start with them, and the exporter escapes them anyway.
CSV_FORMULA_STARTS = ("=", "@", "＝", "＠")
PAYLOAD_MAX_AGE = 60 * 60  # seconds a preview can be confirmed


def _yes(value: bool) -> str:
    return _("Ja") if value else ""


# (form field, column header, value in the export): the admin export's columns
# (actors/admin.py) and the columns this import reads, in one list.
COLUMNS: list[tuple[str, Promise, Callable[[Actor], Any]]] = [
    ("name", gettext_lazy("Navn"), lambda a: a.name),
    ("slug", gettext_lazy("Adressenavn"), lambda a: a.slug),
    ("kind", gettext_lazy("Type"), lambda a: str(a.get_kind_display())),
    ("status", gettext_lazy("Status"), lambda a: str(a.get_status_display())),
    ("municipality", gettext_lazy("Kommune"), lambda a: a.municipality.name),
    ("sectors", gettext_lazy("Bransjer"), lambda a: ", ".join(s.name for s in a.sectors.all())),
    ("org_number", gettext_lazy("Organisasjonsnummer"), lambda a: a.org_number),
    ("pitch", gettext_lazy("Kort presentasjon"), lambda a: a.pitch),
    ("website", gettext_lazy("Nettside"), lambda a: a.website),
    ("contact_person", gettext_lazy("Kontaktperson"), lambda a: a.contact_person),
    ("email", gettext_lazy("E-post"), lambda a: a.email),
    ("phone", gettext_lazy("Telefon"), lambda a: a.phone),
    ("address", gettext_lazy("Adresse"), lambda a: a.address),
    ("postal_code", gettext_lazy("Postnummer"), lambda a: a.postal_code),
    ("postal_place", gettext_lazy("Poststed"), lambda a: a.postal_place),
    (
        "open_for_collaboration",
        gettext_lazy("Åpen for samarbeid"),
        lambda a: _yes(a.open_for_collaboration),
    ),
    ("available_for_hire", gettext_lazy("Kan leies inn"), lambda a: _yes(a.available_for_hire)),
]
FIELDS = [name for name, _label, _get in COLUMNS]
LABELS = {name: label for name, label, _get in COLUMNS}
BOOLEAN_FIELDS = {"open_for_collaboration", "available_for_hire"}
YES = {"ja", "yes", "j", "y", "x", "1", "true", "sant"}
NO = {"nei", "no", "n", "0", "false", "usant", ""}


class ImportFileError(Exception):
    """The file cannot be read at all; the message says why, in one sentence."""


class Formula(str):
    """A cell that a spreadsheet would evaluate: kept only to be reported."""


@dataclass
class Sheet:
    filename: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the file, cells)


# --- 1. Reading --------------------------------------------------------------------


def read_sheet(upload) -> Sheet:
    """The first sheet of an uploaded CSV or XLSX file, as text, within the limits."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    if extension not in ("csv", "xlsx"):
        if extension in ("xls", "ods", "numbers"):
            raise ImportFileError(
                _("Filtypen .%(ext)s kan ikke leses. Lagre regnearket som .xlsx eller .csv.")
                % {"ext": extension}
            )
        raise ImportFileError(_("Velg en fil som slutter på .xlsx eller .csv."))
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ImportFileError(_too_big())
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportFileError(_too_big())
    if not data.strip():
        raise ImportFileError(_("Filen er tom."))
    rows = _xlsx_rows(data) if extension == "xlsx" else _csv_rows(data)
    return _sheet(name, rows)


def _too_big() -> str:
    return _("Filen er for stor: høyst %(mb)d MB og %(rows)d rader. Del den opp i flere filer.") % {
        "mb": MAX_BYTES // (1024 * 1024),
        "rows": MAX_ROWS,
    }


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            _("Filen er ikke en CSV-fil. Lagre regnearket som .csv eller .xlsx og prøv igjen.")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV (semikolondelt)"
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield [_csv_cell(value) for value in row[:MAX_COLUMNS]]
    except csv.Error:
        raise ImportFileError(
            _("CSV-filen kan ikke leses (rad %(row)d). Lagre den på nytt fra regnearket.")
            % {"row": reader.line_num}
        ) from None


def _csv_cell(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]  # the exporter's escape (portal/exports.py): text, not a formula
    if value.startswith(CSV_FORMULA_STARTS):
        return Formula(value)
    return value


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    not_xlsx = _("Filen er ikke en Excel-fil (.xlsx). Lagre regnearket som .xlsx eller .csv.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ImportFileError(not_xlsx) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(_too_big())
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise ImportFileError(not_xlsx) from None
    try:
        for row in workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS):
            yield [_xlsx_cell(cell) for cell in row]
    except Exception:
        raise ImportFileError(not_xlsx) from None
    finally:
        workbook.close()


def _xlsx_cell(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(getattr(value, "text", value)))
    if isinstance(value, bool):
        return _("Ja") if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 988077917.0, typed as a number
    return str(value)


def _sheet(filename: str, rows: Iterable[list[str]]) -> Sheet:
    header: list[str] | None = None
    found: list[tuple[int, list[str]]] = []
    empty_run = 0
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            empty_run += 1
            if empty_run >= MAX_EMPTY_ROWS:
                break
            continue
        empty_run = 0
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(found) >= MAX_ROWS:
            raise ImportFileError(_too_big())
        found.append((number, row))
    if header is None:
        raise ImportFileError(_("Filen er tom."))
    return Sheet(filename, header, found)


# --- 2. Checking -------------------------------------------------------------------


@dataclass
class Problem:
    column: str
    message: str
    link: str = ""  # the existing profile a duplicate warning points to
    link_text: str = ""


@dataclass
class Change:
    column: str
    old: str
    new: str


@dataclass
class Row:
    number: int
    name: str
    action: str = ""  # "create", "update", "unchanged" or "error"
    actor: Actor | None = None
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    form: forms.ModelForm | None = None


@dataclass
class Preview:
    filename: str
    rows: list[Row]
    ignored_columns: list[str]

    def _with(self, action: str) -> list[Row]:
        return [row for row in self.rows if row.action == action]

    @property
    def created(self) -> list[Row]:
        return self._with("create")

    @property
    def updated(self) -> list[Row]:
        return self._with("update")

    @property
    def unchanged(self) -> list[Row]:
        return self._with("unchanged")

    @property
    def errors(self) -> list[Row]:
        return self._with("error")

    @property
    def to_write(self) -> list[Row]:
        return [row for row in self.rows if row.action in ("create", "update")]


class ImportRowForm(ActorForm):
    """One row: the admin's form, limited to the spreadsheet's columns."""

    class Meta(ActorForm.Meta):
        fields = FIELDS

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug", "")
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("«%(slug)s» er en fast side i katalogen. Velg et annet adressenavn.")
                % {"slug": slug}
            )
        return slug


def _labels_in_both_languages() -> dict[str, str]:
    """Folded header text → field, for Norwegian and English headers and field names."""
    known: dict[str, str] = {}
    for name, label, _get in COLUMNS:
        known[fold(name)] = name
        for language in ("nb", "en"):
            with translation.override(language):
                known[fold(str(label))] = name
    return known


def _choices_in_both_languages(choices) -> dict[str, str]:
    known: dict[str, str] = {}
    for value, label in choices:
        known[fold(value)] = value
        for language in ("nb", "en"):
            with translation.override(language):
                known[fold(str(label))] = value
    return known


class _Lookups:
    """What a row's text is matched against, read once per check."""

    def __init__(self) -> None:
        municipalities = list(Municipality.objects.all())
        self.municipalities: dict[str, Municipality] = {}
        for m in municipalities:
            for key in (m.name, m.slug, m.number):
                self.municipalities[fold(key)] = m
        self.by_slug = {m.slug: m for m in municipalities}
        sectors = list(Sector.objects.all())
        self.sector_names = [s.name for s in sectors]
        self.sectors = {fold(key): s for s in sectors for key in (s.name, s.slug)}
        self.kinds = _choices_in_both_languages(Actor.Kind.choices)
        self.statuses = _choices_in_both_languages(Actor.Status.choices)

    def municipality(self, text: str) -> Municipality | None:
        text = text.strip()
        if not text:
            return None
        found = self.municipalities.get(fold(text))
        slug = places.municipality_of(text) or places.municipality_of_postal_code(text)
        return found or (self.by_slug.get(slug) if slug else None)


def check(sheet: Sheet) -> Preview:
    """What importing the sheet would do, row by row; writes nothing."""
    known = _labels_in_both_languages()
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, header in enumerate(sheet.header):
        name = known.get(fold(header))
        if name is None or name in columns:
            if header:
                ignored.append(header)
            continue
        columns[name] = index
    if "name" not in columns:
        raise ImportFileError(
            _("Fant ikke kolonnen «Navn» i første rad. Bruk overskriftene fra eksporten av listen.")
        )
    lookups = _Lookups()
    existing = Actor.objects.prefetch_related("sectors").select_related("municipality")
    slugs = [cells[columns["slug"]].strip() for _n, cells in sheet.rows if "slug" in columns]
    actors = {a.slug: a for a in existing.filter(slug__in=[s for s in slugs if s])}
    seen: dict[tuple, int] = {}
    rows = []
    for number, cells in sheet.rows:
        values = {
            name: (cells[index] if index < len(cells) else "") for name, index in columns.items()
        }
        row = _check_row(number, values, lookups, actors)
        _check_within_file(row, seen)
        rows.append(row)
    return Preview(sheet.filename, rows, ignored)


def _check_row(number: int, values: dict[str, str], lookups: _Lookups, actors: dict) -> Row:
    row = Row(number, str(values.get("name", "")).strip())
    problems = row.problems
    for name, value in values.items():
        if isinstance(value, Formula):
            problems.append(
                Problem(
                    str(LABELS[name]),
                    _(
                        "Cellen inneholder en formel (%(start)s…), ikke en verdi. "
                        "Skriv verdien som tekst."
                    )
                    % {"start": value[:10]},
                )
            )
    if problems:
        row.action = "error"
        return row
    slug = values.get("slug", "").strip()
    actor = actors.get(slug) if slug else None
    before = _values_of(actor) if actor else {}
    data: dict[str, Any] = dict(before)
    if actor is None:
        data["status"] = Actor.Status.PUBLISHED
    for name, value in values.items():
        text = value.strip()
        if name == "kind" or name == "status":
            choices = lookups.kinds if name == "kind" else lookups.statuses
            if text:
                data[name] = choices.get(fold(text), text)
                if fold(text) not in choices:
                    problems.append(_unknown_choice(name, text, choices))
            elif name == "kind":
                data[name] = ""
        elif name == "municipality":
            continue  # below, with the postal place and code
        elif name == "sectors":
            data["sectors"] = _sectors(text, lookups, problems)
        elif name in BOOLEAN_FIELDS:
            if fold(text) not in YES | NO:
                problems.append(
                    Problem(
                        str(LABELS[name]), _("Skriv «Ja» eller «Nei» (eller la cellen stå tom).")
                    )
                )
            data[name] = fold(text) in YES
        else:
            data[name] = text
    _municipality(values, lookups, data, problems, new=actor is None)
    form = ImportRowForm(data=_form_data(data), instance=actor)
    if not form.is_valid():
        for name, messages in form.errors.items():
            label = str(LABELS[name]) if name in LABELS else _("Raden")
            # An unknown kind or sector is already said better above.
            if not any(p.column == label for p in problems):
                problems.extend(Problem(label, message) for message in messages)
    if problems:
        row.action = "error"
        return row
    row.form, row.actor = form, actor
    after = _cleaned_values(form)
    if actor is not None:
        row.changes = [
            Change(str(LABELS[name]), _shown(name, before[name]), _shown(name, after[name]))
            for name in FIELDS
            if name in after and after[name] != before[name]
        ]
        row.action = "update" if row.changes else "unchanged"
    else:
        row.action = "create"
    # A row that changes none of the signs cannot make a new duplicate.
    signs = {"name", "municipality", "org_number", "email"}
    if actor is None or any(after.get(s) != before.get(s) for s in signs):
        _check_duplicates(row, form)
    return row


def _unknown_choice(name: str, text: str, choices: dict[str, str]) -> Problem:
    model_choices = Actor.Kind.choices if name == "kind" else Actor.Status.choices
    listed = ", ".join(str(label) for _value, label in model_choices)
    message = _("Ukjent verdi «%(text)s». Bruk en av: %(choices)s.")
    return Problem(str(LABELS[name]), message % {"text": text, "choices": listed})


def _sectors(text: str, lookups: _Lookups, problems: list[Problem]) -> list[int]:
    pks = []
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        sector = lookups.sectors.get(fold(part))
        if sector is None:
            problems.append(
                Problem(
                    str(LABELS["sectors"]),
                    _("Ukjent bransje «%(name)s». Bransjene er: %(sectors)s.")
                    % {"name": part, "sectors": ", ".join(lookups.sector_names)},
                )
            )
        else:
            pks.append(sector.pk)
    return pks


def _municipality(values, lookups: _Lookups, data: dict, problems: list[Problem], new: bool):
    """The "Kommune" column, else the postal place, else the postal code."""
    typed = values.get("municipality", "").strip()
    if typed:
        found = lookups.municipality(typed)
        if found is None:
            problems.append(
                Problem(
                    str(LABELS["municipality"]),
                    _(
                        "Ukjent kommune «%(text)s». Skriv kommunens navn (for eksempel "
                        "Ullensaker), et poststed (Jessheim) eller et postnummer (2050)."
                    )
                    % {"text": typed},
                )
            )
            return
        data["municipality"] = found.pk
        return
    if "municipality" in values or new:
        found = lookups.municipality(values.get("postal_place", "")) or lookups.municipality(
            values.get("postal_code", "")
        )
        if found is None:
            problems.append(
                Problem(
                    str(LABELS["municipality"]),
                    _(
                        "Kommunen mangler. Fyll ut kommunen, eller et poststed eller "
                        "postnummer i Øvre Romerike."
                    ),
                )
            )
            return
        data["municipality"] = found.pk


def _check_duplicates(row: Row, form: forms.ModelForm) -> None:
    cleaned = form.cleaned_data
    duplicates = find_duplicates(
        name=cleaned.get("name", ""),
        municipality=cleaned.get("municipality"),
        org_number=cleaned.get("org_number", ""),
        email=cleaned.get("email", ""),
        exclude_pk=row.actor.pk if row.actor else None,
    )
    for duplicate in duplicates:
        row.problems.append(
            Problem(
                str(LABELS["name"]),
                _("Aktøren kan finnes fra før (%(reason)s):") % {"reason": duplicate.reason},
                link=reverse("admin:actors_actor_change", args=[duplicate.actor.pk]),
                link_text=duplicate.actor.name,
            )
        )
    if duplicates:
        row.action = "error"


def _check_within_file(row: Row, seen: dict[tuple, int]) -> None:
    """Two rows of the file that are the same actor: the second is an error."""
    if row.form is None:
        return
    cleaned = row.form.cleaned_data
    municipality = cleaned.get("municipality")
    keys = [
        ("slug", cleaned.get("slug"), _("samme adressenavn")),
        ("org_number", cleaned.get("org_number"), _("samme organisasjonsnummer")),
        ("email", (cleaned.get("email") or "").casefold(), _("samme e-postadresse")),
        (
            "name",
            (comparable_name(cleaned.get("name", "")), getattr(municipality, "pk", None)),
            _("samme navn i samme kommune"),
        ),
    ]
    for kind, value, reason in keys:
        if not value or value == ("", None):
            continue
        first = seen.setdefault((kind, value), row.number)
        if first != row.number:
            row.problems.append(
                Problem(
                    str(LABELS["name"]),
                    _("Samme aktør som rad %(row)d i filen (%(reason)s).")
                    % {"row": first, "reason": reason},
                )
            )
            row.action = "error"
            row.form = None
            return


def _values_of(actor: Actor) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(actor, name) for name in FIELDS}
    values["municipality"] = actor.municipality_id
    values["sectors"] = sorted(s.pk for s in actor.sectors.all())
    return values


def _cleaned_values(form: forms.ModelForm) -> dict[str, Any]:
    values = dict(form.cleaned_data)
    values["municipality"] = values["municipality"].pk
    values["sectors"] = sorted(s.pk for s in values["sectors"])
    return values


def _form_data(data: dict[str, Any]) -> dict[str, Any]:
    """Model values as a form posts them: booleans present only when ticked."""
    posted = {}
    for name, value in data.items():
        if name in BOOLEAN_FIELDS:
            if value:
                posted[name] = "on"
        elif value is None:
            posted[name] = ""
        else:
            posted[name] = value
    return posted


def _shown(name: str, value: Any) -> str:
    if name in BOOLEAN_FIELDS:
        return _("Ja") if value else _("Nei")
    if name == "kind":
        return str(Actor.Kind(value).label) if value in Actor.Kind.values else str(value)
    if name == "status":
        return str(Actor.Status(value).label) if value in Actor.Status.values else str(value)
    if name == "municipality":
        return str(Municipality.objects.filter(pk=value).first() or "")
    if name == "sectors":
        return ", ".join(Sector.objects.filter(pk__in=value).values_list("name", flat=True))
    return str(value or "")


# --- 3. Writing --------------------------------------------------------------------


@dataclass
class Result:
    preview: Preview
    written: bool
    created: int = 0
    updated: int = 0


def apply(sheet: Sheet, *, only_valid: bool = False) -> Result:
    """Check again (the data may have changed since the preview) and write, all or nothing.

    Writes nothing when a row has an error, unless `only_valid`: then the rows without
    errors are written and the others skipped. Any failure while writing rolls back
    every row of the file.
    """
    with transaction.atomic():
        preview = check(sheet)
        if preview.errors and not only_valid:
            return Result(preview, written=False)
        reason = _("Importert fra regnearket «%(name)s»") % {"name": sheet.filename[:80]}
        for row in preview.to_write:
            assert row.form is not None
            actor = row.form.save(commit=False)
            actor._change_reason = reason
            actor.save()
            row.form.save_m2m()
    return Result(preview, written=True, created=len(preview.created), updated=len(preview.updated))


# --- Between the preview and the confirmation -------------------------------------


def to_payload(sheet: Sheet, user) -> str:
    """The sheet, signed for this coordinator, carried by the preview's confirm form."""
    rows = [
        [number, [{"=": cell} if isinstance(cell, Formula) else cell for cell in cells]]
        for number, cells in sheet.rows
    ]
    data = {"f": sheet.filename, "h": sheet.header, "r": rows}
    return signing.dumps(data, salt=_salt(user), compress=True)


def from_payload(payload: str, user) -> Sheet:
    try:
        data = signing.loads(payload, salt=_salt(user), max_age=PAYLOAD_MAX_AGE)
    except signing.BadSignature:
        raise ImportFileError(
            _("Forhåndsvisningen er for gammel eller ødelagt. Last opp filen på nytt.")
        ) from None
    rows = [
        (number, [Formula(cell["="]) if isinstance(cell, dict) else cell for cell in cells])
        for number, cells in data["r"]
    ]
    return Sheet(data["f"], data["h"], rows)


def _salt(user) -> str:
    return f"actors.imports:{user.pk}"
