"""Checks on nomination attachments: by content (PDF header, end marker, a parse) and size, never by name."""

import unicodedata
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from .models import Bijlage

PDF_BEGIN = b"%PDF-"
PDF_EINDE = b"%%EOF"


def weergavenaam(bestandsnaam: str) -> str:
    """The uploaded name, only for display: no path, no control characters, at most 255 characters."""
    naam = PurePath((bestandsnaam or "").replace("\\", "/")).name
    naam = "".join(teken for teken in naam if unicodedata.category(teken)[0] != "C").strip()
    return naam[-255:] or "bijlage.pdf"


def pdf_controleren(bestand) -> None:
    """Refuse anything that is not a readable PDF of at most 10 MB, with a Dutch message (never a 500)."""
    naam = weergavenaam(getattr(bestand, "name", ""))
    if bestand.size > Bijlage.MAX_GROOTTE:
        raise ValidationError(
            _("%(naam)s is te groot (%(grootte)s). Een bijlage mag hoogstens %(max)s zijn."),
            code="te_groot",
            params={
                "naam": naam,
                "grootte": filesizeformat(bestand.size),
                "max": filesizeformat(Bijlage.MAX_GROOTTE),
            },
        )
    if bestand.size == 0:
        raise ValidationError(_("%(naam)s is leeg."), code="leeg", params={"naam": naam})
    bestand.seek(0)
    begin = bestand.read(len(PDF_BEGIN))
    bestand.seek(max(0, bestand.size - 2048))
    einde = bestand.read()
    bestand.seek(0)
    if begin != PDF_BEGIN or PDF_EINDE not in einde:
        raise ValidationError(
            _("%(naam)s is geen PDF-bestand. Alleen PDF-bestanden zijn toegestaan; de naam alleen is niet genoeg."),
            code="geen_pdf",
            params={"naam": naam},
        )
    try:
        lezer = PdfReader(bestand, strict=False)
        if len(lezer.pages) < 1:
            raise ValueError("geen pagina's")
    except Exception as fout:  # a damaged file may make the parser raise anything: refuse, never a 500
        raise ValidationError(
            _("%(naam)s is beschadigd of leeg en kan niet worden gelezen als PDF."),
            code="onleesbaar",
            params={"naam": naam},
        ) from fout
    finally:
        bestand.seek(0)
