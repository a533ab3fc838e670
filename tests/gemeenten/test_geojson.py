import gzip
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from gemeenten.models import Gemeente, Koploper
from tests.factories.gemeenten import (
    GemeenteFactory,
    GepubliceerdeKoploperFactory,
    ProvincieFactory,
    RegioFactory,
    RondeFactory,
)

URL = reverse("gemeenten:kaart_geojson")


def _features(response):
    return {f["properties"]["code"]: f["properties"] for f in json.loads(response.content)["features"]}


@pytest.mark.django_db
def test_geojson_has_every_municipality_with_koploper_properties(client, referentiedata):
    response = client.get(URL)

    data = json.loads(response.content)
    eigenschappen = _features(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 342
    assert eigenschappen["GM0034"]["koploper"] is True
    assert eigenschappen["GM0034"]["url"] == reverse("gemeenten:profiel", kwargs={"slug": "almere"})
    assert eigenschappen["GM0034"]["rondes"] == ["Koplopers I (2017)"]
    assert eigenschappen["GM0518"]["naam"] == "Den Haag"
    assert eigenschappen["GM0518"]["provincie"] == "Zuid-Holland"
    # 26 municipalities, and Regio Twente drawn as its members (Almelo, in Twente, has its own profile);
    # the Oosterschelderegio's members are not known (the source: "niet vastgesteld"), so it is not drawn.
    assert sum(p["koploper"] for p in eigenschappen.values()) == 26 + 13
    assert len({p["slug"] for p in eigenschappen.values() if p["koploper"]}) == 27
    assert eigenschappen["GM0153"]["koploper_naam"] == "Regio Twente"
    assert eigenschappen["GM0141"]["koploper_naam"] == "Almelo"
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in data["features"])


@pytest.mark.django_db
def test_geojson_draws_a_filtered_out_koploper_as_ordinary_municipality(client):
    utrecht = ProvincieFactory(slug="utrecht")
    binnen = GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(code="GM0001", provincie=utrecht))
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(code="GM0002"))

    eigenschappen = _features(client.get(URL, {"provincie": "utrecht"}))

    assert eigenschappen["GM0001"]["slug"] == binnen.slug
    assert eigenschappen["GM0002"] == {**eigenschappen["GM0002"], "koploper": False, "slug": None, "url": None}


@pytest.mark.django_db
def test_geojson_leaves_out_unpublished_koplopers(client):
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(code="GM0001"), gepubliceerd=False)
    RegioFactory(leden=[GemeenteFactory(code="GM0002")], gepubliceerd=False)

    eigenschappen = _features(client.get(URL))

    assert [p["koploper"] for p in eigenschappen.values()] == [False, False]


@pytest.mark.django_db
def test_geojson_marks_members_of_a_published_region(client):
    regio = RegioFactory(leden=[GemeenteFactory(code="GM0001"), GemeenteFactory(code="GM0002")])
    GemeenteFactory(code="GM0003")

    eigenschappen = _features(client.get(URL))

    assert [p["slug"] for p in eigenschappen.values()] == [regio.slug, regio.slug, None]


