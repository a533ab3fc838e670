"""PDF uploads are checked by content and size, in the admin too: a Dutch message, never a 500."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from kennisbank.models import Kennisitem, Zoekdocument
from kennisbank.validators import MAX_PDF_GROOTTE, pdf_valideren
from tests.factories.accounts import UserFactory
from tests.factories.kennisbank import UitgeverFactory
from tests.permissies import inloggen, totp_apparaat_maken


def echte_pdf() -> bytes:
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    schrijver.write(buffer)
    return buffer.getvalue()


def test_pdf_valideren_accepts_a_real_pdf():
    pdf_valideren(SimpleUploadedFile("handreiking.pdf", echte_pdf(), content_type="application/pdf"))


def test_pdf_valideren_refuses_a_renamed_executable():
    exe = SimpleUploadedFile("handreiking.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")

    with pytest.raises(ValidationError) as fout:
        pdf_valideren(exe)

    assert fout.value.code == "geen_pdf"
    assert "geen PDF" in fout.value.messages[0]


def test_pdf_valideren_refuses_magic_bytes_without_a_real_pdf():
    nep = SimpleUploadedFile("nep.pdf", b"%PDF-1.7\nniet echt\n%%EOF\n")

    with pytest.raises(ValidationError) as fout:
        pdf_valideren(nep)

    assert fout.value.code == "onleesbaar"


def test_pdf_valideren_refuses_a_file_that_is_too_large():
    groot = SimpleUploadedFile("groot.pdf", b"%PDF-1.7\n" + b"0" * MAX_PDF_GROOTTE + b"\n%%EOF\n")

    with pytest.raises(ValidationError) as fout:
        pdf_valideren(groot)

    assert fout.value.code == "te_groot"
    assert "te groot" in fout.value.messages[0]


def beheerder(client):
    """A superuser without the programme-staff role, OTP-verified (an admin account needs a second factor)."""
    gebruiker = UserFactory(is_staff=True, is_superuser=True)
    totp_apparaat_maken(gebruiker)
    inloggen(client, gebruiker)


def _formulier(bestand, titel="Nieuwe handreiking"):
    uitgever = UitgeverFactory(naam="VNG")
    return {
        "titel": titel,
        "slug": "nieuwe-handreiking",
        "soort": "handreiking",
        "samenvatting": "Kort.",
        "inhoud": "<p>Tekst</p><script>alert(1)</script>",
        "bestand": bestand,
        "url": "",
        "uitgever": uitgever.pk,
        "jaar": "2017",
        "gepubliceerd": "on",
    }


@pytest.mark.django_db
def test_admin_refuses_renamed_executable_with_dutch_message(client):
    beheerder(client)
    exe = SimpleUploadedFile("handreiking.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")

    response = client.post(reverse("admin:kennisbank_kennisitem_add"), _formulier(exe))

    assert response.status_code == 200
    assert "Dit bestand is geen PDF" in response.content.decode()
    assert not Kennisitem.objects.exists()


@pytest.mark.django_db
def test_admin_stores_a_real_pdf_under_a_generated_name_and_sanitises(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    beheerder(client)
    pdf = SimpleUploadedFile("mijn geheime naam.pdf", echte_pdf(), content_type="application/pdf")

    response = client.post(reverse("admin:kennisbank_kennisitem_add"), _formulier(pdf))

    assert response.status_code == 302
    item = Kennisitem.objects.get()
    assert item.bestand.name.startswith("kennisbank/")
    assert "geheime" not in item.bestand.name
    assert item.bestand.name.endswith(".pdf")
    assert item.inhoud == "<p>Tekst</p>"
    assert Zoekdocument.objects.get(sleutel=f"kennisitem:{item.pk}").titel == item.titel
