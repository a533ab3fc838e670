"""Writes for rounds and nominations. Keyword-only, atomic, validated before saving."""

import logging
import uuid
from collections.abc import Iterable
from datetime import timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Doelgroep, Gemeente, Thema

from . import levenscyclus
from .models import Bijlage, Criterium, Kandidaat, MedeIndiener, Motivatie, Ronde, Voordracht
from .signals import voordracht_ingediend
from .validators import pdf_controleren, weergavenaam

logger = logging.getLogger(__name__)

# The four criteria of the 2019 call (DOMAIN.md): the default for every new round.
CRITERIA_2019 = [
    (
        _("Visie"),
        _("De gemeente heeft een duidelijke visie op de inzet en positionering van cliëntondersteuning."),
    ),
    (
        _("Gezamenlijk en lerend ontwikkelproces"),
        _(
            "Er is een gezamenlijk en lerend ontwikkelproces van gemeente, inwoners of cliënten, "
            "professionals en vrijwilligers."
        ),
    ),
    (
        _("Innovaties"),
        _("Er zijn innovaties gerealiseerd of in ontwikkeling op aspecten van cliëntondersteuning."),
    ),
    (
        _("Ambitie"),
        _(
            "De gemeente heeft een duidelijke ambitie, bij voorkeur in relatie tot het toegangsbeleid "
            "en de eigen dienstverlening."
        ),
    ),
]

# Organisations that speak for residents or clients: together with a municipality, a joint nomination.
CLIENTZIJDE = {Voordracht.OrganisatieType.CLIENTORGANISATIE, Voordracht.OrganisatieType.ADVIESRAAD}


# Rounds ----------------------------------------------------------------------------------------------


def _unieke_slug(naam: str, *, behalve: int | None = None) -> str:
    basis = slugify(naam)[:90] or "ronde"
    slug, teller = basis, 2
    while Ronde.objects.filter(slug=slug).exclude(pk=behalve).exists():
        slug, teller = f"{basis}-{teller}", teller + 1
    return slug


@transaction.atomic
def ronde_criteria_standaard(*, ronde: Ronde) -> list[Criterium]:
    """Give ``ronde`` the four criteria of the 2019 call, if it has no criteria yet."""
    if ronde.criteria.exists():
        return list(ronde.criteria.order_by("volgorde"))
    criteria = []
    for volgorde, (naam, toelichting) in enumerate(CRITERIA_2019, start=1):
        criterium = Criterium(ronde=ronde, volgorde=volgorde, naam=str(naam), toelichting=str(toelichting))
        criterium.full_clean()
        criterium.save()
        criteria.append(criterium)
    return criteria


@transaction.atomic
def ronde_aanmaken(
    *,
    naam: str,
    jaar: int,
    slug: str = "",
    opent_op=None,
    sluit_op=None,
    oproeptekst: str = "",
    toelichting: str = "",
    streefaantal_min: int = 12,
    streefaantal_max: int = 15,
    is_demo: bool = False,
) -> Ronde:
    """A new round in status concept, with the default criteria."""
    ronde = Ronde(
        naam=naam,
        slug=slug or _unieke_slug(naam),
        jaar=jaar,
        opent_op=opent_op,
        sluit_op=sluit_op,
        oproeptekst=oproeptekst,
        toelichting=toelichting,
        streefaantal_min=streefaantal_min,
        streefaantal_max=streefaantal_max,
        is_demo=is_demo,
        status=Ronde.Status.CONCEPT,
    )
    ronde.full_clean()
    ronde.save()
    ronde_criteria_standaard(ronde=ronde)
    return ronde


RONDE_VELDEN = {
    "naam",
    "slug",
    "jaar",
    "opent_op",
    "sluit_op",
    "oproeptekst",
    "toelichting",
    "streefaantal_min",
    "streefaantal_max",
    "is_demo",
}
TERMIJN_VELDEN = {"opent_op", "sluit_op"}


