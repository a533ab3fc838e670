import itertools
import random
import time

import pytest

from selectie.beoordeling import optimalisatie
from selectie.beoordeling.optimalisatie import (
    Eisen,
    Kandidaat,
    opsomming,
    selectie_controleren,
    voorstel_berekenen,
)


def kandidaat(sleutel, score, provincie, themas=(), naam=None):
    return Kandidaat(
        sleutel=sleutel,
        naam=naam or sleutel,
        score=score,
        provincies=frozenset([provincie]) if provincie else frozenset(),
        themas=frozenset(themas),
    )


def brute_force(kandidaten, eisen, vast_in=(), vast_uit=()):
    """The best total by trying every subset (small cases only)."""
    controle = [k for k in kandidaten if k.sleutel not in vast_uit]
    beste = None
    for grootte in range(eisen.minimum, eisen.maximum + 1):
        for combinatie in itertools.combinations(controle, grootte):
            sleutels = {k.sleutel for k in combinatie}
            if not set(vast_in) <= sleutels:
                continue
            if not selectie_controleren(kandidaten, sleutels, eisen).voldaan:
                continue
            totaal = round(sum(k.score or 0 for k in combinatie), 6)
            beste = totaal if beste is None else max(beste, totaal)
    return beste


# --- the constraint check --------------------------------------------------------------------------


def test_opsomming_dutch():
    assert opsomming([]) == ""
    assert opsomming(["Zeeland"]) == "Zeeland"
    assert opsomming(["Zeeland", "Drenthe", "Limburg"]) == "Zeeland, Drenthe en Limburg"


def test_controleren_all_met():
    kandidaten = [
        kandidaat("a", 3, "Zeeland", ["werk"]),
        kandidaat("b", 2, "Drenthe", ["jeugd"]),
        kandidaat("c", 1, "Drenthe", ["werk"]),
    ]

    controle = selectie_controleren(kandidaten, {"a", "b"}, Eisen(minimum=2, maximum=2))

    assert controle.voldaan
    assert [t.code for t in controle.toetsen] == ["omvang", "provincies", "themas"]
    assert controle["provincies"].uitleg == "Alle 2 provincies met kandidaten zijn gedekt."


def test_controleren_reports_missing_province_and_size():
    kandidaten = [
        kandidaat("a", 3, "Zeeland"),
        kandidaat("b", 2, "Drenthe"),
        kandidaat("c", 1, "Limburg"),
    ]

    controle = selectie_controleren(kandidaten, {"b"}, Eisen(minimum=2, maximum=3))

    assert not controle.voldaan
    assert not controle["omvang"].voldaan
    assert controle["omvang"].uitleg == "1 gekozen; doel 2–3: nog 1 te weinig."
    assert controle["provincies"].ontbrekend == ("Limburg", "Zeeland")
    assert controle["provincies"].uitleg == "Nog geen koploper in Limburg en Zeeland."


def test_controleren_too_many():
    kandidaten = [kandidaat(s, 1, "Zeeland") for s in "abcd"]

    controle = selectie_controleren(kandidaten, {"a", "b", "c"}, Eisen(minimum=1, maximum=2))

    assert controle["omvang"].uitleg == "3 gekozen; doel 1–2: 1 te veel."


def test_controleren_themes_at_least_k():
    kandidaten = [
        kandidaat("a", 3, "Zeeland", ["werk", "jeugd"]),
        kandidaat("b", 2, "Zeeland", ["ouderen"]),
        kandidaat("c", 1, "Zeeland", ["bekendheid"]),
    ]
    eisen = Eisen(minimum=1, maximum=3, themas_minimaal=3)

    assert not selectie_controleren(kandidaten, {"a"}, eisen)["themas"].voldaan
    assert selectie_controleren(kandidaten, {"a", "c"}, eisen)["themas"].voldaan


def test_controleren_themes_none_means_every_theme():
    kandidaten = [kandidaat("a", 3, "Zeeland", ["werk", "jeugd"]), kandidaat("b", 2, "Zeeland", ["ouderen"])]
    eisen = Eisen(minimum=1, maximum=3, themas_minimaal=None)

    toets = selectie_controleren(kandidaten, {"a"}, eisen)["themas"]

    assert not toets.voldaan
    assert toets.ontbrekend == ("ouderen",)


def test_controleren_themes_capped_at_themes_present():
    kandidaten = [kandidaat("a", 3, "Zeeland", ["werk"]), kandidaat("b", 2, "Zeeland", ["jeugd"])]

    toets = selectie_controleren(kandidaten, {"a", "b"}, Eisen(minimum=1, maximum=3, themas_minimaal=8))["themas"]

    assert toets.voldaan


