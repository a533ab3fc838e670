import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from gemeenten.models import Koploper, Versiereden
from koplopers.post.models import Bericht
from selectie import levenscyclus
from selectie.beoordeling import selectors, services
from selectie.beoordeling.models import (
    Belangenconflict,
    Beoordeling,
    Besluit,
    Nieuwsbericht,
    Toewijzing,
    Uitgaand,
)
from selectie.models import AuditRegel, Deelname, Ronde
from tests.factories.beoordeling import BeoordelaarFactory, beoordeling_maken, kandidaat_maken, status_zetten
from tests.factories.gemeenten import GemeenteFactory, ProvincieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


# --- reviews ------------------------------------------------------------------------------------------


def test_beoordeling_opslaan_computes_weighted_total_without_not_applicable(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    criteria = list(ronde.criteria.order_by("volgorde"))
    criteria[0].gewicht = 3
    criteria[0].save()

    beoordeling = beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[5, 1, "nvt", 2])

    # (3*5 + 1*1 + 1*2) / 5 = 3.6; the n.v.t. criterion is left out of both sides
    assert float(beoordeling.totaal) == 3.6
    assert beoordeling.status == Beoordeling.Status.INGEDIEND


def test_beoordeling_indienen_needs_every_criterion(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)

    with pytest.raises(ValidationError) as fout:
        beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3])

    assert len(fout.value.error_dict) == 2


def test_beoordeling_concept_may_be_incomplete(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)

    beoordeling = beoordeling_maken(
        beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3], actie=services.Actie.CONCEPT
    )

    assert beoordeling.status == Beoordeling.Status.CONCEPT
    assert float(beoordeling.totaal) == 3.0


def test_beoordeling_level_out_of_scale_rejected(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)

    with pytest.raises(ValidationError):
        beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[6, 1, 1, 1])


def test_onthouden_needs_reason(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)

    with pytest.raises(ValidationError):
        beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[], actie=services.Actie.ONTHOUDEN)
    beoordeling = beoordeling_maken(
        beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[], actie=services.Actie.ONTHOUDEN, reden="Ken ze"
    )

    assert beoordeling.status == Beoordeling.Status.ONTHOUDEN


def test_beoordeling_not_assigned_refused(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)

    with pytest.raises(ValidationError):
        services.beoordeling_opslaan(beoordelaar=beoordelaars[0], kandidaat=kandidaat, invoer={})


def test_scores_locked_in_selection_phase(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])
    status_zetten(ronde, Ronde.Status.SELECTIE)

    with pytest.raises(ValidationError):
        beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[1, 1, 1, 1])

    assert float(Beoordeling.objects.get().totaal) == 3.0


def test_score_change_in_calibration_logged_with_before_and_after(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])
    status_zetten(ronde, Ronde.Status.KALIBRATIE)

    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[5, 3, 3, 3])

    regel = AuditRegel.objects.filter(soort=AuditRegel.Soort.SCORE).order_by("-pk").first()
    criterium = str(ronde.criteria.order_by("volgorde").first().pk)
    assert regel.voor["scores"][criterium]["niveau"] == 3
    assert regel.na["scores"][criterium]["niveau"] == 5
    assert regel.gebruiker == beoordelaars[0]


def test_saving_unchanged_review_adds_no_audit_line(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])
    aantal = AuditRegel.objects.count()

    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])

    assert AuditRegel.objects.count() == aantal


# --- the round's status -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Ronde.Status.OPEN, Ronde.Status.GESLOTEN, Ronde.Status.SELECTIE])
def test_scoring_refused_outside_review_statuses(ronde, beoordelaars, status):
    kandidaat = kandidaat_maken(ronde=ronde)
    status_zetten(ronde, status)

    with pytest.raises(ValidationError) as fout:
        beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])

    assert fout.value.messages == [f"De ronde is ‘{Ronde.Status(status).label}’: scoren kan nu niet."]
    assert not Beoordeling.objects.exists()


