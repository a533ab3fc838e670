"""Benchmark of submitting nominations at the deadline (issue 11). Not part of the test run.

    .venv/bin/python bench/indienen.py                       # ± 1–2 minutes
    .venv/bin/python bench/indienen.py --aantal 20 --geen-resultaat   # a quick try

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Drops and recreates its OWN database
``koplopers_bench_indienen`` (no other database is touched), migrates, and builds an open round whose
deadline lies a few seconds ahead, with ``--aantal`` advocates (default 100) that each have a complete
draft nomination (names end in "(benchmarkdata)"). Then:

1. starts gunicorn (``--web-workers`` sync workers) on a free port, with the task queue in the database;
2. warms the workers up, then ``--voor`` seconds (default 5) before the deadline sends all submits at once
   (``--verbindingen``, default all; stdlib http.client, loopback only) and counts accepted (302 to the
   confirmation) and refused ("termijn verstreken") submits, submits per second and latency percentiles;
3. starts ``--task-workers`` ``manage.py db_worker`` processes and times until every confirmation (body and
   PDF made in the worker) reached a local SMTP sink (aiosmtpd on a free port).

Writes the figures to ``bench/results/indienen.md`` (``indienen-proxytijd.md`` with ``--proxy-tijd``), unless
``--geen-resultaat``.
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _meten import database_opnieuw, log, samenvatting  # noqa: E402

BASIS = Path(__file__).resolve().parent.parent
DATABASE = "koplopers_bench_indienen"
RESULTATEN = BASIS / "bench" / "results"
CSRF = "benchmarkcsrfgeheim0123456789abc"  # 32 characters: an unmasked CSRF secret


def vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return sok.getsockname()[1]


def bouwen(aantal: int, sluit_over: float) -> tuple[list[dict], object]:
    """An open round closing in ``sluit_over`` seconds and ``aantal`` complete drafts with a session each."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from koplopers.accounts.models import User
    from selectie import services
    from selectie.models import Ronde
    from tests.factories.gemeenten import GemeenteFactory

    gemeenten = [GemeenteFactory(naam=f"Benchmarkgemeente {n} (benchmarkdata)") for n in range(5)]
    ronde = services.ronde_aanmaken(
        naam="Benchmarkronde (benchmarkdata)", jaar=2026, sluit_op=timezone.now() + timedelta(days=1)
    )
    ronde = services.ronde_openen(ronde=ronde)
    criteria = list(ronde.criteria.all())
    indieningen = []
    for n in range(aantal):
        gebruiker = User.objects.create(
            username=f"bench-indiener-{n}",
            email=f"bench-indiener-{n}@voorbeeld.nl",
            is_belangenbehartiger=True,
            organisatie="Adviesraad (benchmarkdata)",
            organisatie_type="adviesraad",
        )
        voordracht = services.voordracht_starten(ronde=ronde, indiener=gebruiker)
        gegevens = {
            "gemeenten": [gemeenten[n % len(gemeenten)].pk],
            "organisatie": "Adviesraad (benchmarkdata)",
            "organisatie_type": "adviesraad",
            "contact_naam": "Benchmark",
            "contact_email": f"bench-contact-{n}@voorbeeld.nl",
            "contact_telefoon": "",
            "toestemming_privacy": "on",
            **{f"motivatie_{c.pk}": f"Motivatie bij {c.naam} (benchmarkdata)." for c in criteria},
        }
        sessie = SessionStore()
        sessie[SESSION_KEY] = str(gebruiker.pk)
        sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        sessie[HASH_SESSION_KEY] = gebruiker.get_session_auth_hash()
        sessie.create()
        body = urlencode({"csrfmiddlewaretoken": CSRF, "token": str(voordracht.token), **gegevens}, doseq=True).encode()
        indieningen.append(
            {
                "pad": f"/voordragen/{voordracht.pk}/indienen/",
                "body": body,
                "cookie": f"{settings.SESSION_COOKIE_NAME}={sessie.session_key}; csrftoken={CSRF}",
            }
        )
    Ronde.objects.filter(pk=ronde.pk).update(sluit_op=timezone.now() + timedelta(seconds=sluit_over))
    ronde.refresh_from_db()
    return indieningen, ronde


