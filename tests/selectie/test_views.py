import csv
import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from selectie.models import Bijlage, Ronde, Voordracht
from selectie.views import csv_cel
from tests.factories.accounts import BelangenbehartigerFactory, StafFactory
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import OpenRondeFactory, RondeFactory, VoordrachtFactory, ingediende_voordracht
from tests.permissies import totp_apparaat_maken
from tests.selectie.conftest import aanmelden, pdf_bestand
from tests.selectie.test_forms import EXE


def volledige_gegevens(voordracht, gemeenten, **extra):
    gegevens = {
        "token": str(voordracht.token),
        "gemeenten": [gemeente.pk for gemeente in gemeenten],
        "organisatie": "Adviesraad Sociaal Domein Almere",
        "organisatie_type": "adviesraad",
        "contact_naam": "Jet de Vries",
        "contact_email": "jet@example.nl",
        "contact_telefoon": "06-12345678",
        "mede_1_organisatie": "Gemeente Almere",
        "mede_1_type": "gemeente",
        "toestemming_privacy": "on",
    }
    for criterium in voordracht.ronde.criteria.all():
        gegevens[f"motivatie_{criterium.pk}"] = f"Onze motivatie bij {criterium.naam}."
    gegevens.update(extra)
    return gegevens


def staf_client(client):
    staf = StafFactory()
    totp_apparaat_maken(staf)
    client.force_login(staf, backend="django.contrib.auth.backends.ModelBackend")
    inloggen_sessie_verifieren(client, staf)
    return client


def inloggen_sessie_verifieren(client, gebruiker):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=gebruiker).persistent_id
    sessie.save()


# /voordragen/ ----------------------------------------------------------------------------------------


def test_voordragen_shows_the_open_round_with_deadline_and_criteria(client, db):
    ronde = OpenRondeFactory(naam="Koplopers 2027", sluit_op=timezone.make_aware(timezone.datetime(2099, 3, 13, 12)))

    antwoord = client.get(reverse("selectie:voordragen"))

    inhoud = antwoord.content.decode()
    assert ronde.naam in inhoud
    assert "vrijdag 13 maart 2099 om 12:00" in inhoud
    assert "Gezamenlijk en lerend ontwikkelproces" in inhoud


def test_voordragen_without_open_round_says_when_the_last_closed(client, db):
    RondeFactory(
        naam="Koplopers II, derde oproep",
        status=Ronde.Status.GESLOTEN,
        opent_op=timezone.make_aware(timezone.datetime(2020, 12, 1, 9)),
        sluit_op=timezone.make_aware(timezone.datetime(2021, 2, 7, 23, 59)),
    )

    antwoord = client.get(reverse("selectie:voordragen"))

    inhoud = antwoord.content.decode()
    assert "geen ronde open" in inhoud
    assert "7 februari 2021 om 23:59" in inhoud


