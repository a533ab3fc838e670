"""Writes for the outbox: queue a message, send it (once), retry, reconcile, send again on request.

The states of a :class:`~koplopers.post.models.Bericht`::

    wachtrij ──claim──▶ bezig ──server accepted──▶ verzonden
       ▲                  │
       └──server refused──┤ (or could not connect: retry after 30 s, 1, 2, 4, 8 minutes …)
                          ├──refused MAX_POGINGEN times──▶ mislukt
                          └──no answer / worker died──▶ controleren

- **Never twice.** A worker takes a message with a conditional UPDATE (``wachtrij`` → ``bezig``) that commits
  on its own before anything is sent; of two workers (or a retry and the sweeper) only one gets it.
  After the SMTP server accepted it, the row becomes ``verzonden``.
- **Unknown is not resent.** If the connection breaks or times out *during* sending, or the worker dies
  (a row stays ``bezig`` longer than :data:`BEZIG_TIMEOUT`), the server may have accepted the message.
  Such a message becomes ``controleren``: the programme staff look at it and may send it again by hand
  (with the same Message-ID, so the receiving side can recognise a duplicate). Only a clear "no" from the
  server (an SMTP error reply) or a failed connection counts as "not sent" and is retried automatically.
"""

import hashlib
import hmac
import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import Bericht, Bijlage

logger = logging.getLogger(__name__)

MAX_POGINGEN = 6
EERSTE_WACHTTIJD = timedelta(seconds=30)
LANGSTE_WACHTTIJD = timedelta(hours=1)
BEZIG_TIMEOUT = timedelta(minutes=5)  # far longer than EMAIL_TIMEOUT: a row this long "bezig" lost its worker
VERLOREN_NA = timedelta(minutes=2)  # a queued row without a due retry this old lost its task (sweeper re-enqueues)
OPBOUW_TOEGESTAAN = ("koplopers.", "selectie.", "gemeenten.", "kennisbank.")

# At most this many mails of the kinds a stranger can trigger (registration, password reset), per hour.
LIMIET_SOORTEN = (Bericht.Soort.REGISTRATIE, Bericht.Soort.AL_GEREGISTREERD, Bericht.Soort.WACHTWOORD)
LIMIET_PER_ADRES = 3
LIMIET_PER_AANVRAGER = 10
LIMIET_VENSTER = timedelta(hours=1)


def wachttijd(pogingen: int) -> timedelta:
    """Exponential backoff: 30 s after the first failed attempt, then doubling, at most an hour."""
    return min(EERSTE_WACHTTIJD * 2 ** max(pogingen - 1, 0), LANGSTE_WACHTTIJD)


def aanvrager_sleutel(ip_adres: str | None) -> str:
    """A keyed hash of the client's address: enough to count per client, without storing the address."""
    if not ip_adres:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip_adres.encode(), hashlib.sha256).hexdigest()[:32]


def binnen_limiet(*, adres: str, aanvrager: str = "", nu: datetime | None = None) -> bool:
    """May one more stranger-triggered mail go to ``adres`` for this client? (Counted in the outbox.)"""
    sinds = (nu or timezone.now()) - LIMIET_VENSTER
    recent = Bericht.objects.filter(soort__in=LIMIET_SOORTEN, aangemaakt__gte=sinds)
    per_adres = recent.filter(aan=adres.strip().lower()).count()
    per_aanvrager = recent.filter(aanvrager=aanvrager).count() if aanvrager else 0
    return per_adres < LIMIET_PER_ADRES and per_aanvrager < LIMIET_PER_AANVRAGER


