"""The open-data API: its OpenAPI description, every endpoint against its schema, filters, what is never
exposed, query counts, caching and the rate limit."""

import csv
import io
import json

import jsonschema
import pytest
from django.test import override_settings
from django.urls import reverse
from openapi_spec_validator import validate

from tests.factories.gemeenten import (
    ContactpersoonFactory,
    DoelgroepFactory,
    GemeenteFactory,
    GepubliceerdeKoploperFactory,
    KoploperFactory,
    LinkFactory,
    ProvincieFactory,
    RegioFactory,
    RondeFactory,
    ThemaFactory,
)
from tests.factories.kennisbank import EtalageartikelFactory, KennisitemFactory

pytestmark = pytest.mark.django_db

GEHEIM = "GEHEIM7Q"  # in every field of everything that must not be public


@pytest.fixture
def wereld():
    """Public data of every kind, and non-public data with the marker ``GEHEIM`` in its texts."""
    ronde = RondeFactory(naam="Koplopers I", slug="koplopers-i", jaar=2017, status="gepubliceerd")
    jeugd, bekendheid = DoelgroepFactory(naam="Jeugd", slug="jeugd"), ThemaFactory(naam="Bekendheid", slug="bekendheid")
    flevoland = ProvincieFactory(code="PV24", naam="Flevoland", slug="flevoland")
    almere = GepubliceerdeKoploperFactory(
        gemeente=GemeenteFactory(code="GM0034", naam="Almere", slug="almere", provincie=flevoland),
        organisatie="<p>Met MEE en een <script>alert(1)</script>kompanenpool.</p>",
        rondes=[ronde],
        doelgroepen=[jeugd],
        themas=[bekendheid],
    )
    ContactpersoonFactory(koploper=almere, naam="Publieke Persoon", email="publiek@almere.example")
    ContactpersoonFactory(
        koploper=almere, naam=f"Persoon {GEHEIM}", email="geheim7q@almere.example", toestemming_publicatie=False
    )
    LinkFactory(koploper=almere, titel="Meer", url="https://www.almere.nl/")
    regio = RegioFactory(naam="Regio Twente", slug="regio-twente", leden=[GemeenteFactory(code="GM0153")])
    KoploperFactory(naam=f"Verborgen {GEHEIM}", slug="verborgen", gepubliceerd=False, organisatie=GEHEIM)
    RondeFactory(naam=f"Conceptronde {GEHEIM}", slug="conceptronde", status="concept")
    RondeFactory(naam=f"Demo {GEHEIM}", slug="demo", status="open", is_demo=True)
    item = KennisitemFactory(titel="Zelftest cliëntondersteuning", koplopers=[almere])
    KennisitemFactory(titel=f"Concept {GEHEIM}", gepubliceerd=False)
    EtalageartikelFactory(koploper=almere, titel="De kompanenpool")
    EtalageartikelFactory(koploper=almere, titel=f"Verborgen artikel {GEHEIM}", gepubliceerd=False)
    return {"almere": almere, "regio": regio, "ronde": ronde, "item": item}


def _openapi(client) -> dict:
    return client.get(reverse("api:openapi-json")).json()


def _schema_voor(openapi: dict, pad: str, status: str = "200") -> dict:
    operatie = openapi["paths"][pad]["get"]
    schema = operatie["responses"][status]["content"]["application/json"]["schema"]
    return {**schema, "components": openapi["components"]}


JSON_ENDPOINTS = [
    ("/api/v1/koplopers", "/api/v1/koplopers"),
    ("/api/v1/koplopers/almere", "/api/v1/koplopers/{slug}"),
    ("/api/v1/gemeenten", "/api/v1/gemeenten"),
    ("/api/v1/gemeenten/GM0034", "/api/v1/gemeenten/{code}"),
    ("/api/v1/provincies", "/api/v1/provincies"),
    ("/api/v1/doelgroepen", "/api/v1/doelgroepen"),
    ("/api/v1/themas", "/api/v1/themas"),
    ("/api/v1/rondes", "/api/v1/rondes"),
    ("/api/v1/rondes/koplopers-i", "/api/v1/rondes/{slug}"),
    ("/api/v1/kennisbank", "/api/v1/kennisbank"),
    ("/api/v1/kennisbank/zelftest-clientondersteuning", "/api/v1/kennisbank/{slug}"),
    ("/api/v1/etalage", "/api/v1/etalage"),
    ("/api/v1/etalage/de-kompanenpool", "/api/v1/etalage/{slug}"),
]
ANDERE_ENDPOINTS = ["/api/v1/koplopers.csv", "/api/v1/gemeenten.geojson", "/api/v1/catalogus.jsonld", "/api/v1/"]


def test_openapi_document_is_valid_openapi_3_1(client):
    openapi = _openapi(client)

    validate(openapi)
    assert openapi["openapi"].startswith("3.1")
    assert "Koploperportaal" in openapi["info"]["description"]


def test_every_operation_has_a_dutch_summary_and_an_example(client):
    openapi = _openapi(client)

    for pad, methoden in openapi["paths"].items():
        operatie = methoden["get"]
        assert operatie.get("summary"), pad
        inhoud = operatie["responses"]["200"]["content"]
        if "application/json" in inhoud:
            assert inhoud["application/json"]["example"] is not None, pad


