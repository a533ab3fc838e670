"""Fault tests with a real SMTP server (aiosmtpd) and, where it matters, a real task worker process."""

import os
import signal
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from koplopers.post import services
from koplopers.post.models import Bericht
from koplopers.post.tasks import bericht_versturen_taak
from selectie.models import Voordracht
from tests.factories.accounts import BelangenbehartigerFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory
from tests.post.conftest import wachten_tot, worker_draaien, worker_starten
from tests.selectie.conftest import aanmelden
from tests.selectie.test_views import volledige_gegevens


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _indienen(client, django_capture_on_commit_callbacks):
    indiener = BelangenbehartigerFactory(email="bea@adviesraad.example")
    voordracht = VoordrachtFactory(indiener=indiener, ronde=OpenRondeFactory())
    aanmelden(client, indiener)
    gegevens = volledige_gegevens(voordracht, [GemeenteFactory(naam="Almere")])
    begin = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("selectie:voordracht_indienen", args=[voordracht.pk]), gegevens)
    return antwoord, time.monotonic() - begin, voordracht


@pytest.mark.django_db
def test_smtp_stopped_nomination_stored_and_mail_delivered_once_server_is_back(
    client, smtp, db_takenrij, django_capture_on_commit_callbacks
):
    antwoord, _duur, voordracht = _indienen(client, django_capture_on_commit_callbacks)

    assert antwoord.status_code == 302
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.INGEDIEND
    bericht = Bericht.objects.get(soort=Bericht.Soort.BEVESTIGING)
    assert bericht.status == Bericht.Status.WACHTRIJ
    assert DBTaskResult.objects.count() == 1

    # The worker runs the task while the server is down: refused, queued again with a delay.
    with django_capture_on_commit_callbacks(execute=True):
        bericht_versturen_taak.call(bericht.pk)
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.WACHTRIJ
    assert bericht.pogingen == 1
    assert "Refused" in bericht.laatste_fout or "refused" in bericht.laatste_fout
    assert DBTaskResult.objects.filter(run_after=bericht.volgende_poging).count() == 1

    smtp.start()
    services.bericht_versturen(pk=bericht.pk, nu=bericht.volgende_poging)
    services.bericht_versturen(pk=bericht.pk, nu=bericht.volgende_poging + timedelta(hours=1))

    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN
    assert smtp.ontvanger.message_ids() == [bericht.message_id]
    ontvangen = smtp.ontvanger.ontvangen[0]
    # Only the nominator's own account address, never the contact address typed into the form (issue 9).
    assert ontvangen["To"] == "bea@adviesraad.example"
    bijlagen = [deel.get_filename() for deel in ontvangen.walk() if deel.get_filename()]
    assert len(bijlagen) == 1 and bijlagen[0].endswith(".pdf")


@pytest.mark.django_db
def test_smtp_hanging_submit_returns_quickly_and_mail_waits_in_queue(
    client, smtp, db_takenrij, django_capture_on_commit_callbacks
):
    smtp.ontvanger.ophouden = True
    smtp.start()

    antwoord, duur, voordracht = _indienen(client, django_capture_on_commit_callbacks)

    assert antwoord.status_code == 302
    assert duur < 2.0
    assert Voordracht.objects.get(pk=voordracht.pk).status == Voordracht.Status.INGEDIEND
    bericht = Bericht.objects.get(soort=Bericht.Soort.BEVESTIGING)
    assert bericht.status == Bericht.Status.WACHTRIJ
    assert bericht.bijlagen.count() == 0  # the PDF is made by the worker, not in the request

    # The worker's wait is bounded by the SMTP timeout; the server had the data, so: controleren.
    begin = time.monotonic()
    poging = services.bericht_versturen(pk=bericht.pk)
    assert time.monotonic() - begin < 10
    assert poging.status == Bericht.Status.CONTROLEREN
    assert bericht.bijlagen.count() == 1


@pytest.mark.django_db(transaction=True)
def test_outbox_failing_after_first_of_ten_delivers_each_exactly_once(smtp, db_takenrij, tmp_path):
    smtp.start()
    al_geweigerd = set()

    def weigeren(message_id):
        if message_id in al_geweigerd or len(smtp.ontvanger.ontvangen) == 0:
            return False
        al_geweigerd.add(message_id)
        return True

    smtp.ontvanger.weigeren = weigeren
    berichten = [
        services.bericht_in_wachtrij(
            sleutel=f"uitslag-{n}", soort=Bericht.Soort.UITSLAG, aan=f"indiener{n}@example.nl", onderwerp=f"Uitslag {n}"
        )
        for n in range(10)
    ]
    assert DBTaskResult.objects.count() == 10

    worker_draaien(smtp_poort=smtp.poort, log=tmp_path / "worker.log")
    statussen = dict(Bericht.objects.values_list("sleutel", "status"))
    assert list(statussen.values()).count(Bericht.Status.VERZONDEN) == 1
    assert list(statussen.values()).count(Bericht.Status.WACHTRIJ) == 9

    # Time passes: the retries scheduled with exponential backoff become due.
    verleden = timezone.now() - timedelta(seconds=1)
    Bericht.objects.filter(status=Bericht.Status.WACHTRIJ).update(volgende_poging=verleden)
    DBTaskResult.objects.filter(run_after__gt=timezone.now(), run_after__lt=timezone.now() + timedelta(days=1)).update(
        run_after=verleden
    )
    worker_draaien(smtp_poort=smtp.poort, log=tmp_path / "worker.log")

    assert sorted(smtp.ontvanger.message_ids()) == sorted(bericht.message_id for bericht in berichten)
    assert set(Bericht.objects.values_list("status", flat=True)) == {Bericht.Status.VERZONDEN}
    assert sorted(Bericht.objects.values_list("pogingen", flat=True)) == [1] + [2] * 9


@pytest.mark.django_db(transaction=True)
def test_worker_killed_while_sending_nothing_lost_nothing_twice(smtp, db_takenrij, tmp_path):
    smtp.ontvanger.ophouden = True
    smtp.start()
    berichten = [
        services.bericht_in_wachtrij(sleutel=f"bericht-{n}", aan=f"ontvanger{n}@example.nl", onderwerp=f"Bericht {n}")
        for n in range(3)
    ]

    worker = worker_starten(smtp_poort=smtp.poort, batch=False, log=tmp_path / "worker.log")
    try:
        wachten_tot(smtp.ontvanger.binnen.is_set)  # the server has message 1 and keeps the worker waiting
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    smtp.ontvanger.ophouden = False
    smtp.ontvanger.los.set()
    onderbroken = Bericht.objects.get(status=Bericht.Status.BEZIG)

    uitkomst = services.berichten_nalopen(nu=timezone.now() + services.BEZIG_TIMEOUT + timedelta(seconds=1))
    assert uitkomst["vastgelopen"] == 1
    worker_draaien(smtp_poort=smtp.poort, log=tmp_path / "worker.log")

    onderbroken.refresh_from_db()
    assert onderbroken.status == Bericht.Status.CONTROLEREN
    assert sorted(smtp.ontvanger.message_ids()) == sorted(bericht.message_id for bericht in berichten)
    assert Bericht.objects.filter(status=Bericht.Status.VERZONDEN).count() == 2
