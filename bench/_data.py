"""Benchmark data and query counts, run in-process by ``bench/run.py`` as a subprocess.

    python bench/_data.py --min-koplopers 113 --profiel almere --uitvoer /tmp/x.json

Runs against whatever ``DATABASE_URL`` / ``DJANGO_SETTINGS_MODULE`` say (run.py points them at the
``koplopers_bench`` database with production settings). In order:

1. counts the SQL queries of every benchmarked page with the data the loaders left (the 28 known
   koplopers) — the "small" data set;
2. tops up to at least ``--min-koplopers`` published koplopers with synthetic ones, each clearly marked
   as benchmark data (name suffix "(benchmarkdata)", slug prefix ``benchmark-``, ``is_voorbeeldtekst``,
   the source field saying so), with example text, target groups, themes, rounds, contacts and links;
3. counts the queries again on the "large" data set. A page whose count differs has an N+1 problem.

Writes a JSON report to ``--uitvoer``.
"""

import argparse
import json
import os
import random
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koplopers.settings.production")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from gemeenten.models import Contactpersoon, Doelgroep, Gemeente, Koploper, Link, Thema  # noqa: E402
from selectie.models import Ronde  # noqa: E402

BENCH_SUFFIX = " (benchmarkdata)"
BENCH_SLUG_PREFIX = "benchmark-"
BENCH_BRON = "Synthetische benchmarkdata (bench/run.py): geen echte koploper, geen echte deelname."

ORGANISATIE = (
    "**Benchmarkdata, geen echte gegevens.** In {naam} kunnen inwoners voor onafhankelijke "
    "cliëntondersteuning terecht bij een professionele cliëntondersteuner van de welzijnsorganisatie en bij "
    "een pool van vrijwillige ervaringsdeskundigen. Het sociaal team wijst inwoners vóór het "
    "keukentafelgesprek op deze mogelijkheid, schriftelijk en mondeling.\n\n"
    "De cliëntondersteuners werken wijkgericht en hebben korte lijnen met de huisartsen, de "
    "wijkverpleging en de schuldhulpverlening."
)
AMBITIES = (
    "- Iedere inwoner van {naam} weet dat cliëntondersteuning bestaat en gratis is.\n"
    "- Ervaringsdeskundigen worden structureel betrokken bij beleid en uitvoering.\n"
    "- Cliëntondersteuning is ook beschikbaar bij vragen over werk, inkomen en onderwijs."
)
ACTIES = (
    "Samen met de adviesraad sociaal domein organiseren we voorlichtingsbijeenkomsten in de wijken, "
    "we trainen de medewerkers van het sociaal team en we meten elk jaar de ervaringen van cliënten.\n\n"
    "1. Voorlichting in bibliotheek en buurthuis.\n2. Scholing ervaringsdeskundigen.\n"
    "3. Jaarlijkse cliëntervaringsmeting."
)


def pages(profiel_slug: str) -> dict[str, str]:
    return {
        "lijst": "/gemeenten/",
        "profiel": f"/gemeenten/{profiel_slug}/",
        "kaart": "/gemeenten/kaart/",
        "geojson": "/gemeenten/kaart.geojson",
    }


def count_queries(profiel_slug: str) -> dict:
    """Request every page twice through the test client and count its SQL queries.

    ``queries`` is the first request (the cache cold for this data version), ``queries_warm`` the
    second (what nearly every request under load costs when a page caches per data version).
    """
    cache.clear()  # the first request of each page is a cold one, also when the database is reused
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    uitkomst = {}
    for naam, pad in pages(profiel_slug).items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(pad)
        with CaptureQueriesContext(connection) as queries_warm:
            client.get(pad)
        regel = {"pad": pad, "status": response.status_code, "queries": len(queries), "queries_warm": len(queries_warm)}
        if naam == "geojson" and response.status_code == 200:
            try:
                regel["features"] = len(json.loads(response.content)["features"])
            except (ValueError, KeyError, TypeError):
                regel["features"] = None
        uitkomst[naam] = regel
    return uitkomst


