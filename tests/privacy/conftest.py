import pytest
from django.test import Client

from tests.permissies import inloggen


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploads go to a fresh directory per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def client_als():
    """``client_als(user)``: a test client logged in as ``user`` (OTP-verified if they have a device)."""

    def maken(gebruiker):
        client = Client()
        inloggen(client, gebruiker)
        return client

    return maken
