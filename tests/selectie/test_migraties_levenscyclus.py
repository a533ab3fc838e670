"""The data migration that moves the review phase into the round's one status."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

VOOR = [("selectie", "0002_voordrachten"), ("beoordeling", "0001_initial")]
NA = [("selectie", "0006_auditregel"), ("beoordeling", "0003_fase_weg_auditregel_naar_selectie")]


def _migreren(naar):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(naar)
    return executor.loader.project_state(naar).apps


@pytest.mark.django_db(transaction=True)
def test_phase_and_status_become_one_status():
    apps = _migreren(VOOR)
    Ronde = apps.get_model("selectie", "Ronde")
    RondeBeoordeling = apps.get_model("beoordeling", "RondeBeoordeling")
    AuditRegel = apps.get_model("beoordeling", "AuditRegel")
    gepubliceerd_op = timezone.now()
    gevallen = {
        # slug: (old status, old phase or None, expected status)
        "open-met-fase": ("open", "onafhankelijk", "open"),
        "in-beoordeling": ("in_beoordeling", "kalibratie", "kalibratie"),
        "in-beoordeling-zonder": ("in_beoordeling", None, "onafhankelijk"),
        "besloten": ("besloten", "onafhankelijk", "selectie"),
        "gepubliceerd-fase": ("besloten", "gepubliceerd", "gepubliceerd"),
        "gesloten": ("gesloten", None, "gesloten"),
    }
    for slug, (status, fase, _verwacht) in gevallen.items():
        ronde = Ronde.objects.create(naam=slug, slug=slug, jaar=2020, status=status)
        if fase:
            RondeBeoordeling.objects.create(
                ronde=ronde, fase=fase, gepubliceerd_op=gepubliceerd_op if fase == "gepubliceerd" else None
            )
    AuditRegel.objects.create(ronde=Ronde.objects.get(slug="besloten"), soort="fase", omschrijving="Fase")

    apps = _migreren(NA)

    Ronde = apps.get_model("selectie", "Ronde")
    assert {r.slug: r.status for r in Ronde.objects.all()} == {s: v[2] for s, v in gevallen.items()}
    assert Ronde.objects.get(slug="gepubliceerd-fase").gepubliceerd_op == gepubliceerd_op
    regel = apps.get_model("selectie", "AuditRegel").objects.get()
    assert (regel.soort, regel.ronde.slug) == ("status", "besloten")
