"""Who may review and select (django-rules).

- Reviewers (``User.beoordelaar_organisatie`` set) and programme staff must be signed in with a second
  factor (django-otp).
- A reviewer sees and scores only candidates assigned to them and without a conflict of interest.
- Programme staff (``User.is_programmastaf``) see everything and run the selection.
"""

import rules

from .models import Belangenconflict, Toewijzing


@rules.predicate
def is_tweestaps_geverifieerd(user):
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


@rules.predicate
def is_programmastaf(user):
    return bool(user and user.is_authenticated and user.is_programmastaf)


@rules.predicate
def is_beoordelaar(user):
    return bool(user and user.is_authenticated and user.beoordelaar_organisatie)


@rules.predicate
def is_toegewezen(user, kandidaat):
    if kandidaat is None or not (user and user.is_authenticated):
        return False
    return Toewijzing.objects.filter(beoordelaar=user, kandidaat=kandidaat).exists()


@rules.predicate
def heeft_conflict(user, kandidaat):
    if kandidaat is None or not (user and user.is_authenticated):
        return False
    return Belangenconflict.objects.filter(beoordelaar=user, kandidaat=kandidaat).exists()


staf = is_programmastaf & is_tweestaps_geverifieerd
beoordelaar = is_beoordelaar & is_tweestaps_geverifieerd
eigen_kandidaat = beoordelaar & is_toegewezen & ~heeft_conflict

rules.add_perm("beoordeling.beoordelen", beoordelaar | staf)
rules.add_perm("beoordeling.verklaren", beoordelaar)
rules.add_perm("beoordeling.kandidaat_beoordelen", eigen_kandidaat)
rules.add_perm("beoordeling.kandidaat_bekijken", eigen_kandidaat | staf)
rules.add_perm("beoordeling.conflict_melden", beoordelaar & is_toegewezen)
rules.add_perm("beoordeling.beheren", staf)
