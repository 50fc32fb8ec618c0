"""Event pictures and speaker photos uploaded in the admin are checked and cleaned."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.admin import SpeakerAdminForm
from events.models import Speaker
from tests.factories import make_image_bytes, png_bomb

pytestmark = pytest.mark.django_db


def _speaker_form(event, content: bytes) -> SpeakerAdminForm:
    data = {"event": event.pk, "name": "Ingrid Innleder", "role": "Kurator", "position": 0}
    photo = SimpleUploadedFile("portrett.jpg", content, content_type="image/jpeg")
    return SpeakerAdminForm(data=data, files={"photo": photo})


def test_speaker_photo_loses_exif_and_gps(event):
    exif = Image.Exif()
    exif[0x010F] = "Testkamera"
    exif.get_ifd(0x8825)[1] = "N"

    form = _speaker_form(event, make_image_bytes(2400, 1600, exif=exif))
    assert form.is_valid(), form.errors
    speaker = form.save()

    with speaker.photo.open("rb") as stored:
        raw = stored.read()
    with Image.open(io.BytesIO(raw)) as image:
        assert image.format == "WEBP"
        assert image.width == 1200  # resized once, at upload
        assert not image.getexif()
    assert b"Testkamera" not in raw


def test_speaker_photo_decompression_bomb_is_refused_in_norwegian(event):
    form = _speaker_form(event, png_bomb())

    assert not form.is_valid()
    assert form.errors["photo"][0].startswith("Bildet har for mange piksler")
    assert Speaker.objects.count() == 0


def test_speaker_photo_that_is_not_an_image_is_refused(event):
    form = _speaker_form(event, b"ikke et bilde")

    assert not form.is_valid()
    assert "photo" in form.errors