@pytest.mark.parametrize(("url", "pad"), JSON_ENDPOINTS)
def test_endpoint_answers_according_to_its_schema(client, wereld, url, pad):
    response = client.get(url)

    assert response.status_code == 200
    jsonschema.validate(response.json(), _schema_voor(_openapi(client), pad))


def test_openapi_lists_every_endpoint(client):
    paden = set(_openapi(client)["paths"])

    assert {pad for _url, pad in JSON_ENDPOINTS} | {"/api/v1/koplopers.csv", "/api/v1/gemeenten.geojson"} <= paden


def test_nothing_unpublished_or_private_in_any_endpoint(client, wereld):
    urls = [url for url, _pad in JSON_ENDPOINTS] + ANDERE_ENDPOINTS
    urls += ["/api/v1/koplopers?q=verborgen", "/api/v1/kennisbank?q=concept", "/api/v1/koplopers?per_pagina=100"]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        inhoud = response.content.decode("utf-8-sig").lower()
        assert GEHEIM.lower() not in inhoud, url
        for woord in ("totaal", "beoordeling", "voordracht", "score", "<script"):
            assert f'"{woord}' not in inhoud, (url, woord)


def test_unpublished_koploper_concept_and_demo_rounds_are_not_found(client, wereld):
    assert client.get("/api/v1/koplopers/verborgen").status_code == 404
    assert client.get("/api/v1/rondes/conceptronde").status_code == 404
    assert client.get("/api/v1/rondes/demo").status_code == 404
    assert client.get("/api/v1/koplopers/verborgen").json() == {"detail": "Niet gevonden.", "fouten": []}


def test_koploper_has_codes_rounds_vocabularies_answers_and_only_public_contacts(client, wereld):
    koploper = client.get("/api/v1/koplopers/almere").json()

    assert koploper["gemeenten"] == [
        {"code": "GM0034", "naam": "Almere", "provincie": {"code": "PV24", "slug": "flevoland", "naam": "Flevoland"}}
    ]
    assert koploper["rondes"] == [{"slug": "koplopers-i", "naam": "Koplopers I", "jaar": 2017}]
    assert koploper["doelgroepen"] == [{"slug": "jeugd", "naam": "Jeugd"}]
    assert koploper["themas"] == [{"slug": "bekendheid", "naam": "Bekendheid"}]
    assert koploper["antwoorden"]["organisatie"] == {
        "html": "<p>Met MEE en een kompanenpool.</p>",
        "tekst": "Met MEE en een kompanenpool.",
    }
    assert [c["naam"] for c in koploper["contactpersonen"]] == ["Publieke Persoon"]
    assert koploper["links"] == [{"titel": "Meer", "url": "https://www.almere.nl/"}]


def test_round_outcome_lists_its_published_koplopers(client, wereld):
    ronde = client.get("/api/v1/rondes/koplopers-i").json()

    assert ronde["koplopers"] == [{"slug": "almere", "naam": "Almere", "soort": "gemeente"}]
    assert ronde["aantal_koplopers"] == 1


def test_municipality_links_to_its_koplopers(client, wereld):
    assert client.get("/api/v1/gemeenten/GM0034").json()["koplopers"] == [
        {"slug": "almere", "naam": "Almere", "soort": "gemeente"}
    ]
    assert client.get("/api/v1/gemeenten/gm0153").json()["koplopers"] == [
        {"slug": "regio-twente", "naam": "Regio Twente", "soort": "regio"}
    ]


@pytest.mark.parametrize(
    ("vraag", "verwacht"),
    [
        ("provincie=flevoland", ["almere"]),
        ("doelgroep=jeugd", ["almere"]),
        ("thema=bekendheid", ["almere"]),
        ("ronde=koplopers-i", ["almere"]),
        ("q=twente", ["regio-twente"]),
        ("", ["almere", "regio-twente"]),
    ],
)
def test_koplopers_filters(client, wereld, vraag, verwacht):
    response = client.get(f"/api/v1/koplopers?{vraag}")

    assert [k["slug"] for k in response.json()["resultaten"]] == verwacht


def test_unknown_filter_value_is_a_dutch_422(client, wereld):
    response = client.get("/api/v1/koplopers?provincie=atlantis&pagina=1")

    assert response.status_code == 422
    assert response.json()["fouten"][0]["parameter"] == "provincie"
    assert "geldige keuze" in response.json()["fouten"][0]["melding"]


@pytest.mark.parametrize(
    "vraag", ["pagina=0", "pagina=x", "per_pagina=1000", "q=" + "a" * 500, "pagina=99999999999999999999"]
)
def test_invalid_parameters_are_422_never_500(client, wereld, vraag):
    response = client.get(f"/api/v1/koplopers?{vraag}")

    assert response.status_code == 422
    assert response.json()["detail"] == "Een of meer parameters zijn niet geldig."


