"""Writes for the reference data and the historical record of koplopers."""

import csv
import difflib
import io
import json
import re
import uuid
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from koplopers.bestanden import MAX_AFBEELDING_PIXELS
from koplopers.opmaak import normaliseer

from . import selectors
from .models import (
    Contactpersoon,
    Doelgroep,
    Gemeente,
    Koploper,
    KoploperConcept,
    Link,
    Provincie,
    Thema,
    Versiereden,
    koploper_onderdelen,
    logo_pad,
    versie_wordt_vastgelegd,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

# Names people commonly use instead of the official CBS name.
WEERGAVENAMEN = {"GM0518": "Den Haag"}

# The managed vocabularies, seeded from DOMAIN.md and the public sources.
DOELGROEPEN = [
    "Ouderen",
    "Jeugd",
    "Licht verstandelijke beperking",
    "Dak- en thuislozen",
    "GGZ-cliënten",
    "Visueel gehandicapten",
]
THEMAS = ["Bekendheid", "Werk en inkomen", "Overgang Wmo–Wlz", "Inzet ervaringsdeskundigen"]

# Regions in the historical record: their province is known, their member municipalities are not.
REGIO_PROVINCIE = {"Oosterschelderegio": "PV29", "Regio Twente": "PV23"}

# Their member municipalities (CBS codes), so that a region is drawn on the map. The source names only the
# region; these are the 14 municipalities of the public body Regio Twente. The Oosterschelderegio's members
# are not established by the source ("niet vastgesteld"), so none are invented: it is listed, not drawn,
# until staff enter them in the admin. Only filled in while a region has no members yet (an edit wins).
REGIO_LEDEN = {
    "Regio Twente": [
        "GM0141",
        "GM0147",
        "GM1774",
        "GM0153",
        "GM0158",
        "GM0163",
        "GM0164",
        "GM1735",
        "GM0168",
        "GM0173",
        "GM1742",
        "GM0183",
        "GM1700",
        "GM0189",
    ],  # fmt: skip
}

# Target groups the source names for a koploper.
DOELGROEPEN_VOLGENS_BRON = {"Vught": ["GGZ-cliënten", "Visueel gehandicapten"]}
THEMAS_VOLGENS_BRON = {"Almere": ["Inzet ervaringsdeskundigen"]}


@dataclass
class Laadverslag:
    aangemaakt: dict = field(default_factory=dict)
    bijgewerkt: dict = field(default_factory=dict)

    def tel(self, soort: str, nieuw: bool) -> None:
        teller = self.aangemaakt if nieuw else self.bijgewerkt
        teller[soort] = teller.get(soort, 0) + 1


def _publieke_versie_vergeten() -> None:
    cache.set(selectors.PUBLIEKE_VERSIE_GENERATIE, uuid.uuid4().hex, None)
    cache.delete(selectors.PUBLIEKE_VERSIE_SLEUTEL)


def publieke_versie_verhogen() -> None:
    """A write changed public data: draw a new data version, so every cache keyed on it is missed.

    Now (the writing request itself, and a test, see it) and again after the commit: a request in
    between may have computed the version from the data before the commit. Called by the receivers in
    ``gemeenten.signalen`` and by the kennisbank's services; cheap (two cache writes), no query.
    """
    _publieke_versie_vergeten()
    transaction.on_commit(_publieke_versie_vergeten)


def _lees_geojson(naam: str) -> dict:
    with (DATA_DIR / naam).open(encoding="utf-8") as bestand:
        return {feature["properties"]["statcode"]: feature["geometry"] for feature in json.load(bestand)["features"]}


def _vocabulaire_laden(model, namen: list[str], verslag: Laadverslag) -> None:
    for naam in namen:
        _, nieuw = model.objects.update_or_create(slug=slugify(naam), defaults={"naam": naam})
        verslag.tel(model._meta.model_name, nieuw)


@transaction.atomic
def referentiedata_laden() -> Laadverslag:
    """Load provinces, municipalities and vocabularies. Idempotent: run twice, same rows.

    The rounds are selection data: ``selectie.referentiedata`` loads them (after this and the koplopers).
    """
    verslag = Laadverslag()
    provincie_grenzen = _lees_geojson("provincie_2026.geojson")
    gemeente_grenzen = _lees_geojson("gemeente_2026.geojson")
    with (DATA_DIR / "gemeenten_2026.csv").open(encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))

    provincies = {}
    for rij in rijen:
        code = rij["provinciecode"]
        if code in provincies:
            continue
        provincies[code], nieuw = Provincie.objects.update_or_create(
            code=code,
            defaults={
                "naam": rij["provincienaam"],
                "slug": slugify(rij["provincienaam"]),
                "geometrie": provincie_grenzen.get(code),
            },
        )
        verslag.tel("provincie", nieuw)

    for rij in rijen:
        code = rij["gemeentecode"]
        weergavenaam = WEERGAVENAMEN.get(code, "")
        _, nieuw = Gemeente.objects.update_or_create(
            code=code,
            defaults={
                "naam": rij["gemeentenaam"],
                "weergavenaam": weergavenaam,
                "slug": slugify(weergavenaam or rij["gemeentenaam"]),
                "provincie": provincies[rij["provinciecode"]],
                "geometrie": gemeente_grenzen.get(code),
            },
        )
        verslag.tel("gemeente", nieuw)

    _vocabulaire_laden(Doelgroep, DOELGROEPEN, verslag)
    _vocabulaire_laden(Thema, THEMAS, verslag)
    return verslag


