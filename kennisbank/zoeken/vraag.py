"""What a visitor typed, as concepts to find, for both databases.

Habits people have: ``"cliënt ondersteunen"`` for a phrase, ``-jeugd`` to leave out, ``wmo OR wlz``
(also ``OF``) for either. Every other word is a concept of its own; a result that has all concepts
ranks above one that has some, and the words themselves rank above related forms. Each concept is
found through alternatives: the word's stem, its synonyms, and as related forms longer words that
start with it, its compound parts (all of them) and its agent-noun base.
The parts are compiled into an FTS5 query (SQLite) and a ``to_tsquery`` string (PostgreSQL) that
mean the same; every token is ``[a-z0-9]+``, so neither can be broken by what was typed.
"""

import re
from dataclasses import dataclass, field

from .analyse import (
    STOPWOORDEN,
    Woordenschat,
    basisvorm,
    inhoudswoorden,
    stam,
    synoniemgroepen,
    verwante_stammen,
    woorden,
)

MAX_BEGRIPPEN = 10
MIN_VOORVOEGSEL = 5  # shorter stems are not searched as prefixes ("wet" must not find "wethouder")
STUK = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Alternatief:
    stammen: tuple[str, ...]
    soort: str  # "term", "voorvoegsel", "frase" (in this order) or "alle" (anywhere in the document)
    verwant: bool = False  # a related form (prefix, compound parts, agent-noun base): ranks below the word

    def fts5(self) -> str:
        if self.soort == "voorvoegsel":
            return f'"{self.stammen[0]}"*'
        if self.soort == "alle":
            return "(" + " AND ".join(f'"{s}"' for s in self.stammen) + ")"
        return '"' + " ".join(self.stammen) + '"'

    def tsquery(self) -> str:
        if self.soort == "voorvoegsel":
            return f"'{self.stammen[0]}':*"
        if len(self.stammen) == 1:
            return f"'{self.stammen[0]}'"
        verbinding = " <-> " if self.soort == "frase" else " & "
        return "(" + verbinding.join(f"'{s}'" for s in self.stammen) + ")"


@dataclass
class Begrip:
    woorden: list[str]  # as typed, folded: for highlighting and suggestions
    alternatieven: list[Alternatief] = field(default_factory=list)

    def toevoegen(self, alternatief: Alternatief) -> None:
        if alternatief.stammen and all(alternatief.stammen) and alternatief not in self.alternatieven:
            self.alternatieven.append(alternatief)

    def _gekozen(self, verwant: bool) -> list[Alternatief]:
        return [a for a in self.alternatieven if verwant or not a.verwant]

    def fts5(self, verwant: bool = True) -> str:
        return "(" + " OR ".join(a.fts5() for a in self._gekozen(verwant)) + ")"

    def tsquery(self, verwant: bool = True) -> str:
        return "(" + " | ".join(a.tsquery() for a in self._gekozen(verwant)) + ")"


@dataclass
class Zoekvraag:
    begrippen: list[Begrip]
    uitgesloten: list[Begrip]

    @property
    def leeg(self) -> bool:
        return not self.begrippen

    def woorden(self) -> list[str]:
        return [woord for begrip in self.begrippen for woord in begrip.woorden]

    def fts5(self, *, alle: bool = True, verwant: bool = True) -> str:
        vraag = (" AND " if alle else " OR ").join(b.fts5(verwant) for b in self.begrippen)
        if self.uitgesloten:
            vraag = f"({vraag}) NOT (" + " OR ".join(b.fts5() for b in self.uitgesloten) + ")"
        return vraag

    def tsquery(self, *, alle: bool = True, verwant: bool = True) -> str:
        vraag = (" & " if alle else " | ").join(b.tsquery(verwant) for b in self.begrippen)
        if self.uitgesloten:
            vraag = f"({vraag}) & !(" + " | ".join(b.tsquery() for b in self.uitgesloten) + ")"
        return vraag