@pytest.mark.django_db
def test_geojson_gzipped_is_under_80_kb_with_113_koplopers(client, referentiedata):
    ronde = RondeFactory()
    vrij = Gemeente.objects.filter(koploper__isnull=True).order_by("code")[: 113 - Koploper.objects.count()]
    for gemeente in vrij:
        GepubliceerdeKoploperFactory(gemeente=gemeente, naam=gemeente.toon_naam, rondes=[ronde])
    assert Koploper.objects.count() == 113

    response = client.get(URL, headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    ruw = gzip.decompress(response.content)
    assert len(json.loads(ruw)["features"]) == 342
    assert len(response.content) < 80_000  # measured: 33.8 KB gzipped (171.7 KB raw) with 113 koplopers
    assert len(ruw) < 200_000


@pytest.mark.django_db
def test_repeat_visit_with_if_none_match_gets_304(client):
    GepubliceerdeKoploperFactory()
    eerste = client.get(URL)

    herhaald = client.get(URL, headers={"if-none-match": eerste["ETag"]})

    assert eerste["ETag"]
    assert herhaald.status_code == 304
    assert herhaald.content == b""


@pytest.mark.django_db
def test_repeat_visit_with_gzip_etag_gets_304(client):
    GepubliceerdeKoploperFactory()
    eerste = client.get(URL, headers={"accept-encoding": "gzip"})

    herhaald = client.get(URL, headers={"accept-encoding": "gzip", "if-none-match": eerste["ETag"]})

    assert eerste["ETag"].startswith('W/"')
    assert herhaald.status_code == 304


@pytest.mark.django_db
def test_repeat_visit_with_if_modified_since_gets_304(client):
    koploper = GepubliceerdeKoploperFactory()
    eerste = client.get(URL)

    herhaald = client.get(URL, headers={"if-modified-since": eerste["Last-Modified"]})

    assert eerste["Last-Modified"] == http_date(int(koploper.bijgewerkt.timestamp()))
    assert herhaald.status_code == 304


@pytest.mark.django_db
def test_changed_profile_gives_a_new_etag_and_200(client):
    koploper = GepubliceerdeKoploperFactory()
    eerste = client.get(URL)

    koploper.rondes.add(RondeFactory())
    herhaald = client.get(URL, headers={"if-none-match": eerste["ETag"]})

    assert herhaald.status_code == 200
    assert herhaald["ETag"] != eerste["ETag"]


@pytest.mark.django_db
def test_other_filters_give_another_etag(client):
    GepubliceerdeKoploperFactory()

    assert client.get(URL)["ETag"] != client.get(URL, {"q": "test"})["ETag"]


@pytest.mark.django_db
def test_repeat_request_reads_the_cache_instead_of_rebuilding(client, django_assert_num_queries):
    GepubliceerdeKoploperFactory(provincie=ProvincieFactory(slug="utrecht"))
    eerste = client.get(URL, {"ronde": "onbekend", "provincie": "utrecht"})

    with django_assert_num_queries(2):  # validating the two filters (the data version is cached)
        tweede = client.get(URL, {"provincie": "utrecht", "ronde": "onbekend", "thema": ""})

    assert tweede.content == eerste.content


@pytest.mark.django_db
def test_name_search_is_not_cached(client, django_assert_num_queries):
    GepubliceerdeKoploperFactory()
    client.get(URL, {"q": "test"})

    with django_assert_num_queries(4):  # municipalities, koplopers, their rounds and members
        client.get(URL, {"q": "test"})


@pytest.mark.django_db
def test_geojson_query_count_does_not_grow_with_koplopers(client, django_assert_num_queries):
    GepubliceerdeKoploperFactory(rondes=[RondeFactory()])
    RegioFactory(leden=[GemeenteFactory()])
    with CaptureQueriesContext(connection) as een:
        client.get(URL, {"q": "e"})

    for _ in range(49):
        GepubliceerdeKoploperFactory(rondes=[RondeFactory()])
        RegioFactory(leden=[GemeenteFactory(), GemeenteFactory()])

    with django_assert_num_queries(len(een)):
        response = client.get(URL, {"q": "e"})
    features = json.loads(response.content)["features"]
    assert len(features) == 2 + 49 * 3
    assert sum(f["properties"]["koploper"] for f in features) == 2 + 49 * 3


# Precompressed bodies (issue 14): compressed once per data version, never per request.


@pytest.fixture
def tellers(monkeypatch):
    """Count how often the GeoJSON is built and compressed, and fail if the GZip middleware compresses."""
    from gemeenten import selectors
    from gemeenten.views import publiek

    aantallen = {"opgebouwd": 0, "gecomprimeerd": 0}
    opbouwen, comprimeren = selectors.kaart_geojson, publiek.geojson_gecomprimeerd

    def opgebouwd(*args, **kwargs):
        aantallen["opgebouwd"] += 1
        return opbouwen(*args, **kwargs)

    def gecomprimeerd(*args, **kwargs):
        aantallen["gecomprimeerd"] += 1
        return comprimeren(*args, **kwargs)

    def niet_doen(*args, **kwargs):
        raise AssertionError("de GZip-middleware comprimeerde de GeoJSON opnieuw")

    monkeypatch.setattr(selectors, "kaart_geojson", opgebouwd)
    monkeypatch.setattr(publiek, "geojson_gecomprimeerd", gecomprimeerd)
    monkeypatch.setattr("django.middleware.gzip.compress_string", niet_doen)
    return aantallen


@pytest.mark.django_db
def test_gzip_body_is_precompressed_and_the_same_json(client, tellers):
    GepubliceerdeKoploperFactory(rondes=[RondeFactory()])
    GemeenteFactory()
    ruw = client.get(URL, headers={"accept-encoding": "identity"})

    response = client.get(URL, headers={"accept-encoding": "gzip, deflate"})

    assert "Content-Encoding" not in ruw
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert json.loads(gzip.decompress(response.content)) == json.loads(ruw.content)
    assert tellers == {"opgebouwd": 1, "gecomprimeerd": 1}


@pytest.mark.django_db
def test_brotli_body_when_the_client_accepts_it(client, tellers):
    brotli = pytest.importorskip("brotli")
    GepubliceerdeKoploperFactory()
    ruw = json.loads(client.get(URL).content)

    response = client.get(URL, headers={"accept-encoding": "gzip, deflate, br, zstd"})

    assert response["Content-Encoding"] == "br"
    assert json.loads(brotli.decompress(response.content)) == ruw


@pytest.mark.django_db
def test_refused_encoding_is_not_sent(client):
    GepubliceerdeKoploperFactory()

    response = client.get(URL, headers={"accept-encoding": "identity, br;q=0"})

    assert "Content-Encoding" not in response
    assert json.loads(response.content)["type"] == "FeatureCollection"


@pytest.mark.django_db
def test_second_request_reads_the_compressed_body_without_recomputing(client, tellers, django_assert_num_queries):
    GepubliceerdeKoploperFactory()
    eerste = client.get(URL, headers={"accept-encoding": "gzip"})

    with django_assert_num_queries(0):
        tweede = client.get(URL, headers={"accept-encoding": "gzip"})

    assert tweede.content == eerste.content
    assert tellers == {"opgebouwd": 1, "gecomprimeerd": 1}


@pytest.mark.django_db
def test_precompressed_body_is_rebuilt_after_an_edit(client, tellers):
    koploper = GepubliceerdeKoploperFactory()
    eerste = client.get(URL, headers={"accept-encoding": "gzip"})

    koploper.rondes.add(RondeFactory())
    tweede = client.get(URL, headers={"accept-encoding": "gzip", "if-none-match": eerste["ETag"]})

    assert tweede.status_code == 200
    assert tellers == {"opgebouwd": 2, "gecomprimeerd": 2}
