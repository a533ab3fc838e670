"""End to end in headless Chromium: log in (with TOTP where required), edit, publish, restore."""

import pytest
from django_otp.oath import totp

from tests.factories.accounts import AmbtenaarFactory, StafFactory
from tests.factories.gemeenten import KoploperFactory
from tests.permissies import TOTP_SLEUTEL, totp_apparaat_maken

WACHTWOORD = "Wachtwoord-voor-tests-1"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _inloggen(page, gebruikersnaam):
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def test_inlogpagina_zonder_axe_fouten(page, axe):
    page.goto("/account/inloggen/")

    assert page.locator("h1").inner_text() == "Inloggen"
    assert axe(page) == []


def _axe_smal_en_breed(page, axe) -> list:
    """axe at 320 px (a phone, or 400 % zoom) and at 1280 px."""
    fouten = []
    for breedte in (320, 1280):
        page.set_viewport_size({"width": breedte, "height": 800})
        fouten += [f"{breedte}px {fout}" for fout in axe(page)]
    return fouten


def test_ambtenaar_bewerkt_publiceert_en_herstelt(page, axe):
    koploper = KoploperFactory(organisatie="Oorspronkelijke aanpak.")  # version 1 (created)
    AmbtenaarFactory(username="ambtenaar", koplopers=[koploper])

    _inloggen(page, "ambtenaar")
    page.get_by_role("link", name="Mijn gemeente").first.click()
    page.get_by_role("link", name=f"bewerken ({koploper.naam})").click()
    assert _axe_smal_en_breed(page, axe) == []

    veld = page.get_by_label("Hoe is de cliëntondersteuning georganiseerd?")
    veld.fill("Wij werken met ervaringsdeskundigen:\n- in de wijk\n- op school")
    page.get_by_role("button", name="Concept opslaan").click()
    assert "Het concept is opgeslagen" in page.locator(".meldingen").inner_text()
    assert veld.input_value() == "Wij werken met ervaringsdeskundigen:\n- in de wijk\n- op school"
    page.get_by_role("link", name="Concept bekijken en publiceren…").click()
    assert page.locator(".profielvoorbeeld li").all_inner_texts() == ["in de wijk", "op school"]
    assert _axe_smal_en_breed(page, axe) == []
    page.get_by_role("button", name="Ja, publiceren").click()
    assert "gepubliceerd als versie 2" in page.locator(".meldingen").inner_text()

    page.goto(koploper.get_absolute_url())
    assert page.locator(".profiel__antwoord").first.locator("li").all_inner_texts() == ["in de wijk", "op school"]

    page.goto(f"/gemeenten/{koploper.slug}/geschiedenis/")
    assert page.locator("tbody th").all_inner_texts() == ["2", "1"]
    assert _axe_smal_en_breed(page, axe) == []
    page.get_by_role("link", name="Bekijken en vergelijken").last.click()
    assert _axe_smal_en_breed(page, axe) == []
    page.get_by_role("link", name="Deze versie herstellen en publiceren…").click()
    assert _axe_smal_en_breed(page, axe) == []
    page.get_by_role("button", name="Ja, versie 1 herstellen en publiceren").click()
    assert "is hersteld en gepubliceerd als versie 3" in page.locator(".meldingen").inner_text()

    page.goto(koploper.get_absolute_url())
    assert "Oorspronkelijke aanpak." in page.locator("main").inner_text()


def test_staf_logt_in_met_totp(page, axe):
    totp_apparaat_maken(StafFactory(username="staf"))

    _inloggen(page, "staf")
    assert page.locator("h1").inner_text() == "Tweestapsverificatie"
    assert axe(page) == []
    page.get_by_label("Code uit uw authenticator-app").fill(f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}")
    page.get_by_role("button", name="Controleren").click()

    page.get_by_role("link", name="Uitnodigen").click()
    assert page.locator("h1").inner_text() == "Ambtenaar uitnodigen"
    assert axe(page) == []
