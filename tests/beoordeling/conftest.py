import pytest

from tests.factories.beoordeling import ORGANISATIES, BeoordelaarFactory, VerifieerdeStafFactory, ronde_maken
from tests.permissies import inloggen


@pytest.fixture
def ronde(db):
    return ronde_maken()


@pytest.fixture
def beoordelaars(db):
    """One reviewer per organisation: VNG, Ieder(in), Koepel ASD."""
    return [BeoordelaarFactory(beoordelaar_organisatie=org, username=f"beoordelaar_{org}") for org in ORGANISATIES]


@pytest.fixture
def staf(db):
    return VerifieerdeStafFactory(username="programmastaf")


@pytest.fixture
def als():
    """``als(client, user)``: log in with an OTP-verified session."""

    def inloggen_als(client, gebruiker):
        client.logout()
        inloggen(client, gebruiker)
        return client

    return inloggen_als