def test_controleren_constraints_switched_off():
    kandidaten = [kandidaat("a", 3, "Zeeland", ["werk"]), kandidaat("b", 2, "Drenthe", ["jeugd"])]

    eisen = Eisen(minimum=1, maximum=1, elke_provincie=False, themas_minimaal=0)

    controle = selectie_controleren(kandidaten, {"a"}, eisen)

    assert [t.code for t in controle.toetsen] == ["omvang"]
    assert controle.voldaan


# --- the proposal: hand-checked cases -------------------------------------------------------------


def test_voorstel_pure_top_n_when_constraints_are_slack():
    kandidaten = [kandidaat(s, score, "Zeeland") for s, score in [("a", 4), ("b", 3), ("c", 2), ("d", 1)]]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=2))

    assert voorstel.haalbaar
    assert voorstel.gekozen == ("a", "b")
    assert voorstel.totaal == 7
    assert voorstel.keuzes["a"].uitleg.startswith("Hoogste score: plaats 1")
    assert voorstel.keuzes["c"].uitleg.startswith("Niet gekozen: lagere score")


def test_voorstel_covers_province_and_explains():
    # Top 3 by score are all Utrecht; Zeeland must be covered, so the weakest Utrecht candidate makes way.
    kandidaten = [
        kandidaat("u1", 4.0, "Utrecht"),
        kandidaat("u2", 3.8, "Utrecht"),
        kandidaat("u3", 3.5, "Utrecht"),
        kandidaat("z1", 2.0, "Zeeland"),
        kandidaat("z2", 1.5, "Zeeland"),
    ]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=3, maximum=3))

    assert voorstel.gekozen == ("u1", "u2", "z1")
    assert voorstel.totaal == pytest.approx(9.8)
    assert voorstel.keuzes["z1"].uitleg == "Gekozen om Zeeland te dekken (score 2,00, plaats 4)."
    assert voorstel.keuzes["u3"].uitleg == (
        "Niet gekozen ondanks plaats 3 (3,50): de plaats is nodig om Zeeland te dekken."
    )
    assert voorstel.controle.voldaan


def test_voorstel_region_covering_two_provinces_is_worth_a_place():
    # One slot left for two uncovered provinces: only the region covers both.
    kandidaten = [
        kandidaat("u1", 4.0, "Utrecht"),
        Kandidaat("regio", "Regio", 1.0, frozenset({"Zeeland", "Limburg"})),
        kandidaat("z1", 3.0, "Zeeland"),
        kandidaat("l1", 3.0, "Limburg"),
    ]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=2))

    assert set(voorstel.gekozen) == {"u1", "regio"}
    assert "Limburg en Zeeland te dekken" in voorstel.keuzes["regio"].uitleg


def test_voorstel_theme_variety_explained():
    kandidaten = [
        kandidaat("a", 4, "Zeeland", ["werk"]),
        kandidaat("b", 3.9, "Zeeland", ["werk"]),
        kandidaat("c", 1, "Zeeland", ["jeugd"]),
    ]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=2, themas_minimaal=2))

    assert voorstel.gekozen == ("a", "c")
    assert "het thema jeugd te dekken" in voorstel.keuzes["c"].uitleg


def test_voorstel_fills_up_to_maximum_for_the_highest_total():
    kandidaten = [kandidaat(s, 1, "Zeeland") for s in "abcde"]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=4))

    assert len(voorstel.gekozen) == 4


def test_voorstel_ties_prefer_earlier_ranked_candidates():
    kandidaten = [kandidaat(s, 2.5, "Zeeland") for s in "edcba"]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=2))

    assert voorstel.gekozen == ("e", "d")
    assert voorstel.keuzes["c"].uitleg.startswith("Niet gekozen ondanks plaats 1")


def test_voorstel_candidate_without_score_only_when_needed():
    kandidaten = [
        kandidaat("a", 3, "Utrecht"),
        kandidaat("b", 2, "Utrecht"),
        kandidaat("g", None, "Groningen"),
    ]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=2))

    assert voorstel.gekozen == ("a", "g")
    assert "Groningen te dekken" in voorstel.keuzes["g"].uitleg
    assert "score –" in voorstel.keuzes["g"].uitleg


def test_voorstel_pins_in_and_out():
    kandidaten = [kandidaat(s, score, "Zeeland") for s, score in [("a", 4), ("b", 3), ("c", 2), ("d", 1)]]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=2, maximum=2), vast_in={"d"}, vast_uit={"a"})

    assert voorstel.gekozen == ("b", "d")
    assert voorstel.keuzes["d"].uitleg == "Vastgezet door het programmabureau."
    assert voorstel.keuzes["a"].uitleg == "Uitgesloten door het programmabureau."
    assert voorstel.keuzes["b"].uitleg.startswith("Hoogste score: plaats 1")


