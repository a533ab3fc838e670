import math

import pytest

from selectie.beoordeling.aggregatie import (
    Review,
    Status,
    kandidaat_aggregeren,
    per_criterium,
    rangschikken,
    review_totaal,
)

GEWICHTEN = {"visie": 2, "proces": 1, "innovatie": 1}


def review(beoordelaar, organisatie, scores, **kwargs):
    return Review(beoordelaar=beoordelaar, organisatie=organisatie, scores=scores, **kwargs)


def test_review_totaal_weighted_mean():
    # (2*4 + 1*2 + 1*3) / 4 = 13/4
    assert review_totaal({"visie": 4, "proces": 2, "innovatie": 3}, GEWICHTEN) == 3.25


def test_review_totaal_not_applicable_leaves_numerator_and_denominator():
    # innovatie n.v.t.: (2*4 + 1*1) / 3 = 3, not (2*4 + 1*1 + 0) / 4 = 2.25
    assert review_totaal({"visie": 4, "proces": 1, "innovatie": None}, GEWICHTEN) == 3.0


def test_review_totaal_all_not_applicable_is_none():
    assert review_totaal({"visie": None, "proces": None}, GEWICHTEN) is None


def test_review_totaal_zero_weight_does_not_count():
    assert review_totaal({"visie": 2, "proces": 4}, {"visie": 1, "proces": 0}) == 2.0


def test_review_totaal_unknown_criterion_raises():
    with pytest.raises(KeyError):
        review_totaal({"onbekend": 3}, GEWICHTEN)


def test_review_totaal_unanswered_criterion_is_like_not_applicable():
    assert review_totaal({"visie": 3}, GEWICHTEN) == 3.0


def test_aggregeren_mean_median_spread():
    reviews = [
        review(1, "vng", {"visie": 1}),
        review(2, "vng", {"visie": 2}),
        review(3, "iederin", {"visie": 4}),
        review(4, "koepel_asd", {"visie": 4}),
    ]

    aggregaat = kandidaat_aggregeren(reviews, GEWICHTEN)

    assert aggregaat.aantal == 4
    assert aggregaat.gemiddelde == 2.75
    assert aggregaat.mediaan == 3.0
    assert aggregaat.laagste == 1 and aggregaat.hoogste == 4
    assert aggregaat.bereik == 3
    # population sd of 1, 2, 4, 4 around 2.75: sqrt((3.0625 + 0.5625 + 1.5625 + 1.5625) / 4)
    assert aggregaat.standaardafwijking == pytest.approx(math.sqrt(6.75 / 4))


def test_aggregeren_balanced_mean_first_within_organisation():
    # VNG 1 and 2 (mean 1.5), Ieder(in) 4, Koepel 4: balanced (1.5 + 4 + 4) / 3, plain mean 2.75
    reviews = [
        review(1, "vng", {"visie": 1}),
        review(2, "vng", {"visie": 2}),
        review(3, "iederin", {"visie": 4}),
        review(4, "koepel_asd", {"visie": 4}),
    ]

    aggregaat = kandidaat_aggregeren(reviews, GEWICHTEN)

    assert aggregaat.per_organisatie == {"iederin": 4.0, "koepel_asd": 4.0, "vng": 1.5}
    assert aggregaat.gebalanceerd == pytest.approx(9.5 / 3)
    assert aggregaat.gebalanceerd != aggregaat.gemiddelde


def test_aggregeren_balanced_mean_only_over_organisations_present():
    reviews = [review(1, "vng", {"visie": 2}), review(2, "vng", {"visie": 4}), review(3, "iederin", {"visie": 1})]

    aggregaat = kandidaat_aggregeren(reviews, GEWICHTEN)

    assert aggregaat.gebalanceerd == 2.0  # (3 + 1) / 2, Koepel ASD absent


def test_aggregeren_excludes_conflicts_abstentions_and_drafts():
    reviews = [
        review(1, "vng", {"visie": 4}),
        review(2, "iederin", {"visie": 1}, conflict=True),
        review(3, "koepel_asd", {"visie": 1}, status=Status.ONTHOUDEN),
        review(4, "koepel_asd", {"visie": 1}, status=Status.CONCEPT),
    ]

    aggregaat = kandidaat_aggregeren(reviews, GEWICHTEN)

    assert aggregaat.aantal == 1
    assert aggregaat.gemiddelde == 4.0
    assert (aggregaat.conflicten, aggregaat.onthoudingen, aggregaat.concepten) == (1, 1, 1)