def test_scoring_refused_while_open_before_the_deadline_even_when_assigned(ronde, beoordelaars):
    # The bug this lifecycle fixes: reviewers could score while nominations were still coming in.
    kandidaat = kandidaat_maken(ronde=ronde)
    services.toewijzing_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, door=None)
    status_zetten(ronde, Ronde.Status.OPEN)

    with pytest.raises(ValidationError):
        beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[3, 3, 3, 3])

    assert not Beoordeling.objects.exists()


def test_besluit_refused_outside_selectie(ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)

    with pytest.raises(ValidationError) as fout:
        services.besluit_vastleggen(kandidaat=kandidaat, door=staf, uitkomst="geselecteerd")

    assert fout.value.messages == [
        "De ronde is ‘onafhankelijk beoordelen’: besluiten kan alleen in de status ‘selectie’."
    ]
    assert not Besluit.objects.exists()


def test_besluit_refused_for_a_reviewer_in_selectie(ronde, beoordelaars):
    kandidaat = kandidaat_maken(ronde=ronde)
    status_zetten(ronde, Ronde.Status.SELECTIE)

    with pytest.raises(ValidationError):
        services.besluit_vastleggen(kandidaat=kandidaat, door=beoordelaars[0], uitkomst="geselecteerd")

    assert not Besluit.objects.exists()


# --- conflicts and assignment ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organisatie", "mede", "beoordelaar_org", "conflict"),
    [
        ("Ieder(in)", [], "iederin", True),
        ("Cliëntenraad Zeist", ["Koepel Adviesraden Sociaal Domein"], "koepel_asd", True),
        ("Cliëntenraad Zeist", ["VNG"], "vng", True),
        ("Cliëntenraad Zeist", [], "vng", False),
        ("Vangnet Zeist", [], "vng", False),
    ],
)
def test_conflicten_vaststellen_by_nominating_organisation(ronde, organisatie, mede, beoordelaar_org, conflict):
    kandidaat = kandidaat_maken(ronde=ronde, organisatie=organisatie, mede_indieners=mede)
    beoordelaar = BeoordelaarFactory(beoordelaar_organisatie=beoordelaar_org)

    services.conflicten_vaststellen(ronde=ronde)

    assert Belangenconflict.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).exists() is conflict


def test_conflict_when_reviewer_own_organisation_nominates(ronde):
    beoordelaar = BeoordelaarFactory(organisatie="Adviesraad Sociaal Domein Zeist")
    kandidaat = kandidaat_maken(ronde=ronde, organisatie="adviesraad sociaal domein ZEIST")

    services.conflicten_vaststellen(ronde=ronde)

    conflict = Belangenconflict.objects.get(beoordelaar=beoordelaar, kandidaat=kandidaat)
    assert conflict.bron == Belangenconflict.Bron.AUTOMATISCH


def test_toewijzing_refused_with_conflict(ronde):
    beoordelaar = BeoordelaarFactory(beoordelaar_organisatie="iederin")
    kandidaat = kandidaat_maken(ronde=ronde, mede_indieners=["Ieder(in)"])

    with pytest.raises(ValidationError):
        services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)

    assert not Toewijzing.objects.exists()


def test_gelijk_verdelen_covers_every_organisation_with_balanced_load(ronde, staf):
    beoordelaars = [
        BeoordelaarFactory(beoordelaar_organisatie=org, username=f"{org}-{i}")
        for org in ("vng", "iederin", "koepel_asd")
        for i in range(2)
    ]
    kandidaten = [kandidaat_maken(ronde=ronde) for _ in range(4)]

    verdeling = services.gelijk_verdelen(ronde=ronde, door=staf)

    assert verdeling.toegevoegd == 12
    assert verdeling.tekorten == []
    for kandidaat in kandidaten:
        organisaties = set(kandidaat.toewijzingen.values_list("beoordelaar__beoordelaar_organisatie", flat=True))
        assert organisaties == {"vng", "iederin", "koepel_asd"}
    lasten = sorted(Toewijzing.objects.filter(beoordelaar=b).count() for b in beoordelaars)
    assert lasten == [2, 2, 2, 2, 2, 2]


