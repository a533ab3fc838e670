"""Private pages are never cached (no-store); sessions of two-factor roles end after a working day idle."""

import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from koplopers.accounts.signals import SESSIE_LAATST_ACTIEF
from tests.factories.accounts import AmbtenaarFactory, BelangenbehartigerFactory, BeoordelaarFactory, StafFactory
from tests.factories.beoordeling import VerifieerdeStafFactory, ronde_maken
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import TOTP_SLEUTEL, inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db

WACHTWOORD = "Wachtwoord-voor-tests-1"
ACHT_UUR = 8 * 60 * 60


def _cache_control(response) -> set[str]:
    return {deel.strip() for deel in response.get("Cache-Control", "").split(",") if deel.strip()}


# --- Cache-Control --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pad", ["/", "/gemeenten/", "/kennisbank/", "/over/", "/factsheet/"])
def test_openbare_paginas_voor_anoniem_zonder_no_store(client, pad):
    KoploperFactory()

    response = client.get(pad)

    assert response.status_code == 200
    assert "no-store" not in _cache_control(response)


def test_openbare_pagina_voor_anoniem_houdt_etag_en_304(client):
    eerste = client.get("/over/")

    tweede = client.get("/over/", headers={"if-none-match": eerste["ETag"]})

    assert eerste.has_header("ETag")
    assert tweede.status_code == 304


@pytest.mark.parametrize("pad", ["/", "/gemeenten/", "/account/", "/over/"])
def test_paginas_voor_ingelogde_gebruiker_no_store_en_geen_etag(client, pad):
    inloggen(client, AmbtenaarFactory(koplopers=[KoploperFactory()]))

    response = client.get(pad)

    assert response.status_code == 200
    assert _cache_control(response) == {"no-store"}
    assert not response.has_header("ETag")


def test_bewerkpagina_van_profiel_no_store(client):
    koploper = KoploperFactory()
    inloggen(client, AmbtenaarFactory(koplopers=[koploper]))

    response = client.get(reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug}))

    assert response.status_code == 200
    assert "no-store" in _cache_control(response)


def test_eigen_cachebeleid_van_een_view_blijft_staan(client):
    """The map data chose ``public, no-cache`` with an ETag (it is public data): left alone."""
    inloggen(client, BelangenbehartigerFactory())

    response = client.get(reverse("gemeenten:kaart_geojson"))

    assert "no-store" not in _cache_control(response)
    assert "no-cache" in _cache_control(response)


@pytest.mark.parametrize("naam", ["beoordeling:export_beoordelingen", "beoordeling:export_kandidaten"])
def test_csv_exports_van_beoordeling_no_store(client, naam):
    ronde = ronde_maken()
    inloggen(client, VerifieerdeStafFactory())

    response = client.get(reverse(naam, args=[ronde.slug]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in _cache_control(response)


def test_csv_export_van_kandidaten_no_store(client):
    from tests.factories.selectie import OpenRondeFactory

    ronde = OpenRondeFactory()
    inloggen(client, VerifieerdeStafFactory())

    response = client.get(reverse("selectie:kandidaten_csv", args=[ronde.slug]))

    assert response.status_code == 200
    assert "no-store" in _cache_control(response)


def test_csv_export_zet_no_store_zelf_ook_zonder_middleware():
    from selectie.beoordeling.views.export import _csv_response

    response, _schrijver = _csv_response("test.csv")

    assert _cache_control(response) == {"no-store"}


# --- Session expiry -----------------------------------------------------------------------------------------


def _inloggen_met_formulier(client, gebruiker):
    response = client.post(reverse("accounts:login"), {"username": gebruiker.username, "password": WACHTWOORD})
    assert response.status_code == 302
    return response


@pytest.mark.parametrize(
    "maken",
    [
        pytest.param(lambda: StafFactory(username="staf"), id="staf"),
        pytest.param(lambda: BeoordelaarFactory(username="beoordelaar"), id="beoordelaar"),
    ],
)
def test_sessie_van_staf_en_beoordelaar_verloopt_na_acht_uur_inactiviteit(client, maken):
    totp_apparaat_maken(maken())

    response = _inloggen_met_formulier(client, maken())

    assert settings.STAFF_SESSION_IDLE_TIMEOUT == ACHT_UUR
    assert client.session.get_expiry_age() == ACHT_UUR
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ACHT_UUR


def test_sessie_van_ambtenaar_houdt_de_gewone_duur(client):
    _inloggen_met_formulier(client, AmbtenaarFactory(username="amb", koplopers=[KoploperFactory()]))

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert settings.SESSION_COOKIE_AGE > ACHT_UUR


def test_sessie_van_staf_na_acht_uur_stilte_is_uitgelogd(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    inloggen(client, staf)
    assert client.get(reverse("accounts:uitnodigen")).status_code == 200
    sessie = client.session
    sessie[SESSIE_LAATST_ACTIEF] = int(time.time()) - ACHT_UUR - 1
    sessie.save()

    response = client.get(reverse("accounts:uitnodigen"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_sessie_van_staf_blijft_bij_activiteit_binnen_acht_uur(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    inloggen(client, staf)
    client.get(reverse("accounts:mijn_account"))
    sessie = client.session
    sessie[SESSIE_LAATST_ACTIEF] = int(time.time()) - ACHT_UUR + 60
    sessie.save()

    response = client.get(reverse("accounts:uitnodigen"))

    assert response.status_code == 200
    assert client.session[SESSIE_LAATST_ACTIEF] >= int(time.time()) - 5  # activity moves the deadline on
    assert client.session.get_expiry_age() == ACHT_UUR


def test_bestaande_sessie_van_staf_krijgt_de_limiet_ook(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    inloggen(client, staf)  # force_login: no login signal with a request session of this client

    client.get(reverse("accounts:mijn_account"))

    assert client.session.get_expiry_age() == ACHT_UUR


def test_tweede_stap_houdt_de_limiet(client):
    from django_otp.oath import totp

    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    _inloggen_met_formulier(Client(), staf)
    _inloggen_met_formulier(client, staf)

    client.post(reverse("accounts:tweestaps"), {"code": f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}"})

    assert client.session.get_expiry_age() == ACHT_UUR
