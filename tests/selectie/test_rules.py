from django.contrib.auth.models import AnonymousUser

from selectie.models import Voordracht
from tests.factories.accounts import AmbtenaarFactory, BeoordelaarFactory, StafFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import VoordrachtFactory, ingediende_voordracht


def verifieer(gebruiker, ja=True):
    gebruiker.is_verified = lambda: ja
    return gebruiker


def test_voordragen_allowed_for_advocate_and_official_denied_for_reviewer(db, indiener):
    ambtenaar = AmbtenaarFactory(gemeenten=[GemeenteFactory()])

    assert indiener.has_perm("selectie.voordragen")
    assert ambtenaar.has_perm("selectie.voordragen")
    assert not verifieer(BeoordelaarFactory()).has_perm("selectie.voordragen")
    assert not AnonymousUser().has_perm("selectie.voordragen")


def test_rondes_beheren_needs_staff_with_second_factor(db):
    assert verifieer(StafFactory()).has_perm("selectie.rondes_beheren")
    assert not verifieer(StafFactory(), ja=False).has_perm("selectie.rondes_beheren")
    assert not verifieer(BeoordelaarFactory()).has_perm("selectie.rondes_beheren")


def test_voordracht_bekijken_own_or_staff(db, indiener):
    voordracht = VoordrachtFactory(indiener=indiener)

    assert indiener.has_perm("selectie.voordracht_bekijken", voordracht)
    assert verifieer(StafFactory()).has_perm("selectie.voordracht_bekijken", voordracht)
    assert not AmbtenaarFactory().has_perm("selectie.voordracht_bekijken", voordracht)
    assert not verifieer(BeoordelaarFactory()).has_perm("selectie.voordracht_bekijken", voordracht)


def _toegewezen_beoordelaar(voordracht):
    from selectie.beoordeling import services

    beoordelaar = BeoordelaarFactory()
    services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=voordracht.kandidaat, door=None)
    return beoordelaar


def test_voordracht_bekijken_assigned_reviewer_with_second_factor_only(db, indiener):
    voordracht = ingediende_voordracht(indiener=indiener)
    beoordelaar = _toegewezen_beoordelaar(voordracht)

    assert verifieer(beoordelaar).has_perm("selectie.voordracht_bekijken", voordracht)
    assert not verifieer(beoordelaar, ja=False).has_perm("selectie.voordracht_bekijken", voordracht)


def test_voordracht_bekijken_assigned_reviewer_loses_it_with_a_conflict_of_any_source(db, indiener):
    from selectie.beoordeling import services
    from selectie.beoordeling.models import Belangenconflict

    for bron in Belangenconflict.Bron.values:
        voordracht = ingediende_voordracht(indiener=indiener)
        beoordelaar = verifieer(_toegewezen_beoordelaar(voordracht))
        kandidaat = voordracht.kandidaat
        services.conflict_melden(
            beoordelaar=beoordelaar, kandidaat=kandidaat, soort="anders", toelichting="", bron=bron, door=None
        )

        assert not beoordelaar.has_perm("selectie.voordracht_bekijken", voordracht), bron
        assert not beoordelaar.has_perm("beoordeling.kandidaat_bekijken", voordracht.kandidaat), bron


def test_voordracht_bekijken_not_a_draft_or_withdrawn_one_for_the_assigned_reviewer(db, indiener):
    voordracht = ingediende_voordracht(indiener=indiener)
    beoordelaar = verifieer(_toegewezen_beoordelaar(voordracht))
    staf = verifieer(StafFactory())

    for status in (Voordracht.Status.CONCEPT, Voordracht.Status.INGETROKKEN):
        voordracht.status = status

        assert not beoordelaar.has_perm("selectie.voordracht_bekijken", voordracht), status
        assert staf.has_perm("selectie.voordracht_bekijken", voordracht), status
        assert indiener.has_perm("selectie.voordracht_bekijken", voordracht), status
