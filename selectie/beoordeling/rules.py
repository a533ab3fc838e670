"""Who may review and select (django-rules).

- Reviewers (``User.beoordelaar_organisatie`` set) and programme staff must be signed in with a second
  factor (django-otp).
- A reviewer sees and scores only candidates assigned to them and without a conflict of interest.
- Programme staff (``User.is_programmastaf``) see everything and run the selection.
"""

import rules

# Staff and reviewers count only with a second factor: the shared role predicates say so.
from koplopers.accounts.rules import is_beoordelaar as beoordelaar
from koplopers.accounts.rules import is_programmastaf as staf

from .models import Belangenconflict, Toewijzing


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


eigen_kandidaat = beoordelaar & is_toegewezen & ~heeft_conflict

rules.add_perm("beoordeling.beoordelen", beoordelaar | staf)
rules.add_perm("beoordeling.verklaren", beoordelaar)
rules.add_perm("beoordeling.kandidaat_beoordelen", eigen_kandidaat)
rules.add_perm("beoordeling.kandidaat_bekijken", eigen_kandidaat | staf)
rules.add_perm("beoordeling.conflict_melden", beoordelaar & is_toegewezen)
rules.add_perm("beoordeling.beheren", staf)
