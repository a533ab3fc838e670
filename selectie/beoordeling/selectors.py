"""Reads for reviewing and selecting: querysets with the joins they need, and the ranking of a round.

The ranking is computed in Python from a fixed number of queries (candidates with their municipalities,
nominations and decision; all reviews of the round as values; all conflicts; all assignments), so the
query count does not grow with the number of candidates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from gemeenten.models import Gemeente
from koplopers.accounts.models import User
from selectie.models import AuditRegel, Bijlage, Criterium, Kandidaat, MedeIndiener, Motivatie, Ronde, Voordracht

from . import aggregatie, optimalisatie
from .models import (
    Belangenconflict,
    Beoordeling,
    Besluit,
    Nieuwsbericht,
    RondeBeoordeling,
    Score,
    Toewijzing,
    Uitgaand,
)

ORGANISATIES = list(User.BeoordelaarOrganisatie)


def criteria_van(ronde: Ronde) -> QuerySet[Criterium]:
    return Criterium.objects.filter(ronde=ronde).order_by("volgorde", "pk")


def rondes_voor_beoordeling() -> QuerySet[Ronde]:
    """Rounds with at least one candidate, newest first, with their figures."""
    ingediend = Voordracht.objects.filter(kandidaat__ronde=OuterRef("pk"), status=Voordracht.Status.INGEDIEND)
    return (
        Ronde.objects.filter(Exists(ingediend))
        .annotate(
            aantal_kandidaten=Count("kandidaten", distinct=True),
            aantal_toewijzingen=Count("kandidaten__toewijzingen", distinct=True),
        )
        .order_by("-jaar", "naam")
    )


def gemeenten_zonder_grens() -> QuerySet[Gemeente]:
    """Municipalities with their province, without the (large) GeoJSON boundaries."""
    return Gemeente.objects.select_related("provincie").defer("geometrie", "provincie__geometrie")


def kandidaten_van_ronde(ronde: Ronde) -> QuerySet[Kandidaat]:
    """The candidates with a submitted nomination, with their staged decision."""
    ingediend = Voordracht.objects.filter(kandidaat=OuterRef("pk"), status=Voordracht.Status.INGEDIEND)
    return (
        Kandidaat.objects.filter(ronde=ronde).filter(Exists(ingediend)).select_related("besluit").order_by("naam", "pk")
    )


# The reviewer's side --------------------------------------------------------------------------------


def wachtrij(*, beoordelaar) -> QuerySet[Toewijzing]:
    """The reviewer's assignments without a conflict.

    In independent scoring the order is by candidate name only: even "least reviewed first" would tell
    a reviewer how far the others are. From calibration on (others' work is visible anyway) the
    least-reviewed candidates come first (reviews submitted or abstained, by anyone), then by name.
    """
    conflict = Belangenconflict.objects.filter(beoordelaar=beoordelaar, kandidaat=OuterRef("kandidaat"))
    aantal = (
        Beoordeling.objects.filter(kandidaat=OuterRef("kandidaat"))
        .exclude(status=Beoordeling.Status.CONCEPT)
        .order_by()
        .values("kandidaat")
        .annotate(n=Count("pk"))
        .values("n")
    )
    eigen = Beoordeling.objects.filter(beoordelaar=beoordelaar, kandidaat=OuterRef("kandidaat")).values("status")[:1]
    return (
        Toewijzing.objects.filter(beoordelaar=beoordelaar)
        .exclude(Exists(conflict))
        .exclude(kandidaat__ronde__status=Ronde.Status.GEPUBLICEERD)
        .select_related("kandidaat__ronde")
        .prefetch_related(
            Prefetch("kandidaat__gemeenten", queryset=gemeenten_zonder_grens().order_by("sorteernaam")),
        )
        .annotate(
            voortgang=Case(
                When(kandidaat__ronde__status=Ronde.Status.ONAFHANKELIJK, then=Value(0)),
                default=Coalesce(Subquery(aantal, output_field=IntegerField()), Value(0)),
            ),
            eigen_status=Subquery(eigen),
        )
        .order_by("voortgang", "kandidaat__naam", "kandidaat__pk")
    )


def verklaarde_rondes(*, beoordelaar) -> set[int]:
    return set(beoordelaar.verklaringen.values_list("ronde_id", flat=True))


def kandidaat_dossier(*, pk: int) -> Kandidaat:
    """A candidate with its submitted nominations, their motivations, co-nominators and attachments."""
    return (
        Kandidaat.objects.select_related("ronde__beoordeling")
        .prefetch_related(
            Prefetch("gemeenten", queryset=gemeenten_zonder_grens().order_by("sorteernaam")),
            Prefetch(
                "voordrachten",
                queryset=Voordracht.objects.filter(status=Voordracht.Status.INGEDIEND)
                .prefetch_related(
                    Prefetch("motivaties", queryset=Motivatie.objects.select_related("criterium")),
                    Prefetch("mede_indieners", queryset=MedeIndiener.objects.order_by("volgorde", "pk")),
                    Prefetch("bijlagen", queryset=Bijlage.objects.order_by("aangemaakt", "pk")),
                    "themas",
                    "doelgroepen",
                )
                .order_by("ingediend_op", "pk"),
                to_attr="ingediende_voordrachten",
            ),
        )
        .get(pk=pk)
    )


def beoordelingen_van_kandidaat(kandidaat: Kandidaat, *, zonder_conflicten: bool = True) -> QuerySet[Beoordeling]:
    """Every review of a candidate with its scores and reviewer (for calibration and staff)."""
    beoordelingen = Beoordeling.objects.filter(kandidaat=kandidaat)
    if zonder_conflicten:
        conflict = Belangenconflict.objects.filter(beoordelaar=OuterRef("beoordelaar"), kandidaat=kandidaat)
        beoordelingen = beoordelingen.exclude(Exists(conflict))
    return (
        beoordelingen.select_related("beoordelaar")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.order_by("criterium__volgorde")))
        .order_by("beoordelaar__beoordelaar_organisatie", "beoordelaar__username")
    )


def eigen_beoordeling(*, beoordelaar, kandidaat: Kandidaat) -> Beoordeling | None:
    return Beoordeling.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).prefetch_related("scores").first()


def als_review(beoordeling: Beoordeling, *, conflict: bool = False) -> aggregatie.Review:
    return aggregatie.Review(
        beoordelaar=beoordeling.beoordelaar_id,
        organisatie=beoordeling.beoordelaar.beoordelaar_organisatie,
        status=aggregatie.Status(beoordeling.status),
        conflict=conflict,
        scores={
            score.criterium_id: (None if score.niet_van_toepassing else score.niveau)
            for score in beoordeling.scores.all()
            if score.niet_van_toepassing or score.niveau is not None
        },
    )


# The ranking -------------------------------------------------------------------------------------------


@dataclass
class Rij:
    """One candidate in the ranking and the selection workspace."""

    kandidaat: Kandidaat
    aggregaat: aggregatie.Aggregaat
    rang: int | None = None
    provincies: list[str] = field(default_factory=list)
    themas: list[str] = field(default_factory=list)
    gezamenlijk: bool = False
    regio: bool = False
    organisaties_toegewezen: set[str] = field(default_factory=set)
    besluit: Besluit | None = None

    @property
    def organisaties_ontbrekend(self) -> list:
        return [org for org in ORGANISATIES if org.value not in self.organisaties_toegewezen]

    @property
    def organisaties_zonder_score(self) -> list:
        """The organisations without a usable review of this candidate (coverage, see :mod:`.aggregatie`)."""
        return [org for org in ORGANISATIES if org.value not in self.aggregaat.per_organisatie]

    @property
    def uitkomst(self) -> str:
        return self.besluit.uitkomst if self.besluit else ""

    @property
    def vastzetting(self) -> str:
        return self.besluit.vastzetting if self.besluit else ""

    @property
    def gebalanceerd_per_organisatie(self) -> list[tuple[str, float | None]]:
        return [(org.label, self.aggregaat.per_organisatie.get(org.value)) for org in ORGANISATIES]


def ranglijst(ronde: Ronde, rondebeoordeling: RondeBeoordeling) -> list[Rij]:
    """The candidates of the round in ranking order (see :mod:`.aggregatie`), with their flags."""
    kandidaten = list(kandidaten_van_ronde(ronde))
    reviews = defaultdict(list)
    conflicten = set(
        Belangenconflict.objects.filter(kandidaat__ronde=ronde).values_list("beoordelaar_id", "kandidaat_id")
    )
    for kandidaat_id, beoordelaar_id, organisatie, status, totaal in Beoordeling.objects.filter(
        kandidaat__ronde=ronde
    ).values_list("kandidaat_id", "beoordelaar_id", "beoordelaar__beoordelaar_organisatie", "status", "totaal"):
        reviews[kandidaat_id].append(
            aggregatie.Review(
                beoordelaar=beoordelaar_id,
                organisatie=organisatie,
                status=aggregatie.Status(status),
                conflict=(beoordelaar_id, kandidaat_id) in conflicten,
                totaal=None if totaal is None else float(totaal),
            )
        )
    toegewezen = defaultdict(set)
    for kandidaat_id, beoordelaar_id, organisatie in Toewijzing.objects.filter(kandidaat__ronde=ronde).values_list(
        "kandidaat_id", "beoordelaar_id", "beoordelaar__beoordelaar_organisatie"
    ):
        if (beoordelaar_id, kandidaat_id) not in conflicten:
            toegewezen[kandidaat_id].add(organisatie)

    provincies = defaultdict(set)
    for kandidaat_id, provincie in Kandidaat.gemeenten.through.objects.filter(kandidaat__ronde=ronde).values_list(
        "kandidaat_id", "gemeente__provincie__naam"
    ):
        provincies[kandidaat_id].add(provincie)
    themas = defaultdict(set)
    gezamenlijk = set()
    for kandidaat_id, is_gezamenlijk, thema in Voordracht.objects.filter(
        kandidaat__ronde=ronde, status=Voordracht.Status.INGEDIEND
    ).values_list("kandidaat_id", "is_gezamenlijk", "themas__naam"):
        if thema:
            themas[kandidaat_id].add(thema)
        if is_gezamenlijk:
            gezamenlijk.add(kandidaat_id)

    drempel = float(rondebeoordeling.spreidingsdrempel)
    aggregaten = {k.pk: aggregatie.kandidaat_aggregeren(reviews[k.pk], {}, drempel=drempel) for k in kandidaten}
    per_pk = {k.pk: k for k in kandidaten}
    rijen = []
    for plaats in aggregatie.rangschikken(aggregaten, sorteersleutel=lambda pk: (per_pk[pk].naam, pk)):
        kandidaat = per_pk[plaats.sleutel]
        rijen.append(
            Rij(
                kandidaat=kandidaat,
                aggregaat=plaats.aggregaat,
                rang=plaats.rang,
                provincies=sorted(provincies[kandidaat.pk]),
                themas=sorted(themas[kandidaat.pk]),
                gezamenlijk=kandidaat.pk in gezamenlijk,
                regio=kandidaat.is_regio,
                organisaties_toegewezen=toegewezen[kandidaat.pk],
                besluit=getattr(kandidaat, "besluit", None),
            )
        )
    return rijen


def kandidaten_zonder_dekking(ronde: Ronde) -> list[Rij]:
    """The candidates without a usable review from each of the three organisations, in ranking order
    (the warning before "naar selectie" and before publishing)."""
    rondebeoordeling = RondeBeoordeling.objects.filter(ronde=ronde).first() or RondeBeoordeling(ronde=ronde)
    return [rij for rij in ranglijst(ronde, rondebeoordeling) if rij.organisaties_zonder_score]


def eisen_van(ronde: Ronde, rondebeoordeling: RondeBeoordeling) -> optimalisatie.Eisen:
    return optimalisatie.Eisen(
        minimum=ronde.streefaantal_min,
        maximum=ronde.streefaantal_max,
        elke_provincie=rondebeoordeling.elke_provincie,
        themas_minimaal=rondebeoordeling.themas_minimaal,
    )


def als_kandidaten(rijen: list[Rij]) -> list[optimalisatie.Kandidaat]:
    """The ranking as the optimiser's input, in ranking order; the score is the balanced mean."""
    return [
        optimalisatie.Kandidaat(
            sleutel=rij.kandidaat.pk,
            naam=rij.kandidaat.naam,
            score=rij.aggregaat.gebalanceerd,
            provincies=frozenset(rij.provincies),
            themas=frozenset(rij.themas),
        )
        for rij in rijen
    ]


def controle(ronde: Ronde, rondebeoordeling: RondeBeoordeling, rijen: list[Rij]) -> optimalisatie.Controle:
    """The constraint check of the staged selection (candidates with decision "geselecteerd")."""
    gekozen = [rij.kandidaat.pk for rij in rijen if rij.uitkomst == Besluit.Uitkomst.GESELECTEERD]
    return optimalisatie.selectie_controleren(als_kandidaten(rijen), gekozen, eisen_van(ronde, rondebeoordeling))


def voorstel(ronde: Ronde, rondebeoordeling: RondeBeoordeling, rijen: list[Rij]) -> optimalisatie.Voorstel:
    return optimalisatie.voorstel_berekenen(
        als_kandidaten(rijen),
        eisen_van(ronde, rondebeoordeling),
        vast_in=[rij.kandidaat.pk for rij in rijen if rij.vastzetting == Besluit.Vastzetting.IN],
        vast_uit=[rij.kandidaat.pk for rij in rijen if rij.vastzetting == Besluit.Vastzetting.UIT],
    )


# Staff overviews ---------------------------------------------------------------------------------------


@dataclass
class Belasting:
    beoordelaar: User
    toegewezen: int = 0
    ingediend: int = 0
    onthouden: int = 0
    conflicten: int = 0


def belasting(ronde: Ronde) -> list[Belasting]:
    """Per reviewer: assignments, submitted reviews, abstentions and conflicts in this round."""
    per_ronde = Q(toewijzingen__kandidaat__ronde=ronde)
    beoordelingen = Q(beoordelingen__kandidaat__ronde=ronde)
    rijen = (
        User.objects.exclude(beoordelaar_organisatie="")
        .annotate(
            n_toegewezen=Count("toewijzingen", filter=per_ronde, distinct=True),
            n_ingediend=Count(
                "beoordelingen",
                filter=beoordelingen & Q(beoordelingen__status=Beoordeling.Status.INGEDIEND),
                distinct=True,
            ),
            n_onthouden=Count(
                "beoordelingen",
                filter=beoordelingen & Q(beoordelingen__status=Beoordeling.Status.ONTHOUDEN),
                distinct=True,
            ),
            n_conflicten=Count("conflicten", filter=Q(conflicten__kandidaat__ronde=ronde), distinct=True),
        )
        .order_by("beoordelaar_organisatie", "username")
    )
    return [
        Belasting(
            beoordelaar=b,
            toegewezen=b.n_toegewezen,
            ingediend=b.n_ingediend,
            onthouden=b.n_onthouden,
            conflicten=b.n_conflicten,
        )
        for b in rijen
    ]


def beoordelaars() -> QuerySet[User]:
    return User.objects.exclude(beoordelaar_organisatie="").filter(is_active=True).order_by("last_name", "username")


def auditregels(ronde: Ronde) -> QuerySet[AuditRegel]:
    return AuditRegel.objects.filter(ronde=ronde).select_related("gebruiker", "kandidaat").order_by("-tijdstip", "-pk")


def uitgaande_berichten(ronde: Ronde) -> QuerySet[Uitgaand]:
    return Uitgaand.objects.filter(ronde=ronde).select_related("kandidaat").order_by("kandidaat__naam", "pk")


def nieuwsberichten(ronde: Ronde) -> QuerySet[Nieuwsbericht]:
    return Nieuwsbericht.objects.filter(ronde=ronde).select_related("koploper", "kandidaat").order_by("titel")


def beoordelingen_export(ronde: Ronde) -> QuerySet[Beoordeling]:
    """Every review of the round with its scores, for the CSV export (staff only)."""
    return (
        Beoordeling.objects.filter(kandidaat__ronde=ronde)
        .select_related("kandidaat", "beoordelaar")
        .prefetch_related("scores")
        .order_by("kandidaat__naam", "beoordelaar__username")
    )


def conflicten_van_ronde(ronde: Ronde) -> set[tuple[int, int]]:
    return set(Belangenconflict.objects.filter(kandidaat__ronde=ronde).values_list("beoordelaar_id", "kandidaat_id"))
