"""Writes for accounts: invitations, self-registration, roles, two-factor devices."""

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
from django_otp.plugins.otp_totp.models import TOTPDevice

from koplopers.post.models import Bericht
from koplopers.post.services import bericht_in_wachtrij, binnen_limiet

from .models import Uitnodiging, User
from .tokens import nieuw_uitnodigingstoken, registratie_token, token_hash

UITNODIGING_GELDIG = timedelta(days=7)


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
    context = {"uitnodiging": uitnodiging, "link": link, "geldig_dagen": UITNODIGING_GELDIG.days}
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


@transaction.atomic
def uitnodiging_aanvaarden(*, token: str, wachtwoord: str, voornaam: str = "", achternaam: str = "") -> User:
    """Accept the invitation: create (or extend) the account, set the password, give the roles. Single use."""
    uitnodiging = uitnodiging_zoeken(token)
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.aanvaard_op is not None:
        raise OngeldigeUitnodiging(_("Deze uitnodiging is al gebruikt."), code="gebruikt")
    gebruiker = User.objects.filter(email__iexact=uitnodiging.email).first()
    if gebruiker is None:
        gebruiker = User(username=uitnodiging.email, email=uitnodiging.email)
    gebruiker.first_name = voornaam or uitnodiging.voornaam or gebruiker.first_name
    gebruiker.last_name = achternaam or uitnodiging.achternaam or gebruiker.last_name
    password_validation.validate_password(wachtwoord, gebruiker)
    gebruiker.set_password(wachtwoord)
    gebruiker.is_active = True
    gebruiker.full_clean()
    gebruiker.save()
    gebruiker.gemeenten.add(*uitnodiging.gemeenten.all())
    gebruiker.koplopers.add(*uitnodiging.koplopers.all())
    uitnodiging.aanvaard_op = timezone.now()
    uitnodiging.gebruiker = gebruiker
    uitnodiging.save(update_fields=["aanvaard_op", "gebruiker"])
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
    """Remove the user's TOTP devices (not allowed for roles that require two-factor authentication)."""
    if gebruiker.is_programmastaf or gebruiker.beoordelaar_organisatie:
        raise ValidationError(_("Voor uw rol is tweestapsverificatie verplicht."), code="verplicht")
    TOTPDevice.objects.filter(user=gebruiker).delete()
