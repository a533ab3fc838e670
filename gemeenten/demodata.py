"""Illustrative demo profiles for `make run`. Clearly labelled as example text on the page."""

from django.db import transaction

from koplopers.accounts.models import User

from .models import Contactpersoon, Doelgroep, Koploper, Link, Thema

# Profile answers are stored as typed (plain text with light markup, see koplopers.opmaak).
VOORBEELD_ORGANISATIE = (
    "Inwoners kunnen voor onafhankelijke cliëntondersteuning terecht bij een professionele "
    "cliëntondersteuner en bij een pool van vrijwillige ervaringsdeskundigen. Het sociaal team wijst "
    "inwoners vóór het keukentafelgesprek op deze mogelijkheid."
)
VOORBEELD_AMBITIES = (
    "- Iedere inwoner weet dat cliëntondersteuning bestaat en gratis is.\n"
    "- Ervaringsdeskundigen worden structureel betrokken bij beleid."
)
VOORBEELD_ACTIES = (
    "Samen met de adviesraad sociaal domein organiseren we voorlichtingsbijeenkomsten, "
    "en we meten elk jaar de ervaringen van cliënten."
)

UITGELICHT = ["almere", "vught", "regio-twente"]

# The demo officials (made by koplopers.accounts.demodata) and the profile each of them manages.
DEMO_AMBTENAREN = {"ambtenaar.almere": "almere", "ambtenaar.twente": "regio-twente"}

# Almere's approach as the public sources describe it (DOMAIN.md): real, not example text.
ALMERE = {
    "organisatie": "De onafhankelijke cliëntondersteuning in Almere wordt gegeven door MEE IJsseloevers. "
    "Daarnaast is er een *kompanenpool*: vrijwillige ervaringsdeskundigen die cliënten morele steun "
    "geven en helpen hun vraag onder woorden te brengen.",
}


@transaction.atomic
def demoprofielen_laden() -> int:
    """Fill the known koplopers' empty profiles with labelled example text. Idempotent."""
    doelgroepen = list(Doelgroep.objects.order_by("naam"))
    themas = list(Thema.objects.order_by("naam"))
    aantal = 0
    for index, koploper in enumerate(Koploper.objects.order_by("sorteernaam")):
        if koploper.slug == "almere":
            koploper.organisatie = ALMERE["organisatie"]
        elif not koploper.organisatie:
            koploper.organisatie = VOORBEELD_ORGANISATIE
            koploper.ambities = VOORBEELD_AMBITIES
            koploper.acties = VOORBEELD_ACTIES
            koploper.is_voorbeeldtekst = True
        koploper.uitgelicht = koploper.slug in UITGELICHT
        koploper.save()
        if koploper.is_voorbeeldtekst:
            # Only beside example text: real text (Almere) gets no invented target groups or themes.
            if doelgroepen and not koploper.doelgroepen.exists():
                koploper.doelgroepen.add(doelgroepen[index % len(doelgroepen)])
            if themas and not koploper.themas.exists():
                koploper.themas.add(themas[index % len(themas)])
            Contactpersoon.objects.get_or_create(
                koploper=koploper,
                naam="Voorbeeld Contactpersoon",
                defaults={
                    "functie": "Beleidsadviseur sociaal domein (voorbeeld)",
                    "email": f"cliëntondersteuning@{koploper.slug}.example".replace("ë", "e"),
                    "telefoon": "14 0000",
                    "toestemming_publicatie": True,
                },
            )
        if koploper.bron_url:
            Link.objects.get_or_create(koploper=koploper, url=koploper.bron_url, defaults={"titel": "Bron"})
        aantal += 1
    return aantal


@transaction.atomic
def demo_ambtenaren_koppelen() -> int:
    """Give each demo official the profile they manage (and its municipality). Idempotent; returns the number."""
    aantal = 0
    for gebruikersnaam, slug in DEMO_AMBTENAREN.items():
        gebruiker = User.objects.filter(username=gebruikersnaam).first()
        koploper = Koploper.objects.filter(slug=slug).first()
        if gebruiker is None or koploper is None:
            continue
        gebruiker.koplopers.set([koploper])
        gebruiker.gemeenten.set([koploper.gemeente_id] if koploper.gemeente_id else [])
        aantal += 1
    return aantal
