"""The result of a self-test, computed from the answers alone (no database): a level per criterion."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .vragen import ANTWOORD_PER_WAARDE, CRITERIA, HOOGSTE_PUNTEN, NIVEAUS, ONBEKEND, Criterium, Vraag

NIVEAU_LABELS = {code: label for code, label, _ondergrens in NIVEAUS} | {ONBEKEND: _("onbekend")}


@dataclass
class Vraaguitslag:
    vraag: Vraag
    antwoord: str  # the label of the answer
    punten: int | None


@dataclass
class Criteriumuitslag:
    criterium: Criterium
    vragen: list[Vraaguitslag]
    procent: int | None  # average points as a share of the highest, None when nothing was answered
    niveau: str

    @property
    def niveau_label(self) -> str:
        return NIVEAU_LABELS[self.niveau]

    @property
    def sterkte(self) -> str:
        return self.criterium.sterkte.get(self.niveau, "")

    @property
    def volgende_stap(self) -> str:
        if self.niveau == ONBEKEND:
            return _(
                "Zoek samen uit hoe het hiermee staat: vraag het de beleidsmedewerker, de adviesraad of de "
                "cliëntondersteuners zelf."
            )
        return self.criterium.volgende_stap[self.niveau]


def niveau_bij(gemiddelde: float | None) -> str:
    if gemiddelde is None:
        return ONBEKEND
    gekozen = NIVEAUS[0][0]
    for code, _label, ondergrens in NIVEAUS:
        if gemiddelde >= ondergrens:
            gekozen = code
    return gekozen


def is_compleet(antwoorden: dict, criterium: Criterium) -> bool:
    return all(antwoorden.get(vraag.code) in ANTWOORD_PER_WAARDE for vraag in criterium.vragen)


def eerste_onvolledige_stap(antwoorden: dict) -> int | None:
    for criterium in CRITERIA:
        if not is_compleet(antwoorden, criterium):
            return criterium.nummer
    return None


def uitslag_berekenen(antwoorden: dict) -> list[Criteriumuitslag]:
    """One result per criterion; unknown or missing answers count as "weet ik niet"."""
    uitslagen = []
    for criterium in CRITERIA:
        vragen = []
        for vraag in criterium.vragen:
            antwoord = ANTWOORD_PER_WAARDE.get(antwoorden.get(vraag.code), ANTWOORD_PER_WAARDE["weet_niet"])
            vragen.append(Vraaguitslag(vraag=vraag, antwoord=antwoord.label, punten=antwoord.punten))
        punten = [v.punten for v in vragen if v.punten is not None]
        gemiddelde = sum(punten) / len(punten) if punten else None
        uitslagen.append(
            Criteriumuitslag(
                criterium=criterium,
                vragen=vragen,
                procent=round(100 * gemiddelde / HOOGSTE_PUNTEN) if gemiddelde is not None else None,
                niveau=niveau_bij(gemiddelde),
            )
        )
    return uitslagen


def antwoorden_opschonen(antwoorden) -> dict:
    """Only known question codes with known answers: whatever else a session or a record holds is dropped."""
    if not isinstance(antwoorden, dict):
        return {}
    codes = {vraag.code for criterium in CRITERIA for vraag in criterium.vragen}
    return {code: waarde for code, waarde in antwoorden.items() if code in codes and waarde in ANTWOORD_PER_WAARDE}


def grafieken(uitslagen: list[Criteriumuitslag]) -> dict:
    """The overview chart (a bar per criterion, in percent) and a chart per criterion (a bar per question)."""
    from ..grafieken import staafdiagram

    overzicht = staafdiagram(
        [(str(u.criterium.titel), u.procent or 0) for u in uitslagen],
        id="grafiek-zelftest",
        titel=_("Uw uitslag per onderdeel"),
        beschrijving=_("Staafdiagram: per onderdeel hoe ver uw gemeente is, in procenten van het hoogste antwoord."),
        kolomkop=_("Onderdeel"),
        waardekop=_("Score"),
        maximum=100,
        teksten=[f"{u.procent}%" if u.procent is not None else str(_("onbekend")) for u in uitslagen],
    )
    per_criterium = {
        u.criterium.slug: staafdiagram(
            [(str(v.vraag.kort), v.punten or 0) for v in u.vragen],
            id=f"grafiek-zelftest-{u.criterium.slug}",
            titel=_("Uw antwoorden: %(onderdeel)s") % {"onderdeel": u.criterium.titel},
            beschrijving=_("Staafdiagram: uw antwoord op elke vraag, van nog niet tot helemaal."),
            kolomkop=_("Vraag"),
            waardekop=_("Antwoord"),
            maximum=HOOGSTE_PUNTEN,
            teksten=[str(v.antwoord) for v in u.vragen],
        )
        for u in uitslagen
    }
    return {"overzicht": overzicht, "per_criterium": per_criterium}
