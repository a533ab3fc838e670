"""Reads for rounds, nominations and candidates: querysets with the joins they need."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from gemeenten.models import Gemeente, Koploper

from .models import Criterium, Deelname, Kandidaat, MedeIndiener, Motivatie, Ronde, Voordracht


def open_ronde(*, nu=None) -> Ronde | None:
    """The round that takes nominations now (open, and between opening and closing), with its criteria."""
    nu = nu or timezone.now()
    return (
        Ronde.objects.filter(status=Ronde.Status.OPEN)
        .filter(Q(opent_op__isnull=True) | Q(opent_op__lte=nu))
        .filter(Q(sluit_op__isnull=True) | Q(sluit_op__gt=nu))
        .prefetch_related(Prefetch("criteria", queryset=Criterium.objects.order_by("volgorde", "pk")))
        .order_by("sluit_op", "pk")
        .first()
    )


def laatst_gesloten_ronde(*, nu=None) -> Ronde | None:
    """The round that closed most recently (for "no round is open; the last closed on ..."): at its early
    closing moment, else at its announced deadline."""
    nu = nu or timezone.now()
    return (
        Ronde.objects.annotate(gesloten=Coalesce("gesloten_op", "sluit_op"))
        .filter(gesloten__lte=nu)
        .order_by("-gesloten")
        .first()
    )


def rondes_voor_beheer() -> QuerySet[Ronde]:
    """Every round for the staff list, newest first, with its nomination and candidate figures."""
    return Ronde.objects.annotate(
        aantal_ingediend=Count(
            "voordrachten", filter=Q(voordrachten__status=Voordracht.Status.INGEDIEND), distinct=True
        ),
        aantal_concepten=Count("voordrachten", filter=Q(voordrachten__status=Voordracht.Status.CONCEPT), distinct=True),
        aantal_kandidaten=Count("kandidaten", distinct=True),
    ).order_by("-jaar", "-sluit_op", "naam")


def gemeenten_om_te_kiezen() -> QuerySet[Gemeente]:
    """The municipalities a nomination can name, in Dutch alphabetical order, with their province."""
    return Gemeente.objects.select_related("provincie").order_by("sorteernaam")


def mijn_voordrachten(*, gebruiker) -> QuerySet[Voordracht]:
    """The nominations of ``gebruiker``, newest first, with what the list shows."""
    return (
        Voordracht.objects.filter(indiener=gebruiker)
        .select_related("ronde", "kandidaat")
        .prefetch_related(Prefetch("gemeenten", queryset=Gemeente.objects.order_by("sorteernaam")))
        .order_by("-aangemaakt", "-pk")
    )


def voordracht_volledig(*, pk: int) -> Voordracht:
    """One nomination with everything its form, summary, PDF and e-mail show."""
    return (
        Voordracht.objects.select_related("ronde", "kandidaat", "indiener")
        .prefetch_related(
            Prefetch("gemeenten", queryset=Gemeente.objects.select_related("provincie").order_by("sorteernaam")),
            Prefetch("ronde__criteria", queryset=Criterium.objects.order_by("volgorde", "pk")),
            Prefetch("motivaties", queryset=Motivatie.objects.select_related("criterium")),
            "mede_indieners",
            "doelgroepen",
            "themas",
            "bijlagen",
        )
        .get(pk=pk)
    )


def motivaties_per_criterium(voordracht: Voordracht) -> list[tuple[Criterium, str]]:
    """The round's criteria in order, each with this nomination's motivation (empty if none)."""
    teksten = {motivatie.criterium_id: motivatie.tekst for motivatie in voordracht.motivaties.all()}
    return [(criterium, teksten.get(criterium.pk, "")) for criterium in voordracht.ronde.criteria.all()]


def kandidaten_van_ronde(*, ronde: Ronde) -> QuerySet[Kandidaat]:
    """The candidates of a round that have a submitted nomination, with those nominations."""
    ingediend = Voordracht.objects.filter(status=Voordracht.Status.INGEDIEND)
    return (
        Kandidaat.objects.filter(ronde=ronde)
        .annotate(aantal_voordrachten=Count("voordrachten", filter=Q(voordrachten__status=Voordracht.Status.INGEDIEND)))
        .filter(aantal_voordrachten__gt=0)
        .prefetch_related(
            Prefetch("gemeenten", queryset=Gemeente.objects.select_related("provincie").order_by("sorteernaam")),
            Prefetch(
                "voordrachten",
                queryset=ingediend.select_related("indiener")
                .prefetch_related(Prefetch("mede_indieners", queryset=MedeIndiener.objects.order_by("volgorde")))
                .order_by("ingediend_op", "pk"),
                to_attr="ingediende_voordrachten",
            ),
        )
        .order_by("naam", "pk")
    )


def voordrachten_voor_export(*, ronde: Ronde) -> QuerySet[Voordracht]:
    """Every submitted nomination of a round, grouped by candidate, with all its details (for the CSV)."""
    return (
        Voordracht.objects.filter(ronde=ronde, status=Voordracht.Status.INGEDIEND)
        .select_related("kandidaat", "indiener")
        .prefetch_related(
            Prefetch("kandidaat__gemeenten", queryset=Gemeente.objects.select_related("provincie")),
            Prefetch("mede_indieners", queryset=MedeIndiener.objects.order_by("volgorde")),
            "motivaties",
            "doelgroepen",
            "themas",
            "bijlagen",
        )
        .order_by("kandidaat__naam", "kandidaat_id", "ingediend_op", "pk")
    )


def open_data_rondes():
    """Rounds whose outcome is public: published, or with a published koploper. Never a draft or a demo
    round; the outcome is the published koplopers of the round (no candidates, scores or reviews)."""
    met_koploper = Deelname.objects.filter(ronde=OuterRef("pk"), koploper__gepubliceerd=True)
    return (
        Ronde.objects.filter(Q(status=Ronde.Status.GEPUBLICEERD) | Exists(met_koploper))
        .exclude(status=Ronde.Status.CONCEPT)
        .exclude(is_demo=True)
        .prefetch_related(
            Prefetch(
                "koplopers",
                queryset=Koploper.objects.gepubliceerd().only("id", "naam", "slug", "soort").order_by("sorteernaam"),
                to_attr="publieke_koplopers",
            )
        )
        .order_by("jaar", "naam")
    )
