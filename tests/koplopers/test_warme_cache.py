"""Issue 14: with a warm cache the public pages ask the database little and the same whatever the data.

Each page is asked twice (cold, then warm) with a small data set, then more data is added through the
ordinary writes (which draw a new data version), the page is warmed again and asked once more: the warm
count must be small and must not grow with the data.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.accounts import AmbtenaarFactory
from tests.factories.gemeenten import GepubliceerdeKoploperFactory, RondeFactory, ThemaFactory
from tests.factories.kennisbank import EtalageartikelFactory, KennisitemFactory
from tests.permissies import inloggen

# Measured on SQLite and PostgreSQL (issue 14); the upper bounds say "small", the comparison "constant".
PAGINAS = {
    "home": (lambda k: reverse("home"), 0),
    "lijst": (lambda k: reverse("gemeenten:lijst"), 0),
    "profiel": (lambda k: k.get_absolute_url(), 1),  # the koploper itself: it decides the 404
    "kaart": (lambda k: reverse("gemeenten:kaart"), 1),  # the number of koplopers matching the filters
    "geojson": (lambda k: reverse("gemeenten:kaart_geojson"), 0),
    "kennisbank": (lambda k: reverse("kennisbank:lijst"), 2),
    "factsheet": (lambda k: reverse("kennisbank:factsheet"), 0),
    "etalage": (lambda k: reverse("kennisbank:etalage"), 2),
}


def _data(koploper, aantal, thema, ronde):
    for _ in range(aantal):
        andere = GepubliceerdeKoploperFactory(themas=[thema], rondes=[ronde])
        KennisitemFactory(koplopers=[koploper, andere], themas=[thema])
        EtalageartikelFactory(koploper=andere)


def _warm(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", PAGINAS)
def test_warm_page_is_small_and_constant_in_queries(client, pagina):
    url_van, hoogstens = PAGINAS[pagina]
    thema, ronde = ThemaFactory(), RondeFactory()
    koploper = GepubliceerdeKoploperFactory(themas=[thema], rondes=[ronde])
    _data(koploper, 1, thema, ronde)
    klein = _warm(client, url_van(koploper))

    _data(koploper, 15, thema, ronde)
    groot = _warm(client, url_van(koploper))

    assert klein == groot
    assert groot <= hoogstens


@pytest.mark.django_db
def test_profile_shows_newly_linked_knowledge_at_once(client):
    koploper = GepubliceerdeKoploperFactory()
    assert "Nieuwe handreiking" not in client.get(koploper.get_absolute_url()).content.decode()

    KennisitemFactory(titel="Nieuwe handreiking", koplopers=[koploper])

    assert "Nieuwe handreiking" in client.get(koploper.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_home_shows_the_newest_showcase_article_at_once(client):
    EtalageartikelFactory(titel="Oud artikel")
    assert "Oud artikel" in client.get(reverse("home")).content.decode()

    EtalageartikelFactory(titel="Nieuwer artikel", maand=datetime.date(2100, 1, 1))

    assert "Nieuwer artikel" in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_logged_in_page_is_not_served_from_the_shared_cache(client):
    koploper = GepubliceerdeKoploperFactory()
    anoniem = client.get(koploper.get_absolute_url())  # fills the shared fragment
    inloggen(client, AmbtenaarFactory(koplopers=[koploper]))

    ingelogd = client.get(koploper.get_absolute_url())

    assert "Profiel bewerken" not in anoniem.content.decode()
    assert "Profiel bewerken" in ingelogd.content.decode()  # the per-user part is rendered per request
    assert "no-store" in ingelogd["Cache-Control"]
    assert "no-store" not in anoniem.get("Cache-Control", "")
