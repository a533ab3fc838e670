"""Every write that changes what anonymous visitors see draws a new public data version
(``services.publieke_versie_verhogen``), whichever way it was made: a service, the admin, a data load.

The tables are those the version's fingerprint reads (``selectors._versie_queryset``) plus the parts of
a profile (contacts, links). The round and its participation are declared by selectie; gemeenten reaches
them through the relation ``Koploper.rondes``, as the selectors do.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import selectors, services
from .models import Contactpersoon, Doelgroep, Gemeente, Koploper, Link, Provincie, Thema


def _gewijzigd(sender, **kwargs):
    services.publieke_versie_verhogen()


def _relatie_gewijzigd(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        services.publieke_versie_verhogen()


def verbinden() -> None:
    """Connect the receivers (from ``GemeentenConfig.ready``, when every model is loaded)."""
    ronde, deelname = selectors._deelname()
    for model in (Koploper, Gemeente, Provincie, Doelgroep, Thema, Contactpersoon, Link, ronde, deelname):
        naam = model._meta.label_lower
        post_save.connect(_gewijzigd, sender=model, dispatch_uid=f"publieke_versie_bewaard_{naam}")
        post_delete.connect(_gewijzigd, sender=model, dispatch_uid=f"publieke_versie_weg_{naam}")
    for relatie in (Koploper.leden.through, Koploper.doelgroepen.through, Koploper.themas.through, deelname):
        m2m_changed.connect(
            _relatie_gewijzigd, sender=relatie, dispatch_uid=f"publieke_versie_{relatie._meta.label_lower}"
        )