def test_starting_twice_with_one_token_gives_one_draft(client, ronde, indiener):
    aanmelden(client, indiener)
    pagina = client.get(reverse("selectie:voordragen")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', pagina).group(1)

    eerste = client.post(reverse("selectie:voordracht_starten"), {"token": token})
    tweede = client.post(reverse("selectie:voordracht_starten"), {"token": token})

    assert eerste.url == tweede.url
    assert Voordracht.objects.filter(indiener=indiener).count() == 1


# The form: draft, validation, submit ------------------------------------------------------------------


def test_draft_saved_incomplete_and_shown_again(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[], motivaties=False)
    gemeente = GemeenteFactory(naam="Almere")
    aanmelden(client, indiener)
    url = reverse("selectie:voordracht_bewerken", args=[voordracht.pk])

    antwoord = client.post(url, {"token": str(voordracht.token), "gemeenten": [gemeente.pk], "organisatie": "Raad"})

    assert antwoord.status_code == 302
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.CONCEPT
    assert list(voordracht.gemeenten.all()) == [gemeente]
    pagina = client.get(url).content.decode()
    assert re.search(rf'value="{gemeente.pk}" id="[^"]+" checked', pagina)


def test_invalid_field_keeps_the_rest_and_the_chosen_municipalities(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener)
    gemeenten = [GemeenteFactory(naam="Almere"), GemeenteFactory(naam="Zeewolde")]
    aanmelden(client, indiener)
    gegevens = volledige_gegevens(voordracht, gemeenten, contact_email="geen-adres")

    antwoord = client.post(reverse("selectie:voordracht_indienen", args=[voordracht.pk]), gegevens)

    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert 'id="id_contact_email_error"' in inhoud
    assert 'aria-describedby="id_contact_email_error"' in inhoud
    assert 'value="Adviesraad Sociaal Domein Almere"' in inhoud
    for gemeente in gemeenten:
        assert re.search(rf'value="{gemeente.pk}" id="[^"]+" checked', inhoud)
    assert Voordracht.objects.get().status == Voordracht.Status.CONCEPT


def test_valid_attachment_is_kept_when_another_field_fails(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener)
    aanmelden(client, indiener)
    gegevens = volledige_gegevens(voordracht, [GemeenteFactory()], contact_email="fout", bijlagen=[pdf_bestand()])

    antwoord = client.post(reverse("selectie:voordracht_bewerken", args=[voordracht.pk]), gegevens)

    assert antwoord.status_code == 200
    assert [b.oorspronkelijke_naam for b in voordracht.bijlagen.all()] == ["plan.pdf"]
    assert "plan.pdf" in antwoord.content.decode()


def test_renamed_executable_is_refused_with_a_dutch_message(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener)
    aanmelden(client, indiener)
    gegevens = volledige_gegevens(
        voordracht, [GemeenteFactory()], bijlagen=[SimpleUploadedFile("jaarverslag.pdf", EXE, "application/pdf")]
    )

    antwoord = client.post(reverse("selectie:voordracht_bewerken", args=[voordracht.pk]), gegevens)

    assert "jaarverslag.pdf is geen PDF-bestand" in antwoord.content.decode()
    assert not Bijlage.objects.exists()


def test_sixth_attachment_is_refused(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener)
    aanmelden(client, indiener)
    url = reverse("selectie:voordracht_bewerken", args=[voordracht.pk])
    gegevens = volledige_gegevens(voordracht, [GemeenteFactory()])
    client.post(url, {**gegevens, "bijlagen": [pdf_bestand(f"{n}.pdf") for n in range(5)]})

    antwoord = client.post(url, {**gegevens, "bijlagen": [pdf_bestand("zes.pdf")]})

    assert antwoord.status_code == 200
    assert "hoogstens 5 bijlagen" in antwoord.content.decode()
    assert voordracht.bijlagen.count() == 5


def test_complete_submit_confirmation_and_mail_with_pdf(
    client, indiener, mailoutbox, django_capture_on_commit_callbacks
):
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[], motivaties=False)
    aanmelden(client, indiener)
    gemeenten = [GemeenteFactory(naam="Almere")]

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("selectie:voordracht_indienen", args=[voordracht.pk]),
            volledige_gegevens(voordracht, gemeenten, bijlagen=[pdf_bestand()]),
        )

    assert antwoord.url == reverse("selectie:voordracht_bevestiging", args=[voordracht.pk])
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.INGEDIEND
    assert voordracht.is_gezamenlijk is True
    assert len(mailoutbox) == 1
    bericht = mailoutbox[0]
    assert bericht.to == [indiener.email]  # the account address only, not the typed contact address
    assert bericht.cc == [] and bericht.bcc == []
    assert "Almere" in bericht.subject
    assert "Onze motivatie bij Visie." in bericht.body
    naam, inhoud, soort = bericht.attachments[0]
    assert soort == "application/pdf"
    tekst = "".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)
    assert "Almere" in tekst
    assert "Onze motivatie bij Ambitie." in tekst
    bevestiging = client.get(antwoord.url).content.decode()
    assert "Uw voordracht is ingediend" in bevestiging


