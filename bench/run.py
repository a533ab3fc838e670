"""Benchmark of the public portal pages under gunicorn on PostgreSQL (issue 2). Run: ``make bench``.

1. (Re)creates the PostgreSQL database ``koplopers_bench`` on 127.0.0.1:5432, migrates, loads the reference
   data (342 municipalities with boundaries, the 28 known koplopers) and the demo profiles, and tops up to at
   least 113 published koplopers with synthetic ones marked as benchmark data (``bench/_data.py``), counting
   each page's SQL queries before and after the top-up.
2. ``collectstatic``, then gunicorn (production settings, sync workers) on a free 127.0.0.1 port.
3. From this process (which never imports Django): sizes of every response raw and gzipped, a warm-up,
   then closed-loop load (``bench/_load.py``) on each URL in turn, in several rounds, a static file served
   by whitenoise in the same rounds as the reference.
4. Stops gunicorn, writes ``bench/results/portaal-<date>.json`` and the table in ``bench/README.md``.

Only loopback addresses are used; every loop is bounded in time and count.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _cpu import CpuMeter, combine  # noqa: E402
from _load import drive, fetch, summarise  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
PYTHON = BASE_DIR / ".venv" / "bin" / "python"
GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
PG = {"host": HOST, "port": 5432, "user": "postgres"}
DATABASE = "koplopers_bench"
AANTAL_GEMEENTEN = 342

TARGET_P50_MS = 20.0
TARGET_GEOJSON_GZIP_BYTES = 80_000  # "80 KB", read strictly as 80 000 bytes

README_BEGIN = "<!-- resultaten:begin (geschreven door bench/run.py) -->"
README_END = "<!-- resultaten:end -->"


def log(tekst: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {tekst}", file=sys.stderr, flush=True)


def bench_env(cache_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CACHE_", "PYTEST"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "koplopers.settings.production",
            "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DATABASE}",
            "SECRET_KEY": "benchmark-only-" + os.urandom(24).hex(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "EMAIL_URL": "smtp://localhost:25",
            "CACHE_URL": cache_url,
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    return env


def manage(env: dict, *args: str, settings: str | None = None) -> None:
    env = {**env, "DJANGO_SETTINGS_MODULE": settings} if settings else env
    log("manage.py " + " ".join(args) + (f"  ({settings})" if settings else ""))
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def recreate_database() -> None:
    log(f"database {DATABASE} opnieuw aanmaken")
    verbinding = psycopg2.connect(dbname="postgres", **PG)
    verbinding.autocommit = True
    with verbinding.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    verbinding.close()


def postgres_version() -> str:
    verbinding = psycopg2.connect(dbname="postgres", **PG)
    with verbinding.cursor() as cursor:
        cursor.execute("SHOW server_version")
        versie = cursor.fetchone()[0]
    verbinding.close()
    return versie


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def static_path(naam: str) -> str:
    """The URL the pages link to: the hashed name from whitenoise's manifest."""
    manifest = BASE_DIR / "staticfiles" / "staticfiles.json"
    pad = json.loads(manifest.read_text(encoding="utf-8"))["paths"].get(naam, naam)
    return f"/static/{pad}"


