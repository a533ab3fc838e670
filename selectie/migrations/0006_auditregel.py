"""The audit trail, moved from ``beoordeling`` (same rows; the table is renamed), and the status
constraints now that every round has one of the seven statuses."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

SOORTEN = [
    ("status", "status"),
    ("termijn", "termijn"),
    ("score", "score"),
    ("besluit", "besluit"),
    ("toewijzing", "toewijzing"),
    ("conflict", "belangenconflict"),
    ("verklaring", "verklaring"),
    ("instellingen", "instellingen"),
    ("publicatie", "publicatie"),
    ("beheer", "wijziging in het beheer"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("selectie", "0005_ronde_levenscyclus"),
        ("beoordeling", "0003_fase_weg_auditregel_naar_selectie"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditRegel",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "tijdstip",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now, verbose_name="tijdstip"
                            ),
                        ),
                        ("soort", models.CharField(choices=SOORTEN, max_length=20, verbose_name="soort")),
                        ("omschrijving", models.CharField(max_length=300, verbose_name="omschrijving")),
                        ("voor", models.JSONField(blank=True, null=True, verbose_name="voor")),
                        ("na", models.JSONField(blank=True, null=True, verbose_name="na")),
                        (
                            "gebruiker",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="door",
                            ),
                        ),
                        (
                            "kandidaat",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="auditregels",
                                to="selectie.kandidaat",
                                verbose_name="kandidaat",
                            ),
                        ),
                        (
                            "ronde",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="auditregels",
                                to="selectie.ronde",
                                verbose_name="ronde",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "auditregel",
                        "verbose_name_plural": "auditregels",
                        "ordering": ["-tijdstip", "-pk"],
                        "db_table": "beoordeling_auditregel",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="auditregel", table=None),
        migrations.AddConstraint(
            model_name="ronde",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    status__in=[
                        "concept",
                        "open",
                        "gesloten",
                        "onafhankelijk",
                        "kalibratie",
                        "selectie",
                        "gepubliceerd",
                    ]
                ),
                name="ronde_status_geldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="ronde",
            constraint=models.CheckConstraint(
                condition=models.Q(gepubliceerd_op__isnull=True) | models.Q(status="gepubliceerd"),
                name="ronde_gepubliceerd_op_alleen_gepubliceerd",
            ),
        ),
    ]
