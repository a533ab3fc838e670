"""The public pages: A–Z list, map page, profile and home."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from gemeenten.models import Koploper
from gemeenten.services import koploper_depubliceren
from tests.factories.accounts import StafFactory
from tests.factories.gemeenten import (
    ContactpersoonFactory,
    DoelgroepFactory,
    GemeenteFactory,
    GepubliceerdeKoploperFactory,
    LinkFactory,
    ProvincieFactory,
    RegioFactory,
    RondeFactory,
    ThemaFactory,
)

LIJST = reverse("gemeenten:lijst")
KAART = reverse("gemeenten:kaart")


def _profiel(koploper):
    return reverse("gemeenten:profiel", kwargs={"slug": koploper.slug})


def _html(response):
    return response.content.decode()


def _rijke_koploper(**kwargs):
    """A koploper with something in every relation a page shows."""
    koploper = GepubliceerdeKoploperFactory(
        rondes=[RondeFactory()], doelgroepen=[DoelgroepFactory()], themas=[ThemaFactory()], **kwargs
    )
    ContactpersoonFactory(koploper=koploper)
    LinkFactory(koploper=koploper)
    return koploper


def _zelfde_aantal_queries(client, url, django_assert_num_queries, maak_meer):
    """The page costs as many queries with 50 koplopers as with 1."""
    with CaptureQueriesContext(connection) as een:
        assert client.get(url).status_code == 200
    maak_meer()
    with django_assert_num_queries(len(een)):
        response = client.get(url)
    assert response.status_code == 200
    return response


# The A–Z list


@pytest.mark.django_db
def test_list_shows_count_rows_and_letter_index(client):
    ronde = RondeFactory(naam="Koplopers I (2017)")
    doelgroep = DoelgroepFactory(naam="Ouderen")
    thema = ThemaFactory(naam="Bekendheid")
    provincie = ProvincieFactory(naam="Flevoland")
    GepubliceerdeKoploperFactory(
        gemeente=GemeenteFactory(naam="Almere", provincie=provincie), rondes=[ronde], doelgroepen=[doelgroep]
    )
    GepubliceerdeKoploperFactory(
        gemeente=GemeenteFactory(naam="'s-Hertogenbosch"), deelname_volgens_bron="deelnemer 2019", themas=[thema]
    )
    RegioFactory(naam="Regio Twente")
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(naam="Zwolle"), gepubliceerd=False)

    response = client.get(LIJST)

    html = _html(response)
    assert response.status_code == 200
    assert re.search(r'id="resultaten-aantal">\s*3 koplopers\s*<', html)
    assert [k.naam for k in response.context["koplopers"]] == ["Almere", "'s-Hertogenbosch", "Regio Twente"]
    assert '<a href="#letter-h">H</a>' in html  # 's-Hertogenbosch under H
    assert "<span>B</span>" in html and 'href="#letter-b"' not in html
    assert '<h2 id="letter-r">R</h2>' in html
    assert "Zwolle" not in html
    assert "Koplopers I (2017)" in html and "deelnemer 2019" in html
    assert "<dd>Flevoland</dd>" in html and "<dd>Regio</dd>" in html
    assert "</span>Ouderen</li>" in html and "</span>Bekendheid</li>" in html


@pytest.mark.django_db
def test_list_with_one_result_says_koploper(client):
    GepubliceerdeKoploperFactory()

    assert re.search(r'id="resultaten-aantal">\s*1 koploper\s*<', _html(client.get(LIJST)))


@pytest.mark.django_db
def test_list_empty_state_links_to_clear_the_filters(client):
    GepubliceerdeKoploperFactory()

    html = _html(client.get(LIJST, {"q": "bestaat niet"}))

    assert "Er zijn geen koplopers die aan deze filters voldoen." in html
    assert f'<a href="{LIJST}">Wis alle filters en toon alle koplopers</a>' in html


@pytest.mark.django_db
def test_list_map_link_carries_the_valid_filters(client):
    ProvincieFactory(slug="utrecht")

    html = _html(client.get(LIJST, {"provincie": "utrecht", "thema": "onbekend", "q": ""}))

    assert f'href="{KAART}?provincie=utrecht">Bekijk op de kaart' in html


@pytest.mark.django_db
def test_list_keeps_the_chosen_filter_in_the_form(client):
    ProvincieFactory(naam="Utrecht", slug="utrecht")

    html = _html(client.get(LIJST, {"provincie": "utrecht"}))

    assert '<option value="utrecht" selected>Utrecht</option>' in html


@pytest.mark.django_db
def test_list_query_count_is_constant(client, django_assert_num_queries):
    _rijke_koploper()
    RegioFactory(leden=[GemeenteFactory()])

    response = _zelfde_aantal_queries(
        client, LIJST, django_assert_num_queries, lambda: [_rijke_koploper() for _ in range(49)]
    )
    assert len(response.context["koplopers"]) == 51


@pytest.mark.django_db
def test_filtered_list_query_count_is_constant(client, django_assert_num_queries):
    provincie = ProvincieFactory(slug="utrecht")
    _rijke_koploper(gemeente=GemeenteFactory(provincie=provincie))
    url = f"{LIJST}?provincie=utrecht&q=test"

    _zelfde_aantal_queries(
        client,
        url,
        django_assert_num_queries,
        lambda: [_rijke_koploper(gemeente=GemeenteFactory(provincie=provincie)) for _ in range(49)],
    )


@pytest.mark.django_db
def test_list_repeat_request_reads_the_cached_results(client, django_assert_num_queries):
    _rijke_koploper()
    client.get(LIJST)

    with django_assert_num_queries(0):  # the data version is in the cache too
        response = client.get(LIJST)

    assert re.search(r'id="resultaten-aantal">\s*1 koploper\s*<', _html(response))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wijziging",
    [
        pytest.param(lambda k: GepubliceerdeKoploperFactory(naam="Nieuwkomer"), id="nieuwe-koploper"),
        pytest.param(lambda k: k.themas.add(ThemaFactory(naam="Nieuwkomer")), id="nieuw-thema"),
        pytest.param(lambda k: koploper_depubliceren(koploper=k, gebruiker=StafFactory()), id="gedepubliceerd"),
        pytest.param(lambda k: Koploper.objects.filter(pk=k.pk).delete(), id="verwijderd"),
    ],
)
def test_list_shows_changes_despite_the_cache(client, wijziging):
    koploper = _rijke_koploper(naam="Bestaand")
    client.get(LIJST)

    wijziging(koploper)
    html = _html(client.get(LIJST))

    assert ("Nieuwkomer" in html) or ("Bestaand" not in html)


@pytest.mark.django_db
def test_home_figures_follow_the_data_despite_the_cache(client):
    GepubliceerdeKoploperFactory()
    assert client.get(reverse("home")).context["kerncijfers"]["koplopers"] == 1

    GepubliceerdeKoploperFactory(naam="Uitgelichte nieuwkomer", uitgelicht=True)
    html = _html(client.get(reverse("home")))

    assert re.search(r"<dt>Koplopers in dit portaal</dt><dd>2</dd>", html)
    assert "Uitgelichte nieuwkomer" in html


# The map page


@pytest.mark.django_db
def test_map_page_hands_the_configuration_to_kaart_js(client, settings):
    ProvincieFactory(slug="zeeland")
    GepubliceerdeKoploperFactory()

    response = client.get(KAART, {"provincie": "zeeland"})

    html = _html(response)
    config = json.loads(re.search(r'<script id="kaart-config" type="application/json">(.*?)</script>', html)[1])
    assert config["modus"] == "overzicht"
    assert config["geojson"] == reverse("gemeenten:kaart_geojson") + "?provincie=zeeland"
    assert config["tegels"][0]["url"] == settings.MAP_TILE_URL
    assert "Kadaster" in config["tegels"][0]["attributie"]
    assert config["grensattributie"] == "Grenzen: CBS / Kadaster (PDOK), CC BY 4.0"
    assert "/static/leaflet/leaflet.js" in html and "/static/js/kaart.js" in html


@pytest.mark.django_db
def test_map_page_has_filters_list_link_and_legend_without_javascript(client):
    ProvincieFactory(slug="zeeland")

    html = _html(client.get(KAART, {"provincie": "zeeland"}))

    assert '<form class="filters" method="get" action="/gemeenten/kaart/"' in html
    assert f'<a class="knop" href="{LIJST}?provincie=zeeland">Bekijk deze koplopers als lijst</a>' in html
    assert 'class="legenda"' in html
    assert "Grenzen: CBS / Kadaster (PDOK), CC BY 4.0" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", [LIJST, KAART, "profiel", reverse("home")])
def test_pages_have_no_inline_script_or_style(client, url):
    koploper = GepubliceerdeKoploperFactory()
    if url == "profiel":
        url = _profiel(koploper)

    html = _html(client.get(url))

    for script in re.findall(r"<script\b[^>]*>", html):
        assert " src=" in script or 'type="application/json"' in script, script
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.django_db
def test_map_page_query_count_is_constant(client, django_assert_num_queries):
    _rijke_koploper()

    _zelfde_aantal_queries(client, KAART, django_assert_num_queries, lambda: [_rijke_koploper() for _ in range(49)])


# The profile


@pytest.mark.django_db
def test_profile_shows_answers_vocabularies_rounds_and_source(client):
    koploper = GepubliceerdeKoploperFactory(
        organisatie="Via *MEE*.\n\n<script>alert(1)</script>",
        ambities="- Bekendheid",
        acties='<p onclick="x()">Bijeenkomsten</p>',
        rondes=[RondeFactory(naam="Koplopers I (2017)")],
        doelgroepen=[DoelgroepFactory(naam="Jeugd")],
        themas=[ThemaFactory(naam="Werk en inkomen")],
        deelname_volgens_bron="2017 eerste ronde (een van 14)",
        bron_url="https://www.almere.nl/bron",
    )

    html = _html(client.get(_profiel(koploper)))

    assert "<p>Via <em>MEE</em>.</p>" in html
    assert "<script>alert" not in html and "<p onclick" not in html
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in html  # typed text stays text
    assert "<ul><li>Bekendheid</li></ul>" in html
    assert "Koplopers I (2017)" in html and ">Jeugd</a>" in html and ">Werk en inkomen</a>" in html
    assert '2017 eerste ronde (een van 14) (<a href="https://www.almere.nl/bron"' in html
    assert "voorbeeldtekst" not in html


@pytest.mark.django_db
def test_profile_has_breadcrumbs_and_dutch_last_updated_date(client):
    koploper = GepubliceerdeKoploperFactory(naam="Almere")

    html = _html(client.get(_profiel(koploper)))

    datum = date_format(timezone.localtime(koploper.bijgewerkt), "j F Y")
    assert re.search(
        r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}",
        datum,
    )
    assert datum in html
    assert re.search(
        r'<a href="/">.*?</a></li>\s*<li><a href="/gemeenten/">Koplopers</a></li>\s*'
        r'<li><span aria-current="page">Almere</span>',
        html,
    )


@pytest.mark.django_db
def test_profile_shows_contacts_only_with_consent(client):
    koploper = GepubliceerdeKoploperFactory()
    ContactpersoonFactory(koploper=koploper, naam="Anne Openbaar", toestemming_publicatie=True)
    ContactpersoonFactory(
        koploper=koploper, naam="Bert Geheim", email="bert@geheim.example", toestemming_publicatie=False
    )

    html = _html(client.get(_profiel(koploper)))

    assert "Anne Openbaar" in html
    assert "Bert Geheim" not in html and "bert@geheim.example" not in html


@pytest.mark.django_db
def test_profile_without_public_contacts_says_so(client):
    koploper = GepubliceerdeKoploperFactory()
    ContactpersoonFactory(koploper=koploper, toestemming_publicatie=False)

    assert "Er zijn geen contactgegevens openbaar gemaakt." in _html(client.get(_profiel(koploper)))


@pytest.mark.django_db
def test_profile_with_example_text_is_labelled(client):
    koploper = GepubliceerdeKoploperFactory(is_voorbeeldtekst=True)

    html = _html(client.get(_profiel(koploper)))

    assert 'class="voorbeeldtekst"' in html
    assert "dit profiel bevat illustratieve tekst, geen echte gegevens van deze gemeente." in html


@pytest.mark.django_db
def test_profile_of_region_without_members(client):
    regio = RegioFactory(naam="Oosterschelderegio")

    response = client.get(_profiel(regio))

    assert "De deelnemende gemeenten zijn niet bekend." in _html(response)
    assert response.context["kaart_config"] is None
    assert 'id="kaart-config"' not in _html(response)


@pytest.mark.django_db
def test_profile_of_region_lists_its_members_and_maps_them(client):
    regio = RegioFactory(leden=[GemeenteFactory(naam="Hengelo"), GemeenteFactory(naam="Enschede")])

    response = client.get(_profiel(regio))

    html = _html(response)
    assert re.search(r"<li>Enschede</li><li>Hengelo</li>", html)
    assert response.context["kaart_config"]["modus"] == "enkel"
    assert len(response.context["kaart_config"]["gebied"]["features"]) == 2


@pytest.mark.django_db
def test_profile_map_of_a_municipality(client):
    koploper = GepubliceerdeKoploperFactory()

    response = client.get(_profiel(koploper))

    assert response.context["kaart_config"]["gebied"]["features"][0]["geometry"] == koploper.gemeente.geometrie
    assert 'id="kaart-config"' in _html(response)


@pytest.mark.django_db
def test_profile_shows_links(client):
    koploper = GepubliceerdeKoploperFactory()
    LinkFactory(koploper=koploper, titel="Aanpak Almere", url="https://almere.example/aanpak")

    assert '<a href="https://almere.example/aanpak" rel="noopener noreferrer">Aanpak Almere</a>' in _html(
        client.get(_profiel(koploper))
    )


@pytest.mark.django_db
def test_profile_includes_the_extra_hook(client):
    koploper = GepubliceerdeKoploperFactory()

    response = client.get(_profiel(koploper))

    assert "includes/profiel_extra.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_unpublished_profile_gives_dutch_404(client):
    koploper = GepubliceerdeKoploperFactory(gepubliceerd=False)

    response = client.get(_profiel(koploper))

    assert response.status_code == 404
    assert "Pagina niet gevonden" in _html(response)


@pytest.mark.django_db
def test_unknown_profile_gives_dutch_404(client):
    response = client.get(reverse("gemeenten:profiel", kwargs={"slug": "bestaat-niet"}))

    assert response.status_code == 404
    assert "Pagina niet gevonden" in _html(response)


@pytest.mark.django_db
def test_profile_query_count_is_constant(client, django_assert_num_queries):
    gemeenten = [GemeenteFactory()]
    regio = RegioFactory(leden=gemeenten, rondes=[RondeFactory()], doelgroepen=[DoelgroepFactory()])
    ContactpersoonFactory(koploper=regio)
    LinkFactory(koploper=regio)

    def meer():
        for _ in range(49):
            _rijke_koploper()
            regio.leden.add(GemeenteFactory())
            regio.rondes.add(RondeFactory())
            regio.themas.add(ThemaFactory())
            ContactpersoonFactory(koploper=regio)
            LinkFactory(koploper=regio)

    response = _zelfde_aantal_queries(client, _profiel(regio), django_assert_num_queries, meer)
    assert len(response.context["kaart_config"]["gebied"]["features"]) == 50


# Home


@pytest.mark.django_db
def test_home_shows_key_figures_featured_koplopers_and_ways_in(client):
    GepubliceerdeKoploperFactory(naam="Almere", uitgelicht=True, rondes=[RondeFactory()])
    GepubliceerdeKoploperFactory(naam="Vught")
    GepubliceerdeKoploperFactory(naam="Verborgen", uitgelicht=True, gepubliceerd=False)

    response = client.get(reverse("home"))

    html = _html(response)
    assert response.context["kerncijfers"]["koplopers"] == 2
    assert [k.naam for k in response.context["uitgelicht"]] == ["Almere"]
    assert '<a href="/gemeenten/almere/">Almere</a>' in html
    assert "Verborgen" not in html
    assert f'href="{KAART}"' in html and f'href="{LIJST}"' in html
    assert "includes/home_extra.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_home_query_count_is_constant(client, django_assert_num_queries):
    _rijke_koploper(uitgelicht=True)

    _zelfde_aantal_queries(
        client,
        reverse("home"),
        django_assert_num_queries,
        lambda: [_rijke_koploper(uitgelicht=True) for _ in range(49)],
    )


@pytest.mark.django_db
def test_home_links_themes_to_the_filtered_list(client):
    thema = ThemaFactory(naam="Bekendheid", slug="bekendheid")
    GepubliceerdeKoploperFactory(themas=[thema])

    html = _html(client.get(reverse("home")))

    assert f'<a href="{LIJST}?thema=bekendheid">Bekendheid</a> (1 koploper)' in html


@pytest.mark.django_db
def test_home_with_demo_data(client, demodata):
    response = client.get(reverse("home"))

    assert response.context["kerncijfers"] == {
        "koplopers": Koploper.objects.count(),
        "provincies": 11,
        "provincies_totaal": 12,
        "rondes": 2,
    }
    assert len(response.context["uitgelicht"]) == 3
