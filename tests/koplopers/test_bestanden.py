import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from koplopers.bestanden import pdf_inhoud_fout


def _pdf(*, gebruiker=None, eigenaar=None) -> bytes:
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=200, height=200)
    if gebruiker is not None:
        schrijver.encrypt(user_password=gebruiker, owner_password=eigenaar)
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def test_pdf_inhoud_fout_accepts_a_real_pdf_and_rewinds():
    bestand = SimpleUploadedFile("x.pdf", _pdf())

    assert pdf_inhoud_fout(bestand) is None
    assert bestand.tell() == 0


def test_pdf_inhoud_fout_refuses_a_renamed_executable():
    bestand = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00" + b"\x00" * 100)

    assert pdf_inhoud_fout(bestand) == "geen_pdf"


def test_pdf_inhoud_fout_refuses_a_damaged_pdf():
    bestand = SimpleUploadedFile("x.pdf", b"%PDF-1.4\nrommel\n%%EOF")

    assert pdf_inhoud_fout(bestand) == "onleesbaar"


def test_pdf_inhoud_fout_refuses_a_pdf_that_needs_a_password_to_open():
    bestand = SimpleUploadedFile("x.pdf", _pdf(gebruiker="geheim", eigenaar="geheim"))

    assert pdf_inhoud_fout(bestand) == "onleesbaar"


def test_pdf_inhoud_fout_refuses_owner_only_encryption_only_when_asked():
    versleuteld = SimpleUploadedFile("x.pdf", _pdf(gebruiker="", eigenaar="geheim"))

    assert pdf_inhoud_fout(versleuteld) is None
    assert pdf_inhoud_fout(versleuteld, versleuteld_weigeren=True) == "onleesbaar"
