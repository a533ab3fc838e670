"""Who may do what with rounds and nominations (django-rules).

The role predicates are shared (``koplopers.accounts.rules``): programme staff and reviewers count
only after two-factor authentication in this session.
"""

import rules

from koplopers.accounts.rules import is_ambtenaar, is_belangenbehartiger, is_beoordelaar, is_programmastaf


@rules.predicate
def is_indiener(user, voordracht):
    return bool(voordracht is not None and user.is_authenticated and voordracht.indiener_id == user.pk)


@rules.predicate
def is_indiener_van_bijlage(user, bijlage):
    return bool(bijlage is not None and is_indiener(user, bijlage.voordracht))


rules.add_perm("selectie.rondes_beheren", is_programmastaf)
rules.add_perm("selectie.kandidaten_bekijken", is_programmastaf)
rules.add_perm("selectie.voordragen", is_belangenbehartiger | is_ambtenaar)
rules.add_perm("selectie.voordracht_bewerken", is_indiener)
rules.add_perm("selectie.voordracht_bekijken", is_indiener | is_programmastaf)
rules.add_perm("selectie.bijlage_bekijken", is_indiener_van_bijlage | is_programmastaf | is_beoordelaar)
