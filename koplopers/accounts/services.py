"""Writes for accounts: invitations, self-registration, roles, two-factor devices and backup codes."""

import uuid
from datetime import timedelta

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.post.models import Bericht
from koplopers.post.services import bericht_in_wachtrij, binnen_limiet

from .models import TweestapsGebeurtenis, Uitnodiging, User
from .tokens import nieuw_uitnodigingstoken, registratie_token, token_hash

UITNODIGING_GELDIG = timedelta(days=7)
RESERVECODES_AANTAL = 10


class OngeldigeUitnodiging(ValidationError):  # noqa: N818 (a ValidationError with a Dutch message)
    """The invitation link is unknown (tampered), expired or already used."""


def _mail_versturen(
    *, sleutel: str, soort: str, aan: str, onderwerp: str, template: str, context: dict, aanvrager: str = ""
) -> None:
    """Queue a mail in the outbox; it leaves after the surrounding transaction commits."""
    tekst = render_to_string(template, context)
    bericht_in_wachtrij(sleutel=sleutel, soort=soort, aan=aan, onderwerp=onderwerp, tekst=tekst, aanvrager=aanvrager)


@transaction.atomic
def uitnodiging_versturen(
    *,
    email: str,
    gemeenten=(),
    koplopers=(),
    uitgenodigd_door,
    voornaam: str = "",
    achternaam: str = "",
    basis_url: str,
) -> Uitnodiging:
    """Invite an official for municipalities and/or koploper profiles: a single-use link, valid 7 days.

    ``basis_url`` is the scheme and host the link starts with (``request.build_absolute_uri("/")``).
    """
    if not gemeenten and not koplopers:
        raise ValidationError(_("Kies minstens één gemeente of koploperprofiel."), code="leeg")
    token, hash_ = nieuw_uitnodigingstoken()
    uitnodiging = Uitnodiging(
        email=User.objects.normalize_email(email).lower(),
        voornaam=voornaam,
        achternaam=achternaam,
        token_hash=hash_,
        uitgenodigd_door=uitgenodigd_door,
        verloopt_op=timezone.now() + UITNODIGING_GELDIG,
    )
    uitnodiging.full_clean()
    uitnodiging.save()
    uitnodiging.gemeenten.set(gemeenten)
    uitnodiging.koplopers.set(koplopers)
    link = basis_url.rstrip("/") + reverse("accounts:uitnodiging", kwargs={"token": token})
    context = {
        "uitnodiging": uitnodiging,
        "link": link,
        "geldig_dagen": UITNODIGING_GELDIG.days,
        "bestaand_account": bestaand_account_voor(uitnodiging) is not None,
    }
    _mail_versturen(
        sleutel=f"uitnodiging-{uitnodiging.pk}",
        soort=Bericht.Soort.UITNODIGING,
        aan=uitnodiging.email,
        onderwerp=_("Uitnodiging voor het Koploperportaal"),
        template="accounts/mail/uitnodiging.txt",
        context=context,
    )
    return uitnodiging


def uitnodiging_zoeken(token: str) -> Uitnodiging:
    """The open invitation for ``token``, or ``OngeldigeUitnodiging`` with a message that says why."""
    uitnodiging = Uitnodiging.objects.filter(token_hash=token_hash(token)).first()
    if uitnodiging is None:
        raise OngeldigeUitnodiging(
            _("Deze uitnodigingslink is niet geldig. Controleer of u de hele link uit de e-mail hebt gebruikt."),
            code="onbekend",
        )
    if uitnodiging.aanvaard_op is not None:
        raise OngeldigeUitnodiging(
            _("Deze uitnodiging is al gebruikt. U kunt inloggen met het wachtwoord dat u toen koos."),
            code="gebruikt",
        )
    if uitnodiging.is_verlopen:
        raise OngeldigeUitnodiging(
            _("Deze uitnodiging is verlopen. Vraag het programmabureau om een nieuwe uitnodiging."),
            code="verlopen",
        )
    return uitnodiging


