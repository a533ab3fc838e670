"""A nomination submitted after the reviewers were assigned: the conflict it brings is recorded at once,
so the assigned reviewer of the nominating organisation cannot read it (issue 9)."""

import pytest

from selectie.beoordeling.models import Belangenconflict, Toewijzing
from selectie.beoordeling.rules import is_toegewezen_beoordelaar_zonder_conflict
from selectie.services import voordracht_indienen
from tests.factories.beoordeling import BeoordelaarFactory, kandidaat_maken
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory

pytestmark = pytest.mark.django_db


def test_late_nomination_by_the_reviewers_organisation_records_a_conflict_and_hides_it():
    ronde = OpenRondeFactory()
    kandidaat = kandidaat_maken(ronde=ronde, organisatie="Cliëntenraad Elders")
    beoordelaar = BeoordelaarFactory(organisatie="Adviesraad Sociaal Domein Voorbeeldstad")
    Toewijzing.objects.create(beoordelaar=beoordelaar, kandidaat=kandidaat)
    assert not Belangenconflict.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).exists()

    concept = VoordrachtFactory(
        ronde=ronde, gemeenten=list(kandidaat.gemeenten.all()), organisatie="Adviesraad Sociaal Domein Voorbeeldstad"
    )
    voordracht = voordracht_indienen(voordracht=concept, token=concept.token)

    assert voordracht.kandidaat_id == kandidaat.pk
    conflict = Belangenconflict.objects.get(beoordelaar=beoordelaar, kandidaat=kandidaat)
    assert conflict.bron == "automatisch"
    assert not is_toegewezen_beoordelaar_zonder_conflict.test(beoordelaar, voordracht)


def test_late_nomination_by_another_organisation_records_nothing():
    ronde = OpenRondeFactory()
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordelaar = BeoordelaarFactory(organisatie="Adviesraad Sociaal Domein Voorbeeldstad")
    Toewijzing.objects.create(beoordelaar=beoordelaar, kandidaat=kandidaat)

    concept = VoordrachtFactory(
        ronde=ronde, gemeenten=list(kandidaat.gemeenten.all()), organisatie="Huurdersvereniging"
    )
    voordracht = voordracht_indienen(voordracht=concept, token=concept.token)

    assert not Belangenconflict.objects.filter(beoordelaar=beoordelaar).exists()
    assert is_toegewezen_beoordelaar_zonder_conflict.test(beoordelaar, voordracht)
