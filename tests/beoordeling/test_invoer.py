"""The conflict-of-interest forms: any input gives a page with a Dutch error, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse

from selectie.beoordeling import services
from selectie.beoordeling.models import Belangenconflict
from tests.factories.beoordeling import kandidaat_maken

pytestmark = pytest.mark.django_db


@pytest.fixture
def kandidaat(ronde):
    return kandidaat_maken(ronde=ronde, naam="Kandidaat met conflict")


@pytest.fixture
def staf_die_beoordeelt(staf, kandidaat):
    """Programme staff who also review for VNG, assigned to the candidate, declaration confirmed."""
    staf.beoordelaar_organisatie = "vng"
    staf.save()
    services.toewijzing_maken(beoordelaar=staf, kandidaat=kandidaat, door=None)
    services.verklaring_bevestigen(beoordelaar=staf, ronde=kandidaat.ronde)
    return staf


def _melden(client, kandidaat, data):
    return client.post(reverse("beoordeling:conflict_melden", kwargs={"pk": kandidaat.pk}), data)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"soort": "bestaat-niet", "toelichting": "x"},
        {"soort": ["persoonlijk", ""], "toelichting": "x"},
        {"soort": "persoonlijk", "toelichting": "a\x00b"},
    ],
)
def test_conflict_melden_door_staf_die_beoordeelt_geeft_nederlandse_fout(als, kandidaat, staf_die_beoordeelt, data):
    client = als(Client(raise_request_exception=True), staf_die_beoordeelt)

    response = _melden(client, kandidaat, data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert any(
        fout in response.text for fout in ("Dit veld is verplicht", "Selecteer een geldige keuze", "Null-tekens")
    )
    assert not Belangenconflict.objects.exists()


def test_conflict_melden_door_staf_die_beoordeelt_wordt_vastgelegd(als, kandidaat, staf_die_beoordeelt):
    client = als(Client(raise_request_exception=True), staf_die_beoordeelt)

    response = _melden(client, kandidaat, {"soort": "persoonlijk", "toelichting": "x" * 10_000})

    assert response.status_code == 302
    assert Belangenconflict.objects.get().beoordelaar == staf_die_beoordeelt


def test_conflict_melden_door_staf_zonder_beoordelaarsrol_wordt_geweigerd_zonder_serverfout(als, kandidaat, staf):
    client = als(Client(raise_request_exception=True), staf)

    response = _melden(client, kandidaat, {"soort": "persoonlijk", "toelichting": "x"})

    assert response.status_code == 403
    assert not Belangenconflict.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"beoordelaar": "99999999999999999999999", "soort": "persoonlijk"},
        {"beoordelaar": "abc", "kandidaat": "-1", "soort": "persoonlijk"},
        {"soort": "persoonlijk", "toelichting": "x" * 10_000},
    ],
)
def test_conflict_vastleggen_door_staf_geeft_nederlandse_fout(als, kandidaat, staf, data):
    client = als(Client(raise_request_exception=True), staf)

    response = client.post(reverse("beoordeling:conflict_vastleggen", kwargs={"slug": kandidaat.ronde.slug}), data)

    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.text or "Selecteer een geldige keuze" in response.text
    assert not Belangenconflict.objects.exists()