CRITERIA_VERGRENDELD = _(
    "De criteria en hun gewichten liggen vast: de ronde is niet meer in concept. Voordrachten en "
    "beoordelingen rusten erop, dus ze zijn niet meer te wijzigen."
)


def criteria_vergrendeld(ronde: Ronde) -> bool:
    """Criteria and weights lock once a round leaves "concept": from then on nominations motivate per
    criterion and review totals (stored, ranked, exported, proposed) are computed with these weights.
    A later change would leave those totals stale, so it is refused rather than recomputed."""
    return ronde.huidige_status != Ronde.Status.CONCEPT


@transaction.atomic
def criteria_opslaan(*, ronde: Ronde, formset) -> list[Criterium]:
    """Save the round's criteria from a valid ``CriteriumFormSet``, only while the round is a draft.

    The round row is locked first, so a step out of "concept" in another request cannot slip between
    the check and the save."""
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    if criteria_vergrendeld(ronde):
        raise ValidationError({NON_FIELD_ERRORS: [CRITERIA_VERGRENDELD]})
    return formset.save()


@transaction.atomic
def ronde_bijwerken(*, ronde: Ronde, door=None, **velden) -> Ronde:
    """Change the descriptive fields of a round. A changed opening or deadline goes through
    :func:`selectie.levenscyclus.ronde_termijn_wijzigen` (checked and audited); the status only through
    :func:`selectie.levenscyclus.ronde_overgang`."""
    onbekend = set(velden) - RONDE_VELDEN
    if onbekend:
        raise TypeError(f"onbekende velden: {sorted(onbekend)}")
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    termijn = {veld: velden.pop(veld) for veld in TERMIJN_VELDEN & set(velden)}
    if termijn and any(getattr(ronde, veld) != waarde for veld, waarde in termijn.items()):
        ronde = levenscyclus.ronde_termijn_wijzigen(
            ronde=ronde,
            door=door,
            opent_op=termijn.get("opent_op", ronde.opent_op),
            sluit_op=termijn.get("sluit_op", ronde.sluit_op),
        )
    for veld, waarde in velden.items():
        setattr(ronde, veld, waarde)
    if not ronde.slug:
        ronde.slug = _unieke_slug(ronde.naam, behalve=ronde.pk)
    ronde.full_clean()
    ronde.save()
    return ronde


# Candidates ------------------------------------------------------------------------------------------


def kandidaat_sleutel(gemeenten: Iterable[Gemeente]) -> str:
    """The normalised key of a set of municipalities: their CBS codes, sorted, comma-separated."""
    return ",".join(sorted({gemeente.code for gemeente in gemeenten}))


def kandidaat_naam(gemeenten: Iterable[Gemeente]) -> str:
    gesorteerd = sorted({gemeente.pk: gemeente for gemeente in gemeenten}.values(), key=lambda g: g.sorteernaam)
    namen = [gemeente.toon_naam for gemeente in gesorteerd]
    if len(namen) == 1:
        return namen[0]
    return gettext("Regio %(namen)s en %(laatste)s") % {"namen": ", ".join(namen[:-1]), "laatste": namen[-1]}


