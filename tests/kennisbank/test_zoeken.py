"""The search of the knowledge base list: the portal search limited to knowledge items, the same on
SQLite and PostgreSQL."""

import pytest

from kennisbank.selectors import kennisitems_zoeken
from tests.factories.kennisbank import KennisitemFactory

HEADLINE_TEKST = 1000


def titels(zoekterm):
    return [item.titel for item in kennisitems_zoeken(zoekterm=zoekterm)]


# --- Both databases -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_zoeken_without_words_returns_everything():
    KennisitemFactory(titel="Een")
    KennisitemFactory(titel="Twee")

    assert sorted(titels("  ")) == ["Een", "Twee"]


@pytest.mark.django_db
@pytest.mark.parametrize("zoekterm", ["cliëntondersteuning", "clientondersteuning", "CLIËNTONDERSTEUNING"])
def test_zoeken_finds_with_and_without_diaeresis(zoekterm):
    KennisitemFactory(titel="Handreiking cliëntondersteuning")
    KennisitemFactory(titel="Werk en inkomen", samenvatting="Over clientondersteuning zonder trema.")
    KennisitemFactory(titel="Iets anders", samenvatting="Over iets anders.")

    assert sorted(titels(zoekterm)) == ["Handreiking cliëntondersteuning", "Werk en inkomen"]


@pytest.mark.django_db
def test_zoeken_finds_prefix_of_a_word():
    KennisitemFactory(titel="Zelftest cliëntondersteuning voor gemeenten")
    KennisitemFactory(titel="Iets anders")

    assert titels("cliëntonder") == ["Zelftest cliëntondersteuning voor gemeenten"]


@pytest.mark.django_db
def test_zoeken_highlights_matching_words_and_escapes_the_rest():
    KennisitemFactory(
        titel="Handreiking <b>cliëntondersteuning</b>",
        samenvatting="Alles over clientondersteuning & meer.",
        inhoud="",
    )

    (item,) = kennisitems_zoeken(zoekterm="clientondersteuning")

    assert "<mark>cliëntondersteuning</mark>" in item.kop_html
    assert "&lt;b&gt;" in item.kop_html
    assert "<b>" not in item.kop_html
    assert "<mark>clientondersteuning</mark>" in item.fragment_html
    assert "&amp; meer" in item.fragment_html


@pytest.mark.django_db
def test_zoeken_highlights_a_word_that_occurs_only_in_the_body():
    KennisitemFactory(
        titel="Handreiking voor gemeenten",
        samenvatting="Een korte samenvatting.",
        inhoud="<p>Vrijwilligers helpen bij de kompanenpool van de gemeente.</p>",
    )

    (item,) = kennisitems_zoeken(zoekterm="kompanenpool")

    assert "<mark>" not in item.kop_html
    assert "<mark>kompanenpool</mark>" in item.fragment_html


