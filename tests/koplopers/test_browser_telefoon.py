"""Phones and error states in headless Chromium: the menu button, tables that scroll in their own
region, form error summaries; axe-core 0 at 320 and 1280 px."""

import pytest
from playwright.sync_api import expect

from selectie.beoordeling import services
from selectie.models import Ronde
from tests.factories.accounts import UserFactory
from tests.factories.beoordeling import BeoordelaarFactory, beoordeling_maken, kandidaat_maken, ronde_maken
from tests.selectie.test_browser import inloggen_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TELEFOON = {"width": 390, "height": 844}
SMAL = {"width": 320, "height": 640}
BREED = {"width": 1280, "height": 900}


def _geen_horizontale_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Elements wider than the window, outside a scroll region: what makes a page scroll sideways.
BREDE_ELEMENTEN = """[...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.tabel-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))"""


def test_menuknop_opent_en_sluit_met_het_toetsenbord(page, axe):
    page.set_viewport_size(TELEFOON)
    page.goto("/")
    knop = page.get_by_role("button", name="Menu", exact=True)
    kaart = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kaart")

    expect(knop).to_be_visible()
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(kaart).to_be_hidden()
    knop.focus()
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    expect(kaart).to_be_visible()
    assert axe(page) == []
    page.keyboard.press("Tab")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voorpagina")).to_be_focused()
    page.keyboard.press("Escape")
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(kaart).to_be_hidden()
    expect(knop).to_be_focused()
    page.keyboard.press(" ")
    expect(kaart).to_be_visible()
    assert _geen_horizontale_scroll(page)

    page.set_viewport_size(BREED)
    expect(knop).to_be_hidden()
    expect(kaart).to_be_visible()


def test_menu_zonder_javascript_is_zichtbaar(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False, viewport=TELEFOON)
    try:
        pagina = context.new_page()
        pagina.goto("/")
        expect(pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kaart")).to_be_visible()
        expect(pagina.locator(".hoofdnavigatie__knop")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("breedte", [SMAL, BREED], ids=["320", "1280"])
def test_formulieren_met_fouten_zonder_axe_fouten(page, axe, breedte):
    UserFactory(username="jet")
    page.set_viewport_size(breedte)

    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam of e-mailadres").fill("jet")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("#foutoverzicht")).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam of e-mailadres")).to_have_value("jet")
    assert axe(page) == []
    assert _geen_horizontale_scroll(page)

    page.goto("/account/registreren/")
    page.get_by_label("E-mailadres").fill("geen adres")
    page.get_by_role("button", name="Account aanmaken").click()
    overzicht = page.locator("#foutoverzicht")
    expect(overzicht).to_be_focused()
    expect(page.get_by_label("E-mailadres")).to_have_value("geen adres")
    assert axe(page) == []
    assert _geen_horizontale_scroll(page)
    overzicht.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"


@pytest.mark.parametrize("breedte", [SMAL, TELEFOON, BREED], ids=["320", "390", "1280"])
def test_scorepagina_past_op_het_scherm(page, axe, live_server, breedte):
    ronde = ronde_maken(status=Ronde.Status.KALIBRATIE)
    kandidaat = kandidaat_maken(ronde=ronde, naam="Gemeente Proef met een nogal lange naam")
    beoordelaar = BeoordelaarFactory()
    for organisatie in ("iederin", "koepel_asd"):
        beoordeling_maken(
            beoordelaar=BeoordelaarFactory(beoordelaar_organisatie=organisatie), kandidaat=kandidaat, niveaus=[3] * 4
        )
    services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)
    services.verklaring_bevestigen(beoordelaar=beoordelaar, ronde=ronde)
    inloggen_in_browser(page, live_server, beoordelaar, otp=True)
    page.set_viewport_size(breedte)

    page.goto(f"/beoordelen/kandidaat/{kandidaat.pk}/")
    page.get_by_role("button", name="Indienen").click()

    expect(page.locator("#foutoverzicht")).to_be_focused()
    assert page.evaluate(BREDE_ELEMENTEN) == []
    assert _geen_horizontale_scroll(page)
    regio = page.locator(".tabel-scroll[role=region]").first
    expect(regio).to_have_attribute("tabindex", "0")
    assert axe(page) == []
