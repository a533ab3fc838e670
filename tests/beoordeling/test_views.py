import csv
import io

import pytest
from django.urls import reverse

from selectie.beoordeling import services
from selectie.beoordeling.models import (
    Belangenconflict,
    Beoordeling,
    Besluit,
    RondeBeoordeling,
    Toewijzing,
    Verklaring,
)
from selectie.models import AuditRegel, Ronde
from tests.factories.beoordeling import BeoordelaarFactory, beoordeling_maken, kandidaat_maken, status_zetten

pytestmark = pytest.mark.django_db


def _verklaren(beoordelaar, ronde):
    services.verklaring_bevestigen(beoordelaar=beoordelaar, ronde=ronde)


# --- the reviewer's list ------------------------------------------------------------------------------


def test_lijst_shows_assigned_not_conflicted_by_name_in_independent_then_least_reviewed_first(
    client, als, ronde, beoordelaars, staf
):
    ik, ander, derde = beoordelaars
    veel = kandidaat_maken(ronde=ronde, naam="Aaa veel beoordeeld")
    weinig = kandidaat_maken(ronde=ronde, naam="Zzz weinig beoordeeld")
    conflict = kandidaat_maken(ronde=ronde, naam="Conflict")
    for kandidaat in (veel, weinig, conflict):
        services.toewijzing_maken(beoordelaar=ik, kandidaat=kandidaat, door=staf)
    beoordeling_maken(beoordelaar=ander, kandidaat=veel, niveaus=[5, 5, 5, 5])
    beoordeling_maken(beoordelaar=derde, kandidaat=veel, niveaus=[5, 5, 5, 5])
    services.conflict_melden(
        beoordelaar=ik, kandidaat=conflict, soort="persoonlijk", toelichting="", bron="staf", door=staf
    )

    onafhankelijk = als(client, ik).get(reverse("beoordeling:lijst")).content.decode()
    # Independent scoring: by name only, so the order says nothing about the others' progress
    assert onafhankelijk.index("Aaa veel beoordeeld") < onafhankelijk.index("Zzz weinig beoordeeld")
    assert "Conflict" not in onafhankelijk

    status_zetten(ronde, Ronde.Status.KALIBRATIE)
    kalibratie = client.get(reverse("beoordeling:lijst")).content.decode()

    assert kalibratie.index("Zzz weinig beoordeeld") < kalibratie.index("Aaa veel beoordeeld")
    assert "Conflict" not in kalibratie


def _volgorde(client, beoordelaar):
    inhoud = client.get(reverse("beoordeling:lijst")).content.decode()
    namen = ["Kandidaat A", "Kandidaat B", "Kandidaat C"]
    return sorted(namen, key=inhoud.index)


def test_lijst_order_does_not_depend_on_scores(client, als, ronde, beoordelaars, staf):
    ik, ander, _derde = beoordelaars
    kandidaten = [kandidaat_maken(ronde=ronde, naam=f"Kandidaat {letter}") for letter in "ABC"]
    for kandidaat in kandidaten:
        services.toewijzing_maken(beoordelaar=ik, kandidaat=kandidaat, door=staf)
    for kandidaat, niveau in zip(kandidaten, [1, 3, 5], strict=True):
        beoordeling_maken(beoordelaar=ander, kandidaat=kandidaat, niveaus=[niveau] * 4)
    als(client, ik)
    voor = _volgorde(client, ik)

    for kandidaat, niveau in zip(kandidaten, [5, 3, 1], strict=True):
        beoordeling_maken(beoordelaar=ander, kandidaat=kandidaat, niveaus=[niveau] * 4)

    assert _volgorde(client, ik) == voor == ["Kandidaat A", "Kandidaat B", "Kandidaat C"]


