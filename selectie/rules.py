"""Who may do what with rounds and nominations (django-rules).

The role predicates are shared (``koplopers.accounts.rules``): programme staff and reviewers count
only after two-factor authentication in this session.

Reading a nomination (``selectie.voordracht_bekijken``: its page, motivations, contacts and attachments)
is registered in ``selectie/beoordeling/rules.py``, beside the assignments and conflicts of interest it
depends on: ``beoordeling`` depends on ``selectie``, never the other way round.
"""

import rules

from koplopers.accounts.rules import is_ambtenaar, is_belangenbehartiger, is_programmastaf


@rules.predicate
def is_indiener(user, voordracht):
    return bool(voordracht is not None and user.is_authenticated and voordracht.indiener_id == user.pk)


rules.add_perm("selectie.rondes_beheren", is_programmastaf)
rules.add_perm("selectie.kandidaten_bekijken", is_programmastaf)
rules.add_perm("selectie.voordragen", is_belangenbehartiger | is_ambtenaar)
rules.add_perm("selectie.voordracht_bewerken", is_indiener)
