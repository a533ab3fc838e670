"""The outside world for the outbox tests: a real SMTP server (aiosmtpd), a real task worker process."""

import asyncio
import email
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return sok.getsockname()[1]


class Ontvanger:
    """An aiosmtpd handler that keeps every message it accepted, and can refuse or hold on to messages."""

    def __init__(self):
        self.ontvangen: list[email.message.Message] = []
        self.weigeren = lambda message_id: False  # True: answer 451 (a clear "not now")
        self.ophouden = False  # True: keep the client waiting after DATA until `los` is set
        self.binnen = threading.Event()
        self.los = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        bericht = email.message_from_bytes(envelope.content)
        if self.weigeren(bericht["Message-ID"]):
            return "451 4.3.0 Tijdelijk niet beschikbaar"
        self.ontvangen.append(bericht)
        self.binnen.set()
        if self.ophouden:
            await asyncio.get_running_loop().run_in_executor(None, self.los.wait, 60)
        return "250 2.0.0 OK"

    def message_ids(self) -> list[str]:
        return [bericht["Message-ID"] for bericht in self.ontvangen]


class SmtpServer:
    def __init__(self):
        self.poort = vrije_poort()
        self.ontvanger = Ontvanger()
        self.controller = None

    def start(self):
        self.controller = Controller(self.ontvanger, hostname="127.0.0.1", port=self.poort)
        self.controller.start()

    def stop(self):
        self.ontvanger.los.set()
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free port (not started yet: call ``smtp.start()``); the portal mails to it."""
    server = SmtpServer()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.poort, "timeout": 2},
        }
    }
    yield server
    server.stop()


@pytest.fixture
def db_takenrij(settings):
    """Tasks go into the database queue (django-tasks-db) instead of running at once."""
    settings.TASKS = DB_BACKEND


def database_url() -> str:
    instellingen = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{instellingen['NAME']}"
    wachtwoord = f":{quote(instellingen['PASSWORD'])}" if instellingen.get("PASSWORD") else ""
    return (
        f"postgres://{quote(instellingen['USER'])}{wachtwoord}@{instellingen['HOST'] or '127.0.0.1'}:"
        f"{instellingen['PORT'] or 5432}/{instellingen['NAME']}"
    )


def worker_starten(*, smtp_poort: int, batch: bool, log: Path) -> subprocess.Popen:
    """``manage.py db_worker`` as its own process, on the test database, mailing to ``smtp_poort``."""
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "koplopers.settings.test",
        "DATABASE_URL": database_url(),
        "TEST_TASKS_BACKEND": "db",
        "TEST_SMTP_PORT": str(smtp_poort),
    }
    opdracht = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1"]
    if batch:
        opdracht.append("--batch")
    with open(log, "ab") as uitvoer:
        return subprocess.Popen(opdracht, cwd=BASE_DIR, env=omgeving, stdout=uitvoer, stderr=subprocess.STDOUT)


def worker_draaien(*, smtp_poort: int, log: Path, timeout: float = 120) -> None:
    """Run a worker until the queue is empty (``--batch``)."""
    proces = worker_starten(smtp_poort=smtp_poort, batch=True, log=log)
    try:
        assert proces.wait(timeout=timeout) == 0, log.read_text()
    finally:
        if proces.poll() is None:
            proces.kill()


def wachten_tot(voorwaarde, timeout: float = 60) -> None:
    einde = time.monotonic() + timeout
    while not voorwaarde():
        if time.monotonic() > einde:
            raise AssertionError("wachten duurde te lang")
        time.sleep(0.05)
