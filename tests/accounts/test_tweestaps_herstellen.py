"""Staff reset someone's second factor (lost phone): confirmed, with a reason, audited; never their own."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.accounts import services
from koplopers.accounts.models import TweestapsGebeurtenis
from tests.factories.accounts import AmbtenaarFactory, BeoordelaarFactory, StafFactory, UserFactory
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db

REDEN = "Telefoon kwijt; teruggebeld op het bekende nummer."


def _verifieerd(gebruiker):
    totp_apparaat_maken(gebruiker)
    client = Client()
    inloggen(client, gebruiker)
    return client


@pytest.fixture
def staf():
    return StafFactory(username="staf")


@pytest.fixture
def beoordelaar():
    gebruiker = BeoordelaarFactory(username="beoordelaar")
    totp_apparaat_maken(gebruiker)
    services.reservecodes_aanmaken(gebruiker=gebruiker)
    return gebruiker


def test_staf_herstelt_na_bevestiging_en_het_wordt_vastgelegd(staf, beoordelaar):
    client = _verifieerd(staf)
    url = reverse("accounts:tweestaps_herstellen", kwargs={"pk": beoordelaar.pk})

    bevestiging = client.get(url)
    assert bevestiging.status_code == 200
    assert TOTPDevice.objects.filter(user=beoordelaar).exists()  # the GET is only the confirmation step

    response = client.post(url, {"reden": REDEN})

    assert response.status_code == 302 and response["Location"] == reverse("accounts:tweestaps_herstel_lijst")
    assert not TOTPDevice.objects.filter(user=beoordelaar).exists()
    assert not StaticDevice.objects.filter(user=beoordelaar).exists()
    herstel = TweestapsGebeurtenis.objects.get(soort=TweestapsGebeurtenis.Soort.HERSTELD)
    assert (herstel.gebruiker, herstel.uitgevoerd_door, herstel.reden) == (beoordelaar, staf, REDEN)
    assert (herstel.gebruikersnaam, herstel.uitgevoerd_door_naam) == ("beoordelaar", "staf")
    assert herstel.tijdstip is not None
    assert REDEN in client.get(reverse("accounts:tweestaps_herstel_lijst")).text


def test_na_herstel_moet_de_gebruiker_opnieuw_instellen(staf, beoordelaar):
    sessie_beoordelaar = Client()
    inloggen(sessie_beoordelaar, beoordelaar)
    assert sessie_beoordelaar.get(reverse("accounts:mijn_account")).status_code == 200

    services.tweestaps_herstellen(gebruiker=beoordelaar, door=staf, reden=REDEN)

    response = sessie_beoordelaar.get(reverse("accounts:mijn_account"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:tweestaps_instellen"))


def test_zonder_reden_geen_herstel_en_ingevulde_tekst_blijft(staf, beoordelaar):
    client = _verifieerd(staf)

    response = client.post(reverse("accounts:tweestaps_herstellen", kwargs={"pk": beoordelaar.pk}), {"reden": "   "})

    assert response.status_code == 200
    assert "Geef een reden voor het herstellen." in response.text
    assert TOTPDevice.objects.filter(user=beoordelaar).exists()
    assert not TweestapsGebeurtenis.objects.filter(soort=TweestapsGebeurtenis.Soort.HERSTELD).exists()


def test_staf_mag_zichzelf_niet_herstellen(staf):
    client = _verifieerd(staf)

    response = client.post(reverse("accounts:tweestaps_herstellen", kwargs={"pk": staf.pk}), {"reden": REDEN})

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=staf).exists()


def test_geverifieerde_superuser_mag_zichzelf_ook_niet_herstellen():
    superuser = UserFactory(username="super", is_superuser=True, is_staff=True)
    client = _verifieerd(superuser)

    response = client.post(reverse("accounts:tweestaps_herstellen", kwargs={"pk": superuser.pk}), {"reden": REDEN})

    assert response.status_code == 200
    assert "niet herstellen" in response.text
    assert TOTPDevice.objects.filter(user=superuser).exists()
    assert not TweestapsGebeurtenis.objects.exists()


def test_service_weigert_zichzelf_en_lege_reden(staf):
    with pytest.raises(ValidationError) as fout:
        services.tweestaps_herstellen(gebruiker=staf, door=staf, reden=REDEN)
    assert fout.value.code == "zichzelf"

    with pytest.raises(ValidationError) as fout:
        services.tweestaps_herstellen(gebruiker=UserFactory(), door=staf, reden="")
    assert fout.value.code == "reden"


@pytest.mark.parametrize(
    "maken",
    [
        pytest.param(lambda: AmbtenaarFactory(koplopers=[KoploperFactory()]), id="ambtenaar"),
        pytest.param(lambda: BeoordelaarFactory(username="andere_beoordelaar"), id="beoordelaar"),
    ],
)
def test_niet_staf_mag_niet_herstellen(beoordelaar, maken):
    client = _verifieerd(maken())

    get = client.get(reverse("accounts:tweestaps_herstellen", kwargs={"pk": beoordelaar.pk}))
    post = client.post(reverse("accounts:tweestaps_herstellen", kwargs={"pk": beoordelaar.pk}), {"reden": REDEN})

    assert (get.status_code, post.status_code) == (403, 403)
    assert TOTPDevice.objects.filter(user=beoordelaar).exists()
    assert not TweestapsGebeurtenis.objects.filter(soort=TweestapsGebeurtenis.Soort.HERSTELD).exists()


def test_staf_zonder_verificatie_mag_niet_herstellen(beoordelaar):
    staf = StafFactory(username="staf")
    client = Client()
    client.force_login(staf)

    response = client.post(reverse("accounts:tweestaps_herstellen", kwargs={"pk": beoordelaar.pk}), {"reden": REDEN})

    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=beoordelaar).exists()


def test_onbekend_account_geeft_404(staf):
    client = _verifieerd(staf)

    assert client.get(reverse("accounts:tweestaps_herstellen", kwargs={"pk": 999999})).status_code == 404


def test_lijst_zoekt_en_heeft_constant_aantal_queries(staf):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _verifieerd(staf)
    for nummer in range(3):
        totp_apparaat_maken(UserFactory(username=f"zoekmij{nummer}"))
    client.get(reverse("accounts:tweestaps_herstel_lijst"))  # warm up (session, content types)

    with CaptureQueriesContext(connection) as een:
        response = client.get(reverse("accounts:tweestaps_herstel_lijst"), {"q": "zoekmij0"})
    assert "zoekmij0" in response.text and "zoekmij1" not in response.text

    with CaptureQueriesContext(connection) as drie:
        response = client.get(reverse("accounts:tweestaps_herstel_lijst"), {"q": "zoekmij"})
    assert all(f"zoekmij{nummer}" in response.text for nummer in range(3))
    assert len(een.captured_queries) == len(drie.captured_queries)


@pytest.mark.parametrize("query", [{"pagina": "999"}, {"pagina": "x"}, {"q": "%' OR 1=1 --" * 20}])
def test_lijst_met_rare_invoer_geeft_geen_500(staf, query):
    client = _verifieerd(staf)

    assert client.get(reverse("accounts:tweestaps_herstel_lijst"), query).status_code in (200, 404)


def test_admin_actie_vraagt_reden_en_legt_vast():
    superuser = UserFactory(username="super", is_superuser=True, is_staff=True)
    client = _verifieerd(superuser)
    doelwit = BeoordelaarFactory(username="doelwit")
    totp_apparaat_maken(doelwit)
    url = reverse("admin:accounts_user_changelist")
    gekozen = {"action": "tweestaps_herstellen", "_selected_action": [doelwit.pk, superuser.pk]}

    bevestiging = client.post(url, gekozen)
    assert bevestiging.status_code == 200
    assert "Reden" in bevestiging.text
    assert TOTPDevice.objects.filter(user=doelwit).exists()

    zonder_reden = client.post(url, {**gekozen, "bevestigd": "ja", "reden": ""})
    assert zonder_reden.status_code == 200
    assert TOTPDevice.objects.filter(user=doelwit).exists()

    response = client.post(url, {**gekozen, "bevestigd": "ja", "reden": REDEN})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=doelwit).exists()
    assert TOTPDevice.objects.filter(user=superuser).exists()  # never one's own, also not in the admin
    herstel = TweestapsGebeurtenis.objects.get()
    assert (herstel.gebruiker, herstel.uitgevoerd_door, herstel.reden) == (doelwit, superuser, REDEN)


def test_geen_apparaatbeheer_in_de_admin_zonder_spoor():
    from django.contrib import admin

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)
    assert admin.site.is_registered(TweestapsGebeurtenis)


def test_zoeken_met_een_nul_teken_geeft_geen_serverfout(staf):
    client = _verifieerd(staf)

    antwoord = client.get(reverse("accounts:tweestaps_herstel_lijst"), {"q": "be\x00heer"})

    assert antwoord.status_code == 200
    assert antwoord.context["zoek"] == "beheer"
