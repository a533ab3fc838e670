import pytest

from gemeenten.models import Koploper
from gemeenten.services import koplopers_bekend_laden, referentiedata_laden
from selectie.models import Deelname, Ronde
from selectie.referentiedata import deelname_volgens_bron_laden, rondes_laden


@pytest.fixture
def bekende_koplopers(db):
    referentiedata_laden()
    koplopers_bekend_laden()


def test_rondes_laden_loads_the_four_historical_rounds_published(db):
    verslag = rondes_laden()

    assert verslag.aangemaakt == {"ronde": 4}
    assert list(Ronde.objects.values_list("slug", "status")) == [
        ("koplopers-i-2017", "gepubliceerd"),
        ("koplopers-ii-2019", "gepubliceerd"),
        ("koplopers-ii-2020", "gepubliceerd"),
        ("koplopers-ii-2021", "gepubliceerd"),
    ]


def test_deelname_volgens_bron_links_known_rounds_with_source(bekende_koplopers):
    rondes_laden()

    verslag = deelname_volgens_bron_laden()

    almere = Koploper.objects.get(slug="almere")
    vught = Koploper.objects.get(slug="vught")
    assert list(almere.rondes.values_list("slug", flat=True)) == ["koplopers-i-2017"]
    assert list(vught.rondes.values_list("slug", flat=True)) == ["koplopers-ii-2020"]
    assert Deelname.objects.get(koploper=almere).bron == Deelname.Bron.OPENBARE_BRON
    assert verslag.aangemaakt == {"deelname": Deelname.objects.count()}


def test_deelname_volgens_bron_twice_keeps_the_same_rows(bekende_koplopers):
    rondes_laden()
    deelname_volgens_bron_laden()
    voor = list(Deelname.objects.order_by("pk").values_list("pk", "ronde_id", "koploper_id"))

    verslag = deelname_volgens_bron_laden()

    assert list(Deelname.objects.order_by("pk").values_list("pk", "ronde_id", "koploper_id")) == voor
    assert verslag.aangemaakt == {}


def test_deelname_volgens_bron_without_rounds_adds_nothing(bekende_koplopers):
    verslag = deelname_volgens_bron_laden()

    assert Deelname.objects.count() == 0
    assert verslag.aangemaakt == {}
