import json

import pytest

from gemeenten import selectors, services
from gemeenten.models import Koploper
from tests.factories.gemeenten import (
    GemeenteFactory,
    GepubliceerdeKoploperFactory,
    ProvincieFactory,
    RegioFactory,
    RondeFactory,
)
from tests.factories.kennisbank import KennisitemFactory


@pytest.mark.django_db
def test_publieke_koplopers_leaves_out_unpublished_and_sorts_dutch():
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(naam="Hilversum"))
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(naam="'s-Hertogenbosch"))
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(naam="Harderwijk"))
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(naam="Amersfoort"), gepubliceerd=False)

    namen = [koploper.naam for koploper in selectors.publieke_koplopers()]

    assert namen == ["Harderwijk", "'s-Hertogenbosch", "Hilversum"]


@pytest.mark.django_db
def test_publieke_koplopers_does_not_load_boundaries():
    GepubliceerdeKoploperFactory()

    koploper = selectors.publieke_koplopers().get()

    assert "geometrie" in koploper.gemeente.get_deferred_fields()
    assert "geometrie" in koploper.provincie.get_deferred_fields()


@pytest.mark.django_db
def test_kerncijfers_counts_published_koplopers_covered_provinces_and_rounds(django_assert_num_queries):
    utrecht, overijssel, zeeland, _leeg = ProvincieFactory.create_batch(4)
    ronde, ronde_zonder_gepubliceerde = RondeFactory.create_batch(2)
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(provincie=utrecht), rondes=[ronde])
    GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(provincie=utrecht), rondes=[ronde])
    # A region of Zeeland with a member in Overijssel covers both provinces.
    RegioFactory(provincie=zeeland, leden=[GemeenteFactory(provincie=overijssel)])
    GepubliceerdeKoploperFactory(gepubliceerd=False, rondes=[ronde_zonder_gepubliceerde])

    with django_assert_num_queries(3):
        cijfers = selectors.kerncijfers()

    assert cijfers == {"koplopers": 3, "provincies": 3, "provincies_totaal": 5, "rondes": 1}


@pytest.mark.django_db
def test_kerncijfers_counts_a_province_only_through_a_published_region():
    provincie = ProvincieFactory()
    RegioFactory(provincie=ProvincieFactory(), leden=[GemeenteFactory(provincie=provincie)], gepubliceerd=False)

    assert selectors.kerncijfers()["provincies"] == 0


@pytest.mark.django_db
def test_filterkeuzes_offers_only_rounds_with_published_koplopers():
    met, zonder = RondeFactory.create_batch(2)
    GepubliceerdeKoploperFactory(rondes=[met])
    GepubliceerdeKoploperFactory(rondes=[zonder], gepubliceerd=False)

    assert list(selectors.filterkeuzes("ronde")) == [met]


@pytest.mark.django_db
def test_themas_met_aantal_counts_published_koplopers_only(referentiedata):
    thema = selectors.Thema.objects.get(slug="bekendheid")
    GepubliceerdeKoploperFactory(themas=[thema])
    GepubliceerdeKoploperFactory(themas=[thema], gepubliceerd=False)

    themas = {t.slug: t.aantal for t in selectors.themas_met_aantal()}

    assert themas == {"bekendheid": 1, "inzet-ervaringsdeskundigen": 1}  # Almere's theme from the source


@pytest.mark.django_db
def test_publieke_versie_is_one_query_then_cached(django_assert_num_queries):
    GepubliceerdeKoploperFactory()

    with django_assert_num_queries(1):
        versie, laatst = selectors.publieke_versie()
    with django_assert_num_queries(0):
        assert selectors.publieke_versie() == (versie, laatst)
    assert laatst == Koploper.objects.get().bijgewerkt