def test_lijst_query_count_constant(client, als, ronde, beoordelaars, staf, django_assert_num_queries):
    ik, ander, _derde = beoordelaars

    def maak(aantal):
        for _ in range(aantal):
            kandidaat = kandidaat_maken(ronde=ronde)
            services.toewijzing_maken(beoordelaar=ik, kandidaat=kandidaat, door=staf)
            beoordeling_maken(beoordelaar=ander, kandidaat=kandidaat, niveaus=[3, 3, 3, 3])

    als(client, ik)
    maak(1)
    client.get(reverse("beoordeling:lijst"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as een:
        client.get(reverse("beoordeling:lijst"))
    maak(49)
    with django_assert_num_queries(len(een.captured_queries)):
        response = client.get(reverse("beoordeling:lijst"))
    assert response.content.decode().count("/beoordelen/kandidaat/") == 50


# --- the candidate page and scoring -------------------------------------------------------------------


def test_kandidaat_needs_declaration_first(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=staf)
    als(client, beoordelaars[0])

    response = client.get(reverse("beoordeling:kandidaat", args=[kandidaat.pk]))
    assert response.status_code == 302
    assert reverse("beoordeling:verklaring", args=[ronde.slug]) in response["Location"]

    response = client.post(response["Location"], {"akkoord": "on"})
    assert response["Location"] == reverse("beoordeling:kandidaat", args=[kandidaat.pk])
    assert Verklaring.objects.filter(beoordelaar=beoordelaars[0], ronde=ronde).exists()


def test_verklaring_without_consent_shows_error(client, als, ronde, beoordelaars):
    response = als(client, beoordelaars[0]).post(reverse("beoordeling:verklaring", args=[ronde.slug]), {})

    assert response.status_code == 200
    assert not Verklaring.objects.exists()
    assert "veld--fout" in response.content.decode()


def _formulier(ronde, niveaus, **extra):
    data = {}
    for criterium, niveau in zip(ronde.criteria.order_by("volgorde"), niveaus, strict=False):
        data[f"niveau_{criterium.pk}"] = str(niveau)
        data[f"toelichting_{criterium.pk}"] = f"Toelichting {niveau}"
    data.update(extra)
    return data


def test_kandidaat_submit_review(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=staf)
    _verklaren(beoordelaars[0], ronde)
    als(client, beoordelaars[0])
    url = reverse("beoordeling:kandidaat", args=[kandidaat.pk])

    response = client.post(url, _formulier(ronde, [4, 4, "nvt", 1], opmerking="Mooi", indienen=""))

    assert response.status_code == 302
    beoordeling = Beoordeling.objects.get()
    assert beoordeling.status == "ingediend"
    assert float(beoordeling.totaal) == 3.0
    assert beoordeling.scores.get(criterium__volgorde=3).niet_van_toepassing
    assert beoordeling.opmerking == "Mooi"


def test_kandidaat_incomplete_submit_keeps_input_and_shows_errors(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=staf)
    _verklaren(beoordelaars[0], ronde)
    als(client, beoordelaars[0])

    response = client.post(
        reverse("beoordeling:kandidaat", args=[kandidaat.pk]), _formulier(ronde, [4], opmerking="Bewaard", indienen="")
    )

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert not Beoordeling.objects.exists()
    assert inhoud.count('class="veld__fout"') == 3
    assert "Bewaard</textarea>" in inhoud
    assert 'value="4" checked' in inhoud or 'checked value="4"' in inhoud or "checked" in inhoud


def test_kandidaat_abstain_with_reason(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=staf)
    _verklaren(beoordelaars[0], ronde)

    als(client, beoordelaars[0]).post(
        reverse("beoordeling:kandidaat", args=[kandidaat.pk]), {"reden_onthouding": "Oud-collega", "onthouden": ""}
    )

    assert Beoordeling.objects.get().status == "onthouden"


def test_independent_phase_hides_other_scores_calibration_shows_them(client, als, ronde, beoordelaars, staf):
    ik, ander, _derde = beoordelaars
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=ik, kandidaat=kandidaat, door=staf)
    beoordeling_maken(beoordelaar=ander, kandidaat=kandidaat, niveaus=[2, 2, 2, 2], reden="")
    Beoordeling.objects.filter(beoordelaar=ander).update(opmerking="GEHEIME-OPMERKING")
    _verklaren(ik, ronde)
    als(client, ik)
    url = reverse("beoordeling:kandidaat", args=[kandidaat.pk])

    onafhankelijk = client.get(url).content.decode()
    status_zetten(ronde, Ronde.Status.KALIBRATIE)
    kalibratie = client.get(url).content.decode()

    assert str(ander) not in onafhankelijk
    assert "Alle beoordelingen" not in onafhankelijk
    assert str(ander) in kalibratie
    assert "Alle beoordelingen" in kalibratie


def test_conflicted_reviewer_cannot_open_candidate(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=staf)
    _verklaren(beoordelaars[0], ronde)
    als(client, beoordelaars[0])

    response = client.post(
        reverse("beoordeling:conflict_melden", args=[kandidaat.pk]), {"soort": "zakelijk", "toelichting": "Adviseur"}
    )
    assert response.status_code == 302

    assert client.get(reverse("beoordeling:kandidaat", args=[kandidaat.pk])).status_code == 404
    status_zetten(ronde, Ronde.Status.KALIBRATIE)
    assert client.get(reverse("beoordeling:kandidaat", args=[kandidaat.pk])).status_code == 404


def test_unassigned_reviewer_gets_404_as_for_a_candidate_that_does_not_exist(client, als, ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    als(client, beoordelaars[0])

    bestaand = client.get(reverse("beoordeling:kandidaat", args=[kandidaat.pk]))
    onbestaand = client.get(reverse("beoordeling:kandidaat", args=[kandidaat.pk + 1000]))

    assert (bestaand.status_code, onbestaand.status_code) == (404, 404)
    assert kandidaat.naam not in bestaand.content.decode()


def test_staff_may_see_a_candidate_but_not_declare_a_conflict_403(client, als, ronde, staf):
    kandidaat = kandidaat_maken(ronde=ronde)

    response = als(client, staf).get(reverse("beoordeling:conflict_melden", args=[kandidaat.pk]))

    assert response.status_code == 403


def test_reviewer_cannot_reach_staff_pages_or_exports(client, als, ronde, beoordelaars):
    als(client, beoordelaars[0])

    for naam in [
        "dashboard",
        "ranglijst",
        "selectie",
        "voorstel",
        "export_beoordelingen",
        "export_kandidaten",
        "rapport",
    ]:
        assert client.get(reverse(f"beoordeling:{naam}", args=[ronde.slug])).status_code == 403, naam


# --- staff pages ---------------------------------------------------------------------------------------


@pytest.fixture
def gevulde_ronde(ronde, beoordelaars, staf):
    for i in range(3):
        kandidaat = kandidaat_maken(ronde=ronde, naam=f"Kandidaat {i}")
        for beoordelaar, niveau in zip(beoordelaars, [1 + i, 2 + i, 3], strict=True):
            beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[niveau, niveau, "nvt", niveau])
    return ronde


@pytest.mark.parametrize(
    "naam",
    ["dashboard", "instellingen", "ranglijst", "selectie", "voorstel", "publiceren", "outbox", "nieuws", "audit"],
)
def test_staff_pages_render(client, als, gevulde_ronde, staf, naam):
    response = als(client, staf).get(reverse(f"beoordeling:{naam}", args=[gevulde_ronde.slug]))

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_export_beoordelingen_one_row_per_review_column_per_criterion(client, als, gevulde_ronde, staf):
    response = als(client, staf).get(reverse("beoordeling:export_beoordelingen", args=[gevulde_ronde.slug]))

    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    criteria = [c.naam for c in gevulde_ronde.criteria.order_by("volgorde")]
    assert rijen[0][5:9] == criteria
    assert len(rijen) == 1 + 9
    assert {r[7] for r in rijen[1:]} == {"n.v.t."}


def test_export_kandidaten_aggregates(client, als, gevulde_ronde, staf):
    response = als(client, staf).get(reverse("beoordeling:export_kandidaten", args=[gevulde_ronde.slug]))

    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rijen) == 4
    assert rijen[1][1] == "Kandidaat 2"  # levels 3, 4, 3: highest
    assert rijen[1][6] == "3"


