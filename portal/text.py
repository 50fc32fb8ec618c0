"""Text rules both apps share, each written once: slugs, Norwegian letters, addresses, phones.

The directory (`actors`) and the events (`events`) both import from here; neither
app owns these rules.
"""

import json
import unicodedata
from collections.abc import Collection

import phonenumbers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# Letters that slugify() and accent stripping would drop instead of spelling out.
_SPELL_OUT = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ß": "ss", "ð": "d", "þ": "th"}
)

PHONE_REGION = "NO"


def fold(text: str) -> str:
    """Case, accents and Norwegian letters folded away: "Kløfta Café ÆRE" → "klofta cafe aere".

    What the search document and the place names are compared in, so "Sømverkstedet",
    "SØMVERKSTEDET" and "somverkstedet" are the same word.
    """
    text = unicodedata.normalize("NFKD", (text or "").casefold().translate(_SPELL_OUT))
    return "".join(char for char in text if not unicodedata.combining(char))


def norwegian_slugify(text: str) -> str:
    """A URL slug that spells Norwegian letters out: "Sømverkstedet på Kløfta" → "somverkstedet-pa-klofta"."""
    return slugify(text.translate(_SPELL_OUT))


def unique_slug(
    taken: QuerySet,
    text: str,
    *,
    fallback: str,
    max_length: int = 200,
    suffix: str = "",
    reserved: Collection[str] = (),
) -> str:
    """A slug for `text` that no row of `taken` has yet: "navn", then "navn-2", "navn-3"…

    `taken` should exclude the row being saved, so saving it again keeps its slug;
    `reserved` are addresses that are pages of their own (e.g. /aktorer/ny/).
    """
    base = norwegian_slugify(text)[:max_length] or fallback
    if suffix:
        base = f"{base}-{suffix}"
    slug, n = base, 2
    while slug in reserved or taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def format_address(street: str, postal_code: str, postal_place: str) -> str:
    """One line, leaving out what is missing: "Storgata 1, 2050 Jessheim"."""
    place = " ".join(part for part in (postal_code, postal_place) if part)
    return ", ".join(part for part in (street, place) if part)


def normalise_phone(value: str) -> str:
    """E.164 (+4741234567), or a ValidationError. Numbers without a country code are Norwegian."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "Telefonnummeret ser ikke riktig ut. Skriv et norsk nummer med åtte sifre, "
                "for eksempel 41 23 45 67, eller et utenlandsk nummer med landskode (+46 …)."
            ),
            code="phone_invalid",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(value: str) -> str:
    """National form for Norwegian numbers (412 34 567), international form for the rest."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return value
    if number.country_code == phonenumbers.country_code_for_region(PHONE_REGION):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# The characters that could end a <script> element or start markup, escaped the
# same way Django's json_script does.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_json(data) -> SafeString:
    """JSON safe to put inside <script type="application/ld+json"> as it is (no |safe needed)."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))
