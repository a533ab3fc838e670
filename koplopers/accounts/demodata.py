"""Demo accounts for every role. Only the demo data command calls this (never in production)."""

import base64
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

DEMO_WACHTWOORD = "Koploper-demo-2026"
# The TOTP secret of the demo reviewers and staff (hex, as django-otp stores it): RFC 6238's test key.
DEMO_TOTP_SLEUTEL = "3132333435363738393031323334353637383930"


@dataclass
class DemoAccount:
    gebruikersnaam: str
    rol: str
    met_totp: bool = False


def demo_totp_geheim() -> str:
    """The demo TOTP secret in base32, as an authenticator app wants it."""
    return base64.b32encode(bytes.fromhex(DEMO_TOTP_SLEUTEL)).decode("ascii")


def _account(gebruikersnaam: str, **velden) -> User:
    gebruiker, _ = User.objects.update_or_create(
        username=gebruikersnaam,
        defaults={"email": f"{gebruikersnaam}@demo.koploperportaal.example", "is_active": True, **velden},
    )
    gebruiker.set_password(DEMO_WACHTWOORD)
    gebruiker.save()
    return gebruiker


def _totp(gebruiker: User) -> None:
    TOTPDevice.objects.filter(user=gebruiker).exclude(key=DEMO_TOTP_SLEUTEL).delete()
    TOTPDevice.objects.update_or_create(
        user=gebruiker, key=DEMO_TOTP_SLEUTEL, defaults={"name": "Demo-authenticator", "confirmed": True}
    )


@transaction.atomic
def demo_accounts_laden() -> list[DemoAccount]:
    """Create (or reset) one demo account per role, all with ``DEMO_WACHTWOORD``. Idempotent."""
    accounts = []
    # Which profiles the officials manage is gemeenten's data: gemeenten.demodata.demo_ambtenaren_koppelen.
    _account("ambtenaar.almere", first_name="Anna", last_name="Ambtenaar (demo)")
    accounts.append(DemoAccount("ambtenaar.almere", "gemeenteambtenaar van Almere"))
    _account("ambtenaar.twente", first_name="Tom", last_name="Twente (demo)")
    accounts.append(DemoAccount("ambtenaar.twente", "gemeenteambtenaar van Regio Twente"))
    _account(
        "belangenbehartiger",
        first_name="Bea",
        last_name="Belangenbehartiger (demo)",
        is_belangenbehartiger=True,
        organisatie="Adviesraad Sociaal Domein Almere (demo)",
        organisatie_type=User.OrganisatieType.ADVIESRAAD,
    )
    accounts.append(DemoAccount("belangenbehartiger", "belangenbehartiger (adviesraad)"))
    for organisatie in User.BeoordelaarOrganisatie:
        gebruikersnaam = f"beoordelaar.{organisatie.value}"
        gebruiker = _account(
            gebruikersnaam,
            first_name="Beoordelaar",
            last_name=f"{organisatie.label} (demo)",
            beoordelaar_organisatie=organisatie,
        )
        _totp(gebruiker)
        accounts.append(DemoAccount(gebruikersnaam, f"beoordelaar namens {organisatie.label}", met_totp=True))
    staf = _account(
        "programmabureau",
        first_name="Pim",
        last_name="Programmabureau (demo)",
        is_programmastaf=True,
        is_staff=True,
        is_superuser=True,
    )
    _totp(staf)
    accounts.append(DemoAccount("programmabureau", "programmabureau (en beheer)", met_totp=True))
    return accounts
