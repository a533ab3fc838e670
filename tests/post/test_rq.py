"""The RQ backend (django-tasks-rq), for deployments with several servers, against a private redis-server."""

import shutil
import subprocess
import time

import pytest
from django.core import mail

from koplopers.post import services
from koplopers.post.models import Bericht
from tests.post.conftest import vrije_poort

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is niet geïnstalleerd")


@pytest.fixture
def redis_url(tmp_path):
    """A private redis-server on a free port (never the shared one), stopped afterwards."""
    import redis

    poort = vrije_poort()
    proces = subprocess.Popen(
        ["redis-server", "--port", str(poort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    verbinding = redis.Redis(host="127.0.0.1", port=poort)
    for _ in range(100):
        try:
            if verbinding.ping():
                break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{poort}/0"
    proces.terminate()
    proces.wait(timeout=10)


@pytest.mark.django_db
def test_rq_backend_queues_in_redis_and_a_worker_sends(settings, redis_url, django_capture_on_commit_callbacks):
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": redis_url}}

    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.bericht_in_wachtrij(sleutel="rq-1", aan="rq@example.nl", onderwerp="Via Redis")
    rij = django_rq.get_queue("default", job_class=Job)

    assert rij.count == 1
    assert mail.outbox == []

    SimpleWorker([rij], connection=rij.connection, job_class=Job).work(burst=True)

    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN
    assert [m.subject for m in mail.outbox] == ["Via Redis"]
    assert rij.count == 0