def _woordbegrip(woord: str, woordenschat: Woordenschat) -> Begrip:
    begrip = Begrip(woorden=[woord])
    eigen = stam(woord)
    begrip.toevoegen(Alternatief((eigen,), "term"))
    if len(eigen) >= MIN_VOORVOEGSEL and not eigen.isdigit():
        begrip.toevoegen(Alternatief((eigen,), "voorvoegsel", verwant=True))
    verwant = verwante_stammen(woord, woordenschat)
    if len(verwant) > 1 and len(woord) >= 7:
        begrip.toevoegen(Alternatief(tuple(verwant), "alle", verwant=True))
    basis = basisvorm(eigen, woordenschat)
    if basis:  # an agent noun's base ("mantelzorger" → "mantelzorg") stands for the word on its own
        begrip.toevoegen(Alternatief((basis,), "term", verwant=True))
    return begrip


def _frasebegrip(tekst: str) -> Begrip | None:
    stammen = tuple(stam(woord) for woord in inhoudswoorden(tekst))
    if not stammen:
        return None
    begrip = Begrip(woorden=list(inhoudswoorden(tekst)))
    begrip.toevoegen(Alternatief(stammen, "frase" if len(stammen) > 1 else "term"))
    return begrip


def _synoniemen_toepassen(begrippen: list[Begrip]) -> list[Begrip]:
    """A synonym group's form in the query ("wet langdurige zorg", "wlz") becomes one concept that
    any form of the group satisfies."""
    for groep in synoniemgroepen():
        for vorm in sorted(groep, key=len, reverse=True):
            for start in range(len(begrippen) - len(vorm) + 1):
                reeks = begrippen[start : start + len(vorm)]
                if any(len(b.woorden) != 1 for b in reeks):
                    continue
                if tuple(stam(b.woorden[0]) for b in reeks) != vorm:
                    continue
                samen = Begrip(woorden=[w for b in reeks for w in b.woorden])
                if len(reeks) == 1:
                    for alternatief in reeks[0].alternatieven:
                        samen.toevoegen(alternatief)
                for andere in groep:
                    samen.toevoegen(Alternatief(andere, "frase" if len(andere) > 1 else "term"))
                begrippen = begrippen[:start] + [samen] + begrippen[start + len(vorm) :]
                break
    return begrippen


def ontleed(zoekterm: str, woordenschat: Woordenschat) -> Zoekvraag:
    """The concepts of a query, at most ``MAX_BEGRIPPEN`` of them."""
    begrippen: list[Begrip] = []
    uitgesloten: list[Begrip] = []
    of_volgt = False
    for treffer in STUK.finditer((zoekterm or "")[:300]):
        minteken, frase, los = treffer.groups()
        if los is not None and los in ("OR", "OF", "|"):
            of_volgt = bool(begrippen)
            continue
        if frase is not None:
            nieuw = _frasebegrip(frase)
            uitsluiten = bool(minteken)
        else:
            uitsluiten = los.startswith("-") and len(los) > 1
            nieuw = None
            woordenlijst = [w for w in woorden(los.lstrip("-")) if w not in STOPWOORDEN]
            if len(woordenlijst) == 1:
                nieuw = _woordbegrip(woordenlijst[0], woordenschat)
            elif woordenlijst:  # "e-mail", "wmo-raad": the parts as a phrase
                nieuw = _frasebegrip(" ".join(woordenlijst))
        if nieuw is None:
            continue
        if uitsluiten:
            uitgesloten.append(nieuw)
        elif of_volgt:
            vorige = begrippen[-1]
            vorige.woorden.extend(nieuw.woorden)
            for alternatief in nieuw.alternatieven:
                vorige.toevoegen(alternatief)
        else:
            begrippen.append(nieuw)
        of_volgt = False
    begrippen = _synoniemen_toepassen(begrippen)
    return Zoekvraag(begrippen=begrippen[:MAX_BEGRIPPEN], uitgesloten=uitgesloten[:MAX_BEGRIPPEN])
