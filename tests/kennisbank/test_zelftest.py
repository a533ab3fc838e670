"""The Zelftest cliëntondersteuning: question data, steps, validation, result, PDF, private link, staff totals."""

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kennisbank.models import BewaardeZelftest
from kennisbank.zelftest.selectors import zelftest_totalen
from kennisbank.zelftest.services import token_hash, zelftest_bewaren
from kennisbank.zelftest.uitslag import niveau_bij, uitslag_berekenen
from kennisbank.zelftest.views import SESSIESLEUTEL
from kennisbank.zelftest.vragen import ALLE_VRAGEN, ANTWOORDEN, CRITERIA, NIVEAUS, Bron

pytestmark = pytest.mark.django_db


def _antwoorden(waarde="grotendeels", **afwijkend):
    return {vraag.code: afwijkend.get(vraag.code, waarde) for vraag in ALLE_VRAGEN}


def _stap_invullen(client, criterium, waarde="grotendeels"):
    return client.post(
        reverse("kennisbank:zelftest_stap", args=[criterium.nummer]),
        {vraag.code: waarde for vraag in criterium.vragen},
    )


def _alles_invullen(client, waarde="grotendeels"):
    for criterium in CRITERIA:
        _stap_invullen(client, criterium, waarde)


# The question set as data


def test_every_question_has_a_source_an_explanation_and_a_short_label():
    assert len(CRITERIA) == 4
    for vraag in ALLE_VRAGEN:
        assert isinstance(vraag.bron, Bron)
        assert str(vraag.bron.document).strip() and str(vraag.bron.paragraaf).strip()
        assert len(str(vraag.uitleg)) >= 20
        assert str(vraag.tekst).endswith("?")
        assert 0 < len(str(vraag.kort)) <= 31  # fits the chart's label column (250 px)


def test_question_codes_are_unique_and_every_criterion_has_texts_for_every_level():
    codes = [vraag.code for vraag in ALLE_VRAGEN]
    assert len(codes) == len(set(codes))
    niveaus = {code for code, _label, _grens in NIVEAUS}
    for criterium in CRITERIA:
        assert criterium.bron.document and criterium.uitleg
        assert set(criterium.sterkte) == niveaus
        assert set(criterium.volgende_stap) == niveaus
        assert criterium.themas or criterium.kennisitems


def test_the_copied_sources_are_in_the_project():
    from pathlib import Path

    import kennisbank.zelftest

    bronnen = Path(kennisbank.zelftest.__file__).parent / "bronnen"
    assert "Gezamenlijke en lerende ontwikkeling" in (bronnen / "achtergrondinformatie-2017.txt").read_text()
    assert "toegangsbeleid" in (bronnen / "oproep-koplopers-ii-2019.txt").read_text()
    assert "achtergrondinformatie-2017.txt" in (bronnen / "README.md").read_text()


@pytest.mark.parametrize(
    ("gemiddelde", "niveau"),
    [
        (None, "onbekend"),
        (0, "begin"),
        (0.74, "begin"),
        (0.75, "op_weg"),
        (1.5, "gevorderd"),
        (2.25, "koploper"),
        (3, "koploper"),
    ],
)
def test_niveau_bij_average(gemiddelde, niveau):
    assert niveau_bij(gemiddelde) == niveau


def test_uitslag_ignores_weet_ik_niet_and_gives_percentages():
    eerste = CRITERIA[0]
    antwoorden = _antwoorden("helemaal") | {eerste.vragen[0].code: "weet_niet", eerste.vragen[1].code: "nog_niet"}

    uitslag = uitslag_berekenen(antwoorden)

    # criterion 1: four questions, one unknown → (0 + 3 + 3) / 3 = 2.0 → 67%
    assert uitslag[0].procent == 67
    assert uitslag[0].niveau == "gevorderd"
    assert [u.procent for u in uitslag[1:]] == [100, 100, 100]


# Steps


def test_start_page_links_to_the_first_step_and_stores_nothing(client):
    response = client.get(reverse("kennisbank:zelftest"))

    assert response.status_code == 200
    assert reverse("kennisbank:zelftest_stap", args=[1]) in response.content.decode()
    assert SESSIESLEUTEL not in client.session
    assert BewaardeZelftest.objects.count() == 0