def kandidaat_voor(*, ronde: Ronde, gemeenten: Iterable[Gemeente]) -> Kandidaat:
    """The candidate of ``ronde`` for exactly this set of municipalities; created once, also under races.

    The unique constraint (ronde, sleutel) decides: whoever loses the race reads the winner's row.
    """
    gemeenten = list({gemeente.pk: gemeente for gemeente in gemeenten}.values())
    if not gemeenten:
        raise ValidationError({"gemeenten": _("Kies minstens één gemeente.")})
    sleutel = kandidaat_sleutel(gemeenten)
    bestaand = Kandidaat.objects.filter(ronde=ronde, sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    kandidaat = Kandidaat(ronde=ronde, sleutel=sleutel, naam=kandidaat_naam(gemeenten)[:300])
    kandidaat.full_clean(validate_constraints=False)  # the database decides uniqueness, race-safe
    try:
        with transaction.atomic():
            kandidaat.save()
            kandidaat.gemeenten.set(gemeenten)
    except IntegrityError:
        return Kandidaat.objects.get(ronde=ronde, sleutel=sleutel)
    return kandidaat


# Nominations -----------------------------------------------------------------------------------------


@transaction.atomic
def voordracht_starten(*, ronde: Ronde, indiener, token: uuid.UUID | None = None) -> Voordracht:
    """Start a draft nomination in ``ronde``. The same ``token`` twice (a double click) gives one draft."""
    if not ronde.is_open_voor_indienen():
        raise ValidationError(_("Deze ronde is niet open voor voordrachten."), code="niet_open")
    token = token or uuid.uuid4()
    bestaand = Voordracht.objects.filter(token=token).first()
    if bestaand is not None:
        if bestaand.indiener_id != indiener.pk:
            raise ValidationError(_("Dit formulier is al gebruikt. Laad de pagina opnieuw."), code="token")
        return bestaand
    voordracht = Voordracht(
        ronde=ronde,
        indiener=indiener,
        token=token,
        organisatie=indiener.organisatie,
        organisatie_type=indiener.organisatie_type if indiener.organisatie_type in Voordracht.OrganisatieType else "",
        contact_naam=indiener.get_full_name(),
        contact_email=indiener.email,
    )
    voordracht.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            voordracht.save()
    except IntegrityError:
        bestaand = Voordracht.objects.get(token=token)
        if bestaand.indiener_id != indiener.pk:
            raise ValidationError(_("Dit formulier is al gebruikt. Laad de pagina opnieuw."), code="token") from None
        return bestaand
    return voordracht


def is_gezamenlijk(organisatie_type: str, mede_types: Iterable[str]) -> bool:
    """Joint: a municipality and a client organisation or advisory council nominate together."""
    soorten = {organisatie_type, *mede_types}
    return Voordracht.OrganisatieType.GEMEENTE in soorten and bool(soorten & CLIENTZIJDE)


def _vergrendeld_concept(voordracht: Voordracht) -> Voordracht:
    vergrendeld = Voordracht.objects.select_for_update().get(pk=voordracht.pk)
    if vergrendeld.status != Voordracht.Status.CONCEPT:
        raise ValidationError(
            _("Deze voordracht is al %(status)s en kan niet meer worden gewijzigd."),
            code="geen_concept",
            params={"status": vergrendeld.get_status_display()},
        )
    return vergrendeld


@transaction.atomic
def voordracht_opslaan(
    *,
    voordracht: Voordracht,
    gemeenten: Iterable[Gemeente] = (),
    organisatie: str = "",
    organisatie_type: str = "",
    contact_naam: str = "",
    contact_email: str = "",
    contact_telefoon: str = "",
    mede_indieners: Iterable[tuple[str, str]] = (),
    motivaties: dict[int, str] | None = None,
    doelgroepen: Iterable[Doelgroep] = (),
    themas: Iterable[Thema] = (),
    toestemming_privacy: bool = False,
) -> Voordracht:
    """Save a draft as it is, complete or not. Only a draft can be saved."""
    vergrendeld = _vergrendeld_concept(voordracht)
    mede_indieners = [(naam.strip(), soort) for naam, soort in mede_indieners if naam.strip()]

    vergrendeld.organisatie = organisatie.strip()
    vergrendeld.organisatie_type = organisatie_type
    vergrendeld.contact_naam = contact_naam.strip()
    vergrendeld.contact_email = contact_email.strip()
    vergrendeld.contact_telefoon = contact_telefoon.strip()
    vergrendeld.is_gezamenlijk = is_gezamenlijk(organisatie_type, [soort for _naam, soort in mede_indieners])
    if toestemming_privacy and not vergrendeld.toestemming_privacy:
        vergrendeld.toestemming_op = timezone.now()
    elif not toestemming_privacy:
        vergrendeld.toestemming_op = None
    vergrendeld.toestemming_privacy = toestemming_privacy
    vergrendeld.full_clean(validate_constraints=False)
    vergrendeld.save()

    vergrendeld.gemeenten.set(list(gemeenten))
    vergrendeld.doelgroepen.set(list(doelgroepen))
    vergrendeld.themas.set(list(themas))

    vergrendeld.mede_indieners.all().delete()
    for volgorde, (naam, soort) in enumerate(mede_indieners, start=1):
        mede = MedeIndiener(voordracht=vergrendeld, organisatie=naam, organisatie_type=soort, volgorde=volgorde)
        mede.full_clean()
        mede.save()

    criteria = {criterium.pk: criterium for criterium in vergrendeld.ronde.criteria.all()}
    bestaande = {motivatie.criterium_id: motivatie for motivatie in vergrendeld.motivaties.all()}
    for criterium_pk, tekst in (motivaties or {}).items():
        if criterium_pk not in criteria:
            continue
        motivatie = bestaande.get(criterium_pk) or Motivatie(voordracht=vergrendeld, criterium=criteria[criterium_pk])
        motivatie.tekst = (tekst or "").strip()
        motivatie.full_clean(validate_constraints=False)
        motivatie.save()
    return vergrendeld


def termijn_verstreken_melding(ronde: Ronde) -> str:
    if ronde.werkelijk_gesloten_op:
        return gettext(
            "De termijn om voor te dragen is voorbij: de ronde sloot op %(moment)s. "
            "Uw voordracht is niet ingediend; het concept blijft bewaard."
        ) % {"moment": date_format(timezone.localtime(ronde.werkelijk_gesloten_op), "j F Y \\o\\m H:i")}
    return gettext("Deze ronde is niet open voor voordrachten. Uw voordracht is als concept bewaard.")


def voordracht_ontbrekend(voordracht: Voordracht) -> dict[str, str]:
    """What a nomination still needs before it can be submitted, per form field."""
    fouten = {}
    if not voordracht.gemeenten.exists():
        fouten["gemeenten"] = gettext("Kies minstens één gemeente die u voordraagt.")
    if not voordracht.organisatie:
        fouten["organisatie"] = gettext("Vul de naam van de voordragende organisatie in.")
    if not voordracht.organisatie_type:
        fouten["organisatie_type"] = gettext("Kies de soort organisatie.")
    if not voordracht.contact_naam:
        fouten["contact_naam"] = gettext("Vul de naam van de contactpersoon in.")
    if not voordracht.contact_email:
        fouten["contact_email"] = gettext("Vul het e-mailadres van de contactpersoon in.")
    teksten = {motivatie.criterium_id: motivatie.tekst for motivatie in voordracht.motivaties.all()}
    for criterium in voordracht.ronde.criteria.all():
        if not teksten.get(criterium.pk, "").strip():
            fouten[f"motivatie_{criterium.pk}"] = gettext("Vul de motivatie bij ‘%(criterium)s’ in.") % {
                "criterium": criterium.naam
            }
    if not voordracht.toestemming_privacy:
        fouten["toestemming_privacy"] = gettext(
            "Geef toestemming voor het gebruik van uw gegevens om de voordracht in te dienen."
        )
    return fouten


@transaction.atomic
def voordracht_indienen(*, voordracht: Voordracht, token: uuid.UUID | str, nu=None) -> Voordracht:
    """Submit a draft before the deadline; exactly once, however often it is sent.

    The row is locked, so of two simultaneous submits one does the work and the other finds it
    submitted. ``nu`` is the moment the request arrived (``request.aangekomen_op``): a request that
    arrives before the deadline counts, however long it then waits for the lock. The confirmation
    e-mail is queued in the outbox in this transaction; its PDF is made by the task worker, once.
    """
    nu = nu or timezone.now()
    vergrendeld = Voordracht.objects.select_for_update().get(pk=voordracht.pk)
    if str(vergrendeld.token) != str(token):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Dit formulier hoort niet bij deze voordracht. Laad de pagina opnieuw.")},
            code="token",
        )
    if vergrendeld.status == Voordracht.Status.INGEDIEND:
        return vergrendeld
    if vergrendeld.status != Voordracht.Status.CONCEPT:
        raise ValidationError({NON_FIELD_ERRORS: _("Een ingetrokken voordracht kan niet worden ingediend.")})
    ronde = Ronde.objects.get(pk=vergrendeld.ronde_id)
    if not ronde.is_open_voor_indienen(nu):
        raise ValidationError({NON_FIELD_ERRORS: termijn_verstreken_melding(ronde)}, code="termijn")
    fouten = voordracht_ontbrekend(vergrendeld)
    if fouten:
        raise ValidationError(fouten, code="onvolledig")

    vergrendeld.kandidaat = kandidaat_voor(ronde=ronde, gemeenten=vergrendeld.gemeenten.all())
    vergrendeld.status = Voordracht.Status.INGEDIEND
    vergrendeld.ingediend_op = nu
    vergrendeld.full_clean(validate_constraints=False)
    vergrendeld.save()
    from .berichten import voordracht_bevestiging_in_wachtrij  # berichten imports the PDF renderer

    voordracht_bevestiging_in_wachtrij(voordracht=vergrendeld)
    voordracht_ingediend.send(sender=Voordracht, voordracht=vergrendeld)
    return vergrendeld


