"""Organisation numbers and phone numbers: checked by python-stdnum and phonenumbers.

Both are stored in one canonical form (nine digits; E.164) and shown in the
Norwegian form (`988 077 917`; `412 34 567`). Every message is Norwegian. Phone
numbers are normalised and formatted by portal/text.py (the events use them too).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.no import orgnr

from portal.text import normalise_phone


def normalise_org_number(value: str) -> str:
    """Nine digits, or a ValidationError that says what is wrong."""
    compact = orgnr.compact(value or "")
    if not compact:
        return ""
    try:
        return orgnr.validate(compact)
    except stdnum_exceptions.InvalidLength:
        raise ValidationError(
            _("Organisasjonsnummeret må ha ni sifre, for eksempel 988 077 917."),
            code="org_number_length",
        ) from None
    except stdnum_exceptions.InvalidFormat:
        raise ValidationError(
            _("Organisasjonsnummeret kan bare inneholde sifre og mellomrom."),
            code="org_number_format",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _(
                "Organisasjonsnummeret finnes ikke: kontrollsifferet stemmer ikke. "
                "Sjekk nummeret i Enhetsregisteret."
            ),
            code="org_number_checksum",
        ) from None


def validate_org_number(value: str) -> None:
    if value and normalise_org_number(value) != value:
        raise ValidationError(_("Organisasjonsnummeret skal lagres som ni sifre."))


def format_org_number(value: str) -> str:
    return orgnr.format(value) if value else ""


def validate_phone(value: str) -> None:
    if value and normalise_phone(value) != value:
        raise ValidationError(
            _("Telefonnummeret skal lagres med landskode, for eksempel +4741234567.")
        )
