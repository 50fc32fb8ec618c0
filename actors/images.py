"""Uploaded images: checked, cleaned and resized once, with Pillow only.

What an upload goes through, in order:
1. the file size against settings.MAX_UPLOAD_BYTES (before anything is decoded);
2. Pillow reads the header only and we check the format (JPEG, PNG, WebP) and the
   declared width × height against MAX_PIXELS *before decoding*, so a tiny file
   that declares a huge canvas (a decompression bomb) is refused without ever
   allocating it; Pillow's own DecompressionBombError is a second guard;
3. the pixels are decoded, rotated by the EXIF orientation, and re-encoded as WebP
   with no EXIF, GPS, XMP or ICC data left;
4. two renditions (SMALL_WIDTH and LARGE_WIDTH wide, never enlarged) are made here,
   once, so no request ever resizes an image.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# 40 megapixels: more than any phone camera, far less than a bomb's 100+.
MAX_PIXELS = 40_000_000
SMALL_WIDTH = 480
LARGE_WIDTH = 1200
WEBP_QUALITY = 82


@dataclass(frozen=True)
class Rendition:
    content: ContentFile
    width: int
    height: int


@dataclass(frozen=True)
class ProcessedImage:
    small: Rendition
    large: Rendition


def process_upload(upload) -> ProcessedImage:
    """Check an uploaded file and return its two clean renditions, or raise ValidationError."""
    max_bytes = settings.MAX_UPLOAD_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("Bildet er for stort (%(size)s). Største tillatte filstørrelse er %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_big",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns (rather than raises) between MAX_IMAGE_PIXELS and twice that;
            # we make our own, stricter check below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(upload)
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(
            _(
                "Filen er ikke et bilde vi kan lese. Last opp et bilde i JPEG-, PNG- eller WebP-format."
            ),
            code="not_an_image",
        ) from None
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Bildeformatet %(format)s støttes ikke. Bruk JPEG, PNG eller WebP.")
            % {"format": image.format or "?"},
            code="format",
        )
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()
    try:
        image.load()
    except (OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _(
                "Bildefilen er skadet eller ufullstendig. Prøv å lagre bildet på nytt og last det opp igjen."
            ),
            code="corrupt",
        ) from None
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    return ProcessedImage(
        small=_rendition(image, SMALL_WIDTH), large=_rendition(image, LARGE_WIDTH)
    )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "Bildet har for mange piksler. Største tillatte størrelse er %(max)s megapiksler; "
            "gjør bildet mindre og prøv igjen."
        )
        % {"max": MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _has_alpha(image: Image.Image) -> bool:
    # An alpha channel, or one colour marked transparent (a palette's, or an RGB or
    # greyscale PNG's tRNS chunk): either way the rendition keeps it.
    return image.has_transparency_data


def _rendition(image: Image.Image, width: int) -> Rendition:
    if image.width > width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # A fresh save with no exif/icc_profile/xmp arguments writes none of them.
    image.save(buffer, format="WEBP", quality=WEBP_QUALITY, method=4)
    return Rendition(content=ContentFile(buffer.getvalue()), width=image.width, height=image.height)


def cleaned_single_image(upload, name: str) -> ContentFile:
    """One checked, metadata-free rendition (LARGE_WIDTH) for fields that keep a single file,
    such as an event's picture or a speaker's photo. Raises ValidationError like process_upload."""
    rendition = process_upload(upload).large
    rendition.content.name = f"{name}.webp"
    return rendition.content
