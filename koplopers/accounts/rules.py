"""Role predicates (django-rules), shared by every app.

Programme staff and reviewers count only once they passed two-factor authentication in this
session (``user.is_verified()``, django-otp): a stolen password alone opens nothing. Superusers and
``is_staff`` accounts get no permission at all before that (``User.has_perm``).
"""

import rules


@rules.predicate
def is_geverifieerd(user):
    """Logged in and OTP-verified in this session."""
    return bool(user.is_authenticated and getattr(user, "is_verified", lambda: False)())


@rules.predicate
def is_ambtenaar(user):
    """Linked to at least one municipality or koploper profile (cached on the user object)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_ambtenaar"):
        user._is_ambtenaar = user.koplopers.exists() or user.gemeenten.exists()
    return user._is_ambtenaar


@rules.predicate
def is_belangenbehartiger(user):
    return bool(user.is_authenticated and user.is_belangenbehartiger)


@rules.predicate
def heeft_beoordelaarsrol(user):
    return bool(user.is_authenticated and user.beoordelaar_organisatie)


@rules.predicate
def heeft_stafrol(user):
    return bool(user.is_authenticated and user.is_programmastaf)


@rules.predicate
def is_zichzelf(user, ander):
    return ander is not None and user.pk == ander.pk


is_beoordelaar = heeft_beoordelaarsrol & is_geverifieerd
is_programmastaf = heeft_stafrol & is_geverifieerd

rules.add_perm("accounts.uitnodigen", is_programmastaf)
# Backup codes: only in a session that passed the second factor.
rules.add_perm("accounts.reservecodes", is_geverifieerd)
# Staff reset someone else's second factor (a lost phone), never their own. The object is the account
# (``None`` for the list of accounts).
rules.add_perm("accounts.tweestaps_herstellen", is_programmastaf & ~is_zichzelf)
rules.add_perm("accounts.mijn_gemeente", is_ambtenaar)

# For menus: a role test that a superuser does not pass automatically (unlike ``has_perm``).
rules.add_rule("is_ambtenaar", is_ambtenaar)
