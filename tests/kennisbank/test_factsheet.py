"""The factsheet page and PDF, and the PDF of a koploper profile."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from gemeenten.models import Koploper
from kennisbank.selectors import factsheet_cijfers
from tests.factories.gemeenten import ContactpersoonFactory
from tests.factories.kennisbank import EtalageartikelFactory, KennisitemFactory, KoploperInUtrechtFactory


def pdf_tekst(response) -> str:
    lezer = PdfReader(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    return "\n".join(pagina.extract_text() for pagina in lezer.pages)


@pytest.mark.django_db
def test_factsheet_cijfers_count_published_koplopers_per_province():
    KoploperInUtrechtFactory()
    KoploperInUtrechtFactory()
    KoploperInUtrechtFactory(gepubliceerd=False)
    KennisitemFactory(soort="zelftest")
    KennisitemFactory(soort="zelftest", gepubliceerd=False)
    EtalageartikelFactory()

    cijfers = factsheet_cijfers()

    assert cijfers["koplopers"] == 3 - 1 + 1  # the showcase article brings its own koploper
    assert ("Utrecht", 3) in cijfers["provincies"]
    assert cijfers["provincies_met_koploper"] == 1
    assert ("zelftest", 1) in cijfers["kennisproducten"]
    assert cijfers["kennisproducten_totaal"] == 1
    assert cijfers["etalageartikelen"] == 1


@pytest.mark.django_db
def test_factsheet_cijfers_are_cached_and_dropped_when_an_item_is_saved(django_assert_num_queries):
    factsheet_cijfers()
    with django_assert_num_queries(0):
        factsheet_cijfers()

    KennisitemFactory()

    assert factsheet_cijfers()["kennisproducten_totaal"] == 1


@pytest.mark.django_db
def test_factsheet_page_has_accessible_charts_with_tables(client, referentiedata):
    response = client.get(reverse("kennisbank:factsheet"))

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert inhoud.count('role="img"') == 5
    assert inhoud.count("<caption>") == 5
    assert 'aria-labelledby="grafiek-provincies-titel grafiek-provincies-beschrijving"' in inhoud
    assert '<th scope="row">Flevoland</th>' in inhoud
    assert "style=" not in inhoud


@pytest.mark.django_db
def test_factsheet_pdf_is_an_a4_pdf_with_figures_page_numbers_and_date(client, referentiedata):
    KennisitemFactory(soort="methode")

    response = client.get(reverse("kennisbank:factsheet_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    lezer = PdfReader(io.BytesIO(response.content))
    breedte, hoogte = float(lezer.pages[0].mediabox.width), float(lezer.pages[0].mediabox.height)
    assert (round(breedte), round(hoogte)) == (595, 842)
    tekst = pdf_tekst(response)
    assert "Factsheet Koploperproject Cliëntondersteuning" in tekst
    assert "Koplopers per provincie" in tekst
    assert "Flevoland" in tekst
    assert f"Pagina 1 van {len(lezer.pages)}" in tekst
    assert "Stand van" in tekst
    fonts = {
        str(font.get_object()["/BaseFont"]) for pagina in lezer.pages for font in pagina["/Resources"]["/Font"].values()
    }
    assert any("Portaal-Sans" in font for font in fonts), fonts  # the @font-face file, read from static/


@pytest.mark.django_db
def test_profiel_pdf_contains_the_profile(client):
    koploper = KoploperInUtrechtFactory(naam="Voorbeeldstad", organisatie="<p>Met een kompanenpool.</p>")
    ContactpersoonFactory(koploper=koploper, naam="Anna de Vries", toestemming_publicatie=True)
    ContactpersoonFactory(koploper=koploper, naam="Geheime Persoon", toestemming_publicatie=False)
    KennisitemFactory(titel="Methode Voorbeeld", koplopers=[koploper])

    response = client.get(reverse("kennisbank:profiel_pdf", kwargs={"slug": koploper.slug}))

    assert response.status_code == 200
    tekst = pdf_tekst(response)
    assert "Voorbeeldstad" in tekst
    assert "Met een kompanenpool." in tekst
    assert "Anna de Vries" in tekst
    assert "Geheime Persoon" not in tekst
    assert "Methode Voorbeeld" in tekst


@pytest.mark.django_db
def test_profiel_pdf_of_unpublished_or_unknown_koploper_is_404(client):
    verborgen = KoploperInUtrechtFactory(gepubliceerd=False)

    assert client.get(reverse("kennisbank:profiel_pdf", kwargs={"slug": verborgen.slug})).status_code == 404
    assert client.get(reverse("kennisbank:profiel_pdf", kwargs={"slug": "bestaat-niet"})).status_code == 404


@pytest.mark.django_db
def test_profiel_pdf_url_wins_over_the_profile_page(client):
    koploper = KoploperInUtrechtFactory()

    assert reverse("kennisbank:profiel_pdf", kwargs={"slug": koploper.slug}) == f"/gemeenten/{koploper.slug}.pdf"
    assert Koploper.objects.filter(slug=koploper.slug).exists()
