"""Dutch text analysis for the portal search, the same on SQLite and PostgreSQL.

Both databases index and query the *output* of this module, so stemming, compounds and synonyms
behave identically on the embedded default and in production:

- words are folded (lower case, no diacritics: "Cliënt" → "client") and split on anything that is
  not a letter or digit; a short list of Dutch function words is left out;
- each word is stemmed with the Dutch Snowball stemmer (the classic Porter-style algorithm, the one
  PostgreSQL's ``dutch`` configuration uses);
- compounds are related to their parts: "mantelzorgondersteuning" also yields "mantelzorg" and
  "ondersteun", checked against a vocabulary (the portal's own words plus ``woorden.txt``);
- agent nouns are related to their base: "mantelzorgers" also yields "mantelzorg";
- the field's synonyms and abbreviations (``synoniemen.txt``) are added to each other.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from ..tekst import normaliseer

MAP = Path(__file__).resolve().parent
TOKEN = re.compile(r"[a-z0-9]+")
MIN_DEEL = 3  # the shortest part of a compound
MIN_SAMENSTELLING = 7  # words shorter than this are not split
TUSSENKLANKEN = ("s", "e", "en")  # linking sounds: "ondersteuning-s-plan", "klant-en-contact"

STOPWOORDEN = frozenset(
    """aan al alle als bij dan dat de den der des deze die dit door dus een en er had heb hebben heeft het
    hier hij hoe hun ik in is je kan kunnen maar me meer men met mij mijn na naar niet nog nu of om omdat
    ons onze ook op over te tegen toe tot u uit uw van veel voor want was wat we wel werd wie wij wil
    worden wordt zal ze zelf zich zij zijn zo zoals zonder""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=65536)
def stam(woord: str) -> str:
    """The Dutch stem of a folded word ("gemeenten" → "gemeent")."""
    if woord.isdigit() or len(woord) < 3:
        return woord
    return _stemmer().stemWord(woord)


def woorden(tekst: str) -> list[str]:
    """The folded words of ``tekst`` in order, function words included."""
    return TOKEN.findall(normaliseer(tekst))


def inhoudswoorden(tekst: str) -> list[str]:
    """The folded words of ``tekst`` in order, without function words."""
    return [woord for woord in woorden(tekst) if woord not in STOPWOORDEN]


# --- Vocabulary, compounds, agent nouns ----------------------------------------------------------


def _regels(naam: str) -> list[str]:
    regels = (MAP / naam).read_text(encoding="utf-8").splitlines()
    return [regel.strip() for regel in regels if regel.strip() and not regel.startswith("#")]


@lru_cache(maxsize=1)
def basiswoorden() -> frozenset[str]:
    return frozenset(normaliseer(regel) for regel in _regels("woorden.txt"))


@dataclass(frozen=True)
class Woordenschat:
    """The words compounds may be split into: folded words and their stems."""

    woorden: frozenset[str] = field(default_factory=frozenset)
    stammen: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def uit(cls, alle_woorden) -> "Woordenschat":
        bruikbaar = {woord for woord in alle_woorden if len(woord) >= MIN_DEEL + 1 and not woord.isdigit()}
        bruikbaar -= STOPWOORDEN
        bruikbaar |= basiswoorden()
        return cls(frozenset(bruikbaar), frozenset(stam(woord) for woord in bruikbaar))

    def met(self, nieuwe_woorden) -> "Woordenschat":
        """This vocabulary with ``nieuwe_woorden`` added (itself if they are all known)."""
        nieuw = {w for w in nieuwe_woorden if len(w) >= MIN_DEEL + 1 and not w.isdigit()} - STOPWOORDEN - self.woorden
        if not nieuw:
            return self
        return Woordenschat(self.woorden | nieuw, self.stammen | {stam(woord) for woord in nieuw})

    def verwant(self, woord: str) -> list[str]:
        """``verwante_stammen(woord, self)``, remembered for this vocabulary."""
        onthouden = self.__dict__.get("_verwant")
        if onthouden is None:
            onthouden = {}
            object.__setattr__(self, "_verwant", onthouden)
        if woord not in onthouden:
            if len(onthouden) > 100_000:
                onthouden.clear()
            onthouden[woord] = verwante_stammen(woord, self)
        return onthouden[woord]

    def __getstate__(self):
        # Only the words travel through the cache; what is remembered is rebuilt per process.
        return {"woorden": self.woorden, "stammen": self.stammen}

    def __setstate__(self, staat):
        object.__setattr__(self, "woorden", staat["woorden"])
        object.__setattr__(self, "stammen", staat["stammen"])

    def per_lengte(self) -> dict[int, list[str]]:
        """The words by length, for finding the nearest spelling of a misspelt word (computed once)."""
        if "_per_lengte" not in self.__dict__:
            per_lengte: dict[int, list[str]] = {}
            for woord in sorted(self.woorden):
                per_lengte.setdefault(len(woord), []).append(woord)
            object.__setattr__(self, "_per_lengte", per_lengte)
        return self.__dict__["_per_lengte"]

    def kent(self, deel: str) -> bool:
        return len(deel) >= MIN_DEEL + 1 and (deel in self.woorden or deel in self.stammen)


