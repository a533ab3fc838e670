"""The admin cannot bypass the round's lifecycle: status, moments, derived totals, published decisions and
the audit trail are read-only; what it may still change is audited."""

import pytest
from django.urls import reverse

from selectie.beoordeling import services
from selectie.beoordeling.models import Beoordeling, Besluit, Toewijzing
from selectie.models import AuditRegel, Ronde
from tests.factories.accounts import UserFactory
from tests.factories.beoordeling import BeoordelaarFactory, beoordeling_maken, kandidaat_maken, ronde_maken
from tests.factories.selectie import OpenRondeFactory
from tests.permissies import inloggen, totp_apparaat_maken

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client):
    """A superuser, OTP-verified (an admin account needs a second factor)."""
    gebruiker = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    totp_apparaat_maken(gebruiker)
    inloggen(client, gebruiker)
    return gebruiker


def _wijzig_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_round_status_moments_and_deadline_are_read_only(client, beheerder):
    ronde = OpenRondeFactory(naam="Beheerronde", slug="beheerronde")
    sluit_op = ronde.sluit_op
    pagina = client.get(_wijzig_url(ronde))
    formulier = pagina.context["adminform"].form

    assert pagina.status_code == 200
    assert {"status", "sluit_op", "opent_op", "gesloten_op", "gepubliceerd_op"}.isdisjoint(formulier.fields)

    client.post(
        _wijzig_url(ronde),
        {
            "naam": "Beheerronde",
            "slug": "beheerronde",
            "jaar": 2026,
            "status": "gepubliceerd",
            "sluit_op_0": "2000-01-01",
            "streefaantal_min": 12,
            "streefaantal_max": 15,
            "criteria-TOTAL_FORMS": 0,
            "criteria-INITIAL_FORMS": 0,
        },
    )

    ronde.refresh_from_db()
    assert (ronde.status, ronde.sluit_op) == (Ronde.Status.OPEN, sluit_op)


def test_a_change_made_in_the_admin_is_audited_with_before_and_after(client, beheerder):
    ronde = OpenRondeFactory(naam="Oude naam", slug="oud")

    antwoord = client.post(
        _wijzig_url(ronde),
        {
            "naam": "Nieuwe naam",
            "slug": "oud",
            "jaar": 2026,
            "oproeptekst": "Draag een koploper voor.",
            "streefaantal_min": 12,
            "streefaantal_max": 15,
            "criteria-TOTAL_FORMS": 0,
            "criteria-INITIAL_FORMS": 0,
            "deelnames-TOTAL_FORMS": 0,
            "deelnames-INITIAL_FORMS": 0,
        },
    )

    assert antwoord.status_code == 302
    regel = AuditRegel.objects.get(ronde=ronde)
    assert (regel.soort, regel.gebruiker, regel.voor, regel.na) == (
        "beheer",
        beheerder,
        {"naam": "Oude naam"},
        {"naam": "Nieuwe naam"},
    )


def test_criteria_are_read_only_in_the_admin_once_the_round_is_open(client, beheerder):
    ronde = OpenRondeFactory()
    pagina = client.get(_wijzig_url(ronde))
    inline = pagina.context["inline_admin_formsets"][0]

    assert "De criteria en hun gewichten liggen vast" in pagina.content.decode()

    assert not inline.has_change_permission
    assert not inline.has_add_permission
    assert not inline.has_delete_permission


def test_the_audit_trail_cannot_be_added_changed_or_deleted(client, beheerder):
    ronde = OpenRondeFactory()
    regel = AuditRegel.objects.create(ronde=ronde, soort="status", omschrijving="Status: concept → open")

    toevoegen = client.get(reverse("admin:selectie_auditregel_add"))
    wijzigen = client.post(_wijzig_url(regel), {"omschrijving": "Vervalst"})
    verwijderen = client.post(reverse("admin:selectie_auditregel_delete", args=[regel.pk]), {"post": "yes"})

    assert (toevoegen.status_code, wijzigen.status_code, verwijderen.status_code) == (403, 403, 403)
    assert AuditRegel.objects.get(pk=regel.pk).omschrijving == "Status: concept → open"


def test_reviews_and_their_totals_are_read_only(client, beheerder):
    ronde = ronde_maken()
    beoordeling = beoordeling_maken(
        beoordelaar=BeoordelaarFactory(), kandidaat=kandidaat_maken(ronde=ronde), niveaus=[3, 3, 3, 3]
    )

    wijzigen = client.post(_wijzig_url(beoordeling), {"totaal": "5", "status": "ingediend"})
    verwijderen = client.post(reverse("admin:beoordeling_beoordeling_delete", args=[beoordeling.pk]), {"post": "yes"})

    assert (wijzigen.status_code, verwijderen.status_code) == (403, 403)
    assert float(Beoordeling.objects.get(pk=beoordeling.pk).totaal) == 3.0


def test_decisions_change_in_the_admin_only_in_selectie_and_are_audited(client, beheerder):
    ronde = ronde_maken(status=Ronde.Status.SELECTIE)
    besluit = Besluit.objects.create(kandidaat=kandidaat_maken(ronde=ronde), uitkomst="reserve")

    antwoord = client.post(_wijzig_url(besluit), {"uitkomst": "geselecteerd", "motivering": "Sterk", "vastzetting": ""})

    assert antwoord.status_code == 302
    regel = AuditRegel.objects.get(ronde=ronde, soort="beheer")
    assert (regel.voor["uitkomst"], regel.na["uitkomst"]) == ("reserve", "geselecteerd")

    Ronde.objects.filter(pk=ronde.pk).update(status=Ronde.Status.GEPUBLICEERD)
    na_publicatie = client.post(_wijzig_url(besluit), {"uitkomst": "reserve", "motivering": "", "vastzetting": ""})

    assert na_publicatie.status_code == 403
    assert Besluit.objects.get(pk=besluit.pk).uitkomst == "geselecteerd"


def test_assignments_are_not_made_in_the_admin_and_removing_one_is_audited(client, beheerder):
    ronde = ronde_maken()
    kandidaat = kandidaat_maken(ronde=ronde)
    toewijzing = services.toewijzing_maken(beoordelaar=BeoordelaarFactory(), kandidaat=kandidaat, door=None)
    audit_voor = AuditRegel.objects.count()

    toevoegen = client.get(reverse("admin:beoordeling_toewijzing_add"))
    verwijderen = client.post(reverse("admin:beoordeling_toewijzing_delete", args=[toewijzing.pk]), {"post": "yes"})

    assert toevoegen.status_code == 403
    assert verwijderen.status_code == 302
    assert not Toewijzing.objects.exists()
    regel = AuditRegel.objects.order_by("-pk").first()
    assert AuditRegel.objects.count() == audit_voor + 1
    assert (regel.soort, regel.kandidaat, regel.gebruiker) == ("beheer", kandidaat, beheerder)
