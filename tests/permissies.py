"""The permission matrix: who may open or change what.

Every app describes its URLs in ``tests/<app>/permissies.py``::

    from tests.permissies import Verwachting

    VERWACHTINGEN = [
        Verwachting(
            "gemeenten:bewerken",
            kwargs=lambda wereld: {"slug": wereld.koploper_a.slug},
            get={"anoniem": 302, "ambtenaar_a": 200, "ambtenaar_b": 403, "belangenbehartiger": 403,
                 "beoordelaar": 403, "staf": 200},
            post={...},                       # expected status of a POST per role (writes only)
            post_data=lambda wereld: {...},   # optional
        ),
    ]

``tests/test_permissiematrix.py`` collects them all, checks that every named URL of the portal has
expectations, and runs each expectation for each role. A POST that is denied (anonymous, or 4xx) must
leave the database exactly as it was.

The roles (``ROLLEN``):

- ``anoniem``: not logged in;
- ``ambtenaar_a``: official of koploper A (linked through ``user.koplopers``);
- ``ambtenaar_b``: official of koploper B (linked through ``user.gemeenten``, B's municipality);
- ``belangenbehartiger``: a local advocate;
- ``beoordelaar``: a reviewer (VNG), with a confirmed TOTP device, OTP-verified;
- ``staf``: programme staff, with a confirmed TOTP device, OTP-verified.

Three admin roles (``BEHEERROLLEN``) are added to every expectation by ``Verwachting`` itself, so an
app names only the six roles above:

- ``superuser_zonder_2fa``: a superuser (``createsuperuser``) that has not set up a second factor;
- ``is_staff_zonder_2fa``: an ``is_staff`` account that has not set up a second factor;
  both expect ``302`` (to the two-factor setup) everywhere unless an expectation names them;
- ``superuser``: a superuser with a confirmed TOTP device, OTP-verified; expects what ``staf``
  expects, except where ``SUPERUSER_AFWIJKINGEN`` says otherwise (Django gives a superuser every
  permission, also those of roles staff do not have).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLLEN = ["anoniem", "ambtenaar_a", "ambtenaar_b", "belangenbehartiger", "beoordelaar", "staf"]

# Admin accounts, filled in by ``Verwachting`` (see above).
ZONDER_2FA = ["superuser_zonder_2fa", "is_staff_zonder_2fa"]
BEHEERROLLEN = [*ZONDER_2FA, "superuser"]
ALLE_ROLLEN = [*ROLLEN, *BEHEERROLLEN]

# Roles that must pass two-factor authentication; the matrix marks their sessions verified.
ROLLEN_MET_TOTP = {"beoordelaar", "staf", "superuser"}

# (url_name, "get" or "post") → status, where a verified superuser gets something else than staff.
# Django's superuser passes every ``has_perm``, also the reviewer's and the advocate's (once verified).
SUPERUSER_AFWIJKINGEN: dict[tuple[str, str], int] = {
    ("accounts:mijn_gemeente", "get"): 200,  # an (empty) list of profiles; staff have no profiles → 403
    ("beoordeling:verklaring", "get"): 200,
    ("beoordeling:verklaring", "post"): 302,
    ("beoordeling:kandidaat", "get"): 302,  # to the declaration first
    ("beoordeling:kandidaat", "post"): 302,
    ("beoordeling:conflict_melden", "get"): 200,
    ("beoordeling:conflict_melden", "post"): 200,  # "Deze persoon is geen beoordelaar." (was a 500)
    ("selectie:voordracht_starten", "post"): 302,
}

# The demo/test TOTP secret (hex, 20 bytes) of the verified roles in the matrix.
TOTP_SLEUTEL = "3132333435363738393031323334353637383930"


def _geen_kwargs(wereld: Wereld) -> dict:
    return {}


@dataclass
class Verwachting:
    """What each role gets when it opens (GET) or posts to (POST) one named URL."""

    url_name: str
    kwargs: Callable[[Wereld], dict] = _geen_kwargs
    get: dict[str, int] | None = None
    post: dict[str, int] | None = None
    post_data: Callable[[Wereld], dict] = _geen_kwargs

    def __post_init__(self):
        for soort in ("get", "post"):
            statussen = getattr(self, soort)
            if statussen is None:
                continue
            aangevuld = dict.fromkeys(ZONDER_2FA, 302) | dict(statussen)
            if "staf" in statussen and "superuser" not in statussen:
                aangevuld["superuser"] = SUPERUSER_AFWIJKINGEN.get((self.url_name, soort), statussen["staf"])
            setattr(self, soort, aangevuld)

    def __str__(self):
        return self.url_name


@dataclass
class Wereld:
    """Two koplopers and one user per role. Build it inside a test (it needs the database)."""

    koploper_a: object = None
    koploper_b: object = None
    gebruikers: dict = field(default_factory=dict)

    @classmethod
    def bouwen(cls) -> Wereld:
        from tests.factories.accounts import (
            AmbtenaarFactory,
            BelangenbehartigerFactory,
            BeoordelaarFactory,
            StafFactory,
            UserFactory,
        )
        from tests.factories.gemeenten import GemeenteFactory, KoploperFactory

        koploper_a = KoploperFactory(gemeente=GemeenteFactory(naam="Gemeente Alfa", code="GM9801"))
        koploper_b = KoploperFactory(gemeente=GemeenteFactory(naam="Gemeente Beta", code="GM9802"))
        gebruikers = {
            "anoniem": None,
            "ambtenaar_a": AmbtenaarFactory(username="ambtenaar_a", koplopers=[koploper_a]),
            "ambtenaar_b": AmbtenaarFactory(username="ambtenaar_b", gemeenten=[koploper_b.gemeente]),
            "belangenbehartiger": BelangenbehartigerFactory(username="belangenbehartiger"),
            "beoordelaar": BeoordelaarFactory(username="beoordelaar"),
            "staf": StafFactory(username="staf"),
            "superuser_zonder_2fa": UserFactory(username="superuser_zonder_2fa", is_superuser=True, is_staff=True),
            "is_staff_zonder_2fa": UserFactory(username="is_staff_zonder_2fa", is_staff=True),
            "superuser": UserFactory(username="superuser", is_superuser=True, is_staff=True),
        }
        for rol in ROLLEN_MET_TOTP:
            totp_apparaat_maken(gebruikers[rol])
        return cls(koploper_a=koploper_a, koploper_b=koploper_b, gebruikers=gebruikers)

    def client_voor(self, rol: str, client=None):
        """A test client logged in as ``rol`` (OTP-verified where the role requires it)."""
        from django.test import Client

        client = client or Client()
        gebruiker = self.gebruikers[rol]
        if gebruiker is not None:
            inloggen(client, gebruiker)
        return client


def totp_apparaat_maken(gebruiker, sleutel: str = TOTP_SLEUTEL):
    """Give ``gebruiker`` a confirmed TOTP device with a known secret."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    apparaat, _ = TOTPDevice.objects.get_or_create(
        user=gebruiker, name="authenticator", defaults={"key": sleutel, "confirmed": True}
    )
    return apparaat


def inloggen(client, gebruiker) -> None:
    """Log ``gebruiker`` in; if they have a confirmed TOTP device, mark the session OTP-verified."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(gebruiker)
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()
    if apparaat is not None:
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
