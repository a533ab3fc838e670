"""Reads for the outbox page."""

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from .models import Bericht


def berichten(*, status: str = "", soort: str = "", zoek: str = "") -> QuerySet[Bericht]:
    """Messages, newest first, problems (failed, uncertain) before the rest; filtered as asked."""
    qs = Bericht.objects.defer("tekst", "opbouw_gegevens").annotate(aantal_bijlagen=Count("bijlagen"))
    if status:
        qs = qs.filter(status=status)
    if soort:
        qs = qs.filter(soort=soort)
    if zoek:
        qs = qs.filter(Q(aan__icontains=zoek) | Q(onderwerp__icontains=zoek))
    probleem = Q(status__in=[Bericht.Status.MISLUKT, Bericht.Status.CONTROLEREN])
    eerst = Case(When(probleem, then=Value(0)), default=Value(1), output_field=IntegerField())
    return qs.alias(eerst=eerst).order_by("eerst", "-aangemaakt", "-pk")


def aantallen_per_status() -> dict[str, int]:
    rijen = Bericht.objects.values("status").annotate(aantal=Count("pk")).order_by()
    aantallen = dict.fromkeys(Bericht.Status.values, 0)
    aantallen.update({rij["status"]: rij["aantal"] for rij in rijen})
    return aantallen
