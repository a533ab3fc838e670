"""Every save of a koploper, knowledge item or showcase article updates the search index in the same
transaction, whichever way it was saved (a service, the admin, a data load)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from gemeenten.models import Koploper

from ..models import Etalageartikel, Kennisitem, Uitgever
from . import index


@receiver(post_save, sender=Koploper, dispatch_uid="zoeken_koploper")
def _koploper_bewaard(sender, instance, raw=False, **kwargs):
    if not raw:
        index.koploper_indexeren(instance)


@receiver(post_save, sender=Kennisitem, dispatch_uid="zoeken_kennisitem")
def _kennisitem_bewaard(sender, instance, raw=False, **kwargs):
    if not raw:
        index.kennisitem_indexeren(instance)


@receiver(post_save, sender=Etalageartikel, dispatch_uid="zoeken_etalage")
def _etalage_bewaard(sender, instance, raw=False, **kwargs):
    if not raw:
        index.etalageartikel_indexeren(instance)


def _koploper_relatie_gewijzigd(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Koploper):
        index.koploper_indexeren(instance)


for _relatie in (Koploper.doelgroepen.through, Koploper.themas.through, Koploper.leden.through):
    m2m_changed.connect(_koploper_relatie_gewijzigd, sender=_relatie, dispatch_uid=f"zoeken_{_relatie.__name__}")


@receiver(post_delete, sender=Koploper, dispatch_uid="zoeken_koploper_weg")
def _koploper_weg(sender, instance, **kwargs):
    index.uit_index(f"koploper:{instance.pk}")


@receiver(post_delete, sender=Kennisitem, dispatch_uid="zoeken_kennisitem_weg")
def _kennisitem_weg(sender, instance, **kwargs):
    index.uit_index(f"kennisitem:{instance.pk}")


@receiver(post_delete, sender=Etalageartikel, dispatch_uid="zoeken_etalage_weg")
def _etalage_weg(sender, instance, **kwargs):
    index.uit_index(f"etalage:{instance.pk}")


@receiver(post_save, sender=Uitgever, dispatch_uid="zoeken_uitgever")
def _uitgever_bewaard(sender, instance, raw=False, created=False, **kwargs):
    """A renamed publisher: its items are found under the new name."""
    if not raw and not created:
        for item in instance.kennisitems.select_related("uitgever"):
            index.kennisitem_indexeren(item)
