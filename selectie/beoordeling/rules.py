"""Who may review and select (django-rules).

- Reviewers (``User.beoordelaar_organisatie`` set) and programme staff must be signed in with a second
  factor (django-otp).
- A reviewer sees and scores only candidates assigned to them and without a conflict of interest.
- Programme staff (``User.is_programmastaf``) see everything and run the selection.
"""

import rules
from django.db.models import Exists

from koplopers.accounts.rules import heeft_beoordelaarsrol, heeft_stafrol, is_geverifieerd

# Staff and reviewers count only with a second factor: the shared role predicates say so.
from koplopers.accounts.rules import is_beoordelaar as beoordelaar
from koplopers.accounts.rules import is_programmastaf as staf
from selectie.rules import in_selectie, ronde_van, scores_gedeeld, scores_open

from .models import Belangenconflict, Besluit, Toewijzing


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


@rules.predicate
def toegewezen_zonder_conflict(user, kandidaat):
    """Assigned to the candidate and without a conflict: one query, remembered on the candidate object
    (a page asks several permissions about the same candidate)."""
    if kandidaat is None or not (user and user.is_authenticated):
        return False
    onthouden = kandidaat.__dict__.setdefault("_toegewezen_zonder_conflict", {})
    if user.pk not in onthouden:
        conflict = Belangenconflict.objects.filter(beoordelaar=user, kandidaat=kandidaat)
        onthouden[user.pk] = (
            Toewijzing.objects.filter(beoordelaar=user, kandidaat=kandidaat).exclude(Exists(conflict)).exists()
        )
    return onthouden[user.pk]


# The status first: it costs no query.
mag_scoren = scores_open & heeft_beoordelaarsrol & toegewezen_zonder_conflict
mag_scores_van_anderen_zien = heeft_stafrol | (scores_gedeeld & heeft_beoordelaarsrol & toegewezen_zonder_conflict)
mag_besluiten = heeft_stafrol & in_selectie
mag_publiceren = mag_besluiten & besluiten_compleet

rules.add_perm("beoordeling.scoren", is_geverifieerd & mag_scoren)
rules.add_perm("beoordeling.scores_van_anderen_zien", is_geverifieerd & mag_scores_van_anderen_zien)
rules.add_perm("beoordeling.besluiten", is_geverifieerd & mag_besluiten)
rules.add_perm("beoordeling.publiceren", is_geverifieerd & mag_publiceren)
# Asked by ``selectie.levenscyclus`` before a round may become "gepubliceerd" (selectie cannot import this app).
rules.add_rule("ronde_publiceerbaar", besluiten_compleet)