def test_gelijk_verdelen_skips_conflicts_and_reports_shortfall(ronde, staf):
    BeoordelaarFactory(beoordelaar_organisatie="vng")
    BeoordelaarFactory(beoordelaar_organisatie="koepel_asd")
    iederin = BeoordelaarFactory(beoordelaar_organisatie="iederin")
    kandidaat = kandidaat_maken(ronde=ronde, organisatie="Ieder(in)")

    verdeling = services.gelijk_verdelen(ronde=ronde, door=staf)

    assert verdeling.tekorten == [(kandidaat, "iederin")]
    assert not Toewijzing.objects.filter(beoordelaar=iederin).exists()


def test_gelijk_verdelen_twice_adds_nothing(ronde, staf, beoordelaars):
    kandidaat_maken(ronde=ronde)
    services.gelijk_verdelen(ronde=ronde, door=staf)

    assert services.gelijk_verdelen(ronde=ronde, door=staf).toegevoegd == 0


def test_conflict_excludes_review_from_aggregates(ronde, beoordelaars, staf):
    kandidaat = kandidaat_maken(ronde=ronde)
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=kandidaat, niveaus=[5, 5, 5, 5])
    beoordeling_maken(beoordelaar=beoordelaars[1], kandidaat=kandidaat, niveaus=[1, 1, 1, 1])
    rb = services.rondebeoordeling_voor(ronde=ronde)
    assert selectors.ranglijst(ronde, rb)[0].aggregaat.gemiddelde == 3.0

    services.conflict_melden(
        beoordelaar=beoordelaars[1],
        kandidaat=kandidaat,
        soort="persoonlijk",
        toelichting="Familie",
        bron="staf",
        door=staf,
    )

    aggregaat = selectors.ranglijst(ronde, rb)[0].aggregaat
    assert (aggregaat.gemiddelde, aggregaat.aantal, aggregaat.conflicten) == (5.0, 1, 1)


# --- ranking, proposal, publishing -----------------------------------------------------------------


def test_ranglijst_balanced_mean_order_and_flag(ronde, beoordelaars):
    a = kandidaat_maken(ronde=ronde, naam="A")
    b = kandidaat_maken(ronde=ronde, naam="B")
    tweede_vng = BeoordelaarFactory(beoordelaar_organisatie="vng")
    # A: VNG 1 and 2, Ieder(in) 5 -> mean 2.67, balanced (1.5 + 5) / 2 = 3.25
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=a, niveaus=[1, 1, 1, 1])
    beoordeling_maken(beoordelaar=tweede_vng, kandidaat=a, niveaus=[2, 2, 2, 2])
    beoordeling_maken(beoordelaar=beoordelaars[1], kandidaat=a, niveaus=[5, 5, 5, 5])
    # B: VNG 3, Ieder(in) 3 -> mean 3, balanced 3
    beoordeling_maken(beoordelaar=beoordelaars[0], kandidaat=b, niveaus=[3, 3, 3, 3])
    beoordeling_maken(beoordelaar=beoordelaars[1], kandidaat=b, niveaus=[3, 3, 3, 3])

    rijen = selectors.ranglijst(ronde, services.rondebeoordeling_voor(ronde=ronde))

    assert [r.kandidaat.naam for r in rijen] == ["A", "B"]
    assert rijen[0].aggregaat.gebalanceerd == pytest.approx(3.25)
    assert rijen[0].aggregaat.bespreken is True  # range 4 > 1.5
    assert rijen[1].aggregaat.bespreken is False


