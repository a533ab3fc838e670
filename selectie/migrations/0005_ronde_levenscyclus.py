"""One lifecycle per round: the review phases join the round's status (the values follow in
``beoordeling.0002_ronde_status_uit_fase``), and the actual closing and publishing moments are kept."""

from django.db import migrations, models

STATUSSEN = [
    ("concept", "concept"),
    ("open", "open"),
    ("gesloten", "gesloten"),
    ("onafhankelijk", "onafhankelijk beoordelen"),
    ("kalibratie", "kalibratie"),
    ("selectie", "selectie"),
    ("gepubliceerd", "gepubliceerd"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("selectie", "0004_ronde_koplopers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ronde",
            name="status",
            field=models.CharField(
                choices=STATUSSEN, default="concept", editable=False, max_length=20, verbose_name="status"
            ),
        ),
        migrations.AlterField(
            model_name="ronde",
            name="sluit_op",
            field=models.DateTimeField(
                blank=True, help_text="De aangekondigde termijn om voor te dragen.", null=True, verbose_name="sluit op"
            ),
        ),
        migrations.AddField(
            model_name="ronde",
            name="gesloten_op",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="Alleen als de ronde vóór de aangekondigde termijn is gesloten: het werkelijke moment.",
                null=True,
                verbose_name="eerder gesloten op",
            ),
        ),
        migrations.AddField(
            model_name="ronde",
            name="gepubliceerd_op",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="gepubliceerd op"),
        ),
    ]
