import io

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.accounts.demodata import DEMO_TOTP_SLEUTEL, DEMO_WACHTWOORD
from koplopers.accounts.models import User


def test_demodata_maakt_een_account_per_rol(referentiedata):
    uitvoer = io.StringIO()

    call_command("laad_demodata", stdout=uitvoer)
    call_command("laad_demodata", stdout=io.StringIO())  # idempotent

    almere = User.objects.get(username="ambtenaar.almere")
    assert [k.slug for k in almere.koplopers.all()] == ["almere"]
    assert almere.check_password(DEMO_WACHTWOORD)
    assert [k.slug for k in User.objects.get(username="ambtenaar.twente").koplopers.all()] == ["regio-twente"]
    assert User.objects.get(username="belangenbehartiger").is_belangenbehartiger
    assert sorted(
        User.objects.exclude(beoordelaar_organisatie="").values_list("beoordelaar_organisatie", flat=True)
    ) == [
        "iederin",
        "koepel_asd",
        "vng",
    ]
    assert User.objects.get(username="programmabureau").is_programmastaf
    assert TOTPDevice.objects.filter(key=DEMO_TOTP_SLEUTEL, confirmed=True).count() == 4
    assert "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" in uitvoer.getvalue()
    apparaat = TOTPDevice.objects.get(user__username="programmabureau")
    assert apparaat.verify_token(f"{totp(bytes.fromhex(DEMO_TOTP_SLEUTEL)):06d}")


@pytest.mark.django_db
def test_demodata_weigert_zonder_toestemming(settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError):
        call_command("laad_demodata", stdout=io.StringIO())

    assert not User.objects.exists()