@pytest.mark.django_db
def test_publieke_versie_without_cache_is_computed(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    GepubliceerdeKoploperFactory()

    versie, laatst = selectors.publieke_versie()

    assert len(versie) == 32
    assert laatst == Koploper.objects.get().bijgewerkt


@pytest.mark.django_db
def test_publieke_versie_bumped_by_writes_that_skip_the_fingerprint():
    """A knowledge item is not in the fingerprint; its save still draws a new version (kennisbank)."""
    koploper = GepubliceerdeKoploperFactory()
    voor = selectors.publieke_versie()[0]

    KennisitemFactory(koplopers=[koploper])

    assert selectors.publieke_versie()[0] != voor


@pytest.mark.django_db
def test_bulk_update_shows_after_the_version_times_out_or_an_explicit_bump():
    koploper = GepubliceerdeKoploperFactory()
    voor = selectors.publieke_versie()[0]

    Koploper.objects.filter(pk=koploper.pk).update(gepubliceerd=False)  # sends no signal
    assert selectors.publieke_versie()[0] == voor  # documented: bounded by PUBLIEKE_VERSIE_TIMEOUT
    services.publieke_versie_verhogen()

    assert selectors.publieke_versie()[0] != voor


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wijziging",
    [
        pytest.param(lambda k: k.save(), id="profiel-opgeslagen"),
        pytest.param(lambda k: k.rondes.add(RondeFactory()), id="ronde-toegevoegd"),
        pytest.param(lambda k: k.rondes.clear(), id="ronde-verwijderd"),
        pytest.param(lambda k: RegioFactory(leden=[k.gemeente]), id="lid-van-regio"),
        pytest.param(lambda k: Koploper.objects.filter(pk=k.pk).update(gepubliceerd=False), id="gedepubliceerd"),
    ],
)
def test_publieke_versie_changes_with_the_data(wijziging, request):
    koploper = GepubliceerdeKoploperFactory(rondes=[RondeFactory()])
    voor, _ = selectors.publieke_versie()
    vingerafdruk, _ = selectors.publieke_vingerafdruk()

    wijziging(koploper)

    assert selectors.publieke_vingerafdruk()[0] != vingerafdruk
    if "gedepubliceerd" not in request.node.callspec.id:  # update() sends no signal: see the test below
        assert selectors.publieke_versie()[0] != voor


@pytest.mark.django_db
def test_publieke_versie_without_any_koploper():
    versie, laatst = selectors.publieke_versie()

    assert len(versie) == 32
    assert laatst is None


@pytest.mark.django_db
def test_kaart_geojson_marks_municipalities_of_koplopers_and_region_members():
    ronde = RondeFactory(naam="Koplopers I (2017)")
    eigen = GepubliceerdeKoploperFactory(gemeente=GemeenteFactory(code="GM0001", naam="Eigenstad"), rondes=[ronde])
    lid = GemeenteFactory(code="GM0002", naam="Lidorp")
    regio = RegioFactory(naam="Regio Oost", leden=[lid], deelname_volgens_bron="idem")
    GemeenteFactory(code="GM0003", naam="Nergens")

    data = json.loads(selectors.kaart_geojson(selectors.kaart_koplopers(Koploper.objects.gepubliceerd())))

    eigenschappen = {f["properties"]["code"]: f["properties"] for f in data["features"]}
    assert data["type"] == "FeatureCollection"
    assert eigenschappen["GM0001"] == {
        "code": "GM0001",
        "naam": "Eigenstad",
        "provincie": eigen.gemeente.provincie.naam,
        "koploper": True,
        "slug": eigen.slug,
        "url": eigen.get_absolute_url(),
        "rondes": ["Koplopers I (2017)"],
        "koploper_naam": "Eigenstad",
        "deelname": "",
    }
    assert eigenschappen["GM0002"]["koploper"] is True
    assert eigenschappen["GM0002"]["url"] == regio.get_absolute_url()
    assert eigenschappen["GM0002"]["koploper_naam"] == "Regio Oost"
    assert eigenschappen["GM0003"] == {
        "code": "GM0003",
        "naam": "Nergens",
        "provincie": eigenschappen["GM0003"]["provincie"],
        "koploper": False,
        "slug": None,
        "url": None,
        "rondes": [],
    }


@pytest.mark.django_db
def test_kaart_geojson_prefers_a_municipalitys_own_profile_over_its_region():
    gemeente = GemeenteFactory()
    eigen = GepubliceerdeKoploperFactory(gemeente=gemeente)
    RegioFactory(naam="Aaa-regio", leden=[gemeente])

    data = json.loads(selectors.kaart_geojson(selectors.kaart_koplopers(Koploper.objects.gepubliceerd())))

    assert data["features"][0]["properties"]["slug"] == eigen.slug


@pytest.mark.django_db
def test_kaart_geojson_is_compact_and_keeps_coordinates():
    gemeente = GemeenteFactory()

    tekst = selectors.kaart_geojson(selectors.kaart_koplopers(Koploper.objects.none()))

    assert ", " not in tekst and ": " not in tekst and "\n" not in tekst
    assert json.loads(tekst)["features"][0]["geometry"] == gemeente.geometrie


@pytest.mark.django_db
def test_koploper_gebied_of_region_without_members_is_none():
    regio = RegioFactory()
    gemeente = GepubliceerdeKoploperFactory()

    assert selectors.koploper_gebied(regio) is None
    assert selectors.koploper_gebied(gemeente)["features"][0]["geometry"] == gemeente.gemeente.geometrie
