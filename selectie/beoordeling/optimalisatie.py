"""The selection constraints and the "Voorstel" (proposal): pure functions on plain dataclasses.

The constraints of a round (:class:`Eisen`), checked by :func:`selectie_controleren` and met by
:func:`voorstel_berekenen`:

1. **Omvang** (size): the number of selected candidates lies between ``minimum`` and ``maximum``
   (the programme aims at 12–15 koplopers per round).
2. **Provincies** (spread): every province *in which at least one candidate lies* has at least one
   selected candidate. A regional candidate may lie in more than one province and then covers each.
   The provinces are taken from *all* candidates, also those staff pinned out: pinning out the only
   candidate of Zeeland makes the constraint impossible, and the proposal says so.
3. **Thema's** (variety): the selected candidates together cover at least *K* distinct themes, where
   ``K = themas_minimaal`` capped at the number of distinct themes among all candidates;
   ``themas_minimaal=None`` means "every theme that occurs among the candidates", ``0`` switches the
   constraint off.

The proposal is the selection with the **highest total score** that meets all constraints and the pins
(candidates staff pinned in or out), computed exactly as a 0/1 integer programme with
``scipy.optimize.milp`` (HiGHS, relative gap 0, presolve off:
see :data:`MILP_OPTIES`). Scores are compared in units of 0.0001; among equally
good selections the one with the better-ranked candidates wins (candidates are passed in ranking
order), so the result is deterministic. A candidate without a score counts as 0: it is only chosen when
a constraint needs it.

Each candidate gets an explanation: "hoogste score" when it is in the optimum and would also be in a
pure top-N by score (N = the size of the proposal); otherwise which province or theme it was chosen to
cover; for a high-scoring candidate left out, what its place was needed for. If the constraints cannot
all be met, :attr:`Voorstel.problemen` says which and why.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .aggregatie import cijfer

SCHAAL = 10_000  # score units: 0.0001

# HiGHS options. Exact (relative gap 0). Presolve off: on this problem (a handful of covering rows over
# thousands of 0/1 columns) HiGHS's presolve took about a second at 3,000 candidates and then the problem
# was solved at the root node anyway; without it the same proven optimum comes in tens of milliseconds
# (figures in bench/README.md, "Voorstel"). No time limit: a limit would turn "not proven in time" into
# a wrong "infeasible" here, and the proposal must be the exact optimum.
MILP_OPTIES = {"mip_rel_gap": 0, "presolve": False}


@dataclass(frozen=True)
class Kandidaat:
    """A candidate as the optimiser sees it: a key, a name, a score and what it covers."""

    sleutel: Hashable
    naam: str
    score: float | None
    provincies: frozenset[str] = frozenset()
    themas: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Eisen:
    """The constraints of a round (see the module docstring)."""

    minimum: int = 12
    maximum: int = 15
    elke_provincie: bool = True
    themas_minimaal: int | None = None

    def __post_init__(self):
        if self.minimum < 0 or self.maximum < self.minimum:
            raise ValueError("doelgrootte ongeldig")
        if self.themas_minimaal is not None and self.themas_minimaal < 0:
            raise ValueError("themas_minimaal ongeldig")


@dataclass(frozen=True)
class Toets:
    """One constraint checked: met or not, with a Dutch explanation."""

    code: str
    naam: str
    voldaan: bool
    uitleg: str
    ontbrekend: tuple[str, ...] = ()


@dataclass(frozen=True)
class Controle:
    toetsen: tuple[Toets, ...]

    @property
    def voldaan(self) -> bool:
        return all(toets.voldaan for toets in self.toetsen)

    def __getitem__(self, code: str) -> Toets:
        for toets in self.toetsen:
            if toets.code == code:
                return toets
        raise KeyError(code)


@dataclass(frozen=True)
class Keuze:
    sleutel: Hashable
    gekozen: bool
    uitleg: str


@dataclass(frozen=True)
class Voorstel:
    haalbaar: bool
    gekozen: tuple[Hashable, ...] = ()
    totaal: float = 0.0
    keuzes: dict[Hashable, Keuze] = field(default_factory=dict)
    problemen: tuple[str, ...] = ()
    controle: Controle | None = None
    rekentijd: float = 0.0


def opsomming(woorden: Sequence[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    woorden = list(woorden)
    if not woorden:
        return ""
    if len(woorden) == 1:
        return woorden[0]
    return _("%(reeks)s en %(laatste)s") % {"reeks": ", ".join(woorden[:-1]), "laatste": woorden[-1]}


def vereiste_provincies(kandidaten: Iterable[Kandidaat], eisen: Eisen) -> list[str]:
    if not eisen.elke_provincie:
        return []
    return sorted({provincie for kandidaat in kandidaten for provincie in kandidaat.provincies})


def alle_themas(kandidaten: Iterable[Kandidaat]) -> list[str]:
    return sorted({thema for kandidaat in kandidaten for thema in kandidaat.themas})


def vereist_aantal_themas(kandidaten: Sequence[Kandidaat], eisen: Eisen) -> int:
    aanwezig = len(alle_themas(kandidaten))
    if eisen.themas_minimaal is None:
        return aanwezig
    return min(eisen.themas_minimaal, aanwezig)


def selectie_controleren(kandidaten: Sequence[Kandidaat], gekozen: Iterable[Hashable], eisen: Eisen) -> Controle:
    """Check a selection against the constraints, one :class:`Toets` per constraint."""
    gekozen = set(gekozen)
    selectie = [kandidaat for kandidaat in kandidaten if kandidaat.sleutel in gekozen]
    aantal = len(selectie)
    toetsen = []

    if aantal < eisen.minimum:
        uitleg = ngettext(
            "%(aantal)s gekozen; doel %(minimum)s–%(maximum)s: nog %(tekort)s te weinig.",
            "%(aantal)s gekozen; doel %(minimum)s–%(maximum)s: nog %(tekort)s te weinig.",
            aantal,
        ) % {"aantal": aantal, "minimum": eisen.minimum, "maximum": eisen.maximum, "tekort": eisen.minimum - aantal}
    elif aantal > eisen.maximum:
        uitleg = _("%(aantal)s gekozen; doel %(minimum)s–%(maximum)s: %(teveel)s te veel.") % {
            "aantal": aantal,
            "minimum": eisen.minimum,
            "maximum": eisen.maximum,
            "teveel": aantal - eisen.maximum,
        }
    else:
        uitleg = _("%(aantal)s gekozen; doel %(minimum)s–%(maximum)s.") % {
            "aantal": aantal,
            "minimum": eisen.minimum,
            "maximum": eisen.maximum,
        }
    toetsen.append(
        Toets(
            code="omvang",
            naam=_("Doelgrootte"),
            voldaan=eisen.minimum <= aantal <= eisen.maximum,
            uitleg=uitleg,
        )
    )

    provincies = vereiste_provincies(kandidaten, eisen)
    if provincies:
        gedekt = {provincie for kandidaat in selectie for provincie in kandidaat.provincies}
        ontbrekend = tuple(provincie for provincie in provincies if provincie not in gedekt)
        if ontbrekend:
            uitleg = _("Nog geen koploper in %(provincies)s.") % {"provincies": opsomming(ontbrekend)}
        else:
            uitleg = ngettext(
                "De %(aantal)s provincie met kandidaten is gedekt.",
                "Alle %(aantal)s provincies met kandidaten zijn gedekt.",
                len(provincies),
            ) % {"aantal": len(provincies)}
        toetsen.append(
            Toets(
                code="provincies",
                naam=_("Spreiding over de provincies"),
                voldaan=not ontbrekend,
                uitleg=uitleg,
                ontbrekend=ontbrekend,
            )
        )

    vereist = vereist_aantal_themas(kandidaten, eisen)
    if vereist:
        gedekt = {thema for kandidaat in selectie for thema in kandidaat.themas}
        ontbrekend = tuple(thema for thema in alle_themas(kandidaten) if thema not in gedekt)
        voldaan = len(gedekt) >= vereist
        if voldaan:
            uitleg = _("%(gedekt)s verschillende thema's gedekt; minimaal %(vereist)s nodig.") % {
                "gedekt": len(gedekt),
                "vereist": vereist,
            }
        else:
            uitleg = _(
                "%(gedekt)s verschillende thema's gedekt; minimaal %(vereist)s nodig. Nog niet gedekt: %(themas)s."
            ) % {"gedekt": len(gedekt), "vereist": vereist, "themas": opsomming(ontbrekend)}
        toetsen.append(
            Toets(
                code="themas",
                naam=_("Verscheidenheid aan thema's"),
                voldaan=voldaan,
                uitleg=uitleg,
                ontbrekend=ontbrekend if not voldaan else (),
            )
        )
    return Controle(toetsen=tuple(toetsen))


def _eenheden(kandidaat: Kandidaat) -> int:
    return round((kandidaat.score or 0.0) * SCHAAL)


def _los_op(
    kandidaten: Sequence[Kandidaat],
    eisen: Eisen,
    vast_in: set,
    vast_uit: set,
    *,
    provincies: Sequence[str],
    themas: Sequence[str],
    vereist_themas: int,
    minimaliseer_aantal: bool = False,
    met_omvang: bool = True,
):
    """Solve the 0/1 programme; returns the chosen indices, or ``None`` when infeasible.

    Variables: ``x_i`` (candidate i chosen) and ``y_t`` (theme t covered). ``y_t <= sum x_i over the
    candidates with theme t``; ``sum y_t >= K``; per province ``sum x_i >= 1``; size within bounds.
    """
    # Imported here, not at module level: scipy takes ±0.4 s to import, and every web worker imports
    # this module through the URLconf while only the selection workspace solves anything.
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(kandidaten)
    t = len(themas) if vereist_themas else 0
    rijen = []
    ondergrenzen = []
    bovengrenzen = []

    def rij():
        return np.zeros(n + t)

    if met_omvang:
        r = rij()
        r[:n] = 1
        rijen.append(r)
        ondergrenzen.append(eisen.minimum)
        bovengrenzen.append(eisen.maximum)
    for provincie in provincies:
        r = rij()
        for i, kandidaat in enumerate(kandidaten):
            if provincie in kandidaat.provincies:
                r[i] = 1
        rijen.append(r)
        ondergrenzen.append(1)
        bovengrenzen.append(np.inf)
    if t:
        for j, thema in enumerate(themas):
            r = rij()
            r[n + j] = -1
            for i, kandidaat in enumerate(kandidaten):
                if thema in kandidaat.themas:
                    r[i] = 1
            rijen.append(r)
            ondergrenzen.append(0)
            bovengrenzen.append(np.inf)
        r = rij()
        r[n:] = 1
        rijen.append(r)
        ondergrenzen.append(vereist_themas)
        bovengrenzen.append(np.inf)

    if minimaliseer_aantal:
        c = np.concatenate([np.ones(n), np.zeros(t)])
    else:
        # Integer score units plus a tie-break (< 1 in total) favouring earlier (better-ranked) candidates.
        voorkeur = np.array([(n - i) / (n * n + 1) for i in range(n)])
        c = -np.concatenate([np.array([_eenheden(k) for k in kandidaten], dtype=float) + voorkeur, np.zeros(t)])

    onder = np.zeros(n + t)
    boven = np.ones(n + t)
    for i, kandidaat in enumerate(kandidaten):
        if kandidaat.sleutel in vast_in:
            onder[i] = 1
        if kandidaat.sleutel in vast_uit:
            boven[i] = 0
    constraints = []
    if rijen:
        constraints.append(LinearConstraint(np.array(rijen), np.array(ondergrenzen), np.array(bovengrenzen)))
    resultaat = milp(
        c,
        constraints=constraints,
        integrality=np.ones(n + t),
        bounds=Bounds(onder, boven),
        options=dict(MILP_OPTIES),
    )
    if resultaat.status != 0 or resultaat.x is None:
        return None
    return [i for i in range(n) if resultaat.x[i] > 0.5]


def _problemen(
    kandidaten: Sequence[Kandidaat],
    eisen: Eisen,
    vast_in: set,
    vast_uit: set,
    provincies: Sequence[str],
    themas: Sequence[str],
    vereist_themas: int,
) -> list[str]:
    """Why no selection meets everything: the plain reasons first, then the exact minimum size needed."""
    problemen = []
    beschikbaar = [k for k in kandidaten if k.sleutel not in vast_uit]
    if len(beschikbaar) < eisen.minimum:
        if vast_uit:
            problemen.append(
                _(
                    "Doelgrootte %(minimum)s–%(maximum)s, maar slechts %(aantal)s kandidaten "
                    "(%(uitgesloten)s uitgesloten)."
                )
                % {
                    "minimum": eisen.minimum,
                    "maximum": eisen.maximum,
                    "aantal": len(beschikbaar),
                    "uitgesloten": len(vast_uit),
                }
            )
        else:
            problemen.append(
                _("Doelgrootte %(minimum)s–%(maximum)s, maar slechts %(aantal)s kandidaten.")
                % {"minimum": eisen.minimum, "maximum": eisen.maximum, "aantal": len(beschikbaar)}
            )
    if len(vast_in) > eisen.maximum:
        problemen.append(
            _("Er zijn %(aantal)s kandidaten vastgezet, maar het maximum is %(maximum)s.")
            % {"aantal": len(vast_in), "maximum": eisen.maximum}
        )
    for provincie in provincies:
        if not any(provincie in k.provincies for k in beschikbaar):
            problemen.append(
                _("%(provincie)s heeft alleen kandidaten die zijn uitgesloten.") % {"provincie": provincie}
            )
    if vereist_themas:
        beschikbare_themas = {thema for k in beschikbaar for thema in k.themas}
        if len(beschikbare_themas) < vereist_themas:
            weg = [thema for thema in themas if thema not in beschikbare_themas]
            problemen.append(
                _(
                    "Er zijn %(vereist)s verschillende thema's nodig, maar de kandidaten die niet zijn uitgesloten "
                    "hebben er samen %(beschikbaar)s; alleen uitgesloten kandidaten hebben %(themas)s."
                )
                % {"vereist": vereist_themas, "beschikbaar": len(beschikbare_themas), "themas": opsomming(weg)}
            )
    if problemen:
        return problemen

    def minimaal(met_provincies: bool, met_themas: bool) -> int | None:
        gekozen = _los_op(
            kandidaten,
            eisen,
            vast_in,
            vast_uit,
            provincies=provincies if met_provincies else [],
            themas=themas,
            vereist_themas=vereist_themas if met_themas else 0,
            minimaliseer_aantal=True,
            met_omvang=False,
        )
        return None if gekozen is None else len(gekozen)

    alleen_provincies = minimaal(True, False) if provincies else 0
    alleen_themas = minimaal(False, True) if vereist_themas else 0
    if alleen_provincies and alleen_provincies > eisen.maximum:
        problemen.append(
            _(
                "Om alle %(aantal)s provincies met kandidaten te dekken zijn minstens %(nodig)s koplopers nodig, "
                "maar het maximum is %(maximum)s."
            )
            % {"aantal": len(provincies), "nodig": alleen_provincies, "maximum": eisen.maximum}
        )
    if alleen_themas and alleen_themas > eisen.maximum:
        problemen.append(
            _(
                "Om %(vereist)s thema's te dekken zijn minstens %(nodig)s koplopers nodig, "
                "maar het maximum is %(maximum)s."
            )
            % {"vereist": vereist_themas, "nodig": alleen_themas, "maximum": eisen.maximum}
        )
    if problemen:
        return problemen
    samen = minimaal(True, True)
    if samen is not None and samen > eisen.maximum:
        problemen.append(
            _(
                "Om tegelijk alle %(aantal)s provincies en %(vereist)s thema's te dekken zijn minstens %(nodig)s "
                "koplopers nodig, maar het maximum is %(maximum)s."
            )
            % {"aantal": len(provincies), "vereist": vereist_themas, "nodig": samen, "maximum": eisen.maximum}
        )
    if not problemen:
        problemen.append(_("De eisen en de vastgezette keuzes zijn samen niet te halen."))
    return problemen


def _score_tekst(kandidaat: Kandidaat) -> str:
    return "–" if kandidaat.score is None else cijfer(kandidaat.score)


def voorstel_berekenen(
    kandidaten: Sequence[Kandidaat],
    eisen: Eisen,
    *,
    vast_in: Iterable[Hashable] = (),
    vast_uit: Iterable[Hashable] = (),
) -> Voorstel:
    """The best selection meeting all constraints and pins, with an explanation per candidate.

    Pass the candidates in ranking order: among equally good selections the better-ranked win.
    """
    begin = time.perf_counter()
    kandidaten = list(kandidaten)
    sleutels = {k.sleutel for k in kandidaten}
    vast_in = set(vast_in) & sleutels
    vast_uit = set(vast_uit) & sleutels
    if vast_in & vast_uit:
        raise ValueError("een kandidaat kan niet tegelijk vastgezet en uitgesloten zijn")
    provincies = vereiste_provincies(kandidaten, eisen)
    themas = alle_themas(kandidaten)
    vereist_themas = vereist_aantal_themas(kandidaten, eisen)

    gekozen_indices = _los_op(
        kandidaten,
        eisen,
        vast_in,
        vast_uit,
        provincies=provincies,
        themas=themas,
        vereist_themas=vereist_themas,
    )
    if gekozen_indices is None:
        problemen = _problemen(kandidaten, eisen, vast_in, vast_uit, provincies, themas, vereist_themas)
        return Voorstel(haalbaar=False, problemen=tuple(problemen), rekentijd=time.perf_counter() - begin)

    gekozen = [kandidaten[i] for i in gekozen_indices]
    keuzes = _uitleggen(kandidaten, gekozen, vast_in, vast_uit, provincies, vereist_themas)
    return Voorstel(
        haalbaar=True,
        gekozen=tuple(k.sleutel for k in gekozen),
        totaal=sum(k.score or 0.0 for k in gekozen),
        keuzes=keuzes,
        controle=selectie_controleren(kandidaten, [k.sleutel for k in gekozen], eisen),
        rekentijd=time.perf_counter() - begin,
    )


def _uitleggen(
    kandidaten: Sequence[Kandidaat],
    gekozen: Sequence[Kandidaat],
    vast_in: set,
    vast_uit: set,
    provincies: Sequence[str],
    vereist_themas: int,
) -> dict[Hashable, Keuze]:
    """Per candidate why it is in or out of the proposal (see the module docstring)."""
    gekozen_sleutels = {k.sleutel for k in gekozen}
    # Place by score (1 = best) among the candidates not pinned out; equal scores share a place.
    beschikbaar = [k for k in kandidaten if k.sleutel not in vast_uit]
    op_score = sorted(beschikbaar, key=lambda k: -_eenheden(k))
    plaats = {}
    for positie, kandidaat in enumerate(op_score, start=1):
        vorige = op_score[positie - 2] if positie > 1 else None
        if vorige is not None and _eenheden(vorige) == _eenheden(kandidaat):
            plaats[kandidaat.sleutel] = plaats[vorige.sleutel]
        else:
            plaats[kandidaat.sleutel] = positie
    grens = _eenheden(op_score[len(gekozen) - 1]) if gekozen and len(op_score) >= len(gekozen) else None

    def in_top(kandidaat: Kandidaat) -> bool:
        return grens is not None and kandidaat.score is not None and _eenheden(kandidaat) >= grens

    dekking_provincie: dict[str, list] = {p: [] for p in provincies}
    dekking_thema: dict[str, list] = {}
    for kandidaat in gekozen:
        for provincie in kandidaat.provincies:
            if provincie in dekking_provincie:
                dekking_provincie[provincie].append(kandidaat.sleutel)
        for thema in kandidaat.themas:
            dekking_thema.setdefault(thema, []).append(kandidaat.sleutel)
    themas_bindend = vereist_themas and len(dekking_thema) <= vereist_themas

    def dekt(kandidaat: Kandidaat) -> tuple[list[str], list[str]]:
        eigen_provincies = sorted(p for p in kandidaat.provincies if dekking_provincie.get(p) == [kandidaat.sleutel])
        eigen_themas = (
            sorted(t for t in kandidaat.themas if dekking_thema.get(t) == [kandidaat.sleutel]) if themas_bindend else []
        )
        return eigen_provincies, eigen_themas

    def dekkingstekst(eigen_provincies: list[str], eigen_themas: list[str]) -> str:
        delen = []
        if eigen_provincies:
            delen.append(_("%(provincies)s te dekken") % {"provincies": opsomming(eigen_provincies)})
        if eigen_themas:
            delen.append(
                ngettext("het thema %(themas)s te dekken", "de thema's %(themas)s te dekken", len(eigen_themas))
                % {"themas": opsomming(eigen_themas)}
            )
        return opsomming(delen)

    verdringers_provincies: list[str] = []
    verdringers_themas: list[str] = []
    keuzes: dict[Hashable, Keuze] = {}
    for kandidaat in kandidaten:
        sleutel = kandidaat.sleutel
        if sleutel in vast_uit:
            keuzes[sleutel] = Keuze(sleutel, False, _("Uitgesloten door het programmabureau."))
        elif sleutel in vast_in:
            keuzes[sleutel] = Keuze(sleutel, True, _("Vastgezet door het programmabureau."))
        elif sleutel in gekozen_sleutels and in_top(kandidaat):
            keuzes[sleutel] = Keuze(
                sleutel,
                True,
                _("Hoogste score: plaats %(plaats)s (%(score)s).")
                % {"plaats": plaats[sleutel], "score": _score_tekst(kandidaat)},
            )
        elif sleutel in gekozen_sleutels:
            eigen_provincies, eigen_themas = dekt(kandidaat)
            verdringers_provincies.extend(eigen_provincies)
            verdringers_themas.extend(eigen_themas)
            if eigen_provincies or eigen_themas:
                uitleg = _("Gekozen om %(dekking)s (score %(score)s, plaats %(plaats)s).") % {
                    "dekking": dekkingstekst(eigen_provincies, eigen_themas),
                    "score": _score_tekst(kandidaat),
                    "plaats": plaats[sleutel],
                }
            else:
                uitleg = _(
                    "Gekozen omdat de combinatie met de andere keuzes het hoogste totaal geeft dat aan alle eisen "
                    "voldoet (score %(score)s, plaats %(plaats)s)."
                ) % {"score": _score_tekst(kandidaat), "plaats": plaats[sleutel]}
            keuzes[sleutel] = Keuze(sleutel, True, uitleg)
    for kandidaat in kandidaten:
        sleutel = kandidaat.sleutel
        if sleutel in keuzes:
            continue
        if kandidaat.score is None:
            uitleg = _("Niet gekozen: nog geen score.")
        elif in_top(kandidaat):
            dekking = dekkingstekst(sorted(set(verdringers_provincies)), sorted(set(verdringers_themas)))
            if dekking:
                uitleg = _("Niet gekozen ondanks plaats %(plaats)s (%(score)s): de plaats is nodig om %(dekking)s.") % {
                    "plaats": plaats[sleutel],
                    "score": _score_tekst(kandidaat),
                    "dekking": dekking,
                }
            else:
                uitleg = _(
                    "Niet gekozen ondanks plaats %(plaats)s (%(score)s): een andere combinatie voldoet aan alle "
                    "eisen met een hoger totaal."
                ) % {"plaats": plaats[sleutel], "score": _score_tekst(kandidaat)}
        else:
            uitleg = _("Niet gekozen: lagere score (plaats %(plaats)s, %(score)s).") % {
                "plaats": plaats[sleutel],
                "score": _score_tekst(kandidaat),
            }
        keuzes[sleutel] = Keuze(sleutel, False, uitleg)
    return {k.sleutel: keuzes[k.sleutel] for k in kandidaten}