def test_each_step_shows_progress_and_a_fieldset_per_question(client):
    for criterium in CRITERIA:
        response = client.get(reverse("kennisbank:zelftest_stap", args=[criterium.nummer]))
        html = response.content.decode()

        assert response.status_code == 200
        assert f"Stap {criterium.nummer} van 4" in html
        assert html.count("<fieldset") == len(criterium.vragen)
        assert html.count('type="radio"') == len(criterium.vragen) * len(ANTWOORDEN)
        assert 'aria-current="step"' in html
        assert html.count("Bron:") == len(criterium.vragen) + 1


def test_a_valid_step_goes_to_the_next_and_the_last_to_the_result(client):
    for criterium in CRITERIA:
        response = _stap_invullen(client, criterium)
        volgende = (
            reverse("kennisbank:zelftest_stap", args=[criterium.nummer + 1])
            if criterium.nummer < 4
            else reverse("kennisbank:zelftest_uitslag")
        )
        assert response.status_code == 302
        assert response["Location"] == volgende

    assert client.session[SESSIESLEUTEL]["antwoorden"] == _antwoorden()


def test_answers_are_shown_again_when_returning_to_a_step(client):
    _stap_invullen(client, CRITERIA[0], "ten_dele")

    html = client.get(reverse("kennisbank:zelftest_stap", args=[1])).content.decode()

    assert html.count('value="ten_dele" id=') == len(CRITERIA[0].vragen)
    assert len(re.findall(r'value="ten_dele" id="[^"]+" checked', html)) == len(CRITERIA[0].vragen)


def test_unanswered_question_gives_a_dutch_error_summary_with_links_and_keeps_the_answers(client):
    criterium = CRITERIA[1]
    gegevens = {vraag.code: "helemaal" for vraag in criterium.vragen[1:]}

    response = client.post(reverse("kennisbank:zelftest_stap", args=[2]), gegevens)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Er is iets niet in orde" in html
    assert f'href="#id_{criterium.vragen[0].code}_0"' in html
    assert "Kies een antwoord bij deze vraag." in html
    assert html.count("Kies een antwoord bij deze vraag.") == 2  # summary and field
    assert len(re.findall(r'value="helemaal" id="[^"]+" checked', html)) == len(criterium.vragen) - 1
    assert "<title>Fout:" in html
    assert SESSIESLEUTEL not in client.session


@pytest.mark.parametrize("waarde", ["misschien", "", "<script>", "x" * 5000])
def test_an_unknown_answer_is_an_error_not_a_500(client, waarde):
    criterium = CRITERIA[0]
    gegevens = {vraag.code: "helemaal" for vraag in criterium.vragen} | {criterium.vragen[0].code: waarde}

    response = client.post(reverse("kennisbank:zelftest_stap", args=[1]), gegevens)

    assert response.status_code == 200
    assert "Er is iets niet in orde" in response.content.decode()


@pytest.mark.parametrize("stap", [0, 5, 99])
def test_unknown_step_is_404(client, stap):
    assert client.get(reverse("kennisbank:zelftest_stap", args=[stap])).status_code == 404


def test_result_before_all_steps_redirects_to_the_first_open_step(client):
    _stap_invullen(client, CRITERIA[0])
    _stap_invullen(client, CRITERIA[2])

    response = client.get(reverse("kennisbank:zelftest_uitslag"))

    assert response.status_code == 302
    assert response["Location"] == reverse("kennisbank:zelftest_stap", args=[2])


def test_result_page_has_charts_tables_texts_and_links(client, referentiedata):
    from kennisbank.services import kennisitems_laden

    kennisitems_laden()
    _alles_invullen(client, "ten_dele")

    response = client.get(reverse("kennisbank:zelftest_uitslag"))
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count('role="img"') == 5  # overview + one per criterion
    assert html.count("<table") == 5
    assert "33%" in html
    for criterium in CRITERIA:
        assert str(criterium.sterkte["op_weg"]) in html.replace("&#x27;", "'")
        assert str(criterium.volgende_stap["op_weg"]) in html.replace("&#x27;", "'")
    assert reverse("kennisbank:detail", args=["handreiking-onafhankelijke-clientondersteuning"]) in html
    assert "no-store" in response["Cache-Control"]
    assert BewaardeZelftest.objects.count() == 0


