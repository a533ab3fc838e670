"""Background tasks (django.tasks): one per outgoing message."""

from django.tasks import task

from . import services


@task
def bericht_versturen_taak(bericht_pk: int) -> str | None:
    """Send one message; after a clear refusal, schedule the next attempt (exponential backoff)."""
    poging = services.bericht_versturen(pk=bericht_pk)
    if poging is None:
        return None
    if poging.opnieuw_om is not None:
        services.inplannen(pk=bericht_pk, run_after=poging.opnieuw_om)
    return poging.status
