import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from selectie import services
from selectie.demodata import demo_ronde_laden
from selectie.models import Bijlage, Kandidaat, Ronde, Voordracht
from tests.factories.accounts import AmbtenaarFactory, BelangenbehartigerFactory
from tests.factories.gemeenten import DoelgroepFactory, GemeenteFactory
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory, ingediende_voordracht
from tests.selectie.conftest import pdf_bestand


def test_ronde_aanmaken_gives_the_four_criteria_of_2019(db):
    ronde = services.ronde_aanmaken(naam="Koplopers III", jaar=2027)

    assert ronde.status == Ronde.Status.CONCEPT
    assert ronde.slug == "koplopers-iii"
    assert [c.naam for c in ronde.criteria.order_by("volgorde")] == [
        "Visie",
        "Gezamenlijk en lerend ontwikkelproces",
        "Innovaties",
        "Ambitie",
    ]
    assert ronde.criteria.first().schaal_max == 5


def test_ronde_criteria_standaard_leaves_existing_criteria_alone(db):
    ronde = services.ronde_aanmaken(naam="Ronde", jaar=2027)

    services.ronde_criteria_standaard(ronde=ronde)

    assert ronde.criteria.count() == 4


def test_kandidaat_voor_same_set_is_one_candidate_whatever_the_order(db):
    ronde = OpenRondeFactory()
    a, b = GemeenteFactory(naam="Almere"), GemeenteFactory(naam="Lelystad")

    eerste = services.kandidaat_voor(ronde=ronde, gemeenten=[a, b])
    tweede = services.kandidaat_voor(ronde=ronde, gemeenten=[b, a, b])

    assert eerste.pk == tweede.pk
    assert eerste.sleutel == ",".join(sorted([a.code, b.code]))
    assert eerste.naam == "Regio Almere en Lelystad"
    assert set(eerste.gemeenten.all()) == {a, b}


def test_kandidaat_voor_differs_per_set_and_per_round(db):
    ronde, andere_ronde = OpenRondeFactory(), OpenRondeFactory()
    a, b = GemeenteFactory(), GemeenteFactory()

    kandidaten = {
        services.kandidaat_voor(ronde=ronde, gemeenten=[a]).pk,
        services.kandidaat_voor(ronde=ronde, gemeenten=[a, b]).pk,
        services.kandidaat_voor(ronde=andere_ronde, gemeenten=[a]).pk,
    }

    assert len(kandidaten) == 3


def test_voordracht_starten_twice_with_one_token_gives_one_draft(db, indiener):
    ronde = OpenRondeFactory()
    token = uuid.uuid4()

    eerste = services.voordracht_starten(ronde=ronde, indiener=indiener, token=token)
    tweede = services.voordracht_starten(ronde=ronde, indiener=indiener, token=token)

    assert eerste.pk == tweede.pk
    assert Voordracht.objects.count() == 1
    assert eerste.organisatie == indiener.organisatie
    assert eerste.contact_email == indiener.email


def test_voordracht_opslaan_keeps_an_incomplete_draft(db):
    voordracht = VoordrachtFactory(gemeenten=[], motivaties=False, organisatie="", contact_naam="")

    services.voordracht_opslaan(voordracht=voordracht, organisatie="Adviesraad Almere")

    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.CONCEPT
    assert voordracht.organisatie == "Adviesraad Almere"


def test_voordracht_opslaan_marks_a_joint_nomination(db):
    voordracht = VoordrachtFactory()
    ronde_criteria = list(voordracht.ronde.criteria.all())

    services.voordracht_opslaan(
        voordracht=voordracht,
        organisatie="Gemeente Almere",
        organisatie_type=Voordracht.OrganisatieType.GEMEENTE,
        mede_indieners=[("Cliëntenraad Almere", Voordracht.OrganisatieType.CLIENTORGANISATIE), ("", "")],
        motivaties={ronde_criteria[0].pk: "Een visie."},
        doelgroepen=[DoelgroepFactory()],
        toestemming_privacy=True,
    )

    voordracht.refresh_from_db()
    assert voordracht.is_gezamenlijk is True
    assert [m.organisatie for m in voordracht.mede_indieners.all()] == ["Cliëntenraad Almere"]
    assert voordracht.motivaties.get(criterium=ronde_criteria[0]).tekst == "Een visie."
    assert voordracht.toestemming_op is not None