def test_rapport_is_a_pdf(client, als, gevulde_ronde, staf):
    response = als(client, staf).get(reverse("beoordeling:rapport", args=[gevulde_ronde.slug]))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_csv_neutralises_formulas(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde, naam="=HYPERLINK()")
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])

    response = als(client, staf).get(reverse("beoordeling:export_beoordelingen", args=[ronde.slug]))

    assert "'=HYPERLINK()" in response.content.decode()


def test_besluit_without_js_redirects_with_js_returns_check(client, als, gevulde_ronde, staf):
    kandidaat = gevulde_ronde.kandidaten.first()
    url = reverse("beoordeling:besluit", args=[gevulde_ronde.slug, kandidaat.pk])
    status_zetten(gevulde_ronde, Ronde.Status.SELECTIE)
    als(client, staf)

    zonder = client.post(url, {"uitkomst": "geselecteerd", "vastzetting": "", "motivering": "Goed"})
    met = client.post(url, {"uitkomst": "reserve", "vastzetting": "in", "motivering": ""}, HTTP_X_GEVRAAGD_DOOR="fetch")

    assert zonder.status_code == 302
    assert met.status_code == 200
    assert "controle__toetsen" in met.content.decode()
    besluit = Besluit.objects.get(kandidaat=kandidaat)
    assert (besluit.uitkomst, besluit.vastzetting, besluit.motivering) == ("reserve", "in", "")


