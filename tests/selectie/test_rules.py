from django.contrib.auth.models import AnonymousUser

from tests.factories.accounts import AmbtenaarFactory, BeoordelaarFactory, StafFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import VoordrachtFactory


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
