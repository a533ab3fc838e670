import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from koplopers.post import services
from koplopers.post.models import Bericht
from tests.factories.post import BerichtFactory, MisluktBerichtFactory

pytestmark = pytest.mark.django_db


class WeigerendeMailer:
    """A mail backend whose server answers every message with an SMTP error (a clear "no")."""

    def __init__(self, fout):
        self.fout = fout

    def open(self):
        pass

    def close(self):
        pass

    def send_messages(self, berichten):
        raise self.fout


@pytest.fixture
def mailer(monkeypatch):
    def zetten(fout):
        monkeypatch.setattr(type(mail.mailers), "default", property(lambda self: WeigerendeMailer(fout)))

    return zetten


def test_bericht_in_wachtrij_sends_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.bericht_in_wachtrij(
            sleutel="een", aan=["Jet@Example.nl", "jet@example.nl"], onderwerp="Hallo", tekst="Tekst"
        )
        assert mail.outbox == []

    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN
    assert bericht.verzonden_op is not None
    assert bericht.pogingen == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jet@example.nl"]
    assert mail.outbox[0].extra_headers["Message-ID"] == bericht.message_id


def test_bericht_in_wachtrij_same_key_gives_one_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        eerste = services.bericht_in_wachtrij(sleutel="dubbel", aan="a@example.nl", onderwerp="1")
        tweede = services.bericht_in_wachtrij(sleutel="dubbel", aan="a@example.nl", onderwerp="1")

    assert eerste.pk == tweede.pk
    assert Bericht.objects.count() == 1
    assert len(mail.outbox) == 1


def test_bericht_versturen_twice_sends_once():
    bericht = BerichtFactory()

    eerste = services.bericht_versturen(pk=bericht.pk)
    tweede = services.bericht_versturen(pk=bericht.pk)

    assert eerste.status == Bericht.Status.VERZONDEN
    assert tweede is None
    assert len(mail.outbox) == 1


def test_bericht_versturen_taken_by_another_worker_does_nothing():
    bericht = BerichtFactory(status=Bericht.Status.BEZIG, bezig_sinds=timezone.now())

    assert services.bericht_versturen(pk=bericht.pk) is None
    assert mail.outbox == []


def test_refused_message_waits_with_exponential_backoff(mailer):
    mailer(smtplib.SMTPDataError(451, b"Tijdelijk niet"))
    bericht = BerichtFactory()
    nu = timezone.now()

    eerste = services.bericht_versturen(pk=bericht.pk, nu=nu)
    niet_nog = services.bericht_versturen(pk=bericht.pk, nu=nu + timedelta(seconds=10))
    tweede = services.bericht_versturen(pk=bericht.pk, nu=eerste.opnieuw_om)

    assert eerste.opnieuw_om == nu + timedelta(seconds=30)
    assert niet_nog is None
    assert tweede.opnieuw_om == eerste.opnieuw_om + timedelta(seconds=60)
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.WACHTRIJ
    assert bericht.pogingen == 2
    assert "451" in bericht.laatste_fout


def test_refused_max_times_is_mislukt(mailer):
    mailer(smtplib.SMTPRecipientsRefused({"x@example.nl": (550, b"Onbekend")}))
    bericht = BerichtFactory()
    nu = timezone.now()

    for _ in range(services.MAX_POGINGEN):
        poging = services.bericht_versturen(pk=bericht.pk, nu=nu)
        nu = poging.opnieuw_om or nu

    bericht.refresh_from_db()
    assert poging.status == Bericht.Status.MISLUKT
    assert bericht.status == Bericht.Status.MISLUKT
    assert bericht.pogingen == services.MAX_POGINGEN


def test_broken_off_while_sending_is_controleren_not_retried(mailer):
    mailer(smtplib.SMTPServerDisconnected("verbinding verbroken"))
    bericht = BerichtFactory()

    poging = services.bericht_versturen(pk=bericht.pk)

    bericht.refresh_from_db()
    assert poging.status == Bericht.Status.CONTROLEREN
    assert bericht.status == Bericht.Status.CONTROLEREN
    assert services.berichten_nalopen(nu=timezone.now() + timedelta(days=1))["opnieuw"] == 0


