"""Benchmark of the portal search (issue 12) on both databases. Not part of the test run.

    .venv/bin/python bench/zoeken.py                       # 2,000 and 20,000 items, SQLite and PostgreSQL
    .venv/bin/python bench/zoeken.py --items 500 --databases sqlite --geen-resultaat   # a quick try

Per database and size, in a fresh process: a fresh database (SQLite: a temporary file; PostgreSQL: its OWN
database ``koplopers_bench_zoeken`` on 127.0.0.1:5432, dropped and created, nothing else touched), migrate,
reference data and the seeded knowledge items, then synthetic items (marked as benchmark data) written
in bulk; then ``zoekindex_bouwen`` is timed (the indexing time: analysis in Python and the database's
index), and the whole request ``GET /zoeken/?q=…`` and ``GET /kennisbank/?q=…`` through Django's test
client for varied Dutch queries (words, plurals, diaeresis, compounds, abbreviations, misspellings,
several words, phrases). Target (issue 12): p50 < 30 ms at 20,000 items on PostgreSQL.

Writes ``bench/results/zoeken.md`` (unless ``--geen-resultaat``).
"""

import argparse
import json
import os
import random
import runpy
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _meten import database_opnieuw, log, samenvatting  # noqa: E402

BASIS = Path(__file__).resolve().parent.parent
DATABASE = "koplopers_bench_zoeken"
RESULTAAT = BASIS / "bench" / "results" / "zoeken.md"

VRAGEN = [
    "cliëntondersteuning", "clientondersteuners", "ervaringsdeskundigen", "adviesraden", "wijkteam",
    "mantelzorger", "ondersteuner", "schuldhulp", "keukentafelgesprek", "dementie", "statushouders",
    "Wlz", "wet langdurige zorg", "pgb", "Wmo", "jeugd -wmo", '"sociaal team"', "wmo OR wlz",
    "mantelzroger", "ervaringsdeskundgen", "cliëntondersteuning bekender maken bij inwoners",
    "hoe betrek ik inwoners", "vrijwilligers scholen", "ouderen thuis", "Almere", "Enschede",
]  # fmt: skip


def _items(aantal: int) -> None:
    """Synthetic items in bulk, with the texts of ``bench/kennisbank.py`` (bulk_create sends no signals:
    the indexing is timed separately, by ``alles_indexeren``)."""
    from django.utils.text import slugify

    from kennisbank.models import Kennisitem, Uitgever
    from kennisbank.tekst import platte_tekst

    teksten = runpy.run_path(str(BASIS / "bench" / "kennisbank.py"))
    onderwerpen, werkwoorden, zinnen_bron = teksten["ONDERWERPEN"], teksten["WERKWOORDEN"], teksten["ZINNEN"]

    kans = random.Random(6)  # noqa: S311 (fixed seed: the same data every run)
    uitgevers = list(Uitgever.objects.all())
    soorten = [waarde for waarde, _ in Kennisitem.Soort.choices if waarde not in ("video", "link")]
    items = []
    for nummer in range(aantal):
        eigen = kans.sample(onderwerpen, k=3)
        zinnen = [
            kans.choice(zinnen_bron).format(a=kans.choice(eigen), b=kans.choice(eigen), w=kans.choice(werkwoorden))
            for _ in range(kans.randint(10, 30))
        ]
        inhoud = "".join("<p>" + " ".join(zinnen[i : i + 5]) + "</p>" for i in range(0, len(zinnen), 5))
        soort = kans.choice(soorten)
        samenvatting_tekst = f"Benchmarkdata, geen echt kennisproduct. {zinnen[0]}"
        items.append(
            Kennisitem(
                titel=f"{soort.capitalize()} over {eigen[0]} {nummer} (benchmarkdata)",
                slug=f"benchmark-{nummer}-{slugify(eigen[0])}"[:250],
                soort=soort,
                samenvatting=samenvatting_tekst,
                inhoud=inhoud,
                platte_tekst=samenvatting_tekst + "\n" + platte_tekst(inhoud),
                uitgever=kans.choice(uitgevers),
                jaar=kans.randint(2015, 2022),
            )
        )
    Kennisitem.objects.bulk_create(items, batch_size=1000)