@transaction.atomic
def bericht_in_wachtrij(
    *,
    sleutel: str,
    aan: str | list[str],
    onderwerp: str,
    tekst: str = "",
    soort: str = Bericht.Soort.OVERIG,
    bijlagen: list[tuple[str, bytes, str]] = (),
    opbouw: str = "",
    opbouw_gegevens: dict | None = None,
    aanvrager: str = "",
) -> Bericht:
    """Queue one e-mail; it is sent by a task after the surrounding transaction commits.

    ``sleutel`` makes it idempotent: the same key again returns the existing message. ``opbouw`` names a
    function (dotted path) that makes the text and attachments at sending time, e.g. a PDF: it gets
    ``opbouw_gegevens`` as keyword arguments and returns ``{"tekst": ..., "bijlagen": [(naam, bytes, type)]}``.
    """
    bestaand = Bericht.objects.filter(sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    if opbouw and not opbouw.startswith(OPBOUW_TOEGESTAAN):
        raise ValueError(f"opbouw buiten het project: {opbouw}")
    adressen = [aan] if isinstance(aan, str) else list(aan)
    bericht = Bericht(
        sleutel=sleutel,
        soort=soort,
        aan=", ".join(dict.fromkeys(adres.strip().lower() for adres in adressen if adres.strip())),
        onderwerp=str(onderwerp)[:300],
        tekst=tekst,
        opbouw=opbouw,
        opbouw_gegevens=opbouw_gegevens or {},
        aanvrager=aanvrager,
    )
    bericht.full_clean(validate_constraints=False, validate_unique=False)
    try:
        with transaction.atomic():
            bericht.save()
    except IntegrityError:
        return Bericht.objects.get(sleutel=sleutel)
    for naam, inhoud, mimetype in bijlagen:
        Bijlage.objects.create(bericht=bericht, naam=naam, inhoud=inhoud, mimetype=mimetype)
    pk = bericht.pk
    transaction.on_commit(lambda: inplannen(pk=pk), robust=True)
    return bericht


def inplannen(*, pk: int, run_after: datetime | None = None) -> None:
    """Enqueue the send task for message ``pk`` (a lost or failed enqueue is redone by the sweeper)."""
    from django.tasks import default_task_backend

    from .tasks import bericht_versturen_taak

    taak = bericht_versturen_taak
    if run_after is not None:
        if not default_task_backend.supports_defer:
            return  # e.g. the immediate backend in tests: the sweeper picks it up when it is due
        taak = taak.using(run_after=run_after)
    try:
        taak.enqueue(bericht_pk=pk)
    except Exception:
        logger.exception("Bericht %s kon niet in de takenrij; berichten_nalopen probeert het opnieuw", pk)


@dataclass
class Poging:
    status: str
    opnieuw_om: datetime | None = None


def _opbouwen(bericht: Bericht) -> None:
    """Make the text and attachments of a message with an ``opbouw`` function, once (kept for retries)."""
    if not bericht.opbouw or bericht.tekst:
        return
    maker = import_string(bericht.opbouw)
    inhoud = maker(**bericht.opbouw_gegevens)
    with transaction.atomic():
        bericht.tekst = inhoud["tekst"]
        if inhoud.get("onderwerp"):
            bericht.onderwerp = str(inhoud["onderwerp"])[:300]
        bericht.save(update_fields=["tekst", "onderwerp", "bijgewerkt"])
        for naam, data, mimetype in inhoud.get("bijlagen", ()):
            Bijlage.objects.create(bericht=bericht, naam=naam, inhoud=data, mimetype=mimetype)


def _email(bericht: Bericht) -> mail.EmailMessage:
    email = mail.EmailMessage(
        subject=bericht.onderwerp,
        body=bericht.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=bericht.ontvangers,
        headers={"Message-ID": bericht.message_id},
    )
    for bijlage in bericht.bijlagen.all():
        email.attach(bijlage.naam, bytes(bijlage.inhoud), bijlage.mimetype)
    return email


def _niet_verzonden(bericht: Bericht, fout: BaseException, nu: datetime) -> Poging:
    """The message certainly did not leave: try again later, or give up after MAX_POGINGEN."""
    tekst = f"{type(fout).__name__}: {fout}"[:2000]
    if bericht.pogingen >= MAX_POGINGEN:
        Bericht.objects.filter(pk=bericht.pk, status=Bericht.Status.BEZIG).update(
            status=Bericht.Status.MISLUKT, laatste_fout=tekst, bezig_sinds=None, volgende_poging=None
        )
        logger.error("Bericht %s mislukt na %s pogingen: %s", bericht.pk, bericht.pogingen, tekst)
        return Poging(Bericht.Status.MISLUKT)
    opnieuw_om = nu + wachttijd(bericht.pogingen)
    Bericht.objects.filter(pk=bericht.pk, status=Bericht.Status.BEZIG).update(
        status=Bericht.Status.WACHTRIJ, laatste_fout=tekst, bezig_sinds=None, volgende_poging=opnieuw_om
    )
    logger.warning(
        "Bericht %s niet verzonden (poging %s), opnieuw om %s: %s", bericht.pk, bericht.pogingen, opnieuw_om, tekst
    )
    return Poging(Bericht.Status.WACHTRIJ, opnieuw_om)


def bericht_versturen(*, pk: int, nu: datetime | None = None) -> Poging | None:
    """One attempt to send message ``pk``; ``None`` if it is not ours to send (taken, done, or not yet due).

    Must run outside a transaction: the claim has to be committed before the message leaves.
    """
    nu = nu or timezone.now()
    genomen = (
        Bericht.objects.filter(pk=pk, status=Bericht.Status.WACHTRIJ)
        .filter(Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu))
        .update(status=Bericht.Status.BEZIG, bezig_sinds=timezone.now(), pogingen=F("pogingen") + 1)
    )
    if not genomen:
        return None
    bericht = Bericht.objects.get(pk=pk)
    try:
        _opbouwen(bericht)
        email = _email(bericht)
        verbinding = mail.mailers.default
        verbinding.open()
    except Exception as fout:  # nothing left yet: safe to try again
        return _niet_verzonden(bericht, fout, nu)
    try:
        verbinding.send_messages([email])
    except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as fout:
        return _niet_verzonden(bericht, fout, nu)  # the server answered "no": it did not take the message
    except Exception as fout:
        # Broken off mid-conversation: the server may have the message. Do not guess; staff check.
        Bericht.objects.filter(pk=pk, status=Bericht.Status.BEZIG).update(
            status=Bericht.Status.CONTROLEREN, laatste_fout=f"{type(fout).__name__}: {fout}"[:2000]
        )
        logger.error("Bericht %s: onbekend of het is aangekomen (%s); controleren", pk, fout)
        return Poging(Bericht.Status.CONTROLEREN)
    finally:
        try:
            verbinding.close()
        except Exception:  # noqa: S110 (closing after the message went out: nothing to do about it)
            pass
    Bericht.objects.filter(pk=pk, status=Bericht.Status.BEZIG).update(
        status=Bericht.Status.VERZONDEN, verzonden_op=timezone.now(), bezig_sinds=None, laatste_fout=""
    )
    return Poging(Bericht.Status.VERZONDEN)


