import pytest
from django.conf import settings


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "koplopers" / "logo").mkdir(parents=True)
    (tmp_path / "voordrachten" / "1").mkdir(parents=True)
    (tmp_path / "koplopers" / "logo" / "abc123.png").write_bytes(b"\x89PNG\r\n\x1a\nlogo")
    (tmp_path / "voordrachten" / "1" / "abc123.pdf").write_bytes(b"%PDF-1.4 geheim")
    return tmp_path


@pytest.mark.django_db
def test_public_logo_is_served_with_cache_header(client, media):
    response = client.get(f"{settings.MEDIA_URL}koplopers/logo/abc123.png")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.django_db
def test_nomination_attachment_is_not_served_as_media(client, media):
    response = client.get(f"{settings.MEDIA_URL}voordrachten/1/abc123.pdf")

    assert response.status_code == 404


@pytest.mark.django_db
def test_path_traversal_in_media_is_refused(client, media):
    response = client.get(f"{settings.MEDIA_URL}koplopers/logo/..%2F..%2Fvoordrachten%2F1%2Fabc123.pdf")

    assert response.status_code == 404
