"""Who may do what with rounds and nominations (django-rules).

The role predicates are shared (``koplopers.accounts.rules``): programme staff and reviewers count
only after two-factor authentication in this session.

Reading a nomination (``selectie.voordracht_bekijken``: its page, motivations, contacts and attachments)
is registered in ``selectie/beoordeling/rules.py``, beside the assignments and conflicts of interest it
depends on: ``beoordeling`` depends on ``selectie``, never the other way round.
"""

import rules

from koplopers.accounts.rules import is_ambtenaar, is_belangenbehartiger, is_programmastaf

from .models import Ronde

S = Ronde.Status


@rules.predicate
def is_indiener(user, voordracht):
    return bool(voordracht is not None and user.is_authenticated and voordracht.indiener_id == user.pk)


# The round's status (``selectie.levenscyclus``) ------------------------------------------------------
# Each predicate takes a round, or anything with a ``ronde`` (a candidate), and reads the status as
# ``Ronde.status_op`` derives it: an open round past its deadline is closed, for every predicate alike.


def ronde_van(obj):
    if obj is None:
        return None
    return obj if isinstance(obj, Ronde) else getattr(obj, "ronde", None)


def status_in(naam: str, *statussen: str):
    @rules.predicate(name=naam)
    def predicaat(user, obj):
        ronde = ronde_van(obj)
        return ronde is not None and ronde.huidige_status in statussen

    return predicaat


in_concept = status_in("in_concept", S.CONCEPT)
ronde_open = status_in("ronde_open", S.OPEN)
scores_open = status_in("scores_open", S.ONAFHANKELIJK, S.KALIBRATIE)
scores_gedeeld = status_in("scores_gedeeld", S.KALIBRATIE, S.SELECTIE, S.GEPUBLICEERD)
in_selectie = status_in("in_selectie", S.SELECTIE)
is_gepubliceerd = status_in("is_gepubliceerd", S.GEPUBLICEERD)

rules.add_perm("selectie.rondes_beheren", is_programmastaf)
rules.add_perm("selectie.criteria_bewerken", is_programmastaf & in_concept)
rules.add_perm("selectie.kandidaten_bekijken", is_programmastaf)
rules.add_perm("selectie.voordragen", is_belangenbehartiger | is_ambtenaar)
rules.add_perm("selectie.voordracht_bewerken", is_indiener)