def test_double_submit_stores_one_nomination(client, indiener, mailoutbox, django_capture_on_commit_callbacks):
    voordracht = VoordrachtFactory(indiener=indiener)
    aanmelden(client, indiener)
    url = reverse("selectie:voordracht_indienen", args=[voordracht.pk])
    gegevens = volledige_gegevens(voordracht, [GemeenteFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        eerste = client.post(url, gegevens)
        tweede = client.post(url, gegevens)

    assert eerste.status_code == tweede.status_code == 302
    assert tweede.url == eerste.url
    assert Voordracht.objects.filter(status=Voordracht.Status.INGEDIEND).count() == 1
    assert len(mailoutbox) == 1


def test_submit_after_deadline_is_refused_and_the_draft_is_complete(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[], motivaties=False)
    aanmelden(client, indiener)
    Ronde.objects.filter(pk=voordracht.ronde_id).update(sluit_op=timezone.now() - timedelta(minutes=1))
    gemeente = GemeenteFactory()

    antwoord = client.post(
        reverse("selectie:voordracht_indienen", args=[voordracht.pk]), volledige_gegevens(voordracht, [gemeente])
    )

    assert antwoord.status_code == 200
    assert "De termijn om voor te dragen is voorbij" in antwoord.content.decode()
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.CONCEPT
    assert list(voordracht.gemeenten.all()) == [gemeente]
    assert voordracht.motivaties.exclude(tekst="").count() == 4
    assert voordracht.contact_telefoon == "06-12345678"


def test_incomplete_submit_shows_each_missing_field(client, indiener):
    voordracht = VoordrachtFactory(indiener=indiener, gemeenten=[], motivaties=False)
    aanmelden(client, indiener)

    antwoord = client.post(
        reverse("selectie:voordracht_indienen", args=[voordracht.pk]), {"token": str(voordracht.token)}
    )

    inhoud = antwoord.content.decode()
    assert "Kies minstens één gemeente" in inhoud
    assert "Vul de motivatie bij ‘Visie’ in." in inhoud
    assert 'id="id_toestemming_privacy_error"' in inhoud
    assert Voordracht.objects.get().status == Voordracht.Status.CONCEPT


def test_markup_is_shown_as_text(client, indiener):
    voordracht = ingediende_voordracht(indiener=indiener, organisatie='<img src=x onerror="alert(1)">')
    voordracht.motivaties.update(tekst="<script>alert('x')</script>")
    aanmelden(client, indiener)

    inhoud = client.get(reverse("selectie:voordracht_bevestiging", args=[voordracht.pk])).content.decode()

    assert "<script>alert" not in inhoud
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in inhoud
    assert "&lt;img src=x" in inhoud


def test_another_advocates_nomination_is_not_found(client, indiener):
    voordracht = VoordrachtFactory()
    aanmelden(client, indiener)

    for naam in ["selectie:voordracht_bewerken", "selectie:voordracht_bevestiging"]:
        assert client.get(reverse(naam, args=[voordracht.pk])).status_code == 404


def test_attachment_download_has_a_safe_name(client, indiener):
    from selectie.services import bijlage_toevoegen

    voordracht = VoordrachtFactory(indiener=indiener)
    bijlage = bijlage_toevoegen(voordracht=voordracht, bestand=pdf_bestand('plan "x";.pdf'))
    aanmelden(client, indiener)

    antwoord = client.get(reverse("selectie:bijlage", args=[bijlage.pk]))

    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"] == 'attachment; filename="plan-x.pdf"'
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF-")
    aanmelden(client, BelangenbehartigerFactory())
    assert client.get(reverse("selectie:bijlage", args=[bijlage.pk])).status_code == 404  # not told it exists


# Lists and query counts -------------------------------------------------------------------------------


def aantal_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(queries)


def test_mijn_voordrachten_query_count_is_the_same_for_1_and_50(client, django_assert_max_num_queries, indiener):
    ronde = OpenRondeFactory()
    VoordrachtFactory(indiener=indiener, ronde=ronde, motivaties=False)
    aanmelden(client, indiener)
    url = reverse("selectie:mijn_voordrachten")
    bij_een = aantal_queries(client, url)
    for _ in range(49):
        VoordrachtFactory(indiener=indiener, ronde=ronde, motivaties=False)

    # session, user, count, page, municipalities (prefetch), plus what the shared menu asks (at most 3)
    with django_assert_max_num_queries(8):
        antwoord = client.get(url)

    assert aantal_queries(client, url) == bij_een
    assert antwoord.content.decode().count("status--concept") == 25


def test_kandidaten_query_count_is_the_same_for_1_and_50(client, db, django_assert_max_num_queries):
    ronde = OpenRondeFactory()
    ingediende_voordracht(ronde=ronde)
    staf_client(client)
    url = reverse("selectie:kandidaten", args=[ronde.slug])
    bij_een = aantal_queries(client, url)
    for _ in range(49):
        ingediende_voordracht(ronde=ronde)

    # session, user, OTP device, round, count, page, municipalities, nominations, co-nominators, figures (+ menu)
    with django_assert_max_num_queries(13):
        antwoord = client.get(url)

    assert aantal_queries(client, url) == bij_een
    assert antwoord.context["paginator"].count == 50
    assert len(antwoord.context["kandidaten"]) == 25


def test_kandidaten_groups_nominations_of_one_municipality(client, db):
    ronde = OpenRondeFactory()
    gemeente = GemeenteFactory(naam="Almere")
    for organisatie in ["Adviesraad Almere", "MEE IJsseloevers"]:
        ingediende_voordracht(ronde=ronde, gemeenten=[gemeente], organisatie=organisatie)
    VoordrachtFactory(ronde=ronde, gemeenten=[gemeente], organisatie="Nog een concept")
    staf_client(client)

    antwoord = client.get(reverse("selectie:kandidaten", args=[ronde.slug]))

    kandidaten = list(antwoord.context["kandidaten"])
    assert len(kandidaten) == 1
    assert [v.organisatie for v in kandidaten[0].ingediende_voordrachten] == ["Adviesraad Almere", "MEE IJsseloevers"]
    assert "Nog een concept" not in antwoord.content.decode()


def test_kandidaten_csv_has_a_row_per_nomination_and_is_injection_safe(client, db):
    ronde = OpenRondeFactory()
    ingediende_voordracht(ronde=ronde, organisatie='=HYPERLINK("http://kwaad")', contact_naam="@Piet")
    ingediende_voordracht(ronde=ronde, organisatie="Cliëntenraad; Zorg & Welzijn")
    staf_client(client)

    antwoord = client.get(reverse("selectie:kandidaten_csv", args=[ronde.slug]))

    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    tekst = antwoord.content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert len(rijen) == 3
    kop = rijen[0]
    organisaties = {rij[kop.index("organisatie")] for rij in rijen[1:]}
    assert organisaties == {'\'=HYPERLINK("http://kwaad")', "Cliëntenraad; Zorg & Welzijn"}
    assert "'@Piet" in {rij[kop.index("contactpersoon")] for rij in rijen[1:]}
    assert kop[-4:] == [
        "motivatie: Visie",
        "motivatie: Gezamenlijk en lerend ontwikkelproces",
        "motivatie: Innovaties",
        "motivatie: Ambitie",
    ]


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("=1+1", "'=1+1"), ("+31", "'+31"), ("-2", "'-2"), ("@SUM", "'@SUM"), ("gewoon", "gewoon"), (3, "3")],
)
def test_csv_cel(waarde, verwacht):
    assert csv_cel(waarde) == verwacht


