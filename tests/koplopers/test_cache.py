"""CACHE_URL=redis://…: the pages keep working when Redis is running, stopped or hanging.

Starts a PRIVATE redis-server on a free port (never the shared one) and stops it itself.
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.urls import reverse

from koplopers import cache as kopcache
from koplopers.cache import StoringsbestendigeRedisCache
from tests.factories.kennisbank import EtalageartikelFactory, KennisitemFactory

pytestmark = pytest.mark.storing

REDIS_SERVER = shutil.which("redis-server")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PriveRedis:
    def __init__(self, map):
        self.poort = _vrije_poort()
        self.map = map
        self.proces = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.poort}/0"

    def start(self):
        self.proces = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.poort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.map)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.poort), timeout=0.2) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server startte niet")

    def stop(self):
        if self.proces and self.proces.poll() is None:
            os.kill(self.proces.pid, signal.SIGCONT)
            self.proces.terminate()
            self.proces.wait(5)

    def pauzeren(self):
        os.kill(self.proces.pid, signal.SIGSTOP)

    def verder(self):
        os.kill(self.proces.pid, signal.SIGCONT)


@pytest.fixture
def redis_server(tmp_path):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is niet geïnstalleerd")
    server = PriveRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def verse_onderbrekers():
    kopcache._onderbrekers.clear()
    yield
    kopcache._onderbrekers.clear()


@pytest.fixture
def storingslog():
    records = []

    class Lijst(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Lijst()
    logger = logging.getLogger("koplopers.storingen")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def _cache(server, pauze=0.3):
    return StoringsbestendigeRedisCache(server.url, {"OPTIONS": {"pauze": pauze}})


def test_redis_cache_works_while_redis_runs(redis_server):
    cache = _cache(redis_server)

    cache.set("a", {"x": 1})
    cache.set_many({"b": 2, "c": 3})

    assert cache.get("a") == {"x": 1}
    assert cache.get_many(["b", "c"]) == {"b": 2, "c": 3}
    assert cache.incr("b") == 3
    assert cache.get_or_set("d", lambda: "nieuw") == "nieuw"
    assert cache.delete("a") is True


def test_stopped_redis_is_a_miss_quickly_and_logged_once(redis_server, storingslog):
    cache = _cache(redis_server, pauze=60)
    cache.set("a", 1)
    redis_server.stop()

    begin = time.monotonic()
    uitkomsten = [cache.get("a", "standaard") for _ in range(20)]
    cache.set("a", 2)
    cache.delete("a")
    veel = cache.get_many(["a", "b"])
    with pytest.raises(ValueError):
        cache.incr("a")
    duur = time.monotonic() - begin

    assert uitkomsten == ["standaard"] * 20
    assert veel == {}
    assert cache.get_or_set("a", lambda: "berekend") == "berekend"
    assert duur < 1.0
    assert len(storingslog) == 1
    assert storingslog[0].startswith("event=cache_storing_begin cache=redis://127.0.0.1:")


def test_hanging_redis_times_out_fast_then_is_skipped(redis_server, storingslog):
    cache = _cache(redis_server, pauze=60)
    cache.set("a", 1)
    redis_server.pauzeren()

    begin = time.monotonic()
    eerste = cache.get("a")
    na_eerste = time.monotonic() - begin
    rest = [cache.get("a") for _ in range(50)]
    totaal = time.monotonic() - begin

    assert eerste is None
    assert rest == [None] * 50
    assert na_eerste < 0.6  # socket_timeout 0.2 s
    assert totaal < 0.8  # the circuit breaker skips Redis after the first timeout
    assert len(storingslog) == 1


def test_redis_is_used_again_after_the_pause_and_the_recovery_is_logged(redis_server, storingslog):
    cache = _cache(redis_server, pauze=0.2)
    cache.set("a", 1)
    redis_server.pauzeren()
    assert cache.get("a") is None

    redis_server.verder()
    time.sleep(0.3)

    assert cache.get("a") == 1
    assert len(storingslog) == 2
    assert storingslog[1].startswith("event=cache_storing_einde cache=")


PAGINAS = [
    ("home", {}),
    ("gemeenten:lijst", {}),
    ("gemeenten:kaart", {}),
    ("gemeenten:kaart_geojson", {}),
    ("kennisbank:lijst", {}),
    ("kennisbank:factsheet", {}),
    ("kennisbank:etalage", {}),
]


@pytest.mark.django_db
def test_public_pages_answer_200_with_redis_running_hanging_and_stopped(client, settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "koplopers.cache.StoringsbestendigeRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"pauze": 60},
        }
    }
    artikel = EtalageartikelFactory()
    KennisitemFactory(koplopers=[artikel.koploper])
    urls = [reverse(naam, kwargs=kwargs) for naam, kwargs in PAGINAS] + [artikel.koploper.get_absolute_url()]

    def alles_opvragen():
        tijden = {}
        for url in urls:
            begin = time.monotonic()
            response = client.get(url)
            tijden[url] = time.monotonic() - begin
            assert response.status_code == 200, (url, response.status_code)
        return tijden

    alles_opvragen()  # warm: everything cached in Redis
    warm = alles_opvragen()
    redis_server.pauzeren()
    hangend = alles_opvragen()
    kopcache._onderbrekers.clear()  # a new outage for the next state
    redis_server.stop()
    gestopt = alles_opvragen()

    for tijden in (warm, hangend, gestopt):
        assert max(tijden.values()) < 2.0, tijden
    assert sum(hangend.values()) < sum(warm.values()) + 3.0, (warm, hangend)