@pytest.mark.django_db
def test_zoeken_highlights_a_word_far_down_a_long_body():
    # The headline is made from the first HEADLINE_TEKST characters; a match further on is marked in Python.
    vulling = "<p>" + "Een zin over iets anders dan het onderwerp. " * (HEADLINE_TEKST // 40) + "</p>"
    KennisitemFactory(titel="Lange handreiking", inhoud=vulling + "<p>Tot slot de kompanenpool.</p>")

    (item,) = kennisitems_zoeken(zoekterm="kompanenpool")

    assert "<mark>kompanenpool</mark>" in item.fragment_html
    assert len(item.fragment_html) < 400


@pytest.mark.django_db
def test_zoeken_gives_every_item_of_a_long_result_its_highlights():
    for nummer in range(120):  # more than one batch of headlines (100)
        KennisitemFactory(titel=f"Mantelzorg {nummer}")

    items = list(kennisitems_zoeken(zoekterm="mantelzorg"))

    assert len(items) == 120
    assert all("<mark>Mantelzorg</mark>" in item.kop_html for item in items)


@pytest.mark.django_db
def test_zoeken_searches_the_body_and_the_publisher():
    KennisitemFactory(titel="Eerste", inhoud="<p>Over de kompanenpool in Almere.</p>")
    KennisitemFactory(titel="Tweede", uitgever__naam="Movisie")

    assert titels("kompanenpool") == ["Eerste"]
    assert titels("movisie") == ["Tweede"]


@pytest.mark.django_db
def test_zoeken_combines_with_filters_of_the_queryset():
    from kennisbank.models import Kennisitem

    KennisitemFactory(titel="Zelftest bekendheid", soort="zelftest")
    KennisitemFactory(titel="Handreiking bekendheid", soort="handreiking")

    resultaat = kennisitems_zoeken(zoekterm="bekendheid", queryset=Kennisitem.objects.filter(soort="zelftest"))

    assert [item.titel for item in resultaat] == ["Zelftest bekendheid"]


@pytest.mark.django_db
def test_zoeken_ignores_unpublished_items():
    KennisitemFactory(titel="Concept over bekendheid", gepubliceerd=False)

    assert titels("bekendheid") == []


# --- Dutch ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_stemming_plural_finds_singular():
    KennisitemFactory(titel="Een handreiking voor de gemeente")
    KennisitemFactory(titel="Iets anders")

    assert titels("handreikingen") == ["Een handreiking voor de gemeente"]
    assert titels("gemeenten") == ["Een handreiking voor de gemeente"]


@pytest.mark.django_db
def test_title_match_ranks_above_body_match():
    KennisitemFactory(titel="Algemene tekst", inhoud="<p>Hier staat ergens iets over ervaringsdeskundigen.</p>")
    KennisitemFactory(titel="Ervaringsdeskundigen betrekken", inhoud="<p>Een tekst.</p>")

    assert titels("ervaringsdeskundige") == ["Ervaringsdeskundigen betrekken", "Algemene tekst"]


@pytest.mark.django_db
def test_misspelling_still_finds_the_nearest_spelling():
    KennisitemFactory(titel="Handreiking onafhankelijke cliëntondersteuning")
    KennisitemFactory(titel="Werk en inkomen")

    assert titels("clientondersteuninng") == ["Handreiking onafhankelijke cliëntondersteuning"]


@pytest.mark.django_db
def test_misspelling_highlights_the_word_it_found():
    KennisitemFactory(titel="Inzet van ervaringsdeskundigen", samenvatting="Over ervaringsdeskundigen.")

    (item,) = kennisitems_zoeken(zoekterm="ervaringsdeskundigne")

    assert item.kop_html == "Inzet van <mark>ervaringsdeskundigen</mark>"


@pytest.mark.django_db
def test_highlights_the_stemmed_word_in_the_title():
    KennisitemFactory(titel="Handreikingen voor gemeenten", samenvatting="Over de handreiking.")

    (item,) = kennisitems_zoeken(zoekterm="handreiking")

    assert item.kop_html == "<mark>Handreikingen</mark> voor gemeenten"
    assert "<mark>handreiking</mark>" in item.fragment_html


@pytest.mark.django_db
def test_websearch_syntax_is_safe():
    KennisitemFactory(titel="Werk en inkomen")

    assert isinstance(titels('"werk" -inkomen OR & | ! :* ('), list)  # tsquery syntax in the input does not crash
    assert titels("werk & inkomen") == ["Werk en inkomen"]


# --- Ranking --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ranks_title_match_first():
    KennisitemFactory(titel="Algemene tekst", inhoud="<p>Iets over ervaringsdeskundigen.</p>")
    KennisitemFactory(titel="Ervaringsdeskundigen betrekken")

    assert titels("ervaringsdeskundigen") == ["Ervaringsdeskundigen betrekken", "Algemene tekst"]


@pytest.mark.django_db
def test_any_word_when_not_all_match():
    KennisitemFactory(titel="Werk en inkomen")

    assert titels("werk xyzzy") == ["Werk en inkomen"]


@pytest.mark.django_db
def test_highlights_in_python():
    KennisitemFactory(titel="Handreiking cliëntondersteuning", samenvatting="Over Cliëntondersteuning.")

    (item,) = kennisitems_zoeken(zoekterm="clientondersteuning")

    assert item.kop_html == "Handreiking <mark>cliëntondersteuning</mark>"
    assert "<mark>Cliëntondersteuning</mark>" in item.fragment_html
