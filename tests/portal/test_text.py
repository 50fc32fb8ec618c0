"""portal/text.py: the text rules the directory and the events share."""

import pytest

from events.forms import RegistrationForm
from portal.text import fold, format_address, norwegian_slugify
from tests.factories import make_actor, make_event, make_venue, oslo, registration_data

pytestmark = pytest.mark.django_db


def test_fold_spells_norwegian_letters_out_and_drops_case_and_accents():
    assert fold("Kløfta Café ÆRE Åsen") == "klofta cafe aere asen"
    assert norwegian_slugify("Sømverkstedet på Kløfta") == "somverkstedet-pa-klofta"


def test_slugs_are_unique_and_kept_on_save():
    first = make_actor("Ålgårds Økoteater")
    second = make_actor("Ålgårds Økoteater")
    first.save()

    assert (first.slug, second.slug) == ("algards-okoteater", "algards-okoteater-2")


def test_event_slug_carries_the_local_date_and_stays_unique():
    first = make_event(title="Nettverksmøte", starts_at=oslo(2026, 3, 5, 23, 30))
    second = make_event(title="Nettverksmøte", starts_at=oslo(2026, 3, 5, 23, 30))

    assert first.slug == "nettverksmote-2026-03-05"
    assert second.slug == "nettverksmote-2026-03-05-2"


def test_names_without_letters_get_a_fallback_slug():
    assert make_actor("!!!").slug == "aktor"
    assert make_event(title="???", starts_at=oslo(2026, 1, 2, 18)).slug == "arrangement-2026-01-02"


def test_address_is_one_line_without_empty_parts():
    assert format_address("Storgata 1", "2050", "Jessheim") == "Storgata 1, 2050 Jessheim"
    assert format_address("", "2050", "") == "2050"
    assert format_address("Storgata 1", "", "") == "Storgata 1"


def test_event_at_a_venue_shows_the_venues_address():
    venue = make_venue(address="Storgata 1", postal_code="2050", postal_place="Jessheim")

    assert make_event(venue=venue).full_address == venue.full_address == "Storgata 1, 2050 Jessheim"
    assert make_event(venue=venue, address="Bakgården").full_address == "Bakgården"


def test_registration_and_profile_phone_numbers_follow_one_rule():
    good = RegistrationForm(registration_data(phone="412 34 567"))
    bad = RegistrationForm(registration_data(phone="123"))

    assert good.is_valid() and good.cleaned_data["phone"] == "+4741234567"
    assert not bad.is_valid()
    assert bad.errors["phone"][0].startswith("Telefonnummeret ser ikke riktig ut.")
