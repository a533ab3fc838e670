"""Login, lockout, two-factor authentication, invitations and registration through HTTP."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.accounts.models import MisluktePoging, User
from tests.factories.accounts import (
    AmbtenaarFactory,
    BelangenbehartigerFactory,
    BeoordelaarFactory,
    StafFactory,
    UitnodigingFactory,
    UserFactory,
)
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import TOTP_SLEUTEL, totp_apparaat_maken

pytestmark = pytest.mark.django_db

WACHTWOORD = "Wachtwoord-voor-tests-1"
INLOGGEN = reverse("accounts:login")


def _inloggen(client, gebruikersnaam, wachtwoord=WACHTWOORD, **extra):
    return client.post(INLOGGEN, {"username": gebruikersnaam, "password": wachtwoord, **extra})


def _code(sleutel=TOTP_SLEUTEL, verschuiving=0) -> str:
    return f"{(totp(bytes.fromhex(sleutel)) + verschuiving) % 1000000:06d}"


# --- Logging in and out -------------------------------------------------------------------------------------


def test_inlogpagina_is_nederlands(client):
    response = client.get(INLOGGEN)

    assert response.status_code == 200
    assert "Gebruikersnaam of e-mailadres" in response.text
    assert "Wachtwoord vergeten?" in response.text


def test_inloggen_met_gebruikersnaam(client):
    UserFactory(username="piet")

    response = _inloggen(client, "piet", next="/gemeenten/")

    assert response.status_code == 302 and response["Location"] == "/gemeenten/"
    assert client.get(reverse("accounts:mijn_account")).status_code == 200


def test_inloggen_met_emailadres(client):
    UserFactory(username="piet", email="piet@gemeente.example")

    response = _inloggen(client, "Piet@Gemeente.example")

    assert response.status_code == 302


def test_inloggen_fout_wachtwoord_geeft_nederlandse_melding(client):
    UserFactory(username="piet")

    response = _inloggen(client, "piet", "fout")

    assert response.status_code == 200
    assert "klopt niet" in response.text


def test_inloggen_niet_bevestigd_account_zegt_dat(client):
    UserFactory(username="nieuw", is_active=False)

    response = _inloggen(client, "nieuw")

    assert "Bevestig eerst uw e-mailadres" in response.text


def test_uitloggen_met_post(client):
    gebruiker = UserFactory()
    client.force_login(gebruiker)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert client.get(reverse("accounts:mijn_account")).status_code == 302


def test_uitloggen_met_get_mag_niet(client):
    client.force_login(UserFactory())

    assert client.get(reverse("accounts:logout")).status_code == 405


def test_accountmenu_voor_anoniem_en_ingelogd(client):
    anoniem = client.get("/")
    client.force_login(UserFactory(first_name="Ria", last_name="Jansen"))
    ingelogd = client.get("/")

    assert "Inloggen" in anoniem.text and "Uitloggen" not in anoniem.text
    assert "Ria Jansen" in ingelogd.text and "Mijn account" in ingelogd.text and "Uitloggen" in ingelogd.text


def test_menu_mijn_gemeente_alleen_voor_ambtenaar(client):
    client.force_login(AmbtenaarFactory(koplopers=[KoploperFactory()]))
    ambtenaar = client.get("/")
    client.force_login(BelangenbehartigerFactory())
    belangenbehartiger = client.get("/")

    assert reverse("accounts:mijn_gemeente") in ambtenaar.text
    assert reverse("accounts:mijn_gemeente") not in belangenbehartiger.text


# --- Password reset and change ---------------------------------------------------------------------------------


def test_wachtwoord_vergeten_stuurt_nederlandse_mail_en_link_werkt(client, django_capture_on_commit_callbacks):
    gebruiker = UserFactory(email="vergeten@example.nl")

    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves through the outbox, after commit
        response = client.post(reverse("accounts:password_reset"), {"email": "vergeten@example.nl"})

    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox[0].subject == "Nieuw wachtwoord voor het Koploperportaal"
    link = re.search(r"http://testserver(/account/wachtwoord-herstellen/\S+/)", mail.outbox[0].body).group(1)
    formulier = client.get(link, follow=True)
    nieuw = "Heel-nieuw-wachtwoord-77"
    response = client.post(formulier.redirect_chain[-1][0], {"new_password1": nieuw, "new_password2": nieuw})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(nieuw)


def test_wachtwoord_wijzigen(client):
    gebruiker = UserFactory()
    client.force_login(gebruiker)
    nieuw = "Heel-nieuw-wachtwoord-77"

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": WACHTWOORD, "new_password1": nieuw, "new_password2": nieuw},
    )

    assert response["Location"] == reverse("accounts:password_change_done")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(nieuw)


def test_wachtwoord_wijzigen_controleert_met_validators(client):
    gebruiker = UserFactory()
    client.force_login(gebruiker)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": WACHTWOORD, "new_password1": "12345", "new_password2": "12345"},
    )

    assert response.status_code == 200
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(WACHTWOORD)


# --- Lockout ---------------------------------------------------------------------------------------------------


def test_vijf_mislukte_pogingen_blokkeren_ook_het_juiste_wachtwoord(client):
    UserFactory(username="doelwit")
    for _ in range(5):
        _inloggen(client, "doelwit", "fout")

    response = _inloggen(client, "doelwit")

    assert response.status_code == 200
    assert "Te veel mislukte pogingen" in response.text and "15 minuten" in response.text
    assert "_auth_user_id" not in client.session


def test_vier_mislukte_pogingen_blokkeren_niet(client):
    UserFactory(username="doelwit")
    for _ in range(4):
        _inloggen(client, "doelwit", "fout")

    response = _inloggen(client, "doelwit")

    assert response.status_code == 302


def test_blokkade_geldt_per_ip_adres():
    UserFactory(username="doelwit")
    aanvaller = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(5):
        _inloggen(aanvaller, "doelwit", "fout")

    response = _inloggen(Client(REMOTE_ADDR="10.0.0.2"), "doelwit")

    assert response.status_code == 302


def test_blokkade_vervalt_na_een_kwartier(client):
    UserFactory(username="doelwit")
    for _ in range(5):
        _inloggen(client, "doelwit", "fout")
    MisluktePoging.objects.update(tijdstip=timezone.now() - timedelta(minutes=16))

    response = _inloggen(client, "doelwit")

    assert response.status_code == 302


def test_geslaagde_login_wist_mislukkingen(client):
    UserFactory(username="doelwit")
    for _ in range(3):
        _inloggen(client, "doelwit", "fout")

    _inloggen(client, "doelwit")

    assert not MisluktePoging.objects.exists()


def test_blokkade_geldt_ook_voor_beheer_login(client):
    StafFactory(username="beheerder")
    for _ in range(5):
        _inloggen(client, "beheerder", "fout")

    response = client.post(reverse("admin:login"), {"username": "beheerder", "password": WACHTWOORD})

    # The admin has no password form of its own: it sends everyone to the (throttled) portal login.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
    assert "Te veel mislukte pogingen" in _inloggen(client, "beheerder").text


# --- Two-factor authentication -------------------------------------------------------------------------------------


@pytest.mark.parametrize("factory", [StafFactory, BeoordelaarFactory])
def test_staf_en_beoordelaar_zonder_apparaat_moeten_eerst_instellen(client, factory):
    factory(username="rol")
    _inloggen(client, "rol")

    response = client.get("/gemeenten/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:tweestaps_instellen"))


@pytest.mark.parametrize("factory", [StafFactory, BeoordelaarFactory])
def test_staf_en_beoordelaar_met_apparaat_moeten_code_invullen(client, factory):
    totp_apparaat_maken(factory(username="rol"))

    response = _inloggen(client, "rol", next="/gemeenten/")
    vervolg = client.get(response["Location"])

    assert vervolg.status_code == 302
    assert vervolg["Location"] == reverse("accounts:tweestaps") + "?next=%2Fgemeenten%2F"


def test_staf_code_invullen_geeft_toegang(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    _inloggen(client, "staf")

    response = client.post(reverse("accounts:tweestaps"), {"code": _code(), "next": reverse("accounts:uitnodigen")})

    assert response["Location"] == reverse("accounts:uitnodigen")
    assert client.get(reverse("accounts:uitnodigen")).status_code == 200


def test_staf_foute_code_geeft_geen_toegang(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    _inloggen(client, "staf")

    response = client.post(reverse("accounts:tweestaps"), {"code": _code(verschuiving=7)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert client.get(reverse("accounts:uitnodigen")).status_code == 302


def test_staf_zonder_tweestaps_krijgt_geen_staf_rechten_ook_niet_via_de_mixin(rf):
    from koplopers.accounts.views import UitnodigenView

    staf = StafFactory()
    staf.is_verified = lambda: False
    verzoek = rf.get("/")
    verzoek.user = staf

    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        UitnodigenView.as_view()(verzoek)


def test_tweestaps_instellen_toont_qr_code_en_bevestigt(client):
    staf = StafFactory(username="staf")
    _inloggen(client, "staf")

    pagina = client.get(reverse("accounts:tweestaps_instellen"))
    apparaat = TOTPDevice.objects.get(user=staf, confirmed=False)
    response = client.post(reverse("accounts:tweestaps_instellen"), {"code": f"{totp(apparaat.bin_key):06d}"})

    assert 'src="data:image/svg+xml;base64,' in pagina.text
    assert response.status_code == 302
    apparaat.refresh_from_db()
    assert apparaat.confirmed is True
    assert client.get(reverse("accounts:uitnodigen")).status_code == 200


def test_tweestaps_instellen_zonder_verificatie_kan_bestaand_apparaat_niet_vervangen(client):
    staf = StafFactory(username="staf")
    totp_apparaat_maken(staf)
    _inloggen(client, "staf")

    response = client.get(reverse("accounts:tweestaps_instellen"))

    assert response["Location"].startswith(reverse("accounts:tweestaps"))
    assert TOTPDevice.objects.filter(user=staf).count() == 1


def test_ambtenaar_zonder_tweestaps_hoeft_geen_code(client):
    AmbtenaarFactory(username="amb", koplopers=[KoploperFactory()])
    _inloggen(client, "amb")

    assert client.get(reverse("accounts:mijn_gemeente")).status_code == 200


def test_ambtenaar_met_tweestaps_moet_code_invullen(client):
    totp_apparaat_maken(AmbtenaarFactory(username="amb", koplopers=[KoploperFactory()]))
    _inloggen(client, "amb")

    geblokkeerd = client.get(reverse("accounts:mijn_gemeente"))
    client.post(reverse("accounts:tweestaps"), {"code": _code()})
    toegelaten = client.get(reverse("accounts:mijn_gemeente"))

    assert geblokkeerd["Location"].startswith(reverse("accounts:tweestaps"))
    assert toegelaten.status_code == 200


def test_ambtenaar_kan_tweestaps_uitzetten(client_als):
    ambtenaar = AmbtenaarFactory()
    totp_apparaat_maken(ambtenaar)
    client = client_als(ambtenaar)

    client.post(reverse("accounts:tweestaps_uitschakelen"))

    assert not TOTPDevice.objects.filter(user=ambtenaar).exists()


def test_staf_kan_tweestaps_niet_uitzetten(client_als):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    client = client_als(staf)

    response = client.post(reverse("accounts:tweestaps_uitschakelen"), follow=True)

    assert "verplicht" in response.text
    assert TOTPDevice.objects.filter(user=staf).exists()


# --- Mijn gemeente -------------------------------------------------------------------------------------------------


def test_mijn_gemeente_toont_eigen_profielen_met_bewerklink(client_als):
    eigen, via_gemeente, andere = KoploperFactory(), KoploperFactory(), KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[eigen], gemeenten=[via_gemeente.gemeente])

    response = client_als(ambtenaar).get(reverse("accounts:mijn_gemeente"))

    assert [k.pk for k in response.context["koplopers"]] == sorted(
        [eigen.pk, via_gemeente.pk], key=lambda pk: KoploperFactory._meta.model.objects.get(pk=pk).sorteernaam
    )
    assert reverse("gemeenten:bewerken", kwargs={"slug": eigen.slug}) in response.text
    assert andere.naam not in response.text


def test_mijn_gemeente_met_een_profiel_toont_toch_de_pagina(client_als):
    koploper = KoploperFactory()

    response = client_als(AmbtenaarFactory(koplopers=[koploper])).get(reverse("accounts:mijn_gemeente"))

    assert response.status_code == 200
    assert reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug}) in response.text


@pytest.mark.parametrize("aantal", [1, 50])
def test_mijn_gemeente_aantal_queries_constant(client_als, django_assert_num_queries, aantal):
    koplopers = KoploperFactory.create_batch(aantal)
    client = client_als(AmbtenaarFactory(koplopers=koplopers))
    client.get(reverse("accounts:mijn_gemeente"))  # warm the session

    # session, user, permission (is official: 1), list, menu rule uses the cached answer
    with django_assert_num_queries(4):
        response = client.get(reverse("accounts:mijn_gemeente"))

    assert len(response.context["koplopers"]) == aantal


# --- Invitations ---------------------------------------------------------------------------------------------------


def test_staf_nodigt_uit_via_pagina(client_als, django_capture_on_commit_callbacks):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    koploper = KoploperFactory()
    client = client_als(staf)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:uitnodigen"), {"email": "nieuw@gemeente.example", "koplopers": [koploper.pk]}
        )

    assert response["Location"] == reverse("accounts:uitnodigen")
    assert mail.outbox[0].to == ["nieuw@gemeente.example"]
    assert "nieuw@gemeente.example" in client.get(reverse("accounts:uitnodigen")).text


def test_uitnodigen_zonder_gemeente_toont_fout(client_als):
    staf = StafFactory()
    totp_apparaat_maken(staf)

    response = client_als(staf).post(reverse("accounts:uitnodigen"), {"email": "nieuw@gemeente.example"})

    assert response.status_code == 200
    assert "Kies minstens één koploperprofiel of gemeente" in response.text
    assert response.context["form"]["email"].value() == "nieuw@gemeente.example"


@pytest.mark.parametrize("aantal", [1, 20])
def test_uitnodigen_lijst_aantal_queries_constant(client_als, django_assert_num_queries, aantal):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    koploper = KoploperFactory()
    for uitnodiging in UitnodigingFactory.create_batch(aantal, uitgenodigd_door=staf):
        uitnodiging.koplopers.add(koploper)
    client = client_als(staf)
    client.get(reverse("accounts:uitnodigen"))

    # session, user, OTP device, menu rule (2), form choices (koplopers, gemeenten), list + 2 prefetches
    with django_assert_num_queries(10):
        response = client.get(reverse("accounts:uitnodigen"))

    assert len(response.context["open_uitnodigingen"]) == aantal


def test_uitnodiging_aanvaarden_via_link(client):
    koploper = KoploperFactory()
    UitnodigingFactory(token="link-token-123456789012", email="amb@gemeente.example").koplopers.add(koploper)
    url = reverse("accounts:uitnodiging", kwargs={"token": "link-token-123456789012"})
    nieuw = "Mijn-eigen-wachtwoord-9"

    pagina = client.get(url)
    response = client.post(url, {"new_password1": nieuw, "new_password2": nieuw})

    assert "amb@gemeente.example" in pagina.text
    assert response["Location"] == INLOGGEN
    assert _inloggen(client, "amb@gemeente.example", nieuw).status_code == 302
    assert client.get(reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug})).status_code == 200


def test_uitnodiging_voor_bestaand_account_vraagt_in_te_loggen_en_zet_geen_wachtwoord(client):
    bestaand = UserFactory(username="bekend", email="bekend@gemeente.example")
    UitnodigingFactory(token="link-token-123456789012", email="bekend@gemeente.example").koplopers.add(
        KoploperFactory()
    )
    url = reverse("accounts:uitnodiging", kwargs={"token": "link-token-123456789012"})
    overname = "Wachtwoord-van-de-overnemer-7"

    pagina = client.get(url)
    response = client.post(url, {"new_password1": overname, "new_password2": overname})

    bestaand.refresh_from_db()
    assert 'name="new_password1"' not in pagina.text
    assert f"{INLOGGEN}?next=" in pagina.text
    assert response.status_code == 200
    assert "Log eerst in met uw account" in response.text
    assert bestaand.check_password(WACHTWOORD) and not bestaand.check_password(overname)
    assert list(bestaand.koplopers.all()) == []
    assert "_auth_user_id" not in client.session


def test_uitnodiging_voor_bestaand_account_aanvaarden_na_inloggen(client):
    bestaand = UserFactory(username="bekend", email="bekend@gemeente.example")
    koploper = KoploperFactory()
    UitnodigingFactory(token="link-token-123456789012", email="bekend@gemeente.example").koplopers.add(koploper)
    url = reverse("accounts:uitnodiging", kwargs={"token": "link-token-123456789012"})

    inloggen = _inloggen(client, "bekend@gemeente.example", next=url)
    pagina = client.get(url)
    response = client.post(url)

    bestaand.refresh_from_db()
    assert inloggen["Location"] == url
    assert "Uitnodiging aanvaarden" in pagina.text
    assert response["Location"] == reverse("accounts:mijn_account")
    assert list(bestaand.koplopers.all()) == [koploper]
    assert bestaand.check_password(WACHTWOORD)
    assert client.get(reverse("gemeenten:bewerken", kwargs={"slug": koploper.slug})).status_code == 200


def test_uitnodiging_voor_bestaand_account_geweigerd_voor_ander_ingelogd_account(client_als):
    bestaand = UserFactory(username="bekend", email="bekend@gemeente.example")
    ander = UserFactory(username="ander", email="ander@gemeente.example")
    UitnodigingFactory(token="link-token-123456789012", email="bekend@gemeente.example").koplopers.add(
        KoploperFactory()
    )
    url = reverse("accounts:uitnodiging", kwargs={"token": "link-token-123456789012"})

    response = client_als(ander).post(url)

    assert response.status_code == 200
    assert "U bent ingelogd met een ander account" in response.text
    assert list(ander.koplopers.all()) == list(bestaand.koplopers.all()) == []


def test_uitnodiging_voor_gedeactiveerd_account_blijft_gedeactiveerd(client):
    gedeactiveerd = UserFactory(username="weg", email="weg@gemeente.example", is_active=False)
    UitnodigingFactory(token="link-token-123456789012", email="weg@gemeente.example").koplopers.add(KoploperFactory())
    url = reverse("accounts:uitnodiging", kwargs={"token": "link-token-123456789012"})
    nieuw = "Wachtwoord-van-de-overnemer-7"

    client.post(url, {"new_password1": nieuw, "new_password2": nieuw})
    inloggen = _inloggen(client, "weg@gemeente.example", nieuw)

    gedeactiveerd.refresh_from_db()
    assert gedeactiveerd.is_active is False
    assert gedeactiveerd.check_password(WACHTWOORD)
    assert inloggen.status_code == 200 and "_auth_user_id" not in client.session


def test_uitnodiging_zwak_wachtwoord_toont_fout_bij_het_veld(client):
    UitnodigingFactory(token="link-token-123456789012")
    url = reverse("accounts:uitnodiging", kwargs={"token": "link-token-123456789012"})

    response = client.post(url, {"new_password1": "kort", "new_password2": "kort"})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert not User.objects.exists()


def test_uitnodiging_verlopen_link_geeft_duidelijke_melding(client):
    UitnodigingFactory(token="verlopen-123456789012", verloopt_op=timezone.now() - timedelta(days=1))

    response = client.get(reverse("accounts:uitnodiging", kwargs={"token": "verlopen-123456789012"}))

    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen" in response.text


def test_uitnodiging_hergebruikte_link_geeft_duidelijke_melding(client):
    UitnodigingFactory(token="gebruikt-123456789012", aanvaard_op=timezone.now())

    response = client.post(
        reverse("accounts:uitnodiging", kwargs={"token": "gebruikt-123456789012"}),
        {"new_password1": "Mijn-eigen-wachtwoord-9", "new_password2": "Mijn-eigen-wachtwoord-9"},
    )

    assert response.status_code == 410
    assert "Deze uitnodiging is al gebruikt" in response.text


def test_uitnodiging_gemanipuleerde_link_geeft_duidelijke_melding(client):
    UitnodigingFactory(token="echt-123456789012")

    response = client.get(reverse("accounts:uitnodiging", kwargs={"token": "echt-123456789013"}))

    assert response.status_code == 404
    assert "Deze uitnodigingslink is niet geldig" in response.text


def test_uitnodiging_intrekken_door_staf(client_als):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    uitnodiging = UitnodigingFactory(token="intrekken-12345678901")

    client_als(staf).post(reverse("accounts:uitnodiging_intrekken", kwargs={"pk": uitnodiging.pk}))

    uitnodiging.refresh_from_db()
    assert uitnodiging.is_verlopen


# --- Registration --------------------------------------------------------------------------------------------------


def test_registreren_en_bevestigen(client, django_capture_on_commit_callbacks):
    gegevens = {
        "voornaam": "Bea",
        "achternaam": "de Vries",
        "email": "bea@adviesraad.example",
        "organisatie": "Adviesraad Proef",
        "organisatie_type": "adviesraad",
        "wachtwoord1": "Een-lang-wachtwoord-42",
        "wachtwoord2": "Een-lang-wachtwoord-42",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:registreren"), gegevens)

    assert response["Location"] == reverse("accounts:registratie_verstuurd")
    assert _inloggen(client, "bea@adviesraad.example", "Een-lang-wachtwoord-42").status_code == 200
    link = re.search(r"http://testserver(/account/registreren/bevestigen/\S+/)", mail.outbox[0].body).group(1)
    assert "Bevestig mijn e-mailadres" in client.get(link).text
    assert client.post(link)["Location"] == INLOGGEN
    assert _inloggen(client, "bea@adviesraad.example", "Een-lang-wachtwoord-42").status_code == 302
    assert User.objects.get(email="bea@adviesraad.example").is_belangenbehartiger


def test_registreren_wachtwoorden_ongelijk_houdt_invoer(client):
    response = client.post(
        reverse("accounts:registreren"),
        {
            "voornaam": "Bea",
            "achternaam": "de Vries",
            "email": "bea@adviesraad.example",
            "organisatie": "Adviesraad Proef",
            "organisatie_type": "adviesraad",
            "wachtwoord1": "Een-lang-wachtwoord-42",
            "wachtwoord2": "Een-ander-wachtwoord-42",
        },
    )

    assert response.status_code == 200
    assert "De twee wachtwoorden zijn niet gelijk" in response.text
    assert 'value="Adviesraad Proef"' in response.text
    assert not User.objects.exists()


def test_registratie_bevestigen_ongeldige_link(client):
    response = client.get(reverse("accounts:registratie_bevestigen", kwargs={"uidb64": "MQ", "token": "x-y"}))

    assert response.status_code == 200
    assert "niet (meer) geldig" in response.text