class Gunicorn:
    """gunicorn in its own process group on a free loopback port; always stopped by ``stop``."""

    def __init__(self, env: dict, workers: int):
        self.port = free_port()
        self.logbestand = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)
        self.proces = subprocess.Popen(
            [
                str(GUNICORN),
                "koplopers.wsgi",
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
                "--bind",
                f"{HOST}:{self.port}",
                "--timeout",
                "60",
                "--error-logfile",
                "-",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.logbestand,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log(f"gunicorn pid {self.proces.pid} op {HOST}:{self.port} ({workers} sync workers)")

    def wait_ready(self, pad: str, timeout: float = 60) -> None:
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            if self.proces.poll() is not None:
                raise RuntimeError(f"gunicorn stopte meteen; zie {self.logbestand.name}")
            try:
                status, _, _ = fetch(HOST, self.port, pad)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn antwoordde niet binnen {timeout} s; zie {self.logbestand.name}")

    def stop(self) -> None:
        if self.proces.poll() is None:
            os.killpg(self.proces.pid, signal.SIGTERM)
            try:
                self.proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proces.pid, signal.SIGKILL)
                self.proces.wait(timeout=10)
        self.logbestand.close()
        log(f"gunicorn gestopt (log: {self.logbestand.name})")


def response_sizes(port: int, pad: str) -> dict:
    """Status, headers and size of one response, without and with gzip."""
    status, headers, ruw = fetch(HOST, port, pad)
    status_gz, headers_gz, gz = fetch(HOST, port, pad, {"Accept-Encoding": "gzip"})
    return {
        "status": status,
        "content_type": headers.get("content-type"),
        "bytes_raw": len(ruw),
        "bytes_gzip": len(gz),
        "gzip_served": headers_gz.get("content-encoding") == "gzip",
        "etag": headers_gz.get("etag"),
        "last_modified": headers_gz.get("last-modified"),
        "cache_control": headers_gz.get("cache-control"),
        "_body": ruw,
        "_status_gz": status_gz,
    }


def machine() -> dict:
    model = ""
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                model = regel.split(":", 1)[1].strip()
                break
        geheugen = next(r for r in Path("/proc/meminfo").read_text().splitlines() if r.startswith("MemTotal"))
        geheugen_gib = round(int(geheugen.split()[1]) / 1024 / 1024, 1)
    except (OSError, StopIteration):
        geheugen_gib = None
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": geheugen_gib,
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def versions() -> dict:
    from importlib.metadata import version

    return {
        "django": version("django"),
        "gunicorn": version("gunicorn"),
        "whitenoise": version("whitenoise"),
        "psycopg2": version("psycopg2-binary"),
        "postgresql": postgres_version(),
    }


def git_info() -> dict:
    def git(*args):
        return subprocess.run(["git", *args], cwd=BASE_DIR, capture_output=True, text=True).stdout.strip()

    return {
        "head": git("rev-parse", "--short", "HEAD"),
        "publiek_py_last_commit": git("log", "-1", "--format=%h %s", "--", "gemeenten/views/publiek.py"),
        "publiek_py_uncommitted_changes": bool(git("status", "--porcelain", "--", "gemeenten/views/publiek.py")),
    }


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run(args) -> dict:
    load_start = loadavg()  # before this script adds any load of its own
    cache_url = "locmemcache://koplopers-bench"
    env = bench_env(cache_url)
    gegevens_json = Path(tempfile.gettempdir()) / f"bench-data-{os.getpid()}.json"

    if not args.hergebruik_db:
        recreate_database()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "laad_referentiedata")
        # Production settings refuse demo data on purpose (DEMO_DATA_ALLOWED = False); this is a throwaway
        # benchmark database, so the real command runs once with the dev settings, same DATABASE_URL.
        manage(env, "laad_demodata", settings="koplopers.settings.dev")
    # Before the query counts: with the manifest storage a page cannot render without it.
    manage(env, "collectstatic", "--noinput", "-v", "0")
    log(f"benchmarkdata aanvullen tot ≥ {args.min_koplopers} koplopers; queries tellen")
    subprocess.run(
        [
            str(PYTHON),
            str(BENCH_DIR / "_data.py"),
            "--min-koplopers",
            str(args.min_koplopers),
            "--profiel",
            args.profiel,
            "--uitvoer",
            str(gegevens_json),
        ],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    gegevens = json.loads(gegevens_json.read_text(encoding="utf-8"))
    gegevens_json.unlink()

    urls = {
        "statisch": static_path(args.statisch),
        "lijst": "/gemeenten/",
        "profiel": f"/gemeenten/{args.profiel}/",
        "kaart": "/gemeenten/kaart/",
        "geojson": "/gemeenten/kaart.geojson",
    }
    gzip_header = {"Accept-Encoding": "gzip"}
    resultaten = {}
    load_voor = loadavg()
    server = Gunicorn(env, args.workers)
    try:
        server.wait_ready(urls["statisch"])
        groottes = {naam: response_sizes(server.port, pad) for naam, pad in urls.items()}
        features = None
        if groottes["geojson"]["status"] == 200:
            try:
                features = len(json.loads(groottes["geojson"]["_body"])["features"])
            except (ValueError, KeyError, TypeError):
                features = None
        for grootte in groottes.values():
            grootte.pop("_body")

        log(f"opwarmen ({args.opwarmen} s per URL)")
        for pad in urls.values():
            drive(HOST, server.port, pad, seconden=args.opwarmen, verbindingen=args.verbindingen, headers=gzip_header)

        metingen = dict.fromkeys(urls)
        cpu = CpuMeter(server.proces.pid, DATABASE)
        cpu_per_url = {naam: [] for naam in urls}
        for ronde in range(1, args.rondes + 1):
            for naam, pad in urls.items():
                log(f"ronde {ronde}/{args.rondes}: {naam} {pad} ({args.seconden} s, {args.verbindingen} verbindingen)")
                cpu.start()
                meting = drive(
                    HOST, server.port, pad, seconden=args.seconden, verbindingen=args.verbindingen, headers=gzip_header
                )
                cpu_per_url[naam].append(cpu.stop())
                if metingen[naam] is None:
                    metingen[naam] = meting
                else:
                    metingen[naam].merge(meting)
        etag = groottes["geojson"]["etag"]
        if etag and groottes["geojson"]["status"] == 200:
            log("geojson herhaalbezoek (If-None-Match)")
            cpu.start()
            metingen["geojson_304"] = drive(
                HOST,
                server.port,
                urls["geojson"],
                seconden=args.seconden,
                verbindingen=args.verbindingen,
                headers={**gzip_header, "If-None-Match": etag},
            )
            cpu_per_url["geojson_304"] = [cpu.stop()]
            urls["geojson_304"] = urls["geojson"] + " (If-None-Match)"
        for naam, meting in metingen.items():
            resultaten[naam] = {"url": urls[naam], **summarise(meting), "cpu": combine(cpu_per_url[naam])}
        cpu_totaal = combine([m for lijst in cpu_per_url.values() for m in lijst])
    finally:
        server.stop()
    load_na = loadavg()

    statisch_p50 = resultaten["statisch"]["p50_ms"]
    for naam, regel in resultaten.items():
        regel["p50_ratio_to_static"] = round(regel["p50_ms"] / statisch_p50, 1) if statisch_p50 else None
        if naam in groottes:
            regel["response"] = groottes[naam]

    volledig = {
        "alle_statussen_200": all(
            set(r["statuses"]) <= {"200", "304"} and r["errors"] == 0 for r in resultaten.values()
        ),
        "geojson_features": features,
        "geojson_alle_gemeenten": features == AANTAL_GEMEENTEN,
    }
    queries = gegevens["queries"]
    query_check = {}
    for naam in queries["groot"]["pagina"]:
        klein, groot = queries["klein"]["pagina"][naam], queries["groot"]["pagina"][naam]
        query_check[naam] = {
            "klein": klein["queries"],
            "groot": groot["queries"],
            "klein_warm": klein["queries_warm"],
            "groot_warm": groot["queries_warm"],
            "gelijk": (klein["queries"], klein["queries_warm"]) == (groot["queries"], groot["queries_warm"]),
        }
    targets = {
        "lijst_p50_onder_20ms": {"waarde": resultaten["lijst"]["p50_ms"], "doel": TARGET_P50_MS},
        "profiel_p50_onder_20ms": {"waarde": resultaten["profiel"]["p50_ms"], "doel": TARGET_P50_MS},
        "geojson_gzip_onder_80kb": {"waarde": groottes["geojson"]["bytes_gzip"], "doel": TARGET_GEOJSON_GZIP_BYTES},
    }
    for doel in targets.values():
        doel["gehaald"] = doel["waarde"] < doel["doel"]
    targets["geojson_gzip_onder_80kb"]["gehaald"] &= bool(
        groottes["geojson"]["gzip_served"] and volledig["geojson_alle_gemeenten"]
    )

    return {
        "datum": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_1_5_15": {"bij_start": load_start, "voor_meting": load_voor, "na_meting": load_na},
        "cpu_tijdens_meting": cpu_totaal,
        "versies": versions(),
        "git": git_info(),
        "opzet": {
            "gunicorn_workers": args.workers,
            "worker_class": "sync",
            "verbindingen": args.verbindingen,
            "seconden_per_url_per_ronde": args.seconden,
            "rondes": args.rondes,
            "opwarmen_seconden_per_url": args.opwarmen,
            "accept_encoding": "gzip",
            "cache": cache_url,
            "settings": "koplopers.settings.production",
        },
        "data": {k: v for k, v in gegevens.items() if k != "queries"},
        "queries": query_check,
        "queries_detail": queries,
        "volledig": volledig,
        "resultaten": resultaten,
        "doelen": targets,
    }


LABELS = {
    "statisch": "statisch bestand (whitenoise)",
    "lijst": "A–Z-lijst",
    "profiel": "profiel",
    "kaart": "kaartpagina",
    "geojson": "GeoJSON",
    "geojson_304": "GeoJSON, herhaalbezoek (304)",
}


def kb(n: int) -> str:
    return f"{n / 1000:.1f} kB"


def markdown(rapport: dict) -> str:
    r = rapport["resultaten"]
    q = rapport["queries"]
    d = rapport["data"]
    opzet = rapport["opzet"]
    load = rapport["load_average_1_5_15"]
    klein = rapport["queries_detail"]["klein"]["koplopers"]
    regels = [
        f"Laatste meting: **{rapport['datum']}** (commit `{rapport['git']['head']}`). "
        f"Load average (1/5/15 min) bij de start: {' / '.join(map(str, load['bij_start']))}, "
        f"na de meting: {' / '.join(map(str, load['na_meting']))} (telt de benchmark zelf mee). "
        f"Andere processen gebruikten tijdens het meten gemiddeld {rapport['cpu_tijdens_meting']['cores_others']} "
        f"van de {rapport['machine']['cores']} cores. "
        f"{d['gemeenten']} gemeenten, {d['koplopers_gepubliceerd']} gepubliceerde koplopers "
        f"(waarvan {d['koplopers_benchmarkdata']} benchmarkdata). gunicorn {opzet['gunicorn_workers']} sync workers, "
        f"{opzet['verbindingen']} verbindingen, {opzet['rondes']} × {opzet['seconden_per_url_per_ronde']} s per URL.",
        "",
        "| pagina | req/s | p50 ms | p90 ms | p99 ms | p50 ÷ statisch | requests | antwoord ruw → gzip | "
        f"queries bij {klein} → {d['koplopers_gepubliceerd']} koplopers | cores anderen |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for naam, regel in r.items():
        antwoord = regel.get("response")
        grootte = f"{kb(antwoord['bytes_raw'])} → {kb(antwoord['bytes_gzip'])}" if antwoord else "–"
        if antwoord and antwoord["status"] != 200:
            grootte += f" (status {antwoord['status']})"
        queries = (
            f"{q[naam]['klein']} → {q[naam]['groot']} (warm {q[naam]['klein_warm']} → {q[naam]['groot_warm']})"
            if naam in q
            else "–"
        )
        afwijkend = "" if set(regel["statuses"]) <= {"200", "304"} and not regel["errors"] else " ⚠"
        regels.append(
            f"| {LABELS.get(naam, naam)}{afwijkend} | {regel['rps']} | {regel['p50_ms']} | {regel['p90_ms']} | "
            f"{regel['p99_ms']} | {regel['p50_ratio_to_static']} | {regel['requests']} | {grootte} | {queries} | "
            f"{regel['cpu'].get('cores_others', '–')} |"
        )
    doelen = rapport["doelen"]
    gehaald = {True: "**gehaald**", False: "**niet gehaald**"}
    regels += [
        "",
        "Doelen:",
        f"- A–Z-lijst p50 < 20 ms: {doelen['lijst_p50_onder_20ms']['waarde']} ms — "
        f"{gehaald[doelen['lijst_p50_onder_20ms']['gehaald']]}",
        f"- profiel p50 < 20 ms: {doelen['profiel_p50_onder_20ms']['waarde']} ms — "
        f"{gehaald[doelen['profiel_p50_onder_20ms']['gehaald']]}",
        f"- GeoJSON < 80 kB gzip: {kb(doelen['geojson_gzip_onder_80kb']['waarde'])} "
        f"({rapport['volledig']['geojson_features']} features) — "
        f"{gehaald[doelen['geojson_gzip_onder_80kb']['gehaald']]}",
    ]
    if not all(v["gelijk"] for v in q.values()):
        groeit = ", ".join(n for n, v in q.items() if not v["gelijk"])
        regels.append(f"- querytelling groeit met de data bij: {groeit}")
    else:
        regels.append(f"- querytelling gelijk bij {klein} en bij {d['koplopers_gepubliceerd']} koplopers: **ja**")
    if not rapport["volledig"]["alle_statussen_200"] or not rapport["volledig"]["geojson_alle_gemeenten"]:
        regels.append(
            "- ⚠ niet alle pagina's waren af of gaven 200 (zie de JSON): deze cijfers zijn die van een tussenstand."
        )
    return "\n".join(regels)


def write_readme(tabel: str, json_naam: str) -> None:
    readme = BENCH_DIR / "README.md"
    blok = f"{README_BEGIN}\n{tabel}\n\nVolledige gegevens: [`results/{json_naam}`](results/{json_naam}).\n{README_END}"
    tekst = readme.read_text(encoding="utf-8") if readme.exists() else ""
    if README_BEGIN in tekst and README_END in tekst:
        tekst = re.sub(re.escape(README_BEGIN) + r".*?" + re.escape(README_END), lambda _: blok, tekst, flags=re.S)
    else:
        tekst = tekst.rstrip() + "\n\n## Laatste resultaten\n\n" + blok + "\n"
    readme.write_text(tekst, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark van de publieke pagina's (issue 2).")
    parser.add_argument("--seconden", type=float, default=5, help="meetduur per URL per ronde (standaard 5)")
    parser.add_argument("--rondes", type=int, default=2, help="aantal rondes over alle URL's (standaard 2)")
    parser.add_argument("--opwarmen", type=float, default=1.5, help="opwarmtijd per URL in seconden")
    parser.add_argument("--verbindingen", type=int, default=2, help="gelijktijdige clients (standaard 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (standaard 2)")
    parser.add_argument("--min-koplopers", type=int, default=113)
    parser.add_argument("--profiel", default="almere", help="slug van het gemeten profiel")
    parser.add_argument("--statisch", default="css/portaal.css", help="statisch referentiebestand")
    parser.add_argument("--hergebruik-db", action="store_true", help="database niet opnieuw opbouwen")
    parser.add_argument("--geen-readme", action="store_true", help="README en results/ niet bijwerken")
    args = parser.parse_args()
    if not 0 < args.seconden <= 60 or not 1 <= args.rondes <= 10 or not 1 <= args.verbindingen <= 16:
        parser.error("seconden 0–60, rondes 1–10, verbindingen 1–16")
    if shutil.which(str(GUNICORN)) is None:
        parser.error(f"{GUNICORN} ontbreekt: eerst `make install`")

    rapport = run(args)
    tabel = markdown(rapport)
    print(tabel)
    if not args.geen_readme:
        resultaten_dir = BENCH_DIR / "results"
        resultaten_dir.mkdir(exist_ok=True)
        json_naam = f"portaal-{dt.date.today().isoformat()}.json"
        (resultaten_dir / json_naam).write_text(json.dumps(rapport, indent=2, ensure_ascii=False) + "\n", "utf-8")
        write_readme(tabel, json_naam)
        log(f"geschreven: bench/results/{json_naam} en bench/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
