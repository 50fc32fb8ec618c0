"""An event's picture, uploaded through the admin, is cleaned like every other image:
no EXIF or GPS position kept, resized once, and no decompression bombs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import MultiWidget
from PIL import Image

from events.models import Event
from tests.factories import make_event, make_image_bytes, png_bomb

pytestmark = pytest.mark.django_db


def _post_change_form(client, event: Event, picture: bytes):
    """Submit the admin's change form as the coordinator's browser would, plus a picture."""
    url = f"/admin/events/event/{event.pk}/change/"
    response = client.get(url)
    data = {}
    for bound in response.context["adminform"].form:
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, MultiWidget):
            parts = widget.decompress(value)
            for i, (sub, part) in enumerate(zip(widget.widgets, parts, strict=True)):
                data[f"{bound.html_name}_{i}"] = sub.format_value(part) or ""
        elif value is not None and bound.name != "image":
            data[bound.html_name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{k}": v for k, v in management.initial.items()})
    data["image"] = SimpleUploadedFile("fra-mobilen.jpg", picture, content_type="image/jpeg")
    data["image_alt"] = "Folk rundt et bord"
    return client.post(url, data)


def _photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Testkamera"
    exif.get_ifd(0x8825)[1] = "N"  # GPS latitude reference: a position was recorded
    return make_image_bytes(2400, 1600, exif=exif)


def test_event_picture_from_the_admin_loses_exif_and_gps_and_is_resized(coordinator_client):
    event = make_event(title="Nettverksmøte med bilde")

    response = _post_change_form(coordinator_client, event, _photo_with_gps())

    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    with event.image.open("rb") as stored:
        raw = stored.read()
    with Image.open(io.BytesIO(raw)) as image:
        assert image.format == "WEBP"
        assert image.width == 1200
        assert not image.getexif()
    assert b"Testkamera" not in raw


def test_event_picture_decompression_bomb_is_refused_in_norwegian(coordinator_client):
    event = make_event()

    response = _post_change_form(coordinator_client, event, png_bomb())

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["image"][0].startswith("Bildet har for mange piksler")
    event.refresh_from_db()
    assert not event.image
