"""The round's status has one owner (``selectie.Ronde.status``): the phase and publishing moment go.
The audit trail moves to ``selectie`` (the lowest app that writes it); its table is kept and renamed
there (``selectie.0006_auditregel``)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("beoordeling", "0002_ronde_status_uit_fase"),
    ]

    operations = [
        migrations.RemoveField(model_name="rondebeoordeling", name="fase"),
        migrations.RemoveField(model_name="rondebeoordeling", name="gepubliceerd_op"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditRegel")],
            database_operations=[],
        ),
    ]
