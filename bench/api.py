"""Benchmark of the open-data API's list endpoints (issue 15). Not part of the test run.

    .venv/bin/python bench/api.py                 # ± 1 minute
    .venv/bin/python bench/api.py --keer 5 --geen-resultaat   # a quick try, writes nothing

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Drops and recreates its OWN database
``koplopers_bench_api`` (no other database is touched), migrates, loads the reference data (342
municipalities, the known koplopers, rounds, knowledge items) and tops up to at least 113 published koplopers
with synthetic ones (``bench/_data.py``, marked as benchmark data). Then, in this process through Django's
test client (middleware included, rate limit off), each list endpoint ``--keer`` times: p50/p90 of the whole
request in ms and its number of SQL queries. Writes ``bench/results/api.md`` (unless ``--geen-resultaat``).
"""

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _meten import database_opnieuw, log, samenvatting  # noqa: E402

BASIS = Path(__file__).resolve().parent.parent
DATABASE = "koplopers_bench_api"
RESULTAAT = BASIS / "bench" / "results" / "api.md"

URLS = [
    "/api/v1/koplopers?per_pagina=25",
    "/api/v1/koplopers?per_pagina=100",
    "/api/v1/koplopers?q=mantelzorg",
    "/api/v1/koplopers.csv",
    "/api/v1/gemeenten?per_pagina=100",
    "/api/v1/gemeenten.geojson",
    "/api/v1/rondes",
    "/api/v1/kennisbank?per_pagina=100",
    "/api/v1/etalage",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=30, help="requests per endpoint (default 30)")
    parser.add_argument("--geen-resultaat", action="store_true", help="write no results file")
    args = parser.parse_args()

    os.chdir(BASIS)
    sys.path.insert(0, str(BASIS))
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "koplopers.settings.test"
    os.environ["API_TEMPOLIMIET"] = "0"
    database_opnieuw(DATABASE)

    import django

    django.setup()
    from _data import top_up
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.API_TEMPOLIMIET = 0
    settings.ALLOWED_HOSTS = ["*"]
    log("migreren en referentiedata laden")
    call_command("migrate", verbosity=0)
    call_command("laad_referentiedata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    log(f"{top_up(113)} synthetische koplopers toegevoegd")

    client = Client()
    rijen = []
    for url in URLS:
        cache.clear()  # cold: the query count of a first request; warm: what a repeat costs
        # The query log is a deque of at most 9,000 entries, full after loading the data: a capture would
        # then measure a length that no longer changes (0 queries). Empty it first.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as koud:
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        tijden = []
        for _ in range(args.keer):
            begin = time.perf_counter()
            client.get(url)
            tijden.append((time.perf_counter() - begin) * 1000)
        cijfers = samenvatting(tijden)
        aantal = f"{len(koud.captured_queries)} / {len(queries.captured_queries)}"
        rijen.append((url, cijfers["p50"], cijfers["p90"], aantal, len(response.content)))
        log(f"{url}: p50 {cijfers['p50']:.1f} ms, queries koud/warm {aantal}")

    tabel = [
        "| URL | p50 (ms) | p90 (ms) | queries koud / warm | bytes |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[f"| `{url}` | {p50:.1f} | {p90:.1f} | {q} | {grootte} |" for url, p50, p90, q, grootte in rijen],
    ]
    print("\n".join(tabel))
    if not args.geen_resultaat:
        RESULTAAT.write_text(
            f"# Open-data API (bench/api.py), {datetime.now():%Y-%m-%d %H:%M}\n\n"
            f"PostgreSQL, Django test client in one process, {args.keer} requests per URL after a warm-up, "
            "rate limit off, 342 municipalities, ≥ 113 published koplopers.\n\n" + "\n".join(tabel) + "\n"
        )


if __name__ == "__main__":
    main()
