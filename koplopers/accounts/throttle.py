"""Throttling of failed logins, in the database so it holds across all application-server processes.

Three limits, checked before every login attempt (the portal's form and the admin's alike):

- **per account and address**: 5 failures for one username from one address in 15 minutes lock that
  pair for 15 minutes (strict: one address guessing one account);
- **per address**: 30 failures from one address in 15 minutes, whatever the usernames, lock that
  address for 15 minutes (strict: one address spraying many accounts);
- **per account, across addresses**: 10 failures for one username within an hour, from any number of
  addresses, lock the account for 1 minute; every further lock (after 5 more failures) doubles:
  2, 4, 8, then at most 15 minutes. So 200 guesses spread over 50 addresses are not unlimited, yet the
  real owner is never locked out by someone else's guesses for longer than a short, growing delay.
  The level falls back to the start a day after the last lock.

Locks are kept per username *string*, whether or not such an account exists, and the message is the
same either way: the lockout tells nobody which accounts exist.

The client's address is ``REMOTE_ADDR`` unless ``TRUSTED_PROXY_COUNT`` (from the environment) says how
many reverse proxies of our own stand in front of the application; then it is the address the outermost
of them saw, read from the right of ``X-Forwarded-For``: entries further left are whatever the client
sent and are never trusted. IPv6 addresses count per /64 network (one connection gets a whole /64).

Why not django-axes (evaluated: 8.3): it sums failures per username across addresses, but it has one
failure limit and one cool-off for every lockout parameter, and it deletes expired attempts of all
clients with the cool-off of the current request, so a short growing per-account cool-off next to a
strict per-address one cannot be expressed; it would also need its own middleware and lockout view.

- ``InlogBlokkadeBackend`` (first in ``AUTHENTICATION_BACKENDS``) refuses every login attempt while
  locked, whatever login form is used; the forms check ``blokkade()`` first to show the Dutch message;
- a ``user_login_failed`` receiver records a failure (not while locked, so waiting out a lock is
  enough); ``user_logged_in`` clears the failures of that username from that address.
"""

import ipaddress
import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from .models import AccountBlokkade, MisluktePoging

MAX_POGINGEN = 5  # per username + address within BLOKKADEDUUR
MAX_POGINGEN_PER_ADRES = 30  # per address, all usernames together, within BLOKKADEDUUR
BLOKKADEDUUR = timedelta(minutes=15)

ACCOUNT_MAX_POGINGEN = 10  # per username from all addresses within ACCOUNT_VENSTER → first account lock
ACCOUNT_MAX_POGINGEN_NA_BLOKKADE = 5  # failures after a lock that lead to the next (longer) lock
ACCOUNT_VENSTER = timedelta(hours=1)
ACCOUNT_EERSTE_BLOKKADE = timedelta(minutes=1)
ACCOUNT_MAX_BLOKKADE = timedelta(minutes=15)
ACCOUNT_NIVEAU_VERVALT = timedelta(days=1)


