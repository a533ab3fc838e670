"""Writes for personal data: retention periods, deleting an account, handling deletion requests.

The periods are those of the privacy statement (``templates/pagina/privacy.html``), which is authoritative:

- a draft nomination: 3 months after its round closed;
- a submitted (or withdrawn) nomination with its attachments, and the reviews, scores, assignments,
  declarations and conflicts of interest of a round: 2 years after the decision on the round (the day the
  selection was published; a round that never got one: 2 years after it closed). What the public outcome
  needs stays: the candidates, the decisions with their reasons, the koplopers and their news items;
- an account: 2 years after its last login (or its creation, if it never logged in), or when its owner
  asks and staff carry the request out.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

from gemeenten.models import Koploper
from gemeenten.services import koploper_contactpersonen_uit_versies_verwijderen
from kennisbank.zelftest.services import zelftests_verlopen_opruimen
from koplopers.accounts.models import MisluktePoging, Uitnodiging
from selectie.beoordeling.models import Belangenconflict, Beoordeling, Toewijzing, Uitgaand, Verklaring
from selectie.models import AuditRegel, Bijlage, Ronde, Voordracht
from selectie.services import concepten_opruimen

from .models import Verwijderverzoek

BEWAARTERMIJN_CONCEPT = timedelta(days=90)
BEWAARTERMIJN_RONDE = timedelta(days=2 * 365)
BEWAARTERMIJN_ACCOUNT = timedelta(days=2 * 365)

# An anonymised account keeps only this address (unique per account, never deliverable: RFC 2606).
ANONIEM_DOMEIN = "@verwijderd.invalid"

# Audit lines about reviewing (who scored what, conflicts, declarations, assignments): personal data of the
# reviewers, removed with the reviews. Lines about phases, decisions, settings and publishing stay.
AUDIT_OVER_BEOORDELEN = [
    AuditRegel.Soort.SCORE,
    AuditRegel.Soort.CONFLICT,
    AuditRegel.Soort.VERKLARING,
    AuditRegel.Soort.TOEWIJZING,
]


def _bestanden_verwijderen_na_commit(bestanden) -> None:
    bestanden = [bestand for bestand in bestanden if bestand]
    transaction.on_commit(lambda: [bestand.delete(save=False) for bestand in bestanden])


def _heeft_selectiegegevens() -> Q:
    """Account rows that still carry nominations or review data (kept for the round's retention period)."""
    rij = OuterRef("pk")
    return (
        Exists(Voordracht.objects.filter(indiener=rij))
        | Exists(Beoordeling.objects.filter(beoordelaar=rij))
        | Exists(Toewijzing.objects.filter(beoordelaar=rij))
        | Exists(Verklaring.objects.filter(beoordelaar=rij))
        | Exists(Belangenconflict.objects.filter(beoordelaar=rij))
    )


# Accounts ---------------------------------------------------------------------------------------------


@transaction.atomic
def account_verwijderen(*, gebruiker) -> dict[str, int]:
    """Delete ``gebruiker``'s account and personal data; what a round still needs is kept without a name.

    Draft nominations go (with their files). Submitted nominations lose their contact person's name, e-mail
    address and phone number; they, and reviews, stay until the round's retention period ends, linked to an
    anonymised account (no name, no e-mail address, no roles, no password, inactive). Without such data the
    account row itself is deleted. Returns what was removed or anonymised, per kind.
    """
    User = get_user_model()
    gebruiker = User.objects.select_for_update().get(pk=gebruiker.pk)
    verslag = {"concepten": 0, "voordrachten_geanonimiseerd": 0, "berichten": 0, "uitnodigingen": 0, "account": 0}

    concepten = Voordracht.objects.filter(indiener=gebruiker, status=Voordracht.Status.CONCEPT)
    _bestanden_verwijderen_na_commit([b.bestand for b in Bijlage.objects.filter(voordracht__in=concepten)])
    verslag["concepten"] = concepten.count()
    concepten.delete()
    verslag["voordrachten_geanonimiseerd"] = Voordracht.objects.filter(indiener=gebruiker).update(
        contact_naam="", contact_email="", contact_telefoon=""
    )
    berichten = Uitgaand.objects.filter(voordracht__indiener=gebruiker)  # queued e-mails to their address
    verslag["berichten"] = berichten.count()
    berichten.delete()
    uitnodigingen = Uitnodiging.objects.filter(Q(gebruiker=gebruiker) | Q(email__iexact=gebruiker.email))
    verslag["uitnodigingen"] = uitnodigingen.count()
    uitnodigingen.delete()
    MisluktePoging.objects.filter(gebruikersnaam__in=[gebruiker.username, gebruiker.email]).delete()
    for apparaat in devices_for_user(gebruiker, confirmed=None):
        apparaat.delete()

    if User.objects.filter(pk=gebruiker.pk).filter(_heeft_selectiegegevens()).exists():
        _anonimiseren(gebruiker)
    else:
        gebruiker.delete()
    verslag["account"] = 1
    return verslag


def _anonimiseren(gebruiker) -> None:
    gebruiker.username = f"verwijderd-{gebruiker.pk}"
    gebruiker.email = f"verwijderd-{gebruiker.pk}{ANONIEM_DOMEIN}"
    gebruiker.first_name = gebruiker.last_name = ""
    gebruiker.organisatie = gebruiker.organisatie_type = gebruiker.beoordelaar_organisatie = ""
    gebruiker.is_belangenbehartiger = gebruiker.is_programmastaf = False
    gebruiker.is_staff = gebruiker.is_superuser = gebruiker.is_active = False
    gebruiker.last_login = None
    gebruiker.set_unusable_password()  # also ends every session: the session hash no longer matches
    gebruiker.save()
    gebruiker.gemeenten.clear()
    gebruiker.koplopers.clear()
    gebruiker.groups.clear()
    gebruiker.user_permissions.clear()


def is_geanonimiseerd(gebruiker) -> bool:
    return gebruiker.email.endswith(ANONIEM_DOMEIN)


# Deletion requests -------------------------------------------------------------------------------------


@transaction.atomic
def verwijderverzoek_indienen(*, gebruiker, toelichting: str = "") -> Verwijderverzoek:
    """Ask for the deletion of one's own account; at most one open request at a time."""
    if Verwijderverzoek.objects.filter(gebruiker=gebruiker, status=Verwijderverzoek.Status.OPEN).exists():
        raise ValidationError(
            _("U hebt al een verzoek om uw account te verwijderen. Het programmabureau behandelt het."), code="al_open"
        )
    verzoek = Verwijderverzoek(gebruiker=gebruiker, accountnummer=gebruiker.pk, toelichting=toelichting.strip())
    verzoek.full_clean(validate_constraints=False)
    verzoek.save()
    return verzoek


def _open_verzoek(verzoek: Verwijderverzoek) -> Verwijderverzoek:
    vergrendeld = Verwijderverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if not vergrendeld.is_open:
        raise ValidationError(
            _("Dit verzoek is al %(status)s."), code="niet_open", params={"status": vergrendeld.get_status_display()}
        )
    return vergrendeld


@transaction.atomic
def verwijderverzoek_uitvoeren(*, verzoek: Verwijderverzoek, door) -> Verwijderverzoek:
    """Carry out a deletion request: delete or anonymise the account (see ``account_verwijderen``).

    The request keeps who carried it out, when, and what was removed; not whose account it was.
    """
    vergrendeld = _open_verzoek(verzoek)
    if vergrendeld.gebruiker_id == door.pk:
        raise ValidationError(_("Een verzoek over uw eigen account behandelt een collega."), code="eigen")
    verslag = account_verwijderen(gebruiker=vergrendeld.gebruiker) if vergrendeld.gebruiker_id else {}
    vergrendeld.refresh_from_db(fields=["gebruiker"])
    vergrendeld.status = Verwijderverzoek.Status.UITGEVOERD
    vergrendeld.toelichting = ""
    vergrendeld.behandeld_door = door
    vergrendeld.behandeld_op = timezone.now()
    vergrendeld.verslag = verslag
    vergrendeld.full_clean(validate_constraints=False)
    vergrendeld.save()
    return vergrendeld


@transaction.atomic
def verwijderverzoek_weigeren(*, verzoek: Verwijderverzoek, door, reden: str) -> Verwijderverzoek:
    """Refuse a deletion request, with a reason the user reads on their 'Mijn gegevens' page."""
    vergrendeld = _open_verzoek(verzoek)
    if vergrendeld.gebruiker_id == door.pk:
        raise ValidationError(_("Een verzoek over uw eigen account behandelt een collega."), code="eigen")
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf op waarom u het verzoek weigert.")}, code="reden")
    vergrendeld.status = Verwijderverzoek.Status.GEWEIGERD
    vergrendeld.reden_weigering = reden.strip()
    vergrendeld.behandeld_door = door
    vergrendeld.behandeld_op = timezone.now()
    vergrendeld.full_clean(validate_constraints=False)
    vergrendeld.save()
    return vergrendeld


# Retention periods -------------------------------------------------------------------------------------


def rondes_voorbij_bewaartermijn(nu=None):
    """Rounds whose decision (or, without one, closing) lies more than two years before ``nu``."""
    nu = nu or timezone.now()
    return (
        Ronde.objects.exclude(status=Ronde.Status.CONCEPT)
        .annotate(besluit_op=Coalesce("gepubliceerd_op", "gesloten_op", "sluit_op"))
        .filter(besluit_op__lt=nu - BEWAARTERMIJN_RONDE)
    )


@transaction.atomic
def bewaartermijnen_toepassen(*, nu=None) -> dict[str, int]:
    """Remove every piece of personal data whose retention period has passed; returns counts per kind.

    Idempotent: a second run the same day removes nothing. Files are removed from storage after the commit.
    """
    nu = nu or timezone.now()
    verslag = {"concepten": concepten_opruimen(nu=nu, bewaartermijn=BEWAARTERMIJN_CONCEPT)}

    rondes = rondes_voorbij_bewaartermijn(nu).values("pk")
    voordrachten = Voordracht.objects.filter(ronde__in=rondes)
    bijlagen = Bijlage.objects.filter(voordracht__in=voordrachten)
    _bestanden_verwijderen_na_commit([bijlage.bestand for bijlage in bijlagen])
    verslag["bijlagen"] = bijlagen.count()
    verslag["voordrachten"] = voordrachten.count()
    voordrachten.delete()  # motivations, co-nominators, attachments and queued e-mails go with them
    for soort, queryset in (
        ("beoordelingen", Beoordeling.objects.filter(kandidaat__ronde__in=rondes)),  # scores go with them
        ("toewijzingen", Toewijzing.objects.filter(kandidaat__ronde__in=rondes)),
        ("verklaringen", Verklaring.objects.filter(ronde__in=rondes)),
        ("belangenconflicten", Belangenconflict.objects.filter(kandidaat__ronde__in=rondes)),
        ("auditregels", AuditRegel.objects.filter(ronde__in=rondes, soort__in=AUDIT_OVER_BEOORDELEN)),
    ):
        verslag[soort] = queryset.count()
        queryset.delete()

    User = get_user_model()
    grens = nu - BEWAARTERMIJN_ACCOUNT
    inactief = (
        User.objects.filter(is_superuser=False)
        .exclude(email__endswith=ANONIEM_DOMEIN)
        .filter(Q(last_login__lt=grens) | Q(last_login__isnull=True, date_joined__lt=grens))
    )
    verslag["accounts"] = 0
    for gebruiker in inactief:
        account_verwijderen(gebruiker=gebruiker)
        verslag["accounts"] += 1
    lege_schillen = User.objects.filter(email__endswith=ANONIEM_DOMEIN).exclude(_heeft_selectiegegevens())
    verslag["geanonimiseerde_accounts"] = lege_schillen.count()
    lege_schillen.delete()

    verslag["contactpersonen_in_versies"] = sum(
        koploper_contactpersonen_uit_versies_verwijderen(koploper=koploper)
        for koploper in Koploper.objects.prefetch_related("contactpersonen")
    )
    verslag["zelftests"] = zelftests_verlopen_opruimen(nu=nu)
    return verslag
