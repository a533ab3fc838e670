"""The portal search: one query over koplopers, knowledge items, showcase articles and pages.

Documents that have every concept of the query rank first (by bm25 on SQLite's FTS5, by ``ts_rank``
on PostgreSQL, titles weighing most), then documents that have some of them, so a query with one
known word never gives an empty page. When nothing is found, a misspelt word is replaced by the
nearest word of the index ("Bedoelde u …?") and the search runs once more.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Zoekdocument
from ..tekst import normaliseer
from .analyse import STOPWOORDEN, Woordenschat, stam
from .index import woordenschat
from .vraag import Zoekvraag, ontleed

MAX_RESULTATEN = 1000
FRAGMENT = 240
WOORD = re.compile(r"\w+", re.UNICODE)
# Ranked ids; ``filters`` adds only fixed conditions with placeholders (see ``_filters_sql``).
POSTGRES_SQL = (
    "SELECT d.id, d.soort, d.sleutel FROM kennisbank_zoekdocument d, to_tsquery('simple', %s) q "
    "WHERE d.zoekvector @@ q{filters} ORDER BY ts_rank(d.zoekvector, q) DESC, d.titel LIMIT %s"
)
SQLITE_SQL = (
    "SELECT d.id, d.soort, d.sleutel FROM kennisbank_zoekfts f JOIN kennisbank_zoekdocument d ON d.id = f.rowid "
    "WHERE kennisbank_zoekfts MATCH %s{filters} ORDER BY bm25(kennisbank_zoekfts, 10.0, 2.0, 1.0), d.titel LIMIT %s"
)


@dataclass
class Treffer:
    document: Zoekdocument
    kop_html: SafeString
    fragment_html: SafeString


@dataclass
class Zoekresultaat:
    zoekterm: str
    vraag: Zoekvraag
    ids: list[int] = field(default_factory=list)  # every hit, best first
    soorten: dict[int, str] = field(default_factory=dict)
    sleutels: dict[int, str] = field(default_factory=dict)  # "kennisitem:12"
    alle_woorden: int = 0  # how many of ``ids`` have every concept
    bedoeld: str = ""  # "Bedoelde u …?"
    verbeterd: bool = False  # the results are those of ``bedoeld``

    def aantallen(self) -> dict[str, int]:
        tellingen = dict.fromkeys(Zoekdocument.Soort.values, 0)
        for soort in self.soorten.values():
            tellingen[soort] += 1
        return tellingen

    def van_soort(self, soort: str | None) -> list[int]:
        if not soort:
            return self.ids
        return [pk for pk in self.ids if self.soorten[pk] == soort]


# --- Running the query -----------------------------------------------------------------------------


def _filters_sql(soort: str | None, provincie: str | None, kenmerk: str | None) -> tuple[str, list]:
    sql, parameters = "", []
    if soort:
        sql += " AND d.soort = %s"
        parameters.append(soort)
    if provincie:
        sql += " AND d.provincie = %s"
        parameters.append(provincie)
    if kenmerk:
        sql += " AND d.kenmerk = %s"
        parameters.append(kenmerk)
    return sql, parameters


def _treffers(vraag: Zoekvraag, *, alle: bool, verwant: bool, soort=None, provincie=None, kenmerk=None):
    """The ids, kinds and keys of the matching documents, best first."""
    filters, parameters = _filters_sql(soort, provincie, kenmerk)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                POSTGRES_SQL.format(filters=filters),
                [vraag.tsquery(alle=alle, verwant=verwant), *parameters, MAX_RESULTATEN],
            )
        else:
            cursor.execute(
                SQLITE_SQL.format(filters=filters),
                [vraag.fts5(alle=alle, verwant=verwant), *parameters, MAX_RESULTATEN],
            )
        return cursor.fetchall()


def _uitvoeren(vraag: Zoekvraag, resultaat: Zoekresultaat, **filters) -> None:
    """Three tiers, each ranked within: every concept as typed; every concept in some form (related
    forms too); some of the concepts."""
    resultaat.ids, resultaat.soorten, resultaat.sleutels = [], {}, {}
    heeft_verwant = any(a.verwant for b in vraag.begrippen for a in b.alternatieven)
    lagen = [(True, False)] + ([(True, True)] if heeft_verwant else [])
    if len(vraag.begrippen) > 1:
        lagen.append((False, True))
    for alle, verwant in lagen:
        for pk, soort, sleutel in _treffers(vraag, alle=alle, verwant=verwant, **filters):
            if pk not in resultaat.soorten and len(resultaat.ids) < MAX_RESULTATEN:
                resultaat.ids.append(pk)
                resultaat.soorten[pk] = soort
                resultaat.sleutels[pk] = sleutel
        if alle:
            resultaat.alle_woorden = len(resultaat.ids)


# --- "Bedoelde u …?" ----------------------------------------------------------------------------------


def _is_bekend(woord: str, schat: Woordenschat) -> bool:
    return woord in schat.woorden or stam(woord) in schat.stammen or bool(schat.verwant(woord))


def _dichtstbij(woord: str, schat: Woordenschat) -> str | None:
    if len(woord) < 4:
        return None
    per_lengte = schat.per_lengte()
    kandidaten = [w for lengte in range(len(woord) - 2, len(woord) + 3) for w in per_lengte.get(lengte, [])]
    beste = difflib.get_close_matches(woord, kandidaten, n=1, cutoff=0.8)
    return beste[0] if beste else None


def suggestie(zoekterm: str, schat: Woordenschat) -> str:
    """The query with each unknown word replaced by the nearest known one; empty if nothing changed."""
    veranderd = False

    def vervang(treffer: re.Match) -> str:
        nonlocal veranderd
        woord = normaliseer(treffer.group(0))
        if woord in STOPWOORDEN or woord.isdigit() or _is_bekend(woord, schat):
            return treffer.group(0)
        beter = _dichtstbij(woord, schat)
        if beter is None:
            return treffer.group(0)
        veranderd = True
        return beter

    voorstel = WOORD.sub(vervang, zoekterm)
    return voorstel if veranderd else ""


def zoeken(
    *, zoekterm: str, soort: str | None = None, provincie: str | None = None, kenmerk: str | None = None
) -> Zoekresultaat:
    """Search the portal; ``soort`` limits it to one kind (the knowledge base's own list uses that)."""
    filters = {"soort": soort, "provincie": provincie, "kenmerk": kenmerk}
    zoekterm = (zoekterm or "").strip()[:300]
    schat = woordenschat()
    vraag = ontleed(zoekterm, schat)
    resultaat = Zoekresultaat(zoekterm=zoekterm, vraag=vraag)
    if vraag.leeg:
        return resultaat
    _uitvoeren(vraag, resultaat, **filters)
    if resultaat.alle_woorden == 0 or not resultaat.ids:
        resultaat.bedoeld = suggestie(zoekterm, schat)
    if not resultaat.ids and resultaat.bedoeld:
        verbeterde_vraag = ontleed(resultaat.bedoeld, schat)
        _uitvoeren(verbeterde_vraag, resultaat, **filters)
        if resultaat.ids:
            resultaat.vraag, resultaat.verbeterd = verbeterde_vraag, True
    return resultaat


# --- Highlighting ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Markering:
    stammen: frozenset[str]
    voorvoegsels: tuple[str, ...]


def _markering(vraag: Zoekvraag) -> _Markering:
    stammen, voorvoegsels = set(), []
    for begrip in vraag.begrippen:
        for alternatief in begrip.alternatieven:
            if alternatief.soort == "voorvoegsel":
                voorvoegsels.append(alternatief.stammen[0])
            elif alternatief.soort in ("term", "frase"):
                stammen.update(alternatief.stammen)
    return _Markering(frozenset(stammen), tuple(voorvoegsels))


@lru_cache(maxsize=65536)
def _gevouwen_stam(woord: str) -> str:
    return stam(normaliseer(woord))


def _past(woord: str, markering: _Markering, schat: Woordenschat) -> bool:
    woordstam = _gevouwen_stam(woord)
    if woordstam in markering.stammen or woordstam.startswith(markering.voorvoegsels or ("\0",)):
        return True
    if len(woord) >= 7:
        return any(deel in markering.stammen for deel in schat.verwant(normaliseer(woord)))
    return False


def markeer(tekst: str, markering: _Markering, schat: Woordenschat, *, lengte: int | None = None) -> SafeString:
    """``tekst`` escaped, the words that match in ``<mark>``; with ``lengte`` a fragment around the
    first match that starts and ends on a word boundary."""
    tekst = tekst or ""
    stukken = []
    for treffer in WOORD.finditer(tekst):
        if lengte is not None and stukken and treffer.start() > stukken[0][0] + lengte:
            break  # beyond the fragment: no need to look further
        if _past(treffer.group(0), markering, schat):
            stukken.append((treffer.start(), treffer.end()))
    begin, einde = 0, len(tekst)
    if lengte is not None and len(tekst) > lengte:
        eerste = stukken[0][0] if stukken else 0
        begin = max(0, eerste - lengte // 4)
        if begin:
            volgende = re.compile(r"\s").search(tekst, begin)
            begin = volgende.end() if volgende and volgende.end() <= eerste else begin
        einde = min(len(tekst), begin + lengte)
        if einde < len(tekst):
            spatie = tekst.rfind(" ", begin, einde)
            einde = spatie if spatie > begin else einde
    delen, positie = [], begin
    for start, stop in stukken:
        if start < positie or stop > einde:
            continue
        delen += [escape(tekst[positie:start]), f"<mark>{escape(tekst[start:stop])}</mark>"]
        positie = stop
    delen.append(escape(tekst[positie:einde]))
    html = "".join(delen).replace("\n", " ")
    if begin > 0:
        html = "… " + html
    if einde < len(tekst):
        html += " …"
    return mark_safe(html)  # noqa: S308 (every piece of text was escaped above)


class Markeerder:
    """Highlights the words of one result's query in titles and snippets."""

    def __init__(self, resultaat: Zoekresultaat):
        self.markering, self.schat = _markering(resultaat.vraag), woordenschat()

    def kop_en_fragment(self, titel: str, tekst: str, *, lengte: int = FRAGMENT) -> tuple[SafeString, SafeString]:
        return (
            markeer(titel, self.markering, self.schat),
            markeer(tekst[:5000], self.markering, self.schat, lengte=lengte),
        )


def treffers_laden(resultaat: Zoekresultaat, ids: list[int]) -> list[Treffer]:
    """The documents of one page of results, in order, with their highlighted title and snippet."""
    documenten = Zoekdocument.objects.defer("termen_titel", "termen_tekst", "termen_extra", "woorden").in_bulk(ids)
    markeerder = Markeerder(resultaat)
    treffers = []
    for pk in ids:
        if pk in documenten:
            kop, fragment = markeerder.kop_en_fragment(documenten[pk].titel, documenten[pk].tekst)
            treffers.append(Treffer(document=documenten[pk], kop_html=kop, fragment_html=fragment))
    return treffers
