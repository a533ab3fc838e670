"""Factories and helpers for reviewing and selecting.

Candidates are made directly (a submitted nomination with its candidate), not through the nomination
service, so that a round of 300 candidates is quick to build (tests and ``bench/beoordeling.py``).
"""

import factory
from django.utils import timezone

from koplopers.accounts.models import User
from selectie.beoordeling import services
from selectie.models import Kandidaat, MedeIndiener, Ronde, Voordracht
from tests.factories.accounts import BelangenbehartigerFactory, StafFactory, UserFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import OpenRondeFactory
from tests.permissies import totp_apparaat_maken

ORGANISATIES = [
    User.BeoordelaarOrganisatie.VNG,
    User.BeoordelaarOrganisatie.IEDERIN,
    User.BeoordelaarOrganisatie.KOEPEL_ASD,
]


class BeoordelaarFactory(UserFactory):
    """A reviewer with a confirmed TOTP device; ``beoordelaar_organisatie`` defaults to VNG."""

    beoordelaar_organisatie = User.BeoordelaarOrganisatie.VNG
    username = factory.Sequence(lambda n: f"beoordelaar{n}")

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted is not False:
            totp_apparaat_maken(self)


class VerifieerdeStafFactory(StafFactory):
    username = factory.Sequence(lambda n: f"staf{n}")

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted is not False:
            totp_apparaat_maken(self)


def ronde_maken(**kwargs):
    """A round in review (status "onafhankelijk beoordelen", unless given), closed at its deadline, with
    the four criteria of 2019 and its review settings."""
    kwargs.setdefault("status", Ronde.Status.ONAFHANKELIJK)
    ronde = OpenRondeFactory(**kwargs)
    services.rondebeoordeling_voor(ronde=ronde)
    return ronde


def kandidaat_maken(
    *,
    ronde,
    gemeenten=None,
    naam: str | None = None,
    themas=(),
    organisatie: str = "Cliëntenraad Voorbeeld",
    organisatie_type: str = Voordracht.OrganisatieType.CLIENTORGANISATIE,
    mede_indieners=(),
    indiener=None,
    gezamenlijk: bool = False,
) -> Kandidaat:
    """A candidate with one submitted nomination."""
    gemeenten = list(gemeenten) if gemeenten else [GemeenteFactory()]
    sleutel = ",".join(sorted(g.code for g in gemeenten))
    kandidaat = Kandidaat.objects.create(
        ronde=ronde, sleutel=sleutel, naam=naam or " en ".join(g.toon_naam for g in gemeenten)
    )
    kandidaat.gemeenten.set(gemeenten)
    voordracht = Voordracht.objects.create(
        ronde=ronde,
        kandidaat=kandidaat,
        indiener=indiener or BelangenbehartigerFactory(),
        status=Voordracht.Status.INGEDIEND,
        organisatie=organisatie,
        organisatie_type=organisatie_type,
        contact_naam="Jet de Vries",
        contact_email=f"voordrager-{sleutel.replace(',', '-').lower()}@voorbeeld.nl",
        toestemming_privacy=True,
        toestemming_op=timezone.now(),
        ingediend_op=timezone.now(),
    )
    Voordracht.objects.filter(pk=voordracht.pk).update(is_gezamenlijk=gezamenlijk)
    voordracht.gemeenten.set(gemeenten)
    voordracht.themas.set(themas)
    for volgorde, mede in enumerate(mede_indieners):
        MedeIndiener.objects.create(
            voordracht=voordracht,
            organisatie=mede,
            organisatie_type=Voordracht.OrganisatieType.OVERIG,
            volgorde=volgorde,
        )
    for criterium in ronde.criteria.all():
        voordracht.motivaties.create(criterium=criterium, tekst=f"Zo voldoen wij aan ‘{criterium.naam}’.")
    return kandidaat


def beoordeling_maken(*, beoordelaar, kandidaat, niveaus, actie=services.Actie.INDIENEN, reden=""):
    """Assign (if needed) and save a review with ``niveaus`` in criterion order (``"nvt"`` allowed)."""
    services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)
    criteria = list(kandidaat.ronde.criteria.order_by("volgorde"))
    invoer = {
        c.pk: services.Invoer(niveau=None if n == "nvt" else n, niet_van_toepassing=n == "nvt")
        for c, n in zip(criteria, niveaus, strict=False)
        if n is not None
    }
    return services.beoordeling_opslaan(
        beoordelaar=beoordelaar, kandidaat=kandidaat, invoer=invoer, actie=actie, reden_onthouding=reden
    )


def status_zetten(ronde, status):
    """Arrange a round in ``status`` directly (the lifecycle: tests/selectie/test_levenscyclus.py)."""
    Ronde.objects.filter(pk=ronde.pk).update(status=status)
    ronde.status = status
