"""End-to-end: search and filter the knowledge base, open an item, the showcase and the factsheet;
axe-core finds no accessibility violations and the page breaks no Content-Security-Policy rule."""

import re

import pytest
from django.urls import reverse

from kennisbank.demodata import demo_etalage_laden
from kennisbank.models import Etalageartikel
from kennisbank.services import kennisitems_laden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kennis(referentiedata):
    kennisitems_laden()
    demo_etalage_laden()


@pytest.fixture
def csp_meldingen(page):
    meldingen = []
    page.on("console", lambda bericht: meldingen.append(bericht.text))
    yield meldingen
    assert [m for m in meldingen if "Content Security Policy" in m] == []


def test_search_filter_and_open_an_item(page, axe, kennis, csp_meldingen):
    page.goto(reverse("kennisbank:lijst"))
    assert axe(page) == []

    page.get_by_label("Zoek in de kennisbank").fill("clientondersteuning")
    page.get_by_label("Uitgever").select_option(label="VNG")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"uitgever=vng"))

    titels = page.locator(".kennisitem__titel").all_inner_texts()
    assert "Handreiking onafhankelijke cliëntondersteuning" in titels
    assert all("Movisie" not in tekst for tekst in page.locator(".kennisitem__gegevens").all_inner_texts())
    assert page.locator(".kennisitem mark").count() >= 1
    assert axe(page) == []

    page.get_by_role("link", name="Handreiking onafhankelijke cliëntondersteuning").click()
    assert page.locator("h1").inner_text() == "Handreiking onafhankelijke cliëntondersteuning"
    assert axe(page) == []


def test_filter_without_results_shows_empty_state(page, axe, kennis):
    page.goto(reverse("kennisbank:lijst") + "?q=zzzzqqqq")

    assert page.get_by_text("Er is niets gevonden met deze zoekwoorden of filters.").is_visible()
    assert axe(page) == []


def test_in_beweging_page(page, axe, kennis, csp_meldingen):
    page.goto(reverse("kennisbank:in_beweging"))

    assert page.locator("h1").inner_text() == "Hoe krijg ik mijn gemeente in beweging?"
    assert page.locator("ol.stappen > li").count() == 6
    assert axe(page) == []


def test_etalage_list_and_article(page, axe, kennis, csp_meldingen):
    page.goto(reverse("kennisbank:etalage"))
    assert page.locator(".etalage__artikel").count() == Etalageartikel.objects.count()
    assert axe(page) == []

    page.locator(".etalage__titel a").first.click()
    assert page.get_by_role("heading", name="De blik van de adviesraad").is_visible()
    assert page.get_by_text("Voorbeeldtekst").first.is_visible()
    assert axe(page) == []


def test_factsheet_charts_and_tables(page, axe, kennis, csp_meldingen):
    page.goto(reverse("kennisbank:factsheet"))

    assert page.get_by_role("img", name=re.compile("Koplopers per provincie")).is_visible()
    assert page.get_by_role("table", name=re.compile("Koplopers per provincie")).is_visible()
    assert page.locator("svg[role=img]").count() == 5
    assert axe(page) == []


def test_portal_search_from_the_header(page, axe, kennis, csp_meldingen):
    from kennisbank.zoeken.index import alles_indexeren

    alles_indexeren()
    page.goto(reverse("home"))
    page.locator("#kop-zoeken").fill("ervaringsdeskundgen")
    page.get_by_role("button", name="Zoek", exact=True).click()
    page.wait_for_url(re.compile(r"/zoeken/\?q="))

    assert page.get_by_text("Hieronder staan de resultaten voor “ervaringsdeskundigen”").is_visible()
    assert page.locator("#groep-koploper").is_visible()
    assert page.locator(".zoekresultaat mark").count() >= 1
    assert axe(page) == []

    page.get_by_role("link", name=re.compile(r"^Koplopers \(\d+\)$")).click()
    page.get_by_label("Provincie").select_option(label="Flevoland")
    page.locator("main").get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"provincie=flevoland"))
    assert page.locator(".zoekresultaat__titel").all_inner_texts() == ["Almere"]
    assert axe(page) == []


def test_portal_search_on_a_small_screen(page, axe, kennis):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse("kennisbank:zoeken") + "?q=cli%C3%ABntondersteuning")

    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 320
    assert axe(page) == []
