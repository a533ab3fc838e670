"""Logos above 25 megapixels are refused from their header, before anything is decoded."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from gemeenten import services
from gemeenten.models import KoploperConcept
from koplopers.bestanden import MAX_AFBEELDING_PIXELS
from tests.accounts.test_bewerken import _formulier, _url
from tests.factories.accounts import AmbtenaarFactory


def _png_kop(breedte: int, hoogte: int) -> bytes:
    """A PNG whose header describes ``breedte`` × ``hoogte`` pixels, with (almost) no image data."""

    def blok(soort: bytes, inhoud: bytes) -> bytes:
        return struct.pack(">I", len(inhoud)) + soort + inhoud + struct.pack(">I", zlib.crc32(soort + inhoud))

    kop = struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + blok(b"IHDR", kop) + blok(b"IDAT", zlib.compress(b"\x00" * 64)) + blok(b"IEND", b"")


def _echte_png(breedte: int, hoogte: int) -> bytes:
    """A real, fully decodable 1-bit PNG (small on disk, many pixels)."""
    uitvoer = io.BytesIO()
    Image.new("1", (breedte, hoogte), 1).save(uitvoer, format="PNG")
    return uitvoer.getvalue()


@pytest.fixture
def niet_decoderen(monkeypatch):
    """Fail the test if any image is decoded."""

    def load(self):
        raise AssertionError("de afbeelding werd gedecodeerd")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def test_pillow_limit_equals_the_upload_limit():
    assert Image.MAX_IMAGE_PIXELS == MAX_AFBEELDING_PIXELS == 25_000_000


@pytest.mark.parametrize(
    ("breedte", "hoogte"),
    [(6500, 6000), (5001, 5000), (60_000, 60_000)],  # 39 MP (the review's case), just over, far over Pillow's 2x
)
def test_afbeelding_met_te_veel_pixels_wordt_geweigerd_zonder_decoderen(niet_decoderen, breedte, hoogte):
    bestand = SimpleUploadedFile("groot.png", _png_kop(breedte, hoogte))

    with pytest.raises(ValidationError) as fout:
        services.afbeelding_controleren(bestand)

    assert fout.value.code == "te_veel_pixels"
    assert "25 miljoen pixels" in fout.value.messages[0]


def test_afbeelding_van_precies_25_megapixel_wordt_geaccepteerd():
    bestand = SimpleUploadedFile("grens.png", _echte_png(5000, 5000))

    afbeelding = services.afbeelding_controleren(bestand)

    assert afbeelding.size == (5000, 5000)


@pytest.mark.django_db
def test_upload_van_39_megapixel_logo_geeft_nederlandse_melding_en_bewaart_de_invoer(client_als, koploper):
    client_ambtenaar = client_als(AmbtenaarFactory(koplopers=[koploper]))
    bestand = SimpleUploadedFile("foto.png", _echte_png(6500, 6000), content_type="image/png")

    response = client_ambtenaar.post(
        _url("bewerken", koploper),
        {**_formulier(koploper, organisatie="Wat ik net typte.", logo_alt="Logo"), "logo": bestand},
    )

    assert response.status_code == 200
    assert "De afbeelding is te groot: hoogstens 25 miljoen pixels" in response.text
    assert "Wat ik net typte." in response.text
    assert not KoploperConcept.objects.exists()
