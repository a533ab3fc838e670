"""End to end in headless Chromium: a reviewer scores, staff select; axe-core on every page on the way."""

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from selectie.beoordeling import services
from selectie.beoordeling.models import Beoordeling, Besluit
from selectie.models import Ronde
from tests.factories.beoordeling import (
    BeoordelaarFactory,
    VerifieerdeStafFactory,
    beoordeling_maken,
    kandidaat_maken,
    ronde_maken,
    status_zetten,
)
from tests.permissies import TOTP_SLEUTEL

WACHTWOORD = "Wachtwoord-voor-tests-1"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _inloggen(page, gebruikersnaam):
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code uit uw authenticator-app").fill(f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}")
    page.get_by_role("button", name="Controleren").click()


def test_beoordelaar_bevestigt_verklaring_en_dient_in(page, axe):
    ronde = ronde_maken()
    kandidaat = kandidaat_maken(ronde=ronde, naam="Gemeente Proef")
    beoordelaar = BeoordelaarFactory(username="beoordelaar-browser")
    services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)

    _inloggen(page, "beoordelaar-browser")
    page.goto("/beoordelen/")
    assert page.locator("h1").inner_text() == "Beoordelen"
    assert axe(page) == []

    page.get_by_role("link", name="Gemeente Proef").click()
    assert "Verklaring" in page.locator("h1").inner_text()
    assert axe(page) == []
    page.get_by_label("Ik heb de verklaring gelezen en ga ermee akkoord.").check()
    page.get_by_role("button", name="Bevestigen").click()

    assert page.locator("h1").inner_text() == "Gemeente Proef"
    assert axe(page) == []
    criteria = list(ronde.criteria.order_by("volgorde"))
    page.get_by_role("button", name="Indienen").click()
    assert page.locator(".veld__fout").count() == len(criteria)
    assert axe(page) == []
    for criterium, label in zip(
        criteria, ["4 – goed", "3 – voldoende", "niet van toepassing", "5 – uitstekend"], strict=True
    ):
        page.get_by_role("group", name=criterium.naam).get_by_label(label, exact=True).check()
    page.get_by_label("Algemene opmerking").fill("Een sterke voordracht.")
    page.get_by_role("button", name="Indienen").click()

    assert "Uw beoordeling is ingediend." in page.locator(".meldingen").inner_text()
    beoordeling = Beoordeling.objects.get(beoordelaar=beoordelaar)
    assert beoordeling.status == "ingediend"
    assert float(beoordeling.totaal) == 4.0

    page.goto(f"/beoordelen/kandidaat/{kandidaat.pk}/belangenconflict/")
    assert axe(page) == []


def test_staf_selecteert_live_en_bekijkt_alle_paginas(page, axe):
    ronde = ronde_maken()
    beoordelaars = [BeoordelaarFactory(beoordelaar_organisatie=org) for org in ("vng", "iederin", "koepel_asd")]
    for i in range(3):
        kandidaat = kandidaat_maken(ronde=ronde, naam=f"Kandidaat {i}")
        for beoordelaar in beoordelaars:
            beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[2 + i] * 4)
    status_zetten(ronde, Ronde.Status.SELECTIE)
    VerifieerdeStafFactory(username="staf-browser")

    _inloggen(page, "staf-browser")
    for pad in ["/beoordeling/", f"/beoordeling/{ronde.slug}/", f"/beoordeling/{ronde.slug}/ranglijst/"]:
        page.goto(pad)
        assert axe(page) == [], pad

    page.goto(f"/beoordeling/{ronde.slug}/selectie/")
    assert axe(page) == []
    assert "0 kandidaten geselecteerd" in page.locator("#controle").inner_text()
    page.get_by_label("Besluit over Kandidaat 2").select_option("geselecteerd")
    expect(page.locator("#controle")).to_contain_text("1 kandidaat geselecteerd")
    expect(page.locator("tr.gekozen .besluit__status")).to_have_text("Bewaard.")
    assert Besluit.objects.get(kandidaat__naam="Kandidaat 2").uitkomst == "geselecteerd"

    for naam in ["voorstel", "publiceren", "outbox", "nieuws", "audit", "instellingen"]:
        page.goto(f"/beoordeling/{ronde.slug}/{naam}/")
        assert page.locator("h1").count() == 1
        assert axe(page) == [], naam


def test_werkblad_werkt_zonder_javascript(chromium, live_server):
    ronde = ronde_maken(status=Ronde.Status.SELECTIE)
    kandidaat_maken(ronde=ronde, naam="Zonder JS")
    VerifieerdeStafFactory(username="staf-zonder-js")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    pagina = context.new_page()
    try:
        _inloggen(pagina, "staf-zonder-js")
        pagina.goto(f"/beoordeling/{ronde.slug}/selectie/")
        pagina.get_by_label("Besluit over Zonder JS").select_option("reserve")
        pagina.get_by_role("button", name="Bewaren – Zonder JS").click()

        assert "Besluit over Zonder JS bewaard." in pagina.locator(".meldingen").inner_text()
        assert Besluit.objects.get(kandidaat__naam="Zonder JS").uitkomst == "reserve"
    finally:
        context.close()


def test_dashboard_formulieren_tonen_fouten_bij_het_veld(page, axe):
    ronde = ronde_maken()
    kandidaat = kandidaat_maken(ronde=ronde, naam="Gemeente Belang")
    beoordelaar = BeoordelaarFactory(beoordelaar_organisatie="iederin", username="beoordelaar-belang")
    services.conflict_melden(
        beoordelaar=beoordelaar, kandidaat=kandidaat, soort="persoonlijk", toelichting="", bron="staf", door=None
    )
    VerifieerdeStafFactory(username="staf-fouten")
    _inloggen(page, "staf-fouten")

    page.goto(f"/beoordeling/{ronde.slug}/")
    page.get_by_role("button", name="Naar kalibratie").click()

    # A step that cannot be undone: a page says what will happen and asks to confirm.
    expect(page.locator("main")).to_contain_text("Alle beoordelaars zien daarna elkaars scores")
    page.get_by_label("Reden (komt in de audit)").fill("Klaar met scoren")
    page.get_by_role("button", name="Naar kalibratie").click()
    vinkje = page.get_by_label("Ik begrijp wat er gebeurt en zet deze stap.")
    expect(vinkje).to_have_attribute("aria-invalid", "true")
    expect(vinkje).to_have_accessible_description("Vink aan dat u deze stap wilt zetten; die kan niet ongedaan worden.")
    expect(page.get_by_label("Reden (komt in de audit)")).to_have_value("Klaar met scoren")
    assert page.locator("h1").count() == 1
    assert axe(page) == []
    vinkje.check()
    page.get_by_role("button", name="Naar kalibratie").click()
    expect(page.locator(".meldingen")).to_contain_text("heeft nu de status kalibratie")
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.KALIBRATIE

    hand = page.locator("section", has=page.get_by_role("heading", name="Met de hand toewijzen"))
    hand.get_by_label("Beoordelaar").select_option(str(beoordelaar.pk))
    hand.get_by_label("Kandidaat").select_option(str(kandidaat.pk))
    hand.get_by_role("button", name="Uitvoeren").click()

    keuze = page.locator("#toewijzing_beoordelaar")
    expect(keuze).to_have_attribute("aria-invalid", "true")
    expect(keuze).to_have_accessible_description(f"{beoordelaar} heeft een belangenconflict met Gemeente Belang.")
    expect(page.locator("#toewijzing_kandidaat")).to_have_value(str(kandidaat.pk))
    assert axe(page) == []
