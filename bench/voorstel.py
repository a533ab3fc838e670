"""Benchmark of the exact proposal alone (issue 14): ``voorstel_berekenen`` at several sizes. Not part of the test run.

    .venv/bin/python bench/voorstel.py                         # 342 and 3,000 candidates, ± 1 minute
    .venv/bin/python bench/voorstel.py --kandidaten 342 3000 --herhalingen 5

No database: the candidates are plain dataclasses built with a fixed seed like the round in
``bench/beoordeling.py`` (12 provinces, every tenth candidate a region in two provinces, 8 themes, 1–2
themes each, scores 1–4, 5 pinned out and 2 pinned in), so the figures are the solver's alone. Each size
is solved with the project's HiGHS options (``MILP_OPTIES``) and, for comparison, with presolve on; both
must give the same total (the optimum is proven either way).
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _meten import log, samenvatting  # noqa: E402


def kandidaten_maken(aantal: int, zaad: int = 2026):
    from selectie.beoordeling.optimalisatie import Kandidaat

    kans = random.Random(zaad)  # noqa: S311
    provincies = [f"Provincie {i}" for i in range(12)]
    themas = [f"thema {i}" for i in range(8)]
    kandidaten = [
        Kandidaat(
            sleutel=i,
            naam=f"Kandidaat {i} (benchmarkdata)",
            score=round(kans.uniform(1, 4), 4),
            provincies=frozenset(kans.sample(provincies, 2 if i % 10 == 0 else 1)),
            themas=frozenset(kans.sample(themas, kans.randint(1, 2))),
        )
        for i in range(aantal)
    ]
    return sorted(kandidaten, key=lambda k: -k.score)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kandidaten", type=int, nargs="+", default=[342, 3000])
    parser.add_argument("--herhalingen", type=int, default=5)
    opties = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koplopers.settings.test")
    import django

    django.setup()
    from selectie.beoordeling import optimalisatie

    eigen = dict(optimalisatie.MILP_OPTIES)
    goed = True
    for aantal in opties.kandidaten:
        kandidaten = kandidaten_maken(aantal)
        uit = [k.sleutel for k in kandidaten[:5]]
        vast = [k.sleutel for k in kandidaten[40:42]] if aantal > 42 else []
        totalen = {}
        for naam, milp_opties in (("presolve uit (project)", eigen), ("presolve aan", {**eigen, "presolve": True})):
            optimalisatie.MILP_OPTIES = milp_opties
            tijden = []
            for _ in range(opties.herhalingen):
                begin = time.perf_counter()
                voorstel = optimalisatie.voorstel_berekenen(
                    kandidaten, optimalisatie.Eisen(minimum=12, maximum=15), vast_in=vast, vast_uit=uit
                )
                tijden.append((time.perf_counter() - begin) * 1000)
            assert voorstel.haalbaar and voorstel.controle.voldaan
            totalen[naam] = round(voorstel.totaal, 6)
            s = samenvatting(tijden)
            log(f"{aantal} kandidaten, {naam}: p50 {s['p50']:.1f} ms, max {s['max']:.1f} ms")
            log(f"totaal {voorstel.totaal:.4f}")
        optimalisatie.MILP_OPTIES = eigen
        goed = goed and len(set(totalen.values())) == 1
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
