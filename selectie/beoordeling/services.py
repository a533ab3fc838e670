"""Writes for reviewing and selecting. Every change of a score, assignment, conflict or decision leaves an
audit line (``selectie.AuditRegel``) with who, when, before and after. The round's status changes only
through ``selectie.levenscyclus``; what it allows is asked of the predicates in :mod:`.rules`."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Koploper, Versiereden
from gemeenten.services import koploper_uit_selectie_maken_of_bijwerken
from koplopers.accounts.models import User
from koplopers.post.models import Bericht
from koplopers.post.services import bericht_in_wachtrij
from selectie.audit import audit_vastleggen
from selectie.levenscyclus import ronde_overgang
from selectie.models import AuditRegel, Criterium, Deelname, Kandidaat, Ronde, Voordracht

from . import aggregatie
from .models import (
    Belangenconflict,
    Beoordeling,
    Besluit,
    Nieuwsbericht,
    RondeBeoordeling,
    Score,
    Toewijzing,
    Uitgaand,
    Verklaring,
)
from .organisaties import conflictreden
from .rules import heeft_conflict, in_selectie, is_toegewezen, mag_besluiten, mag_publiceren, mag_scoren

ORGANISATIES = [keuze.value for keuze in User.BeoordelaarOrganisatie]


# Round settings ---------------------------------------------------------------------------


def rondebeoordeling_voor(*, ronde: Ronde) -> RondeBeoordeling:
    """The review settings of ``ronde``, created with the defaults the first time."""
    rb, _nieuw = RondeBeoordeling.objects.get_or_create(ronde=ronde)
    return rb


INSTELLINGEN = ["spreidingsdrempel", "elke_provincie", "themas_minimaal", "verklaring"]


def _instellingen(rb: RondeBeoordeling) -> dict:
    return {
        "spreidingsdrempel": str(rb.spreidingsdrempel),
        "elke_provincie": rb.elke_provincie,
        "themas_minimaal": rb.themas_minimaal,
        "verklaring": rb.verklaring,
    }


@transaction.atomic
def instellingen_bijwerken(*, rondebeoordeling: RondeBeoordeling, door, **velden) -> RondeBeoordeling:
    rb = RondeBeoordeling.objects.select_for_update().get(pk=rondebeoordeling.pk)
    voor = _instellingen(rb)
    for naam, waarde in velden.items():
        if naam not in INSTELLINGEN:
            raise TypeError(naam)
        setattr(rb, naam, waarde)
    rb.full_clean()
    rb.save()
    na = _instellingen(rb)
    if voor != na:
        audit_vastleggen(
            ronde=rb.ronde_id,
            soort=AuditRegel.Soort.INSTELLINGEN,
            omschrijving=_("Instellingen gewijzigd"),
            gebruiker=door,
            voor=voor,
            na=na,
        )
    return rb


@transaction.atomic
def verklaring_bevestigen(*, beoordelaar, ronde: Ronde) -> Verklaring:
    """Confirm the round's declaration (once; a second confirmation returns the first)."""
    bestaand = Verklaring.objects.filter(beoordelaar=beoordelaar, ronde=ronde).first()
    if bestaand is not None:
        return bestaand
    rb = rondebeoordeling_voor(ronde=ronde)
    verklaring = Verklaring(beoordelaar=beoordelaar, ronde=ronde, tekst=rb.verklaring)
    verklaring.full_clean(validate_constraints=False)
    verklaring.save()
    audit_vastleggen(
        ronde=ronde,
        soort=AuditRegel.Soort.VERKLARING,
        omschrijving=_("Verklaring bevestigd"),
        gebruiker=beoordelaar,
        na={"tekst": verklaring.tekst},
    )
    return verklaring


# Conflicts of interest --------------------------------------------------------------------------------


