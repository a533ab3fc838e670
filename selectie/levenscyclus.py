"""The lifecycle of a round: one status, one transition table, one service that makes every change.

    concept → open → gesloten → onafhankelijk beoordelen → kalibratie → selectie → gepubliceerd

- The status lives in one place, ``Ronde.status``. An open round whose announced deadline has passed
  *is* closed: :meth:`Ronde.status_op` derives that on read, so nothing has to run at the deadline and
  every predicate (``selectie.rules``, ``selectie.beoordeling.rules``) agrees.
- :func:`ronde_overgang` makes every change of status, :func:`ronde_termijn_wijzigen` every change of
  the announced deadline. Both check who may do it and what must be true first, and write one audit
  line with before and after.
- Closing early keeps the announced deadline (``sluit_op``) and records the actual moment apart
  (``gesloten_op``).
- Steps that cannot be undone (closing early, reopening, showing scores to all reviewers, publishing)
  need ``bevestigd=True``: the views show a page that says what will happen first.
- Publishing is reached only through publishing the selection (``beoordeling.services.selectie_publiceren``),
  which makes the koplopers, news items and e-mails in the same transaction; it needs the rule
  ``ronde_publiceerbaar`` (decisions recorded), registered by ``selectie.beoordeling.rules``.
"""

from dataclasses import dataclass

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from koplopers.accounts.rules import heeft_stafrol

from .audit import als_json, audit_vastleggen
from .models import AuditRegel, Ronde
from .signals import stap_waarschuwingen

S = Ronde.Status


@dataclass(frozen=True)
class Overgang:
    van: str
    naar: str
    knop: Promise
    uitleg: Promise
    bevestigen: bool = False  # cannot be undone: ask first, on a page that says what will happen
    handmatig: bool = True  # offered on the round's page (publishing is not: see the module docstring)


OVERGANGEN: dict[tuple[str, str], Overgang] = {
    (o.van, o.naar): o
    for o in [
        Overgang(
            S.CONCEPT,
            S.OPEN,
            _("Openen voor voordrachten"),
            _("De oproep staat daarna op /voordragen/ en iedereen kan voordragen tot de aangekondigde termijn."),
        ),
        Overgang(
            S.OPEN,
            S.GESLOTEN,
            _("Nu sluiten, vóór de termijn"),
            _(
                "De ronde sluit nu, vóór de aangekondigde termijn van %(termijn)s. Daarna kan niemand meer een "
                "voordracht indienen; concepten blijven bewaard. De aangekondigde termijn blijft vastgelegd; het "
                "werkelijke sluitingsmoment wordt apart bewaard."
            ),
            bevestigen=True,
        ),
        Overgang(
            S.GESLOTEN,
            S.OPEN,
            _("Heropenen"),
            _(
                "De ronde gaat weer open tot de aangekondigde termijn van %(termijn)s. Voordragers kunnen dan weer "
                "indienen. Het eerdere sluitingsmoment blijft in de audit bewaard."
            ),
            bevestigen=True,
        ),
        Overgang(
            S.GESLOTEN,
            S.ONAFHANKELIJK,
            _("Onafhankelijk beoordelen starten"),
            _(
                "Er kan niet meer worden voorgedragen. Toegewezen beoordelaars kunnen scoren, zonder elkaars "
                "scores te zien."
            ),
        ),
        Overgang(
            S.ONAFHANKELIJK,
            S.KALIBRATIE,
            _("Naar kalibratie"),
            _(
                "Alle beoordelaars zien daarna elkaars scores bij hun kandidaten en kunnen hun eigen scores nog "
                "aanpassen. Dit kan niet worden teruggedraaid: gezien is gezien."
            ),
            bevestigen=True,
        ),
        Overgang(
            S.KALIBRATIE,
            S.SELECTIE,
            _("Naar selectie"),
            _("De scores liggen daarna vast. Het programmabureau legt de besluiten vast."),
        ),
        Overgang(
            S.SELECTIE,
            S.KALIBRATIE,
            _("Terug naar kalibratie"),
            _("Beoordelaars kunnen hun scores weer aanpassen. Vastgelegde besluiten blijven staan."),
        ),
        Overgang(
            S.SELECTIE,
            S.GEPUBLICEERD,
            _("Publiceren"),
            _(
                "De geselecteerde gemeenten en regio’s worden koploper van deze ronde. Dit kan niet ongedaan "
                "worden gemaakt."
            ),
            bevestigen=True,
            handmatig=False,
        ),
    ]
}


def overgang(van: str, naar: str) -> Overgang | None:
    return OVERGANGEN.get((van, naar))


def handmatige_overgangen(ronde: Ronde, nu=None) -> list[Overgang]:
    """The steps staff may take from the round's page now, in lifecycle order."""
    van = ronde.status_op(nu)
    return [o for (v, _naar), o in OVERGANGEN.items() if v == van and o.handmatig]


def uitleg(o: Overgang, ronde: Ronde) -> str:
    """What the step will do, in words, for the confirmation page."""
    termijn = date_format(timezone.localtime(ronde.sluit_op), "j F Y \\o\\m H:i") if ronde.sluit_op else "-"
    tekst = str(o.uitleg)
    return tekst % {"termijn": termijn} if "%(termijn)s" in tekst else tekst


def waarschuwingen(ronde: Ronde, naar: str) -> list[str]:
    """What the apps above selectie want staff to know before the step to ``naar`` (never a stop)."""
    meldingen: list[str] = []
    for _ontvanger, antwoord in stap_waarschuwingen.send(sender=Ronde, ronde=ronde, naar=naar):
        meldingen.extend(antwoord or [])
    return meldingen


