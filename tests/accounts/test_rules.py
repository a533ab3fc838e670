"""Every permission: one case that allows, one that denies."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories.accounts import AmbtenaarFactory, BelangenbehartigerFactory, BeoordelaarFactory, StafFactory
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import totp_apparaat_maken

pytestmark = pytest.mark.django_db

PROFIELRECHTEN = [
    "gemeenten.profiel_bewerken",
    "gemeenten.profiel_publiceren",
    "gemeenten.profiel_geschiedenis",
    "gemeenten.profiel_herstellen",
]


def _geverifieerd(gebruiker):
    """Mimic django-otp's middleware: the user passed TOTP in this session."""
    gebruiker.is_verified = lambda: True
    return gebruiker


def _niet_geverifieerd(gebruiker):
    gebruiker.is_verified = lambda: False
    return gebruiker


@pytest.mark.parametrize("recht", PROFIELRECHTEN)
def test_profielrecht_ambtenaar_via_koplopers_mag(recht):
    koploper = KoploperFactory()
    ambtenaar = _niet_geverifieerd(AmbtenaarFactory(koplopers=[koploper]))

    assert ambtenaar.has_perm(recht, koploper) is True


@pytest.mark.parametrize("recht", PROFIELRECHTEN)
def test_profielrecht_ambtenaar_via_gemeenten_mag(recht):
    koploper = KoploperFactory()
    ambtenaar = _niet_geverifieerd(AmbtenaarFactory(gemeenten=[koploper.gemeente]))

    assert ambtenaar.has_perm(recht, koploper) is True


@pytest.mark.parametrize("recht", PROFIELRECHTEN)
def test_profielrecht_ambtenaar_van_andere_koploper_mag_niet(recht):
    eigen, andere = KoploperFactory(), KoploperFactory()
    ambtenaar = _niet_geverifieerd(AmbtenaarFactory(koplopers=[eigen]))

    assert ambtenaar.has_perm(recht, andere) is False


@pytest.mark.parametrize("recht", PROFIELRECHTEN)
def test_profielrecht_regio_niet_via_lidgemeente(recht):
    lid = KoploperFactory().gemeente
    regio = KoploperFactory(gemeente=None, naam="Regio Proef", soort="regio")
    regio.leden.add(lid)
    ambtenaar = _niet_geverifieerd(AmbtenaarFactory(gemeenten=[lid]))

    assert ambtenaar.has_perm(recht, regio) is False


@pytest.mark.parametrize("recht", [*PROFIELRECHTEN, "gemeenten.profiel_depubliceren"])
@pytest.mark.parametrize("factory", [BelangenbehartigerFactory, BeoordelaarFactory])
def test_profielrecht_belangenbehartiger_en_beoordelaar_mogen_niet(recht, factory):
    koploper = KoploperFactory()
    gebruiker = _geverifieerd(factory())

    assert gebruiker.has_perm(recht, koploper) is False


@pytest.mark.parametrize("recht", [*PROFIELRECHTEN, "gemeenten.profiel_depubliceren"])
def test_profielrecht_geverifieerde_staf_mag(recht):
    koploper = KoploperFactory()
    staf = _geverifieerd(StafFactory())

    assert staf.has_perm(recht, koploper) is True


@pytest.mark.parametrize("recht", [*PROFIELRECHTEN, "gemeenten.profiel_depubliceren"])
def test_profielrecht_staf_zonder_tweestaps_mag_niet(recht):
    koploper = KoploperFactory()
    staf = _niet_geverifieerd(StafFactory())

    assert staf.has_perm(recht, koploper) is False


def test_depubliceren_ambtenaar_mag_niet():
    koploper = KoploperFactory()
    ambtenaar = _niet_geverifieerd(AmbtenaarFactory(koplopers=[koploper]))

    assert ambtenaar.has_perm("gemeenten.profiel_depubliceren", koploper) is False


@pytest.mark.parametrize("recht", [*PROFIELRECHTEN, "accounts.uitnodigen", "accounts.mijn_gemeente"])
def test_anoniem_mag_niets(recht):
    assert AnonymousUser().has_perm(recht, KoploperFactory()) is False


def test_uitnodigen_staf_mag():
    staf = StafFactory()
    totp_apparaat_maken(staf)

    assert _geverifieerd(staf).has_perm("accounts.uitnodigen") is True


def test_uitnodigen_ambtenaar_mag_niet():
    ambtenaar = _geverifieerd(AmbtenaarFactory(koplopers=[KoploperFactory()]))

    assert ambtenaar.has_perm("accounts.uitnodigen") is False


def test_mijn_gemeente_ambtenaar_mag():
    ambtenaar = AmbtenaarFactory(gemeenten=[KoploperFactory().gemeente])

    assert ambtenaar.has_perm("accounts.mijn_gemeente") is True


def test_mijn_gemeente_belangenbehartiger_mag_niet():
    assert BelangenbehartigerFactory().has_perm("accounts.mijn_gemeente") is False
