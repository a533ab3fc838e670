"""Who may edit, publish and restore a koploper profile (django-rules).

An official edits only the profiles they manage: those in ``user.koplopers``, or the profile of a
municipality in ``user.gemeenten``. Programme staff (OTP-verified) edit all. Advocates and reviewers
edit no profile.
"""

import rules

from koplopers.accounts.rules import is_programmastaf


def beheerde_koploper_ids(user) -> set[int]:
    """The ids of the koplopers ``user`` manages as an official (one query, cached on the user object)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_beheerde_koploper_ids"):
        from .models import Koploper

        user._beheerde_koploper_ids = set(Koploper.objects.beheerd_door(user).values_list("pk", flat=True))
    return user._beheerde_koploper_ids


@rules.predicate
def beheert_koploper(user, koploper):
    if koploper is None:
        return False
    return koploper.pk in beheerde_koploper_ids(user)


kan_bewerken = beheert_koploper | is_programmastaf

rules.add_perm("gemeenten.profiel_bewerken", kan_bewerken)
rules.add_perm("gemeenten.profiel_publiceren", kan_bewerken)
rules.add_perm("gemeenten.profiel_geschiedenis", kan_bewerken)
rules.add_perm("gemeenten.profiel_herstellen", kan_bewerken)
rules.add_perm("gemeenten.profiel_depubliceren", is_programmastaf)
