"""Who may see their own data, ask for deletion, and handle deletion requests."""

import rules

from koplopers.accounts.rules import is_programmastaf


@rules.predicate
def is_ingelogd(user):
    return bool(user.is_authenticated)


@rules.predicate
def is_niet_eigen_verzoek(user, verzoek):
    """Staff do not handle their own request (somebody else decides about their account)."""
    return verzoek is None or verzoek.gebruiker_id != user.pk


rules.add_perm("privacy.mijn_gegevens", is_ingelogd)
rules.add_perm("privacy.verzoeken_bekijken", is_programmastaf)
rules.add_perm("privacy.verzoek_behandelen", is_programmastaf & is_niet_eigen_verzoek)
