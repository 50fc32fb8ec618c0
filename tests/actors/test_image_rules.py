"""The rules of actors/images.py, one by one and at their limits: each refusal has its
own code (forms and the admin act on it), transparency survives the cleaning, and the
size limits hold exactly where they say."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from actors import images
from actors.images import LARGE_WIDTH, SMALL_WIDTH, cleaned_single_image, process_upload
from tests.factories import make_image_bytes, png_bomb, upload


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        process_upload(upload(data))
    return raised.value


def _close(pixel: tuple, expected: tuple) -> bool:
    """WebP is lossy: a colour comes back within a few steps of what went in."""
    return len(pixel) == len(expected) and all(
        abs(a - b) <= 4 for a, b in zip(pixel, expected, strict=True)
    )


def _decoded(rendition) -> Image.Image:
    image = Image.open(io.BytesIO(rendition.content.read()))
    image.load()
    return image


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"%PDF-1.4 ikke et bilde", "not_an_image"),
        (make_image_bytes(40, 40, fmt="GIF"), "format"),
        (png_bomb(), "too_many_pixels"),
        (make_image_bytes(1600, 1000)[:4000], "corrupt"),
    ],
)
def test_each_refusal_has_its_own_code(data, code):
    assert _refusal(data).code == code


def test_a_file_exactly_at_the_size_limit_is_accepted_and_one_byte_more_is_not(settings):
    data = make_image_bytes(64, 48)
    settings.MAX_UPLOAD_BYTES = len(data)
    assert process_upload(upload(data)).small.width == 64

    settings.MAX_UPLOAD_BYTES = len(data) - 1
    refusal = _refusal(data)
    assert refusal.code == "too_big"


def test_an_image_exactly_at_the_pixel_limit_is_accepted_and_one_row_more_is_not(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 100 * 80)
    assert process_upload(upload(make_image_bytes(100, 80))).large.height == 80

    refusal = _refusal(make_image_bytes(100, 81))
    assert refusal.code == "too_many_pixels"


def test_the_pixel_limit_is_told_in_whole_megapixels():
    message = _refusal(png_bomb()).messages[0]
    assert f"{images.MAX_PIXELS // 1_000_000} megapiksler" in message
    assert ".0 megapiksler" not in message


@pytest.mark.parametrize("mode", ["RGBA", "LA"])
def test_transparent_pixels_stay_transparent(mode):
    image = Image.new(mode, (60, 40), (200, 255) if mode == "LA" else (200, 50, 50, 255))
    image.putpixel((0, 0), (0, 0) if mode == "LA" else (0, 0, 0, 0))

    cleaned = _decoded(process_upload(upload(_png(image), "logo.png", "image/png")).small)

    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((0, 0))[3] == 0
    assert cleaned.getpixel((30, 20))[3] == 255


def test_a_palette_image_with_a_transparent_colour_keeps_it():
    image = Image.new("P", (60, 40), 1)
    image.putpalette([255, 255, 255, 200, 30, 30] + [0, 0, 0] * 254)
    image.putpixel((0, 0), 0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", transparency=0)

    cleaned = _decoded(process_upload(upload(buffer.getvalue(), "logo.png", "image/png")).small)

    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((0, 0))[3] == 0
    assert _close(cleaned.getpixel((30, 20)), (200, 30, 30, 255))


@pytest.mark.parametrize(
    ("mode", "key", "colour"), [("RGB", (0, 0, 0), (200, 30, 30)), ("L", 0, 200)]
)
def test_a_png_with_a_transparent_colour_key_keeps_it(mode, key, colour):
    # A logo saved with one colour marked transparent (PNG's tRNS chunk), not an alpha channel.
    image = Image.new(mode, (60, 40), colour)
    image.putpixel((0, 0), key)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", transparency=key)

    cleaned = _decoded(process_upload(upload(buffer.getvalue(), "logo.png", "image/png")).small)

    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((0, 0))[3] == 0
    assert cleaned.getpixel((30, 20))[3] == 255


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_opaque_images_get_no_alpha_channel(fmt):
    cleaned = _decoded(process_upload(upload(make_image_bytes(60, 40, fmt=fmt))).small)
    assert cleaned.mode == "RGB"


def test_an_opaque_palette_image_gets_no_alpha_channel():
    image = Image.new("P", (60, 40), 1)
    image.putpalette([255, 255, 255, 200, 30, 30] + [0, 0, 0] * 254)

    cleaned = _decoded(process_upload(upload(_png(image), "logo.png", "image/png")).small)

    assert cleaned.mode == "RGB"
    assert _close(cleaned.getpixel((30, 20)), (200, 30, 30))


def test_a_very_wide_image_keeps_at_least_one_pixel_of_height():
    processed = process_upload(upload(make_image_bytes(4000, 3, fmt="PNG")))

    assert (processed.small.width, processed.small.height) == (SMALL_WIDTH, 1)
    assert (processed.large.width, processed.large.height) == (LARGE_WIDTH, 1)


def test_heights_are_rounded_to_the_nearest_pixel():
    # 1000 × 333 at 480 wide is 159.84 high: 160, not 159.
    processed = process_upload(upload(make_image_bytes(1000, 333)))
    assert processed.small.height == 160


def test_an_upload_already_read_to_the_end_is_read_from_the_start():
    file = upload(make_image_bytes(64, 48))
    file.read()

    assert process_upload(file).small.width == 64


def test_a_single_image_field_gets_one_clean_webp_rendition():
    content = cleaned_single_image(upload(make_image_bytes(2000, 1000)), "arrangement")

    assert content.name == "arrangement.webp"
    stored = Image.open(io.BytesIO(content.read()))
    assert stored.format == "WEBP"
    assert stored.size == (LARGE_WIDTH, 600)


def test_the_pixel_refusal_says_how_to_fix_it():
    megapixels = images.MAX_PIXELS // 1_000_000
    assert _refusal(png_bomb()).messages == [
        f"Bildet har for mange piksler. Største tillatte størrelse er {megapixels} megapiksler; "
        "gjør bildet mindre og prøv igjen."
    ]


def test_renditions_are_lanczos_scaled_webp_at_the_chosen_quality_and_effort():
    # Resampling, quality and effort decide how every stored image looks, its size and
    # the upload's CPU time: the rendition is exactly what Pillow makes with them.
    source = Image.effect_noise((600, 400), 60).convert("RGB")
    expected = io.BytesIO()
    source.resize((SMALL_WIDTH, 320), Image.Resampling.LANCZOS).save(
        expected, format="WEBP", quality=images.WEBP_QUALITY, method=4
    )

    small = process_upload(upload(_png(source), "foto.png", "image/png")).small

    assert small.content.read() == expected.getvalue()


def test_a_cmyk_photo_is_made_rgb_before_it_is_scaled():
    # Print files are often CMYK JPEGs; scaling them in CMYK rounds the colours differently.
    source = Image.effect_noise((600, 400), 60).convert("CMYK")
    buffer = io.BytesIO()
    source.save(buffer, format="JPEG", quality=95)
    decoded = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    expected = io.BytesIO()
    decoded.resize((SMALL_WIDTH, 320), Image.Resampling.LANCZOS).save(
        expected, format="WEBP", quality=images.WEBP_QUALITY, method=4
    )

    small = process_upload(upload(buffer.getvalue())).small

    assert small.content.read() == expected.getvalue()
