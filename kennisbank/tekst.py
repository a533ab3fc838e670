"""Text helpers: accent folding and plain text from rich text (the portal search's analyser, the
search index and the API use them)."""

import re
import unicodedata
from functools import lru_cache
from html import unescape

from django.utils.html import strip_tags


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


def platte_tekst(html: str) -> str:
    """Readable plain text from sanitised rich text (tags removed, entities decoded, spaces tidied)."""
    tekst = re.sub(r"<(?:/p|br\s*/?|/li)>", "\n", html or "", flags=re.IGNORECASE)
    tekst = unescape(strip_tags(tekst))
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", tekst)).strip()