# Staff pages -----------------------------------------------------------------------------------------


def test_staff_creates_a_round_with_the_default_criteria(client, db):
    staf_client(client)

    antwoord = client.post(
        reverse("selectie:ronde_nieuw"),
        {
            "naam": "Koplopers III",
            "jaar": 2027,
            "sluit_op": "2099-01-31T12:00",
            "streefaantal_min": 12,
            "streefaantal_max": 15,
            "oproeptekst": "Draag voor!",
        },
    )

    ronde = Ronde.objects.get(naam="Koplopers III")
    assert antwoord.url == reverse("selectie:ronde_bewerken", args=[ronde.slug])
    assert ronde.criteria.count() == 4
    assert timezone.localtime(ronde.sluit_op).hour == 12


def test_staff_opens_a_round(client, db):
    ronde = RondeFactory(status=Ronde.Status.CONCEPT)
    from selectie.services import ronde_criteria_standaard

    ronde_criteria_standaard(ronde=ronde)
    staf_client(client)

    client.post(reverse("selectie:ronde_status", args=[ronde.slug]), {"status": "open"})

    ronde.refresh_from_db()
    assert ronde.status == Ronde.Status.OPEN


def test_staff_edits_round_and_criteria_while_draft(client, db):
    ronde = RondeFactory(status=Ronde.Status.CONCEPT, slug="r", naam="R")
    from selectie.services import ronde_criteria_standaard

    criteria = ronde_criteria_standaard(ronde=ronde)
    staf_client(client)
    url = reverse("selectie:ronde_bewerken", args=[ronde.slug])
    pagina = client.get(url)
    assert pagina.status_code == 200
    gegevens = {
        "naam": "R nieuw",
        "slug": "r",
        "jaar": 2027,
        "sluit_op": "2099-01-31T12:00",
        "streefaantal_min": 10,
        "streefaantal_max": 14,
        "criteria-TOTAL_FORMS": 4,
        "criteria-INITIAL_FORMS": 4,
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
                f"criteria-{i}-gewicht": 2 if i == 0 else 1,
                f"criteria-{i}-schaal_labels": "slecht\nmatig\ngoed",
            }
        )

    antwoord = client.post(url, gegevens)

    assert antwoord.status_code == 302, antwoord.context["formset"].errors if antwoord.context else ""
    ronde.refresh_from_db()
    assert ronde.naam == "R nieuw"
    eerste = ronde.criteria.get(volgorde=1)
    assert (eerste.gewicht, eerste.schaal_labels) == (2, ["slecht", "matig", "goed"])


# The round's lifecycle through the pages ------------------------------------------------------------