def _nominatoren(kandidaten) -> dict[int, tuple[set[int], list[str]]]:
    """Per candidate id: the submitters' user ids and the nominating organisations and co-nominators."""
    voordrachten = (
        Voordracht.objects.filter(kandidaat__in=kandidaten, status=Voordracht.Status.INGEDIEND)
        .select_related("indiener")
        .prefetch_related("mede_indieners")
    )
    per_kandidaat: dict[int, tuple[set[int], list[str]]] = defaultdict(lambda: (set(), []))
    for voordracht in voordrachten:
        indieners, organisaties = per_kandidaat[voordracht.kandidaat_id]
        indieners.add(voordracht.indiener_id)
        organisaties.append(voordracht.organisatie)
        organisaties.append(voordracht.indiener.organisatie)
        organisaties.extend(mede.organisatie for mede in voordracht.mede_indieners.all())
    return per_kandidaat


REDENEN = {
    "indiener": _("De beoordelaar heeft de kandidaat zelf voorgedragen."),
    "eigen_organisatie": _("De organisatie van de beoordelaar is voordrager of mede-indiener."),
    "beoordelende_organisatie": _("De organisatie waarvoor de beoordelaar beoordeelt is voordrager of mede-indiener."),
}


@transaction.atomic
def conflicten_vaststellen(*, ronde: Ronde, beoordelaars=None) -> int:
    """Record the automatic conflicts (see :mod:`.organisaties`) of every reviewer in ``ronde``.

    Returns how many new conflicts were recorded; existing ones are left as they are.
    """
    if beoordelaars is None:
        beoordelaars = User.objects.exclude(beoordelaar_organisatie="").filter(is_active=True)
    beoordelaars = list(beoordelaars)
    kandidaten = list(Kandidaat.objects.filter(ronde=ronde))
    nominatoren = _nominatoren(kandidaten)
    bestaand = set(
        Belangenconflict.objects.filter(kandidaat__ronde=ronde).values_list("beoordelaar_id", "kandidaat_id")
    )
    nieuw = []
    for kandidaat in kandidaten:
        indieners, organisaties = nominatoren.get(kandidaat.pk, (set(), []))
        for beoordelaar in beoordelaars:
            if (beoordelaar.pk, kandidaat.pk) in bestaand:
                continue
            reden = conflictreden(
                beoordelaar_id=beoordelaar.pk,
                eigen_organisatie=beoordelaar.organisatie,
                beoordelaar_organisatie=beoordelaar.beoordelaar_organisatie,
                indieners=indieners,
                organisaties=organisaties,
            )
            if reden:
                nieuw.append(
                    Belangenconflict(
                        beoordelaar=beoordelaar,
                        kandidaat=kandidaat,
                        soort=Belangenconflict.Soort.VOORDRAGER,
                        bron=Belangenconflict.Bron.AUTOMATISCH,
                        toelichting=str(REDENEN[reden]),
                    )
                )
    Belangenconflict.objects.bulk_create(nieuw)
    for conflict in nieuw:
        audit_vastleggen(
            ronde=ronde,
            soort=AuditRegel.Soort.CONFLICT,
            kandidaat=conflict.kandidaat,
            omschrijving=_("Automatisch belangenconflict: %(beoordelaar)s") % {"beoordelaar": conflict.beoordelaar},
            na={"beoordelaar": conflict.beoordelaar_id, "toelichting": conflict.toelichting},
        )
    return len(nieuw)


@transaction.atomic
def conflict_melden(
    *, beoordelaar, kandidaat: Kandidaat, soort: str, toelichting: str, bron: str, door
) -> Belangenconflict:
    """A conflict declared by the reviewer or recorded by staff (idempotent per reviewer and candidate)."""
    bestaand = Belangenconflict.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).first()
    if bestaand is not None:
        return bestaand
    if not beoordelaar.beoordelaar_organisatie:
        raise ValidationError({"beoordelaar": _("Deze persoon is geen beoordelaar.")})
    conflict = Belangenconflict(
        beoordelaar=beoordelaar,
        kandidaat=kandidaat,
        soort=soort,
        bron=bron,
        toelichting=toelichting,
        vastgelegd_door=door,
    )
    conflict.full_clean(validate_constraints=False)
    conflict.save()
    audit_vastleggen(
        ronde=kandidaat.ronde_id,
        soort=AuditRegel.Soort.CONFLICT,
        kandidaat=kandidaat,
        gebruiker=door,
        omschrijving=_("Belangenconflict van %(beoordelaar)s: %(soort)s")
        % {"beoordelaar": beoordelaar, "soort": conflict.get_soort_display()},
        na={"beoordelaar": beoordelaar.pk, "soort": soort, "bron": bron, "toelichting": toelichting},
    )
    return conflict


