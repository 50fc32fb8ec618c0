"""Organisation numbers and phone numbers: checked by python-stdnum and phonenumbers.

Both are stored in one canonical form (nine digits; E.164) and shown in the
Norwegian form (`988 077 917`; `412 34 567`). Every message is Norwegian.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.no import orgnr

DEFAULT_REGION = "NO"


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


def normalise_phone(value: str) -> str:
    """E.164 (+4741234567), or a ValidationError. Numbers without a country code are Norwegian."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
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


def validate_phone(value: str) -> None:
    if value and normalise_phone(value) != value:
        raise ValidationError(
            _("Telefonnummeret skal lagres med landskode, for eksempel +4741234567.")
        )


def format_phone(value: str) -> str:
    """National form for Norwegian numbers, international form for the rest."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    if number.country_code == phonenumbers.country_code_for_region(DEFAULT_REGION):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
