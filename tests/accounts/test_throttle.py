"""Login throttling: the client's address behind proxies, per-address and per-account limits."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from koplopers.accounts import throttle
from koplopers.accounts.models import AccountBlokkade, MisluktePoging
from tests.factories.accounts import StafFactory, UserFactory

pytestmark = pytest.mark.django_db

WACHTWOORD = "Wachtwoord-voor-tests-1"
INLOGGEN = reverse("accounts:login")


def _inloggen(client, gebruikersnaam, wachtwoord=WACHTWOORD):
    return client.post(INLOGGEN, {"username": gebruikersnaam, "password": wachtwoord})


def _ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def _verzoek(remote_addr="192.0.2.10", forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post(INLOGGEN, **extra)


def _blokkade_laten_verlopen():
    """Move the clock past the account lock (and the failures that led to it) without sleeping."""
    verleden = timezone.now() - timedelta(minutes=20)
    AccountBlokkade.objects.update(tot=timezone.now() - timedelta(seconds=1))
    MisluktePoging.objects.update(tijdstip=verleden)


# --- The client's address ------------------------------------------------------------------------------------


def test_zonder_proxies_telt_alleen_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert throttle.ip_adres(_verzoek("192.0.2.10", forwarded="203.0.113.7")) == "192.0.2.10"


@pytest.mark.parametrize(
    ("aantal", "forwarded", "verwacht"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the client's own entry on the left is ignored
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "192.0.2.10"),  # fewer entries than proxies: do not trust any
        (1, "geen-adres", "192.0.2.10"),
        (1, "", "192.0.2.10"),
    ],
)
def test_achter_proxies_telt_het_adres_dat_de_buitenste_proxy_zag(settings, aantal, forwarded, verwacht):
    settings.TRUSTED_PROXY_COUNT = aantal

    assert throttle.ip_adres(_verzoek("192.0.2.10", forwarded=forwarded)) == verwacht


def test_ipv6_telt_per_64_netwerk(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    een = throttle.ip_adres(_verzoek("2001:db8:1:2::1"))
    ander = throttle.ip_adres(_verzoek("2001:db8:1:2:ffff::9"))

    assert een == ander == "2001:db8:1:2::"


def test_vervalste_x_forwarded_for_ontloopt_de_blokkade_niet(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(username="doelwit")
    for nummer in range(5):
        _inloggen(Client(REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=f"10.9.9.{nummer}"), "doelwit", "fout")

    client = Client(REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="10.9.9.99")
    response = _inloggen(client, "doelwit")

    assert "Te veel mislukte pogingen" in response.text
    assert not _ingelogd(client)


def test_achter_een_proxy_geldt_de_blokkade_per_echte_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="doelwit")
    for nummer in range(5):
        aanvaller = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"10.9.9.{nummer}, 203.0.113.66")
        _inloggen(aanvaller, "doelwit", "fout")

    geblokkeerd = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="10.9.9.99, 203.0.113.66")
    echte_gebruiker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")

    assert "Te veel mislukte pogingen" in _inloggen(geblokkeerd, "doelwit").text
    assert _inloggen(echte_gebruiker, "doelwit").status_code == 302


# --- Per address -----------------------------------------------------------------------------------------------


def test_adres_dat_veel_accounts_probeert_wordt_geblokkeerd():
    UserFactory(username="echt")
    aanvaller = Client(REMOTE_ADDR="198.51.100.1")
    for nummer in range(throttle.MAX_POGINGEN_PER_ADRES):
        _inloggen(aanvaller, f"iemand{nummer}", "fout")

    vanaf_zelfde_adres = _inloggen(aanvaller, "echt")
    vanaf_ander_adres = _inloggen(Client(REMOTE_ADDR="198.51.100.2"), "echt")

    assert vanaf_zelfde_adres.status_code == 200 and "Te veel mislukte pogingen" in vanaf_zelfde_adres.text
    assert vanaf_ander_adres.status_code == 302


# --- Per account, across addresses -------------------------------------------------------------------------------


def test_200_gokken_vanaf_50_adressen_zijn_niet_onbeperkt():
    UserFactory(username="doelwit")

    for adres in range(50):
        aanvaller = Client(REMOTE_ADDR=f"198.51.100.{adres + 1}")
        for _ in range(4):
            _inloggen(aanvaller, "doelwit", "fout")

    echte_gebruiker = Client(REMOTE_ADDR="192.0.2.200")
    response = _inloggen(echte_gebruiker, "doelwit")

    assert MisluktePoging.objects.filter(gebruikersnaam="doelwit").count() == throttle.ACCOUNT_MAX_POGINGEN
    assert "Te veel mislukte pogingen" in response.text and "over 1 minuut" in response.text
    assert not _ingelogd(echte_gebruiker)


def test_accountblokkade_duurt_kort_en_daarna_kan_de_eigenaar_inloggen():
    UserFactory(username="doelwit")
    for adres in range(throttle.ACCOUNT_MAX_POGINGEN):
        _inloggen(Client(REMOTE_ADDR=f"198.51.100.{adres + 1}"), "doelwit", "fout")
    blokkade = AccountBlokkade.objects.get()

    _blokkade_laten_verlopen()
    echte_gebruiker = Client(REMOTE_ADDR="192.0.2.200")
    response = _inloggen(echte_gebruiker, "doelwit")

    assert timedelta(seconds=55) < blokkade.tot - timezone.now() <= timedelta(minutes=1)
    assert response.status_code == 302 and _ingelogd(echte_gebruiker)


def test_accountblokkade_groeit_1_2_4_8_tot_hoogstens_15_minuten():
    UserFactory(username="doelwit")
    duren = []
    adres = 0
    for _ in range(6):
        while not AccountBlokkade.objects.filter(tot__gt=timezone.now()).exists():
            adres += 1
            _inloggen(Client(REMOTE_ADDR=f"198.51.100.{adres}"), "doelwit", "fout")
        blokkade = AccountBlokkade.objects.get()
        duren.append(round((blokkade.tot - timezone.now()).total_seconds() / 60))
        _blokkade_laten_verlopen()

    assert duren == [1, 2, 4, 8, 15, 15]
    assert adres == throttle.ACCOUNT_MAX_POGINGEN + 5 * throttle.ACCOUNT_MAX_POGINGEN_NA_BLOKKADE


def test_pogingen_tijdens_een_blokkade_verlengen_die_niet():
    UserFactory(username="doelwit")
    for adres in range(throttle.ACCOUNT_MAX_POGINGEN):
        _inloggen(Client(REMOTE_ADDR=f"198.51.100.{adres + 1}"), "doelwit", "fout")
    tot = AccountBlokkade.objects.get().tot

    for adres in range(20):
        _inloggen(Client(REMOTE_ADDR=f"203.0.113.{adres + 1}"), "doelwit", "fout")

    assert AccountBlokkade.objects.get().tot == tot
    assert MisluktePoging.objects.count() == throttle.ACCOUNT_MAX_POGINGEN


def test_niveau_valt_terug_een_dag_na_de_laatste_blokkade():
    UserFactory(username="doelwit")
    AccountBlokkade.objects.create(gebruikersnaam="doelwit", niveau=4, tot=timezone.now() - timedelta(days=2))

    for adres in range(throttle.ACCOUNT_MAX_POGINGEN):
        _inloggen(Client(REMOTE_ADDR=f"198.51.100.{adres + 1}"), "doelwit", "fout")

    blokkade = AccountBlokkade.objects.get()
    assert blokkade.niveau == 1
    assert blokkade.tot - timezone.now() <= timedelta(minutes=1)


def test_blokkade_verraadt_niet_of_een_account_bestaat():
    UserFactory(username="bestaat")
    antwoorden = {}
    for naam in ["bestaat", "bestaat-niet"]:
        for adres in range(throttle.ACCOUNT_MAX_POGINGEN):
            _inloggen(Client(REMOTE_ADDR=f"198.51.100.{adres + 1}"), naam, "fout")
        response = _inloggen(Client(REMOTE_ADDR="192.0.2.200"), naam, "fout")
        antwoorden[naam] = (response.status_code, response.context["form"].errors.as_data()["__all__"][0].messages)

    assert antwoorden["bestaat"] == antwoorden["bestaat-niet"]
    assert antwoorden["bestaat"][0] == 200


def test_beheer_login_leidt_naar_de_portaallogin_met_dezelfde_blokkade():
    """The admin has no password-only form of its own: its login sends everyone to the portal's login,
    which is throttled (and then asks for the second factor)."""
    StafFactory(username="beheerder", is_staff=True)
    client = Client(REMOTE_ADDR="198.51.100.1")

    naar_beheer = client.post(reverse("admin:login"), {"username": "beheerder", "password": WACHTWOORD})
    assert naar_beheer.status_code == 302
    assert naar_beheer["Location"].startswith(reverse("accounts:login"))
    assert not _ingelogd(client)

    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "beheerder", "password": "fout"})
    response = client.post(reverse("accounts:login"), {"username": "beheerder", "password": WACHTWOORD})

    assert response.status_code == 200
    assert "Te veel mislukte pogingen" in response.text
    assert not _ingelogd(client)
