"""``Koploper.rondes`` moves to selectie (``selectie.Deelname``), which copies the rows first.

``selectie.0003_deelname`` runs before this migration (its ``run_before``), so this one needs no
dependency on selectie: from here on gemeenten's state does not refer to selectie. Only the historical
``0001_initial`` still depends on ``selectie.0001_initial``, to replay the old state.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('gemeenten', '0002_profielversies_en_concept'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='koploper',
            name='rondes',
        ),
    ]