def test_besluit_refused_before_selectie_status_with_a_dutch_message(client, als, gevulde_ronde, staf):
    kandidaat = gevulde_ronde.kandidaten.first()
    url = reverse("beoordeling:besluit", args=[gevulde_ronde.slug, kandidaat.pk])
    als(client, staf)

    werkblad = client.get(reverse("beoordeling:selectie", args=[gevulde_ronde.slug]))
    met = client.post(url, {"uitkomst": "reserve", "vastzetting": "", "motivering": ""}, HTTP_X_GEVRAAGD_DOOR="fetch")

    assert werkblad.context["bewerkbaar"] is False
    assert met.status_code == 400
    assert "besluiten kan alleen in de status ‘selectie’" in met.content.decode()
    assert not Besluit.objects.filter(kandidaat=kandidaat).exists()


def test_voorstel_post_adopts(client, als, gevulde_ronde, staf):
    gevulde_ronde.streefaantal_min = 1
    gevulde_ronde.streefaantal_max = 2
    gevulde_ronde.save()
    status_zetten(gevulde_ronde, Ronde.Status.SELECTIE)
    RondeBeoordeling.objects.filter(ronde=gevulde_ronde).update(elke_provincie=False)

    response = als(client, staf).post(reverse("beoordeling:voorstel", args=[gevulde_ronde.slug]))

    assert response.status_code == 302
    gekozen = set(Besluit.objects.filter(uitkomst="geselecteerd").values_list("kandidaat__naam", flat=True))
    assert gekozen == {"Kandidaat 1", "Kandidaat 2"}


def test_dashboard_shows_missing_organisations(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde, naam="Half toegewezen")
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=staf)

    inhoud = als(client, staf).get(reverse("beoordeling:dashboard", args=[ronde.slug])).content.decode()

    assert "Half toegewezen" in inhoud
    assert "Ieder(in), Koepel Adviesraden Sociaal Domein" in inhoud


def test_verdelen_and_status_via_dashboard(client, als, ronde, beoordelaars, staf):
    kandidaat_maken(ronde=ronde)
    als(client, staf)

    client.post(reverse("beoordeling:verdelen", args=[ronde.slug]))
    dashboard = client.get(reverse("beoordeling:dashboard", args=[ronde.slug])).content.decode()
    assert 'name="status" value="kalibratie"' in dashboard
    client.post(
        reverse("selectie:ronde_status", args=[ronde.slug]),
        {"status": "kalibratie", "bevestigd": "on", "terug": "dashboard"},
    )

    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.KALIBRATIE
    assert ronde.kandidaten.get().toewijzingen.count() == 3


def _aantal_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd.captured_queries)


@pytest.mark.parametrize("naam", ["ranglijst", "selectie", "dashboard"])
def test_staff_lists_query_count_constant(client, als, ronde, beoordelaars, staf, naam):
    def maak(aantal):
        for _ in range(aantal):
            kandidaat = kandidaat_maken(ronde=ronde)
            status_zetten(ronde, Ronde.Status.ONAFHANKELIJK)
            for beoordelaar in beoordelaars:
                beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[3, 4, 2, 5])
            status_zetten(ronde, Ronde.Status.SELECTIE)
            services.besluit_vastleggen(kandidaat=kandidaat, door=staf, uitkomst="reserve")

    als(client, staf)
    url = reverse(f"beoordeling:{naam}", args=[ronde.slug])
    maak(1)
    client.get(url)
    een = _aantal_queries(client, url)
    maak(49)

    assert _aantal_queries(client, url) == een


def test_publish_flow_through_views(client, als, gevulde_ronde, staf, mailoutbox, django_capture_on_commit_callbacks):
    status_zetten(gevulde_ronde, Ronde.Status.SELECTIE)
    kandidaat = gevulde_ronde.kandidaten.first()
    services.besluit_vastleggen(kandidaat=kandidaat, door=staf, uitkomst="geselecteerd")
    als(client, staf)

    response = client.post(
        reverse("beoordeling:publiceren", args=[gevulde_ronde.slug]), {"bevestigen": "on", "afwijking": "Klein"}
    )
    assert response.status_code == 302
    outbox = client.get(reverse("beoordeling:outbox", args=[gevulde_ronde.slug])).content.decode()
    assert "geselecteerd als koploper" in outbox
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(reverse("beoordeling:outbox", args=[gevulde_ronde.slug]))

    assert len(mailoutbox) == 3
    assert "koploper" in client.get(reverse("beoordeling:nieuws", args=[gevulde_ronde.slug])).content.decode()