def test_is_gezamenlijk_needs_municipality_and_client_side():
    soort = Voordracht.OrganisatieType
    assert services.is_gezamenlijk(soort.ADVIESRAAD, [soort.GEMEENTE]) is True
    assert services.is_gezamenlijk(soort.GEMEENTE, []) is False
    assert services.is_gezamenlijk(soort.CLIENTORGANISATIE, [soort.ADVIESRAAD]) is False


def test_voordracht_indienen_links_the_candidate(db):
    gemeente = GemeenteFactory()
    voordracht = VoordrachtFactory(gemeenten=[gemeente])

    services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.INGEDIEND
    assert voordracht.ingediend_op is not None
    assert list(voordracht.kandidaat.gemeenten.all()) == [gemeente]


def test_two_nominations_of_one_municipality_share_a_candidate(db):
    ronde = OpenRondeFactory()
    gemeente = GemeenteFactory()

    eerste = ingediende_voordracht(ronde=ronde, gemeenten=[gemeente])
    tweede = ingediende_voordracht(ronde=ronde, gemeenten=[gemeente], indiener=AmbtenaarFactory())

    assert eerste.kandidaat_id == tweede.kandidaat_id
    assert Kandidaat.objects.filter(ronde=ronde).count() == 1


def test_voordracht_indienen_twice_stores_one_and_mails_once(db, django_capture_on_commit_callbacks, mailoutbox):
    voordracht = VoordrachtFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)
    eerste_moment = Voordracht.objects.get().ingediend_op
    with django_capture_on_commit_callbacks(execute=True):
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    assert Voordracht.objects.get().ingediend_op == eerste_moment
    assert len(mailoutbox) == 1


