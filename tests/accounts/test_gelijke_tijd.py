"""Password reset and registration answer the same, in the same time, whether or not the address exists."""

import statistics
import time

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from koplopers.post.models import Bericht
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

HERHALINGEN = 30
MEETBARE_HASHER = ["tests.accounts.hashers.MeetbaarPBKDF2Hasher"]


@pytest.fixture
def db_takenrij(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _mediaan_ms(client, url, gegevens_per_keer, django_capture_on_commit_callbacks) -> tuple[float, float, set]:
    """Median time (ms) of the known and the unknown requests, interleaved so machine load hits both alike."""
    tijden = {True: [], False: []}
    paginas = set()
    for n, (bekend, gegevens) in enumerate(gegevens_per_keer):
        begin = time.perf_counter()
        with django_capture_on_commit_callbacks(execute=True):  # include queuing the task, as in production
            antwoord = client.post(url, gegevens, REMOTE_ADDR=f"10.1.{n // 200}.{n % 200}", follow=True)
        tijden[bekend].append((time.perf_counter() - begin) * 1000)
        paginas.add((antwoord.redirect_chain[-1][0] if antwoord.redirect_chain else "", antwoord.status_code))
    return statistics.median(tijden[True]), statistics.median(tijden[False]), paginas


def _gelijk(bekend: float, onbekend: float) -> bool:
    return max(bekend, onbekend) / min(bekend, onbekend) < 1.5 or abs(bekend - onbekend) < 15


def test_password_reset_same_time_and_page_for_known_and_unknown(
    client, db_takenrij, django_capture_on_commit_callbacks
):
    for n in range(HERHALINGEN):
        UserFactory(email=f"bekend{n}@example.nl")
    keren = []
    for n in range(HERHALINGEN):
        keren += [(True, {"email": f"bekend{n}@example.nl"}), (False, {"email": f"onbekend{n}@example.nl"})]
    client.post(reverse("accounts:password_reset"), {"email": "opwarmen@example.nl"})

    bekend, onbekend, paginas = _mediaan_ms(
        client, reverse("accounts:password_reset"), keren, django_capture_on_commit_callbacks
    )

    assert paginas == {(reverse("accounts:password_reset_done"), 200)}
    taken = DBTaskResult.objects.filter(task_path="koplopers.accounts.tasks.wachtwoord_herstel_taak")
    assert taken.count() == 2 * HERHALINGEN + 1  # one task per request, known or not (and the warm-up)
    for taak in taken:  # the worker's part: look up, queue a mail for the known addresses only
        taak.task.call(**taak.task_result.kwargs)
    assert Bericht.objects.filter(soort=Bericht.Soort.WACHTWOORD).count() == HERHALINGEN
    print(f"wachtwoord vergeten: bekend {bekend:.1f} ms, onbekend {onbekend:.1f} ms")
    assert _gelijk(bekend, onbekend), f"bekend {bekend:.1f} ms, onbekend {onbekend:.1f} ms"


def test_registration_same_time_and_page_for_existing_and_new(
    client, settings, db_takenrij, django_capture_on_commit_callbacks
):
    settings.PASSWORD_HASHERS = MEETBARE_HASHER  # a hash that costs time: hashing made the two paths differ
    for n in range(HERHALINGEN):
        UserFactory(email=f"bestaand{n}@example.nl")
    gegevens = {
        "voornaam": "Bea",
        "achternaam": "de Boer",
        "organisatie": "Adviesraad",
        "organisatie_type": "adviesraad",
        "wachtwoord1": "Een-lang-wachtwoord-42",
        "wachtwoord2": "Een-lang-wachtwoord-42",
    }
    keren = []
    for n in range(HERHALINGEN):
        keren += [
            (True, {**gegevens, "email": f"bestaand{n}@example.nl"}),
            (False, {**gegevens, "email": f"nieuw{n}@example.nl"}),
        ]

    bekend, onbekend, paginas = _mediaan_ms(
        client, reverse("accounts:registreren"), keren, django_capture_on_commit_callbacks
    )

    assert paginas == {(reverse("accounts:registratie_verstuurd"), 200)}
    assert Bericht.objects.filter(soort=Bericht.Soort.AL_GEREGISTREERD).count() == HERHALINGEN
    assert Bericht.objects.filter(soort=Bericht.Soort.REGISTRATIE).count() == HERHALINGEN
    print(f"registreren: bestaand {bekend:.1f} ms, nieuw {onbekend:.1f} ms")
    assert _gelijk(bekend, onbekend), f"bestaand {bekend:.1f} ms, nieuw {onbekend:.1f} ms"


def test_password_reset_limit_per_address_same_answer_no_more_mail(client, django_capture_on_commit_callbacks):
    UserFactory(email="bea@example.nl")

    antwoorden = []
    for n in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            antwoorden.append(
                client.post(reverse("accounts:password_reset"), {"email": "bea@example.nl"}, REMOTE_ADDR=f"10.0.0.{n}")
            )

    assert {(a.status_code, a["Location"]) for a in antwoorden} == {(302, reverse("accounts:password_reset_done"))}
    assert Bericht.objects.filter(aan="bea@example.nl").count() == 3


def test_registration_limit_per_client_same_answer_no_more_mail(client, django_capture_on_commit_callbacks):
    gegevens = {
        "voornaam": "Bea",
        "achternaam": "de Boer",
        "organisatie": "Adviesraad",
        "organisatie_type": "adviesraad",
        "wachtwoord1": "Een-lang-wachtwoord-42",
        "wachtwoord2": "Een-lang-wachtwoord-42",
    }
    antwoorden = []
    for n in range(12):
        with django_capture_on_commit_callbacks(execute=True):
            antwoorden.append(
                client.post(
                    reverse("accounts:registreren"), {**gegevens, "email": f"r{n}@example.nl"}, REMOTE_ADDR="10.9.9.9"
                )
            )

    assert {(a.status_code, a["Location"]) for a in antwoorden} == {(302, reverse("accounts:registratie_verstuurd"))}
    assert Bericht.objects.filter(soort=Bericht.Soort.REGISTRATIE).count() == 10