def test_second_reviewer_from_same_org_counts_once_in_balanced(client, als, ronde, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    for org, niveau in [("vng", 1), ("vng", 1), ("iederin", 5)]:
        beoordeling_maken(
            beoordelaar=BeoordelaarFactory(beoordelaar_organisatie=org), kandidaat=kandidaat, niveaus=[niveau] * 4
        )

    response = als(client, staf).get(reverse("beoordeling:export_kandidaten", args=[ronde.slug]))

    rij = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))[1]
    assert rij[7] == "3,00"  # balanced (1 + 5) / 2
    assert rij[8] == "2,33"  # plain mean


# --- the dashboard's action forms: a failed form stays on the page with its errors by its fields -------


def _tag(inhoud: str, element_id: str) -> str:
    """The opening tag of the element with ``id="element_id"``."""
    begin = inhoud.index(f'id="{element_id}"')
    return inhoud[inhoud.rindex("<", 0, begin) : inhoud.index(">", begin) + 1]


def _gekozen(inhoud: str, select_id: str) -> str:
    """The value of the selected option of the select ``select_id``."""
    select = inhoud[inhoud.index(f'id="{select_id}"') : inhoud.index("</select>", inhoud.index(f'id="{select_id}"'))]
    optie = select[: select.index(" selected")]
    return optie[optie.rindex('value="') + 7 :].split('"')[0]


def _veld_met_fout(inhoud: str, veld_id: str) -> str:
    """Assert the field is marked invalid and described by its error list; return the error list."""
    veld = _tag(inhoud, veld_id)
    assert 'aria-invalid="true"' in veld
    assert f"{veld_id}_error" in veld.split('aria-describedby="')[1].split('"')[0]
    begin = inhoud.index(f'id="{veld_id}_error"')
    return inhoud[begin : inhoud.index("</ul>", begin)]


