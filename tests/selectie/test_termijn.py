"""The deadline counts the moment a submit arrives; the PDF and the mail follow in the queue."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koplopers.post.models import Bericht
from selectie import services
from selectie.models import Ronde, Voordracht
from tests.factories.accounts import BelangenbehartigerFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory
from tests.selectie.conftest import aanmelden
from tests.selectie.test_views import volledige_gegevens

pytestmark = pytest.mark.django_db


def _klaar_om_in_te_dienen(client, sluit_over: timedelta):
    ronde = OpenRondeFactory(sluit_op=timezone.now() + sluit_over)
    indiener = BelangenbehartigerFactory()
    voordracht = VoordrachtFactory(indiener=indiener, ronde=ronde)
    aanmelden(client, indiener)
    client.get(reverse("selectie:voordracht_bewerken", args=[voordracht.pk]))  # a warm process, as in production
    return voordracht, volledige_gegevens(voordracht, [GemeenteFactory(naam="Almere")])


def test_submit_arriving_before_deadline_counts_even_if_work_ends_after_it(client, monkeypatch):
    voordracht, gegevens = _klaar_om_in_te_dienen(client, timedelta(seconds=2))
    origineel = services.voordracht_opslaan

    def traag_opslaan(**kwargs):  # e.g. waiting for the row lock behind other submits at the deadline
        time.sleep(max(0, (voordracht.ronde.sluit_op - timezone.now()).total_seconds()) + 0.2)
        return origineel(**kwargs)

    monkeypatch.setattr(services, "voordracht_opslaan", traag_opslaan)
    Ronde.objects.filter(pk=voordracht.ronde_id).update(sluit_op=timezone.now() + timedelta(seconds=1))
    voordracht.ronde.refresh_from_db()

    antwoord = client.post(reverse("selectie:voordracht_indienen", args=[voordracht.pk]), gegevens)

    voordracht.refresh_from_db()
    assert antwoord.status_code == 302
    assert voordracht.status == Voordracht.Status.INGEDIEND
    assert voordracht.ingediend_op < voordracht.ronde.sluit_op < timezone.now()


def test_submit_arriving_after_deadline_is_refused(client):
    voordracht, gegevens = _klaar_om_in_te_dienen(client, timedelta(days=1))
    Ronde.objects.filter(pk=voordracht.ronde_id).update(sluit_op=timezone.now() - timedelta(milliseconds=1))

    antwoord = client.post(reverse("selectie:voordracht_indienen", args=[voordracht.pk]), gegevens)

    voordracht.refresh_from_db()
    assert antwoord.status_code == 200
    assert "De termijn om voor te dragen is voorbij" in antwoord.content.decode()
    assert voordracht.status == Voordracht.Status.CONCEPT


def test_submit_renders_no_pdf_in_the_request(client, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    voordracht, gegevens = _klaar_om_in_te_dienen(client, timedelta(days=1))

    def geen_pdf(*args, **kwargs):
        raise AssertionError("de PDF hoort in de taak, niet in het request")

    monkeypatch.setattr("selectie.berichten.voordracht_pdf", geen_pdf)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("selectie:voordracht_indienen", args=[voordracht.pk]), gegevens)

    assert antwoord.status_code == 302
    bericht = Bericht.objects.get(sleutel=f"voordracht-bevestiging-{voordracht.pk}")
    assert bericht.status == Bericht.Status.WACHTRIJ
    assert bericht.opbouw == "selectie.berichten.voordracht_bevestiging_opbouwen"
