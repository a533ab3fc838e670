"""E-mail to nominators: the confirmation of a submitted nomination, with a PDF copy.

The message is queued in the outbox (``koplopers.post``) in the submit's own transaction; the body and
the PDF are made by :func:`voordracht_bevestiging_opbouwen` in the task worker, not in the request.
"""

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext

from koplopers.post.models import Bericht
from koplopers.post.services import bericht_in_wachtrij

from .documenten import voordracht_pdf
from .models import Voordracht
from .selectors import motivaties_per_criterium, voordracht_volledig


def bevestiging_ontvangers(voordracht: Voordracht) -> list[str]:
    """Who gets the confirmation of ``voordracht``: the nominator's own account address, and nobody else.

    Never the contact address typed into the form: anyone can type any address there, and the copy holds
    the whole nomination. The privacy statement promises that the copy is only in the nominator's own mailbox.
    """
    return [voordracht.indiener.email] if voordracht.indiener.email else []


def voordracht_bevestiging_in_wachtrij(*, voordracht: Voordracht) -> Bericht | None:
    """Queue the confirmation (call inside the submit's transaction: it leaves after the commit)."""
    ontvangers = bevestiging_ontvangers(voordracht)
    if not ontvangers:
        return None
    return bericht_in_wachtrij(
        sleutel=f"voordracht-bevestiging-{voordracht.pk}",
        soort=Bericht.Soort.BEVESTIGING,
        aan=ontvangers,
        onderwerp=gettext("Bevestiging van uw voordracht: %(kandidaat)s") % {"kandidaat": voordracht.kandidaat},
        opbouw="selectie.berichten.voordracht_bevestiging_opbouwen",
        opbouw_gegevens={"pk": voordracht.pk},
    )


def voordracht_bevestiging_opbouwen(*, pk: int) -> dict:
    """The body (summary) and the PDF copy of the confirmation; run by the outbox when it sends."""
    voordracht = voordracht_volledig(pk=pk)
    context = {"voordracht": voordracht, "motivaties": motivaties_per_criterium(voordracht)}
    naam = slugify(f"voordracht-{voordracht.pk}-{voordracht.kandidaat}")[:80] or "voordracht"
    return {
        "tekst": render_to_string("selectie/email/voordracht_bevestiging.txt", context),
        "bijlagen": [(f"{naam}.pdf", voordracht_pdf(voordracht), "application/pdf")],
    }