def _kent_links(deel: str, woordenschat: Woordenschat) -> str | None:
    """The left part of a compound as a known word, possibly after dropping a linking sound."""
    if woordenschat.kent(deel):
        return deel
    for klank in TUSSENKLANKEN:
        if deel.endswith(klank) and woordenschat.kent(deel[: -len(klank)]):
            return deel[: -len(klank)]
    return None


def delen(woord: str, woordenschat: Woordenschat, *, diepte: int = 2) -> list[str]:
    """The parts of a compound, longest known head first ("clientondersteuningsbeleid" → "client",
    "ondersteuning", "beleid"); an empty list for a word that is not a compound of known words."""
    if len(woord) < MIN_SAMENSTELLING or diepte == 0:
        return []
    for splitsing in range(len(woord) - MIN_DEEL - 1, MIN_DEEL, -1):
        links, rechts = woord[:splitsing], woord[splitsing:]
        if len(rechts) < MIN_DEEL + 1:
            continue
        bekend_links = _kent_links(links, woordenschat)
        if bekend_links is None:
            continue
        if woordenschat.kent(rechts):
            return [bekend_links, rechts]
        verder = delen(rechts, woordenschat, diepte=diepte - 1)
        if verder:
            return [bekend_links, *verder]
    return []


def basisvorm(woordstam: str, woordenschat: Woordenschat) -> str | None:
    """An agent noun's base: "mantelzorger" → "mantelzorg", "ondersteuner" → "ondersteun"."""
    for achtervoegsel in ("ster", "er"):
        if woordstam.endswith(achtervoegsel):
            basis = woordstam[: -len(achtervoegsel)]
            if len(basis) >= 5 and basis in woordenschat.stammen:
                return basis
    return None


def verwante_stammen(woord: str, woordenschat: Woordenschat) -> list[str]:
    """Stems related to a folded word other than its own: its compound parts and agent-noun base."""
    eigen = stam(woord)
    verwant = []
    for deel in delen(woord, woordenschat):
        deelstam = stam(deel)
        if deelstam != eigen and deelstam not in verwant:
            verwant.append(deelstam)
    for kandidaat in [eigen, *verwant]:
        basis = basisvorm(kandidaat, woordenschat)
        if basis and basis != eigen and basis not in verwant:
            verwant.append(basis)
    return verwant


# --- Synonyms ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def synoniemgroepen() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each group as its forms, each form as a tuple of stems (function words left out)."""
    groepen = []
    for regel in _regels("synoniemen.txt"):
        vormen = []
        for vorm in regel.split("|"):
            stammen = tuple(stam(woord) for woord in inhoudswoorden(vorm))
            if stammen and stammen not in vormen:
                vormen.append(stammen)
        if len(vormen) > 1:
            groepen.append(tuple(vormen))
    return tuple(groepen)


def _bevat(reeks: list[str], deel: tuple[str, ...]) -> bool:
    lengte = len(deel)
    return any(tuple(reeks[i : i + lengte]) == deel for i in range(len(reeks) - lengte + 1))


def synoniemen_in(stammen: list[str]) -> list[tuple[str, ...]]:
    """The forms of every synonym group that the stem sequence mentions, other than those it contains."""
    aanwezig = set(stammen)
    toevoegen = []
    for groep in synoniemgroepen():
        if any(set(vorm) <= aanwezig and _bevat(stammen, vorm) for vorm in groep):
            toevoegen.extend(vorm for vorm in groep if not _bevat(stammen, vorm))
    return toevoegen


# --- Whole documents ----------------------------------------------------------------------------


@dataclass
class Analyse:
    titel: str  # stems of the title, in order
    tekst: str  # stems of the body, in order (phrases match here)
    extra: str  # compound parts, agent-noun bases and synonyms (a lower weight)
    woorden: str  # the distinct folded words, for suggestions of misspelt queries


def analyseer(*, titel: str, tekst: str, woordenschat: Woordenschat) -> Analyse:
    titelwoorden, tekstwoorden = inhoudswoorden(titel), inhoudswoorden(tekst)
    titelstammen = [stam(woord) for woord in titelwoorden]
    tekststammen = [stam(woord) for woord in tekstwoorden]
    extra: list[str] = []
    gezien: set[str] = set()
    for woord in dict.fromkeys(titelwoorden + tekstwoorden):
        for verwant in woordenschat.verwant(woord):
            if verwant not in gezien:
                gezien.add(verwant)
                extra.append(verwant)
    for vorm in synoniemen_in(titelstammen + [""] + tekststammen + [""] + extra):
        extra.extend(vorm)
    alle = dict.fromkeys(woord for woord in titelwoorden + tekstwoorden if not woord.isdigit())
    return Analyse(
        titel=" ".join(titelstammen),
        tekst=" ".join(tekststammen),
        extra=" ".join(extra),
        woorden=" ".join(alle),
    )
