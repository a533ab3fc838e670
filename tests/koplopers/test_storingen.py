"""A lost database connection gives a short Dutch 503 page, one log line per outage, and mail for real 500s."""

import logging

import pytest
from django.core import mail
from django.db import InterfaceError, OperationalError
from django.test import Client
from django.urls import reverse

from koplopers import storingen
from koplopers.views import serverfout
from tests.factories.gemeenten import GepubliceerdeKoploperFactory


class _Lijst(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def logregels():
    """What reaches the storingen and django.request loggers (both do not propagate to the root)."""
    lijst = _Lijst()
    loggers = [logging.getLogger("koplopers.storingen"), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(lijst)
    yield lijst.records
    for logger in loggers:
        logger.removeHandler(lijst)


@pytest.fixture(autouse=True)
def geen_storing():
    storingen.storing.sinds, storingen.storing.geweigerd = None, 0
    yield
    storingen.storing.sinds, storingen.storing.geweigerd = None, 0


@pytest.fixture
def database_weg(monkeypatch):
    """Every public page asks for the data version first: make that query fail as with a lost server."""

    def weg(using="default"):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr("gemeenten.selectors.publieke_versie", weg)
    monkeypatch.setattr("koplopers.views.publieke_versie", weg)
    return monkeypatch


def _berichten(records, naam):
    return [r.getMessage() for r in records if r.name == naam]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/gemeenten/", "/gemeenten/kaart/", "/gemeenten/kaart.geojson"])
def test_lost_database_gives_dutch_503_with_retry_after(client, database_weg, url):
    response = client.get(url)

    inhoud = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert '<html lang="nl">' in inhoud
    assert "Even niet beschikbaar" in inhoud
    assert "storing aan onze kant" in inhoud


@pytest.mark.django_db
def test_outage_is_logged_and_mailed_once_not_per_request(client, database_weg, logregels, settings):
    settings.ADMINS = ["beheer@example.nl"]

    for _ in range(5):
        assert client.get(reverse("gemeenten:lijst")).status_code == 503

    begin = _berichten(logregels, "koplopers.storingen")
    assert len(begin) == 1
    assert begin[0].startswith("event=database_storing_begin fout=OperationalError")
    assert _berichten(logregels, "django.request") == []
    assert not any(r.exc_info for r in logregels)
    assert len(mail.outbox) == 1
    assert "event=database_storing_begin" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["beheer@example.nl"]
    assert storingen.storing.geweigerd == 5


@pytest.mark.django_db
def test_outage_ends_with_one_log_line_when_a_query_succeeds_again(client, database_weg, logregels):
    client.get(reverse("gemeenten:lijst"))
    client.get(reverse("gemeenten:lijst"))

    database_weg.undo()  # the database is back
    eerst = client.get(reverse("gemeenten:lijst"))
    daarna = client.get(reverse("gemeenten:lijst"))

    assert (eerst.status_code, daarna.status_code) == (200, 200)
    berichten = _berichten(logregels, "koplopers.storingen")
    assert len(berichten) == 2
    assert berichten[1].startswith("event=database_storing_einde duur_s=")
    assert berichten[1].endswith("geweigerd=2")
    assert not storingen.storing.actief


@pytest.mark.django_db
def test_page_without_queries_does_not_end_the_outage(client, database_weg, logregels):
    client.get(reverse("gemeenten:lijst"))

    assert client.get(reverse("over")).status_code == 200

    assert storingen.storing.actief
    assert len(_berichten(logregels, "koplopers.storingen")) == 1


@pytest.mark.parametrize("fout", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_database_error_raised_in_a_middleware_gives_503_too(rf, fout):
    # handler500 runs inside Django's ``except`` block: the exception is the one in flight. No django_db
    # mark: any database access would fail the test.
    try:
        raise fout
    except type(fout):
        response = serverfout(rf.get("/"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Even niet beschikbaar" in response.content.decode()


def test_503_page_renders_without_database(rf):
    response = storingen.niet_beschikbaar(rf.get("/"), reden="database")  # no django_db mark: no queries

    assert response.status_code == 503
    assert "Naar de homepage" in response.content.decode()


@pytest.mark.django_db
def test_other_server_error_still_gives_500_and_mails_the_admins(monkeypatch, settings, logregels):
    settings.ADMINS = ["beheer@example.nl"]

    def kapot(using="default"):
        raise RuntimeError("een fout in de code")

    monkeypatch.setattr("koplopers.views.publieke_versie", kapot)
    response = Client(raise_request_exception=False).get(reverse("home"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["beheer@example.nl"]
    assert "RuntimeError" in mail.outbox[0].body
    assert any(r.name == "django.request" and r.exc_info for r in logregels)
    assert not storingen.storing.actief


@pytest.mark.django_db
def test_profile_of_a_koploper_survives_lost_database_too(client, database_weg):
    koploper = GepubliceerdeKoploperFactory()

    response = client.get(koploper.get_absolute_url())

    assert response.status_code == 503
