from gemeenten.sortering import beginletter, sorteersleutel


def test_sorteersleutel_skips_elided_article():
    assert sorteersleutel("'s-Gravenhage") == "gravenhage"
    assert sorteersleutel("'t Hoogeland") == "hoogeland"


def test_sorteersleutel_folds_accents_and_case():
    assert sorteersleutel("Súdwest-Fryslân") == "sudwest-fryslan"


def test_beginletter_of_s_hertogenbosch_is_h():
    assert beginletter("'s-Hertogenbosch") == "H"
