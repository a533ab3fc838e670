"""End-to-end: the list filters, the map draws and links to profiles, no accessibility violations."""

import re

import pytest
from django.urls import reverse

from gemeenten.models import Gemeente, Koploper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _verzamel_console(page):
    meldingen = []
    page.on("console", lambda bericht: meldingen.append((bericht.type, bericht.text)))
    page.on("pageerror", lambda fout: meldingen.append(("pageerror", str(fout))))
    return meldingen


def _csp_schendingen(meldingen):
    return [
        tekst for soort, tekst in meldingen if "Content Security Policy" in tekst or "Content-Security-Policy" in tekst
    ]


def _fouten_van_de_pagina(meldingen):
    """Console errors other than the tile requests the test aborts (there is no network here)."""
    return [
        (soort, tekst)
        for soort, tekst in meldingen
        if soort in ("error", "pageerror") and not tekst.startswith("Failed to load resource")
    ]


def test_list_filter_by_province_shows_only_its_koplopers(page, demodata):
    verwacht = Koploper.objects.filter(gepubliceerd=True, provincie__slug="noord-brabant").count()
    page.goto(reverse("gemeenten:lijst"))
    assert page.locator("li.koploper-rij").count() == Koploper.objects.filter(gepubliceerd=True).count()

    page.get_by_label("Provincie").select_option(label="Noord-Brabant")
    page.get_by_role("button", name="Toon koplopers").click()
    page.wait_for_url(re.compile(r"provincie=noord-brabant"))

    assert page.locator("li.koploper-rij").count() == verwacht
    assert page.locator("#resultaten-aantal").inner_text() == f"{verwacht} koplopers"


def test_map_draws_all_boundaries_with_koplopers_highlighted(page, demodata):
    meldingen = _verzamel_console(page)
    koploper_gemeenten = Gemeente.objects.filter(koploper__gepubliceerd=True).count() + (
        Gemeente.objects.filter(regios__gepubliceerd=True).exclude(koploper__gepubliceerd=True).distinct().count()
    )

    page.goto(reverse("gemeenten:kaart"))
    page.wait_for_selector("#kaart[data-geladen]")

    assert page.locator("#kaart path.gemeente").count() == Gemeente.objects.count() == 342
    assert page.locator("#kaart path.gemeente--koploper").count() == koploper_gemeenten
    assert _csp_schendingen(meldingen) == []
    assert _fouten_van_de_pagina(meldingen) == []


def test_map_popup_leads_to_the_profile(page, demodata):
    page.goto(reverse("gemeenten:kaart") + "?q=Almere")
    page.wait_for_selector("#kaart[data-geladen]")

    page.locator("#kaart path.gemeente--koploper").first.click(force=True)
    link = page.locator(".leaflet-popup .kaartpopup__link")
    link.wait_for()
    assert page.locator(".leaflet-popup .kaartpopup__naam").inner_text() == "Almere"
    link.click()

    page.wait_for_url(re.compile(r"/gemeenten/almere/$"))
    assert page.locator("h1").inner_text() == "Almere"


def test_map_popup_opens_with_the_keyboard(page, demodata):
    page.goto(reverse("gemeenten:kaart") + "?q=Almere")
    page.wait_for_selector("#kaart[data-geladen]")

    page.locator("#kaart path.gemeente--koploper").first.focus()
    page.keyboard.press("Enter")

    link = page.locator(".leaflet-popup .kaartpopup__link")
    link.wait_for()
    assert link.evaluate("element => element === document.activeElement")


def test_map_without_javascript_still_offers_filters_and_list(chromium, live_server, demodata):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    pagina = context.new_page()
    try:
        pagina.goto(reverse("gemeenten:kaart") + "?provincie=overijssel")

        assert pagina.get_by_label("Provincie").input_value() == "overijssel"
        lijst = pagina.get_by_role("link", name="Bekijk deze koplopers als lijst").first
        assert lijst.get_attribute("href") == reverse("gemeenten:lijst") + "?provincie=overijssel"
    finally:
        context.close()