@transaction.atomic
def voordracht_verwijderen(*, voordracht: Voordracht) -> None:
    """Delete a draft with its attachments (a submitted nomination stays)."""
    vergrendeld = _vergrendeld_concept(voordracht)
    bestanden = [bijlage.bestand for bijlage in vergrendeld.bijlagen.all()]
    vergrendeld.delete()
    transaction.on_commit(lambda: [bestand.delete(save=False) for bestand in bestanden])


# Attachments -----------------------------------------------------------------------------------------


@transaction.atomic
def bijlage_toevoegen(*, voordracht: Voordracht, bestand) -> Bijlage:
    """Attach a PDF to a draft: checked by content and size; at most five; stored under a generated name."""
    vergrendeld = _vergrendeld_concept(voordracht)
    if vergrendeld.bijlagen.count() >= Bijlage.MAX_AANTAL:
        raise ValidationError(
            _("Er kunnen hoogstens %(aantal)d bijlagen bij een voordracht."),
            code="te_veel",
            params={"aantal": Bijlage.MAX_AANTAL},
        )
    pdf_controleren(bestand)
    bijlage = Bijlage(
        voordracht=vergrendeld,
        oorspronkelijke_naam=weergavenaam(bestand.name),
        grootte=bestand.size,
        content_type="application/pdf",
    )
    bijlage.bestand.save("bijlage.pdf", bestand, save=False)
    try:
        bijlage.full_clean()
        bijlage.save()
    except Exception:
        bijlage.bestand.delete(save=False)
        raise
    return bijlage


@transaction.atomic
def bijlage_verwijderen(*, bijlage: Bijlage) -> None:
    _vergrendeld_concept(bijlage.voordracht)
    bestand = bijlage.bestand
    bijlage.delete()
    transaction.on_commit(lambda: bestand.delete(save=False))


@transaction.atomic
def concepten_opruimen(*, nu=None, bewaartermijn=timedelta(days=90)) -> int:
    """Delete drafts never submitted, ``bewaartermijn`` after their round closed (privacy statement): after
    the actual closing moment when the round closed early, else after the announced deadline."""
    nu = nu or timezone.now()
    grens = nu - bewaartermijn
    concepten = Voordracht.objects.filter(status=Voordracht.Status.CONCEPT).filter(
        Q(ronde__gesloten_op__lt=grens) | Q(ronde__gesloten_op__isnull=True, ronde__sluit_op__lt=grens)
    )
    bestanden = [bijlage.bestand for bijlage in Bijlage.objects.filter(voordracht__in=concepten)]
    aantal = concepten.count()
    concepten.delete()
    transaction.on_commit(lambda: [bestand.delete(save=False) for bestand in bestanden])
    return aantal
