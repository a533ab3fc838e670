"""The nomination in a real browser (headless Chromium): draft, attachment, submit, confirmation; the deadline.

Login is by session cookie (the login page is built elsewhere), and every page is checked with axe-core.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from gemeenten.models import Gemeente
from selectie.models import Ronde, Voordracht
from tests.factories.accounts import BelangenbehartigerFactory, StafFactory
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory, ingediende_voordracht
from tests.permissies import totp_apparaat_maken
from tests.selectie.conftest import MODEL_BACKEND, pdf_inhoud

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def inloggen_in_browser(page, live_server, gebruiker, *, otp=False):
    client = Client()
    client.force_login(gebruiker, backend=MODEL_BACKEND)
    if otp:
        from django_otp import DEVICE_ID_SESSION_KEY

        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = totp_apparaat_maken(gebruiker).persistent_id
        sessie.save()
    koekje = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
    page.context.add_cookies([koekje])


def test_complete_nomination(page, axe, live_server, referentiedata, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ronde = OpenRondeFactory(naam="Koplopers 2027")
    indiener = BelangenbehartigerFactory()
    inloggen_in_browser(page, live_server, indiener)

    page.goto("/voordragen/")
    assert axe(page) == []
    page.get_by_role("button", name="Voordracht beginnen").click()

    page.wait_for_url("**/voordragen/*/")
    assert page.locator("h1").inner_text() == "Voordracht: Koplopers 2027"
    assert axe(page) == []
    # Keyboard: search, arrow down to the first match, space to choose it.
    page.get_by_label("Zoek een gemeente in de lijst").fill("almere")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.get_by_label("Almere (Flevoland)").is_checked()
    assert page.locator("[data-gekozen]").inner_text() == "Almere (Flevoland)"
    page.get_by_label("Naam van de voordragende organisatie").fill("Adviesraad Sociaal Domein Almere")
    page.get_by_label("Soort organisatie", exact=True).select_option("adviesraad")
    page.get_by_label("Mede-indiener 1: organisatie").fill("Gemeente Almere")
    page.get_by_label("Mede-indiener 1: soort organisatie").select_option("gemeente")
    page.get_by_label("Bijlagen toevoegen (PDF)").set_input_files(
        [{"name": "werkplan.pdf", "mimeType": "application/pdf", "buffer": pdf_inhoud()}]
    )
    page.get_by_role("button", name="Opslaan als concept").click()

    assert page.get_by_text("Uw concept is opgeslagen").is_visible()
    assert page.get_by_role("link", name="werkplan.pdf").is_visible()
    assert page.get_by_label("Almere (Flevoland)").is_checked()
    for criterium in ronde.criteria.all():
        page.get_by_label(criterium.naam, exact=True).fill(f"<b>Onze</b> aanpak bij {criterium.naam}.")
    page.get_by_label("Ik ga akkoord").check()
    page.get_by_role("button", name="Voordracht indienen").click()

    page.wait_for_url("**/bevestiging/")
    assert page.locator("h1").inner_text() == "Uw voordracht is ingediend"
    assert page.get_by_text("<b>Onze</b> aanpak bij Visie.").is_visible()
    assert page.get_by_text("Gezamenlijke voordracht").first.is_visible()
    assert axe(page) == []
    page.goto("/mijn-voordrachten/")
    rij = page.get_by_role("row", name="Almere")
    assert "ingediend" in rij.inner_text()
    assert axe(page) == []
    assert Voordracht.objects.get().status == Voordracht.Status.INGEDIEND


def test_submit_after_the_deadline_keeps_the_draft(page, axe, live_server, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    indiener = BelangenbehartigerFactory()
    voordracht = VoordrachtFactory(indiener=indiener)
    inloggen_in_browser(page, live_server, indiener)
    page.goto(f"/voordragen/{voordracht.pk}/")
    page.get_by_label("Naam contactpersoon").fill("Nieuwe contactpersoon")
    # The deadline passes while the form is open.
    Ronde.objects.filter(pk=voordracht.ronde_id).update(sluit_op=timezone.now() - timedelta(seconds=1))

    page.get_by_role("button", name="Voordracht indienen").click()

    assert page.get_by_role("alert").get_by_text("De termijn om voor te dragen is voorbij").is_visible()
    assert page.get_by_label("Naam contactpersoon").input_value() == "Nieuwe contactpersoon"
    assert axe(page) == []
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.CONCEPT
    assert voordracht.contact_naam == "Nieuwe contactpersoon"
    page.reload()
    assert page.get_by_text("niet (meer) open").is_visible()
    assert page.get_by_role("button", name="Voordracht indienen").count() == 0


def test_form_with_errors_is_accessible(page, axe, live_server, db):
    indiener = BelangenbehartigerFactory()
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[], motivaties=False)
    inloggen_in_browser(page, live_server, indiener)
    page.goto(f"/voordragen/{voordracht.pk}/")

    page.get_by_role("button", name="Voordracht indienen").click()

    foutoverzicht = page.locator("#foutoverzicht")
    expect(foutoverzicht).to_be_focused()
    foutoverzicht.get_by_role("link", name="Welke gemeente").click()
    assert axe(page) == []


def test_voordragen_without_open_round(page, axe, db):
    page.goto("/voordragen/")

    assert page.get_by_text("Er is op dit moment geen ronde open voor voordrachten.").is_visible()
    assert axe(page) == []


def test_staff_candidates_page_is_accessible(page, axe, live_server, db):
    ronde = OpenRondeFactory()
    gemeente = Gemeente.objects.create(code="GM0034", naam="Almere", slug="almere", provincie_id=_provincie().pk)
    for _ in range(2):
        ingediende_voordracht(ronde=ronde, gemeenten=[gemeente])
    inloggen_in_browser(page, live_server, StafFactory(), otp=True)

    page.goto(f"/programmabureau/rondes/{ronde.slug}/kandidaten/")

    assert page.get_by_role("heading", name="Almere", exact=True).is_visible()
    assert axe(page) == []
    page.goto("/programmabureau/rondes/")
    assert axe(page) == []
    page.goto(f"/programmabureau/rondes/{ronde.slug}/")
    assert axe(page) == []


def _provincie():
    from tests.factories.gemeenten import ProvincieFactory

    return ProvincieFactory(naam="Flevoland", slug="flevoland")
