"""'Mijn gegevens': a user sees and downloads their own data (JSON, or a ZIP of CSV files), nobody else's."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from koplopers.privacy.export import als_csv
from tests.factories.accounts import BelangenbehartigerFactory
from tests.factories.beoordeling import BeoordelaarFactory, beoordeling_maken, kandidaat_maken, ronde_maken
from tests.factories.selectie import VoordrachtFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jet():
    return BelangenbehartigerFactory(username="jet", first_name="Jet", last_name="de Vries", email="jet@voorbeeld.nl")


def test_page_lists_what_is_kept_and_links_to_the_downloads(client_als, jet):
    VoordrachtFactory(indiener=jet)

    response = client_als(jet).get(reverse("privacy:mijn_gegevens"))

    assert response.status_code == 200
    assert "Voordrachten" in response.text
    assert reverse("privacy:download_json") in response.text
    assert reverse("privacy:download_zip") in response.text
    assert reverse("privacy:verwijderen") in response.text


def test_account_page_links_to_my_data(client_als, jet):
    response = client_als(jet).get(reverse("accounts:mijn_account"))

    assert reverse("privacy:mijn_gegevens") in response.text
    assert reverse("privacy:verzoeken") not in response.text


def test_json_download_holds_my_account_nominations_and_nobody_elses(client_als, jet):
    eigen = VoordrachtFactory(indiener=jet, contact_telefoon="0612345678")
    VoordrachtFactory(contact_naam="Iemand Anders")

    response = client_als(jet).get(reverse("privacy:download_json"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.json"'
    assert response["Cache-Control"] == "no-store"
    gegevens = json.loads(response.content)["gegevens"]
    assert gegevens["account"][0]["e-mailadres"] == "jet@voorbeeld.nl"
    assert [v["nummer"] for v in gegevens["voordrachten"]] == [eigen.pk]
    assert gegevens["voordrachten"][0]["telefoon_contactpersoon"] == "0612345678"
    assert len(gegevens["motivaties"]) == 4
    assert "Iemand Anders" not in response.content.decode()


def test_json_download_of_a_reviewer_holds_reviews_and_scores(client_als):
    beoordelaar = BeoordelaarFactory()
    kandidaat = kandidaat_maken(ronde=ronde_maken())
    beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[4, 3, 5, 2])

    gegevens = json.loads(client_als(beoordelaar).get(reverse("privacy:download_json")).content)["gegevens"]

    assert [b["kandidaat"] for b in gegevens["beoordelingen"]] == [kandidaat.naam]
    assert [s["niveau"] for s in gegevens["scores"]] == [4, 3, 5, 2]
    assert len(gegevens["toewijzingen"]) == 1


def test_zip_download_has_one_csv_per_table_with_rows(client_als, jet):
    VoordrachtFactory(indiener=jet)

    response = client_als(jet).get(reverse("privacy:download_zip"))

    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archief:
        namen = set(archief.namelist())
        account = archief.read("account.csv").decode("utf-8-sig")
    assert {"account.csv", "voordrachten.csv", "motivaties.csv"} <= namen
    assert "beoordelingen.csv" not in namen
    rijen = list(csv.reader(io.StringIO(account), delimiter=";"))
    assert rijen[0][:4] == ["gebruikersnaam", "voornaam", "achternaam", "e-mailadres"]
    assert rijen[1][:4] == ["jet", "Jet", "de Vries", "jet@voorbeeld.nl"]


def test_csv_cells_that_look_like_formulas_stay_text():
    uit = als_csv([{"naam": '=HYPERLINK("http://x")', "getal": 3, "ja": True}]).decode("utf-8-sig")

    assert list(csv.reader(io.StringIO(uit), delimiter=";"))[1] == ['\'=HYPERLINK("http://x")', "3", "ja"]


def test_every_table_has_a_dutch_name_on_the_page(jet):
    from koplopers.privacy.selectors import TABELNAMEN, mijn_gegevens

    assert list(mijn_gegevens(jet)) == list(TABELNAMEN)