def _open_uitnodiging_vergrendelen(token: str) -> Uitnodiging:
    """The open invitation for ``token``, locked for the rest of the transaction (single use)."""
    uitnodiging = uitnodiging_zoeken(token)
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.aanvaard_op is not None:
        raise OngeldigeUitnodiging(_("Deze uitnodiging is al gebruikt."), code="gebruikt")
    return uitnodiging


def _rollen_geven(*, uitnodiging: Uitnodiging, gebruiker: User) -> None:
    gebruiker.gemeenten.add(*uitnodiging.gemeenten.all())
    gebruiker.koplopers.add(*uitnodiging.koplopers.all())
    uitnodiging.aanvaard_op = timezone.now()
    uitnodiging.gebruiker = gebruiker
    uitnodiging.save(update_fields=["aanvaard_op", "gebruiker"])


def bestaand_account_voor(uitnodiging: Uitnodiging) -> User | None:
    """The account that already uses the invited address (active or not), if any."""
    return User.objects.filter(email__iexact=uitnodiging.email).first()


@transaction.atomic
def uitnodiging_aanvaarden(*, token: str, wachtwoord: str, voornaam: str = "", achternaam: str = "") -> User:
    """Accept the invitation with a new account: choose a password, get the roles. Single use.

    Only for an address without an account. An existing account is never given a new password or
    reactivated through an invitation link (whoever holds the link would take it over): its owner
    logs in and accepts with ``uitnodiging_aanvaarden_bestaand``.
    """
    uitnodiging = _open_uitnodiging_vergrendelen(token)
    if bestaand_account_voor(uitnodiging) is not None:
        raise ValidationError(
            _("Er bestaat al een account met dit e-mailadres. Log in met dat account om de uitnodiging te aanvaarden."),
            code="bestaand_account",
        )
    gebruiker = User(
        username=uitnodiging.email,
        email=uitnodiging.email,
        first_name=voornaam or uitnodiging.voornaam,
        last_name=achternaam or uitnodiging.achternaam,
    )
    password_validation.validate_password(wachtwoord, gebruiker)
    gebruiker.set_password(wachtwoord)
    gebruiker.full_clean()
    gebruiker.save()
    _rollen_geven(uitnodiging=uitnodiging, gebruiker=gebruiker)
    return gebruiker


@transaction.atomic
def uitnodiging_aanvaarden_bestaand(*, token: str, gebruiker: User) -> User:
    """Accept the invitation for the logged-in ``gebruiker`` whose address was invited: add the roles.

    The password and the active state of the account are left exactly as they are.
    """
    uitnodiging = _open_uitnodiging_vergrendelen(token)
    if not gebruiker.is_active or bestaand_account_voor(uitnodiging) != gebruiker:
        raise ValidationError(
            _(
                "Deze uitnodiging is voor een ander e-mailadres dan dat van uw account. "
                "Log uit en log in met het account van %(email)s."
            ),
            code="ander_account",
            params={"email": uitnodiging.email},
        )
    _rollen_geven(uitnodiging=uitnodiging, gebruiker=gebruiker)
    return gebruiker


@transaction.atomic
def uitnodiging_intrekken(*, uitnodiging: Uitnodiging) -> None:
    """Withdraw an open invitation: its link stops working at once."""
    uitnodiging.verloopt_op = timezone.now()
    uitnodiging.save(update_fields=["verloopt_op"])


