"""Dutch alphabetical order.

Dutch lists put *'s-Gravenhage* under G and *'s-Hertogenbosch* under H: the elided article
(``'s-``, ``'t``) is skipped, accents are folded and case is ignored.
"""

import re
import unicodedata

_ELIDED_ARTICLE = re.compile(r"^'(s|t)[-\s]+", re.IGNORECASE)


def sorteersleutel(naam: str) -> str:
    """Return the key a Dutch reader sorts ``naam`` by."""
    kern = _ELIDED_ARTICLE.sub("", naam.strip())
    gevouwen = unicodedata.normalize("NFKD", kern)
    gevouwen = "".join(teken for teken in gevouwen if not unicodedata.combining(teken))
    return gevouwen.casefold()


def beginletter(naam: str) -> str:
    """The letter of the A–Z index under which ``naam`` is listed."""
    sleutel = sorteersleutel(naam)
    eerste = sleutel[:1].upper()
    return eerste if eerste.isalpha() else "#"
