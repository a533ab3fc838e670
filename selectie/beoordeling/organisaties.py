"""Matching organisation names, for automatic conflicts of interest. Pure functions.

A reviewer has an automatic conflict with a candidate when, for any *submitted* nomination of it:

1. the reviewer is the person who submitted it (``Voordracht.indiener``);
2. the reviewer's own organisation (``User.organisatie``, free text) is the nominating organisation or a
   co-nominator (``MedeIndiener``), compared after :func:`normaliseren`; or
3. the organisation the reviewer assesses for (VNG, Ieder(in), Koepel ASD) is named in the nominating
   organisation or a co-nominator: one of its :data:`ALIASSEN` occurs as whole words in the normalised
   name ("VNG", "Vereniging van Nederlandse Gemeenten"; "Ieder(in)", "Iederin"; "Koepel Adviesraden
   Sociaal Domein", "Koepel ASD", "Koepel Adviesraden").

Normalising: lower case, accents removed, "(in)" joined to the word before it, every other character
that is not a letter or digit becomes a space, runs of spaces collapse. So "Ieder(in)", "IEDER(IN)" and
"iederin" are the same, and "VNG" does not match "Vangnet" (whole words only).
"""

import re
import unicodedata
from collections.abc import Iterable

ALIASSEN = {
    "vng": ("vng", "vereniging van nederlandse gemeenten"),
    "iederin": ("iederin", "ieder in"),
    "koepel_asd": ("koepel asd", "koepel adviesraden", "koepel adviesraden sociaal domein"),
}


def normaliseren(naam: str) -> str:
    tekst = unicodedata.normalize("NFKD", naam or "")
    tekst = "".join(teken for teken in tekst if not unicodedata.combining(teken)).lower()
    tekst = tekst.replace("(in)", "in")
    tekst = re.sub(r"[^a-z0-9]+", " ", tekst)
    return " ".join(tekst.split())


def noemt_organisatie(naam: str, organisatie: str) -> bool:
    """Whether the organisation name ``naam`` names the assessing organisation ``organisatie`` (a code)."""
    genormaliseerd = f" {normaliseren(naam)} "
    return any(f" {alias} " in genormaliseerd for alias in ALIASSEN.get(organisatie, ()))


def conflictreden(
    *,
    beoordelaar_id: int,
    eigen_organisatie: str,
    beoordelaar_organisatie: str,
    indieners: Iterable[int],
    organisaties: Iterable[str],
) -> str | None:
    """Which rule (see the module docstring) gives an automatic conflict, or ``None``.

    ``indieners`` are the user ids that submitted a nomination of the candidate, ``organisaties`` the
    nominating organisations and co-nominators.
    """
    if beoordelaar_id in set(indieners):
        return "indiener"
    organisaties = [naam for naam in organisaties if naam]
    eigen = normaliseren(eigen_organisatie)
    if eigen and any(normaliseren(naam) == eigen for naam in organisaties):
        return "eigen_organisatie"
    if beoordelaar_organisatie and any(noemt_organisatie(naam, beoordelaar_organisatie) for naam in organisaties):
        return "beoordelende_organisatie"
    return None
