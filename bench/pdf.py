"""Benchmark of the public PDFs (issue 11): what PDF requests cost the whole site, with and without cache.

    .venv/bin/python bench/pdf.py                    # ± 2 minutes
    .venv/bin/python bench/pdf.py --seconden 3 --geen-resultaat   # a quick try, writes nothing

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and ``redis-server`` on the PATH. Drops and
recreates its OWN database ``koplopers_bench_pdf`` (no other database is touched), migrates, loads the
reference and demo data, runs ``collectstatic``, then for each cache set-up starts gunicorn (production
settings, 2 sync workers, on a free loopback port) and measures from this process (which never imports
Django):

1. the home page alone (1 connection): its p50 on a quiet server;
2. PDF load: ``--verbindingen`` connections each asking for one PDF over and over (the factsheet and
   profile PDFs of different koplopers), and at the same time 1 connection on the home page: PDFs per
   second and the home page's p50 while the PDFs are being asked for.

The cache set-ups: ``dummycache://`` (nothing cached: every PDF rendered, as before issue 11), locmem
(per worker) and Redis (a PRIVATE redis-server on a free port, started and stopped here, through the
fail-open backend). Writes ``bench/results/pdf.md`` and ``bench/results/pdf-<date>.json``.
"""

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _load import Meting, _worker, drive, fetch, summarise  # noqa: E402
from _meten import database_opnieuw, log  # noqa: E402
from run import HOST, Gunicorn, bench_env, free_port, git_info, loadavg, manage  # noqa: E402

BASIS = Path(__file__).resolve().parent.parent
DATABASE = "koplopers_bench_pdf"
RESULTATEN = BASIS / "bench" / "results"


def _env(cache_url: str) -> dict:
    env = bench_env(cache_url)
    env["DATABASE_URL"] = f"postgres://postgres@{HOST}:5432/{DATABASE}"
    return env


def _pdf_paden(aantal: int) -> list[str]:
    verbinding = psycopg2.connect(host=HOST, port=5432, user="postgres", dbname=DATABASE)
    with verbinding.cursor() as cursor:
        cursor.execute("SELECT slug FROM gemeenten_koploper WHERE gepubliceerd ORDER BY slug LIMIT %s", [aantal])
        slugs = [rij[0] for rij in cursor.fetchall()]
    verbinding.close()
    return ["/factsheet.pdf"] + [f"/gemeenten/{slug}.pdf" for slug in slugs]


class PriveRedis:
    """A private redis-server on a free loopback port, without persistence; always stopped by ``stop``."""

    def __init__(self):
        self.poort = free_port()
        self.map = tempfile.mkdtemp(prefix="bench-pdf-redis-")
        self.proces = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.poort), "--bind", HOST, "--save", "", "--dir", self.map],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.poort}/0"

    def stop(self) -> None:
        self.proces.terminate()
        self.proces.wait(10)
        shutil.rmtree(self.map, ignore_errors=True)


def _pdf_load(port: int, paden: list[str], seconden: float) -> tuple[dict, dict]:
    """One connection per PDF path and one on the home page, all for ``seconden`` seconds."""
    pdf_metingen = [Meting() for _ in paden]
    home = Meting()
    deadline = time.perf_counter() + seconden
    draden = [
        threading.Thread(target=_worker, args=(HOST, port, pad, {}, deadline, 100_000, meting), daemon=True)
        for pad, meting in zip(paden, pdf_metingen, strict=True)
    ]
    draden.append(threading.Thread(target=_worker, args=(HOST, port, "/", {}, deadline, 100_000, home), daemon=True))
    begin = time.perf_counter()
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(seconden + 120)
    duur = time.perf_counter() - begin
    pdfs = Meting()
    for meting in pdf_metingen:
        pdfs.merge(meting)
    pdfs.duration = home.duration = duur
    return summarise(pdfs), summarise(home)