def test_pagination_links(client, wereld):
    eerste = client.get("/api/v1/koplopers?per_pagina=1").json()
    tweede = client.get(eerste["volgende"]).json()

    assert eerste["aantal"] == 2
    assert [k["slug"] for k in eerste["resultaten"] + tweede["resultaten"]] == ["almere", "regio-twente"]
    assert tweede["volgende"] is None
    assert tweede["vorige"].endswith("pagina=1")


def test_kennisbank_search_uses_the_portal_search(client, wereld):
    response = client.get("/api/v1/kennisbank?q=zelftest")

    assert [item["slug"] for item in response.json()["resultaten"]] == ["zelftest-clientondersteuning"]


def test_csv_has_a_row_per_koploper_and_neutralises_formulas(client, wereld):
    GepubliceerdeKoploperFactory(naam="=HYPERLINK(1)", slug="formule", organisatie="<p>+SUM(A1)</p>")

    response = client.get("/api/v1/koplopers.csv")
    rijen = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert [rij["slug"] for rij in rijen] == ["formule", "almere", "regio-twente"]
    assert rijen[0]["naam"] == "'=HYPERLINK(1)"
    assert rijen[0]["organisatie"] == "'+SUM(A1)"
    assert rijen[1]["cbs_codes"] == "GM0034"


def test_geojson_marks_the_filtered_koplopers(client, wereld):
    kaart = json.loads(client.get("/api/v1/gemeenten.geojson?thema=bekendheid").content)
    gemarkeerd = {f["properties"]["code"] for f in kaart["features"] if f["properties"]["koploper"]}

    assert kaart["type"] == "FeatureCollection"
    assert gemarkeerd == {"GM0034"}


def test_dcat_catalogue_has_a_dataset_with_distributions_and_licence(client, wereld):
    response = client.get("/api/v1/catalogus.jsonld")
    catalogus = response.json()

    assert response["Content-Type"].startswith("application/ld+json")
    assert catalogus["@type"] == "dcat:Catalog"
    assert len(catalogus["dcat:dataset"]) == 5
    for dataset in catalogus["dcat:dataset"]:
        assert dataset["@type"] == "dcat:Dataset"
        assert dataset["dct:license"]["@id"] == "http://creativecommons.org/licenses/by/4.0/"
        for distributie in dataset["dcat:distribution"]:
            url = distributie["dcat:accessURL"]["@id"].removeprefix("http://testserver")
            assert client.get(url).status_code == 200, url
            assert distributie["dcat:mediaType"]["@id"].startswith("https://www.iana.org/assignments/media-types/")


def test_documentation_page_has_every_endpoint_and_the_licence(client, wereld):
    response = client.get("/api/v1/")
    inhoud = response.content.decode()

    assert response.status_code == 200
    assert "CC BY 4.0" in inhoud
    for _url, pad in JSON_ENDPOINTS:
        assert f"GET {pad}" in inhoud
    assert "<script>" not in inhoud.split("</main>")[0].split("<main")[1]


def test_etag_gives_304_and_caching_is_public(client, wereld):
    eerste = client.get("/api/v1/koplopers")
    tweede = client.get("/api/v1/koplopers", headers={"if-none-match": eerste["ETag"]})

    assert "public" in eerste["Cache-Control"] and "max-age=300" in eerste["Cache-Control"]
    assert eerste["ETag"]
    assert tweede.status_code == 304


@override_settings(API_TEMPOLIMIET=3)
def test_rate_limit_answers_429_with_retry_after(client, wereld):
    statussen = [client.get("/api/v1/provincies").status_code for _ in range(4)]
    anders = client.get("/api/v1/provincies", REMOTE_ADDR="10.0.0.9")

    assert statussen == [200, 200, 200, 429]
    geweigerd = client.get("/api/v1/provincies")
    assert 1 <= int(geweigerd["Retry-After"]) <= 60
    assert "Te veel verzoeken" in geweigerd.json()["detail"]
    assert anders.status_code == 200


def _koplopers_maken(aantal: int):
    ronde = RondeFactory(slug="telronde")
    thema = ThemaFactory(slug="telthema")
    for _ in range(aantal):
        koploper = GepubliceerdeKoploperFactory(rondes=[ronde], themas=[thema])
        ContactpersoonFactory(koploper=koploper)
        LinkFactory(koploper=koploper)
        RegioFactory(leden=[koploper.gemeente], rondes=[ronde])
        KennisitemFactory(koplopers=[koploper], themas=[thema])
        EtalageartikelFactory(koploper=koploper)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/koplopers?per_pagina=100",
        "/api/v1/gemeenten?per_pagina=100",
        "/api/v1/rondes",
        "/api/v1/kennisbank?per_pagina=100",
        "/api/v1/etalage?per_pagina=100",
        "/api/v1/koplopers.csv",
        "/api/v1/gemeenten.geojson",
    ],
)
def test_list_query_count_is_constant(client, django_assert_max_num_queries, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _koplopers_maken(1)
    with CaptureQueriesContext(connection) as een:
        assert client.get(url).status_code == 200
    _koplopers_maken(29)
    with CaptureQueriesContext(connection) as dertig:
        assert client.get(url).status_code == 200

    assert len(dertig.captured_queries) == len(een.captured_queries)
