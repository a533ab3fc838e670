"""Backup codes: made by a verified user, shown once, each works once at the two-factor step, use is recorded."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken

from koplopers.accounts import services
from koplopers.accounts.models import TweestapsGebeurtenis
from tests.factories.accounts import BeoordelaarFactory, StafFactory
from tests.permissies import TOTP_SLEUTEL, inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db

WACHTWOORD = "Wachtwoord-voor-tests-1"
RESERVECODES = reverse("accounts:reservecodes")


def _codes_op_pagina(response) -> list[str]:
    gevonden = re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", response.text)
    return [code.replace(" ", "") for code in gevonden]


def _met_wachtwoord_inloggen(gebruiker) -> Client:
    client = Client()
    client.post(reverse("accounts:login"), {"username": gebruiker.username, "password": WACHTWOORD})
    return client


@pytest.fixture
def beoordelaar():
    gebruiker = BeoordelaarFactory(username="beoordelaar")
    totp_apparaat_maken(gebruiker)
    return gebruiker


def test_geverifieerde_gebruiker_maakt_tien_codes_die_een_keer_getoond_worden(beoordelaar):
    client = Client()
    inloggen(client, beoordelaar)

    response = client.post(RESERVECODES, follow=True)
    codes = _codes_op_pagina(response)

    assert response.redirect_chain == [(RESERVECODES, 302)]
    assert response.status_code == 200
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(StaticToken.objects.filter(device__user=beoordelaar).values_list("token", flat=True)) == sorted(codes)
    assert response["Cache-Control"] == "no-store"
    assert _codes_op_pagina(client.get(RESERVECODES)) == []
    assert "nog 10 ongebruikte reservecodes" in client.get(RESERVECODES).text
    assert (
        TweestapsGebeurtenis.objects.filter(
            gebruiker=beoordelaar, soort=TweestapsGebeurtenis.Soort.RESERVECODES_AANGEMAAKT
        ).count()
        == 1
    )


def test_opnieuw_maken_maakt_de_oude_codes_ongeldig(beoordelaar):
    oud = services.reservecodes_aanmaken(gebruiker=beoordelaar)

    nieuw = services.reservecodes_aanmaken(gebruiker=beoordelaar)

    tokens = set(StaticToken.objects.filter(device__user=beoordelaar).values_list("token", flat=True))
    assert tokens == set(nieuw)
    assert not tokens & set(oud)


def test_niet_geverifieerde_gebruiker_kan_geen_codes_maken():
    from tests.factories.accounts import AmbtenaarFactory
    from tests.factories.gemeenten import KoploperFactory

    client = Client()
    inloggen(client, AmbtenaarFactory(koplopers=[KoploperFactory()]))

    assert client.post(RESERVECODES).status_code == 403
    assert not StaticToken.objects.exists()


def test_reservecode_werkt_een_keer_en_niet_twee_keer(beoordelaar):
    code = services.reservecodes_aanmaken(gebruiker=beoordelaar)[3]
    eerste = _met_wachtwoord_inloggen(beoordelaar)

    response = eerste.post(reverse("accounts:tweestaps"), {"code": f"{code[:4]} {code[4:].upper()}", "next": "/"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert "U bent ingelogd met een reservecode" in eerste.get("/").text
    assert eerste.get(reverse("accounts:mijn_account")).status_code == 200
    assert StaticToken.objects.filter(device__user=beoordelaar).count() == 9
    gebruik = TweestapsGebeurtenis.objects.get(soort=TweestapsGebeurtenis.Soort.RESERVECODE_GEBRUIKT)
    assert gebruik.gebruiker == beoordelaar and gebruik.uitgevoerd_door == beoordelaar

    tweede = _met_wachtwoord_inloggen(beoordelaar)
    response = tweede.post(reverse("accounts:tweestaps"), {"code": code, "next": "/"})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert f'value="{code}"' in response.text  # what was typed stays in the field
    assert tweede.get(reverse("accounts:mijn_account"))["Location"].startswith(reverse("accounts:tweestaps"))
    assert TweestapsGebeurtenis.objects.filter(soort=TweestapsGebeurtenis.Soort.RESERVECODE_GEBRUIKT).count() == 1


def test_code_uit_de_app_werkt_nog_op_dezelfde_pagina(beoordelaar):
    services.reservecodes_aanmaken(gebruiker=beoordelaar)
    client = _met_wachtwoord_inloggen(beoordelaar)

    response = client.post(
        reverse("accounts:tweestaps"), {"code": f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}", "next": "/"}
    )

    assert response.status_code == 302
    assert StaticToken.objects.filter(device__user=beoordelaar).count() == 10
    assert not TweestapsGebeurtenis.objects.filter(soort=TweestapsGebeurtenis.Soort.RESERVECODE_GEBRUIKT).exists()


@pytest.mark.parametrize("invoer", ["", "12345", "abc!defg", "x" * 20, "1234567", "<script>"])
def test_onzinnige_invoer_geeft_een_nederlandse_fout(beoordelaar, invoer):
    client = _met_wachtwoord_inloggen(beoordelaar)

    response = client.post(reverse("accounts:tweestaps"), {"code": invoer})

    assert response.status_code == 200
    assert 'class="errorlist' in response.text
    assert client.get(reverse("accounts:mijn_account")).status_code == 302


def test_code_van_een_ander_werkt_niet(beoordelaar):
    ander = StafFactory(username="ander")
    totp_apparaat_maken(ander)
    code = services.reservecodes_aanmaken(gebruiker=ander)[0]
    client = _met_wachtwoord_inloggen(beoordelaar)

    response = client.post(reverse("accounts:tweestaps"), {"code": code})

    assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=ander).count() == 10
