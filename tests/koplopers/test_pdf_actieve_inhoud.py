"""PDFs with active content (scripts, launch actions, embedded files, multimedia) are refused.

Every PDF here is generated with pypdf, one per kind of active content.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from kennisbank.validators import pdf_valideren
from koplopers.bestanden import pdf_actieve_inhoud, pdf_inhoud_fout
from selectie.validators import pdf_controleren


def _js_actie(code: str = "app.alert('hallo');") -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(code),
        }
    )


def _schrijven(schrijver: PdfWriter) -> bytes:
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _schrijver() -> PdfWriter:
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=200, height=200)
    return schrijver


def _gewoon() -> bytes:
    return _schrijven(_schrijver())


def _javascript_in_namenboom() -> bytes:
    schrijver = _schrijver()
    boom = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("begroeting"), schrijver._add_object(_js_actie())])}
    )
    schrijver._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): boom})
    return _schrijven(schrijver)


def _openaction_met_javascript() -> bytes:
    schrijver = _schrijver()
    schrijver._root_object[NameObject("/OpenAction")] = schrijver._add_object(_js_actie())
    return _schrijven(schrijver)


def _pagina_aa_met_javascript() -> bytes:
    schrijver = _schrijver()
    schrijver.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): _js_actie()})
    return _schrijven(schrijver)


def _launch_actie() -> bytes:
    schrijver = _schrijver()
    actie = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")})
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(50), NumberObject(50)]),
            NameObject("/A"): actie,
        }
    )
    schrijver.pages[0][NameObject("/Annots")] = ArrayObject([schrijver._add_object(link)])
    return _schrijven(schrijver)


def _ingesloten_bestand() -> bytes:
    schrijver = _schrijver()
    schrijver.add_attachment("virus.exe", b"MZ\x90\x00")
    return _schrijven(schrijver)


def _richmedia() -> bytes:
    schrijver = _schrijver()
    annotatie = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/RichMedia"),
            NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(50), NumberObject(50)]),
        }
    )
    schrijver.pages[0][NameObject("/Annots")] = ArrayObject([schrijver._add_object(annotatie)])
    return _schrijven(schrijver)


def _javascript_achter_een_kringverwijzing() -> bytes:
    """Two dictionaries that point at each other, and JavaScript behind the loop."""
    schrijver = _schrijver()
    a = DictionaryObject()
    b = DictionaryObject()
    ref_a, ref_b = schrijver._add_object(a), schrijver._add_object(b)
    a[NameObject("/Volgende")] = ref_b
    b[NameObject("/Volgende")] = ref_a
    b[NameObject("/Actie")] = _js_actie()
    schrijver._root_object[NameObject("/Eigen")] = ref_a
    return _schrijven(schrijver)


def _kringverwijzing_zonder_javascript() -> bytes:
    schrijver = _schrijver()
    a = DictionaryObject()
    ref_a = schrijver._add_object(a)
    a[NameObject("/Zelf")] = ref_a
    schrijver._root_object[NameObject("/Eigen")] = ref_a
    return _schrijven(schrijver)


def _gewone_openaction_en_link() -> bytes:
    """Opening on page 1 and a web link are not active content."""
    schrijver = _schrijver()
    schrijver._root_object[NameObject("/OpenAction")] = ArrayObject(
        [schrijver.pages[0].indirect_reference, NameObject("/Fit")]
    )
    schrijver.add_uri(0, "https://www.movisie.nl/", [0, 0, 50, 50])
    return _schrijven(schrijver)


def _verborgen_naam() -> bytes:
    """``/J#61vaScript`` is ``/JavaScript`` written with an escape: the parser must see through it."""
    inhoud = _openaction_met_javascript()
    return inhoud.replace(b"/S /JavaScript", b"/S /J#61vaScript", 1).replace(b"/JS ", b"/J#53 ", 1)


ACTIEF = {
    "javascript-namenboom": _javascript_in_namenboom,
    "openaction-javascript": _openaction_met_javascript,
    "aa-javascript": _pagina_aa_met_javascript,
    "launch": _launch_actie,
    "ingesloten-bestand": _ingesloten_bestand,
    "richmedia": _richmedia,
    "kringverwijzing-met-javascript": _javascript_achter_een_kringverwijzing,
}


@pytest.mark.parametrize("soort", sorted(ACTIEF))
def test_pdf_inhoud_fout_refuses_active_content(soort):
    bestand = SimpleUploadedFile("x.pdf", ACTIEF[soort]())

    assert pdf_inhoud_fout(bestand) == "actieve_inhoud"
    assert bestand.tell() == 0


@pytest.mark.parametrize("maker", [_gewoon, _gewone_openaction_en_link, _kringverwijzing_zonder_javascript])
def test_pdf_inhoud_fout_accepts_pdfs_without_active_content(maker):
    assert pdf_inhoud_fout(SimpleUploadedFile("x.pdf", maker())) is None


def test_pdf_inhoud_fout_sees_through_escaped_names():
    inhoud = _verborgen_naam()
    assert b"/J#61vaScript" in inhoud and b"/J#53 " in inhoud and b"/JS " not in inhoud

    assert pdf_inhoud_fout(SimpleUploadedFile("x.pdf", inhoud)) == "actieve_inhoud"


def test_pdf_actieve_inhoud_gives_up_and_refuses_beyond_its_budget():
    lezer = PdfReader(io.BytesIO(_gewoon()))

    assert pdf_actieve_inhoud(lezer) is False
    assert pdf_actieve_inhoud(lezer, budget=3) is True


@pytest.mark.parametrize("soort", sorted(ACTIEF))
def test_nomination_attachment_with_active_content_gets_a_dutch_message(soort):
    with pytest.raises(ValidationError) as fout:
        pdf_controleren(SimpleUploadedFile("plan.pdf", ACTIEF[soort]()))

    assert fout.value.code == "actieve_inhoud"
    assert fout.value.messages[0].startswith("plan.pdf bevat actieve inhoud")


def test_kennisbank_pdf_with_active_content_gets_a_dutch_message():
    with pytest.raises(ValidationError) as fout:
        pdf_valideren(SimpleUploadedFile("handreiking.pdf", _ingesloten_bestand()))

    assert fout.value.code == "actieve_inhoud"
    assert "Zulke PDF-bestanden nemen wij niet aan" in fout.value.messages[0]