def _ronde_met_provincies(ronde, beoordelaar):
    """Utrecht 5, 4, 3; Zeeland 1: with target 2-2 the proposal must take Zeeland."""
    utrecht, zeeland = ProvincieFactory(naam="Utrecht"), ProvincieFactory(naam="Zeeland")
    thema = ThemaFactory(naam="werk en inkomen")
    kandidaten = {}
    for naam, provincie, niveau in [("U1", utrecht, 5), ("U2", utrecht, 4), ("U3", utrecht, 3), ("Z1", zeeland, 1)]:
        kandidaat = kandidaat_maken(
            ronde=ronde, naam=naam, gemeenten=[GemeenteFactory(provincie=provincie)], themas=[thema]
        )
        beoordeling_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, niveaus=[niveau] * 4)
        kandidaten[naam] = kandidaat
    ronde.streefaantal_min = ronde.streefaantal_max = 2
    ronde.save()
    return kandidaten


def test_voorstel_covers_zeeland_and_can_be_adopted(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    rb = services.rondebeoordeling_voor(ronde=ronde)
    rijen = selectors.ranglijst(ronde, rb)

    voorstel = selectors.voorstel(ronde, rb, rijen)
    services.voorstel_overnemen(
        ronde=ronde, gekozen=list(voorstel.gekozen), uitleg={k: v.uitleg for k, v in voorstel.keuzes.items()}, door=staf
    )

    assert set(voorstel.gekozen) == {kandidaten["U1"].pk, kandidaten["Z1"].pk}
    assert "Zeeland te dekken" in voorstel.keuzes[kandidaten["Z1"].pk].uitleg
    gekozen = set(Besluit.objects.filter(uitkomst="geselecteerd").values_list("kandidaat__naam", flat=True))
    assert gekozen == {"U1", "Z1"}
    assert selectors.controle(ronde, rb, selectors.ranglijst(ronde, rb)).voldaan


def test_voorstel_respects_pins(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, vastzetting=Besluit.Vastzetting.UIT)
    rb = services.rondebeoordeling_voor(ronde=ronde)

    voorstel = selectors.voorstel(ronde, rb, selectors.ranglijst(ronde, rb))

    assert set(voorstel.gekozen) == {kandidaten["U2"].pk, kandidaten["Z1"].pk}


def test_voorstel_infeasible_when_zeeland_excluded(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["Z1"], door=staf, vastzetting=Besluit.Vastzetting.UIT)
    rb = services.rondebeoordeling_voor(ronde=ronde)

    voorstel = selectors.voorstel(ronde, rb, selectors.ranglijst(ronde, rb))

    assert not voorstel.haalbaar
    assert voorstel.problemen == ("Zeeland heeft alleen kandidaten die zijn uitgesloten.",)


def test_publiceren_makes_koplopers_news_and_outbox(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    regio_gemeenten = [GemeenteFactory(), GemeenteFactory()]
    regio = kandidaat_maken(ronde=ronde, naam="Regio Test", gemeenten=regio_gemeenten)
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")
    services.besluit_vastleggen(kandidaat=regio, door=staf, uitkomst="geselecteerd")
    services.besluit_vastleggen(kandidaat=kandidaten["U2"], door=staf, uitkomst="reserve")

    publicatie = services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=False, afwijking="Regio telt")

    assert len(publicatie.koplopers) == 2
    gemeente_koploper = Koploper.objects.get(gemeente=kandidaten["U1"].gemeenten.get())
    assert ronde in gemeente_koploper.rondes.all()
    assert gemeente_koploper.themas.filter(naam="werk en inkomen").exists()
    regio_koploper = Koploper.objects.get(soort=Koploper.Soort.REGIO)
    assert set(regio_koploper.leden.all()) == set(regio_gemeenten)
    assert Nieuwsbericht.objects.filter(status="concept").count() == 2
    assert Uitgaand.objects.count() == 5  # one per nomination: 4 + the region
    assert Besluit.objects.get(kandidaat=kandidaten["Z1"]).uitkomst == "niet_geselecteerd"
    ronde.refresh_from_db()
    assert ronde.status == Ronde.Status.GEPUBLICEERD
    assert ronde.gepubliceerd_op is not None
    assert mail.outbox == []  # queued, not sent


def test_publiceren_needs_selection_status_and_reason_when_constraints_unmet(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")
    status_zetten(ronde, Ronde.Status.KALIBRATIE)

    with pytest.raises(ValidationError):
        services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=True)
    status_zetten(ronde, Ronde.Status.SELECTIE)
    with pytest.raises(ValidationError):
        services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=False, afwijking="")

    assert not Koploper.objects.filter(rondes=ronde).exists()