def test_result_links_to_koplopers_working_on_the_criterion_themes(client):
    from gemeenten.models import Thema
    from tests.factories.gemeenten import KoploperFactory

    thema = Thema.objects.create(naam="Overgang Wmo–Wlz", slug="overgang-wmo-wlz")
    koploper = KoploperFactory()
    koploper.themas.add(thema)
    _alles_invullen(client)

    html = client.get(reverse("kennisbank:zelftest_uitslag")).content.decode()

    assert koploper.get_absolute_url() in html


def test_opnieuw_clears_the_session(client):
    _alles_invullen(client)

    response = client.post(reverse("kennisbank:zelftest_opnieuw"))

    assert response.status_code == 302
    assert SESSIESLEUTEL not in client.session


# PDF


def test_pdf_of_the_result_renders_the_texts(client):
    _alles_invullen(client, "helemaal")

    response = client.get(reverse("kennisbank:zelftest_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    tekst = " ".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(response.content)).pages)
    tekst = " ".join(tekst.split())
    assert "Zelftest cliëntondersteuning: uitslag" in tekst
    assert "Samen en lerend ontwikkelen" in tekst
    assert "100%" in tekst
    assert "koploper" in tekst


# The private link


def test_nothing_is_stored_without_choosing_a_private_link(client):
    _alles_invullen(client)
    client.get(reverse("kennisbank:zelftest_uitslag"))
    client.get(reverse("kennisbank:zelftest_pdf"))

    assert BewaardeZelftest.objects.count() == 0


def test_private_link_is_created_reopened_and_stores_only_a_hash(client):
    _alles_invullen(client, "ten_dele")

    response = client.post(reverse("kennisbank:zelftest_bewaren"))

    assert response.status_code == 302
    token = response["Location"].rstrip("/").split("/")[-1]
    assert len(token) >= 40
    bewaard = BewaardeZelftest.objects.get()
    assert bewaard.token_hash == token_hash(token)
    assert token not in str(BewaardeZelftest.objects.values().get())
    assert bewaard.antwoorden == _antwoorden("ten_dele")
    assert timedelta(days=89) < bewaard.verloopt_op - timezone.now() <= timedelta(days=90)

    ander = client.__class__()  # another browser, with only the link
    geopend = ander.get(response["Location"])
    html = geopend.content.decode()
    assert geopend.status_code == 200
    assert token in html
    assert "33%" in html
    assert "no-store" in geopend["Cache-Control"]
    assert geopend["X-Robots-Tag"].startswith("noindex")
    assert ander.get(reverse("kennisbank:zelftest_bewaard_pdf", args=[token]))["Content-Type"] == "application/pdf"


def test_bewaren_without_complete_answers_stores_nothing(client):
    _stap_invullen(client, CRITERIA[0])

    response = client.post(reverse("kennisbank:zelftest_bewaren"))

    assert response.status_code == 302
    assert BewaardeZelftest.objects.count() == 0


def test_changing_kept_answers_updates_the_same_link(client):
    token, bewaard = zelftest_bewaren(antwoorden=_antwoorden("nog_niet"))

    client.post(reverse("kennisbank:zelftest_aanpassen", args=[token]))
    _alles_invullen(client, "helemaal")
    client.post(reverse("kennisbank:zelftest_bewaren"))

    bewaard.refresh_from_db()
    assert BewaardeZelftest.objects.count() == 1
    assert bewaard.antwoorden == _antwoorden("helemaal")


def test_delete_asks_for_confirmation_then_deletes(client):
    token, bewaard = zelftest_bewaren(antwoorden=_antwoorden())
    url = reverse("kennisbank:zelftest_verwijderen", args=[token])

    bevestiging = client.get(url)
    assert bevestiging.status_code == 200
    assert "Ja, verwijder mijn antwoorden" in bevestiging.content.decode()
    assert BewaardeZelftest.objects.count() == 1

    response = client.post(url)

    assert response.status_code == 302
    assert BewaardeZelftest.objects.count() == 0
    assert client.get(reverse("kennisbank:zelftest_bewaard", args=[token])).status_code == 404


@pytest.mark.parametrize("naam", ["zelftest_bewaard", "zelftest_bewaard_pdf", "zelftest_verwijderen"])
def test_wrong_or_expired_token_is_404(client, naam):
    token, bewaard = zelftest_bewaren(antwoorden=_antwoorden())
    assert client.get(reverse(f"kennisbank:{naam}", args=[token])).status_code == 200

    assert client.get(reverse(f"kennisbank:{naam}", args=[token[:-1] + "x"])).status_code == 404
    assert client.get(reverse(f"kennisbank:{naam}", args=["a" * 200])).status_code == 404
    BewaardeZelftest.objects.update(verloopt_op=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse(f"kennisbank:{naam}", args=[token])).status_code == 404


def test_expired_tests_are_deleted_when_a_new_one_is_kept():
    zelftest_bewaren(antwoorden=_antwoorden())
    BewaardeZelftest.objects.update(verloopt_op=timezone.now() - timedelta(days=1))

    zelftest_bewaren(antwoorden=_antwoorden())

    assert BewaardeZelftest.objects.count() == 1


# Staff totals


def test_totals_are_hidden_below_five_and_averaged_from_five():
    for _ in range(4):
        zelftest_bewaren(antwoorden=_antwoorden("helemaal"))
    zelftest_bewaren(antwoorden={"agenda_raad": "helemaal"})  # incomplete: not counted

    assert zelftest_totalen() == {"aantal": 4, "genoeg": False, "criteria": []}

    zelftest_bewaren(antwoorden=_antwoorden("nog_niet"))
    totalen = zelftest_totalen()

    assert totalen["aantal"] == 5
    assert [rij["gemiddeld"] for rij in totalen["criteria"]] == [80, 80, 80, 80]


def test_daily_retention_run_deletes_expired_kept_tests():
    from koplopers.privacy.services import bewaartermijnen_toepassen

    zelftest_bewaren(antwoorden=_antwoorden())
    zelftest_bewaren(antwoorden=_antwoorden())
    BewaardeZelftest.objects.filter(pk=BewaardeZelftest.objects.order_by("pk").first().pk).update(
        verloopt_op=timezone.now() - timedelta(minutes=1)
    )

    verslag = bewaartermijnen_toepassen()

    assert verslag["zelftests"] == 1
    assert BewaardeZelftest.objects.count() == 1


def test_staff_totals_page_shows_averages_only_from_five(client):
    from tests.permissies import Wereld

    wereld = Wereld.bouwen()
    staf = wereld.client_voor("staf", client)
    for _ in range(4):
        zelftest_bewaren(antwoorden=_antwoorden("helemaal"))

    assert "te weinig bewaarde zelftests" in staf.get(reverse("kennisbank:zelftest_totalen")).content.decode()
    assert reverse("kennisbank:zelftest_totalen") in staf.get(reverse("kennisbank:zelftest")).content.decode()

    zelftest_bewaren(antwoorden=_antwoorden("helemaal"))
    html = staf.get(reverse("kennisbank:zelftest_totalen")).content.decode()

    assert "over 5 zelftests" in html
    assert html.count("100%") == len(CRITERIA)


def test_chart_leaves_room_for_the_longest_answer_word():
    from kennisbank.grafieken import BREEDTE
    from kennisbank.zelftest.uitslag import grafieken

    uitslag = uitslag_berekenen(_antwoorden("helemaal") | {ALLE_VRAGEN[0].code: "grotendeels"})
    grafiek = grafieken(uitslag)["per_criterium"][CRITERIA[0].slug]

    langste = max(grafiek.balken, key=lambda balk: balk.breedte)
    assert langste.tekst == "helemaal"
    assert langste.waarde_x + len("grotendeels") * 9 <= BREEDTE


def test_vorige_stap_keeps_what_was_answered_without_requiring_the_rest(client):
    criterium = CRITERIA[2]
    gegevens = {criterium.vragen[0].code: "helemaal", criterium.vragen[1].code: "onzin", "vorige": "1"}

    response = client.post(reverse("kennisbank:zelftest_stap", args=[3]), gegevens)

    assert response.status_code == 302
    assert response["Location"] == reverse("kennisbank:zelftest_stap", args=[2])
    assert client.session[SESSIESLEUTEL]["antwoorden"] == {criterium.vragen[0].code: "helemaal"}