def berichten_nalopen(*, nu: datetime | None = None) -> dict[str, int]:
    """The sweeper (``manage.py berichten_nalopen``, every few minutes).

    Rows stuck in ``bezig`` past :data:`BEZIG_TIMEOUT` lost their worker mid-send: marked ``controleren``,
    not resent. Queued rows that are due (or whose task was lost) are enqueued again; a duplicate task
    finds the row taken and does nothing.
    """
    nu = nu or timezone.now()
    vastgelopen = Bericht.objects.filter(status=Bericht.Status.BEZIG, bezig_sinds__lt=nu - BEZIG_TIMEOUT).update(
        status=Bericht.Status.CONTROLEREN,
        laatste_fout=_("Het verzenden is onderbroken (de verwerker stopte). Mogelijk is het bericht toch aangekomen."),
    )
    klaar = Bericht.objects.filter(status=Bericht.Status.WACHTRIJ).filter(
        Q(volgende_poging__lte=nu) | Q(volgende_poging__isnull=True, aangemaakt__lt=nu - VERLOREN_NA)
    )
    pks = list(klaar.values_list("pk", flat=True))
    for pk in pks:
        inplannen(pk=pk)
    return {"vastgelopen": vastgelopen, "opnieuw": len(pks)}


@transaction.atomic
def bericht_opnieuw_versturen(*, bericht: Bericht) -> Bericht:
    """Staff: put a failed or uncertain message back in the queue, with a fresh set of attempts."""
    genomen = Bericht.objects.filter(
        pk=bericht.pk, status__in=[Bericht.Status.MISLUKT, Bericht.Status.CONTROLEREN]
    ).update(status=Bericht.Status.WACHTRIJ, pogingen=0, volgende_poging=None, bezig_sinds=None)
    if not genomen:
        raise ValidationError(
            _("Dit bericht kan niet opnieuw worden verstuurd: het is niet mislukt of onzeker."), code="status"
        )
    transaction.on_commit(lambda: inplannen(pk=bericht.pk), robust=True)
    bericht.refresh_from_db()
    return bericht
