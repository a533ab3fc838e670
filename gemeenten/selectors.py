"""Reads for the public pages: querysets with the joins they need."""

from django.db.models import Count, Prefetch, Q

from selectie.models import Ronde

from .models import Koploper, Provincie


def publieke_koplopers():
    """Published koplopers with what a list row or map popup shows, in Dutch alphabetical order."""
    return (
        Koploper.objects.gepubliceerd()
        .select_related("provincie", "gemeente")
        .prefetch_related(
            Prefetch("rondes", queryset=Ronde.objects.order_by("jaar", "naam")),
            "doelgroepen",
            "themas",
        )
        .order_by("sorteernaam")
    )


def uitgelichte_koplopers(aantal: int = 3):
    return publieke_koplopers().filter(uitgelicht=True)[:aantal]


def kerncijfers() -> dict:
    """Key figures for the home page: published koplopers, provinces covered, rounds."""
    koplopers = Koploper.objects.gepubliceerd()
    return {
        "koplopers": koplopers.count(),
        "provincies": Provincie.objects.filter(
            Q(koplopers__gepubliceerd=True) | Q(gemeenten__regios__gepubliceerd=True)
        )
        .distinct()
        .count(),
        "provincies_totaal": Provincie.objects.count(),
        "rondes": Ronde.objects.annotate(n=Count("koplopers")).filter(n__gt=0).count(),
    }
