"""A real PostgreSQL outage: a private server is stopped and started under a running gunicorn.

Starts its OWN PostgreSQL (initdb in a temporary directory, a free port; never the shared server) and
its own gunicorn (one sync worker, persistent connections) and stops both. ±20 s; skipped without the
PostgreSQL server binaries.
"""

import glob
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.storing

BASIS = Path(__file__).resolve().parents[2]
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda pad: int(pad.split("/")[-2]))
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivePostgres:
    def __init__(self):
        self.bin = PG_BIN[-1]
        self.map = tempfile.mkdtemp(prefix="koplopers-storing-pg-")
        self.poort = _vrije_poort()
        self.als_postgres = os.geteuid() == 0  # initdb refuses to run as root
        if self.als_postgres:
            shutil.chown(self.map, user="postgres")

    def _pg(self, *args):
        opdracht = [f"{self.bin}/{args[0]}", *args[1:]]
        if self.als_postgres:
            opdracht = ["runuser", "-u", "postgres", "--", *opdracht]
        subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)

    def initdb(self):
        self._pg("initdb", "-D", f"{self.map}/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")

    def start(self):
        opties = f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._pg("pg_ctl", "-D", f"{self.map}/data", "-o", opties, "-l", f"{self.map}/log", "-w", "start")

    def stop(self):
        self._pg("pg_ctl", "-D", f"{self.map}/data", "-m", "fast", "-w", "stop")

    def opruimen(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.map, ignore_errors=True)


@pytest.fixture
def postgres():
    if not PG_BIN or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("geen PostgreSQL-serverprogramma's (initdb, pg_ctl)")
    server = PrivePostgres()
    try:
        server.initdb()
        server.start()
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(server.poort), "-U", "postgres", "-qc", "CREATE DATABASE portaal"],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=30,
        )
        yield server
    finally:
        server.opruimen()


@pytest.fixture
def gunicorn(postgres, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "koplopers.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{postgres.poort}/portaal",
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=BASIS, env=env, check=True, timeout=120
    )
    poort = _vrije_poort()
    log = tmp_path / "gunicorn.log"
    with log.open("w") as uitvoer:
        proces = subprocess.Popen(
            [str(GUNICORN), "koplopers.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{poort}", "--timeout", "30"],
            cwd=BASIS,
            env=env,
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield poort, log
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(10)


def _get(poort: int, pad: str):
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=15)
    try:
        verbinding.request("GET", pad)
        antwoord = verbinding.getresponse()
        return antwoord.status, dict(antwoord.getheaders()), antwoord.read().decode()
    finally:
        verbinding.close()


def test_postgres_restart_and_outage_give_503_then_200_without_restarting_the_app(postgres, gunicorn):
    poort, log = gunicorn

    assert _get(poort, "/gemeenten/")[0] == 200
    # A restart between two requests: the persistent connection is dead, the health check replaces it.
    postgres.stop()
    postgres.start()
    assert _get(poort, "/gemeenten/")[0] == 200

    postgres.stop()
    tijdens = [_get(poort, pad) for pad in ("/", "/gemeenten/kaart/", "/gemeenten/kaart.geojson", "/factsheet/")]
    # The list was visited before: its version and results are in the cache, so it needs no database.
    uit_cache = _get(poort, "/gemeenten/")[0]
    postgres.start()
    na = [_get(poort, pad)[0] for pad in ("/", "/gemeenten/", "/gemeenten/kaart.geojson", "/factsheet/")]

    assert [status for status, _, _ in tijdens] == [503] * 4
    assert uit_cache == 200
    assert all(headers["Retry-After"] == "30" for _, headers, _ in tijdens)
    assert all("Even niet beschikbaar" in inhoud for _, _, inhoud in tijdens)
    assert na == [200] * 4
    regels = log.read_text()
    assert regels.count("event=database_storing_begin") == 1, regels
    assert regels.count("event=database_storing_einde") == 1, regels
    assert "geweigerd=4" in regels
    assert "Traceback" not in regels