@transaction.atomic
def top_up(minimum: int, seed: int = 2026) -> int:
    """Add synthetic published koplopers until there are at least ``minimum``. Idempotent."""
    bestaand = Koploper.objects.gepubliceerd().count()
    nodig = max(0, minimum - bestaand)
    if not nodig:
        return 0
    vrij = list(
        Gemeente.objects.filter(koploper__isnull=True, regios__isnull=True).select_related("provincie").order_by("code")
    )
    rng = random.Random(seed)
    gekozen = sorted(rng.sample(vrij, min(nodig, len(vrij))), key=lambda g: g.code)
    doelgroepen = list(Doelgroep.objects.order_by("naam"))
    themas = list(Thema.objects.order_by("naam"))
    rondes = list(Ronde.objects.order_by("jaar", "naam"))
    for gemeente in gekozen:
        naam = gemeente.toon_naam
        koploper = Koploper(
            naam=f"{naam}{BENCH_SUFFIX}",
            slug=f"{BENCH_SLUG_PREFIX}{gemeente.slug}",
            soort=Koploper.Soort.GEMEENTE,
            gemeente=gemeente,
            provincie=gemeente.provincie,
            deelname_volgens_bron=BENCH_BRON,
            organisatie=ORGANISATIE.format(naam=naam),
            ambities=AMBITIES.format(naam=naam),
            acties=ACTIES.format(naam=naam),
            is_voorbeeldtekst=True,
            gepubliceerd=True,
        )
        koploper.full_clean()
        koploper.save()
        koploper.doelgroepen.set(rng.sample(doelgroepen, min(len(doelgroepen), rng.randint(2, 3))))
        koploper.themas.set(rng.sample(themas, min(len(themas), rng.randint(1, 3))))
        koploper.rondes.set(rng.sample(rondes, min(len(rondes), rng.randint(1, 2))))
        Contactpersoon.objects.create(
            koploper=koploper,
            naam="Benchmark Contactpersoon",
            functie="Beleidsadviseur sociaal domein (benchmarkdata)",
            email=f"{gemeente.slug}@benchmark.example",
            telefoon="14 0000",
            toestemming_publicatie=True,
            volgorde=1,
        )
        Contactpersoon.objects.create(
            koploper=koploper,
            naam="Niet-openbare Contactpersoon",
            functie="Cliëntondersteuner (benchmarkdata)",
            email=f"intern.{gemeente.slug}@benchmark.example",
            toestemming_publicatie=False,
            volgorde=2,
        )
        Link.objects.create(koploper=koploper, titel="Website (benchmarkdata)", url="https://example.org/", volgorde=1)
        Link.objects.create(
            koploper=koploper, titel="Cliëntondersteuning (benchmarkdata)", url="https://example.org/cos", volgorde=2
        )
    return len(gekozen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-koplopers", type=int, default=113)
    parser.add_argument("--profiel", default="almere", help="slug of the profile to benchmark")
    parser.add_argument("--uitvoer", required=True, help="where to write the JSON report")
    args = parser.parse_args()

    klein = {"koplopers": Koploper.objects.gepubliceerd().count(), "pagina": count_queries(args.profiel)}
    toegevoegd = top_up(args.min_koplopers)
    groot = {"koplopers": Koploper.objects.gepubliceerd().count(), "pagina": count_queries(args.profiel)}
    rapport = {
        "gemeenten": Gemeente.objects.count(),
        "gemeenten_met_grens": Gemeente.objects.filter(geometrie__isnull=False).count(),
        "koplopers_gepubliceerd": groot["koplopers"],
        "koplopers_benchmarkdata": Koploper.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).count(),
        "koplopers_toegevoegd": toegevoegd,
        "profiel": args.profiel,
        "queries": {"klein": klein, "groot": groot},
    }
    Path(args.uitvoer).write_text(json.dumps(rapport, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
