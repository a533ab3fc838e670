"""The audit trail of a round: one line per change, with who, when, what, before and after."""

from datetime import date, datetime
from decimal import Decimal

from django.db import models

from .models import AuditRegel, Kandidaat, Ronde


def als_json(waarde):
    """A value as it can be stored in an audit line (JSON): instances as their key, times as ISO text."""
    if isinstance(waarde, models.Model):
        return waarde.pk
    if isinstance(waarde, models.QuerySet | list | tuple | set):
        return [als_json(w) for w in waarde]
    if isinstance(waarde, datetime | date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    if waarde is None or isinstance(waarde, bool | int | float | str):
        return waarde
    return str(waarde)


def audit_vastleggen(
    *,
    ronde: Ronde | int,
    soort: str,
    omschrijving: str,
    gebruiker=None,
    kandidaat: Kandidaat | None = None,
    voor=None,
    na=None,
) -> AuditRegel:
    """Write one audit line (inside the caller's transaction: undone with it)."""
    regel = AuditRegel(
        ronde_id=ronde if isinstance(ronde, int) else ronde.pk,
        soort=soort,
        omschrijving=str(omschrijving)[:300],
        gebruiker=gebruiker if gebruiker is not None and gebruiker.is_authenticated else None,
        kandidaat=kandidaat,
        voor=voor,
        na=na,
    )
    regel.full_clean()
    regel.save()
    return regel
