"""The retention periods of the privacy statement, applied by the daily command."""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from gemeenten import services as gemeenten_services
from gemeenten.models import Koploper
from koplopers.accounts.models import User
from koplopers.privacy.services import ANONIEM_DOMEIN, bewaartermijnen_toepassen
from selectie.beoordeling.models import (
    Belangenconflict,
    Beoordeling,
    Besluit,
    Nieuwsbericht,
    Score,
    Toewijzing,
    Verklaring,
)
from selectie.models import AuditRegel, Bijlage, Kandidaat, Motivatie, Ronde, Voordracht
from tests.factories.accounts import AmbtenaarFactory, BelangenbehartigerFactory, StafFactory
from tests.factories.beoordeling import BeoordelaarFactory, beoordeling_maken, kandidaat_maken, ronde_maken
from tests.factories.gemeenten import KoploperFactory
from tests.factories.selectie import VoordrachtFactory

pytestmark = pytest.mark.django_db

NU = timezone.now()
JAAR = timedelta(days=365)


def _bijlage(voordracht) -> Bijlage:
    bijlage = Bijlage(voordracht=voordracht, oorspronkelijke_naam="plan.pdf", grootte=10)
    bijlage.bestand.save("bijlage.pdf", ContentFile(b"%PDF-1.4 test %%EOF"), save=False)
    bijlage.save()
    return bijlage


def _besloten_ronde(*, besloten_op, beoordelaar, indiener=None):
    """A round whose selection was published at ``besloten_op``: a nomination with an attachment, a review
    (with assignment, declaration and audit lines), a conflict of interest, a decision and a koploper."""
    ronde = ronde_maken()
    kandidaat = kandidaat_maken(ronde=ronde, indiener=indiener)
    voordracht = kandidaat.voordrachten.get()
    bijlage = _bijlage(voordracht)
    tweede = kandidaat_maken(ronde=ronde)
    beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[4, 4, 3, 5])
    Verklaring.objects.create(beoordelaar=beoordelaar, ronde=ronde, tekst="Ik verklaar.")
    Belangenconflict.objects.create(
        beoordelaar=beoordelaar, kandidaat=tweede, soort="persoonlijk", bron="beoordelaar", toelichting="Mijn zus."
    )
    Besluit.objects.create(
        kandidaat=kandidaat, uitkomst="geselecteerd", motivering="Sterke visie.", gepubliceerd_op=besloten_op
    )
    koploper = KoploperFactory(naam=kandidaat.naam)
    Nieuwsbericht.objects.create(
        ronde=ronde, kandidaat=kandidaat, koploper=koploper, titel="Nieuwe koploper", tekst="…"
    )
    AuditRegel.objects.create(ronde=ronde, soort=AuditRegel.Soort.BESLUIT, omschrijving="Besluit vastgelegd")
    Ronde.objects.filter(pk=ronde.pk).update(
        status=Ronde.Status.GEPUBLICEERD,
        opent_op=besloten_op - JAAR / 2,
        sluit_op=besloten_op - JAAR / 4,
        gepubliceerd_op=besloten_op,
    )
    return ronde, voordracht, bijlage


@pytest.fixture
def beoordelaar():
    return BeoordelaarFactory()