# Assignments ------------------------------------------------------------------------------------------


@transaction.atomic
def toewijzing_maken(*, beoordelaar, kandidaat: Kandidaat, door) -> Toewijzing:
    if not beoordelaar.beoordelaar_organisatie:
        raise ValidationError({"beoordelaar": _("Deze persoon is geen beoordelaar.")})
    rondebeoordeling_voor(ronde=kandidaat.ronde)
    conflicten_vaststellen(ronde=kandidaat.ronde, beoordelaars=[beoordelaar])
    if Belangenconflict.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).exists():
        raise ValidationError(
            {
                "beoordelaar": _("%(beoordelaar)s heeft een belangenconflict met %(kandidaat)s.")
                % {"beoordelaar": beoordelaar, "kandidaat": kandidaat}
            }
        )
    toewijzing, nieuw = Toewijzing.objects.get_or_create(
        beoordelaar=beoordelaar, kandidaat=kandidaat, defaults={"toegewezen_door": door}
    )
    if nieuw:
        audit_vastleggen(
            ronde=kandidaat.ronde_id,
            soort=AuditRegel.Soort.TOEWIJZING,
            kandidaat=kandidaat,
            gebruiker=door,
            omschrijving=_("%(beoordelaar)s toegewezen") % {"beoordelaar": beoordelaar},
            na={"beoordelaar": beoordelaar.pk},
        )
    return toewijzing


@transaction.atomic
def toewijzing_verwijderen(*, beoordelaar, kandidaat: Kandidaat, door) -> None:
    """Remove an assignment; not once the reviewer submitted or abstained (that review stays on record)."""
    if (
        Beoordeling.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat)
        .exclude(status=Beoordeling.Status.CONCEPT)
        .exists()
    ):
        raise ValidationError(
            {"beoordelaar": _("%(beoordelaar)s heeft deze kandidaat al beoordeeld.") % {"beoordelaar": beoordelaar}}
        )
    verwijderd, _aantal = Toewijzing.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).delete()
    if verwijderd:
        Beoordeling.objects.filter(beoordelaar=beoordelaar, kandidaat=kandidaat).delete()
        audit_vastleggen(
            ronde=kandidaat.ronde_id,
            soort=AuditRegel.Soort.TOEWIJZING,
            kandidaat=kandidaat,
            gebruiker=door,
            omschrijving=_("Toewijzing van %(beoordelaar)s verwijderd") % {"beoordelaar": beoordelaar},
            voor={"beoordelaar": beoordelaar.pk},
        )


@dataclass
class Verdeling:
    toegevoegd: int = 0
    tekorten: list[tuple[Kandidaat, str]] = field(default_factory=list)


