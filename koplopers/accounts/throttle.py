"""Throttling of failed logins: 5 failures per username + IP address → locked for 15 minutes.

A small database-backed throttle instead of django-axes: it needs no extra dependency, middleware
or backend wiring beyond one guard backend, and because the failures are in the database it holds
across all application-server processes (a per-process cache would not).

- ``InlogBlokkadeBackend`` (first in ``AUTHENTICATION_BACKENDS``) refuses every login attempt while
  the username + IP address is locked, whatever login form is used (the portal's or the admin's);
- a ``user_login_failed`` receiver records a failure; ``user_logged_in`` clears them.
"""

from datetime import timedelta

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils import timezone

from .models import MisluktePoging

MAX_POGINGEN = 5
BLOKKADEDUUR = timedelta(minutes=15)


def ip_adres(request) -> str | None:
    """The client's address as the server sees it (behind a proxy, the proxy must set REMOTE_ADDR)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _sleutel(gebruikersnaam: str | None) -> str:
    return (gebruikersnaam or "").strip().lower()[:254]


def is_geblokkeerd(gebruikersnaam: str | None, request) -> bool:
    sinds = timezone.now() - BLOKKADEDUUR
    pogingen = MisluktePoging.objects.filter(
        gebruikersnaam=_sleutel(gebruikersnaam), ip_adres=ip_adres(request), tijdstip__gte=sinds
    )
    return pogingen.count() >= MAX_POGINGEN


def mislukking_vastleggen(gebruikersnaam: str | None, request) -> None:
    MisluktePoging.objects.filter(tijdstip__lt=timezone.now() - BLOKKADEDUUR).delete()
    MisluktePoging.objects.create(gebruikersnaam=_sleutel(gebruikersnaam), ip_adres=ip_adres(request))


def mislukkingen_wissen(gebruikersnaam: str | None, request) -> None:
    MisluktePoging.objects.filter(gebruikersnaam=_sleutel(gebruikersnaam), ip_adres=ip_adres(request)).delete()


class InlogBlokkadeBackend:
    """Refuses authentication while the username + IP address is locked (raising stops all backends)."""

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
