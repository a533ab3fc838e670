"""Writes of the self-test: keep answers behind a private link, change them, delete them."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import BewaardeZelftest
from .uitslag import antwoorden_opschonen

BEWAARTERMIJN = timedelta(days=90)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def zelftest_bewaren(*, antwoorden: dict) -> tuple[str, BewaardeZelftest]:
    """Keep ``antwoorden`` for 90 days behind a new private link; returns the token (shown once) and the record.

    Expired self-tests are deleted on the way: nothing outlives its term.
    """
    zelftests_verlopen_opruimen()
    token = secrets.token_urlsafe(32)
    bewaard = BewaardeZelftest(
        token_hash=token_hash(token),
        antwoorden=antwoorden_opschonen(antwoorden),
        verloopt_op=timezone.now() + BEWAARTERMIJN,
    )
    bewaard.full_clean()
    bewaard.save()
    return token, bewaard


@transaction.atomic
def zelftest_bijwerken(*, bewaard: BewaardeZelftest, antwoorden: dict) -> BewaardeZelftest:
    """Replace the kept answers; the link and its expiry stay as they were."""
    bewaard.antwoorden = antwoorden_opschonen(antwoorden)
    bewaard.full_clean()
    bewaard.save(update_fields=["antwoorden", "bijgewerkt"])
    return bewaard


@transaction.atomic
def zelftest_verwijderen(*, bewaard: BewaardeZelftest) -> None:
    bewaard.delete()


@transaction.atomic
def zelftests_verlopen_opruimen(*, nu=None) -> int:
    """Delete kept self-tests whose 90 days are over (also run daily by ``bewaartermijnen_toepassen``)."""
    aantal, _per_model = BewaardeZelftest.objects.filter(verloopt_op__lte=nu or timezone.now()).delete()
    return aantal
