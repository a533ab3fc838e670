"""Text helpers for search: accent folding, plain text from rich text, highlighting in Python.

Used by the SQLite fallback of the search and to fill the derived search columns.
"""

import re
import unicodedata
from functools import lru_cache
from html import unescape

from django.utils.html import escape, strip_tags

WOORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _vouw_teken(teken: str) -> str:
    ontleed = unicodedata.normalize("NFKD", teken)
    return "".join(t for t in ontleed if not unicodedata.combining(t)).lower()


def normaliseer(tekst: str) -> str:
    """Lower case without diacritics: "Cliëntondersteuning" → "clientondersteuning"."""
    tekst = tekst or ""
    if tekst.isascii():
        return tekst.lower()
    return "".join(_vouw_teken(teken) for teken in tekst)


def zoekwoorden(zoekterm: str) -> list[str]:
    """The normalised words of a query, without duplicates, in order."""
    woorden = []
    for woord in WOORD.findall(normaliseer(zoekterm)):
        if woord not in woorden:
            woorden.append(woord)
    return woorden


def platte_tekst(html: str) -> str:
    """Readable plain text from sanitised rich text (tags removed, entities decoded, spaces tidied)."""
    tekst = re.sub(r"<(?:/p|br\s*/?|/li)>", "\n", html or "", flags=re.IGNORECASE)
    tekst = unescape(strip_tags(tekst))
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", tekst)).strip()


def markeer(tekst: str, woorden: list[str], *, lengte: int | None = None) -> str:
    """HTML-escaped ``tekst`` with every occurrence of ``woorden`` (accent-insensitive) in ``<mark>``.

    With ``lengte``, return a fragment of about that many characters around the first match.
    """
    tekst = tekst or ""
    if tekst.isascii():
        # Lower case only: every folded character sits where it came from.
        gevouwen_tekst, herkomst = tekst.lower(), range(len(tekst))
    else:
        # Fold character by character and remember where each folded character came from.
        gevouwen, herkomst = [], []
        for index, teken in enumerate(tekst):
            for deel in _vouw_teken(teken):
                gevouwen.append(deel)
                herkomst.append(index)
        gevouwen_tekst = "".join(gevouwen)
    stukken = []
    for woord in woorden:
        for treffer in re.finditer(re.escape(woord), gevouwen_tekst):
            stukken.append((herkomst[treffer.start()], herkomst[treffer.end() - 1] + 1))
    stukken.sort()
    begin, einde = 0, len(tekst)
    if lengte is not None and len(tekst) > lengte:
        eerste = stukken[0][0] if stukken else 0
        begin = max(0, eerste - lengte // 3)
        einde = min(len(tekst), begin + lengte)
    delen, positie = [], begin
    for start, stop in stukken:
        if start < positie or stop > einde:
            continue
        delen.append(escape(tekst[positie:start]))
        delen.append(f"<mark>{escape(tekst[start:stop])}</mark>")
        positie = stop
    delen.append(escape(tekst[positie:einde]))
    resultaat = "".join(delen)
    if begin > 0:
        resultaat = "… " + resultaat
    if einde < len(tekst):
        resultaat += " …"
    return resultaat