@transaction.atomic
def gelijk_verdelen(*, ronde: Ronde, door, per_organisatie: int = 1) -> Verdeling:
    """Give every candidate at least ``per_organisatie`` reviewers of each organisation, balancing load.

    Greedy and deterministic: candidates in name order; for each missing place the reviewer of that
    organisation with the fewest assignments in this round (then by username), without a conflict.
    Where no reviewer is left, the shortfall is reported.
    """
    rondebeoordeling_voor(ronde=ronde)
    beoordelaars = list(
        User.objects.exclude(beoordelaar_organisatie="").filter(is_active=True).order_by("username", "pk")
    )
    conflicten_vaststellen(ronde=ronde, beoordelaars=beoordelaars)
    kandidaten = list(_kandidaten_met_voordracht(ronde).order_by("naam", "pk"))
    conflicten = set(
        Belangenconflict.objects.filter(kandidaat__ronde=ronde).values_list("beoordelaar_id", "kandidaat_id")
    )
    toewijzingen = set(Toewijzing.objects.filter(kandidaat__ronde=ronde).values_list("beoordelaar_id", "kandidaat_id"))
    last = Counter(beoordelaar_id for beoordelaar_id, _k in toewijzingen)
    per_org = defaultdict(list)
    for beoordelaar in beoordelaars:
        per_org[beoordelaar.beoordelaar_organisatie].append(beoordelaar)

    verdeling = Verdeling()
    nieuw = []
    for kandidaat in kandidaten:
        for organisatie in ORGANISATIES:
            aanwezig = sum(
                1
                for b in per_org[organisatie]
                if (b.pk, kandidaat.pk) in toewijzingen and (b.pk, kandidaat.pk) not in conflicten
            )
            while aanwezig < per_organisatie:
                kandidaten_org = [
                    b
                    for b in per_org[organisatie]
                    if (b.pk, kandidaat.pk) not in toewijzingen and (b.pk, kandidaat.pk) not in conflicten
                ]
                if not kandidaten_org:
                    verdeling.tekorten.append((kandidaat, organisatie))
                    break
                gekozen = min(kandidaten_org, key=lambda b: (last[b.pk], b.username, b.pk))
                nieuw.append(Toewijzing(beoordelaar=gekozen, kandidaat=kandidaat, toegewezen_door=door))
                toewijzingen.add((gekozen.pk, kandidaat.pk))
                last[gekozen.pk] += 1
                aanwezig += 1
    Toewijzing.objects.bulk_create(nieuw)
    verdeling.toegevoegd = len(nieuw)
    audit_vastleggen(
        ronde=ronde,
        soort=AuditRegel.Soort.TOEWIJZING,
        gebruiker=door,
        omschrijving=_("Gelijk verdeeld: %(aantal)s toewijzingen toegevoegd") % {"aantal": len(nieuw)},
        na={"toegevoegd": [[t.beoordelaar_id, t.kandidaat_id] for t in nieuw]},
    )
    return verdeling


def _kandidaten_met_voordracht(ronde: Ronde):
    from django.db.models import Exists, OuterRef

    ingediend = Voordracht.objects.filter(kandidaat=OuterRef("pk"), status=Voordracht.Status.INGEDIEND)
    return Kandidaat.objects.filter(ronde=ronde).filter(Exists(ingediend))


# Reviews ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invoer:
    """What the form gives for one criterion."""

    niveau: int | None = None
    niet_van_toepassing: bool = False
    toelichting: str = ""


def _beoordeling_gegevens(beoordeling: Beoordeling | None, scores: dict[int, Score]) -> dict | None:
    if beoordeling is None or beoordeling.pk is None:
        return None
    return {
        "status": beoordeling.status,
        "opmerking": beoordeling.opmerking,
        "reden_onthouding": beoordeling.reden_onthouding,
        "totaal": None if beoordeling.totaal is None else f"{beoordeling.totaal:.4f}",
        "scores": {
            str(criterium_id): {
                "niveau": score.niveau,
                "nvt": score.niet_van_toepassing,
                "toelichting": score.toelichting,
            }
            for criterium_id, score in sorted(scores.items())
        },
    }


class Actie:
    CONCEPT = "concept"
    INDIENEN = "indienen"
    ONTHOUDEN = "onthouden"


