"""Checks on uploaded PDF files: by content (magic bytes, end marker, a parse) and by size, never by name."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from koplopers.bestanden import pdf_inhoud_fout

MAX_PDF_GROOTTE = 20 * 1024 * 1024


def pdf_valideren(bestand) -> None:
    """Refuse anything that is not a readable PDF of at most 20 MB, with a Dutch message (never a 500)."""
    if bestand.size > MAX_PDF_GROOTTE:
        raise ValidationError(
            _("Het bestand is te groot (%(grootte)s). Het mag hoogstens %(max)s zijn."),
            code="te_groot",
            params={"grootte": filesizeformat(bestand.size), "max": filesizeformat(MAX_PDF_GROOTTE)},
        )
    fout = pdf_inhoud_fout(bestand, versleuteld_weigeren=True)
    if fout == "geen_pdf":
        raise ValidationError(
            _("Dit bestand is geen PDF. Kies een PDF-bestand (de naam alleen is niet genoeg)."),
            code="geen_pdf",
        )
    if fout == "onleesbaar":
        raise ValidationError(
            _("Dit PDF-bestand is beschadigd, beveiligd of leeg en kan niet worden gelezen."),
            code="onleesbaar",
        )
    if fout == "actieve_inhoud":
        raise ValidationError(
            _(
                "Dit PDF-bestand bevat actieve inhoud, zoals JavaScript, een ingesloten bestand, multimedia of een "
                "opdracht om een programma te starten. Zulke PDF-bestanden nemen wij niet aan. Maak een gewone "
                "PDF (bijvoorbeeld met ‘Afdrukken als PDF’) en probeer het opnieuw."
            ),
            code="actieve_inhoud",
        )
