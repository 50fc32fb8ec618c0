"""Request bodies above MAX_UPLOAD_BYTES are refused before anything reads them."""

import pytest


@pytest.mark.django_db
def test_too_large_body_gets_a_norwegian_413_page(client, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024

    response = client.post(
        "/om/", data=b"x" * (1024 * 1024 + 100 * 1024), content_type="application/octet-stream"
    )

    assert response.status_code == 413
    assert "Filen er for stor" in response.content.decode()
    assert "større enn 1 MB" in response.content.decode()


@pytest.mark.django_db
def test_body_within_the_limit_reaches_the_view(client, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024

    response = client.post(
        "/om/", data=b"x" * (1024 * 1024), content_type="application/octet-stream"
    )

    assert response.status_code == 405  # the page takes GET only: the view answered


@pytest.mark.django_db
def test_get_is_never_refused_for_size(client, settings):
    settings.MAX_UPLOAD_BYTES = 0

    assert client.get("/om/").status_code == 200
