"""One form pattern everywhere (templates/includes/foutoverzicht.html and includes/veld.html).

A form page with errors has a summary at the top (focusable, one link per field error to that field),
the error beside the field (aria-invalid, aria-describedby naming the error), keeps what was typed,
and labels without a trailing colon.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.accounts import BelangenbehartigerFactory, StafFactory, UitnodigingFactory, UserFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import VoordrachtFactory
from tests.permissies import inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db

GETYPT = "Getypt-maar-fout"


def _login(client):
    return client.post(reverse("accounts:login"), {"username": GETYPT, "password": ""})


def _registreren(client):
    return client.post(
        reverse("accounts:registreren"), {"voornaam": GETYPT, "email": "geen adres", "wachtwoord1": "kort"}
    )


def _wachtwoord_wijzigen(client):
    client.force_login(UserFactory())
    return client.post(reverse("accounts:password_change"), {"old_password": "fout", "new_password1": "kort"})


def _uitnodiging(client):
    UitnodigingFactory(token="formulieren-token-1234567890")
    url = reverse("accounts:uitnodiging", kwargs={"token": "formulieren-token-1234567890"})
    return client.post(url, {"voornaam": GETYPT, "new_password1": "kort", "new_password2": "anders"})


def _uitnodigen(client):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    inloggen(client, staf)
    return client.post(reverse("accounts:uitnodigen"), {"email": "geen adres", "voornaam": GETYPT})


def _tweestaps(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    client.post(reverse("accounts:login"), {"username": "staf", "password": "Wachtwoord-voor-tests-1"})
    return client.post(reverse("accounts:tweestaps"), {"code": "12"})


def _voordracht(client):
    indiener = BelangenbehartigerFactory()
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[GemeenteFactory()], contact_naam=GETYPT)
    client.force_login(indiener)
    return client.post(
        reverse("selectie:voordracht_indienen", args=[voordracht.pk]),
        {"token": str(voordracht.token), "contact_naam": GETYPT, "contact_email": "geen adres"},
    )


PAGINAS = {
    "inloggen": _login,
    "registreren": _registreren,
    "wachtwoord_wijzigen": _wachtwoord_wijzigen,
    "uitnodiging": _uitnodiging,
    "uitnodigen": _uitnodigen,
    "tweestaps": _tweestaps,
    "voordracht": _voordracht,
}


@pytest.mark.parametrize("naam", PAGINAS)
def test_formulier_met_fouten_heeft_overzicht_met_links_naar_de_velden(naam):
    response = PAGINAS[naam](Client())
    tekst = response.content.decode()

    assert response.status_code == 200
    overzicht = re.search(r'<div class="[^"]*foutoverzicht[^"]*"[^>]*>(.*?)</div>', tekst, re.S)
    assert overzicht is not None
    assert 'tabindex="-1"' in overzicht.group(0) and "data-foutoverzicht" in overzicht.group(0)
    doelen = re.findall(r'<a href="#([\w-]+)"', overzicht.group(1))
    assert doelen  # at least one link to a field
    for doel in doelen:
        veld = re.search(rf'<input[^>]*\bid="{doel}"[^>]*>|<(?:select|textarea)[^>]*\bid="{doel}"[^>]*>', tekst)
        assert veld is not None, doel
        assert 'aria-invalid="true"' in veld.group(0), doel
        veldnaam = re.sub(r"_\d+$", "", doel)
        assert f'id="{veldnaam}_error"' in tekst, doel  # the error beside the field ...
        assert re.search(rf'aria-describedby="[^"]*\b{veldnaam}_error\b', tekst), doel  # ... named by it


@pytest.mark.parametrize("naam", PAGINAS)
def test_formulier_met_fouten_houdt_invoer_en_labels_zonder_dubbele_punt(naam):
    response = PAGINAS[naam](Client())
    tekst = response.content.decode()

    assert re.findall(r"<label[^>]*>[^<]*:\s*</label>", tekst) == []
    assert re.findall(r"<legend[^>]*>[^<]*:\s*</legend>", tekst) == []
    if naam in ("inloggen", "registreren", "uitnodiging", "uitnodigen", "voordracht"):
        assert f'value="{GETYPT}"' in tekst