def een_meting(database: str, aantal: int, rondes: int) -> dict:
    """Runs in its own process: one database, one size."""
    sys.path.insert(0, str(BASIS))
    if database == "postgres":
        database_opnieuw(DATABASE)
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    else:
        bestand = Path(tempfile.mkdtemp()) / "zoeken.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{bestand}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "koplopers.settings.test"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kennisbank.models import Kennisitem, Zoekdocument
    from kennisbank.zoeken.index import alles_indexeren

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    call_command("laad_referentiedata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    _items(aantal)
    begin = time.perf_counter()
    alles_indexeren()
    indexeren = time.perf_counter() - begin
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE kennisbank_zoekdocument")
    client = Client()
    for vraag in VRAGEN:  # warm up
        client.get("/zoeken/", {"q": vraag})
        client.get("/kennisbank/", {"q": vraag})
    resultaat = {"database": database, "items": Kennisitem.objects.count(), "documenten": Zoekdocument.objects.count()}
    resultaat["indexeren_s"] = indexeren
    for pad in ("/zoeken/", "/kennisbank/"):
        tijden = []
        for _ in range(rondes):
            for vraag in VRAGEN:
                start = time.perf_counter()
                antwoord = client.get(pad, {"q": vraag})
                tijden.append((time.perf_counter() - start) * 1000)
                assert antwoord.status_code == 200, (pad, vraag)
        with CaptureQueriesContext(connection) as queries:
            client.get(pad, {"q": "cliëntondersteuning bekender maken"})
        resultaat[pad] = {**samenvatting(tijden), "p95": sorted(tijden)[int(0.95 * len(tijden)) - 1]}
        resultaat[pad]["queries"] = len(queries)
    return resultaat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--rondes", type=int, default=4)
    parser.add_argument("--een", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--geen-resultaat", action="store_true")
    opties = parser.parse_args()
    if opties.een:
        print(json.dumps(een_meting(opties.een[0], int(opties.een[1]), opties.rondes)))
        return 0

    belasting = os.getloadavg()[0]
    metingen = []
    for database in opties.databases:
        for aantal in opties.items:
            log(f"{database}, {aantal} items")
            uit = subprocess.run(
                [sys.executable, __file__, "--een", database, str(aantal), "--rondes", str(opties.rondes)],
                capture_output=True,
                text=True,
                check=True,
            )
            metingen.append(json.loads(uit.stdout.strip().splitlines()[-1]))
            log(str(metingen[-1]))
    regels = [
        "# Benchmark: zoeken op het portaal (issue 12)",
        "",
        f"Gemeten op {datetime.now():%Y-%m-%d %H:%M} met `bench/zoeken.py`; Django test client in één proces "
        f"(geen gunicorn), {len(VRAGEN)} zoekvragen × {opties.rondes}; load average bij de start {belasting:.1f} "
        "op 2 cores. Doel: p50 < 30 ms bij 20.000 items op PostgreSQL.",
        "",
        "| database | kennisitems | documenten in de index | indexeren | request | p50 | p95 | max | queries |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for meting in metingen:
        for pad in ("/zoeken/", "/kennisbank/"):
            cijfers = meting[pad]
            regels.append(
                f"| {meting['database']} | {meting['items']} | {meting['documenten']} | {meting['indexeren_s']:.1f} s "
                f"| `{pad}?q=…` | {cijfers['p50']:.1f} ms | {cijfers['p95']:.1f} ms | {cijfers['max']:.1f} ms "
                f"| {cijfers['queries']} |"
            )
    tekst = "\n".join(regels) + "\n"
    print(tekst)
    if not opties.geen_resultaat:
        RESULTAAT.write_text(tekst, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
