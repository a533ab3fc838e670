"""Benchmark of the knowledge base search and the factsheet PDF (issue 6). Not part of the test run.

    .venv/bin/python bench/kennisbank.py              # ± 1–2 minutes
    .venv/bin/python bench/kennisbank.py --items 500 --zoekopdrachten 50 --geen-resultaat   # a quick try

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Drops and recreates its OWN database
``koplopers_bench_kennis`` (no other database is touched), migrates, loads the reference data and the seeded
knowledge items, then adds synthetic items (titles end in "(benchmarkdata)", slugs start with
``benchmark-``) through ``kennisitem_opslaan`` — the same service the admin uses, so the search vector is
filled exactly as in production. Then it measures, in this process:

- THE figure of issue 6: the whole request ``GET /kennisbank/?q=…`` through Django's test client
  (middleware, filters, search, count, page, headlines, template), for 200 searches of varied Dutch
  words: full words, plurals (stemming), with and without diaeresis, prefixes, two-word queries and
  misspellings (trigram fallback); twice over, as in production: without the template instrumentation
  of Django's test runner. Once more with that instrumentation (``setup_test_environment``), as the
  earlier measurements of this benchmark were taken;
- the search selector ``kennisitems_zoeken`` as the list page uses it (count + the first page of 20 with
  its headlines);
- ``/factsheet.pdf`` (WeasyPrint, cache dropped before every run, so the figures are computed too) and a
  profile PDF.

Writes the figures to ``bench/results/kennisbank.md`` (unless ``--geen-resultaat``).
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cpu import CpuMeter  # noqa: E402
from _meten import database_opnieuw, log, samenvatting  # noqa: E402

BASIS = Path(__file__).resolve().parent.parent
DATABASE = "koplopers_bench_kennis"
RESULTAAT = BASIS / "bench" / "results" / "kennisbank.md"

ZOEKWOORDEN = {
    "woord": [
        "cliëntondersteuning",
        "ervaringsdeskundigen",
        "adviesraad",
        "wijkteam",
        "dementie",
        "statushouders",
        "schuldhulpverlening",
        "toegang",
        "vrijwilligers",
        "mantelzorg",
        "onafhankelijk",
        "jeugd",
        "ouderen",
        "bekendheid",
        "keukentafelgesprek",
        "kwaliteit",
        "vindbaarheid",
        "regio",
    ],
    "meervoud (stemming)": ["handreikingen", "gemeenten", "methoden", "adviesraden", "gesprekken", "inwoners"],
    "zonder trema": [
        "clientondersteuning",
        "clientondersteuners",
        "clientervaringsonderzoek",
        "cliëntervaringsonderzoek",
    ],
    "voorvoegsel": ["cliëntonder", "ervarings", "handreik", "onafhank", "schuldhulp", "mantel", "laaggelet"],
    "twee woorden": [
        "inwoners betrekken",
        "werk inkomen",
        "beschermd wonen",
        "onafhankelijke clientondersteuning",
        "licht verstandelijke",
        "wmo wlz",
    ],
    "spelfout (trigram)": ["clientondersteuninng", "ervaringsdeskundigne", "hanreiking", "wijkteem", "dementei"],
}

ONDERWERPEN = [
    "cliëntondersteuning",
    "onafhankelijke cliëntondersteuning",
    "ervaringsdeskundigen",
    "de adviesraad sociaal domein",
    "het wijkteam",
    "de toegang tot de Wmo",
    "jeugdhulp",
    "mantelzorgers",
    "vrijwillige cliëntondersteuners",
    "het keukentafelgesprek",
    "werk en inkomen",
    "de overgang van Wmo naar Wlz",
    "ouderen",
    "dak- en thuislozen",
    "mensen met een licht verstandelijke beperking",
    "de vindbaarheid van ondersteuning",
    "de kwaliteit van ondersteuning",
    "inwoners betrekken",
    "schuldhulpverlening",
    "passend onderwijs",
    "de jeugdgezondheidszorg",
    "het UWV",
    "sociale zaken",
    "statushouders",
    "laaggeletterdheid",
    "dementie",
    "niet-aangeboren hersenletsel",
    "de ggz",
    "beschermd wonen",
    "maatschappelijke opvang",
    "huiselijk geweld",
    "mensen met autisme",
    "doven en slechthorenden",
    "blinden en slechtzienden",
    "een persoonsgebonden budget",
    "de Participatiewet",
    "het sociaal team",
    "de klachtenregeling",
    "privacy en gegevensdeling",
    "cliëntervaringsonderzoek",
    "intervisie",
    "de kompanenpool",
    "het levensbrede perspectief",
    "familieleden",
    "buurtteams",
    "het huisartsenteam",
    "de wethouder",
    "de gemeenteraad",
]
WERKWOORDEN = ["verbeteren", "organiseren", "betrekken", "meten", "versterken", "bekendmaken", "inrichten"]
ZINNEN = [
    "Deze tekst gaat over {a} en {b}.",
    "Het plan is om {a} te {w}, samen met {b}.",
    "In de regio werken mensen samen aan {a}.",
    "Men vertelt wat nodig is bij {a}.",
    "Hier staat beschreven hoe je {a} kunt {w}.",
    "Uit de praktijk blijkt dat {a} belangrijk is voor {b}.",
    "Er wordt meegedacht over {a}.",
]


def synthetische_items(aantal: int) -> None:
    from django.utils.text import slugify

    from gemeenten.models import Doelgroep, Koploper, Thema
    from kennisbank.models import Kennisitem, Uitgever
    from kennisbank.services import kennisitem_opslaan

    kans = random.Random(6)  # noqa: S311 (fixed seed: the same data every run)
    uitgevers = list(Uitgever.objects.all())
    doelgroepen = list(Doelgroep.objects.all())
    themas = list(Thema.objects.all())
    koplopers = list(Koploper.objects.all())
    soorten = [waarde for waarde, _ in Kennisitem.Soort.choices if waarde not in ("video", "link")]
    for nummer in range(aantal):
        # Each item is about a few topics, as a real knowledge product is.
        eigen = kans.sample(ONDERWERPEN, k=3)
        onderwerp = eigen[0]
        soort = kans.choice(soorten)
        zinnen = [
            kans.choice(ZINNEN).format(a=kans.choice(eigen), b=kans.choice(eigen), w=kans.choice(WERKWOORDEN))
            for _ in range(kans.randint(10, 30))
        ]
        alineas = ["<p>" + " ".join(zinnen[i : i + 5]) + "</p>" for i in range(0, len(zinnen), 5)]
        titel = f"{soort.capitalize()} over {onderwerp} {nummer} (benchmarkdata)"
        item = Kennisitem(
            titel=titel,
            slug=f"benchmark-{nummer}-{slugify(onderwerp)}"[:250],
            soort=soort,
            samenvatting=f"Benchmarkdata, geen echt kennisproduct. {zinnen[0]}",
            inhoud="".join(alineas),
            uitgever=kans.choice(uitgevers),
            jaar=kans.randint(2015, 2022),
        )
        kennisitem_opslaan(
            item=item,
            doelgroepen=kans.sample(doelgroepen, k=kans.randint(0, 2)),
            themas=kans.sample(themas, k=kans.randint(0, 2)),
            koplopers=kans.sample(koplopers, k=kans.randint(0, 1)),
        )
        if (nummer + 1) % 500 == 0:
            log(f"  {nummer + 1} items")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--zoekopdrachten", type=int, default=200)
    parser.add_argument("--pdf-rondes", type=int, default=10)
    parser.add_argument("--request-rondes", type=int, default=2, help="hoe vaak alle zoekopdrachten als request")
    parser.add_argument("--geen-resultaat", action="store_true", help="niets naar bench/results schrijven")
    opties = parser.parse_args()

    sys.path.insert(0, str(BASIS))
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "koplopers.settings.test"
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    belasting = os.getloadavg()
    log(f"database {DATABASE} opnieuw aanmaken")
    database_opnieuw(DATABASE)

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

    from kennisbank.models import Kennisitem
    from kennisbank.selectors import kennisitems_lijst, kennisitems_zoeken
    from kennisbank.services import kennisitems_laden

    # The test client's host; no template instrumentation (production has none) until measured on purpose.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("laad_referentiedata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    kennisitems_laden()
    log(f"gemigreerd en referentiedata geladen in {time.perf_counter() - begin:.1f} s; {opties.items} items maken")
    begin = time.perf_counter()
    synthetische_items(opties.items)
    opbouw = time.perf_counter() - begin
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE kennisbank_kennisitem")
        cursor.execute("VACUUM ANALYZE kennisbank_zoekdocument")
    totaal = Kennisitem.objects.count()
    log(f"{totaal} items in de database (opbouw {opbouw:.1f} s via kennisitem_opslaan)")

    kans = random.Random(2026)  # noqa: S311
    zoekopdrachten = []
    soorten = list(ZOEKWOORDEN)
    for index in range(opties.zoekopdrachten):
        soort = soorten[index % len(soorten)]
        zoekopdrachten.append((soort, kans.choice(ZOEKWOORDEN[soort])))

    def pagina_via_selector(zoekterm):
        resultaat = kennisitems_zoeken(zoekterm=zoekterm, queryset=kennisitems_lijst())
        aantal = resultaat.count()
        return aantal, list(resultaat[:20])

    # Warm up (connection, plans, caches of PostgreSQL).
    for _, woord in zoekopdrachten[:20]:
        pagina_via_selector(woord)

    log(f"{len(zoekopdrachten)} zoekopdrachten via de selector")
    per_soort: dict[str, list[float]] = {soort: [] for soort in soorten}
    alle_selector = []
    treffers = {}
    for soort, woord in zoekopdrachten:
        start = time.perf_counter()
        aantal, pagina = pagina_via_selector(woord)
        duur = (time.perf_counter() - start) * 1000
        per_soort[soort].append(duur)
        alle_selector.append(duur)
        treffers[woord] = aantal
    geen_treffers = sorted(woord for woord, aantal in treffers.items() if aantal == 0)

    client = Client()
    for _, woord in zoekopdrachten[:20]:
        client.get("/kennisbank/", {"q": woord})  # warm up (templates, filter choices in the cache)

    def requests_meten() -> tuple[list[float], dict[str, list[float]]]:
        tijden, soort_tijden = [], {soort: [] for soort in soorten}
        for soort, woord in zoekopdrachten:
            start = time.perf_counter()
            antwoord = client.get("/kennisbank/", {"q": woord})
            duur = (time.perf_counter() - start) * 1000
            assert antwoord.status_code == 200, (woord, antwoord.status_code)
            tijden.append(duur)
            soort_tijden[soort].append(duur)
        return tijden, soort_tijden

    log(f"{len(zoekopdrachten)} zoekopdrachten × {opties.request_rondes} via de test client")
    meter = CpuMeter(os.getpgid(0), DATABASE)
    meter.start()
    alle_client, per_soort_client = [], {soort: [] for soort in soorten}
    for _ in range(opties.request_rondes):
        tijden, soort_tijden = requests_meten()
        alle_client += tijden
        for soort, waarden in soort_tijden.items():
            per_soort_client[soort] += waarden
    cpu_requests = meter.stop()

    log("nog eens, met de template-instrumentatie van Django's testrunner (zoals de eerdere metingen)")
    setup_test_environment()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    alle_client_instr, _ = requests_meten()
    teardown_test_environment()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    queries_per_request = {}
    for woord in ("handreikingen", "dementei", "clientondersteuning", "inwoners betrekken"):
        with CaptureQueriesContext(connection) as queries:
            client.get("/kennisbank/", {"q": woord})
        queries_per_request[woord] = len(queries)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get("/kennisbank/", {"q": "handreikingen"})
    queries_koud = len(queries)

    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN ANALYZE SELECT id FROM kennisbank_zoekdocument WHERE soort = 'kennisitem' AND zoekvector @@ "
            "to_tsquery('simple', $$'dementie' | 'dementie':*$$)"
        )
        plan_fts = "\n".join(regel for (regel,) in cursor.fetchall())

    log(f"factsheet-PDF × {opties.pdf_rondes} (cache telkens leeg)")
    pdf_tijden, pdf_groottes = [], []
    client.get("/factsheet.pdf")  # warm up (fonts, WeasyPrint imports)
    for _ in range(opties.pdf_rondes):
        cache.clear()
        start = time.perf_counter()
        antwoord = client.get("/factsheet.pdf")
        pdf_tijden.append((time.perf_counter() - start) * 1000)
        pdf_groottes.append(len(antwoord.content))
        assert antwoord.status_code == 200 and antwoord.content.startswith(b"%PDF-")
    profiel_tijden = []
    for _ in range(opties.pdf_rondes):
        cache.clear()  # the PDFs are cached since issue 11: measure the render, as before
        start = time.perf_counter()
        antwoord = client.get("/gemeenten/almere.pdf")
        profiel_tijden.append((time.perf_counter() - start) * 1000)
        assert antwoord.status_code == 200
    factsheet_html = []
    for _ in range(opties.pdf_rondes):
        cache.clear()
        start = time.perf_counter()
        client.get("/factsheet/")
        factsheet_html.append((time.perf_counter() - start) * 1000)

    sel = samenvatting(alle_selector)
    cli = samenvatting(alle_client)
    cli_instr = samenvatting(alle_client_instr)
    oordeel = "gehaald" if cli["p50"] < 30 else "NIET gehaald"
    pdf = samenvatting(pdf_tijden)
    prof = samenvatting(profiel_tijden)
    fhtml = samenvatting(factsheet_html)
    regels = [
        "# Benchmark: kennisbank (issue 6)",
        "",
        f"Gemeten op {datetime.now():%Y-%m-%d %H:%M} met `.venv/bin/python bench/kennisbank.py"
        + (f" --items {opties.items}" if opties.items != 2000 else "")
        + "`, PostgreSQL "
        + connection.cursor().connection.server_version.__str__()
        + f", database `{DATABASE}`, {totaal} kennisitems ({opties.items} synthetisch, gemarkeerd als benchmarkdata).",
        "In één proces (Django test client, geen gunicorn); de machine (2 cores) wordt gedeeld met andere "
        f"processen: load average bij de start {belasting[0]:.1f}, aan het eind {os.getloadavg()[0]:.1f}.",
        "",
        f"## Zoeken: hele request p50 {cli['p50']:.1f} ms (doel < 30 ms: {oordeel})",
        "",
        "| meting | n | p50 | p90 | p99 | max |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| **hele request `GET /kennisbank/?q=…`** (test client, zoals in productie) | {cli['n']} "
        f"| **{cli['p50']:.1f} ms** | {cli['p90']:.1f} ms | {cli['p99']:.1f} ms | {cli['max']:.1f} ms |",
        f"| hele request, met de template-instrumentatie van de testrunner | {cli_instr['n']} "
        f"| {cli_instr['p50']:.1f} ms | {cli_instr['p90']:.1f} ms | {cli_instr['p99']:.1f} ms "
        f"| {cli_instr['max']:.1f} ms |",
        f"| selector: count + eerste pagina van 20 (met koppen en fragmenten) | {sel['n']} | {sel['p50']:.1f} ms "
        f"| {sel['p90']:.1f} ms | {sel['p99']:.1f} ms | {sel['max']:.1f} ms |",
        "",
        f"Tijdens de requests gebruikten andere processen gemiddeld {cpu_requests.get('cores_others', 0):.2f} "
        f"van de 2 cores (deze benchmark en zijn PostgreSQL-backend: {cpu_requests.get('cores_benchmark', 0):.2f}).",
        "",
        "Per soort zoekopdracht (hele request; selector):",
        "",
        "| soort | n | request p50 | request p90 | request max | selector p50 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for soort, tijden in per_soort_client.items():
        req, sel_soort = samenvatting(tijden), samenvatting(per_soort[soort])
        regels.append(
            f"| {soort} | {req['n']} | {req['p50']:.1f} ms | {req['p90']:.1f} ms | {req['max']:.1f} ms "
            f"| {sel_soort['p50']:.1f} ms |"
        )
    regels += [
        "",
        "Queries per zoekrequest (filterkeuzes in de cache): "
        + ", ".join(f"{woord} {aantal}" for woord, aantal in queries_per_request.items())
        + f"; met lege cache {queries_koud}. Zoekwoorden zonder treffers: "
        + (", ".join(geen_treffers) or "geen")
        + ".",
        "",
        "Wat een zoekrequest doet (sinds issue 12): de filterkeuzes komen uit de cache; dan de zoekindex van het "
        "portaal (`kennisbank_zoekdocument`, dezelfde Nederlandse analyse op SQLite en PostgreSQL): alle woorden "
        "zoals getypt, dan in verwante vormen (en bij meer woorden: een deel ervan), count en de pagina van 20 "
        "op volgorde van de rang, en voor alleen die 20 items de platte tekst voor kop en fragment (in Python). "
        "De paginering toont de eerste, de laatste en twee pagina's rond de huidige.",
        "",
        "## PDF (doel factsheet: < 2 s)",
        "",
        "| meting | n | p50 | p90 | max | grootte |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| `/factsheet.pdf` (cache leeg: cijfers + WeasyPrint) | {pdf['n']} | {pdf['p50']:.0f} ms "
        f"| {pdf['p90']:.0f} ms | {pdf['max']:.0f} ms | {statistics.median(pdf_groottes) / 1024:.0f} KB |",
        f"| `/gemeenten/almere.pdf` | {prof['n']} | {prof['p50']:.0f} ms | {prof['p90']:.0f} ms "
        f"| {prof['max']:.0f} ms | |",
        f"| `/factsheet/` HTML (cache leeg) | {fhtml['n']} | {fhtml['p50']:.0f} ms | {fhtml['p90']:.0f} ms "
        f"| {fhtml['max']:.0f} ms | |",
        "",
        "## Queryplannen",
        "",
        "Full-text (GIN-index op `kennisbank_zoekdocument.zoekvector`, de zoekindex van het portaal):",
        "",
        "```",
        plan_fts,
        "```",
        "",
    ]
    tekst = "\n".join(regels)
    print(tekst)
    if not opties.geen_resultaat:
        RESULTAAT.write_text(tekst, encoding="utf-8")
        log(f"geschreven: {RESULTAAT.relative_to(BASIS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
