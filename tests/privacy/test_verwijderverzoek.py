"""Asking for deletion of one's account; staff carry the request out or refuse it, audited."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.accounts.models import Uitnodiging, User
from koplopers.privacy import services
from koplopers.privacy.models import Verwijderverzoek
from selectie.beoordeling.models import Beoordeling, Uitgaand
from selectie.models import Voordracht
from tests.factories.accounts import AmbtenaarFactory, BelangenbehartigerFactory, StafFactory, UitnodigingFactory
from tests.factories.beoordeling import (
    BeoordelaarFactory,
    VerifieerdeStafFactory,
    beoordeling_maken,
    kandidaat_maken,
    ronde_maken,
)
from tests.factories.selectie import VoordrachtFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jet():
    return BelangenbehartigerFactory(username="jet", first_name="Jet", email="jet@voorbeeld.nl")


@pytest.fixture
def staf():
    return VerifieerdeStafFactory()


# --- Asking ------------------------------------------------------------------------------------------------


def test_asking_needs_the_confirmation_and_keeps_what_was_typed(client_als, jet):
    response = client_als(jet).post(reverse("privacy:verwijderen"), {"toelichting": "Ik stop als vrijwilliger."})

    assert response.status_code == 200
    assert "Vink aan dat u uw account wilt laten verwijderen." in response.text
    assert "Ik stop als vrijwilliger." in response.text
    assert not Verwijderverzoek.objects.exists()


def test_asking_with_confirmation_records_an_open_request(client_als, jet):
    client = client_als(jet)

    response = client.post(reverse("privacy:verwijderen"), {"bevestiging": "on", "toelichting": "Graag."})

    assert response.status_code == 302
    verzoek = Verwijderverzoek.objects.get()
    assert (verzoek.gebruiker, verzoek.accountnummer, verzoek.status, verzoek.toelichting) == (
        jet,
        jet.pk,
        "open",
        "Graag.",
    )
    assert "behandelt uw verzoek" in client.get(reverse("privacy:mijn_gegevens")).text


def test_asking_twice_gives_a_dutch_message_not_a_second_request(client_als, jet):
    client = client_als(jet)
    client.post(reverse("privacy:verwijderen"), {"bevestiging": "on"})

    with pytest.raises(ValidationError):
        services.verwijderverzoek_indienen(gebruiker=jet)
    response = client.post(reverse("privacy:verwijderen"), {"bevestiging": "on"})

    assert response.status_code == 200
    assert Verwijderverzoek.objects.count() == 1


def test_overlong_explanation_is_refused_with_a_dutch_message(client_als, jet):
    response = client_als(jet).post(reverse("privacy:verwijderen"), {"bevestiging": "on", "toelichting": "x" * 2001})

    assert response.status_code == 200
    assert "niet meer dan 2000 tekens" in response.text
    assert not Verwijderverzoek.objects.exists()


# --- Staff: the list and one request ---------------------------------------------------------------------------


def test_staff_see_open_requests(client_als, jet, staf):
    services.verwijderverzoek_indienen(gebruiker=jet)

    response = client_als(staf).get(reverse("privacy:verzoeken"))

    assert response.status_code == 200
    assert "jet@voorbeeld.nl" in response.text


def test_staff_list_query_count_does_not_grow_with_requests(client_als, staf, django_assert_num_queries):
    client = client_als(staf)
    services.verwijderverzoek_indienen(gebruiker=BelangenbehartigerFactory())
    client.get(reverse("privacy:verzoeken"))

    with CaptureQueriesContext(connection) as een:
        client.get(reverse("privacy:verzoeken"))
    for _ in range(3):
        services.verwijderverzoek_indienen(gebruiker=BelangenbehartigerFactory())

    with django_assert_num_queries(len(een)):
        client.get(reverse("privacy:verzoeken"))


def test_staff_cannot_handle_their_own_request(client_als, staf):
    verzoek = services.verwijderverzoek_indienen(gebruiker=staf)
    client = client_als(staf)

    assert client.get(reverse("privacy:verzoek", kwargs={"pk": verzoek.pk})).status_code == 403
    assert (
        client.post(reverse("privacy:verzoek_uitvoeren", kwargs={"pk": verzoek.pk}), {"bevestiging": "on"}).status_code
        == 403
    )
    with pytest.raises(ValidationError):
        services.verwijderverzoek_uitvoeren(verzoek=verzoek, door=staf)
    assert Verwijderverzoek.objects.get().is_open


def test_staff_without_otp_verification_are_refused(client, jet):
    verzoek = services.verwijderverzoek_indienen(gebruiker=jet)
    client.force_login(StafFactory())

    response = client.post(reverse("privacy:verzoek_uitvoeren", kwargs={"pk": verzoek.pk}), {"bevestiging": "on"})

    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith(reverse("privacy:verzoeken"))
    assert Verwijderverzoek.objects.get().is_open
    assert User.objects.filter(pk=jet.pk, is_active=True).exists()


# --- Carrying out ----------------------------------------------------------------------------------------------


def test_carrying_out_without_confirmation_keeps_the_request_open(client_als, jet, staf):
    verzoek = services.verwijderverzoek_indienen(gebruiker=jet)

    response = client_als(staf).post(reverse("privacy:verzoek_uitvoeren", kwargs={"pk": verzoek.pk}), {})

    assert response.status_code == 200
    assert "Vink aan dat u het account wilt verwijderen." in response.text
    assert User.objects.filter(pk=jet.pk).exists()


def test_carrying_out_deletes_an_account_without_nominations_and_records_who_and_when(client_als, staf):
    ambtenaar = AmbtenaarFactory(email="amb@almere.example")
    UitnodigingFactory(email="amb@almere.example")
    verzoek = services.verwijderverzoek_indienen(gebruiker=ambtenaar, toelichting="Ik ga weg bij de gemeente.")

    response = client_als(staf).post(
        reverse("privacy:verzoek_uitvoeren", kwargs={"pk": verzoek.pk}), {"bevestiging": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=ambtenaar.pk).exists()
    assert not Uitnodiging.objects.filter(email="amb@almere.example").exists()
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.gebruiker, verzoek.behandeld_door) == ("uitgevoerd", None, staf)
    assert verzoek.behandeld_op is not None
    assert verzoek.toelichting == ""
    assert verzoek.verslag["account"] == 1 and verzoek.verslag["uitnodigingen"] == 1
    assert verzoek.accountnummer == ambtenaar.pk


def test_carrying_out_anonymises_a_nominator_and_scrubs_their_nominations(
    jet, staf, media, django_capture_on_commit_callbacks
):
    ingediend = kandidaat_maken(ronde=ronde_maken(), indiener=jet).voordrachten.get()
    Uitgaand.objects.create(
        ronde=ingediend.ronde,
        kandidaat=ingediend.kandidaat,
        voordracht=ingediend,
        aan="jet@voorbeeld.nl",
        onderwerp="Uitslag",
        tekst="Beste Jet",
    )
    VoordrachtFactory(indiener=jet)  # a draft: deleted
    verzoek = services.verwijderverzoek_indienen(gebruiker=jet)

    with django_capture_on_commit_callbacks(execute=True):
        services.verwijderverzoek_uitvoeren(verzoek=verzoek, door=staf)

    jet.refresh_from_db()
    assert (jet.username, jet.first_name, jet.is_active, jet.is_belangenbehartiger) == (
        f"verwijderd-{jet.pk}",
        "",
        False,
        False,
    )
    assert not jet.has_usable_password()
    assert list(Voordracht.objects.filter(indiener=jet).values_list("pk", flat=True)) == [ingediend.pk]
    ingediend.refresh_from_db()
    assert (ingediend.contact_naam, ingediend.contact_email) == ("", "")
    assert ingediend.motivaties.count() == 4  # the round still needs the nomination itself
    verzoek.refresh_from_db()
    assert verzoek.verslag == {
        "concepten": 1,
        "voordrachten_geanonimiseerd": 1,
        "berichten": 1,
        "uitnodigingen": 0,
        "account": 1,
    }
    assert not Uitgaand.objects.filter(voordracht=ingediend).exists()


def test_carrying_out_keeps_a_reviewers_reviews_without_their_name(staf):
    beoordelaar = BeoordelaarFactory(first_name="Bea", email="bea@vng.example")
    beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat_maken(ronde=ronde_maken()), niveaus=[3, 3, 3, 3])
    verzoek = services.verwijderverzoek_indienen(gebruiker=beoordelaar)

    services.verwijderverzoek_uitvoeren(verzoek=verzoek, door=staf)

    beoordelaar.refresh_from_db()
    assert beoordelaar.email.endswith("@verwijderd.invalid") and beoordelaar.beoordelaar_organisatie == ""
    assert Beoordeling.objects.filter(beoordelaar=beoordelaar).count() == 1
    assert not TOTPDevice.objects.filter(user=beoordelaar).exists()


def test_the_deleted_user_is_logged_out(client_als, jet, staf):
    client = client_als(jet)
    VoordrachtFactory(indiener=jet, status=Voordracht.Status.INGETROKKEN)
    services.verwijderverzoek_uitvoeren(verzoek=services.verwijderverzoek_indienen(gebruiker=jet), door=staf)

    response = client.get(reverse("privacy:mijn_gegevens"))

    assert response.status_code == 302


def test_a_request_is_handled_once(jet, staf):
    verzoek = services.verwijderverzoek_indienen(gebruiker=jet)
    services.verwijderverzoek_weigeren(verzoek=verzoek, door=staf, reden="Nog nodig.")

    with pytest.raises(ValidationError):
        services.verwijderverzoek_uitvoeren(verzoek=verzoek, door=staf)
    assert User.objects.filter(pk=jet.pk).exists()


# --- Refusing ----------------------------------------------------------------------------------------------


def test_refusing_needs_a_reason(client_als, jet, staf):
    verzoek = services.verwijderverzoek_indienen(gebruiker=jet)

    response = client_als(staf).post(reverse("privacy:verzoek_weigeren", kwargs={"pk": verzoek.pk}), {"reden": "  "})

    assert response.status_code == 200
    assert "Schrijf op waarom u het verzoek weigert." in response.text
    assert Verwijderverzoek.objects.get().is_open


def test_refusing_with_a_reason_is_shown_to_the_user(client_als, jet, staf):
    verzoek = services.verwijderverzoek_indienen(gebruiker=jet)

    response = client_als(staf).post(
        reverse("privacy:verzoek_weigeren", kwargs={"pk": verzoek.pk}), {"reden": "De ronde loopt nog."}
    )

    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.behandeld_door, verzoek.reden_weigering) == (
        "geweigerd",
        staf,
        "De ronde loopt nog.",
    )
    pagina = client_als(jet).get(reverse("privacy:mijn_gegevens")).text
    assert "De ronde loopt nog." in pagina
    assert User.objects.get(pk=jet.pk).is_active
