"""End to end in headless Chromium: a user asks for deletion, staff carry it out; axe finds nothing."""

import pytest
from django_otp.oath import totp

from koplopers.accounts.models import User
from koplopers.privacy.models import Verwijderverzoek
from tests.factories.accounts import BelangenbehartigerFactory, StafFactory
from tests.permissies import TOTP_SLEUTEL, totp_apparaat_maken

WACHTWOORD = "Wachtwoord-voor-tests-1"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _inloggen(page, gebruikersnaam, *, totp_code=False):
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    if totp_code:
        page.get_by_label("Code uit uw authenticator-app").fill(f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}")
        page.get_by_role("button", name="Controleren").click()


def test_verwijderverzoek_van_aanvraag_tot_uitvoering(page, axe):
    jet = BelangenbehartigerFactory(username="jet")
    totp_apparaat_maken(StafFactory(username="staf"))

    _inloggen(page, "jet")
    page.goto("/account/")
    page.get_by_role("link", name="Mijn gegevens bekijken, downloaden of mijn account laten verwijderen").click()
    assert page.locator("h1").inner_text() == "Mijn gegevens"
    assert axe(page) == []
    page.get_by_role("link", name="Vragen om mijn account te verwijderen").click()
    assert axe(page) == []
    page.get_by_role("button", name="Verzoek versturen").click()
    assert "Vink aan dat u uw account wilt laten verwijderen." in page.locator("main").inner_text()
    page.get_by_label("Ja, ik wil dat mijn account en mijn gegevens worden verwijderd").check()
    page.get_by_role("button", name="Verzoek versturen").click()
    assert "Uw verzoek is ontvangen" in page.locator(".meldingen").inner_text()
    page.context.clear_cookies()

    _inloggen(page, "staf", totp_code=True)
    page.goto("/account/gegevens/verzoeken/")
    assert axe(page) == []
    page.get_by_role("link", name="Behandelen").click()
    assert axe(page) == []
    page.get_by_label("Ja, verwijder dit account nu.").check()
    page.get_by_role("button", name="Account verwijderen").click()

    assert "Het account is verwijderd" in page.locator(".meldingen").inner_text()
    assert not User.objects.filter(pk=jet.pk).exists()
    assert Verwijderverzoek.objects.get().status == Verwijderverzoek.Status.UITGEVOERD
