"""Checks on nomination attachments: by content (PDF header, end marker, a parse) and size, never by name."""

import unicodedata
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from koplopers.bestanden import pdf_inhoud_fout

from .models import Bijlage


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
    fout = pdf_inhoud_fout(bestand)
    if fout == "geen_pdf":
        raise ValidationError(
            _("%(naam)s is geen PDF-bestand. Alleen PDF-bestanden zijn toegestaan; de naam alleen is niet genoeg."),
            code="geen_pdf",
            params={"naam": naam},
        )
    if fout == "onleesbaar":
        raise ValidationError(
            _("%(naam)s is beschadigd of leeg en kan niet worden gelezen als PDF."),
            code="onleesbaar",
            params={"naam": naam},
        )
    if fout == "actieve_inhoud":
        raise ValidationError(
            _(
                "%(naam)s bevat actieve inhoud, zoals JavaScript, een ingesloten bestand, multimedia of een "
                "opdracht om een programma te starten. Zulke PDF-bestanden nemen wij niet aan. Maak een gewone "
                "PDF (bijvoorbeeld met ‘Afdrukken als PDF’) en probeer het opnieuw."
            ),
            code="actieve_inhoud",
            params={"naam": naam},
        )