def _geldig_ip(waarde: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address((waarde or "").strip())
    except ValueError:
        return None


def ip_adres(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the one our ``TRUSTED_PROXY_COUNT`` proxies vouch for."""
    if request is None:
        return None
    adres = _geldig_ip(request.META.get("REMOTE_ADDR"))
    aantal_proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if aantal_proxies > 0:
        doorgestuurd = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        doorgestuurd = [deel for deel in doorgestuurd if deel]
        # Each of our proxies appends the address it saw; the last `aantal_proxies` entries are theirs.
        if len(doorgestuurd) >= aantal_proxies:
            adres = _geldig_ip(doorgestuurd[-aantal_proxies]) or adres
    if adres is None:
        return None
    if adres.version == 6:
        if adres.ipv4_mapped:
            return str(adres.ipv4_mapped)
        return str(ipaddress.ip_network(f"{adres}/64", strict=False).network_address)
    return str(adres)


def _sleutel(gebruikersnaam: str | None) -> str:
    return (gebruikersnaam or "").strip().lower()[:254]


def _resterend(tijdstippen: list, grens: int, duur: timedelta, nu) -> timedelta | None:
    """How long a limit of ``grens`` failures per ``duur`` stays reached, given the newest first."""
    if len(tijdstippen) < grens:
        return None
    return tijdstippen[grens - 1] + duur - nu


def blokkade(gebruikersnaam: str | None, request) -> timedelta | None:
    """How much longer logging in as ``gebruikersnaam`` from this request's address is locked (or None)."""
    nu = timezone.now()
    sleutel, adres = _sleutel(gebruikersnaam), ip_adres(request)
    sinds = nu - BLOKKADEDUUR
    resterend = []
    account = AccountBlokkade.objects.filter(gebruikersnaam=sleutel, tot__gt=nu).values_list("tot", flat=True).first()
    if account is not None:
        resterend.append(account - nu)
    paar = MisluktePoging.objects.filter(gebruikersnaam=sleutel, ip_adres=adres, tijdstip__gte=sinds)
    tijdstippen = list(paar.order_by("-tijdstip").values_list("tijdstip", flat=True)[:MAX_POGINGEN])
    resterend.append(_resterend(tijdstippen, MAX_POGINGEN, BLOKKADEDUUR, nu))
    if adres is not None:
        per_adres = MisluktePoging.objects.filter(ip_adres=adres, tijdstip__gte=sinds).order_by("-tijdstip")
        tijdstippen = list(per_adres.values_list("tijdstip", flat=True)[:MAX_POGINGEN_PER_ADRES])
        resterend.append(_resterend(tijdstippen, MAX_POGINGEN_PER_ADRES, BLOKKADEDUUR, nu))
    resterend = [duur for duur in resterend if duur is not None and duur > timedelta(0)]
    return max(resterend) if resterend else None


def is_geblokkeerd(gebruikersnaam: str | None, request) -> bool:
    return blokkade(gebruikersnaam, request) is not None


def minuten(duur: timedelta) -> int:
    """A lock's remaining time in whole minutes, rounded up (at least 1)."""
    return max(1, math.ceil(duur.total_seconds() / 60))


def _account_blokkeren_indien_nodig(sleutel: str, nu) -> None:
    vorige = AccountBlokkade.objects.select_for_update().filter(gebruikersnaam=sleutel).first()
    niveau = 0
    sinds = nu - ACCOUNT_VENSTER
    if vorige is not None and vorige.tot > nu - ACCOUNT_NIVEAU_VERVALT:
        niveau = vorige.niveau
        sinds = max(sinds, vorige.tot)
    drempel = ACCOUNT_MAX_POGINGEN if niveau == 0 else ACCOUNT_MAX_POGINGEN_NA_BLOKKADE
    if MisluktePoging.objects.filter(gebruikersnaam=sleutel, tijdstip__gte=sinds).count() < drempel:
        return
    niveau += 1
    duur = min(ACCOUNT_EERSTE_BLOKKADE * 2 ** min(niveau - 1, 10), ACCOUNT_MAX_BLOKKADE)
    AccountBlokkade.objects.update_or_create(gebruikersnaam=sleutel, defaults={"niveau": niveau, "tot": nu + duur})


@transaction.atomic
def mislukking_vastleggen(gebruikersnaam: str | None, request) -> None:
    nu = timezone.now()
    MisluktePoging.objects.filter(tijdstip__lt=nu - max(ACCOUNT_VENSTER, BLOKKADEDUUR)).delete()
    AccountBlokkade.objects.filter(tot__lt=nu - ACCOUNT_NIVEAU_VERVALT).delete()
    sleutel = _sleutel(gebruikersnaam)
    MisluktePoging.objects.create(gebruikersnaam=sleutel, ip_adres=ip_adres(request))
    _account_blokkeren_indien_nodig(sleutel, nu)


def mislukkingen_wissen(gebruikersnaam: str | None, request) -> None:
    MisluktePoging.objects.filter(gebruikersnaam=_sleutel(gebruikersnaam), ip_adres=ip_adres(request)).delete()


class InlogBlokkadeBackend:
    """Refuses authentication while locked (raising PermissionDenied stops all later backends)."""

    def authenticate(self, request, username=None, **kwargs):
        if username is not None and is_geblokkeerd(username, request):
            raise PermissionDenied
        return None

    def get_user(self, user_id):
        # Being first in AUTHENTICATION_BACKENDS, this backend is the one `Client.force_login` picks.
        return ModelBackend().get_user(user_id)


@receiver(user_login_failed)
def _mislukking(sender, credentials, request=None, **kwargs):
    gebruikersnaam = credentials.get("username")
    if gebruikersnaam and request is not None and not is_geblokkeerd(gebruikersnaam, request):
        mislukking_vastleggen(gebruikersnaam, request)


@receiver(user_logged_in)
def _gelukt(sender, request, user, **kwargs):
    if request is not None:
        mislukkingen_wissen(user.get_username(), request)