def test_nominations_reviews_and_files_go_two_years_after_the_decision(
    beoordelaar, media, django_capture_on_commit_callbacks
):
    oud, oude_voordracht, oude_bijlage = _besloten_ronde(
        besloten_op=NU - 2 * JAAR - timedelta(days=1), beoordelaar=beoordelaar
    )
    recent, recente_voordracht, recente_bijlage = _besloten_ronde(
        besloten_op=NU - 2 * JAAR + timedelta(days=1), beoordelaar=beoordelaar
    )
    oud_pad, recent_pad = media / oude_bijlage.bestand.name, media / recente_bijlage.bestand.name
    assert oud_pad.exists() and recent_pad.exists()

    with django_capture_on_commit_callbacks(execute=True):
        verslag = bewaartermijnen_toepassen(nu=NU)

    assert not Voordracht.objects.filter(ronde=oud).exists()
    assert not Motivatie.objects.filter(voordracht__ronde=oud).exists()
    assert not Bijlage.objects.filter(pk=oude_bijlage.pk).exists()
    assert not oud_pad.exists()
    assert not Beoordeling.objects.filter(kandidaat__ronde=oud).exists()
    assert not Score.objects.filter(beoordeling__kandidaat__ronde=oud).exists()
    assert not Toewijzing.objects.filter(kandidaat__ronde=oud).exists()
    assert not Verklaring.objects.filter(ronde=oud).exists()
    assert not Belangenconflict.objects.filter(kandidaat__ronde=oud).exists()
    assert list(AuditRegel.objects.filter(ronde=oud).values_list("soort", flat=True)) == [AuditRegel.Soort.BESLUIT]
    # The public outcome stays: candidates, decisions with their reasons, koplopers and news items.
    assert Kandidaat.objects.filter(ronde=oud).count() == 2
    assert Besluit.objects.get(kandidaat__ronde=oud).motivering == "Sterke visie."
    assert Nieuwsbericht.objects.filter(ronde=oud).exists()
    assert Koploper.objects.filter(nieuwsberichten__ronde=oud).exists()
    # The recent round keeps everything.
    assert Voordracht.objects.filter(ronde=recent).count() == 2
    assert recent_pad.exists()
    assert Beoordeling.objects.filter(kandidaat__ronde=recent).count() == 1
    assert verslag["voordrachten"] == 2
    assert verslag["bijlagen"] == 1
    assert verslag["beoordelingen"] == 1
    assert verslag["verklaringen"] == 1
    assert verslag["belangenconflicten"] == 1
    assert verslag["toewijzingen"] == 1
    assert verslag["auditregels"] >= 1


def test_a_round_without_a_published_decision_counts_from_its_closing(beoordelaar):
    ronde = ronde_maken()
    kandidaat_maken(ronde=ronde)
    Ronde.objects.filter(pk=ronde.pk).update(
        status=Ronde.Status.SELECTIE, opent_op=None, sluit_op=NU - 2 * JAAR - timedelta(days=1)
    )

    verslag = bewaartermijnen_toepassen(nu=NU)

    assert verslag["voordrachten"] == 1
    assert not Voordracht.objects.filter(ronde=ronde).exists()


def test_drafts_still_go_three_months_after_closing():
    oud = VoordrachtFactory()
    Ronde.objects.filter(pk=oud.ronde_id).update(
        status=Ronde.Status.GESLOTEN, opent_op=None, sluit_op=NU - timedelta(days=91)
    )
    nieuw = VoordrachtFactory()
    Ronde.objects.filter(pk=nieuw.ronde_id).update(
        status=Ronde.Status.GESLOTEN, opent_op=None, sluit_op=NU - timedelta(days=89)
    )

    verslag = bewaartermijnen_toepassen(nu=NU)

    assert verslag["concepten"] == 1
    assert list(Voordracht.objects.values_list("pk", flat=True)) == [nieuw.pk]


def test_accounts_go_two_years_after_their_last_login():
    weg = AmbtenaarFactory(username="weg")
    User.objects.filter(pk=weg.pk).update(last_login=NU - 2 * JAAR - timedelta(days=1))
    nooit = AmbtenaarFactory(username="nooit")
    User.objects.filter(pk=nooit.pk).update(last_login=None, date_joined=NU - 2 * JAAR - timedelta(days=1))
    blijft = AmbtenaarFactory(username="blijft")
    User.objects.filter(pk=blijft.pk).update(last_login=NU - 2 * JAAR + timedelta(days=1))

    verslag = bewaartermijnen_toepassen(nu=NU)

    assert verslag["accounts"] == 2
    assert list(User.objects.values_list("username", flat=True)) == ["blijft"]


def test_an_inactive_nominator_is_anonymised_while_the_round_needs_the_nomination(beoordelaar):
    indiener = BelangenbehartigerFactory(username="jet", first_name="Jet", email="jet@voorbeeld.nl")
    _besloten_ronde(besloten_op=NU - JAAR, beoordelaar=beoordelaar, indiener=indiener)
    User.objects.filter(pk=indiener.pk).update(last_login=NU - 3 * JAAR)

    bewaartermijnen_toepassen(nu=NU)

    indiener.refresh_from_db()
    assert (indiener.username, indiener.first_name, indiener.is_active) == (f"verwijderd-{indiener.pk}", "", False)
    assert indiener.email.endswith(ANONIEM_DOMEIN)
    assert not indiener.has_usable_password()
    voordracht = Voordracht.objects.get(indiener=indiener)
    assert (voordracht.contact_naam, voordracht.contact_email, voordracht.contact_telefoon) == ("", "", "")


