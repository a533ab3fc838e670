"""Many submissions at the same moment, just before the deadline: each stored exactly once (PostgreSQL)."""

import os
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from selectie import services
from selectie.models import Kandidaat, Ronde, Voordracht
from tests.factories.accounts import BelangenbehartigerFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory

AANTAL_VOORDRACHTEN = 100
AANTAL_DUBBEL = 30  # the first 30 drafts are also sent a second time (double click, resend)
AANTAL_TE_LAAT = 10  # and 10 more arrive just after the deadline


def vrije_verbindingen() -> int:
    """How many connections this test may open: the shared server allows max_connections in total."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)")
        vrij = cursor.fetchone()[0]
    return max(4, vrij - int(os.environ.get("KOPLOPERS_VERBINDINGEN_MARGE", "15")))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_submissions_at_the_same_moment_are_each_stored_once(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("Alleen op PostgreSQL: SQLite zet schrijvers achter elkaar.")
    settings.MEDIA_ROOT = tmp_path
    nu = timezone.now()
    ronde = OpenRondeFactory(sluit_op=nu + timedelta(seconds=90))
    gemeenten = [GemeenteFactory() for _ in range(20)]
    indieners = [BelangenbehartigerFactory() for _ in range(10)]
    voordrachten = []
    for nummer in range(AANTAL_VOORDRACHTEN + AANTAL_TE_LAAT):
        # Many drafts share a municipality (or the same region, named in another order): candidates race too.
        if nummer % 5 == 0:
            gekozen = [gemeenten[(nummer // 5) % 4 + 1], gemeenten[0]][:: 1 if nummer % 2 else -1]
        else:
            gekozen = [gemeenten[nummer % 20]]
        voordrachten.append(VoordrachtFactory(ronde=ronde, indiener=indieners[nummer % 10], gemeenten=gekozen))
    op_tijd = voordrachten[:AANTAL_VOORDRACHTEN]
    te_laat = voordrachten[AANTAL_VOORDRACHTEN:]
    opdrachten = [(v.pk, None) for v in op_tijd]
    opdrachten += [(v.pk, None) for v in op_tijd[:AANTAL_DUBBEL]]
    opdrachten += [(v.pk, ronde.sluit_op + timedelta(milliseconds=1)) for v in te_laat]
    aantal_draden = min(len(opdrachten), vrije_verbindingen())
    porties = [opdrachten[i::aantal_draden] for i in range(aantal_draden)]
    start = threading.Barrier(aantal_draden)
    resultaten, fouten = [], []
    slot = threading.Lock()

    def indienen(portie):
        try:
            start.wait(timeout=60)
            for pk, moment in portie:
                voordracht = Voordracht.objects.get(pk=pk)
                try:
                    services.voordracht_indienen(voordracht=voordracht, token=voordracht.token, nu=moment)
                    uitkomst = "ingediend"
                except services.ValidationError:
                    uitkomst = "geweigerd"
                with slot:
                    resultaten.append((pk, uitkomst))
        except Exception as fout:  # any other error is a failure of this test
            with slot:
                fouten.append(repr(fout))
        finally:
            connection.close()

    draden = [threading.Thread(target=indienen, args=(portie,)) for portie in porties]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=300)

    assert fouten == []
    assert len(resultaten) == len(opdrachten) >= 100
    ingediend = Voordracht.objects.filter(ronde=ronde, status=Voordracht.Status.INGEDIEND)
    assert sorted(ingediend.values_list("pk", flat=True)) == sorted(v.pk for v in op_tijd)
    assert not ingediend.filter(ingediend_op__isnull=True).exists()
    assert sorted(pk for pk, uitkomst in resultaten if uitkomst == "geweigerd") == sorted(v.pk for v in te_laat)
    for voordracht in Voordracht.objects.filter(pk__in=[v.pk for v in te_laat]):
        assert voordracht.status == Voordracht.Status.CONCEPT
        assert voordracht.kandidaat_id is None
        assert voordracht.motivaties.count() == 4
    # One candidate per distinct set of municipalities, and every nomination of a set on it.
    sets = {services.kandidaat_sleutel(v.gemeenten.all()) for v in op_tijd}
    assert sorted(Kandidaat.objects.filter(ronde=ronde).values_list("sleutel", flat=True)) == sorted(sets)
    for voordracht in ingediend.select_related("kandidaat"):
        assert voordracht.kandidaat.sleutel == services.kandidaat_sleutel(voordracht.gemeenten.all())
    # One confirmation per nomination, none for a double submit.
    assert len(mail.outbox) == AANTAL_VOORDRACHTEN
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.OPEN
    print(f"{len(opdrachten)} inzendingen over {aantal_draden} gelijktijdige verbindingen")  # noqa: T201
