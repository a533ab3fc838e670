"""Admin accounts (superuser, is_staff) need a verified second factor for the admin and for every permission."""

import pytest
from django.test import Client
from django.urls import reverse

from koplopers.accounts.models import User
from tests.factories.accounts import AmbtenaarFactory, StafFactory, UserFactory
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db

WACHTWOORD = "Wachtwoord-voor-tests-1"
BEHEER = reverse("admin:index")


def _superuser(**extra) -> User:
    return UserFactory(username="super", is_superuser=True, is_staff=True, **extra)


def _wachtwoord_login(client, gebruiker):
    """Log in with the password only, through the portal's login page (as an attacker with a password would)."""
    return client.post(reverse("accounts:login"), {"username": gebruiker.username, "password": WACHTWOORD})


@pytest.mark.parametrize(
    "maken",
    [
        pytest.param(_superuser, id="superuser"),
        pytest.param(lambda: UserFactory(username="staff", is_staff=True), id="is_staff"),
    ],
)
@pytest.mark.parametrize("pad", [BEHEER, reverse("admin:accounts_user_changelist"), "/beheer/accounts/user/1/change/"])
def test_beheeraccount_zonder_tweestaps_komt_niet_in_beheer(client, maken, pad):
    _wachtwoord_login(client, maken())

    response = client.get(pad)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:tweestaps_instellen"))


def test_superuser_zonder_tweestaps_moet_eerst_instellen_ook_voor_gewone_paginas(client):
    _wachtwoord_login(client, _superuser())

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:tweestaps_instellen") + "?next=%2F"


def test_superuser_met_apparaat_moet_code_invullen_voor_beheer(client):
    totp_apparaat_maken(_superuser())
    client.post(reverse("accounts:login"), {"username": "super", "password": WACHTWOORD})

    response = client.get(BEHEER)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:tweestaps") + "?next=%2Fbeheer%2F"


def test_geverifieerde_superuser_komt_in_beheer(client):
    superuser = _superuser()
    totp_apparaat_maken(superuser)
    inloggen(client, superuser)

    assert client.get(BEHEER).status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


def test_geverifieerde_staf_komt_in_beheer(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    inloggen(client, staf)

    assert client.get(BEHEER).status_code == 200


def test_anoniem_gaat_voor_beheer_naar_de_inlogpagina_van_het_portaal(client):
    response = client.get(BEHEER, follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:login") + "?next=/beheer/"
    assert response.status_code == 200


def test_ingelogd_zonder_beheerrecht_krijgt_403_in_beheer(client):
    inloggen(client, AmbtenaarFactory(username="amb", koplopers=[KoploperFactory()]))

    response = client.get(BEHEER, follow=True)

    assert response.status_code == 403


def test_admin_site_is_de_otp_site_voor_elke_registratie():
    from django.contrib import admin
    from django_otp.admin import OTPAdminSite

    from kennisbank.models import Kennisitem

    assert isinstance(admin.site._wrapped if hasattr(admin.site, "_wrapped") else admin.site, OTPAdminSite)
    assert admin.site.is_registered(User)
    assert admin.site.is_registered(Kennisitem)


def test_superuser_heeft_geen_rechten_zolang_niet_geverifieerd(rf):
    superuser = _superuser()
    superuser.is_verified = lambda: False

    assert superuser.has_perm("accounts.uitnodigen") is False
    assert superuser.has_perm("accounts.change_user") is False
    assert superuser.has_module_perms("accounts") is False

    superuser.is_verified = lambda: True
    assert superuser.has_perm("accounts.uitnodigen") is True
    assert superuser.has_module_perms("accounts") is True


def test_beheeraccount_zonder_verificatie_buiten_een_verzoek_heeft_geen_rechten():
    assert UserFactory(is_staff=True).has_perm("accounts.view_user") is False
    assert _superuser().has_perm("accounts.uitnodigen") is False


def test_gewone_gebruiker_houdt_zijn_rechten_zonder_tweestaps():
    ambtenaar = AmbtenaarFactory(koplopers=[KoploperFactory()])

    assert ambtenaar.has_perm("accounts.mijn_gemeente") is True


@pytest.mark.parametrize("vlag", ["is_superuser", "is_staff"])
def test_beheeraccount_kan_tweestaps_niet_uitzetten(vlag):
    from django.core.exceptions import ValidationError

    from koplopers.accounts.services import tweestaps_uitschakelen

    gebruiker = UserFactory(**{vlag: True})
    totp_apparaat_maken(gebruiker)

    with pytest.raises(ValidationError):
        tweestaps_uitschakelen(gebruiker=gebruiker)


def test_menu_toont_beheer_niet_aan_ongeverifieerde_superuser():
    client = Client()
    _wachtwoord_login(client, _superuser())

    response = client.get(reverse("accounts:tweestaps_instellen"))

    assert response.status_code == 200
    assert "Voor uw rol is tweestapsverificatie verplicht" in response.text
