"""At login: remember whether this session must pass two-factor authentication, and how long it may idle.

Programme staff, reviewers and admin accounts always must pass it (their role flags are on the user);
anyone else who enabled TOTP must too. That last fact is looked up once at login and kept in the
session, so the middleware costs no query per request. Sessions of the two-factor roles end after a
working day without activity (``STAFF_SESSION_IDLE_TIMEOUT``); other sessions keep the default.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import devices_for_user

SESSIE_TWEESTAPS = "tweestaps_ingesteld"
SESSIE_LAATST_ACTIEF = "laatst_actief"


def heeft_tweestaps(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def sessieduur_instellen(request, user) -> None:
    """Two-factor roles: the session ends after ``STAFF_SESSION_IDLE_TIMEOUT`` seconds of inactivity."""
    if user.tweestaps_verplicht:
        request.session.set_expiry(settings.STAFF_SESSION_IDLE_TIMEOUT)
        request.session[SESSIE_LAATST_ACTIEF] = int(time.time())


@receiver(user_logged_in)
def _tweestaps_onthouden(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSIE_TWEESTAPS] = heeft_tweestaps(user)
        sessieduur_instellen(request, user)