def test_voorstel_pin_in_and_out_at_once_is_an_error():
    with pytest.raises(ValueError):
        voorstel_berekenen([kandidaat("a", 1, "Zeeland")], Eisen(1, 1), vast_in={"a"}, vast_uit={"a"})


# --- infeasible ------------------------------------------------------------------------------------


def test_voorstel_infeasible_too_few_candidates():
    kandidaten = [kandidaat(str(i), 1, "Zeeland") for i in range(9)]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=15, maximum=15))

    assert not voorstel.haalbaar
    assert voorstel.problemen == ("Doelgrootte 15–15, maar slechts 9 kandidaten.",)


def test_voorstel_infeasible_too_few_after_exclusions():
    kandidaten = [kandidaat(str(i), 1, "Zeeland") for i in range(13)]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=12, maximum=15), vast_uit={"0", "1"})

    assert voorstel.problemen == ("Doelgrootte 12–15, maar slechts 11 kandidaten (2 uitgesloten).",)


def test_voorstel_infeasible_province_only_excluded():
    kandidaten = [kandidaat("u", 3, "Utrecht"), kandidaat("z1", 2, "Zeeland"), kandidaat("z2", 2, "Zeeland")]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=1, maximum=3), vast_uit={"z1", "z2"})

    assert not voorstel.haalbaar
    assert voorstel.problemen == ("Zeeland heeft alleen kandidaten die zijn uitgesloten.",)


def test_voorstel_infeasible_too_many_provinces_for_maximum():
    provincies = ["Drenthe", "Flevoland", "Groningen", "Limburg"]
    kandidaten = [kandidaat(p, 2, p) for p in provincies]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=1, maximum=3))

    assert voorstel.problemen == (
        "Om alle 4 provincies met kandidaten te dekken zijn minstens 4 koplopers nodig, maar het maximum is 3.",
    )


def test_voorstel_infeasible_too_many_pinned():
    kandidaten = [kandidaat(s, 1, "Zeeland") for s in "abc"]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=1, maximum=2), vast_in={"a", "b", "c"})

    assert voorstel.problemen == ("Er zijn 3 kandidaten vastgezet, maar het maximum is 2.",)


def test_voorstel_infeasible_themes_only_among_excluded():
    kandidaten = [kandidaat("a", 1, "Zeeland", ["werk"]), kandidaat("b", 1, "Zeeland", ["jeugd"])]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=1, maximum=2, themas_minimaal=2), vast_uit={"b"})

    assert len(voorstel.problemen) == 1
    assert "alleen uitgesloten kandidaten hebben jeugd" in voorstel.problemen[0]


def test_voorstel_infeasible_provinces_and_themes_together():
    # Provinces alone need 2 (z and a Utrecht one), themes alone need 2 (u1 and u2), together 3.
    kandidaten = [
        kandidaat("z", 3, "Zeeland"),
        kandidaat("u1", 3, "Utrecht", ["werk"]),
        kandidaat("u2", 1, "Utrecht", ["jeugd"]),
    ]

    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=1, maximum=2, themas_minimaal=None))

    assert not voorstel.haalbaar
    assert voorstel.problemen == (
        "Om tegelijk alle 2 provincies en 2 thema's te dekken zijn minstens 3 koplopers nodig, maar het maximum is 2.",
    )


# --- exactness and speed --------------------------------------------------------------------------


@pytest.mark.parametrize("zaad", range(25))
def test_voorstel_equals_brute_force_on_small_random_cases(zaad):
    rng = random.Random(zaad)
    provincies = ["Drenthe", "Groningen", "Utrecht", "Zeeland"]
    themas = ["werk", "jeugd", "ouderen", "bekendheid"]
    kandidaten = [
        kandidaat(
            f"k{i}",
            rng.choice([None, 1.0, 1.5, 2.25, 3.0, 3.5, 4.0]),
            rng.choice(provincies[: rng.randint(1, 4)]),
            rng.sample(themas, rng.randint(0, 2)),
        )
        for i in range(rng.randint(4, 10))
    ]
    eisen = Eisen(minimum=rng.randint(1, 3), maximum=rng.randint(3, 5), themas_minimaal=rng.choice([None, 2, 3]))
    vast_uit = {kandidaten[0].sleutel} if zaad % 3 == 0 else set()
    vast_in = {kandidaten[-1].sleutel} if zaad % 4 == 0 else set()

    voorstel = voorstel_berekenen(kandidaten, eisen, vast_in=vast_in, vast_uit=vast_uit)
    verwacht = brute_force(kandidaten, eisen, vast_in, vast_uit)

    if verwacht is None:
        assert not voorstel.haalbaar
        assert voorstel.problemen
    else:
        assert voorstel.haalbaar
        assert round(voorstel.totaal, 6) == verwacht
        assert voorstel.controle.voldaan
        assert vast_in <= set(voorstel.gekozen)
        assert not vast_uit & set(voorstel.gekozen)
        assert set(voorstel.keuzes) == {k.sleutel for k in kandidaten}