def meten(naam: str, cache_url: str, paden: list[str], args) -> dict:
    log(f"opzet: {naam} ({cache_url})")
    server = Gunicorn(_env(cache_url), workers=2)
    try:
        server.wait_ready("/")
        for pad in paden:  # warm-up: with a cache, every PDF is now made once
            fetch(HOST, server.port, pad)
        drive(HOST, server.port, "/", seconden=1, verbindingen=1)
        stil = summarise(drive(HOST, server.port, "/", seconden=args.seconden, verbindingen=1))
        pdf, home = _pdf_load(server.port, paden, args.seconden * 2)
    finally:
        server.stop()
    log(f"  home stil p50 {stil['p50_ms']} ms; PDF's {pdf['rps']}/s {pdf['statuses']}")
    log(f"  home tijdens PDF's p50 {home['p50_ms']} ms")
    return {
        "opzet": naam,
        "cache_url": cache_url.split("@")[-1],
        "home_stil": stil,
        "pdf": pdf,
        "home_tijdens_pdf": home,
    }


def markdown(rapport: dict) -> str:
    regels = [
        "# PDF's en de rest van de site (issue 11)",
        "",
        f"Gemeten op {rapport['tijd']} (commit `{rapport['git']['head']}`), load average bij de start "
        f"{' / '.join(map(str, rapport['load_start']))}, na afloop {' / '.join(map(str, rapport['load_eind']))}. "
        f"gunicorn 2 sync workers (productie-instellingen), PostgreSQL `{DATABASE}`. Per opzet: de homepage alleen "
        f"(1 verbinding, {rapport['seconden']} s), dan {len(rapport['paden'])} verbindingen die elk steeds "
        f"dezelfde PDF vragen (de factsheet en profielen van verschillende koplopers) plus 1 op de homepage, "
        f"{rapport['seconden'] * 2} s. Alles na opwarmen (elke PDF één keer gevraagd).",
        "",
        "| opzet | PDF's per s | PDF p50 ms | statussen PDF | home p50 stil ms | home p50 tijdens PDF's ms "
        "| home p90 tijdens PDF's ms | vertraging home |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for m in rapport["metingen"]:
        vertraging = m["home_tijdens_pdf"]["p50_ms"] / m["home_stil"]["p50_ms"] if m["home_stil"]["p50_ms"] else 0
        regels.append(
            f"| {m['opzet']} | {m['pdf']['rps']} | {m['pdf']['p50_ms']} | {m['pdf']['statuses']} "
            f"| {m['home_stil']['p50_ms']} | {m['home_tijdens_pdf']['p50_ms']} | {m['home_tijdens_pdf']['p90_ms']} "
            f"| {vertraging:.1f}× |"
        )
    regels += ["", f"Volledige gegevens: `{rapport['json']}`.", ""]
    return "\n".join(regels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconden", type=float, default=5, help="meetduur van de homepage alleen (PDF-load: 2×)")
    parser.add_argument("--verbindingen", type=int, default=8, help="aantal PDF-verbindingen (standaard 8)")
    parser.add_argument("--geen-resultaat", action="store_true", help="niets wegschrijven")
    parser.add_argument("--geen-opbouw", action="store_true", help="de database van een vorige run hergebruiken")
    args = parser.parse_args()

    rapport = {"tijd": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "load_start": loadavg()}
    env = _env("locmemcache://bench-pdf")
    if not args.geen_opbouw:
        database_opnieuw(DATABASE)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "laad_referentiedata")
        manage(env, "laad_demodata", settings="koplopers.settings.dev")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    paden = _pdf_paden(args.verbindingen - 1)
    redis = PriveRedis()
    try:
        rapport["metingen"] = [
            meten("zonder cache (dummycache)", "dummycache://", paden, args),
            meten("met cache (locmem, per worker)", "locmemcache://bench-pdf", paden, args),
            meten("met cache (Redis, storingsbestendig)", redis.url, paden, args),
        ]
    finally:
        redis.stop()
    rapport.update(
        load_eind=loadavg(), git=git_info(), seconden=args.seconden, paden=paden, verbindingen=args.verbindingen
    )
    datum = dt.date.today().isoformat()
    rapport["json"] = f"bench/results/pdf-{datum}.json"
    tekst = markdown(rapport)
    print(tekst)
    if not args.geen_resultaat:
        (RESULTATEN / f"pdf-{datum}.json").write_text(json.dumps(rapport, indent=2, ensure_ascii=False) + "\n")
        (RESULTATEN / "pdf.md").write_text(tekst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