@transaction.atomic
def belangenbehartiger_registreren(
    *,
    voornaam: str,
    achternaam: str,
    email: str,
    organisatie: str,
    organisatie_type: str,
    wachtwoord: str,
    basis_url: str,
    aanvrager: str = "",
) -> User | None:
    """Register an advocate: an inactive account and a mail with a confirmation link.

    If the address already has an account, that account is left alone and its owner gets a mail
    saying someone tried to register with it. Both paths do the same work (validate and hash the
    password, queue one mail) and the page says the same, so neither the words nor the time tell
    anyone which addresses have accounts. At most a few such mails per address and per client
    (``aanvrager``) an hour: past that the answer is the same, only no mail is queued.
    """
    email = User.objects.normalize_email(email).lower()
    bestaand = User.objects.filter(email__iexact=email).first()
    proef = User(username=email, email=email, first_name=voornaam, last_name=achternaam)  # the same either way
    password_validation.validate_password(wachtwoord, proef)
    wachtwoord_hash = make_password(wachtwoord)  # also for an existing address: the same time either way
    mag_mailen = binnen_limiet(adres=email, aanvrager=aanvrager)
    if bestaand is not None:
        if mag_mailen:
            _mail_versturen(
                sleutel=f"al-geregistreerd-{bestaand.pk}-{uuid.uuid4().hex}",
                soort=Bericht.Soort.AL_GEREGISTREERD,
                aan=bestaand.email,
                onderwerp=_("Iemand probeerde een account te maken met uw e-mailadres"),
                template="accounts/mail/al_geregistreerd.txt",
                context={"gebruiker": bestaand, "inloglink": basis_url.rstrip("/") + reverse("accounts:login")},
                aanvrager=aanvrager,
            )
        return None
    gebruiker = User(
        username=email,
        email=email,
        first_name=voornaam,
        last_name=achternaam,
        is_belangenbehartiger=True,
        organisatie=organisatie,
        organisatie_type=organisatie_type,
        is_active=False,
        password=wachtwoord_hash,
    )
    gebruiker.full_clean()
    gebruiker.save()
    link = basis_url.rstrip("/") + reverse(
        "accounts:registratie_bevestigen",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": registratie_token.make_token(gebruiker),
        },
    )
    if mag_mailen:
        _mail_versturen(
            sleutel=f"registratie-{gebruiker.pk}",
            soort=Bericht.Soort.REGISTRATIE,
            aan=gebruiker.email,
            onderwerp=_("Bevestig uw e-mailadres voor het Koploperportaal"),
            template="accounts/mail/registratie.txt",
            context={"gebruiker": gebruiker, "link": link},
            aanvrager=aanvrager,
        )
    return gebruiker


@transaction.atomic
def registratie_bevestigen(*, gebruiker: User, token: str) -> User:
    """Activate a self-registered account if ``token`` is the one from its confirmation mail."""
    if gebruiker.is_active or not registratie_token.check_token(gebruiker, token):
        raise ValidationError(
            _(
                "Deze bevestigingslink is niet (meer) geldig. "
                "Misschien is uw account al geactiveerd: probeer in te loggen."
            ),
            code="ongeldig",
        )
    gebruiker.is_active = True
    gebruiker.save(update_fields=["is_active"])
    return gebruiker


@transaction.atomic
def totp_apparaat_voorbereiden(*, gebruiker: User) -> TOTPDevice:
    """The unconfirmed TOTP device being set up (made once, so reloading the page keeps the QR code)."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if apparaat is None:
        apparaat = TOTPDevice(user=gebruiker, name=_("Authenticator-app"), confirmed=False)
        apparaat.full_clean()
        apparaat.save()
    return apparaat


@transaction.atomic
def totp_apparaat_bevestigen(*, apparaat: TOTPDevice, code: str) -> TOTPDevice:
    """Confirm a new TOTP device with a code from the app; older devices of the user are removed."""
    if not apparaat.verify_token(code):
        raise ValidationError(_("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw."))
    TOTPDevice.objects.filter(user=apparaat.user).exclude(pk=apparaat.pk).delete()
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    return apparaat


@transaction.atomic
def tweestaps_uitschakelen(*, gebruiker: User) -> None:
    """Remove the user's TOTP device and backup codes (not for roles that require two-factor authentication)."""
    if gebruiker.tweestaps_verplicht:
        raise ValidationError(_("Voor uw rol is tweestapsverificatie verplicht."), code="verplicht")
    TOTPDevice.objects.filter(user=gebruiker).delete()
    StaticDevice.objects.filter(user=gebruiker).delete()