def _zoek_gemeente(naam: str, gemeenten: dict[str, Gemeente]) -> Gemeente:
    """Find a municipality by display name or official name; "Den Haag ('s-Gravenhage)" works too."""
    kandidaten = [naam, naam.split(" (")[0]]
    if "(" in naam:
        kandidaten.append(naam[naam.index("(") + 1 : naam.rindex(")")])
    for kandidaat in kandidaten:
        if kandidaat in gemeenten:
            return gemeenten[kandidaat]
    raise LookupError(naam)


@transaction.atomic
def koplopers_bekend_laden() -> Laadverslag:
    """Import the koplopers named in public sources, with what the source says about their round. Idempotent.

    ``deelname_volgens_bron`` keeps the source's words; ``selectie.referentiedata`` turns them into rounds.
    """
    verslag = Laadverslag()
    gemeenten = {}
    for gemeente in Gemeente.objects.all():
        gemeenten[gemeente.naam] = gemeente
        gemeenten[gemeente.toon_naam] = gemeente
    doelgroepen = {d.naam: d for d in Doelgroep.objects.all()}
    themas = {t.naam: t for t in Thema.objects.all()}
    provincies = {p.code: p for p in Provincie.objects.all()}

    with (DATA_DIR / "koplopers_bekend.csv").open(encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))

    vorige_periode = ""
    for rij in rijen:
        periode = vorige_periode if rij["ronde_of_periode"] == "idem" else rij["ronde_of_periode"]
        vorige_periode = periode
        if rij["type"] == "regio":
            naam = rij["naam"]
            defaults = {"naam": naam, "soort": Koploper.Soort.REGIO, "provincie": provincies[REGIO_PROVINCIE[naam]]}
        else:
            gemeente = _zoek_gemeente(rij["naam"], gemeenten)
            naam = gemeente.toon_naam
            defaults = {
                "naam": naam,
                "soort": Koploper.Soort.GEMEENTE,
                "gemeente": gemeente,
                "provincie": gemeente.provincie,
            }
        defaults.update({"deelname_volgens_bron": periode, "bron_url": rij["bron_url"]})
        koploper, nieuw = Koploper.objects.update_or_create(slug=slugify(naam), defaults=defaults)
        verslag.tel("koploper", nieuw)
        if naam in REGIO_LEDEN and not koploper.leden.exists():
            koploper.leden.set(Gemeente.objects.filter(code__in=REGIO_LEDEN[naam]))
        koploper.doelgroepen.add(*[doelgroepen[n] for n in DOELGROEPEN_VOLGENS_BRON.get(naam, [])])
        koploper.themas.add(*[themas[n] for n in THEMAS_VOLGENS_BRON.get(naam, [])])
    return verslag


# ---------------------------------------------------------------------------------------------------
# Profile editing: drafts, publishing, versions, uploads.
# ---------------------------------------------------------------------------------------------------

PROFIEL_TEKSTVELDEN = ["organisatie", "ambities", "acties"]
MAX_AFBEELDING_BYTES = 5 * 1024 * 1024
MAX_AFBEELDING_ZIJDE = 1200
TOEGESTANE_BEELDFORMATEN = {"PNG", "JPEG", "GIF", "WEBP"}