def test_publiceren_existing_koploper_gets_the_round(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    gemeente = kandidaten["U1"].gemeenten.get()
    bestaand = Koploper.objects.create(naam=gemeente.toon_naam, slug="bestaand", gemeente=gemeente)
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")

    services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=True)

    assert list(Koploper.objects.filter(gemeente=gemeente)) == [bestaand]
    assert ronde in bestaand.rondes.all()


def test_publiceren_records_a_version_with_who_and_why(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")

    services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=True)

    koploper = Koploper.objects.get(gemeente=kandidaten["U1"].gemeenten.get())
    versies = list(koploper.history.all())
    assert len(versies) == 1
    assert (versies[0].history_change_reason, versies[0].history_user, versies[0].versie) == (
        Versiereden.SELECTIE,
        staf,
        1,
    )
    assert versies[0].gepubliceerd is True
    # The version holds the themes of the nominations (simple-history's m2m copy).
    assert [rij.thema.naam for rij in versies[0].themas.all()] == ["werk en inkomen"]
    deelname = Deelname.objects.get(koploper=koploper)
    assert (deelname.ronde, deelname.bron) == (ronde, Deelname.Bron.SELECTIE)


def test_publiceren_existing_koploper_gets_a_new_version_and_is_public_again(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    gemeente = kandidaten["U1"].gemeenten.get()
    bestaand = Koploper.objects.create(
        naam=gemeente.toon_naam, slug="bestaand", gemeente=gemeente, gepubliceerd=False, versie=3
    )
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")

    services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=True)

    bestaand.refresh_from_db()
    assert (bestaand.gepubliceerd, bestaand.versie) == (True, 4)
    laatste = bestaand.history.first()
    assert (laatste.history_change_reason, laatste.history_user, laatste.history_type) == (
        Versiereden.SELECTIE,
        staf,
        "~",
    )


def test_uitgaand_verzenden_sends_once(ronde, beoordelaars, staf, django_capture_on_commit_callbacks):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")
    services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=True)

    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        assert services.uitgaand_verzenden(ronde=ronde, door=staf) == 4
    with django_capture_on_commit_callbacks(execute=True):
        assert services.uitgaand_verzenden(ronde=ronde, door=staf) == 0
    assert len(mail.outbox) == 4
    assert Bericht.objects.filter(soort=Bericht.Soort.UITSLAG, status=Bericht.Status.VERZONDEN).count() == 4
    assert any("geselecteerd als koploper" in m.subject for m in mail.outbox)


def test_besluit_logged_and_locked_after_publishing(ronde, beoordelaars, staf):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd", motivering="Sterk")
    regel = AuditRegel.objects.get(soort=AuditRegel.Soort.BESLUIT)
    assert regel.voor["uitkomst"] == "" and regel.na == {
        "uitkomst": "geselecteerd",
        "motivering": "Sterk",
        "vastzetting": "",
    }
    status_zetten(ronde, Ronde.Status.GEPUBLICEERD)

    with pytest.raises(ValidationError):
        services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="reserve")


# --- publishing and the round's status ----------------------------------------------------------------