@transaction.atomic
def beoordeling_opslaan(
    *,
    beoordelaar,
    kandidaat: Kandidaat,
    invoer: dict[int, Invoer],
    opmerking: str = "",
    actie: str = Actie.CONCEPT,
    reden_onthouding: str = "",
) -> Beoordeling:
    """Save a review as a draft, submit it, or abstain; computes the total; logs before and after.

    Submitting needs a level or "niet van toepassing" for every criterion; abstaining needs a reason.
    Only an assigned reviewer without a conflict, in a phase that allows changes, may save.
    """
    kandidaat = Kandidaat.objects.select_related("ronde").get(pk=kandidaat.pk)
    if not mag_scoren(beoordelaar, kandidaat):
        if not is_toegewezen(beoordelaar, kandidaat):
            raise ValidationError(_("Deze kandidaat is niet aan u toegewezen."))
        if heeft_conflict(beoordelaar, kandidaat):
            raise ValidationError(_("U hebt een belangenconflict met deze kandidaat."))
        raise ValidationError(
            _("De ronde is ‘%(status)s’: scoren kan nu niet.")
            % {"status": kandidaat.ronde.get_huidige_status_display()}
        )

    criteria = {c.pk: c for c in Criterium.objects.filter(ronde_id=kandidaat.ronde_id)}
    beoordeling = (
        Beoordeling.objects.select_for_update().filter(beoordelaar=beoordelaar, kandidaat=kandidaat).first()
    ) or Beoordeling(beoordelaar=beoordelaar, kandidaat=kandidaat)
    bestaande = {s.criterium_id: s for s in beoordeling.scores.all()} if beoordeling.pk else {}
    voor = _beoordeling_gegevens(beoordeling, bestaande)

    fouten = {}
    for criterium_id, waarde in invoer.items():
        if criterium_id not in criteria:
            raise ValidationError(_("Onbekend criterium."))
        criterium = criteria[criterium_id]
        if waarde.niveau is not None and waarde.niet_van_toepassing:
            fouten[f"niveau_{criterium_id}"] = _("Kies een niveau of ‘niet van toepassing’, niet allebei.")
        elif waarde.niveau is not None and not 1 <= waarde.niveau <= criterium.schaal_max:
            fouten[f"niveau_{criterium_id}"] = _("Kies een niveau van 1 tot en met %(max)s.") % {
                "max": criterium.schaal_max
            }
    if actie == Actie.INDIENEN:
        for criterium_id, criterium in criteria.items():
            waarde = invoer.get(criterium_id, Invoer())
            if waarde.niveau is None and not waarde.niet_van_toepassing:
                fouten.setdefault(
                    f"niveau_{criterium_id}",
                    _("Kies een niveau of ‘niet van toepassing’ voor ‘%(criterium)s’.") % {"criterium": criterium},
                )
    if actie == Actie.ONTHOUDEN and not reden_onthouding.strip():
        fouten["reden_onthouding"] = _("Geef een reden om te onthouden.")
    if fouten:
        raise ValidationError(fouten)

    if actie == Actie.INDIENEN:
        beoordeling.status = Beoordeling.Status.INGEDIEND
        beoordeling.ingediend_op = beoordeling.ingediend_op or timezone.now()
        beoordeling.reden_onthouding = ""
    elif actie == Actie.ONTHOUDEN:
        beoordeling.status = Beoordeling.Status.ONTHOUDEN
        beoordeling.reden_onthouding = reden_onthouding.strip()
    elif beoordeling.status == Beoordeling.Status.CONCEPT or beoordeling.pk is None:
        beoordeling.status = Beoordeling.Status.CONCEPT
    # Saving a submitted review as a draft in calibration keeps it submitted: a change, logged.
    beoordeling.opmerking = opmerking
    gewichten = {pk: c.gewicht for pk, c in criteria.items()}
    niveaus = {
        pk: (None if waarde.niet_van_toepassing else waarde.niveau)
        for pk, waarde in invoer.items()
        if waarde.niet_van_toepassing or waarde.niveau is not None
    }
    totaal = aggregatie.review_totaal(niveaus, gewichten)
    beoordeling.totaal = None if totaal is None else Decimal(str(round(totaal, 4)))
    beoordeling.full_clean(validate_constraints=False)
    beoordeling.save()

    nieuwe = {}
    for criterium_id, waarde in invoer.items():
        score = bestaande.get(criterium_id) or Score(beoordeling=beoordeling, criterium_id=criterium_id)
        score.niveau = waarde.niveau
        score.niet_van_toepassing = waarde.niet_van_toepassing
        score.toelichting = waarde.toelichting
        score.full_clean(validate_constraints=False)
        score.save()
        nieuwe[criterium_id] = score
    for criterium_id, score in bestaande.items():
        if criterium_id not in invoer:
            nieuwe[criterium_id] = score

    na = _beoordeling_gegevens(beoordeling, nieuwe)
    if voor != na:
        omschrijvingen = {
            Actie.INDIENEN: _("Beoordeling ingediend door %(beoordelaar)s"),
            Actie.ONTHOUDEN: _("%(beoordelaar)s onthoudt zich"),
            Actie.CONCEPT: _("Beoordeling opgeslagen door %(beoordelaar)s"),
        }
        audit_vastleggen(
            ronde=kandidaat.ronde_id,
            soort=AuditRegel.Soort.SCORE,
            kandidaat=kandidaat,
            gebruiker=beoordelaar,
            omschrijving=omschrijvingen[actie] % {"beoordelaar": beoordelaar},
            voor=voor,
            na=na,
        )
    return beoordeling