def test_status_step_not_allowed_now_shows_a_dutch_error_and_writes_nothing(client, als, ronde, staf):
    als(client, staf)
    audit_voor = AuditRegel.objects.count()

    response = client.post(
        reverse("selectie:ronde_status", args=[ronde.slug]),
        {"status": "selectie", "reden": "Snel door", "terug": "dashboard"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Deze stap kan nu niet: kies een van de stappen die bij de ronde staan." in inhoud
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.ONAFHANKELIJK
    assert AuditRegel.objects.count() == audit_voor


def test_status_step_from_dashboard_asks_confirmation_then_redirects_back(client, als, ronde, staf):
    als(client, staf)
    url = reverse("selectie:ronde_status", args=[ronde.slug])

    vraag = client.post(url, {"status": "kalibratie", "reden": "Klaar met scoren", "terug": "dashboard"})
    assert vraag.status_code == 200
    inhoud = vraag.content.decode()
    assert "Alle beoordelaars zien daarna elkaars scores" in inhoud
    assert "Klaar met scoren" in inhoud  # what was typed stays
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.ONAFHANKELIJK

    response = client.post(
        url, {"status": "kalibratie", "reden": "Klaar met scoren", "terug": "dashboard", "bevestigd": "on"}
    )

    assert response.status_code == 302
    assert response.url == reverse("beoordeling:dashboard", args=[ronde.slug])
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.KALIBRATIE
    regel = AuditRegel.objects.filter(soort=AuditRegel.Soort.STATUS).first()
    assert (regel.voor["status"], regel.na["status"], regel.na["reden"]) == (
        "onafhankelijk",
        "kalibratie",
        "Klaar met scoren",
    )


def test_toewijzen_form_conflict_error_by_the_field_keeps_values_and_writes_nothing(
    client, als, ronde, beoordelaars, staf
):
    kandidaat = kandidaat_maken(ronde=ronde, naam="Gemeente Conflict")
    beoordelaar = beoordelaars[1]
    services.conflict_melden(
        beoordelaar=beoordelaar, kandidaat=kandidaat, soort="anders", toelichting="", bron="staf", door=staf
    )
    als(client, staf)
    audit_voor = AuditRegel.objects.count()

    response = client.post(
        reverse("beoordeling:toewijzen", args=[ronde.slug]),
        {"beoordelaar": beoordelaar.pk, "kandidaat": kandidaat.pk, "actie": "toevoegen"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "heeft een belangenconflict met Gemeente Conflict" in _veld_met_fout(inhoud, "toewijzing_beoordelaar")
    assert _gekozen(inhoud, "toewijzing_beoordelaar") == str(beoordelaar.pk)
    assert _gekozen(inhoud, "toewijzing_kandidaat") == str(kandidaat.pk)
    assert _gekozen(inhoud, "toewijzing_actie") == "toevoegen"
    assert 'aria-invalid="true"' not in _tag(inhoud, "toewijzing_kandidaat")
    assert Toewijzing.objects.count() == 0
    assert AuditRegel.objects.count() == audit_voor


def test_toewijzen_form_missing_candidate_error_by_the_field(client, als, ronde, beoordelaars, staf):
    kandidaat_maken(ronde=ronde)
    als(client, staf)

    response = client.post(
        reverse("beoordeling:toewijzen", args=[ronde.slug]),
        {"beoordelaar": beoordelaars[0].pk, "kandidaat": "", "actie": "verwijderen"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Dit veld is verplicht." in _veld_met_fout(inhoud, "toewijzing_kandidaat")
    assert _gekozen(inhoud, "toewijzing_beoordelaar") == str(beoordelaars[0].pk)
    assert _gekozen(inhoud, "toewijzing_actie") == "verwijderen"
    assert Toewijzing.objects.count() == 0


def test_conflict_form_error_by_the_field_keeps_typed_text_and_writes_nothing(client, als, ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    als(client, staf)
    audit_voor = AuditRegel.objects.count()

    response = client.post(
        reverse("beoordeling:conflict_vastleggen", args=[ronde.slug]),
        {"beoordelaar": "", "kandidaat": kandidaat.pk, "soort": "persoonlijk", "toelichting": "Broer is wethouder"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Dit veld is verplicht." in _veld_met_fout(inhoud, "conflict_beoordelaar")
    assert _gekozen(inhoud, "conflict_kandidaat") == str(kandidaat.pk)
    assert _gekozen(inhoud, "conflict_soort") == "persoonlijk"
    assert "Broer is wethouder</textarea>" in inhoud
    assert Belangenconflict.objects.count() == 0
    assert AuditRegel.objects.count() == audit_voor


def test_verdelen_form_service_error_shown_in_the_form(client, als, ronde, staf, monkeypatch):
    from django.core.exceptions import ValidationError

    def weigeren(**kwargs):
        raise ValidationError("Verdelen kan nu niet.")

    monkeypatch.setattr(services, "gelijk_verdelen", weigeren)
    als(client, staf)

    response = client.post(reverse("beoordeling:verdelen", args=[ronde.slug]))

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert 'aria-describedby="verdelen_fouten"' in inhoud
    fouten = inhoud[inhoud.index('id="verdelen_fouten"') :]
    assert fouten.index("Verdelen kan nu niet.") < fouten.index("</form>")


def test_publiceren_view_refuses_a_closed_round_with_a_clear_message(client, als, gevulde_ronde, staf):
    from gemeenten.models import Koploper
    from selectie.beoordeling.models import Nieuwsbericht, Uitgaand
    from selectie.models import Ronde

    status_zetten(gevulde_ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=gevulde_ronde.kandidaten.first(), door=staf, uitkomst="geselecteerd")
    Ronde.objects.filter(pk=gevulde_ronde.pk).update(status=Ronde.Status.GESLOTEN)
    als(client, staf)
    url = reverse("beoordeling:publiceren", args=[gevulde_ronde.slug])
    assert (
        "De ronde heeft de status ‘gesloten’. Publiceren kan pas in de status ‘selectie’"
        in client.get(url).content.decode()
    )

    response = client.post(url, {"bevestigen": "on", "afwijking": "Klein"})

    assert response.status_code == 200
    assert "De ronde heeft de status ‘gesloten’ en kan nog niet worden gepubliceerd." in response.content.decode()
    assert Ronde.objects.get(pk=gevulde_ronde.pk).status == Ronde.Status.GESLOTEN
    assert not Koploper.objects.filter(rondes=gevulde_ronde).exists()
    assert (Nieuwsbericht.objects.count(), Uitgaand.objects.count()) == (0, 0)
