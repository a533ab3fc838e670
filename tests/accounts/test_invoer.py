"""Input the forms of accounts must refuse in Dutch (on the form, keeping what was typed), never with a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from koplopers.accounts.models import Uitnodiging, User
from tests.factories.accounts import StafFactory, UitnodigingFactory
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db

WACHTWOORD = "Een-lang-wachtwoord-42"
LANG_ADRES = "a" * 140 + "@example.org"  # a valid address of 152 characters; usernames hold 150


def _registratie(**extra):
    return {
        "voornaam": "Bea",
        "achternaam": "de Vries",
        "email": "bea@adviesraad.example",
        "organisatie": "Adviesraad Proef",
        "organisatie_type": "adviesraad",
        "wachtwoord1": WACHTWOORD,
        "wachtwoord2": WACHTWOORD,
        **extra,
    }


def test_registreren_met_emailadres_langer_dan_150_tekens_geeft_nederlandse_fout():
    client = Client(raise_request_exception=True)

    response = client.post(reverse("accounts:registreren"), _registratie(email=LANG_ADRES))

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Zorg dat deze waarde niet meer dan 150 tekens bevat (het zijn er nu 152)."
    ]
    assert 'value="Adviesraad Proef"' in response.text  # what was typed stays
    assert not User.objects.exists()


def test_uitnodigen_met_emailadres_langer_dan_150_tekens_geeft_nederlandse_fout():
    staf = StafFactory()
    totp_apparaat_maken(staf)
    client = Client(raise_request_exception=True)
    inloggen(client, staf)

    response = client.post(reverse("accounts:uitnodigen"), {"email": LANG_ADRES, "koplopers": [KoploperFactory().pk]})

    assert response.status_code == 200
    assert "niet meer dan 150 tekens" in response.text
    assert not Uitnodiging.objects.exists()


def test_uitnodigen_met_onmogelijk_id_geeft_nederlandse_fout():
    staf = StafFactory()
    totp_apparaat_maken(staf)
    client = Client(raise_request_exception=True)
    inloggen(client, staf)

    response = client.post(reverse("accounts:uitnodigen"), {"email": "nieuw@gemeente.example", "koplopers": ["9" * 30]})

    assert response.status_code == 200
    assert "is geen geldige waarde" in response.text
    assert not Uitnodiging.objects.exists()


def test_oude_uitnodiging_met_te_lang_adres_geeft_fout_op_het_formulier():
    """An invitation stored before the 150-character limit: the account cannot be made; say so, no 500."""
    UitnodigingFactory(token="lang-adres-token-12345", email=LANG_ADRES).koplopers.add(KoploperFactory())
    client = Client(raise_request_exception=True)
    url = reverse("accounts:uitnodiging", kwargs={"token": "lang-adres-token-12345"})

    response = client.post(url, {"voornaam": "Ans", "new_password1": WACHTWOORD, "new_password2": WACHTWOORD})

    assert response.status_code == 200
    assert "150 tekens" in response.text
    assert 'value="Ans"' in response.text
    assert not User.objects.exists()