# Decisions ----------------------------------------------------------------------------------------------


def _besluit_gegevens(besluit: Besluit) -> dict:
    return {"uitkomst": besluit.uitkomst, "motivering": besluit.motivering, "vastzetting": besluit.vastzetting}


def _selectie_bewerkbaar(ronde: Ronde, door) -> None:
    ronde = Ronde.objects.get(pk=ronde.pk)
    if not mag_besluiten(door, ronde):
        raise ValidationError(
            _("De ronde is ‘%(status)s’: besluiten kan alleen in de status ‘%(selectie)s’.")
            % {"status": ronde.get_huidige_status_display(), "selectie": Ronde.Status.SELECTIE.label}
        )


@transaction.atomic
def besluit_vastleggen(
    *,
    kandidaat: Kandidaat,
    door,
    uitkomst: str | None = None,
    motivering: str | None = None,
    vastzetting: str | None = None,
) -> Besluit:
    """Stage a decision (and/or pin) for a candidate; ``None`` leaves a field as it is."""
    _selectie_bewerkbaar(kandidaat.ronde, door)
    besluit, _nieuw = Besluit.objects.select_for_update().get_or_create(kandidaat=kandidaat)
    voor = _besluit_gegevens(besluit)
    if uitkomst is not None:
        besluit.uitkomst = uitkomst
    if motivering is not None:
        besluit.motivering = motivering
    if vastzetting is not None:
        besluit.vastzetting = vastzetting
    besluit.bijgewerkt_door = door
    besluit.full_clean()
    besluit.save()
    na = _besluit_gegevens(besluit)
    if voor != na:
        audit_vastleggen(
            ronde=kandidaat.ronde_id,
            soort=AuditRegel.Soort.BESLUIT,
            kandidaat=kandidaat,
            gebruiker=door,
            omschrijving=_("Besluit over %(kandidaat)s: %(uitkomst)s")
            % {"kandidaat": kandidaat, "uitkomst": besluit.get_uitkomst_display() or _("nog geen besluit")},
            voor=voor,
            na=na,
        )
    return besluit


@transaction.atomic
def voorstel_overnemen(*, ronde: Ronde, gekozen: list[int], uitleg: dict[int, str], door) -> int:
    """Mark the proposal's candidates selected (motivation: the proposal's explanation if none yet);
    candidates selected before but not in the proposal go back to undecided. Returns the changes."""
    _selectie_bewerkbaar(ronde, door)
    gekozen = set(gekozen)
    besluiten = {b.kandidaat_id: b for b in Besluit.objects.filter(kandidaat__ronde=ronde)}
    wijzigingen = 0
    for kandidaat in Kandidaat.objects.filter(ronde=ronde).order_by("pk"):
        besluit = besluiten.get(kandidaat.pk)
        huidig = besluit.uitkomst if besluit else ""
        if kandidaat.pk in gekozen and huidig != Besluit.Uitkomst.GESELECTEERD:
            motivering = besluit.motivering if besluit and besluit.motivering else uitleg.get(kandidaat.pk, "")
            besluit_vastleggen(
                kandidaat=kandidaat, door=door, uitkomst=Besluit.Uitkomst.GESELECTEERD, motivering=motivering
            )
            wijzigingen += 1
        elif kandidaat.pk not in gekozen and huidig == Besluit.Uitkomst.GESELECTEERD:
            besluit_vastleggen(kandidaat=kandidaat, door=door, uitkomst="")
            wijzigingen += 1
    return wijzigingen