def test_profile_map_draws_the_municipality(page, demodata):
    meldingen = _verzamel_console(page)

    page.goto(reverse("gemeenten:profiel", kwargs={"slug": "almere"}))
    page.wait_for_selector("#profielkaart[data-geladen]")

    assert page.locator("#profielkaart path.gemeente--koploper").count() == 1
    assert _csp_schendingen(meldingen) == []
    assert _fouten_van_de_pagina(meldingen) == []


def test_map_count_equals_the_koplopers_that_can_be_chosen(page, demodata):
    page.goto(reverse("gemeenten:kaart"))
    page.wait_for_selector("#kaart[data-geladen]")

    aantal = int(page.locator("#resultaten-aantal").inner_text().split()[0])
    knoppen = page.locator("#kaart path[role=button]")
    getekend = set(
        page.locator("#kaart path.gemeente--koploper").evaluate_all("els => els.map(e => e.dataset.koploper)")
    )

    # Regio Twente is drawn as its members; the Oosterschelderegio's members are not known, so it is
    # listed, not drawn, and the page says so.
    assert Koploper.objects.filter(gepubliceerd=True).count() == 28
    assert aantal == 27
    assert knoppen.count() == aantal == len(getekend)
    assert "regio-twente" in getekend and "oosterschelderegio" not in getekend
    assert page.get_by_text("1 koploper staat niet op de kaart").is_visible()


def test_map_region_opens_one_popup_from_any_member_and_escape_closes_it(page, demodata):
    page.goto(reverse("gemeenten:kaart"))
    page.wait_for_selector("#kaart[data-geladen]")

    page.locator('#kaart path[data-koploper="regio-twente"][aria-hidden="true"]').first.click(force=True)
    page.locator(".leaflet-popup").wait_for()
    assert page.locator(".leaflet-popup .kaartpopup__naam").inner_text() == "Regio Twente"
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")

    knop = page.locator('#kaart path[role=button][data-koploper="regio-twente"]')
    knop.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .kaartpopup__link").wait_for()
    page.keyboard.press("Escape")

    page.locator(".leaflet-popup").wait_for(state="detached")
    assert knop.evaluate("element => element === document.activeElement")


def test_profile_map_shows_the_region_and_its_surroundings_without_tiles(page, demodata):
    meldingen = _verzamel_console(page)

    page.goto(reverse("gemeenten:profiel", kwargs={"slug": "regio-twente"}))
    page.wait_for_selector("#profielkaart[data-omgeving]")

    assert page.locator("#profielkaart path.gemeente--koploper").count() == 14
    assert page.locator("#profielkaart path.gemeente--omgeving").count() == 342 - 14
    assert _csp_schendingen(meldingen) == []
    assert _fouten_van_de_pagina(meldingen) == []


@pytest.mark.parametrize("breedte", [320, 1280])
@pytest.mark.parametrize(
    "url",
    [
        reverse("gemeenten:kaart"),
        reverse("gemeenten:profiel", kwargs={"slug": "almere"}),
        reverse("gemeenten:profiel", kwargs={"slug": "regio-twente"}),
    ],
)
def test_touched_pages_have_no_axe_violations_narrow_and_wide(page, axe, demodata, url, breedte):
    page.set_viewport_size({"width": breedte, "height": 800})
    page.goto(url)
    page.wait_for_selector("[data-geladen]")

    assert axe(page) == []


def test_footer_stays_at_the_bottom_of_a_short_page(page, demodata):
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(reverse("gemeenten:profiel", kwargs={"slug": "bestaat-niet"}))

    onderkant = page.locator("footer.voet").evaluate("el => el.getBoundingClientRect().bottom")
    assert onderkant == 1400
    assert page.locator("header img.kop__logo").get_attribute("alt")


@pytest.mark.parametrize(
    "url",
    [
        reverse("gemeenten:lijst"),
        reverse("gemeenten:lijst") + "?provincie=bestaat-niet",
        reverse("gemeenten:kaart"),
        reverse("gemeenten:profiel", kwargs={"slug": "almere"}),
        reverse("gemeenten:profiel", kwargs={"slug": "breda"}),
        reverse("gemeenten:profiel", kwargs={"slug": "regio-twente"}),
    ],
)
def test_public_pages_have_no_axe_violations(page, axe, demodata, url):
    page.goto(url)
    if "kaart" in url:
        page.wait_for_selector("#kaart[data-geladen]")

    assert axe(page) == []