def _gebeurtenis_vastleggen(
    *, soort: str, gebruiker: User, door: User | None = None, reden: str = ""
) -> TweestapsGebeurtenis:
    gebeurtenis = TweestapsGebeurtenis(
        soort=soort,
        gebruiker=gebruiker,
        gebruikersnaam=gebruiker.username,
        uitgevoerd_door=door,
        uitgevoerd_door_naam=door.username if door is not None else "",
        reden=reden,
    )
    gebeurtenis.full_clean()
    gebeurtenis.save()
    return gebeurtenis


def _code_normaliseren(code: str) -> str:
    """Codes may be typed with spaces, a hyphen or capitals (backup codes are shown as ``abcd efgh``)."""
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def reservecodes_aanmaken(*, gebruiker: User) -> list[str]:
    """Make ``RESERVECODES_AANTAL`` new single-use backup codes; the user's earlier codes stop working.

    The codes are returned to be shown once. Recorded in the audit trail.
    """
    apparaat, _gemaakt = StaticDevice.objects.get_or_create(
        user=gebruiker, name="Reservecodes", defaults={"confirmed": True}
    )
    apparaat.token_set.all().delete()
    codes: list[str] = []
    while len(codes) < RESERVECODES_AANTAL:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create([StaticToken(device=apparaat, token=code) for code in codes])
    _gebeurtenis_vastleggen(
        soort=TweestapsGebeurtenis.Soort.RESERVECODES_AANGEMAAKT, gebruiker=gebruiker, door=gebruiker
    )
    return codes


def reservecodes_over(*, gebruiker: User) -> int:
    """How many unused backup codes the user has left."""
    return StaticToken.objects.filter(device__user=gebruiker, device__confirmed=True).count()


def tweestaps_controleren(*, gebruiker: User, code: str) -> Device:
    """The device that accepts ``code``: six digits from the app, or a backup code (used up and recorded).

    Raises ``ValidationError`` if no device accepts it. Not one atomic block around everything on
    purpose: a wrong code must still count for django-otp's throttling, so the failure is raised
    after the verification has been committed. The devices are locked while checking, so a backup
    code can be used only once even by two requests at the same time.
    """
    code = _code_normaliseren(code)
    with transaction.atomic():
        aanvaard = None
        for apparaat in devices_for_user(gebruiker, for_verify=True):
            is_reservecode = isinstance(apparaat, StaticDevice)
            if is_reservecode == (len(code) == 6 and code.isdigit()):
                continue  # six digits are for the app, anything else is a backup code
            if apparaat.verify_token(code):
                aanvaard = apparaat
                break
        if isinstance(aanvaard, StaticDevice):
            _gebeurtenis_vastleggen(
                soort=TweestapsGebeurtenis.Soort.RESERVECODE_GEBRUIKT, gebruiker=gebruiker, door=gebruiker
            )
    if aanvaard is None:
        raise ValidationError(
            _(
                "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw, "
                "of gebruik een reservecode die u nog niet gebruikt hebt."
            ),
            code="onjuist",
        )
    return aanvaard


@transaction.atomic
def tweestaps_herstellen(*, gebruiker: User, door: User, reden: str) -> TweestapsGebeurtenis:
    """Staff remove someone's app and backup codes (a lost phone), so they set up a new one at next login.

    Never one's own (a second person must do it); the reason is required and everything is recorded.
    """
    if door.pk == gebruiker.pk:
        raise ValidationError(
            _("U kunt uw eigen tweestapsverificatie niet herstellen. Vraag een collega van het programmabureau."),
            code="zichzelf",
        )
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(_("Geef een reden voor het herstellen."), code="reden")
    TOTPDevice.objects.filter(user=gebruiker).delete()
    StaticDevice.objects.filter(user=gebruiker).delete()
    return _gebeurtenis_vastleggen(
        soort=TweestapsGebeurtenis.Soort.HERSTELD, gebruiker=gebruiker, door=door, reden=reden
    )
