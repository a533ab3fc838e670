"""Saving or deleting a knowledge item, showcase article or publisher draws a new public data version
(``gemeenten.services.publieke_versie_verhogen``): the profile fragment (its linked knowledge), the home
page's newest showcase article and the PDFs are cached on it. Whichever way the write was made."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from gemeenten.services import publieke_versie_verhogen

from .models import Etalageartikel, Kennisitem, Uitgever


def _gewijzigd(sender, **kwargs):
    publieke_versie_verhogen()


def _relatie_gewijzigd(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        publieke_versie_verhogen()


for _model in (Kennisitem, Etalageartikel, Uitgever):
    post_save.connect(_gewijzigd, sender=_model, dispatch_uid=f"publieke_versie_{_model.__name__}")
    post_delete.connect(_gewijzigd, sender=_model, dispatch_uid=f"publieke_versie_{_model.__name__}_weg")

for _relatie in (Kennisitem.koplopers.through, Kennisitem.doelgroepen.through, Kennisitem.themas.through):
    m2m_changed.connect(_relatie_gewijzigd, sender=_relatie, dispatch_uid=f"publieke_versie_{_relatie.__name__}")
