"""Uploaded images go through Pillow only: size and pixel limits (decompression bombs),
EXIF orientation applied, all metadata removed, two renditions made once at upload."""

import io
import warnings

import pytest
from PIL import Image

from actors.forms import ActorImageForm
from actors.images import LARGE_WIDTH, SMALL_WIDTH
from actors.models import ActorImage
from tests.factories import (
    add_image,
    admin_change_actor,
    image_form,
    make_actor,
    make_image_bytes,
    png_bomb,
    upload,
)

pytestmark = pytest.mark.django_db


def test_accepted_image_gets_two_renditions_with_their_sizes():
    image = add_image(make_actor())

    assert (image.small_width, image.small_height) == (SMALL_WIDTH, 300)
    assert (image.large_width, image.large_height) == (LARGE_WIDTH, 750)
    with Image.open(image.small.path) as small, Image.open(image.large.path) as large:
        assert small.format == large.format == "WEBP"
        assert small.size == (SMALL_WIDTH, 300)
        assert large.size == (LARGE_WIDTH, 750)


def test_small_image_is_never_enlarged():
    form = image_form(make_actor(), make_image_bytes(300, 200, fmt="PNG"))
    assert form.is_valid(), form.errors

    image = form.save()

    assert (image.small_width, image.large_width) == (300, 300)


def test_exif_and_gps_are_removed_and_orientation_is_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "Testkamera"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (60.0, 8.0, 0.0)
    original = make_image_bytes(800, 600, exif=exif)
    assert Image.open(io.BytesIO(original)).getexif().get(0x010F) == "Testkamera"

    form = image_form(make_actor(), original)
    assert form.is_valid(), form.errors
    image = form.save()

    for rendition in (image.small, image.large):
        with Image.open(rendition.path) as stored:
            assert not stored.getexif()
            assert "exif" not in stored.info and "xmp" not in stored.info
            assert stored.width < stored.height  # turned upright
        with open(rendition.path, "rb") as raw:
            assert b"Testkamera" not in raw.read()


def test_too_big_file_is_refused_in_norwegian(settings):
    settings.MAX_UPLOAD_BYTES = 10_000

    form = image_form(make_actor(), make_image_bytes(1000, 1000) + b"\0" * 20_000)

    assert not form.is_valid()
    assert form.errors["upload"][0].startswith("Bildet er for stort")


def test_image_cut_off_in_the_middle_is_refused_in_norwegian():
    # The header reads as an image; the pixels end early (an interrupted upload).
    whole = make_image_bytes(1600, 1000)
    form = image_form(make_actor(), whole[: len(whole) // 2])

    assert not form.is_valid()
    assert form.errors["upload"][0].startswith("Bildefilen er skadet eller ufullstendig.")
    assert ActorImage.objects.count() == 0


def test_file_that_is_not_an_image_is_refused_in_norwegian():
    form = image_form(make_actor(), b"%PDF-1.4 dette er ikke et bilde")

    assert not form.is_valid()
    assert form.errors["upload"] == [
        "Filen er ikke et bilde vi kan lese. Last opp et bilde i JPEG-, PNG- eller WebP-format."
    ]


def test_unsupported_image_format_is_refused():
    form = image_form(make_actor(), make_image_bytes(50, 50, fmt="GIF"))

    assert not form.is_valid()
    assert "GIF støttes ikke" in form.errors["upload"][0]


def test_decompression_bomb_is_refused_before_decoding():
    bomb = png_bomb()
    assert len(bomb) < 16 * 1024
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        declared = Image.open(io.BytesIO(bomb))
        assert declared.size == (10_000, 10_000)  # 100 megapixels declared

    form = image_form(make_actor(), bomb)

    assert not form.is_valid()
    assert form.errors["upload"][0].startswith("Bildet har for mange piksler")
    assert ActorImage.objects.count() == 0


def test_pixel_limit_holds_below_pillows_own_limit():
    """Pillow only warns up to 179 MP; our stricter 40 MP limit refuses 50 MP."""
    form = image_form(make_actor(), png_bomb(10_000, 5_000))

    assert not form.is_valid()
    assert "for mange piksler" in form.errors["upload"][0]


def test_alt_text_is_required():
    form = image_form(make_actor(), make_image_bytes(), alt_text="")

    assert not form.is_valid()
    assert "alt_text" in form.errors


def test_new_image_needs_a_file():
    form = ActorImageForm(
        data={"role": "gallery", "alt_text": "Noe", "position": 0},
        files={},
        instance=ActorImage(actor=make_actor()),
    )

    assert not form.is_valid()
    assert form.errors["upload"] == ["Velg en bildefil å laste opp."]


def test_coordinator_uploads_an_image_through_the_admin(client):
    actor = make_actor("Med bilde")

    response = admin_change_actor(
        client,
        actor,
        [
            {
                "role": "gallery",
                "alt_text": "Et rolig bilde",
                "position": "0",
                "upload": upload(make_image_bytes(2000, 1000)),
            }
        ],
    )

    assert response.status_code == 302
    image = actor.images.get()
    assert (image.small_width, image.large_width) == (SMALL_WIDTH, LARGE_WIDTH)


def test_two_logos_in_one_admin_submission_are_refused(client):
    actor = make_actor("To logoer")
    logo = {"role": "logo", "alt_text": "Logo", "position": "0"}

    response = admin_change_actor(
        client,
        actor,
        [
            {**logo, "upload": upload(make_image_bytes(300, 300))},
            {**logo, "upload": upload(make_image_bytes(300, 300))},
        ],
    )

    assert response.status_code == 200
    assert "bare ha én logo" in response.content.decode()
    assert not actor.images.exists()


def test_directory_card_uses_srcset_sizes_and_lazy_loading(client):
    actor = make_actor("Bildeaktør")
    image = add_image(actor)

    html = client.get("/aktorer/").content.decode()

    assert f'srcset="{image.small.url} 480w, {image.large.url} 1200w"' in html
    assert 'sizes="' in html and 'loading="lazy"' in html
    assert 'width="480" height="300"' in html


def test_second_logo_is_refused_with_a_norwegian_message():
    actor = make_actor()
    add_image(actor, role=ActorImage.Role.LOGO)

    form = image_form(actor, make_image_bytes(), role="logo")

    assert not form.is_valid()
    assert "bare ha én logo" in str(form.errors)