def test_the_anonymised_shell_goes_once_the_round_is_past_retention(beoordelaar):
    indiener = BelangenbehartigerFactory()
    ronde, _voordracht, _bijlage = _besloten_ronde(besloten_op=NU - JAAR, beoordelaar=beoordelaar, indiener=indiener)
    User.objects.filter(pk=indiener.pk).update(last_login=NU - 3 * JAAR)
    bewaartermijnen_toepassen(nu=NU)
    assert User.objects.filter(pk=indiener.pk).exists()

    verslag = bewaartermijnen_toepassen(nu=NU + 2 * JAAR)

    assert verslag["geanonimiseerde_accounts"] == 1
    assert not User.objects.filter(pk=indiener.pk).exists()


def test_superusers_are_not_removed_for_inactivity():
    beheerder = StafFactory(is_superuser=True)
    User.objects.filter(pk=beheerder.pk).update(last_login=NU - 5 * JAAR)

    bewaartermijnen_toepassen(nu=NU)

    assert User.objects.filter(pk=beheerder.pk).exists()


def test_contact_persons_left_in_old_versions_are_scrubbed():
    koploper = KoploperFactory()
    ambtenaar = AmbtenaarFactory(koplopers=[koploper])
    koploper.history.update(onderdelen={"links": [], "contactpersonen": [{"naam": "Oud Contact", "email": ""}]})

    verslag = bewaartermijnen_toepassen(nu=NU)

    assert verslag["contactpersonen_in_versies"] == 1
    assert "Oud Contact" not in repr(list(koploper.history.values_list("onderdelen", flat=True)))
    assert ambtenaar.pk  # the official's account is untouched


def test_second_run_removes_nothing(beoordelaar):
    _besloten_ronde(besloten_op=NU - 3 * JAAR, beoordelaar=beoordelaar)
    weg = AmbtenaarFactory()
    User.objects.filter(pk=weg.pk).update(last_login=NU - 3 * JAAR)
    User.objects.filter(pk=beoordelaar.pk).update(last_login=NU)
    eerste = bewaartermijnen_toepassen(nu=NU)
    assert sum(eerste.values()) > 0

    tweede = bewaartermijnen_toepassen(nu=NU)

    assert set(tweede.values()) == {0}


def test_command_reports_counts_per_kind_and_the_old_name_still_works(beoordelaar):
    _besloten_ronde(besloten_op=NU - 3 * JAAR, beoordelaar=beoordelaar)
    User.objects.filter(pk=beoordelaar.pk).update(last_login=timezone.now())

    uit = io.StringIO()
    call_command("bewaartermijnen_toepassen", stdout=uit)
    oud = io.StringIO()
    call_command("concepten_opruimen", stdout=oud)

    assert "ingediende of ingetrokken voordrachten: 2 verwijderd" in uit.getvalue()
    assert "beoordelingen (met hun scores): 1 verwijderd" in uit.getvalue()
    assert "bijlagen (bestanden): 1 verwijderd" in uit.getvalue()
    assert "Totaal: 0 verwijderd." in oud.getvalue()


def test_publishing_keeps_working_after_retention_removed_reviews(beoordelaar, client_als):
    """The public pages of a round past retention still show the koploper (the public outcome)."""
    ronde, _voordracht, _bijlage = _besloten_ronde(besloten_op=NU - 3 * JAAR, beoordelaar=beoordelaar)
    koploper = Koploper.objects.get(nieuwsberichten__ronde=ronde)
    bewaartermijnen_toepassen(nu=NU)
    gemeenten_services.koploper_contactpersonen_uit_versies_verwijderen(koploper=koploper)

    response = client_als(beoordelaar).get(koploper.get_absolute_url())

    assert response.status_code == 200
