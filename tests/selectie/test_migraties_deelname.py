"""The round participation moved from gemeenten (Koploper.rondes) to selectie (Deelname), keeping the rows."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

OUD = [("gemeenten", "0002_profielversies_en_concept"), ("selectie", "0002_voordrachten")]


def _executor():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor


def _nieuwste(executor):
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def oude_stand(transactional_db):
    """The database as before the move; afterwards back to the newest migrations for the other tests."""
    executor = _executor()
    executor.migrate(OUD)
    yield executor.loader.project_state(OUD).apps
    executor = _executor()
    executor.migrate(_nieuwste(executor))


def _koplopers_met_rondes(apps):
    Koploper = apps.get_model("gemeenten", "Koploper")
    Ronde = apps.get_model("selectie", "Ronde")
    eerste = Ronde.objects.create(naam="Koplopers I (2017)", slug="koplopers-i-2017", jaar=2017)
    tweede = Ronde.objects.create(naam="Koplopers II (2020)", slug="koplopers-ii-2020", jaar=2020)
    almere = Koploper.objects.create(naam="Almere", sorteernaam="almere", slug="almere")
    vught = Koploper.objects.create(naam="Vught", sorteernaam="vught", slug="vught")
    Koploper.objects.create(naam="Zonder ronde", sorteernaam="zonder ronde", slug="zonder-ronde")
    almere.rondes.add(eerste, tweede)
    vught.rondes.add(tweede)
    return {("almere", "koplopers-i-2017"), ("almere", "koplopers-ii-2020"), ("vught", "koplopers-ii-2020")}


def test_migrating_keeps_every_koploper_round_link_as_a_deelname(oude_stand):
    verwacht = _koplopers_met_rondes(oude_stand)

    executor = _executor()
    executor.migrate(_nieuwste(executor))

    apps = executor.loader.project_state(_nieuwste(executor)).apps
    Deelname = apps.get_model("selectie", "Deelname")
    Koploper = apps.get_model("gemeenten", "Koploper")
    assert set(Deelname.objects.values_list("koploper__slug", "ronde__slug")) == verwacht
    assert set(Deelname.objects.values_list("bron", flat=True)) == {"onbekend"}
    # The relation keeps its old name on the koploper: rounds are reached as ``koploper.rondes``.
    assert list(Koploper.objects.get(slug="almere").rondes.order_by("jaar").values_list("slug", flat=True)) == [
        "koplopers-i-2017",
        "koplopers-ii-2020",
    ]
    assert "gemeenten_koploper_rondes" not in connection.introspection.table_names()


def test_migrating_back_restores_the_old_table(oude_stand):
    verwacht = _koplopers_met_rondes(oude_stand)
    executor = _executor()
    executor.migrate(_nieuwste(executor))

    executor = _executor()
    executor.migrate(OUD)

    Koploper = executor.loader.project_state(OUD).apps.get_model("gemeenten", "Koploper")
    terug = {(k.slug, r.slug) for k in Koploper.objects.all() for r in k.rondes.all()}
    assert terug == verwacht


def test_gemeenten_migrations_after_the_first_do_not_depend_on_selectie_or_kennisbank():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    afhankelijkheden = {
        (naam, afhankelijk)
        for (app, naam), node in graph.nodes.items()
        if app == "gemeenten" and naam != "0001_initial"
        for afhankelijk, _migratie in node.dependencies
    }

    # Only the historical 0001_initial still names selectie (to replay the old state).
    assert {afhankelijk for _naam, afhankelijk in afhankelijkheden} == {"gemeenten", "accounts"}
    assert ("gemeenten", "0003_rondes_naar_selectie") in graph.nodes
