"""Coverage means a usable score: a review with every criterion "niet van toepassing" is flagged and gives
its organisation no coverage; candidates without coverage of all three organisations are flagged on the
ranking and listed (a warning, not a stop) before "naar selectie" and before publishing."""

import pytest
from django.urls import reverse

from selectie.beoordeling import aggregatie, selectors
from selectie.models import Ronde
from tests.factories.beoordeling import beoordeling_maken, kandidaat_maken, status_zetten

pytestmark = pytest.mark.django_db


def test_a_review_with_everything_not_applicable_is_counted_apart_and_gives_no_coverage():
    reviews = [
        aggregatie.Review(beoordelaar=1, organisatie="vng", scores={"a": 4, "b": 2}),
        aggregatie.Review(beoordelaar=2, organisatie="iederin", scores={"a": None, "b": None}),
    ]

    a = aggregatie.kandidaat_aggregeren(reviews, {"a": 1, "b": 1})

    assert (a.aantal, a.zonder_score, a.gemiddelde) == (1, 1, 3.0)
    assert set(a.per_organisatie) == {"vng"}


def _gedekt_en_niet(ronde, beoordelaars):
    gedekt = kandidaat_maken(ronde=ronde, naam="Almere")
    half = kandidaat_maken(ronde=ronde, naam="Zwolle")
    for beoordelaar in beoordelaars:
        beoordeling_maken(beoordelaar=beoordelaar, kandidaat=gedekt, niveaus=[3, 3, 3, 3])
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=half, niveaus=[4, 4, 4, 4])
    beoordeling_maken(beoordelaar=beoordelaars[1], kandidaat=half, niveaus=["nvt"] * 4)
    return gedekt, half


def test_the_ranking_flags_missing_coverage_and_all_not_applicable_reviews(client, ronde, beoordelaars, staf, als):
    gedekt, half = _gedekt_en_niet(ronde, beoordelaars)
    status_zetten(ronde, Ronde.Status.KALIBRATIE)

    assert [rij.kandidaat for rij in selectors.kandidaten_zonder_dekking(ronde)] == [half]
    inhoud = als(client, staf).get(reverse("beoordeling:ranglijst", args=[ronde.slug])).content.decode()

    assert "geen bruikbare score van Ieder(in), Koepel" in inhoud
    assert "1 beoordeling alles n.v.t." in inhoud
    assert inhoud.count("geen bruikbare score van") == 1


def test_naar_selectie_first_warns_with_the_list_then_takes_the_step(client, ronde, beoordelaars, staf, als):
    _gedekt_en_niet(ronde, beoordelaars)
    status_zetten(ronde, Ronde.Status.KALIBRATIE)
    als(client, staf)
    url = reverse("selectie:ronde_status", args=[ronde.slug])

    eerste = client.post(url, {"status": "selectie", "terug": "dashboard"})

    assert eerste.status_code == 200
    assert "Zwolle: geen bruikbare beoordeling van Ieder(in), Koepel" in eerste.content.decode()
    assert "Almere:" not in eerste.content.decode()
    ronde.refresh_from_db()
    assert ronde.status == Ronde.Status.KALIBRATIE

    tweede = client.post(url, {"status": "selectie", "terug": "dashboard", "bevestigpagina": "1"})

    assert tweede.status_code == 302
    ronde.refresh_from_db()
    assert ronde.status == Ronde.Status.SELECTIE


def test_naar_selectie_without_gaps_takes_the_step_at_once(client, ronde, beoordelaars, staf, als):
    kandidaat = kandidaat_maken(ronde=ronde, naam="Almere")
    for beoordelaar in beoordelaars:
        beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[3, 3, 3, 3])
    status_zetten(ronde, Ronde.Status.KALIBRATIE)
    als(client, staf)

    antwoord = client.post(reverse("selectie:ronde_status", args=[ronde.slug]), {"status": "selectie"})

    assert antwoord.status_code == 302
    ronde.refresh_from_db()
    assert ronde.status == Ronde.Status.SELECTIE


def test_the_publish_page_lists_candidates_without_coverage(client, ronde, beoordelaars, staf, als):
    _gedekt_en_niet(ronde, beoordelaars)
    status_zetten(ronde, Ronde.Status.SELECTIE)

    inhoud = als(client, staf).get(reverse("beoordeling:publiceren", args=[ronde.slug])).content.decode()

    assert "1 kandidaat heeft niet van elk van de drie organisaties een bruikbare beoordeling" in inhoud
    assert "Zwolle – ontbreekt: Ieder(in), Koepel" in inhoud