def test_aggregeren_conflict_counts_as_conflict_even_when_abstained():
    aggregaat = kandidaat_aggregeren([review(1, "vng", {"visie": 2}, status=Status.ONTHOUDEN, conflict=True)], {})

    assert (aggregaat.conflicten, aggregaat.onthoudingen) == (1, 0)


def test_aggregeren_without_reviews_has_no_figures():
    aggregaat = kandidaat_aggregeren([], GEWICHTEN, drempel=1)

    assert aggregaat.aantal == 0
    assert aggregaat.gemiddelde is None and aggregaat.gebalanceerd is None and aggregaat.bereik is None
    assert aggregaat.bespreken is False


def test_aggregeren_review_with_only_not_applicable_does_not_count():
    aggregaat = kandidaat_aggregeren([review(1, "vng", {"visie": None}), review(2, "vng", {"visie": 3})], GEWICHTEN)

    assert aggregaat.aantal == 1
    assert aggregaat.gemiddelde == 3.0


@pytest.mark.parametrize(
    ("scores", "drempel", "bespreken"),
    [
        ([1, 3], 1.5, True),
        ([1, 2.5], 1.5, False),  # exactly at the threshold: not flagged ("passes" means greater than)
        ([2, 2, 2], 0, False),
        ([2, 3], None, False),
    ],
)
def test_aggregeren_flag_when_range_passes_threshold(scores, drempel, bespreken):
    reviews = [review(i, "vng", {"visie": s}) for i, s in enumerate(scores)]

    assert kandidaat_aggregeren(reviews, GEWICHTEN, drempel=drempel).bespreken is bespreken


def test_per_criterium_figures_per_criterion():
    reviews = [
        review(1, "vng", {"visie": 1, "proces": 3}),
        review(2, "iederin", {"visie": 4, "proces": None}),
        review(3, "iederin", {"visie": 4, "proces": 1}, conflict=True),
    ]

    figuren = per_criterium(reviews)

    assert figuren["visie"].bereik == 3
    assert figuren["visie"].aantal == 2
    assert figuren["proces"].aantal == 1


def test_rangschikken_balanced_then_mean_then_count_with_shared_ranks():
    aggregaten = {
        "a": kandidaat_aggregeren([review(1, "vng", {"visie": 3})], GEWICHTEN),
        "b": kandidaat_aggregeren([review(1, "vng", {"visie": 4})], GEWICHTEN),
        "c": kandidaat_aggregeren([review(1, "vng", {"visie": 3}), review(2, "vng", {"visie": 3})], GEWICHTEN),
        "d": kandidaat_aggregeren([review(1, "vng", {"visie": 3})], GEWICHTEN),
        "e": kandidaat_aggregeren([], GEWICHTEN),
    }

    plaatsen = rangschikken(aggregaten)

    assert [(p.sleutel, p.rang) for p in plaatsen] == [("b", 1), ("c", 2), ("a", 3), ("d", 3), ("e", None)]


def test_rangschikken_balanced_mean_decides_over_plain_mean():
    # x: plain mean 3.0 but balanced (2 + 4) / 2 = 3.0 ... y: plain 2.75, balanced 3.17
    x = [review(1, "vng", {"visie": 2}), review(2, "iederin", {"visie": 4})]
    y = [
        review(1, "vng", {"visie": 1}),
        review(2, "vng", {"visie": 2}),
        review(3, "iederin", {"visie": 4}),
        review(4, "koepel_asd", {"visie": 4}),
    ]
    aggregaten = {"x": kandidaat_aggregeren(x, GEWICHTEN), "y": kandidaat_aggregeren(y, GEWICHTEN)}

    assert [p.sleutel for p in rangschikken(aggregaten)] == ["y", "x"]


def test_rangschikken_tie_broken_by_sort_key():
    aggregaten = {naam: kandidaat_aggregeren([review(1, "vng", {"visie": 2})], GEWICHTEN) for naam in ["b", "a", "c"]}

    plaatsen = rangschikken(aggregaten, sorteersleutel=lambda s: {"a": 2, "b": 1, "c": 3}[s])

    assert [p.sleutel for p in plaatsen] == ["b", "a", "c"]
    assert {p.rang for p in plaatsen} == {1}


def test_cijfer_rounds_half_up_once_for_every_page():
    from selectie.beoordeling.aggregatie import cijfer
    from selectie.beoordeling.weergave import getal

    # 3.125 as a float formats as "3.12" with f"{:.2f}" (binary representation); cijfer says "3,13"
    assert f"{3.125:.2f}" == "3.12"
    assert (cijfer(3.125), cijfer(2.675), cijfer(None), getal(3.125), getal(None)) == ("3,13", "2,68", "", "3,13", "–")
