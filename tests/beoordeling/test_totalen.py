"""Totals never go stale: criteria and weights lock once a round leaves "concept", so every stored review
total (ranking, candidate page, CSV, proposal) stays the one computed from the raw scores."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from selectie import services as selectie_services
from selectie.forms import CriteriumFormSet
from selectie.models import Ronde
from tests.factories.beoordeling import beoordeling_maken, kandidaat_maken, status_zetten
from tests.factories.selectie import RondeFactory

pytestmark = pytest.mark.django_db


def _criteria_gegevens(ronde, gewicht_eerste: int) -> dict:
    criteria = list(ronde.criteria.order_by("volgorde"))
    gegevens = {
        "naam": ronde.naam,
        "slug": ronde.slug,
        "jaar": ronde.jaar,
        "sluit_op": "2099-01-31T12:00",
        "streefaantal_min": 10,
        "streefaantal_max": 14,
        "criteria-TOTAL_FORMS": len(criteria),
        "criteria-INITIAL_FORMS": len(criteria),
        "criteria-MIN_NUM_FORMS": 1,
        "criteria-MAX_NUM_FORMS": 1000,
    }
    for i, criterium in enumerate(criteria):
        gegevens.update(
            {
                f"criteria-{i}-id": criterium.pk,
                f"criteria-{i}-ronde": ronde.pk,
                f"criteria-{i}-volgorde": i + 1,
                f"criteria-{i}-naam": criterium.naam,
                f"criteria-{i}-gewicht": gewicht_eerste if i == 0 else criterium.gewicht,
                f"criteria-{i}-schaal_labels": "\n".join(criterium.schaal_labels),
            }
        )
    return gegevens


def test_criteria_opslaan_refuses_once_the_round_left_concept(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordeling = beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[5, 1, 1, 1])
    formset = CriteriumFormSet(_criteria_gegevens(ronde, gewicht_eerste=5), instance=ronde, prefix="criteria")
    assert formset.is_valid(), formset.errors

    with pytest.raises(ValidationError) as fout:
        selectie_services.criteria_opslaan(ronde=ronde, formset=formset)

    assert "liggen vast" in " ".join(fout.value.messages)
    assert ronde.criteria.get(volgorde=1).gewicht == 1
    beoordeling.refresh_from_db()
    assert float(beoordeling.totaal) == 2.0  # (5 + 1 + 1 + 1) / 4, with the weights the review was scored on


def test_criteria_opslaan_saves_while_the_round_is_a_draft(db):
    ronde = RondeFactory(status=Ronde.Status.CONCEPT)
    selectie_services.ronde_criteria_standaard(ronde=ronde)
    formset = CriteriumFormSet(_criteria_gegevens(ronde, gewicht_eerste=4), instance=ronde, prefix="criteria")
    assert formset.is_valid(), formset.errors

    selectie_services.criteria_opslaan(ronde=ronde, formset=formset)

    assert ronde.criteria.get(volgorde=1).gewicht == 4


@pytest.mark.parametrize("status", [Ronde.Status.OPEN, Ronde.Status.ONAFHANKELIJK, Ronde.Status.SELECTIE])
def test_the_round_page_refuses_a_weight_change_after_concept_with_a_dutch_message(client, ronde, staf, als, status):
    status_zetten(ronde, status)
    als(client, staf)
    url = reverse("selectie:ronde_bewerken", args=[ronde.slug])

    antwoord = client.post(url, _criteria_gegevens(ronde, gewicht_eerste=7))

    assert antwoord.status_code == 200
    meldingen = [str(m) for m in antwoord.context["messages"]]
    assert any("De criteria en hun gewichten liggen vast" in m for m in meldingen)
    assert ronde.criteria.get(volgorde=1).gewicht == 1
    # What was typed stays in the form
    assert antwoord.context["form"]["naam"].value() == ronde.naam
