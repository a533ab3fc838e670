"""Writes for the reference data and the historical record of koplopers."""

import csv
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from selectie.models import Ronde

from .models import Doelgroep, Gemeente, Koploper, Provincie, Thema

DATA_DIR = Path(__file__).resolve().parent / "data"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

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

# The rounds as the public sources describe them (DOMAIN.md, "Rounds").
RONDES = [
    {
        "slug": "koplopers-i-2017",
        "naam": "Koplopers I (2017)",
        "jaar": 2017,
        "sluit_op": None,
        "toelichting": "Eerste ronde: 14 koplopers gekozen uit een longlist; start eind september 2017, "
        "slotbijeenkomst voorjaar 2018.",
    },
    {
        "slug": "koplopers-ii-2019",
        "naam": "Koplopers II – oproep 2019",
        "jaar": 2019,
        "sluit_op": datetime(2019, 10, 24, 23, 59, tzinfo=AMSTERDAM),
        "toelichting": "Oproep van Koplopers II die sloot op 24 oktober 2019.",
    },
    {
        "slug": "koplopers-ii-2020",
        "naam": "Koplopers II – oproep 2020",
        "jaar": 2020,
        "sluit_op": datetime(2020, 3, 13, 23, 59, tzinfo=AMSTERDAM),
        "toelichting": "Oproep van Koplopers II die sloot op 13 maart 2020.",
    },
    {
        "slug": "koplopers-ii-2021",
        "naam": "Koplopers II – oproep 2021",
        "jaar": 2021,
        "sluit_op": datetime(2021, 2, 7, 23, 59, tzinfo=AMSTERDAM),
        "toelichting": "Laatste oproep van Koplopers II, die sloot op 7 februari 2021.",
    },
]

# What the source's round text means, where it names a round we know.
RONDE_VOLGENS_BRON = {
    "2017 eerste ronde": "koplopers-i-2017",
    "ronde 2020-2021": "koplopers-ii-2020",
}

# Regions in the historical record: their province is known, their member municipalities are not.
REGIO_PROVINCIE = {"Oosterschelderegio": "PV29", "Regio Twente": "PV23"}

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


def _lees_geojson(naam: str) -> dict:
    with (DATA_DIR / naam).open(encoding="utf-8") as bestand:
        return {feature["properties"]["statcode"]: feature["geometry"] for feature in json.load(bestand)["features"]}


def _vocabulaire_laden(model, namen: list[str], verslag: Laadverslag) -> None:
    for naam in namen:
        _, nieuw = model.objects.update_or_create(slug=slugify(naam), defaults={"naam": naam})
        verslag.tel(model._meta.model_name, nieuw)


@transaction.atomic
def referentiedata_laden() -> Laadverslag:
    """Load provinces, municipalities, vocabularies and rounds. Idempotent: run twice, same rows."""
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
    for ronde in RONDES:
        _, nieuw = Ronde.objects.update_or_create(
            slug=ronde["slug"],
            defaults={**{k: v for k, v in ronde.items() if k != "slug"}, "status": Ronde.Status.GEPUBLICEERD},
        )
        verslag.tel("ronde", nieuw)
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
    """Import the koplopers named in public sources, with their round and source. Idempotent."""
    verslag = Laadverslag()
    gemeenten = {}
    for gemeente in Gemeente.objects.all():
        gemeenten[gemeente.naam] = gemeente
        gemeenten[gemeente.toon_naam] = gemeente
    rondes = {ronde.slug: ronde for ronde in Ronde.objects.all()}
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
        for sleutel, ronde_slug in RONDE_VOLGENS_BRON.items():
            if periode.startswith(sleutel):
                koploper.rondes.add(rondes[ronde_slug])
        koploper.doelgroepen.add(*[doelgroepen[n] for n in DOELGROEPEN_VOLGENS_BRON.get(naam, [])])
        koploper.themas.add(*[themas[n] for n in THEMAS_VOLGENS_BRON.get(naam, [])])
    return verslag