def test_opbouw_makes_text_and_attachment_once():
    bericht = BerichtFactory(tekst="", opbouw="tests.post.test_services.opbouw_voor_test", opbouw_gegevens={"n": 7})

    services.bericht_versturen(pk=bericht.pk)

    assert mail.outbox[0].body == "Tekst 7"
    assert mail.outbox[0].attachments[0].filename == "bijlage-7.pdf"
    assert bericht.bijlagen.get().naam == "bijlage-7.pdf"


def opbouw_voor_test(*, n):
    return {"tekst": f"Tekst {n}", "bijlagen": [(f"bijlage-{n}.pdf", b"%PDF-1.4", "application/pdf")]}


def test_opbouw_outside_the_project_is_refused():
    with pytest.raises(ValueError):
        services.bericht_in_wachtrij(sleutel="x", aan="a@example.nl", onderwerp="x", opbouw="os.system")


def test_berichten_nalopen_marks_stuck_and_requeues_due(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    nu = timezone.now()
    vast = BerichtFactory(status=Bericht.Status.BEZIG, bezig_sinds=nu - services.BEZIG_TIMEOUT - timedelta(seconds=1))
    bezig = BerichtFactory(status=Bericht.Status.BEZIG, bezig_sinds=nu)
    klaar = BerichtFactory(volgende_poging=nu - timedelta(seconds=1))
    later = BerichtFactory(volgende_poging=nu + timedelta(minutes=1))
    verloren = BerichtFactory(aangemaakt=nu - timedelta(minutes=5))

    uitkomst = services.berichten_nalopen(nu=nu)

    assert uitkomst == {"vastgelopen": 1, "opnieuw": 2}
    vast.refresh_from_db()
    bezig.refresh_from_db()
    assert vast.status == Bericht.Status.CONTROLEREN
    assert bezig.status == Bericht.Status.BEZIG
    taken = sorted(taak.args_kwargs["kwargs"]["bericht_pk"] for taak in DBTaskResult.objects.all())
    assert taken == sorted([klaar.pk, verloren.pk])
    assert later.pk not in taken


def test_opnieuw_versturen_from_mislukt(django_capture_on_commit_callbacks):
    bericht = MisluktBerichtFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.bericht_opnieuw_versturen(bericht=bericht)

    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN
    assert len(mail.outbox) == 1


def test_opnieuw_versturen_refused_for_sent_message():
    bericht = BerichtFactory(status=Bericht.Status.VERZONDEN, verzonden_op=timezone.now())

    with pytest.raises(ValidationError):
        services.bericht_opnieuw_versturen(bericht=bericht)


def test_binnen_limiet_per_address_and_per_client():
    for _ in range(services.LIMIET_PER_ADRES):
        BerichtFactory(soort=Bericht.Soort.WACHTWOORD, aan="bea@example.nl")
    for n in range(services.LIMIET_PER_AANVRAGER):
        BerichtFactory(soort=Bericht.Soort.REGISTRATIE, aan=f"x{n}@example.nl", aanvrager="client-1")

    assert not services.binnen_limiet(adres="Bea@example.nl")
    assert services.binnen_limiet(adres="ander@example.nl", aanvrager="client-2")
    assert not services.binnen_limiet(adres="ander@example.nl", aanvrager="client-1")
    assert services.binnen_limiet(adres="bea@example.nl", nu=timezone.now() + timedelta(hours=2))


def test_wachttijd_doubles_up_to_an_hour():
    assert [services.wachttijd(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert services.wachttijd(20) == timedelta(hours=1)


def test_berichten_nalopen_command_reports_in_dutch():
    from io import StringIO

    from django.core.management import call_command

    BerichtFactory(status=Bericht.Status.BEZIG, bezig_sinds=timezone.now() - timedelta(hours=1))
    uitvoer = StringIO()

    call_command("berichten_nalopen", stdout=uitvoer)

    assert uitvoer.getvalue().strip() == "0 bericht(en) opnieuw in de rij, 1 te controleren."
    assert Bericht.objects.get().status == Bericht.Status.CONTROLEREN