class VerouderdConcept(ValidationError):  # noqa: N818 (a ValidationError, shown in the form)
    """The profile changed after the form was opened."""


def _te_veel_pixels() -> ValidationError:
    return ValidationError(
        _(
            "De afbeelding is te groot: hoogstens %(max)s miljoen pixels (bijvoorbeeld 5000 bij 5000). "
            "Maak de afbeelding kleiner en probeer het opnieuw."
        ),
        code="te_veel_pixels",
        params={"max": MAX_AFBEELDING_PIXELS // 1_000_000},
    )


def afbeelding_controleren(bestand) -> "Image.Image":  # noqa: F821 (Pillow is imported where it is used)
    """Check by content that ``bestand`` is an image we accept; return it opened. Raises ValidationError.

    The size in pixels is read from the header (Pillow opens lazily) and checked before anything is
    decoded: a small file can describe a huge image (a decompression bomb).
    """
    from PIL import Image  # not at module level: a web worker need not load Pillow to start

    if bestand.size > MAX_AFBEELDING_BYTES:
        raise ValidationError(_("Het bestand is groter dan 5 MB. Kies een kleinere afbeelding."), code="te_groot")
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_IMAGE_PIXELS and raises above twice that: both are a refusal here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            bestand.seek(0)
            with Image.open(bestand) as proef:  # reads the header only
                _afmetingen_controleren(proef)
                proef.verify()
            bestand.seek(0)
            afbeelding = Image.open(bestand)
            _afmetingen_controleren(afbeelding)
            afbeelding.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as fout:
        raise _te_veel_pixels() from fout
    except (OSError, SyntaxError, ValueError) as fout:
        raise ValidationError(
            _("Dit bestand is geen afbeelding (of het is beschadigd). Kies een PNG-, JPEG-, GIF- of WebP-bestand."),
            code="geen_afbeelding",
        ) from fout
    return afbeelding


def _afmetingen_controleren(afbeelding: "Image.Image") -> None:  # noqa: F821
    """Format and pixel count of a lazily opened image, from its header (nothing decoded yet)."""
    if afbeelding.format not in TOEGESTANE_BEELDFORMATEN:
        raise ValidationError(
            _("Dit soort afbeelding wordt niet ondersteund. Gebruik PNG, JPEG, GIF of WebP."), code="formaat"
        )
    breedte, hoogte = afbeelding.size
    if breedte * hoogte > MAX_AFBEELDING_PIXELS:
        raise _te_veel_pixels()


def afbeelding_verwerken(bestand) -> ContentFile:
    """Check, resize (at most 1200 px) and re-encode an upload under a generated name; metadata is dropped."""
    from PIL import ImageOps

    afbeelding = afbeelding_controleren(bestand)
    afbeelding = ImageOps.exif_transpose(afbeelding)
    afbeelding.thumbnail((MAX_AFBEELDING_ZIJDE, MAX_AFBEELDING_ZIJDE))
    uitvoer = io.BytesIO()
    heeft_transparantie = afbeelding.mode in ("RGBA", "LA", "PA") or "transparency" in afbeelding.info
    if heeft_transparantie:
        afbeelding.convert("RGBA").save(uitvoer, format="PNG", optimize=True)
        extensie = "png"
    else:
        afbeelding.convert("RGB").save(uitvoer, format="JPEG", quality=85, optimize=True)
        extensie = "jpg"
    return ContentFile(uitvoer.getvalue(), name=f"{uuid.uuid4().hex}.{extensie}")


def koploper_gegevens(koploper: Koploper) -> dict:
    """The published state of ``koploper`` in the draft's format."""
    return {
        "organisatie": koploper.organisatie,
        "ambities": koploper.ambities,
        "acties": koploper.acties,
        "doelgroepen": sorted(d.pk for d in koploper.doelgroepen.all()),
        "themas": sorted(t.pk for t in koploper.themas.all()),
        **koploper_onderdelen(koploper),
        "logo": koploper.logo.name or "",
        "logo_alt": koploper.logo_alt,
    }


def versie_gegevens(versie) -> dict:
    """The state kept in one historical record (a version), in the draft's format."""
    gegevens = {
        "organisatie": versie.organisatie,
        "ambities": versie.ambities,
        "acties": versie.acties,
        "doelgroepen": sorted(rij.doelgroep_id for rij in versie.doelgroepen.all()),
        "themas": sorted(rij.thema_id for rij in versie.themas.all()),
        "logo": versie.logo or "",
        "logo_alt": versie.logo_alt,
    }
    for sleutel in ("links", "contactpersonen"):
        if sleutel in (versie.onderdelen or {}):
            gegevens[sleutel] = versie.onderdelen[sleutel]
    return gegevens


def bewerkingstoken(koploper: Koploper) -> str:
    """Identifies the state a form was based on: published version and draft version."""
    concept = KoploperConcept.objects.filter(koploper=koploper).only("versie").first()
    return f"{koploper.versie}.{concept.versie if concept else 0}"


def concept_of_gepubliceerd(koploper: Koploper) -> dict:
    """What an editor starts from: the draft if there is one, else the published profile."""
    concept = KoploperConcept.objects.filter(koploper=koploper).first()
    return dict(concept.gegevens) if concept else koploper_gegevens(koploper)


@transaction.atomic
def koploper_concept_opslaan(
    *,
    koploper: Koploper,
    gebruiker,
    gegevens: dict,
    basis: str,
    logo=None,
    logo_verwijderen: bool = False,
) -> KoploperConcept:
    """Save the draft of ``koploper``. ``basis`` is the ``bewerkingstoken`` the form was opened with.

    The answers are stored as typed (the source, see ``koplopers.opmaak``). Raises ``VerouderdConcept`` if
    the profile or its draft changed since.
    """
    koploper = Koploper.objects.select_for_update().get(pk=koploper.pk)
    if basis != bewerkingstoken(koploper):
        raise VerouderdConcept(
            _(
                "Iemand anders heeft dit profiel gewijzigd nadat u het opende. Uw invoer staat hieronder nog; "
                "bekijk de huidige versie en sla opnieuw op om die te vervangen."
            ),
            code="verouderd",
        )
    vorige = concept_of_gepubliceerd(koploper)
    nieuw = {
        **{veld: normaliseer(gegevens.get(veld, "")) for veld in PROFIEL_TEKSTVELDEN},
        "doelgroepen": sorted(int(pk) for pk in gegevens.get("doelgroepen", [])),
        "themas": sorted(int(pk) for pk in gegevens.get("themas", [])),
        "links": [{"titel": link["titel"], "url": link["url"]} for link in gegevens.get("links", [])],
        "contactpersonen": [
            {
                "naam": contact["naam"],
                "functie": contact.get("functie", ""),
                "email": contact.get("email", ""),
                "telefoon": contact.get("telefoon", ""),
                "toestemming_publicatie": bool(contact.get("toestemming_publicatie")),
            }
            for contact in gegevens.get("contactpersonen", [])
        ],
        "logo": vorige.get("logo", ""),
        "logo_alt": gegevens.get("logo_alt", ""),
    }
    if logo_verwijderen:
        nieuw["logo"] = ""
    if logo is not None:
        verwerkt = afbeelding_verwerken(logo)
        nieuw["logo"] = default_storage.save(logo_pad(None, verwerkt.name), verwerkt)
    concept, aangemaakt = KoploperConcept.objects.get_or_create(
        koploper=koploper, defaults={"gegevens": nieuw, "bijgewerkt_door": gebruiker}
    )
    if not aangemaakt:
        concept.gegevens = nieuw
        concept.versie += 1
        concept.bijgewerkt_door = gebruiker
    concept.full_clean()
    concept.save()
    return concept


def _gegevens_toepassen(koploper: Koploper, gegevens: dict) -> None:
    """Write ``gegevens`` to the published profile without recording history (the caller records one)."""
    for veld in PROFIEL_TEKSTVELDEN:
        setattr(koploper, veld, normaliseer(gegevens.get(veld, "")))
    koploper.logo.name = gegevens.get("logo", "") or ""
    koploper.logo_alt = gegevens.get("logo_alt", "")
    koploper.skip_history_when_saving = True
    token = versie_wordt_vastgelegd.set(True)
    try:
        koploper.doelgroepen.set(Doelgroep.objects.filter(pk__in=gegevens.get("doelgroepen", [])))
        koploper.themas.set(Thema.objects.filter(pk__in=gegevens.get("themas", [])))
        _onderdelen_toepassen(koploper, gegevens)
    finally:
        del koploper.skip_history_when_saving
        versie_wordt_vastgelegd.reset(token)


def _onderdelen_toepassen(koploper: Koploper, gegevens: dict) -> None:
    if "links" in gegevens:
        koploper.links.all().delete()
        for volgorde, link in enumerate(gegevens["links"]):
            nieuwe_link = Link(koploper=koploper, titel=link["titel"], url=link["url"], volgorde=volgorde)
            nieuwe_link.full_clean()
            nieuwe_link.save()
    if "contactpersonen" in gegevens:
        koploper.contactpersonen.all().delete()
        for volgorde, contact in enumerate(gegevens["contactpersonen"]):
            nieuw_contact = Contactpersoon(koploper=koploper, volgorde=volgorde, **contact)
            nieuw_contact.full_clean()
            nieuw_contact.save()


def _versie_vastleggen(koploper: Koploper, gebruiker, reden: str) -> None:
    """Save ``koploper`` as a new version: one historical record, with who and why."""
    koploper.versie += 1
    koploper._history_user = gebruiker
    koploper._change_reason = reden
    koploper.full_clean()
    koploper.save()


@transaction.atomic
def koploper_publiceren(*, koploper: Koploper, gebruiker) -> Koploper:
    """Publish the draft (if any) as a new version, and make the profile public."""
    koploper = Koploper.objects.select_for_update().get(pk=koploper.pk)
    concept = KoploperConcept.objects.filter(koploper=koploper).first()
    if concept is not None:
        gegevens = dict(concept.gegevens)
        if "contactpersonen" in gegevens:
            gegevens["contactpersonen"] = _zonder_ingetrokken_toestemming(
                gegevens["contactpersonen"], koploper_onderdelen(koploper)["contactpersonen"]
            )
        _gegevens_toepassen(koploper, gegevens)
        concept.delete()
    koploper.gepubliceerd = True
    _versie_vastleggen(koploper, gebruiker, Versiereden.PUBLICEREN)
    koploper_contactpersonen_uit_versies_verwijderen(koploper=koploper)
    return koploper


def _unieke_koploper_slug(naam: str) -> str:
    basis = slugify(naam)[:140] or "koploper"
    slug = basis
    volgnummer = 2
    while Koploper.objects.filter(slug=slug).exists():
        slug = f"{basis}-{volgnummer}"
        volgnummer += 1
    return slug


def _koploper_van_gemeenten(gemeenten: Sequence[Gemeente]) -> Koploper | None:
    """The existing koploper of one municipality, or the region koploper with exactly these members."""
    if len(gemeenten) == 1:
        return Koploper.objects.select_for_update().filter(gemeente=gemeenten[0]).first()
    leden = {g.pk for g in gemeenten}
    regios = (
        Koploper.objects.filter(soort=Koploper.Soort.REGIO, leden__in=gemeenten)
        .prefetch_related("leden")
        .distinct()
        .order_by("pk")
    )
    regio = next((regio for regio in regios if {g.pk for g in regio.leden.all()} == leden), None)
    return Koploper.objects.select_for_update().get(pk=regio.pk) if regio else None


@transaction.atomic
def koploper_uit_selectie_maken_of_bijwerken(
    *,
    gemeenten: Iterable[Gemeente],
    naam: str,
    door,
    reden: str = Versiereden.SELECTIE,
    doelgroepen: Iterable[Doelgroep] = (),
    themas: Iterable[Thema] = (),
) -> Koploper:
    """Make or update the published koploper of a selected municipality or region, as a new version.

    One municipality: the koploper of that municipality (``Koploper.gemeente``). Several: an existing
    region koploper with exactly these members, else a new region named ``naam`` with these members, in
    the province most of them lie in. The profile is made public, ``doelgroepen`` and ``themas`` are
    added, and one historical record is written with ``door`` and the change reason ``reden``, like every
    other published version. The round participation itself is selection data: selectie writes it.
    """
    gemeenten = sorted(gemeenten, key=lambda g: (g.sorteernaam, g.pk))
    if not gemeenten:
        raise ValidationError(_("Een koploper heeft minstens één gemeente."), code="geen_gemeenten")
    koploper = _koploper_van_gemeenten(gemeenten)
    nieuw = koploper is None
    if nieuw:
        if len(gemeenten) == 1:
            gemeente = gemeenten[0]
            koploper = Koploper(
                naam=gemeente.toon_naam,
                slug=_unieke_koploper_slug(gemeente.slug),
                soort=Koploper.Soort.GEMEENTE,
                gemeente=gemeente,
                provincie_id=gemeente.provincie_id,
            )
        else:
            provincie_id = Counter(g.provincie_id for g in gemeenten).most_common(1)[0][0]
            koploper = Koploper(
                naam=naam,
                slug=_unieke_koploper_slug(naam),
                soort=Koploper.Soort.REGIO,
                provincie_id=provincie_id,
            )
        koploper.full_clean()
    # The version is recorded once, below, with everything in it: the saves and list changes before it
    # write no history of their own.
    koploper.skip_history_when_saving = True
    try:
        koploper.save()
        if nieuw and koploper.soort == Koploper.Soort.REGIO:
            koploper.leden.set(gemeenten)
        koploper.doelgroepen.add(*doelgroepen)
        koploper.themas.add(*themas)
    finally:
        del koploper.skip_history_when_saving
    koploper.gepubliceerd = True
    _versie_vastleggen(koploper, door, reden)
    return koploper


@transaction.atomic
def koploper_depubliceren(*, koploper: Koploper, gebruiker) -> Koploper:
    """Take the profile off the public pages (programme staff); its content and versions stay."""
    koploper = Koploper.objects.select_for_update().get(pk=koploper.pk)
    koploper.gepubliceerd = False
    _versie_vastleggen(koploper, gebruiker, Versiereden.DEPUBLICEREN)
    return koploper


@transaction.atomic
def koploper_herstellen(*, koploper: Koploper, versie, gebruiker) -> Koploper:
    """Publish an earlier version again, as a new version. A draft, if any, stays (and becomes stale)."""
    koploper = Koploper.objects.select_for_update().get(pk=koploper.pk)
    if versie.id != koploper.pk:
        raise ValidationError(_("Deze versie hoort niet bij dit profiel."), code="andere_koploper")
    _gegevens_toepassen(koploper, versie_gegevens(versie))
    _versie_vastleggen(koploper, gebruiker, Versiereden.HERSTELLEN)
    koploper_contactpersonen_uit_versies_verwijderen(koploper=koploper)
    return koploper


# --- Contact persons removed from a profile leave no trace in its versions (privacy statement) ---------


def _contact_sleutels(contact: dict) -> set[tuple[str, str]]:
    """What identifies a person: their name, and their e-mail address if they have one (case-blind)."""
    sleutels = {("naam", " ".join((contact.get("naam") or "").split()).casefold())}
    if (contact.get("email") or "").strip():
        sleutels.add(("email", contact["email"].strip().casefold()))
    return sleutels


def _zonder_ingetrokken_toestemming(nieuw: list[dict], gepubliceerd: list[dict]) -> list[dict]:
    """``nieuw`` without the people who were public with consent and whose consent is now withdrawn.

    The privacy statement promises that a contact person's data is removed once they withdraw consent.
    """
    met_toestemming = set()
    for contact in gepubliceerd:
        if contact.get("toestemming_publicatie"):
            met_toestemming |= _contact_sleutels(contact)
    return [
        contact
        for contact in nieuw
        if contact.get("toestemming_publicatie") or not (_contact_sleutels(contact) & met_toestemming)
    ]


@transaction.atomic
def koploper_contactpersonen_uit_versies_verwijderen(*, koploper: Koploper) -> int:
    """Scrub from every version of ``koploper`` the contact persons no longer on its profile.

    A version keeps a copy of the contact persons (``onderdelen``); a person taken off the profile is
    removed from all those copies, so that neither the history pages nor restoring a version bring them
    back. A person counts as still on the profile if the name or the e-mail address matches. Returns the
    number of entries removed (0 when run again).
    """
    huidig = set()
    for contact in koploper.contactpersonen.all():
        huidig |= _contact_sleutels({"naam": contact.naam, "email": contact.email})
    verwijderd = 0
    for versie in koploper.history.select_for_update().only("history_id", "onderdelen"):
        onderdelen = dict(versie.onderdelen or {})
        contacten = onderdelen.get("contactpersonen") or []
        blijven = [contact for contact in contacten if _contact_sleutels(contact) & huidig]
        if len(blijven) != len(contacten):
            verwijderd += len(contacten) - len(blijven)
            onderdelen["contactpersonen"] = blijven
            type(versie).objects.filter(pk=versie.pk).update(onderdelen=onderdelen)
    return verwijderd


# --- Comparing versions (pure functions, used by the history and edit pages) ---------------------------


@dataclass
class Verschil:
    """One changed part of a profile: a text as word segments, or a list as added/removed entries."""

    label: str
    segmenten: list[tuple[str, str]] = field(default_factory=list)  # ("gelijk" | "weg" | "erbij", text)
    erbij: list[str] = field(default_factory=list)
    weg: list[str] = field(default_factory=list)

    @property
    def is_tekst(self) -> bool:
        return bool(self.segmenten)


def _platte_tekst(tekst: str) -> str:
    """The source of an answer, compared as people typed it (the markup is plain text too)."""
    return normaliseer(tekst)


def _woorden_vergelijken(oud: str, nieuw: str) -> list[tuple[str, str]]:
    oude_woorden, nieuwe_woorden = re.split(r"(\s+)", oud), re.split(r"(\s+)", nieuw)
    segmenten = []
    matcher = difflib.SequenceMatcher(a=oude_woorden, b=nieuwe_woorden, autojunk=False)
    for soort, a1, a2, b1, b2 in matcher.get_opcodes():
        if soort == "equal":
            segmenten.append(("gelijk", "".join(oude_woorden[a1:a2])))
            continue
        if a2 > a1:
            segmenten.append(("weg", "".join(oude_woorden[a1:a2])))
        if b2 > b1:
            segmenten.append(("erbij", "".join(nieuwe_woorden[b1:b2])))
    return segmenten


def _link_tekst(link: dict) -> str:
    return f"{link['titel']} ({link['url']})"


def _contact_tekst(contact: dict) -> str:
    delen = [contact.get(sleutel, "") for sleutel in ("naam", "functie", "email", "telefoon")]
    tekst = ", ".join(deel for deel in delen if deel)
    if not contact.get("toestemming_publicatie"):
        tekst += " – " + str(_("niet openbaar"))
    return tekst


def gegevens_vergelijken(oud: dict, nieuw: dict) -> list[Verschil]:
    """What changed between two states of a profile (in the draft's format), readable for people."""
    verschillen = []
    for veld in PROFIEL_TEKSTVELDEN:
        oude_tekst, nieuwe_tekst = _platte_tekst(oud.get(veld, "")), _platte_tekst(nieuw.get(veld, ""))
        if oude_tekst != nieuwe_tekst:
            label = str(Koploper._meta.get_field(veld).verbose_name)
            verschillen.append(Verschil(label=label, segmenten=_woorden_vergelijken(oude_tekst, nieuwe_tekst)))
    namen = {
        "doelgroepen": dict(Doelgroep.objects.values_list("pk", "naam")),
        "themas": dict(Thema.objects.values_list("pk", "naam")),
    }
    for veld, label in (("doelgroepen", _("doelgroepen")), ("themas", _("thema's"))):
        oude, nieuwe = set(oud.get(veld, [])), set(nieuw.get(veld, []))
        if oude != nieuwe:
            verschillen.append(
                Verschil(
                    label=str(label),
                    erbij=sorted(namen[veld].get(pk, "?") for pk in nieuwe - oude),
                    weg=sorted(namen[veld].get(pk, "?") for pk in oude - nieuwe),
                )
            )
    for veld, label, tekst in (
        ("links", _("links"), _link_tekst),
        ("contactpersonen", _("contactpersonen"), _contact_tekst),
    ):
        if veld not in oud or veld not in nieuw:
            continue
        oude, nieuwe = [tekst(x) for x in oud[veld]], [tekst(x) for x in nieuw[veld]]
        if oude != nieuwe:
            verschillen.append(
                Verschil(
                    label=str(label),
                    erbij=[regel for regel in nieuwe if regel not in oude],
                    weg=[regel for regel in oude if regel not in nieuwe],
                )
            )
    if (oud.get("logo") or "") != (nieuw.get("logo") or "") or oud.get("logo_alt", "") != nieuw.get("logo_alt", ""):
        verschillen.append(
            Verschil(
                label=str(_("logo of foto")),
                erbij=[str(_("nieuwe afbeelding: %(alt)s") % {"alt": nieuw.get("logo_alt") or "–"})]
                if nieuw.get("logo")
                else [],
                weg=[str(_("vorige afbeelding: %(alt)s") % {"alt": oud.get("logo_alt") or "–"})]
                if oud.get("logo")
                else [],
            )
        )
    return verschillen
