"""List pages keep their number of queries constant, for 1 item and for 50."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.gemeenten import DoelgroepFactory, ThemaFactory
from tests.factories.kennisbank import EtalageartikelFactory, KennisitemFactory, KoploperInUtrechtFactory


def tel_queries(client, url, params=None):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def maak_items(aantal, start=0):
    doelgroep = DoelgroepFactory(naam="Ouderen")
    thema = ThemaFactory(naam="Bekendheid")
    for nummer in range(start, start + aantal):
        KennisitemFactory(titel=f"Handreiking bekendheid {nummer}", doelgroepen=[doelgroep], themas=[thema])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{}, {"q": "bekendheid"}, {"q": "bekendheid", "thema": "bekendheid", "jaar": "2020"}]
)
def test_kennisbank_lijst_query_count_is_constant(client, params):
    maak_items(1)
    bij_een = tel_queries(client, reverse("kennisbank:lijst"), params)
    maak_items(49, start=1)

    bij_vijftig = tel_queries(client, reverse("kennisbank:lijst"), params)

    assert bij_vijftig == bij_een


@pytest.mark.django_db
def test_kennisbank_lijst_query_count_is_small(client, django_assert_num_queries):
    maak_items(3)
    cache.clear()
    # count and page; the filter choices (publishers, years, target groups, themes) once, then cached
    with django_assert_num_queries(6):
        client.get(reverse("kennisbank:lijst"), {"soort": "handreiking"})

    with django_assert_num_queries(2):
        client.get(reverse("kennisbank:lijst"), {"soort": "handreiking"})


@pytest.mark.django_db
def test_kennisbank_zoeken_query_count_is_small(client, django_assert_num_queries):
    maak_items(30)
    client.get(reverse("kennisbank:lijst"))  # the filter choices are cached

    # the index: all words as typed, then in related forms; count, page, then the plain text of the 20
    # items on the page only
    with django_assert_num_queries(5):
        response = client.get(reverse("kennisbank:lijst"), {"q": "bekendheid"})

    assert response.context["paginator"].count == 30
    assert response.content.decode().count("<mark>") >= 20


def maak_artikelen(aantal, start=0):
    for nummer in range(start, start + aantal):
        EtalageartikelFactory(
            titel=f"Verhaal {nummer}",
            koploper=KoploperInUtrechtFactory(),
            maand=datetime.date(2020, 1 + nummer % 12, 1),
        )


@pytest.mark.django_db
def test_etalage_query_count_is_constant(client, django_assert_num_queries):
    maak_artikelen(1)
    with django_assert_num_queries(2):  # count + page (koploper and province joined)
        client.get(reverse("kennisbank:etalage"))
    maak_artikelen(49, start=1)

    with django_assert_num_queries(2):
        response = client.get(reverse("kennisbank:etalage"))

    assert len(response.context["artikelen"]) == 12


@pytest.mark.django_db
def test_factsheet_query_count_is_constant_and_cached(client, django_assert_num_queries):
    KoploperInUtrechtFactory()
    KennisitemFactory()
    cache.clear()
    with django_assert_num_queries(7):
        client.get(reverse("kennisbank:factsheet"))
    for _ in range(49):
        KoploperInUtrechtFactory()
        KennisitemFactory()
    cache.clear()

    with django_assert_num_queries(7):
        client.get(reverse("kennisbank:factsheet"))
    with django_assert_num_queries(0):
        client.get(reverse("kennisbank:factsheet"))


@pytest.mark.django_db
def test_profiel_extra_query_count_is_constant(django_assert_num_queries):
    from django.template import Context, Template

    koploper = KoploperInUtrechtFactory()
    template = Template('{% include "includes/profiel_extra.html" %}')
    KennisitemFactory(koplopers=[koploper])
    with django_assert_num_queries(2):
        template.render(Context({"koploper": koploper}))
    for _ in range(20):
        KennisitemFactory(koplopers=[koploper])
        EtalageartikelFactory(koploper=koploper)

    # Full lists: the first 10 items and 5 articles, and a count of each for "en N meer".
    with django_assert_num_queries(4):
        template.render(Context({"koploper": koploper}))
    for _ in range(20):
        KennisitemFactory(koplopers=[koploper])
        EtalageartikelFactory(koploper=koploper)

    with django_assert_num_queries(4):
        html = template.render(Context({"koploper": koploper}))

    assert html.count("/kennisbank/") == 10
    assert "en 31 meer in de kennisbank" in html
    assert "en 35 meer in de etalage" in html
