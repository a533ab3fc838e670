"""Who may do what with rounds and nominations (django-rules)."""

import rules


@rules.predicate
def is_programmastaf(user):
    return bool(user and user.is_authenticated and user.is_programmastaf)


@rules.predicate
def is_tweestaps_geverifieerd(user):
    """Signed in with a second factor (django-otp): required for programme staff and reviewers."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


@rules.predicate
def is_belangenbehartiger(user):
    return bool(user and user.is_authenticated and user.is_belangenbehartiger)


@rules.predicate
def is_ambtenaar(user):
    if not (user and user.is_authenticated):
        return False
    return user.gemeenten.exists() or user.koplopers.exists()


@rules.predicate
def is_beoordelaar(user):
    return bool(user and user.is_authenticated and user.beoordelaar_organisatie)


@rules.predicate
def is_indiener(user, voordracht):
    return bool(voordracht is not None and user and user.is_authenticated and voordracht.indiener_id == user.pk)


@rules.predicate
def is_indiener_van_bijlage(user, bijlage):
    return bool(bijlage is not None and is_indiener(user, bijlage.voordracht))


staf = is_programmastaf & is_tweestaps_geverifieerd
beoordelaar = is_beoordelaar & is_tweestaps_geverifieerd

rules.add_perm("selectie.rondes_beheren", staf)
rules.add_perm("selectie.kandidaten_bekijken", staf)
rules.add_perm("selectie.voordragen", is_belangenbehartiger | is_ambtenaar)
rules.add_perm("selectie.voordracht_bewerken", is_indiener)
rules.add_perm("selectie.voordracht_bekijken", is_indiener | staf)
rules.add_perm("selectie.bijlage_bekijken", is_indiener_van_bijlage | staf | beoordelaar)
