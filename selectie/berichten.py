"""E-mail to nominators: the confirmation of a submitted nomination, with a PDF copy."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext

from .documenten import voordracht_pdf
from .selectors import motivaties_per_criterium, voordracht_volledig

logger = logging.getLogger(__name__)


def voordracht_bevestiging_versturen(*, pk: int) -> None:
    """Send the confirmation (summary in the body, PDF copy attached) to the nominator's own account address.

    Never to the contact address typed into the form: anyone can type any address there, and the copy
    holds the whole nomination. The privacy statement promises that the copy is only in the nominator's
    own mailbox.
    """
    voordracht = voordracht_volledig(pk=pk)
    if not voordracht.indiener.email:
        return
    context = {"voordracht": voordracht, "motivaties": motivaties_per_criterium(voordracht)}
    bericht = EmailMessage(
        subject=gettext("Bevestiging van uw voordracht: %(kandidaat)s") % {"kandidaat": voordracht.kandidaat},
        body=render_to_string("selectie/email/voordracht_bevestiging.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[voordracht.indiener.email],
    )
    naam = slugify(f"voordracht-{voordracht.pk}-{voordracht.kandidaat}")[:80] or "voordracht"
    bericht.attach(f"{naam}.pdf", voordracht_pdf(voordracht), "application/pdf")
    bericht.send()
