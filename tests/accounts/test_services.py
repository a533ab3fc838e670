"""Invitations, registration and two-factor devices."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.accounts import services
from koplopers.accounts.models import Uitnodiging, User
from tests.factories.accounts import StafFactory, UitnodigingFactory, UserFactory
from tests.factories.gemeenten import KoploperFactory

pytestmark = pytest.mark.django_db

WACHTWOORD = "Een-lang-wachtwoord-42"


def _token_uit_mail(bericht) -> str:
    return re.search(r"/account/uitnodiging/([^/\s]+)/", bericht.body).group(1)


def test_uitnodiging_versturen_stuurt_mail_met_link(django_capture_on_commit_callbacks):
    koploper = KoploperFactory()
    staf = StafFactory()

    with django_capture_on_commit_callbacks(execute=True):
        uitnodiging = services.uitnodiging_versturen(
            email="Nieuw@Gemeente.example", koplopers=[koploper], uitgenodigd_door=staf, basis_url="https://portaal.nl/"
        )

    assert uitnodiging.email == "nieuw@gemeente.example"
    assert list(uitnodiging.koplopers.all()) == [koploper]
    assert uitnodiging.verloopt_op - timezone.now() > timedelta(days=6, hours=23)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@gemeente.example"]
    token = _token_uit_mail(mail.outbox[0])
    assert "https://portaal.nl/account/uitnodiging/" in mail.outbox[0].body
    assert token not in uitnodiging.token_hash
    assert koploper.naam in mail.outbox[0].body


def test_uitnodiging_versturen_zonder_gemeente_wordt_geweigerd():
    with pytest.raises(ValidationError):
        services.uitnodiging_versturen(email="a@b.nl", uitgenodigd_door=None, basis_url="https://x/")


def test_uitnodiging_aanvaarden_maakt_account_met_rol():
    koploper = KoploperFactory()
    uitnodiging = UitnodigingFactory(token="geldig-token-1234567890", email="amb@gemeente.example")
    uitnodiging.koplopers.add(koploper)

    gebruiker = services.uitnodiging_aanvaarden(token="geldig-token-1234567890", wachtwoord=WACHTWOORD, voornaam="Ans")

    assert (gebruiker.username, gebruiker.first_name, gebruiker.is_active) == ("amb@gemeente.example", "Ans", True)
    assert gebruiker.check_password(WACHTWOORD)
    assert list(gebruiker.koplopers.all()) == [koploper]
    uitnodiging.refresh_from_db()
    assert uitnodiging.aanvaard_op is not None and uitnodiging.gebruiker == gebruiker


def test_uitnodiging_aanvaarden_met_wachtwoord_weigert_bestaand_account():
    bestaand = UserFactory(email="bekend@gemeente.example", password="Oud-wachtwoord-van-mij-1")
    UitnodigingFactory(token="token-voor-bestaand-account", email="Bekend@Gemeente.example").koplopers.add(
        KoploperFactory()
    )

    with pytest.raises(ValidationError) as fout:
        services.uitnodiging_aanvaarden(token="token-voor-bestaand-account", wachtwoord=WACHTWOORD)

    bestaand.refresh_from_db()
    assert fout.value.code == "bestaand_account"
    assert bestaand.check_password("Oud-wachtwoord-van-mij-1") and not bestaand.check_password(WACHTWOORD)
    assert list(bestaand.koplopers.all()) == []
    assert Uitnodiging.objects.get().aanvaard_op is None


def test_uitnodiging_aanvaarden_bestaand_account_krijgt_rol_erbij_zonder_ander_wachtwoord():
    bestaand = UserFactory(email="bekend@gemeente.example", password="Oud-wachtwoord-van-mij-1")
    koploper = KoploperFactory()
    UitnodigingFactory(token="token-voor-bestaand-account", email="bekend@gemeente.example").koplopers.add(koploper)

    gebruiker = services.uitnodiging_aanvaarden_bestaand(token="token-voor-bestaand-account", gebruiker=bestaand)

    gebruiker.refresh_from_db()
    assert gebruiker.pk == bestaand.pk
    assert list(gebruiker.koplopers.all()) == [koploper]
    assert gebruiker.check_password("Oud-wachtwoord-van-mij-1")
    assert User.objects.count() == 1
    assert Uitnodiging.objects.get().gebruiker == bestaand


def test_uitnodiging_aanvaarden_bestaand_door_ander_account_wordt_geweigerd():
    UserFactory(email="bekend@gemeente.example")
    ander = UserFactory(email="ander@gemeente.example")
    UitnodigingFactory(token="token-voor-bestaand-account", email="bekend@gemeente.example").koplopers.add(
        KoploperFactory()
    )

    with pytest.raises(ValidationError) as fout:
        services.uitnodiging_aanvaarden_bestaand(token="token-voor-bestaand-account", gebruiker=ander)

    assert fout.value.code == "ander_account"
    assert list(ander.koplopers.all()) == []
    assert Uitnodiging.objects.get().aanvaard_op is None


def test_uitnodiging_voor_gedeactiveerd_account_heractiveert_het_niet():
    gedeactiveerd = UserFactory(email="weg@gemeente.example", is_active=False, password="Oud-wachtwoord-van-mij-1")
    UitnodigingFactory(token="token-voor-gedeactiveerd", email="weg@gemeente.example").koplopers.add(KoploperFactory())

    with pytest.raises(ValidationError):
        services.uitnodiging_aanvaarden(token="token-voor-gedeactiveerd", wachtwoord=WACHTWOORD)
    with pytest.raises(ValidationError):
        services.uitnodiging_aanvaarden_bestaand(token="token-voor-gedeactiveerd", gebruiker=gedeactiveerd)

    gedeactiveerd.refresh_from_db()
    assert gedeactiveerd.is_active is False
    assert gedeactiveerd.check_password("Oud-wachtwoord-van-mij-1")
    assert list(gedeactiveerd.koplopers.all()) == []


def test_uitnodiging_mail_voor_bestaand_account_vraagt_om_in_te_loggen(django_capture_on_commit_callbacks):
    UserFactory(email="bekend@gemeente.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.uitnodiging_versturen(
            email="bekend@gemeente.example",
            koplopers=[KoploperFactory()],
            uitgenodigd_door=StafFactory(),
            basis_url="https://portaal.nl/",
        )

    assert "log in met dat account" in mail.outbox[0].body
    assert "Kies via deze link een wachtwoord" not in mail.outbox[0].body


def test_uitnodiging_tweede_keer_gebruiken_wordt_geweigerd():
    UitnodigingFactory(token="eenmalig-token-1234567890").koplopers.add(KoploperFactory())
    services.uitnodiging_aanvaarden(token="eenmalig-token-1234567890", wachtwoord=WACHTWOORD)

    with pytest.raises(services.OngeldigeUitnodiging) as fout:
        services.uitnodiging_aanvaarden(token="eenmalig-token-1234567890", wachtwoord="Nog-een-wachtwoord-43")

    assert fout.value.code == "gebruikt"


def test_uitnodiging_verlopen_wordt_geweigerd():
    UitnodigingFactory(token="verlopen-token-1234567890", verloopt_op=timezone.now() - timedelta(seconds=1))

    with pytest.raises(services.OngeldigeUitnodiging) as fout:
        services.uitnodiging_aanvaarden(token="verlopen-token-1234567890", wachtwoord=WACHTWOORD)

    assert fout.value.code == "verlopen"
    assert not User.objects.exists()


def test_uitnodiging_gemanipuleerde_link_wordt_geweigerd():
    UitnodigingFactory(token="echt-token-1234567890")

    with pytest.raises(services.OngeldigeUitnodiging) as fout:
        services.uitnodiging_zoeken("echt-token-1234567891")

    assert fout.value.code == "onbekend"


def test_uitnodiging_zwak_wachtwoord_wordt_geweigerd_en_blijft_open():
    uitnodiging = UitnodigingFactory(token="token-zwak-wachtwoord-123")

    with pytest.raises(ValidationError):
        services.uitnodiging_aanvaarden(token="token-zwak-wachtwoord-123", wachtwoord="12345678")

    uitnodiging.refresh_from_db()
    assert uitnodiging.aanvaard_op is None
    assert not User.objects.exists()


def test_uitnodiging_intrekken_maakt_link_ongeldig():
    uitnodiging = UitnodigingFactory(token="in-te-trekken-token-123")

    services.uitnodiging_intrekken(uitnodiging=uitnodiging)

    assert not Uitnodiging.objects.open().exists()
    with pytest.raises(services.OngeldigeUitnodiging):
        services.uitnodiging_zoeken("in-te-trekken-token-123")


def _registreren(**extra):
    gegevens = {
        "voornaam": "Bea",
        "achternaam": "de Vries",
        "email": "bea@adviesraad.example",
        "organisatie": "Adviesraad Proef",
        "organisatie_type": User.OrganisatieType.ADVIESRAAD,
        "wachtwoord": WACHTWOORD,
        "basis_url": "https://portaal.nl/",
    }
    return services.belangenbehartiger_registreren(**{**gegevens, **extra})


def test_registreren_maakt_inactief_account_en_stuurt_bevestiging(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        gebruiker = _registreren()

    assert (gebruiker.is_active, gebruiker.is_belangenbehartiger, gebruiker.organisatie) == (
        False,
        True,
        "Adviesraad Proef",
    )
    assert len(mail.outbox) == 1
    assert "https://portaal.nl/account/registreren/bevestigen/" in mail.outbox[0].body


def test_registreren_met_bestaand_adres_maakt_niets_aan_maar_mailt(django_capture_on_commit_callbacks):
    UserFactory(email="bea@adviesraad.example")

    with django_capture_on_commit_callbacks(execute=True):
        resultaat = _registreren()

    assert resultaat is None
    assert User.objects.count() == 1
    assert mail.outbox[0].subject == "Iemand probeerde een account te maken met uw e-mailadres"


def test_registratie_bevestigen_activeert_eenmalig():
    from koplopers.accounts.tokens import registratie_token

    gebruiker = _registreren()
    token = registratie_token.make_token(gebruiker)

    services.registratie_bevestigen(gebruiker=gebruiker, token=token)

    gebruiker.refresh_from_db()
    assert gebruiker.is_active is True
    with pytest.raises(ValidationError):
        services.registratie_bevestigen(gebruiker=gebruiker, token=token)


def test_registratie_bevestigen_met_fout_token_wordt_geweigerd():
    gebruiker = _registreren()

    with pytest.raises(ValidationError):
        services.registratie_bevestigen(gebruiker=gebruiker, token="1-fout")

    gebruiker.refresh_from_db()
    assert gebruiker.is_active is False


def test_totp_apparaat_bevestigen_met_juiste_code():
    gebruiker = UserFactory()
    apparaat = services.totp_apparaat_voorbereiden(gebruiker=gebruiker)
    code = f"{totp(apparaat.bin_key):06d}"

    services.totp_apparaat_bevestigen(apparaat=apparaat, code=code)

    apparaat.refresh_from_db()
    assert apparaat.confirmed is True


def test_totp_apparaat_bevestigen_met_foute_code():
    gebruiker = UserFactory()
    apparaat = services.totp_apparaat_voorbereiden(gebruiker=gebruiker)
    fout = f"{(totp(apparaat.bin_key) + 1) % 1000000:06d}"

    with pytest.raises(ValidationError):
        services.totp_apparaat_bevestigen(apparaat=apparaat, code=fout)

    apparaat.refresh_from_db()
    assert apparaat.confirmed is False


def test_tweestaps_uitschakelen_mag_niet_voor_staf():
    staf = StafFactory()
    TOTPDevice.objects.create(user=staf, name="x", confirmed=True)

    with pytest.raises(ValidationError):
        services.tweestaps_uitschakelen(gebruiker=staf)

    assert TOTPDevice.objects.filter(user=staf).exists()


def test_tweestaps_uitschakelen_voor_ambtenaar():
    gebruiker = UserFactory()
    TOTPDevice.objects.create(user=gebruiker, name="x", confirmed=True)

    services.tweestaps_uitschakelen(gebruiker=gebruiker)

    assert not TOTPDevice.objects.filter(user=gebruiker).exists()