# Publishing ---------------------------------------------------------------------------------------------


def koploper_voor_kandidaat(*, kandidaat: Kandidaat, door=None) -> Koploper:
    """The koploper of a selected candidate, made or updated by gemeenten, with the round added.

    gemeenten owns the profile: :func:`gemeenten.services.koploper_uit_selectie_maken_of_bijwerken` finds
    the koploper of the municipality (or the region with exactly these members), or makes one, publishes
    it with the themes and target groups of the nominations, and records a version with ``door`` and the
    reason "selectie". The round participation is selection data: it is written here, as a ``Deelname``.
    """
    voordrachten = Voordracht.objects.filter(kandidaat=kandidaat, status=Voordracht.Status.INGEDIEND)
    koploper = koploper_uit_selectie_maken_of_bijwerken(
        gemeenten=kandidaat.gemeenten.all(),
        naam=kandidaat.naam,
        door=door,
        reden=Versiereden.SELECTIE,
        doelgroepen={d for v in voordrachten.prefetch_related("doelgroepen") for d in v.doelgroepen.all()},
        themas={t for v in voordrachten.prefetch_related("themas") for t in v.themas.all()},
    )
    Deelname.objects.get_or_create(
        ronde_id=kandidaat.ronde_id, koploper=koploper, defaults={"bron": Deelname.Bron.SELECTIE}
    )
    return koploper


def _nieuwsbericht_maken(*, ronde: Ronde, kandidaat: Kandidaat, koploper: Koploper) -> Nieuwsbericht:
    bericht, _nieuw = Nieuwsbericht.objects.get_or_create(
        ronde=ronde,
        kandidaat=kandidaat,
        defaults={
            "koploper": koploper,
            "titel": _("%(naam)s is koploper in %(ronde)s") % {"naam": koploper.naam, "ronde": ronde.naam},
            "tekst": render_to_string(
                "beoordeling/nieuwsbericht.txt", {"ronde": ronde, "kandidaat": kandidaat, "koploper": koploper}
            ).strip(),
        },
    )
    return bericht


def _berichten_maken(*, ronde: Ronde, kandidaat: Kandidaat, uitkomst: str) -> int:
    onderwerpen = {
        Besluit.Uitkomst.GESELECTEERD: _("%(kandidaat)s is geselecteerd als koploper"),
        Besluit.Uitkomst.RESERVE: _("%(kandidaat)s staat op de reservelijst"),
        Besluit.Uitkomst.NIET_GESELECTEERD: _("Uitslag van uw voordracht van %(kandidaat)s"),
    }
    aantal = 0
    for voordracht in Voordracht.objects.filter(kandidaat=kandidaat, status=Voordracht.Status.INGEDIEND).select_related(
        "indiener"
    ):
        aan = voordracht.contact_email or voordracht.indiener.email
        if not aan:
            continue
        _bericht, nieuw = Uitgaand.objects.get_or_create(
            ronde=ronde,
            voordracht=voordracht,
            defaults={
                "kandidaat": kandidaat,
                "aan": aan,
                "onderwerp": onderwerpen[uitkomst] % {"kandidaat": kandidaat.naam},
                "tekst": render_to_string(
                    "beoordeling/bericht_uitslag.txt",
                    {"ronde": ronde, "kandidaat": kandidaat, "voordracht": voordracht, "uitkomst": uitkomst},
                ).strip(),
            },
        )
        aantal += nieuw
    return aantal


@dataclass
class Publicatie:
    koplopers: list[Koploper] = field(default_factory=list)
    berichten: int = 0
    nieuws: int = 0


