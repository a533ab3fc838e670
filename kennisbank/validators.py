"""Checks on uploaded PDF files: by content (magic bytes, end marker, a parse) and by size, never by name."""

import io

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

MAX_PDF_GROOTTE = 20 * 1024 * 1024
PDF_BEGIN = b"%PDF-"
PDF_EINDE = b"%%EOF"


def pdf_valideren(bestand) -> None:
    """Refuse anything that is not a readable PDF of at most 20 MB, with a Dutch message (never a 500)."""
    if bestand.size > MAX_PDF_GROOTTE:
        raise ValidationError(
            _("Het bestand is te groot (%(grootte)s). Het mag hoogstens %(max)s zijn."),
            code="te_groot",
            params={"grootte": filesizeformat(bestand.size), "max": filesizeformat(MAX_PDF_GROOTTE)},
        )
    bestand.seek(0)
    inhoud = bestand.read()
    bestand.seek(0)
    if not inhoud.startswith(PDF_BEGIN) or PDF_EINDE not in inhoud[-2048:]:
        raise ValidationError(
            _("Dit bestand is geen PDF. Kies een PDF-bestand (de naam alleen is niet genoeg)."),
            code="geen_pdf",
        )
    try:
        lezer = PdfReader(io.BytesIO(inhoud), strict=False)
        if lezer.is_encrypted or len(lezer.pages) < 1:
            raise ValueError("versleuteld of leeg")
    except Exception as fout:  # a damaged file may make the parser raise anything: refuse, never a 500
        raise ValidationError(
            _("Dit PDF-bestand is beschadigd, beveiligd of leeg en kan niet worden gelezen."),
            code="onleesbaar",
        ) from fout
