"""Organisation numbers, phone numbers, URLs and e-mail are checked, stored canonically,
shown in Norwegian form, and refused with a Norwegian message next to the field."""

import pytest
from django.core.exceptions import ValidationError

from actors.forms import ActorForm
from actors.models import Actor
from tests.factories import make_actor, municipality, sector

pytestmark = pytest.mark.django_db


def _form(**overrides) -> ActorForm:
    data = {
        "name": "Sømverkstedet på Kløfta",
        "kind": Actor.Kind.COMPANY,
        "municipality": municipality("ullensaker").pk,
        "sectors": [sector("kunsthandverk").pk],
        "pitch": "Syverksted for redesign og kurs.",
        "contact_person_visibility": "members",
        "email_visibility": "members",
        "phone_visibility": "members",
        "address_visibility": "public",
        "status": Actor.Status.PUBLISHED,
    }
    data.update(overrides)
    return ActorForm(data=data)


def test_valid_form_stores_canonical_numbers_and_norwegian_slug():
    form = _form(org_number="988 077 917", phone="412 34 567")

    assert form.is_valid(), form.errors
    actor = form.save()

    assert actor.org_number == "988077917"
    assert actor.phone == "+4741234567"
    assert actor.slug == "somverkstedet-pa-klofta"
    assert actor.org_number_display == "988 077 917"
    assert actor.phone_display == "41 23 45 67"


def test_saving_form_puts_sectors_in_the_search_document():
    form = _form()
    assert form.is_valid(), form.errors

    actor = form.save()
    actor.refresh_from_db()

    assert "kunsthandverk" in actor.search_text


def test_org_number_with_wrong_check_digit_is_refused_in_norwegian():
    form = _form(org_number="988 077 918")

    assert not form.is_valid()
    assert "kontrollsifferet stemmer ikke" in form.errors["org_number"][0]


def test_org_number_with_wrong_length_is_refused_in_norwegian():
    form = _form(org_number="12345")

    assert not form.is_valid()
    assert form.errors["org_number"] == [
        "Organisasjonsnummeret må ha ni sifre, for eksempel 988 077 917."
    ]


def test_org_number_with_letters_is_refused():
    form = _form(org_number="98807791A")

    assert not form.is_valid()
    assert "bare inneholde sifre" in form.errors["org_number"][0]


def test_invalid_phone_is_refused_and_what_was_typed_is_kept():
    form = _form(phone="123")

    assert not form.is_valid()
    assert "Telefonnummeret ser ikke riktig ut" in form.errors["phone"][0]
    assert 'value="123"' in str(form["phone"])


def test_foreign_phone_with_country_code_is_accepted_and_shown_internationally():
    form = _form(phone="+46 70 123 45 67")

    assert form.is_valid(), form.errors
    actor = form.save()

    assert actor.phone == "+46701234567"
    assert actor.phone_display == "+46 70 123 45 67"


def test_invalid_url_and_email_get_norwegian_messages():
    form = _form(website="ikke en adresse", email="post@")

    assert not form.is_valid()
    assert form.errors["website"] == ["Oppgi en gyldig nettadresse."]
    assert form.errors["email"] == ["Oppgi en gyldig e-postadresse"]


def test_pitch_longer_than_200_characters_is_refused():
    form = _form(pitch="x" * 201)

    assert not form.is_valid()
    assert "200" in form.errors["pitch"][0]


def test_model_validation_refuses_uncanonical_values_saved_around_the_form():
    actor = Actor(
        name="Rett i databasen",
        kind=Actor.Kind.COMPANY,
        municipality=municipality("nes"),
        pitch="Lagret uten skjema.",
        org_number="98807791",
        phone="41234567",
    )

    with pytest.raises(ValidationError) as excinfo:
        actor.full_clean()

    assert set(excinfo.value.message_dict) >= {"org_number", "phone"}


def test_stored_numbers_are_shown_formatted_when_editing():
    actor = make_actor(org_number="988077917", phone="+4741234567")

    form = ActorForm(instance=actor)

    assert 'value="988 077 917"' in str(form["org_number"])
    assert 'value="41 23 45 67"' in str(form["phone"])
