"""Declare the round participation on ``Ronde`` (reverse name ``rondes`` on ``gemeenten.Koploper``).

No table is created: the relation runs through ``Deelname`` (``0003_deelname``). It waits for gemeenten
to drop its own ``Koploper.rondes``, whose name the new reverse relation takes over.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('gemeenten', '0003_rondes_naar_selectie'),
        ('selectie', '0003_deelname'),
    ]

    operations = [
        migrations.AddField(
            model_name='ronde',
            name='koplopers',
            field=models.ManyToManyField(blank=True, related_name='rondes', through='selectie.Deelname', to='gemeenten.koploper', verbose_name='koplopers'),
        ),
    ]