@transaction.atomic
def selectie_publiceren(*, ronde: Ronde, door, eisen_voldaan: bool, afwijking: str = "") -> Publicatie:
    """Publish every staged decision at once, and with it the round (status "gepubliceerd").

    Needs what ``mag_publiceren`` says (programme staff, status "selectie", at least one candidate
    selected); undecided candidates become "not selected". When the constraints are not met,
    ``afwijking`` (why staff deviate) is required. The selected municipalities or regions become
    koplopers of the round, each gets a draft news item, and every nominator gets an e-mail in the
    outbox. The status moves through ``selectie.levenscyclus.ronde_overgang`` in this transaction,
    with one audit line that lists the koplopers and decisions: a refusal there undoes everything.
    """
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    if not mag_publiceren(door, ronde):
        if not in_selectie(door, ronde):
            raise ValidationError(
                _(
                    "De ronde heeft de status ‘%(status)s’ en kan nog niet worden gepubliceerd. Publiceren kan "
                    "alleen als de ronde de status ‘%(selectie)s’ heeft."
                )
                % {"status": ronde.get_huidige_status_display(), "selectie": Ronde.Status.SELECTIE.label},
                code="status",
            )
        raise ValidationError(_("Er is nog geen kandidaat geselecteerd."), code="besluiten")
    if not eisen_voldaan and not afwijking.strip():
        raise ValidationError({"afwijking": _("De selectie voldoet niet aan alle eisen: leg uit waarom u afwijkt.")})
    kandidaten = list(_kandidaten_met_voordracht(ronde).select_related("besluit").order_by("naam", "pk"))
    besluiten = {}
    for kandidaat in kandidaten:
        besluit = getattr(kandidaat, "besluit", None)
        if besluit is None:
            besluit = Besluit.objects.create(kandidaat=kandidaat, bijgewerkt_door=door)
        if not besluit.uitkomst:
            besluit.uitkomst = Besluit.Uitkomst.NIET_GESELECTEERD
        besluiten[kandidaat.pk] = besluit

    nu = timezone.now()
    publicatie = Publicatie()
    for kandidaat in kandidaten:
        besluit = besluiten[kandidaat.pk]
        besluit.gepubliceerd_op = nu
        besluit.save()
        if besluit.uitkomst == Besluit.Uitkomst.GESELECTEERD:
            koploper = koploper_voor_kandidaat(kandidaat=kandidaat, door=door)
            publicatie.koplopers.append(koploper)
            _nieuwsbericht_maken(ronde=ronde, kandidaat=kandidaat, koploper=koploper)
            publicatie.nieuws += 1
        publicatie.berichten += _berichten_maken(ronde=ronde, kandidaat=kandidaat, uitkomst=besluit.uitkomst)

    ronde_overgang(
        ronde=ronde,
        naar=Ronde.Status.GEPUBLICEERD,
        door=door,
        reden=afwijking.strip() or None,
        bevestigd=True,
        details={
            "koplopers": [k.pk for k in publicatie.koplopers],
            "besluiten": {str(pk): b.uitkomst for pk, b in besluiten.items()},
        },
        nu=nu,
    )
    return publicatie


@transaction.atomic
def uitgaand_verzenden(*, ronde: Ronde, door) -> int:
    """Hand every e-mail of the round that staff previewed to the outbox (``koplopers.post``).

    Each becomes one outbox message with its own task, retries and state, keyed by the preview row, so a
    second click, or a retry after a failure, queues nothing twice; one refused message does not hold
    back or undo the others.
    """
    berichten = list(Uitgaand.objects.select_for_update().filter(ronde=ronde, status=Uitgaand.Status.WACHTRIJ))
    for bericht in berichten:
        bericht_in_wachtrij(
            sleutel=f"uitslag-{bericht.pk}",
            soort=Bericht.Soort.UITSLAG,
            aan=bericht.aan,
            onderwerp=bericht.onderwerp,
            tekst=bericht.tekst,
        )
        bericht.status = Uitgaand.Status.VERZONDEN
        bericht.verzonden_op = timezone.now()
        bericht.save(update_fields=["status", "verzonden_op"])
    if berichten:
        audit_vastleggen(
            ronde=ronde,
            soort=AuditRegel.Soort.PUBLICATIE,
            gebruiker=door,
            omschrijving=_("%(aantal)s e-mails in de verzendrij gezet") % {"aantal": len(berichten)},
            na={"verzonden": [b.pk for b in berichten]},
        )
    return len(berichten)
