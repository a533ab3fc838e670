"""Who may review and select, and who may read a nomination (django-rules).

- Reviewers (``User.beoordelaar_organisatie`` set) and programme staff must be signed in with a second
  factor (django-otp).
- A reviewer sees and scores only candidates assigned to them and without a conflict of interest, of
  whatever source (declared by the reviewer, recorded by staff or found automatically): one predicate,
  :func:`is_toegewezen_zonder_conflict`, for the candidate page and for every nomination of it.
- Programme staff (``User.is_programmastaf``) see everything and run the selection.

``selectie.voordracht_bekijken`` is registered here rather than in ``selectie/rules.py``: the reviewer's
part needs ``Toewijzing`` and ``Belangenconflict``, and imports point down (this app depends on
``selectie``; ``selectie`` does not know about reviewing).
"""

import rules
from django.db.models import Exists, OuterRef

# Staff and reviewers count only with a second factor: the shared role predicates say so.
from koplopers.accounts.rules import is_beoordelaar as beoordelaar
from koplopers.accounts.rules import is_programmastaf as staf
from selectie.models import Voordracht
from selectie.rules import is_indiener

from .models import Belangenconflict, Toewijzing


def _toegewezen_zonder_conflict(user, *, kandidaat_id: int, ronde_id: int | None = None) -> bool:
    """One query: an assignment of ``user`` to the candidate (in ``ronde_id``, if given), and no conflict."""
    conflict = Belangenconflict.objects.filter(beoordelaar=user, kandidaat=OuterRef("kandidaat"))
    toewijzingen = Toewijzing.objects.filter(beoordelaar=user, kandidaat_id=kandidaat_id)
    if ronde_id is not None:
        toewijzingen = toewijzingen.filter(kandidaat__ronde_id=ronde_id)
    return toewijzingen.exclude(Exists(conflict)).exists()


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


@rules.predicate
def is_toegewezen_zonder_conflict(user, kandidaat):
    """Assigned to ``kandidaat`` and without a conflict of interest with it (any source)."""
    if kandidaat is None or not (user and user.is_authenticated):
        return False
    return _toegewezen_zonder_conflict(user, kandidaat_id=kandidaat.pk)


@rules.predicate
def is_toegewezen_beoordelaar_zonder_conflict(user, voordracht):
    """The nomination is submitted, and its candidate, of the nomination's own round, is assigned to
    ``user`` without a conflict. A draft or a withdrawn nomination is never a reviewer's to read."""
    if voordracht is None or not (user and user.is_authenticated):
        return False
    if voordracht.status != Voordracht.Status.INGEDIEND or voordracht.kandidaat_id is None:
        return False
    return _toegewezen_zonder_conflict(user, kandidaat_id=voordracht.kandidaat_id, ronde_id=voordracht.ronde_id)


eigen_kandidaat = beoordelaar & is_toegewezen_zonder_conflict

# Everything of a nomination (its page, motivations, contacts, attachments): its nominator, programme
# staff, and a reviewer of its candidate without a conflict.
mag_voordracht_inzien = is_indiener | staf | (beoordelaar & is_toegewezen_beoordelaar_zonder_conflict)

rules.add_perm("selectie.voordracht_bekijken", mag_voordracht_inzien)
rules.add_perm("beoordeling.beoordelen", beoordelaar | staf)
rules.add_perm("beoordeling.verklaren", beoordelaar)
rules.add_perm("beoordeling.kandidaat_beoordelen", eigen_kandidaat)
rules.add_perm("beoordeling.kandidaat_bekijken", eigen_kandidaat | staf)
rules.add_perm("beoordeling.conflict_melden", beoordelaar & is_toegewezen)
rules.add_perm("beoordeling.beheren", staf)
