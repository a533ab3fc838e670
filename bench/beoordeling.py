"""Benchmark of reviewing and selecting (issue 5). Not part of the test run.

    .venv/bin/python bench/beoordeling.py                  # ± 1–2 minutes
    .venv/bin/python bench/beoordeling.py --herhalingen 5 --geen-resultaat   # a quick try

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Drops and recreates its OWN database
``koplopers_bench_beoordeling`` (no other database is touched), migrates and loads the reference data,
then builds a round of ``--kandidaten`` candidates (default 300; every tenth a region of two
municipalities; names end in "(benchmarkdata)"), 4 criteria, 18 reviewers (6 per organisation) and
6 submitted reviews per candidate (2 per organisation, levels drawn at random), plus a small round with
one candidate for the query-count comparison. Then it measures through Django's test client, with
OTP-verified sessions (the whole request: middleware, permissions, template):

- the reviewer list ``/beoordelen/`` (a reviewer with 100 candidates vs one with 1);
- the ranking ``/beoordeling/<ronde>/ranglijst/`` and the selection workspace
  ``/beoordeling/<ronde>/selectie/`` (300 candidates vs 1);
- the proposal: ``selectors.ranglijst`` + ``optimalisatie.voorstel_berekenen`` (exact, scipy milp)
  for 300 candidates, with 5 candidates pinned out and 2 pinned in.

Writes the figures to ``bench/results/beoordeling.md`` (unless ``--geen-resultaat``).
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _meten import database_opnieuw, log, samenvatting  # noqa: E402

BASIS = Path(__file__).resolve().parent.parent
DATABASE = "koplopers_bench_beoordeling"
RESULTAAT = BASIS / "bench" / "results" / "beoordeling.md"
ORGANISATIES = ["vng", "iederin", "koepel_asd"]


def ronde_bouwen(*, naam: str, slug: str, aantal: int, beoordelaars: list, kans: random.Random):
    """A round with ``aantal`` candidates, each with one submitted nomination and 6 reviews."""
    from django.utils import timezone

    from gemeenten.models import Gemeente, Thema
    from koplopers.accounts.models import User
    from selectie.beoordeling import aggregatie, services
    from selectie.beoordeling.models import Beoordeling, Score, Toewijzing, Verklaring
    from selectie.models import Kandidaat, Ronde, Voordracht
    from selectie.services import ronde_criteria_standaard

    ronde = Ronde.objects.create(naam=naam, slug=slug, jaar=2026, status=Ronde.Status.ONAFHANKELIJK)
    criteria = ronde_criteria_standaard(ronde=ronde)
    gewichten = {c.pk: c.gewicht for c in criteria}
    services.rondebeoordeling_voor(ronde=ronde)
    gemeenten = list(Gemeente.objects.order_by("?")[: aantal + aantal // 10 + 1])
    themas = list(Thema.objects.all())
    indiener = User.objects.create(username=f"indiener-{slug}", email=f"indiener-{slug}@voorbeeld.nl")
    per_org = {org: [b for b in beoordelaars if b.beoordelaar_organisatie == org] for org in ORGANISATIES}

    kandidaten = []
    volgende = 0
    for index in range(aantal):
        leden = gemeenten[volgende : volgende + (2 if index % 10 == 9 else 1)]
        volgende += len(leden)
        kandidaat = Kandidaat.objects.create(
            ronde=ronde,
            sleutel=",".join(sorted(g.code for g in leden)),
            naam=" en ".join(g.toon_naam for g in leden) + " (benchmarkdata)",
        )
        kandidaat.gemeenten.set(leden)
        voordracht = Voordracht.objects.create(
            ronde=ronde,
            kandidaat=kandidaat,
            indiener=indiener,
            status=Voordracht.Status.INGEDIEND,
            organisatie="Cliëntenraad (benchmarkdata)",
            contact_email=f"voordrager{index}@voorbeeld.nl",
            toestemming_privacy=True,
            toestemming_op=timezone.now(),
            ingediend_op=timezone.now(),
        )
        voordracht.gemeenten.set(leden)
        voordracht.themas.set(kans.sample(themas, min(len(themas), kans.randint(1, 2))))
        kandidaten.append(kandidaat)

    toewijzingen, beoordelingen, niveaus_per = [], [], []
    for index, kandidaat in enumerate(kandidaten):
        for org in ORGANISATIES:
            groep = per_org[org]
            for stap in range(min(2, len(groep))):
                beoordelaar = groep[(index * 2 + stap) % len(groep)]
                niveaus = {c.pk: kans.choice([None, 1, 2, 3, 3, 4, 4, 5]) for c in criteria}
                totaal = aggregatie.review_totaal(niveaus, gewichten)
                toewijzingen.append(Toewijzing(beoordelaar=beoordelaar, kandidaat=kandidaat))
                beoordelingen.append(
                    Beoordeling(
                        beoordelaar=beoordelaar,
                        kandidaat=kandidaat,
                        status=Beoordeling.Status.INGEDIEND,
                        totaal=None if totaal is None else Decimal(str(round(totaal, 4))),
                        ingediend_op=timezone.now(),
                    )
                )
                niveaus_per.append(niveaus)
    Toewijzing.objects.bulk_create(toewijzingen)
    Beoordeling.objects.bulk_create(beoordelingen)
    Score.objects.bulk_create(
        [
            Score(beoordeling=b, criterium_id=pk, niveau=n, niet_van_toepassing=n is None)
            for b, niveaus in zip(beoordelingen, niveaus_per, strict=True)
            for pk, n in niveaus.items()
        ]
    )
    Verklaring.objects.bulk_create(
        [Verklaring(beoordelaar=b, ronde=ronde, tekst="Verklaring (benchmarkdata)") for b in beoordelaars]
    )
    return ronde, kandidaten


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kandidaten", type=int, default=300)
    parser.add_argument("--herhalingen", type=int, default=30)
    parser.add_argument("--geen-resultaat", action="store_true", help="niets naar bench/results schrijven")
    opties = parser.parse_args()

    sys.path.insert(0, str(BASIS))
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "koplopers.settings.test"
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    log(f"database {DATABASE} opnieuw aanmaken")
    database_opnieuw(DATABASE)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from koplopers.accounts.models import User
    from selectie.beoordeling import optimalisatie, selectors, services
    from selectie.beoordeling.models import Besluit, Toewijzing
    from tests.permissies import inloggen, totp_apparaat_maken

    setup_test_environment()
    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("laad_referentiedata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    log(f"gemigreerd en referentiedata geladen in {time.perf_counter() - begin:.1f} s")

    kans = random.Random(2026)  # noqa: S311
    beoordelaars = [
        User.objects.create(
            username=f"bench-{org}-{i}", email=f"bench-{org}-{i}@voorbeeld.nl", beoordelaar_organisatie=org
        )
        for org in ORGANISATIES
        for i in range(6)
    ]
    staf = User.objects.create(username="bench-staf", email="bench-staf@voorbeeld.nl", is_programmastaf=True)
    for gebruiker in [*beoordelaars, staf]:
        totp_apparaat_maken(gebruiker)
    begin = time.perf_counter()
    groot, kandidaten = ronde_bouwen(
        naam="Benchmarkronde (benchmarkdata)", slug="benchmark-groot", aantal=opties.kandidaten,
        beoordelaars=beoordelaars, kans=kans,
    )  # fmt: skip
    eenling = User.objects.create(
        username="bench-eenling", email="bench-eenling@voorbeeld.nl", beoordelaar_organisatie="vng"
    )
    totp_apparaat_maken(eenling)
    klein, _k = ronde_bouwen(
        naam="Kleine ronde (benchmarkdata)", slug="benchmark-klein", aantal=1,
        beoordelaars=[eenling, *beoordelaars[6:]], kans=kans,
    )  # fmt: skip
    log(f"rondes gebouwd in {time.perf_counter() - begin:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    beoordelaar = beoordelaars[0]
    aantal_eigen = Toewijzing.objects.filter(beoordelaar=beoordelaar, kandidaat__ronde=groot).count()
    staf_client, beoordelaar_client, eenling_client = Client(), Client(), Client()
    inloggen(staf_client, staf)
    inloggen(beoordelaar_client, beoordelaar)
    inloggen(eenling_client, eenling)

    paginas = {
        "beoordelaarslijst": (beoordelaar_client, "/beoordelen/", eenling_client, "/beoordelen/"),
        "ranglijst": (
            staf_client, f"/beoordeling/{groot.slug}/ranglijst/", staf_client, f"/beoordeling/{klein.slug}/ranglijst/"
        ),
        "selectiewerkblad": (
            staf_client, f"/beoordeling/{groot.slug}/selectie/", staf_client, f"/beoordeling/{klein.slug}/selectie/"
        ),
    }  # fmt: skip

    def queries(client, pad):
        with CaptureQueriesContext(connection) as vastgelegd:
            response = client.get(pad)
        assert response.status_code == 200, (pad, response.status_code)
        return len(vastgelegd.captured_queries)

    resultaten = {}
    for naam, (client, pad, klein_client, klein_pad) in paginas.items():
        client.get(pad)
        groot_q, klein_q = queries(client, pad), queries(klein_client, klein_pad)
        tijden, cpu = [], []
        for _ in range(opties.herhalingen):
            t, c = time.perf_counter(), time.process_time()
            response = client.get(pad)
            tijden.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            assert response.status_code == 200
        resultaten[naam] = {
            "queries_groot": groot_q,
            "queries_klein": klein_q,
            "cpu_p50": statistics.median(cpu),
            **samenvatting(tijden),
        }
        log(
            f"{naam}: {groot_q} vs {klein_q} queries, p50 {resultaten[naam]['p50']:.1f} ms "
            f"(cpu {resultaten[naam]['cpu_p50']:.1f} ms)"
        )

    rb = services.rondebeoordeling_voor(ronde=groot)
    rijen = selectors.ranglijst(groot, rb)
    uit = [rij.kandidaat.pk for rij in rijen[:5]]
    vast = [rij.kandidaat.pk for rij in rijen[40:42]]
    for pk in uit:
        Besluit.objects.update_or_create(kandidaat_id=pk, defaults={"vastzetting": "uit"})
    for pk in vast:
        Besluit.objects.update_or_create(kandidaat_id=pk, defaults={"vastzetting": "in"})
    optimaliseren, met_ranglijst = [], []
    voorstel = None
    for _ in range(max(5, opties.herhalingen // 2)):
        t = time.perf_counter()
        rijen = selectors.ranglijst(groot, rb)
        t_rang = time.perf_counter()
        voorstel = selectors.voorstel(groot, rb, rijen)
        eind = time.perf_counter()
        optimaliseren.append((eind - t_rang) * 1000)
        met_ranglijst.append((eind - t) * 1000)
    assert voorstel.haalbaar and voorstel.controle.voldaan
    eisen = selectors.eisen_van(groot, rb)
    provincies = len(optimalisatie.vereiste_provincies(selectors.als_kandidaten(rijen), eisen))
    themas = optimalisatie.vereist_aantal_themas(selectors.als_kandidaten(rijen), eisen)
    resultaten["voorstel"] = {
        "optimaliseren": samenvatting(optimaliseren),
        "met_ranglijst": samenvatting(met_ranglijst),
        "gekozen": len(voorstel.gekozen),
        "provincies": provincies,
        "themas": themas,
    }
    log(
        f"voorstel: optimaliseren p50 {resultaten['voorstel']['optimaliseren']['p50']:.1f} ms, "
        f"met ranglijst p50 {resultaten['voorstel']['met_ranglijst']['p50']:.1f} ms, {len(voorstel.gekozen)} gekozen"
    )

    if not opties.geen_resultaat:
        schrijf(resultaten, opties, aantal_eigen=aantal_eigen, aantal_kandidaten=len(kandidaten))
        log(f"geschreven naar {RESULTAAT.relative_to(BASIS)}")
    goed = all(resultaten[n]["queries_groot"] == resultaten[n]["queries_klein"] for n in paginas) and all(
        resultaten[n]["p50"] < 150 for n in paginas
    )
    goed = goed and resultaten["voorstel"]["met_ranglijst"]["max"] < 1000
    return 0 if goed else 1


def schrijf(resultaten: dict, opties, *, aantal_eigen: int, aantal_kandidaten: int) -> None:
    regels = [
        "# Benchmark: beoordelen en selecteren (issue 5)",
        "",
        f"Gemeten op {datetime.now():%Y-%m-%d %H:%M} met `bench/beoordeling.py` op PostgreSQL "
        f"(`{DATABASE}`), in één proces via Django's testclient (hele request: middleware, OTP-controle, "
        "rechten, template), instellingen `koplopers.settings.test` (DEBUG uit). Machine: 2 gedeelde cores.",
        "",
        f"Data: één ronde met {aantal_kandidaten} kandidaten (elke tiende een regio van twee gemeenten), "
        "4 criteria, 18 beoordelaars (6 per organisatie), 6 ingediende beoordelingen per kandidaat "
        f"(2 per organisatie); de gemeten beoordelaar heeft {aantal_eigen} kandidaten. Ter vergelijking "
        "voor het aantal queries: een ronde met 1 kandidaat en een beoordelaar met 1 kandidaat.",
        "",
        f"Belasting van de machine tijdens de meting (load average 1/5/15 min): {os.getloadavg()[0]:.1f} / "
        f"{os.getloadavg()[1]:.1f} / {os.getloadavg()[2]:.1f} op 2 cores (andere engineers draaien tegelijk tests); "
        "daarom staat ook de CPU-tijd van het Django-proces erbij (zonder wachten op de CPU en de database).",
        "",
        "| pagina | queries (groot) | queries (1 kandidaat) | p50 ms | p90 ms | max ms | CPU p50 ms | n |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for naam in ("beoordelaarslijst", "ranglijst", "selectiewerkblad"):
        r = resultaten[naam]
        regels.append(
            f"| {naam} | {r['queries_groot']} | {r['queries_klein']} | {r['p50']:.1f} | {r['p90']:.1f} | "
            f"{r['max']:.1f} | {r['cpu_p50']:.1f} | {r['n']} |"
        )
    v = resultaten["voorstel"]
    regels += [
        "",
        "## Voorstel (exact, `scipy.optimize.milp`)",
        "",
        f"{aantal_kandidaten} kandidaten, doel 12–15, elke provincie met kandidaten ({v['provincies']}), "
        f"minstens {v['themas']} thema's (elk thema dat voorkomt), 5 kandidaten uitgesloten en 2 vastgezet; "
        f"{v['gekozen']} gekozen.",
        "",
        "| meting | p50 ms | p90 ms | max ms | n |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| alleen optimaliseren (incl. uitleg en controle) | {v['optimaliseren']['p50']:.1f} | "
        f"{v['optimaliseren']['p90']:.1f} | {v['optimaliseren']['max']:.1f} | {v['optimaliseren']['n']} |",
        f"| ranglijst uit de database + optimaliseren | {v['met_ranglijst']['p50']:.1f} | "
        f"{v['met_ranglijst']['p90']:.1f} | {v['met_ranglijst']['max']:.1f} | {v['met_ranglijst']['n']} |",
        "",
        "Eisen: constant aantal queries (groot = klein), p50 < 150 ms per pagina, voorstel < 1 s.",
        "",
    ]
    RESULTAAT.parent.mkdir(parents=True, exist_ok=True)
    RESULTAAT.write_text("\n".join(regels))


if __name__ == "__main__":
    sys.exit(main())
