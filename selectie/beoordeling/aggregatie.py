"""Aggregating reviews into figures per candidate: pure functions on plain dataclasses.

No database here: the selectors turn model rows into :class:`Review` values, this module computes.

Definitions (the same words are used on the pages and in the exports):

- **review total** (*totaalscore van een beoordeling*): the weighted mean of the levels a reviewer gave,
  over the criteria *answered*. "Niet van toepassing" (``None``) is not zero: that criterion leaves the
  numerator and the denominator. A review in which every criterion is "niet van toepassing" has no total
  and does not count: it is counted apart (``zonder_score``) and flagged, and it gives its organisation no
  coverage.
- **Coverage** (*dekking*): an organisation covers a candidate when at least one counted review of its
  reviewers has a total. A candidate without coverage by each of the three organisations is flagged.
- Only **submitted** reviews count. Drafts, **abstentions** and reviews by a reviewer with a **conflict
  of interest** for the candidate are left out (and counted separately, so the pages can say so).
- Per candidate: **mean**, **median**, **number of reviews**, **standard deviation** (population, so a
  single review has 0) and **range** (highest minus lowest review total).
- **Organisation-balanced mean** (*gebalanceerd gemiddelde*, the default ranking): first the mean of the
  review totals within each assessing organisation (VNG, Ieder(in), Koepel ASD), then the plain mean over
  the organisations that have at least one counted review. Three VNG reviewers therefore weigh as much as
  one Ieder(in) reviewer together.
- **Discussion flag** (*bespreken*): set when the range is *greater than* the round's threshold
  (``drempel``). The range is used rather than the standard deviation because it reads plainly: "the
  scores lie more than 1.5 points apart".
- **Ranking**: by balanced mean, then mean, then number of reviews (all descending), then by the
  candidate's sort key; candidates without any counted review come last. Equal figures share a rank
  (1, 2, 2, 4).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Status(StrEnum):
    CONCEPT = "concept"
    INGEDIEND = "ingediend"
    ONTHOUDEN = "onthouden"


@dataclass(frozen=True)
class Review:
    """One reviewer's review of one candidate.

    ``scores`` maps a criterion key to the level given, or ``None`` for "niet van toepassing".
    ``conflict`` is true when the reviewer has a conflict of interest for this candidate.
    ``totaal`` may carry the review total computed earlier (stored on the review); then ``scores`` is
    not needed.
    """

    beoordelaar: Hashable
    organisatie: str
    scores: Mapping[Hashable, float | None] = field(default_factory=dict)
    status: Status = Status.INGEDIEND
    conflict: bool = False
    totaal: float | None = None

    @property
    def telt_mee(self) -> bool:
        return self.status == Status.INGEDIEND and not self.conflict


def review_totaal(scores: Mapping[Hashable, float | None], gewichten: Mapping[Hashable, float]) -> float | None:
    """The weighted mean of the levels over the criteria answered; ``None`` when nothing was answered.

    A criterion without a weight in ``gewichten`` is an error (a review of another round's criteria).
    A criterion with weight 0 is answered but does not change the total.
    """
    teller = 0.0
    noemer = 0.0
    for criterium, niveau in scores.items():
        if criterium not in gewichten:
            raise KeyError(f"criterium {criterium!r} heeft geen gewicht")
        if niveau is None:
            continue
        gewicht = gewichten[criterium]
        if gewicht < 0:
            raise ValueError(f"gewicht van {criterium!r} is negatief")
        teller += gewicht * niveau
        noemer += gewicht
    if noemer == 0:
        return None
    return teller / noemer


def cijfer(waarde, decimalen: int = 2) -> str:
    """The one way a figure is shown (ranking, proposal, CSV): ``decimalen`` decimals, half up, with a
    Dutch comma, via ``Decimal(str(waarde))`` so 3.125 is "3,13" everywhere; ``""`` when there is none."""
    if waarde is None:
        return ""
    stap = Decimal(1).scaleb(-decimalen)
    return str(Decimal(str(waarde)).quantize(stap, rounding=ROUND_HALF_UP)).replace(".", ",")


def _pstdev(waarden: list[float]) -> float:
    """Population standard deviation in plain floats (``statistics.pstdev`` is exact but slow)."""
    gemiddelde = math.fsum(waarden) / len(waarden)
    return math.sqrt(math.fsum((w - gemiddelde) ** 2 for w in waarden) / len(waarden))


@dataclass(frozen=True)
class Aggregaat:
    """The figures of one candidate. All figures are ``None`` when no review counts."""

    aantal: int
    gemiddelde: float | None
    mediaan: float | None
    standaardafwijking: float | None
    bereik: float | None
    laagste: float | None
    hoogste: float | None
    gebalanceerd: float | None
    per_organisatie: dict[str, float] = field(default_factory=dict)
    onthoudingen: int = 0
    conflicten: int = 0
    concepten: int = 0
    zonder_score: int = 0
    bespreken: bool = False

    @property
    def heeft_score(self) -> bool:
        return self.aantal > 0


def kandidaat_aggregeren(
    reviews: Iterable[Review], gewichten: Mapping[Hashable, float], *, drempel: float | None = None
) -> Aggregaat:
    """The figures of one candidate from its reviews (see the module docstring for the definitions)."""
    totalen: list[float] = []
    per_organisatie: dict[str, list[float]] = defaultdict(list)
    onthoudingen = conflicten = concepten = zonder_score = 0
    for review in reviews:
        if review.conflict:
            conflicten += 1
            continue
        if review.status == Status.ONTHOUDEN:
            onthoudingen += 1
            continue
        if review.status == Status.CONCEPT:
            concepten += 1
            continue
        totaal = review.totaal if review.totaal is not None else review_totaal(review.scores, gewichten)
        if totaal is None:
            zonder_score += 1
            continue
        totalen.append(totaal)
        per_organisatie[review.organisatie].append(totaal)

    if not totalen:
        return Aggregaat(
            aantal=0,
            gemiddelde=None,
            mediaan=None,
            standaardafwijking=None,
            bereik=None,
            laagste=None,
            hoogste=None,
            gebalanceerd=None,
            onthoudingen=onthoudingen,
            conflicten=conflicten,
            concepten=concepten,
            zonder_score=zonder_score,
        )
    organisatie_gemiddelden = {org: statistics.fmean(waarden) for org, waarden in sorted(per_organisatie.items())}
    laagste, hoogste = min(totalen), max(totalen)
    bereik = hoogste - laagste
    return Aggregaat(
        aantal=len(totalen),
        gemiddelde=statistics.fmean(totalen),
        mediaan=statistics.median(totalen),
        standaardafwijking=_pstdev(totalen),
        bereik=bereik,
        laagste=laagste,
        hoogste=hoogste,
        gebalanceerd=statistics.fmean(organisatie_gemiddelden.values()),
        per_organisatie=organisatie_gemiddelden,
        onthoudingen=onthoudingen,
        conflicten=conflicten,
        concepten=concepten,
        zonder_score=zonder_score,
        bespreken=drempel is not None and bereik > drempel + 1e-9,
    )


def per_criterium(reviews: Iterable[Review], *, drempel: float | None = None) -> dict[Hashable, Aggregaat]:
    """Per criterion: the figures of the levels given in the counted reviews (for calibration)."""
    niveaus: dict[Hashable, list[tuple[str, float]]] = defaultdict(list)
    for review in reviews:
        if not review.telt_mee:
            continue
        for criterium, niveau in review.scores.items():
            if niveau is not None:
                niveaus[criterium].append((review.organisatie, niveau))
    return {
        criterium: kandidaat_aggregeren(
            [Review(beoordelaar=i, organisatie=org, scores={criterium: n}) for i, (org, n) in enumerate(paren)],
            {criterium: 1},
            drempel=drempel,
        )
        for criterium, paren in niveaus.items()
    }


@dataclass(frozen=True)
class Plaats:
    """A candidate's place in the ranking: ``rang`` is shared by equal figures (1, 2, 2, 4)."""

    sleutel: Hashable
    rang: int | None
    aggregaat: Aggregaat


def _rangsleutel(aggregaat: Aggregaat) -> tuple[float, float, int]:
    return (-(aggregaat.gebalanceerd or 0.0), -(aggregaat.gemiddelde or 0.0), -aggregaat.aantal)


def rangschikken(aggregaten: Mapping[Hashable, Aggregaat], *, sorteersleutel=None) -> list[Plaats]:
    """The ranking: balanced mean, mean, number of reviews (descending), then ``sorteersleutel(key)``.

    Candidates without a counted review come last, without a rank. Figures are compared after rounding
    to 6 decimals, so that floating-point noise does not break a tie.
    """
    sorteersleutel = sorteersleutel or (lambda sleutel: sleutel)

    def afgerond(aggregaat: Aggregaat) -> tuple[float, float, int]:
        return tuple(round(waarde, 6) for waarde in _rangsleutel(aggregaat))

    met_score = [(s, a) for s, a in aggregaten.items() if a.heeft_score]
    zonder_score = [(s, a) for s, a in aggregaten.items() if not a.heeft_score]
    met_score.sort(key=lambda paar: (afgerond(paar[1]), sorteersleutel(paar[0])))
    zonder_score.sort(key=lambda paar: sorteersleutel(paar[0]))

    plaatsen: list[Plaats] = []
    vorige = None
    rang = 0
    for positie, (sleutel, aggregaat) in enumerate(met_score, start=1):
        huidige = afgerond(aggregaat)
        if huidige != vorige:
            rang = positie
            vorige = huidige
        plaatsen.append(Plaats(sleutel=sleutel, rang=rang, aggregaat=aggregaat))
    plaatsen.extend(Plaats(sleutel=sleutel, rang=None, aggregaat=aggregaat) for sleutel, aggregaat in zonder_score)
    return plaatsen