def test_voorstel_300_candidates_well_under_a_second():
    rng = random.Random(7)
    provincies = [f"Provincie {i}" for i in range(12)]
    themas = [f"thema {i}" for i in range(8)]
    kandidaten = sorted(
        (
            kandidaat(f"k{i}", round(rng.uniform(1, 4), 3), rng.choice(provincies), rng.sample(themas, 2))
            for i in range(300)
        ),
        key=lambda k: -k.score,
    )
    vast_uit = {k.sleutel for k in kandidaten[:5]}

    begin = time.perf_counter()
    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=12, maximum=15), vast_uit=vast_uit)
    duur = time.perf_counter() - begin

    assert voorstel.haalbaar
    assert len(voorstel.gekozen) == 15
    assert voorstel.controle.voldaan
    assert duur < 1.0


# --- solver options (issue 14): presolve off, the optimum still exact ---------------------------------


def test_milp_options_exact_without_presolve():
    assert optimalisatie.MILP_OPTIES["mip_rel_gap"] == 0
    assert optimalisatie.MILP_OPTIES["presolve"] is False
    assert "time_limit" not in optimalisatie.MILP_OPTIES


def _vast_geval(aantal):
    """A fixed instance whose optimum is known by construction.

    12 provinces and 4 themes. The best candidates all lie in "Provincie 0" and have theme "a"; each
    other province and each of the themes b–d has exactly one candidate of its own ("dekker"), with a
    low score that increases with its index. With doel 12–15 and every province and theme required, the
    optimum is: the 11 province covers (which also bring the themes b–d, see below), plus the 4 best of
    the rest. The themes b, c, d are given to the covers of provinces 1, 2 and 3.
    """
    kandidaten = []
    for p in range(1, 12):
        themas = {1: ["b"], 2: ["c"], 3: ["d"]}.get(p, [])
        kandidaten.append(kandidaat(f"dekker{p}", round(0.5 + p / 100, 4), f"Provincie {p}", themas))
    rest = aantal - len(kandidaten)
    for i in range(rest):
        kandidaten.append(kandidaat(f"top{i}", round(4.0 - i * (3.0 / rest), 4), "Provincie 0", ["a"]))
    kandidaten.sort(key=lambda k: -(k.score or 0))
    verwacht = {f"dekker{p}" for p in range(1, 12)} | {f"top{i}" for i in range(4)}
    return kandidaten, verwacht


@pytest.mark.parametrize("aantal", [20, 1000], ids=["klein", "1000-kandidaten"])
def test_voorstel_fixed_instance_optimum_per_size(aantal):
    kandidaten, verwacht = _vast_geval(aantal)
    totaal = round(sum(k.score for k in kandidaten if k.sleutel in verwacht), 6)

    begin = time.perf_counter()
    voorstel = voorstel_berekenen(kandidaten, Eisen(minimum=12, maximum=15))
    duur = time.perf_counter() - begin

    assert voorstel.haalbaar
    assert set(voorstel.gekozen) == verwacht
    assert round(voorstel.totaal, 6) == totaal
    assert duur < 1.0


def test_voorstel_1000_random_candidates_same_optimum_with_and_without_presolve(monkeypatch):
    rng = random.Random(14)
    provincies = [f"Provincie {i}" for i in range(12)]
    themas = [f"thema {i}" for i in range(8)]
    kandidaten = sorted(
        (
            kandidaat(f"k{i}", round(rng.uniform(1, 4), 4), rng.choice(provincies), rng.sample(themas, 1))
            for i in range(1000)
        ),
        key=lambda k: -k.score,
    )
    vast_uit = {k.sleutel for k in kandidaten[:5]}
    zonder = voorstel_berekenen(kandidaten, Eisen(minimum=12, maximum=15), vast_uit=vast_uit)
    monkeypatch.setattr(optimalisatie, "MILP_OPTIES", {**optimalisatie.MILP_OPTIES, "presolve": True})
    met = voorstel_berekenen(kandidaten, Eisen(minimum=12, maximum=15), vast_uit=vast_uit)

    assert zonder.haalbaar and met.haalbaar
    assert round(zonder.totaal, 6) == round(met.totaal, 6)
    assert zonder.gekozen == met.gekozen
