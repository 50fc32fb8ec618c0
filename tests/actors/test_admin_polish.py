"""Small things found by trying the admin and the profile form: chosen files, duplicates, labels."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actors.models import Actor
from tests.factories import (
    admin_change_actor,
    make_actor,
    make_image_bytes,
    municipality,
    sector,
)
from tests.profiles.test_profile_editing import profile_data

pytestmark = pytest.mark.django_db

CREATE = reverse("actors:create")


def photo(name="logo.jpg"):
    return SimpleUploadedFile(name, make_image_bytes(400, 300), content_type="image/jpeg")


def test_admin_says_a_chosen_logo_must_be_chosen_again_after_an_error_elsewhere(client):
    actor = make_actor("Vorma keramikk", municipality="nes")

    response = admin_change_actor(
        client,
        actor,
        images=[{"upload": photo("vorma-logo.jpg"), "role": "logo", "alt_text": "Logo"}],
        org_number="123",  # an error elsewhere in the form
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bildet «vorma-logo.jpg» er ikke lagret ennå" in html
    assert "Velg bildefilen igjen før du lagrer." in html
    assert not actor.images.exists()


def test_members_form_says_a_chosen_image_must_be_chosen_again_after_an_error(member_client):
    data = profile_data(name="", **{"images-0-alt_text": "Logoen vår", "images-0-upload": photo()})

    response = member_client.post(CREATE, data)

    assert response.status_code == 400
    assert "Bildet «logo.jpg» er ikke lagret ennå" in response.content.decode()


def test_members_profile_form_warns_about_a_duplicate_with_a_link_and_saves_when_told(
    member_client,
):
    existing = make_actor("Lyd og Lys Gjerdrum", municipality="gjerdrum", org_number="988077917")
    data = profile_data(
        name="Lyd & Lys Gjerdrum AS", org_number="988 077 917", **{"images-TOTAL_FORMS": "0"}
    )

    warned = member_client.post(CREATE, data)

    html = warned.content.decode()
    assert warned.status_code == 400
    assert "Det finnes allerede en profil som kan være den samme:" in html
    assert f'<a href="/aktorer/{existing.slug}/">Lyd og Lys Gjerdrum</a>' in html
    assert "Dette er en annen aktør: lagre likevel" in html
    assert Actor.objects.count() == 1

    saved = member_client.post(CREATE, {**data, "not_duplicate": "on"})
    assert saved.status_code == 302
    assert Actor.objects.count() == 2


def test_members_are_not_shown_unpublished_profiles_they_duplicate(member_client):
    make_actor("Hemmelig studio", email="post@hemmelig.no", status=Actor.Status.DRAFT)
    data = profile_data(email="POST@hemmelig.no", **{"images-TOTAL_FORMS": "0"})

    html = member_client.post(CREATE, data).content.decode()

    assert "Det finnes allerede en profil med samme organisasjonsnummer" in html
    assert "Hemmelig studio" not in html


def test_editing_ones_own_profile_is_not_a_duplicate_of_itself(member, member_client):
    own = make_actor(
        "Lyd og Lys Gjerdrum",
        municipality="gjerdrum",
        owner=member,
        sectors=["musikk"],
        pitch="Lyd.",
    )
    data = profile_data(
        name=own.name,
        municipality=municipality("gjerdrum").pk,
        sectors=[sector("musikk").pk],
        **{"images-TOTAL_FORMS": "0"},
    )

    response = member_client.post(reverse("actors:edit", args=[own.slug]), data)

    assert response.status_code == 302


def test_two_factor_devices_are_named_in_norwegian_and_in_english(coordinator_client, english):
    from tests.factories import make_coordinator

    norwegian = coordinator_client.get("/admin/").content.decode()
    english.force_login(make_coordinator("coordinator-en"))
    in_english = english.get("/admin/").content.decode()

    assert "TOTP device" not in norwegian and "Otp_Totp" not in norwegian
    assert "Autentiseringsapper (TOTP)" in norwegian and "To-trinns innlogging" in norwegian
    assert "Authenticator apps (TOTP)" in in_english
