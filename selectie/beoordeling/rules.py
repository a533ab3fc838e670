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

from koplopers.accounts.rules import heeft_beoordelaarsrol, heeft_stafrol, is_geverifieerd

# Staff and reviewers count only with a second factor: the shared role predicates say so.
from koplopers.accounts.rules import is_beoordelaar as beoordelaar
from koplopers.accounts.rules import is_programmastaf as staf
from selectie.models import Voordracht
from selectie.rules import in_selectie, is_indiener, ronde_van, scores_gedeeld, scores_open

from .models import Belangenconflict, Besluit, Toewijzing


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
    """Assigned to ``kandidaat`` and without a conflict of interest with it (any source): one query,
    remembered on the candidate object (a page asks several permissions about the same candidate)."""
    if kandidaat is None or not (user and user.is_authenticated):
        return False
    onthouden = kandidaat.__dict__.setdefault("_toegewezen_zonder_conflict", {})
    if user.pk not in onthouden:
        onthouden[user.pk] = _toegewezen_zonder_conflict(user, kandidaat_id=kandidaat.pk)
    return onthouden[user.pk]


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


# What the round's status allows (``selectie.levenscyclus``) -----------------------------------------
# Each ``mag_*`` is the whole check without the session's second factor: the service that does the thing
# asserts it (it has no session); the permission adds ``is_geverifieerd`` for views and templates.


@rules.predicate
def besluiten_compleet(user, ronde):
    """At least one candidate of the round is selected (undecided ones become "niet geselecteerd")."""
    ronde = ronde_van(ronde)
    return (
        ronde is not None
        and Besluit.objects.filter(kandidaat__ronde=ronde, uitkomst=Besluit.Uitkomst.GESELECTEERD).exists()
    )


# The status first: it costs no query.
mag_scoren = scores_open & heeft_beoordelaarsrol & is_toegewezen_zonder_conflict
mag_scores_van_anderen_zien = heeft_stafrol | (scores_gedeeld & heeft_beoordelaarsrol & is_toegewezen_zonder_conflict)
mag_besluiten = heeft_stafrol & in_selectie
mag_publiceren = mag_besluiten & besluiten_compleet

rules.add_perm("beoordeling.scoren", is_geverifieerd & mag_scoren)
rules.add_perm("beoordeling.scores_van_anderen_zien", is_geverifieerd & mag_scores_van_anderen_zien)
rules.add_perm("beoordeling.besluiten", is_geverifieerd & mag_besluiten)
rules.add_perm("beoordeling.publiceren", is_geverifieerd & mag_publiceren)
# Asked by ``selectie.levenscyclus`` before a round may become "gepubliceerd" (selectie cannot import this app).
rules.add_rule("ronde_publiceerbaar", besluiten_compleet)
