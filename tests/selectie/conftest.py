import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from tests.factories.accounts import BelangenbehartigerFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import OpenRondeFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Attachments go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_inhoud(paginas: int = 1) -> bytes:
    schrijver = PdfWriter()
    for _ in range(paginas):
        schrijver.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    schrijver.write(buffer)
    return buffer.getvalue()


def pdf_bestand(naam: str = "plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, pdf_inhoud(), content_type="application/pdf")


@pytest.fixture
def ronde(db):
    return OpenRondeFactory()


@pytest.fixture
def indiener(db):
    return BelangenbehartigerFactory()


@pytest.fixture
def gemeenten(db):
    return [GemeenteFactory(naam=naam) for naam in ["Almere", "Lelystad", "Zeewolde"]]


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def aanmelden(client, gebruiker):
    """Log in without the login page (built elsewhere), with the plain model backend."""
    client.force_login(gebruiker, backend=MODEL_BACKEND)
    return client