def _klaar_om_te_publiceren(ronde, beoordelaars, staf, status):
    kandidaten = _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)
    services.besluit_vastleggen(kandidaat=kandidaten["U1"], door=staf, uitkomst="geselecteerd")
    status_zetten(ronde, status)
    return kandidaten


def test_publiceren_moves_round_status_through_the_lifecycle_with_one_audit_line(
    ronde, beoordelaars, staf, monkeypatch
):
    _klaar_om_te_publiceren(ronde, beoordelaars, staf, Ronde.Status.SELECTIE)
    aanroepen = []
    echte = services.ronde_overgang

    def bijhouden(**kwargs):
        aanroepen.append(kwargs["naar"])
        return echte(**kwargs)

    monkeypatch.setattr(services, "ronde_overgang", bijhouden)
    regels_voor = AuditRegel.objects.filter(soort=AuditRegel.Soort.STATUS).count()

    publicatie = services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=False, afwijking="Klein")

    assert aanroepen == [Ronde.Status.GEPUBLICEERD]
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.GEPUBLICEERD
    regels = AuditRegel.objects.filter(soort=AuditRegel.Soort.STATUS)
    assert regels.count() == regels_voor + 1
    regel = regels.first()
    assert (regel.voor["status"], regel.na["status"]) == (Ronde.Status.SELECTIE, Ronde.Status.GEPUBLICEERD)
    assert regel.na["reden"] == "Klein"
    assert regel.na["koplopers"] == [k.pk for k in publicatie.koplopers]
    assert regel.gebruiker == staf


@pytest.mark.parametrize(
    "status",
    [
        Ronde.Status.CONCEPT,
        Ronde.Status.OPEN,
        Ronde.Status.GESLOTEN,
        Ronde.Status.ONAFHANKELIJK,
        Ronde.Status.KALIBRATIE,
        Ronde.Status.GEPUBLICEERD,
    ],
)
def test_publiceren_refused_for_a_round_status_that_may_not_be_published(ronde, beoordelaars, staf, status):
    kandidaten = _klaar_om_te_publiceren(ronde, beoordelaars, staf, status)
    besluiten_voor = Besluit.objects.count()
    audit_voor = AuditRegel.objects.count()

    with pytest.raises(ValidationError) as fout:
        services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=False, afwijking="Klein")

    label = Ronde.Status(status).label
    assert fout.value.messages == [
        f"De ronde heeft de status ‘{label}’ en kan nog niet worden gepubliceerd. Publiceren kan alleen als de "
        "ronde de status ‘selectie’ heeft."
    ]
    assert Ronde.objects.get(pk=ronde.pk).status == status
    assert not Koploper.objects.filter(rondes=ronde).exists()
    assert not Koploper.objects.filter(gemeente=kandidaten["U1"].gemeenten.get()).exists()
    assert Nieuwsbericht.objects.count() == 0
    assert Uitgaand.objects.count() == 0
    assert Besluit.objects.count() == besluiten_voor
    assert not Besluit.objects.filter(gepubliceerd_op__isnull=False).exists()
    assert AuditRegel.objects.count() == audit_voor


def test_publiceren_refused_without_a_selected_candidate(ronde, beoordelaars, staf):
    _ronde_met_provincies(ronde, beoordelaars[0])
    status_zetten(ronde, Ronde.Status.SELECTIE)

    with pytest.raises(ValidationError) as fout:
        services.selectie_publiceren(ronde=ronde, door=staf, eisen_voldaan=True)

    assert fout.value.messages == ["Er is nog geen kandidaat geselecteerd."]
    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.SELECTIE


def test_publishing_directly_through_the_lifecycle_needs_decisions(ronde, staf):
    status_zetten(ronde, Ronde.Status.SELECTIE)

    with pytest.raises(ValidationError):
        levenscyclus.ronde_overgang(ronde=ronde, naar=Ronde.Status.GEPUBLICEERD, door=staf, bevestigd=True)

    assert Ronde.objects.get(pk=ronde.pk).status == Ronde.Status.SELECTIE