def test_closing_early_shows_what_will_happen_first_and_changes_nothing(client, db):
    ronde = OpenRondeFactory(slug="vroeg")
    staf_client(client)
    url = reverse("selectie:ronde_status", args=[ronde.slug])

    pagina = client.post(url, {"status": "gesloten", "terug": "ronde"})

    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert "De ronde sluit nu, vóór de aangekondigde termijn van" in inhoud
    assert "De aangekondigde termijn blijft vastgelegd" in inhoud
    assert 'name="bevestigd"' in inhoud
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.OPEN


def test_closing_early_without_ticking_the_box_keeps_the_reason_and_says_why(client, db):
    ronde = OpenRondeFactory(slug="vroeg")
    staf_client(client)

    pagina = client.post(
        reverse("selectie:ronde_status", args=[ronde.slug]),
        {"status": "gesloten", "terug": "ronde", "bevestigpagina": "1", "reden": "Genoeg voordrachten"},
    )

    inhoud = pagina.content.decode()
    assert "Vink aan dat u deze stap wilt zetten; die kan niet ongedaan worden." in inhoud
    assert "Genoeg voordrachten" in inhoud
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.OPEN


def test_closing_early_confirmed_keeps_the_announced_deadline(client, db):
    ronde = OpenRondeFactory(slug="vroeg")
    aangekondigd = ronde.sluit_op
    staf_client(client)

    antwoord = client.post(
        reverse("selectie:ronde_status", args=[ronde.slug]),
        {"status": "gesloten", "terug": "ronde", "bevestigpagina": "1", "bevestigd": "on"},
    )

    assert antwoord.status_code == 302
    assert antwoord.url == reverse("selectie:ronde_bewerken", args=[ronde.slug])
    ronde.refresh_from_db()
    assert (ronde.status, ronde.sluit_op) == (Ronde.Status.GESLOTEN, aangekondigd)
    assert ronde.gesloten_op is not None
    pagina = client.get(antwoord.url).content.decode()
    assert "Eerder gesloten op" in pagina


def test_confirmation_page_by_get_and_unknown_step_give_no_500(client, db):
    ronde = OpenRondeFactory(slug="vroeg")
    staf_client(client)
    url = reverse("selectie:ronde_status", args=[ronde.slug])

    bevestigen = client.get(url, {"status": "gesloten"})
    onzin = client.get(url, {"status": "<script>"})
    onzin_post = client.post(url, {"status": "gepubliceerd", "bevestigd": "on"})

    assert bevestigen.status_code == onzin.status_code == onzin_post.status_code == 200
    assert "De ronde sluit nu" in bevestigen.content.decode()
    assert "Deze stap kan nu niet" in onzin_post.content.decode()
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.OPEN


def test_moving_the_deadline_on_the_round_page_is_audited(client, db):
    from selectie.models import AuditRegel

    ronde = OpenRondeFactory(slug="termijn", naam="Termijn")
    staf_client(client)
    nieuw = timezone.localtime(ronde.sluit_op + timedelta(days=7)).replace(second=0, microsecond=0)
    gegevens = {
        "naam": "Termijn",
        "slug": "termijn",
        "jaar": 2026,
        "opent_op": timezone.localtime(ronde.opent_op).strftime("%Y-%m-%dT%H:%M"),
        "sluit_op": nieuw.strftime("%Y-%m-%dT%H:%M"),
        "streefaantal_min": 12,
        "streefaantal_max": 15,
    }

    antwoord = client.post(reverse("selectie:ronde_bewerken", args=[ronde.slug]), gegevens)

    assert antwoord.status_code == 302
    regel = AuditRegel.objects.get(ronde=ronde, soort=AuditRegel.Soort.TERMIJN)
    assert regel.na["sluit_op"] == nieuw.isoformat()


def test_an_open_round_cannot_be_closed_by_moving_its_deadline_back(client, db):
    ronde = OpenRondeFactory(slug="termijn", naam="Termijn")
    oud = ronde.sluit_op
    staf_client(client)
    gisteren = timezone.localtime(timezone.now() - timedelta(days=1))
    gegevens = {
        "naam": "Termijn",
        "slug": "termijn",
        "jaar": 2026,
        "opent_op": timezone.localtime(ronde.opent_op - timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        "sluit_op": gisteren.strftime("%Y-%m-%dT%H:%M"),
        "streefaantal_min": 12,
        "streefaantal_max": 15,
    }

    antwoord = client.post(reverse("selectie:ronde_bewerken", args=[ronde.slug]), gegevens)

    assert antwoord.status_code == 200
    assert "Het sluitingsmoment van een open ronde moet in de toekomst liggen." in antwoord.content.decode()
    assert Ronde.objects.get(pk=ronde.pk).sluit_op == oud