def test_confirmation_goes_to_the_account_address_only_even_with_another_contact_address(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    indiener = BelangenbehartigerFactory(email="advocaat@clientenraad.example", first_name="Anna", last_name="Bos")
    voordracht = VoordrachtFactory(indiener=indiener, contact_naam="Iemand Anders", contact_email="ander@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    assert len(mailoutbox) == 1
    bericht = mailoutbox[0]
    assert bericht.recipients() == ["advocaat@clientenraad.example"]
    assert bericht.body.startswith("Beste Anna Bos,")
    assert bericht.attachments[0][2] == "application/pdf"


def test_voordracht_indienen_after_the_deadline_is_refused_and_the_draft_stays(db):
    voordracht = VoordrachtFactory()
    Ronde.objects.filter(pk=voordracht.ronde_id).update(sluit_op=timezone.now() - timedelta(seconds=1))

    with pytest.raises(ValidationError) as fout:
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    assert "termijn om voor te dragen is voorbij" in str(fout.value)
    voordracht.refresh_from_db()
    assert voordracht.status == Voordracht.Status.CONCEPT
    assert voordracht.motivaties.count() == 4
    assert voordracht.kandidaat is None


def test_voordracht_indienen_when_round_not_open_is_refused(db):
    voordracht = VoordrachtFactory()
    Ronde.objects.filter(pk=voordracht.ronde_id).update(status=Ronde.Status.GESLOTEN)

    with pytest.raises(ValidationError):
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    assert Voordracht.objects.get().status == Voordracht.Status.CONCEPT


def test_voordracht_indienen_a_moment_before_the_deadline_counts(db):
    voordracht = VoordrachtFactory()
    sluit_op = voordracht.ronde.sluit_op

    services.voordracht_indienen(voordracht=voordracht, token=voordracht.token, nu=sluit_op - timedelta(seconds=1))

    assert Voordracht.objects.get().status == Voordracht.Status.INGEDIEND


def test_voordracht_indienen_incomplete_names_each_missing_field(db):
    voordracht = VoordrachtFactory(gemeenten=[], motivaties=False, toestemming_privacy=False, contact_email="")

    with pytest.raises(ValidationError) as fout:
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    velden = set(fout.value.message_dict)
    criteria = {f"motivatie_{c.pk}" for c in voordracht.ronde.criteria.all()}
    assert velden == {"gemeenten", "contact_email", "toestemming_privacy"} | criteria


def test_voordracht_indienen_with_a_foreign_token_is_refused(db):
    voordracht = VoordrachtFactory()

    with pytest.raises(ValidationError):
        services.voordracht_indienen(voordracht=voordracht, token=uuid.uuid4())

    assert Voordracht.objects.get().status == Voordracht.Status.CONCEPT


def test_voordracht_opslaan_after_submitting_is_refused(db):
    voordracht = ingediende_voordracht()

    with pytest.raises(ValidationError):
        services.voordracht_opslaan(voordracht=voordracht, organisatie="Iets anders")

    assert Voordracht.objects.get().organisatie == "Cliëntenraad Voorbeeld"


def test_bijlage_toevoegen_stores_under_a_generated_name(db):
    voordracht = VoordrachtFactory()

    bijlage = services.bijlage_toevoegen(voordracht=voordracht, bestand=pdf_bestand("../../etc/passwd.pdf"))

    assert bijlage.oorspronkelijke_naam == "passwd.pdf"
    assert "passwd" not in bijlage.bestand.name
    assert bijlage.bestand.name.startswith(f"voordrachten/{voordracht.ronde_id}/")
    assert bijlage.bestand.read(5) == b"%PDF-"


def test_bijlage_toevoegen_refuses_a_sixth(db):
    voordracht = VoordrachtFactory()
    for nummer in range(Bijlage.MAX_AANTAL):
        services.bijlage_toevoegen(voordracht=voordracht, bestand=pdf_bestand(f"{nummer}.pdf"))

    with pytest.raises(ValidationError) as fout:
        services.bijlage_toevoegen(voordracht=voordracht, bestand=pdf_bestand("zes.pdf"))

    assert "hoogstens 5 bijlagen" in str(fout.value)
    assert voordracht.bijlagen.count() == 5


def test_bijlage_verwijderen_removes_the_file(db, django_capture_on_commit_callbacks):
    voordracht = VoordrachtFactory()
    bijlage = services.bijlage_toevoegen(voordracht=voordracht, bestand=pdf_bestand())
    opslag, naam = bijlage.bestand.storage, bijlage.bestand.name
    assert opslag.exists(naam)

    with django_capture_on_commit_callbacks(execute=True):
        services.bijlage_verwijderen(bijlage=bijlage)

    assert not Bijlage.objects.exists()
    assert not opslag.exists(naam)


def test_demo_ronde_laden_is_open_labelled_and_idempotent(db):
    eerste = demo_ronde_laden()
    tweede = demo_ronde_laden()

    assert eerste.pk == tweede.pk
    assert tweede.naam == "Koplopers – demoronde"
    assert tweede.is_demo is True
    assert tweede.is_open_voor_indienen()
    assert tweede.sluit_op > timezone.now() + timedelta(weeks=3)
    assert tweede.criteria.count() == 4


def test_concepten_opruimen_deletes_old_drafts_only(db):
    oud = VoordrachtFactory()
    ingediend = ingediende_voordracht(ronde=oud.ronde)
    lang_geleden = timezone.now() - timedelta(days=91)
    Ronde.objects.filter(pk=oud.ronde_id).update(opent_op=lang_geleden - timedelta(days=30), sluit_op=lang_geleden)
    recent = VoordrachtFactory()

    aantal = services.concepten_opruimen()

    assert aantal == 1
    assert set(Voordracht.objects.values_list("pk", flat=True)) == {ingediend.pk, recent.pk}
