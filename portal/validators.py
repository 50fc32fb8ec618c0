"""Text the portal accepts from anyone: one place for what may be in it.

Names, titles and places end up in e-mails, calendar files, check-in lists, the admin
and exports. A line break in a name became a paragraph of its own in the
confirmation e-mail (a phishing line sent from the portal), a line break in a title
broke the event's calendar file, and a name of only zero-width spaces or with a
right-to-left override showed up blank or reversed. So:

- single-line text (every ``CharField``) refuses every control character (C0, DEL,
  C1, line and paragraph separators), bidirectional controls (the "Trojan Source"
  set: embeddings, overrides, isolates and marks) and the invisible characters that
  have no use in a name (zero-width space, word joiner, BOM, …), and must contain at
  least one visible character;
- multi-line text (``TextField``) allows line breaks and tabs but refuses the rest.

Zero-width joiner and non-joiner (U+200D, U+200C) are allowed: emoji sequences and
Persian or Indic spelling need them, and a value of nothing else is still refused.

E-mail addresses are compared after ``normalise_email`` (NFKC, case-folded), so the
Kelvin sign "K" and "K" are the same letter on SQLite and on PostgreSQL alike.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_INVISIBLE = {0x00AD, 0x180E, 0x200B, *range(0x2060, 0x2065), 0xFEFF}
_SEPARATORS = {0x2028, 0x2029}
_CONTROL = {*range(0x20), 0x7F, *range(0x80, 0xA0)}
_LINE_BREAKS_AND_TAB = {0x09, 0x0A, 0x0D}

FORBIDDEN_SINGLE_LINE = frozenset(_BIDI | _INVISIBLE | _SEPARATORS | _CONTROL)
FORBIDDEN_MULTI_LINE = frozenset(FORBIDDEN_SINGLE_LINE - _LINE_BREAKS_AND_TAB)


def _describe(char: str) -> str:
    if char in "\r\n\u2028\u2029\x85":
        return str(_("et linjeskift"))
    if char == "\t":
        return str(_("en tabulator"))
    name = unicodedata.name(char, "").lower()
    return _("et usynlig tegn (U+{code}{name})").format(
        code=f"{ord(char):04X}", name=f" {name}" if name else ""
    )


def _first_forbidden(value: str, forbidden: frozenset[int]) -> str | None:
    return next((char for char in value if ord(char) in forbidden), None)


def _has_visible_character(value: str) -> bool:
    return any(unicodedata.category(char)[0] not in "CZ" for char in value)


@deconstructible
class TextValidator:
    """Refuses control, bidirectional and invisible characters; see the module docstring."""

    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value) -> None:
        if not isinstance(value, str) or not value:
            return
        forbidden = FORBIDDEN_MULTI_LINE if self.multiline else FORBIDDEN_SINGLE_LINE
        char = _first_forbidden(value, forbidden)
        if char is not None:
            if self.multiline:
                message = _("Teksten inneholder {what}. Fjern det og prøv igjen.")
            else:
                message = _(
                    "Teksten inneholder {what}. Skriv den på én linje, uten linjeskift "
                    "eller usynlige tegn."
                )
            raise ValidationError(message.format(what=_describe(char)), code="control_character")
        if not _has_visible_character(value):
            raise ValidationError(
                _("Feltet inneholder bare usynlige tegn. Skriv med vanlige bokstaver."),
                code="invisible",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, TextValidator) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash(self.multiline)


validate_single_line = TextValidator()
validate_multiline = TextValidator(multiline=True)


def normalise_email(value: str) -> str:
    """The form in which addresses are stored and compared: NFKC, trimmed, case-folded
    (the same as accounts.identity.normalise_email, which authentication uses).

    Folding in Python before storing means the database's own LOWER() (ASCII only on
    SQLite, full Unicode on PostgreSQL) has nothing left to do, so duplicates are found
    the same way on every database. "ß" becomes "ss", as Python's IDNA encoding of a
    domain does when the e-mail is sent anyway.
    """
    return unicodedata.normalize("NFKC", value or "").strip().casefold()


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Stored text made safe to print: forbidden characters dropped, for output only.

    For text that was stored before the validators existed or bypassed them (a
    ``QuerySet.update()``): calendar files, e-mail subjects and similar outputs use
    it so they never fail or carry a hidden line.
    """
    forbidden = FORBIDDEN_MULTI_LINE if multiline else FORBIDDEN_SINGLE_LINE
    return "".join(
        " " if char in "\r\n\t" and not multiline else char
        for char in (value or "")
        if ord(char) not in forbidden or (char in "\r\n\t" and not multiline)
    ).strip()
