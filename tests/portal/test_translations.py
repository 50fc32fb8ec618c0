"""The English catalogue is complete, compiled, and covers every marked string."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale" / "en" / "LC_MESSAGES"
DOMAINS = [p.stem for p in LOCALE.glob("*.po")]


def test_catalogues_exist():
    assert "django" in DOMAINS


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_has_an_english_translation(domain):
    catalogue = polib.pofile(str(LOCALE / f"{domain}.po"))

    missing = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert missing == [], f"untranslated in {domain}.po: {missing[:10]}"
    assert fuzzy == [], f"fuzzy in {domain}.po: {fuzzy[:10]}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_matches_the_po_file(domain):
    """locale/*.mo is committed so a fresh machine needs no GNU gettext: it must be current."""
    catalogue = polib.pofile(str(LOCALE / f"{domain}.po"))
    with open(LOCALE / f"{domain}.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    for entry in catalogue.translated_entries():
        context = entry.msgctxt
        if entry.msgid_plural:
            # English has two forms: index 0 for one, index 1 for many.
            for count, index in ((1, 0), (2, 1)):
                found = (
                    compiled.npgettext(context, entry.msgid, entry.msgid_plural, count)
                    if context
                    else compiled.ngettext(entry.msgid, entry.msgid_plural, count)
                )
                assert found == entry.msgstr_plural[index], entry.msgid
        elif context:
            assert compiled.pgettext(context, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs GNU gettext (apt-get install gettext)"
)
def test_every_marked_string_is_in_the_catalogue(tmp_path):
    """Run makemessages on a copy; nothing new may appear (run `make messages` if it does)."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "staticfiles", "*.sqlite3*", "node_modules"
        ),
    )
    before = {d: {e.msgid for e in polib.pofile(str(LOCALE / f"{d}.po"))} for d in DOMAINS}
    subprocess.run(
        [sys.executable, "scripts/messages.py", "--no-compile"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for domain in DOMAINS:
        after = polib.pofile(str(copy / "locale/en/LC_MESSAGES" / f"{domain}.po"))
        new = sorted({e.msgid for e in after if not e.obsolete} - before[domain])
        assert new == [], f"strings missing from {domain}.po (run `make messages`): {new[:10]}"