def _toestand(ronde: Ronde, status: str) -> dict:
    return {
        "status": str(status),
        "opent_op": als_json(ronde.opent_op),
        "sluit_op": als_json(ronde.sluit_op),
        "gesloten_op": als_json(ronde.gesloten_op),
        "gepubliceerd_op": als_json(ronde.gepubliceerd_op),
    }


def _mag_beheren(door) -> None:
    # The role; the second factor of the session is checked by the view's permission (``selectie.rondes_beheren``).
    if door is None or not heeft_stafrol(door):
        raise PermissionDenied(gettext("Alleen het programmabureau kan de status van een ronde wijzigen."))


def _controleer_termijn_open(ronde: Ronde, nu) -> None:
    if not ronde.sluit_op:
        raise ValidationError({"sluit_op": _("Een open ronde heeft een sluitingsmoment nodig.")})
    if ronde.sluit_op <= nu:
        raise ValidationError({"sluit_op": _("Het sluitingsmoment van een open ronde moet in de toekomst liggen.")})


@transaction.atomic
def ronde_overgang(
    *,
    ronde: Ronde,
    naar: str,
    door,
    reden: str | None = None,
    bevestigd: bool = False,
    details: dict | None = None,
    nu=None,
) -> Ronde:
    """Move ``ronde`` to status ``naar``: the only way a round's status changes.

    Refused (``ValidationError``, nothing written) when the step is not in :data:`OVERGANGEN`, when it
    cannot be undone and is not ``bevestigd``, or when what it needs is missing; ``PermissionDenied``
    when ``door`` is not programme staff. ``details`` are added to the audit line (publishing).
    """
    nu = nu or timezone.now()
    _mag_beheren(door)
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    van = ronde.status_op(nu)
    if naar not in S.values:
        raise ValidationError({"status": _("Onbekende status.")}, code="onbekend")
    naar = S(naar)
    stap = overgang(van, naar)
    if stap is None:
        raise ValidationError(
            {"status": _("Van ‘%(van)s’ naar ‘%(naar)s’ kan niet.") % {"van": van.label, "naar": naar.label}},
            code="overgang",
        )
    if stap.bevestigen and not bevestigd:
        raise ValidationError(
            {
                "bevestigd": _("Bevestig dat u ‘%(stap)s’ wilt; dit kan niet ongedaan worden gemaakt.")
                % {"stap": stap.knop}
            },
            code="bevestigen",
        )
    voor = _toestand(ronde, van)

    if naar == S.OPEN:
        _controleer_termijn_open(ronde, nu)
        if not ronde.criteria.exists():
            raise ValidationError({"status": _("Een ronde zonder criteria kan niet worden geopend.")})
        ronde.opent_op = ronde.opent_op or nu
        ronde.gesloten_op = None
    elif van == S.OPEN and naar == S.GESLOTEN:
        ronde.gesloten_op = nu  # the announced deadline (sluit_op) stays as it was announced
    elif naar == S.GEPUBLICEERD:
        if not rules.test_rule("ronde_publiceerbaar", door, ronde):
            raise ValidationError({"status": _("Er is nog geen kandidaat geselecteerd.")}, code="besluiten")
        ronde.gepubliceerd_op = nu

    ronde.status = naar
    ronde.full_clean()
    ronde.save()
    na = _toestand(ronde, naar)
    if reden:
        na["reden"] = reden
    if details:
        na.update(details)
    audit_vastleggen(
        ronde=ronde,
        soort=AuditRegel.Soort.STATUS,
        omschrijving=gettext("Status: %(van)s → %(naar)s") % {"van": van.label, "naar": naar.label},
        gebruiker=door,
        voor=voor,
        na=na,
    )
    return ronde


@transaction.atomic
def ronde_termijn_wijzigen(*, ronde: Ronde, door, opent_op=None, sluit_op=None, reden: str | None = None, nu=None):
    """Change when a round opens and its announced deadline: only before it closed (concept or open).

    An open round keeps a deadline in the future: closing early is :func:`ronde_overgang` to "gesloten",
    which keeps the announced deadline. Writes one audit line with before and after (none if unchanged).
    """
    nu = nu or timezone.now()
    _mag_beheren(door)
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    status = ronde.status_op(nu)
    voor = {"opent_op": als_json(ronde.opent_op), "sluit_op": als_json(ronde.sluit_op)}
    if (ronde.opent_op, ronde.sluit_op) == (opent_op, sluit_op):
        return ronde
    if status not in (S.CONCEPT, S.OPEN):
        raise ValidationError(
            {"sluit_op": _("De ronde is %(status)s; de termijn ligt vast.") % {"status": status.label}},
            code="termijn_vast",
        )
    ronde.opent_op, ronde.sluit_op = opent_op, sluit_op
    if status == S.OPEN:
        _controleer_termijn_open(ronde, nu)
    ronde.full_clean()
    ronde.save()
    na = {"opent_op": als_json(ronde.opent_op), "sluit_op": als_json(ronde.sluit_op)}
    if reden:
        na["reden"] = reden
    audit_vastleggen(
        ronde=ronde,
        soort=AuditRegel.Soort.TERMIJN,
        omschrijving=gettext("Termijn gewijzigd"),
        gebruiker=door,
        voor=voor,
        na=na,
    )
    return ronde
