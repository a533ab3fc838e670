"""The lifecycle of a round (``selectie.levenscyclus``): every step allowed and refused, as every role."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from selectie import levenscyclus, rules, services
from selectie.beoordeling.models import Besluit
from selectie.beoordeling.rules import mag_besluiten, mag_publiceren, mag_scoren, mag_scores_van_anderen_zien
from selectie.models import AuditRegel, Ronde
from tests.factories.accounts import AmbtenaarFactory, BelangenbehartigerFactory, StafFactory
from tests.factories.beoordeling import BeoordelaarFactory, kandidaat_maken
from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory

pytestmark = pytest.mark.django_db

S = Ronde.Status
ALLE = list(S)
TOEGESTAAN = set(levenscyclus.OVERGANGEN)


def _ronde(status, **kwargs) -> Ronde:
    """A round in ``status`` with criteria and an announced deadline two weeks ahead."""
    return OpenRondeFactory(status=status, **kwargs)


def _met_besluit(ronde) -> Ronde:
    kandidaat = kandidaat_maken(ronde=ronde)
    Besluit.objects.create(kandidaat=kandidaat, uitkomst=Besluit.Uitkomst.GESELECTEERD)
    return ronde


ROLLEN = {
    "reviewer": lambda: BeoordelaarFactory(),
    "advocate": lambda: BelangenbehartigerFactory(),
    "official": lambda: AmbtenaarFactory(),
    "anonymous": lambda: AnonymousUser(),
}


def test_the_table_is_the_documented_order():
    assert [s.value for s in ALLE] == [
        "concept",
        "open",
        "gesloten",
        "onafhankelijk",
        "kalibratie",
        "selectie",
        "gepubliceerd",
    ]
    assert TOEGESTAAN == {
        (S.CONCEPT, S.OPEN),
        (S.OPEN, S.GESLOTEN),
        (S.GESLOTEN, S.OPEN),
        (S.GESLOTEN, S.ONAFHANKELIJK),
        (S.ONAFHANKELIJK, S.KALIBRATIE),
        (S.KALIBRATIE, S.SELECTIE),
        (S.SELECTIE, S.KALIBRATIE),
        (S.SELECTIE, S.GEPUBLICEERD),
    }
    bevestigen = {sleutel for sleutel, stap in levenscyclus.OVERGANGEN.items() if stap.bevestigen}
    assert bevestigen == {
        (S.OPEN, S.GESLOTEN),
        (S.GESLOTEN, S.OPEN),
        (S.ONAFHANKELIJK, S.KALIBRATIE),
        (S.SELECTIE, S.GEPUBLICEERD),
    }


@pytest.mark.parametrize(("van", "naar"), [(v, n) for v in ALLE for n in ALLE])
def test_staff_walks_every_allowed_step_and_is_refused_every_other(van, naar):
    staf = StafFactory()
    ronde = _ronde(van)
    if naar == S.GEPUBLICEERD:
        _met_besluit(ronde)
    nu = timezone.now()

    if (van, naar) in TOEGESTAAN:
        gewijzigd = levenscyclus.ronde_overgang(ronde=ronde, naar=naar, door=staf, bevestigd=True, nu=nu)

        assert Ronde.objects.get(pk=ronde.pk).status == naar == gewijzigd.status
        regel = AuditRegel.objects.get(ronde=ronde)
        assert (regel.soort, regel.gebruiker, regel.voor["status"], regel.na["status"]) == ("status", staf, van, naar)
    else:
        with pytest.raises(ValidationError) as fout:
            levenscyclus.ronde_overgang(ronde=ronde, naar=naar, door=staf, bevestigd=True, nu=nu)

        assert fout.value.message_dict == {"status": [f"Van ‘{S(van).label}’ naar ‘{S(naar).label}’ kan niet."]}
        assert Ronde.objects.get(pk=ronde.pk).status == van
        assert not AuditRegel.objects.filter(ronde=ronde).exists()


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize(("van", "naar"), sorted(TOEGESTAAN))
def test_every_other_role_is_refused_every_step(rol, van, naar):
    ronde = _met_besluit(_ronde(van))

    with pytest.raises(PermissionDenied):
        levenscyclus.ronde_overgang(ronde=ronde, naar=naar, door=ROLLEN[rol](), bevestigd=True)

    assert Ronde.objects.get(pk=ronde.pk).status == van
    assert not AuditRegel.objects.filter(ronde=ronde).exists()


@pytest.mark.parametrize(("van", "naar"), [k for k, stap in levenscyclus.OVERGANGEN.items() if stap.bevestigen])
def test_steps_that_cannot_be_undone_need_confirmation(van, naar):
    ronde = _met_besluit(_ronde(van))

    with pytest.raises(ValidationError) as fout:
        levenscyclus.ronde_overgang(ronde=ronde, naar=naar, door=StafFactory())

    assert list(fout.value.message_dict) == ["bevestigd"]
    assert Ronde.objects.get(pk=ronde.pk).status == van


def test_unknown_status_refused_in_dutch():
    ronde = _ronde(S.CONCEPT)

    with pytest.raises(ValidationError) as fout:
        levenscyclus.ronde_overgang(ronde=ronde, naar="in_beoordeling", door=StafFactory())

    assert fout.value.message_dict == {"status": ["Onbekende status."]}


# --- closing ---------------------------------------------------------------------------------------------


def test_closing_early_keeps_the_announced_deadline_and_records_the_moment():
    aangekondigd = timezone.now() + timedelta(days=14)
    ronde = _ronde(S.OPEN, sluit_op=aangekondigd)
    nu = timezone.now()

    levenscyclus.ronde_overgang(ronde=ronde, naar=S.GESLOTEN, door=StafFactory(), bevestigd=True, nu=nu)

    ronde.refresh_from_db()
    assert (ronde.status, ronde.sluit_op, ronde.gesloten_op) == (S.GESLOTEN, aangekondigd, nu)
    assert ronde.werkelijk_gesloten_op == nu
    assert not ronde.is_open_voor_indienen()
    regel = AuditRegel.objects.get(ronde=ronde)
    assert regel.voor["sluit_op"] == regel.na["sluit_op"] == aangekondigd.isoformat()
    assert (regel.voor["gesloten_op"], regel.na["gesloten_op"]) == (None, nu.isoformat())


def test_nominations_refused_after_closing_early_with_the_actual_moment():
    ronde = _ronde(S.OPEN)
    voordracht = VoordrachtFactory(ronde=ronde)
    levenscyclus.ronde_overgang(ronde=ronde, naar=S.GESLOTEN, door=StafFactory(), bevestigd=True)

    with pytest.raises(ValidationError) as fout:
        services.voordracht_indienen(voordracht=voordracht, token=voordracht.token)

    ronde.refresh_from_db()
    moment = timezone.localtime(ronde.gesloten_op)
    assert f"sloot op {moment.day} " in fout.value.messages[0]


def test_reopening_after_closing_early_clears_the_moment():
    ronde = _ronde(S.OPEN)
    staf = StafFactory()
    levenscyclus.ronde_overgang(ronde=ronde, naar=S.GESLOTEN, door=staf, bevestigd=True)

    levenscyclus.ronde_overgang(ronde=ronde, naar=S.OPEN, door=staf, bevestigd=True, reden="Te vroeg gesloten")

    ronde.refresh_from_db()
    assert (ronde.status, ronde.gesloten_op) == (S.OPEN, None)
    assert ronde.is_open_voor_indienen()
    assert AuditRegel.objects.filter(ronde=ronde).first().na["reden"] == "Te vroeg gesloten"


def test_an_open_round_past_its_deadline_is_closed_for_every_predicate():
    ronde = _ronde(S.OPEN, opent_op=timezone.now() - timedelta(days=30), sluit_op=timezone.now() - timedelta(hours=1))
    gebruiker = AnonymousUser()

    assert ronde.huidige_status == S.GESLOTEN
    assert not ronde.is_open_voor_indienen()
    assert not rules.ronde_open(gebruiker, ronde)
    assert [stap.naar for stap in levenscyclus.handmatige_overgangen(ronde)] == [S.OPEN, S.ONAFHANKELIJK]


def test_a_round_past_its_deadline_goes_to_review_without_closing_first():
    ronde = _ronde(S.OPEN, opent_op=timezone.now() - timedelta(days=30), sluit_op=timezone.now() - timedelta(hours=1))

    levenscyclus.ronde_overgang(ronde=ronde, naar=S.ONAFHANKELIJK, door=StafFactory())

    ronde.refresh_from_db()
    assert (ronde.status, ronde.gesloten_op) == (S.ONAFHANKELIJK, None)
    assert AuditRegel.objects.get(ronde=ronde).voor["status"] == S.GESLOTEN


def test_reopening_needs_a_deadline_in_the_future():
    ronde = _ronde(S.OPEN, opent_op=timezone.now() - timedelta(days=30), sluit_op=timezone.now() - timedelta(hours=1))

    with pytest.raises(ValidationError) as fout:
        levenscyclus.ronde_overgang(ronde=ronde, naar=S.OPEN, door=StafFactory(), bevestigd=True)

    assert fout.value.message_dict == {
        "sluit_op": ["Het sluitingsmoment van een open ronde moet in de toekomst liggen."]
    }


def test_opening_needs_criteria_and_a_future_deadline():
    staf = StafFactory()
    ronde = services.ronde_aanmaken(naam="Zonder termijn", jaar=2027)
    with pytest.raises(ValidationError):
        levenscyclus.ronde_overgang(ronde=ronde, naar=S.OPEN, door=staf)
    ronde.criteria.all().delete()
    Ronde.objects.filter(pk=ronde.pk).update(sluit_op=timezone.now() + timedelta(days=3))
    with pytest.raises(ValidationError):
        levenscyclus.ronde_overgang(ronde=ronde, naar=S.OPEN, door=staf)

    assert Ronde.objects.get(pk=ronde.pk).status == S.CONCEPT


# --- the deadline ----------------------------------------------------------------------------------------


def test_moving_the_deadline_of_an_open_round_is_audited():
    staf = StafFactory()
    ronde = _ronde(S.OPEN)
    oud, nieuw = ronde.sluit_op, ronde.sluit_op + timedelta(days=7)

    levenscyclus.ronde_termijn_wijzigen(ronde=ronde, door=staf, opent_op=ronde.opent_op, sluit_op=nieuw)

    assert Ronde.objects.get(pk=ronde.pk).sluit_op == nieuw
    regel = AuditRegel.objects.get(ronde=ronde)
    assert (regel.soort, regel.voor["sluit_op"], regel.na["sluit_op"]) == (
        "termijn",
        oud.isoformat(),
        nieuw.isoformat(),
    )


def test_the_deadline_cannot_close_an_open_round_silently():
    ronde = _ronde(S.OPEN)
    oud = ronde.sluit_op

    with pytest.raises(ValidationError):
        levenscyclus.ronde_termijn_wijzigen(
            ronde=ronde, door=StafFactory(), opent_op=ronde.opent_op, sluit_op=timezone.now() - timedelta(minutes=1)
        )

    assert Ronde.objects.get(pk=ronde.pk).sluit_op == oud
    assert not AuditRegel.objects.exists()


@pytest.mark.parametrize("status", [S.GESLOTEN, S.ONAFHANKELIJK, S.GEPUBLICEERD])
def test_the_deadline_is_fixed_once_closed(status):
    ronde = _ronde(status)

    with pytest.raises(ValidationError) as fout:
        levenscyclus.ronde_termijn_wijzigen(
            ronde=ronde, door=StafFactory(), opent_op=ronde.opent_op, sluit_op=ronde.sluit_op + timedelta(days=1)
        )

    assert fout.value.message_dict == {"sluit_op": [f"De ronde is {S(status).label}; de termijn ligt vast."]}


@pytest.mark.parametrize("rol", ROLLEN)
def test_only_staff_move_the_deadline(rol):
    ronde = _ronde(S.OPEN)

    with pytest.raises(PermissionDenied):
        levenscyclus.ronde_termijn_wijzigen(
            ronde=ronde, door=ROLLEN[rol](), opent_op=ronde.opent_op, sluit_op=ronde.sluit_op + timedelta(days=1)
        )


# --- what the status allows ------------------------------------------------------------------------------


VERWACHT = {
    # status: (mag_scoren, scores van anderen zien (reviewer), mag_besluiten (staff), mag_publiceren (staff))
    S.CONCEPT: (False, False, False, False),
    S.OPEN: (False, False, False, False),
    S.GESLOTEN: (False, False, False, False),
    S.ONAFHANKELIJK: (True, False, False, False),
    S.KALIBRATIE: (True, True, False, False),
    S.SELECTIE: (False, True, True, True),
    S.GEPUBLICEERD: (False, True, False, False),
}


@pytest.mark.parametrize("status", ALLE)
def test_predicates_read_the_one_status(status):
    from selectie.beoordeling.services import toewijzing_maken

    ronde = _met_besluit(_ronde(S.ONAFHANKELIJK))
    kandidaat = ronde.kandidaten.get()
    beoordelaar, niet_toegewezen, staf = BeoordelaarFactory(), BeoordelaarFactory(), StafFactory()
    toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=staf)
    Ronde.objects.filter(pk=ronde.pk).update(status=status)
    kandidaat = type(kandidaat).objects.select_related("ronde").get(pk=kandidaat.pk)

    uitkomst = (
        mag_scoren(beoordelaar, kandidaat),
        mag_scores_van_anderen_zien(beoordelaar, kandidaat),
        mag_besluiten(staf, kandidaat.ronde),
        mag_publiceren(staf, kandidaat.ronde),
    )

    assert uitkomst == VERWACHT[status]
    assert not mag_scoren(niet_toegewezen, kandidaat)
    assert not mag_scores_van_anderen_zien(niet_toegewezen, kandidaat)
    assert mag_scores_van_anderen_zien(staf, kandidaat)
    assert not mag_besluiten(beoordelaar, kandidaat.ronde)
    assert not mag_publiceren(AnonymousUser(), kandidaat.ronde)


def test_scoring_is_refused_while_the_round_is_open_even_for_an_assigned_reviewer():
    from selectie.beoordeling.services import toewijzing_maken

    ronde = _ronde(S.OPEN)
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordelaar = BeoordelaarFactory()
    toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)

    assert not mag_scoren(beoordelaar, kandidaat)
    Ronde.objects.filter(pk=ronde.pk).update(sluit_op=timezone.now() - timedelta(minutes=1))
    kandidaat.ronde.refresh_from_db()
    assert not mag_scoren(beoordelaar, kandidaat)  # closed at the deadline, not yet in review