def opwarmen(poort: int, indiening: dict) -> None:
    """A GET of the draft's page, so each gunicorn worker has imported everything before the deadline."""
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    verbinding.request("GET", indiening["pad"].removesuffix("indienen/"), headers={"Cookie": indiening["cookie"]})
    verbinding.getresponse().read()
    verbinding.close()


def indienen(poort: int, indiening: dict, proxy_tijd: bool) -> tuple[float, int, str]:
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=300)
    begin = time.perf_counter()
    extra = {"X-Request-Start": f"t={time.time():.3f}"} if proxy_tijd else {}
    verbinding.request(
        "POST",
        indiening["pad"],
        body=indiening["body"],
        headers={
            **extra,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": indiening["cookie"],
            "Host": "127.0.0.1",
        },
    )
    antwoord = verbinding.getresponse()
    antwoord.read()
    duur = time.perf_counter() - begin
    verbinding.close()
    return duur, antwoord.status, antwoord.getheader("Location") or ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=100)
    parser.add_argument("--voor", type=float, default=5.0, help="seconden vóór de deadline beginnen")
    parser.add_argument("--verbindingen", type=int, default=0, help="gelijktijdige verbindingen (0: alle tegelijk)")
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument(
        "--proxy-tijd",
        action="store_true",
        help="stuur X-Request-Start mee (zoals nginx) en laat Django die als aankomst tellen (AANKOMST_HEADER)",
    )
    parser.add_argument("--task-workers", type=int, default=2)
    parser.add_argument("--geen-resultaat", action="store_true", help="niets naar bench/results schrijven")
    opties = parser.parse_args()

    sys.path.insert(0, str(BASIS))
    database_url = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "koplopers.settings.test"
    os.environ["TEST_TASKS_BACKEND"] = "db"

    log(f"database {DATABASE} opnieuw aanmaken")
    database_opnieuw(DATABASE)
    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.core.management import call_command
    from django.utils import timezone

    from koplopers.post.models import Bericht

    call_command("migrate", verbosity=0)
    ontvangen = []

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            ontvangen.append(len(envelope.content))
            return "250 OK"

    smtp_poort = vrije_poort()
    smtp = Controller(Sink(), hostname="127.0.0.1", port=smtp_poort)
    smtp.start()

    web_poort = vrije_poort()
    omgeving = {**os.environ, "TEST_SMTP_PORT": str(smtp_poort)}
    if opties.proxy_tijd:
        omgeving["AANKOMST_HEADER"] = "HTTP_X_REQUEST_START"
    gunicorn = subprocess.Popen(
        [str(BASIS / ".venv/bin/gunicorn"), "koplopers.wsgi", "--workers", str(opties.web_workers),
         "--bind", f"127.0.0.1:{web_poort}", "--log-level", "warning"],
        cwd=BASIS, env={**omgeving, "DJANGO_SETTINGS_MODULE": "koplopers.settings.test"},
    )  # fmt: skip
    workers = []
    try:
        opbouw = 30 + opties.aantal * 0.15
        indieningen, ronde = bouwen(opties.aantal, sluit_over=opbouw + opties.voor)
        log(f"{opties.aantal} concepten klaar; deadline {ronde.sluit_op:%H:%M:%S}")
        for _ in range(200):  # gunicorn up?
            try:
                http.client.HTTPConnection("127.0.0.1", web_poort, timeout=1).request("GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        with ThreadPoolExecutor(opties.web_workers * 2) as pool:
            list(pool.map(lambda i: opwarmen(web_poort, i), indieningen[: opties.web_workers * 4]))
        wachten = (ronde.sluit_op - timezone.now()).total_seconds() - opties.voor
        log(f"wachten tot {opties.voor} s voor de deadline ({wachten:.1f} s)")
        time.sleep(max(0, wachten))
        belasting_voor = os.getloadavg()
        begin = time.perf_counter()
        start_moment = timezone.now()
        with ThreadPoolExecutor(opties.verbindingen or len(indieningen)) as pool:
            uitkomsten = list(pool.map(lambda i: indienen(web_poort, i, opties.proxy_tijd), indieningen))
        duur = time.perf_counter() - begin
        klaar_moment = timezone.now()
        aanvaard = sum(1 for _d, status, plek in uitkomsten if status == 302 and "bevestiging" in plek)
        geweigerd = len(uitkomsten) - aanvaard
        latenties = samenvatting([d * 1000 for d, _s, _p in uitkomsten])
        log(f"{aanvaard} aanvaard, {geweigerd} geweigerd in {duur:.2f} s ({len(uitkomsten) / duur:.1f}/s)")

        begin_mail = time.perf_counter()
        for n in range(opties.task_workers):
            workers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "manage.py",
                        "db_worker",
                        "--no-startup-delay",
                        "--interval",
                        "0.2",
                        "--worker-id",
                        f"bench-{n}",
                    ],
                    cwd=BASIS,
                    env=omgeving,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )  # fmt: skip
            )
        verwacht = Bericht.objects.filter(soort=Bericht.Soort.BEVESTIGING).count()
        while len(ontvangen) < verwacht and time.perf_counter() - begin_mail < 600:
            time.sleep(0.1)
        duur_mail = time.perf_counter() - begin_mail
        statussen = dict(Bericht.objects.values_list("status").annotate(n=django.db.models.Count("pk")))
        log(f"{len(ontvangen)} bevestigingen (met PDF) ontvangen in {duur_mail:.1f} s; outbox: {statussen}")
        belasting_na = os.getloadavg()
    finally:
        for proces in [*workers, gunicorn]:
            proces.terminate()
        for proces in [*workers, gunicorn]:
            try:
                proces.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proces.kill()
        smtp.stop()

    if not opties.geen_resultaat:
        lat = " / ".join(f"{latenties[k]:.0f}" for k in ("p50", "p90", "p99", "max"))
        sluit, per_s = ronde.sluit_op, len(ontvangen) / duur_mail
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BASIS, capture_output=True, text=True)
        resultaat = RESULTATEN / ("indienen-proxytijd.md" if opties.proxy_tijd else "indienen.md")
        resultaat.write_text(
            f"""# Indienen bij de deadline (bench/indienen.py)

Laatste meting: **{datetime.now(UTC).isoformat(timespec="seconds")}** (commit `{commit.stdout.strip()}`).
Load average (1/5/15 min) bij de start: {" / ".join(f"{x:.2f}" for x in belasting_voor)}, na de meting:
{" / ".join(f"{x:.2f}" for x in belasting_na)} (de machine heeft 2 cores; andere processen tellen mee).
gunicorn {opties.web_workers} sync workers, {opties.verbindingen or len(uitkomsten)} verbindingen tegelijk, takenrij
in PostgreSQL, aankomst volgens {"de proxy (X-Request-Start, AANKOMST_HEADER)" if opties.proxy_tijd else "Django"},
{opties.task_workers} × `db_worker`, SMTP naar een lokale aiosmtpd.

| wat | uitkomst |
| --- | ---: |
| voordrachten ingediend, {opties.voor:g} s voor de deadline | {len(uitkomsten)} |
| aanvaard | {aanvaard} |
| geweigerd („termijn verstreken”) | {geweigerd} |
| duur van alle indieningen | {duur:.2f} s |
| indieningen per seconde | {len(uitkomsten) / duur:.1f} |
| latency p50 / p90 / p99 / max (ms) | {lat} |
| eerste indiening / laatste antwoord / deadline (UTC) | {start_moment:%H:%M:%S} / {klaar_moment:%T} / {sluit:%T} |
| bevestigingen (tekst + PDF in de verwerker) afgeleverd | {len(ontvangen)} in {duur_mail:.1f} s ({per_s:.1f}/s) |
| outbox na afloop | {", ".join(f"{k}: {v}" for k, v in sorted(statussen.items()))} |

Vóór issue 11 maakte elk request de PDF en verstuurde het de e-mail vóór het de deadline controleerde; bij
100 indieningen 5 s voor de deadline werden er 66 geweigerd. Nu doet het request alleen het opslaan (de
aankomsttijd telt) en volgen PDF en e-mail in de takenrij.
"""
        )
        log(f"geschreven: {resultaat.relative_to(BASIS)}")
    return 0 if geweigerd == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
