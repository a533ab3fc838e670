"""Round participation moves from gemeenten (``Koploper.rondes``) to selectie (``Deelname``).

Three steps, so that gemeenten's own migrations never need selectie again:

1. this migration creates ``Deelname`` and copies every row of the old table ``gemeenten_koploper_rondes``;
   ``run_before`` makes it run before gemeenten drops that table;
2. ``gemeenten.0003_rondes_naar_selectie`` removes ``Koploper.rondes`` (it depends on gemeenten only);
3. ``selectie.0004_ronde_koplopers`` declares ``Ronde.koplopers`` through ``Deelname`` (reverse: ``rondes``).

Backwards, the same steps undo it: the rows are copied back into the re-created old table.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def rondes_overnemen(apps, schema_editor):
    """Copy the old Koploper↔Ronde rows into Deelname (bron: onbekend; it was never recorded)."""
    oud = apps.get_model("gemeenten", "Koploper")._meta.get_field("rondes").remote_field.through
    Deelname = apps.get_model("selectie", "Deelname")
    db = schema_editor.connection.alias
    Deelname.objects.using(db).bulk_create(
        [
            Deelname(ronde_id=ronde_id, koploper_id=koploper_id, bron="onbekend")
            for koploper_id, ronde_id in oud.objects.using(db).order_by("pk").values_list("koploper_id", "ronde_id")
        ],
        batch_size=500,
    )


def rondes_teruggeven(apps, schema_editor):
    """Backwards: copy Deelname back into the old table (re-created by unapplying gemeenten 0003)."""
    oud = apps.get_model("gemeenten", "Koploper")._meta.get_field("rondes").remote_field.through
    Deelname = apps.get_model("selectie", "Deelname")
    db = schema_editor.connection.alias
    oud.objects.using(db).bulk_create(
        [
            oud(koploper_id=koploper_id, ronde_id=ronde_id)
            for koploper_id, ronde_id in Deelname.objects.using(db).order_by("pk").values_list("koploper_id", "ronde_id")
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('gemeenten', '0002_profielversies_en_concept'),
        ('selectie', '0002_voordrachten'),
    ]

    # The copy must happen before gemeenten drops the old table; the edge lives here, not in gemeenten.
    run_before = [
        ('gemeenten', '0003_rondes_naar_selectie'),
    ]

    operations = [
        migrations.CreateModel(
            name='Deelname',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bron', models.CharField(choices=[('selectie', 'gepubliceerde selectie'), ('openbare_bron', 'openbare bron'), ('beheer', 'beheer'), ('onbekend', 'onbekend (vastgelegd vóór de bron werd bijgehouden)')], default='beheer', max_length=20, verbose_name='bron')),
                ('aangemaakt', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='aangemaakt')),
                ('koploper', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deelnames', to='gemeenten.koploper', verbose_name='koploper')),
                ('ronde', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deelnames', to='selectie.ronde', verbose_name='ronde')),
            ],
            options={
                'verbose_name': 'deelname',
                'verbose_name_plural': 'deelnames',
                'ordering': ['ronde__jaar', 'ronde__naam'],
            },
        ),
        migrations.AddConstraint(
            model_name='deelname',
            constraint=models.UniqueConstraint(fields=('ronde', 'koploper'), name='deelname_uniek'),
        ),
        migrations.RunPython(rondes_overnemen, rondes_teruggeven),
    ]
