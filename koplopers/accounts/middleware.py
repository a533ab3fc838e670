"""Middleware for logged-in people: two-factor authentication, idle sessions, no caching of private pages.

Two-factor: programme staff, reviewers and every admin account (superuser, ``is_staff``) must set up
or pass TOTP right after their password; so must anyone who enabled TOTP themselves. Until then only
the two-factor pages and logging out are reachable.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control

from .signals import SESSIE_LAATST_ACTIEF, SESSIE_TWEESTAPS, heeft_tweestaps, sessieduur_instellen

VRIJE_URLS = {"accounts:tweestaps", "accounts:tweestaps_instellen", "accounts:logout"}

# How often an active session of a two-factor role is saved again (moving its expiry forward).
VERLENGEN_NA = 5 * 60


def tweestaps_verplicht(user) -> bool:
    """Roles that may not work without a second factor."""
    return user.tweestaps_verplicht


class TweestapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            doorverwijzing = self._doorverwijzing(request, user)
            if doorverwijzing is not None:
                return doorverwijzing
        return self.get_response(request)

    def _doorverwijzing(self, request, user):
        if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        if SESSIE_TWEESTAPS not in request.session:
            request.session[SESSIE_TWEESTAPS] = heeft_tweestaps(user)
        ingesteld = request.session[SESSIE_TWEESTAPS]
        if not (ingesteld or tweestaps_verplicht(user)):
            return None
        try:
            if resolve(request.path_info).view_name in VRIJE_URLS:
                return None
        except Resolver404:
            return None
        doel = "accounts:tweestaps" if ingesteld else "accounts:tweestaps_instellen"
        return redirect(f"{reverse(doel)}?{urlencode({'next': request.get_full_path()})}")


class SessieInactiviteitMiddleware:
    """Sessions of two-factor roles end after ``STAFF_SESSION_IDLE_TIMEOUT`` seconds without a request.

    The session's own expiry is set to that many seconds (at login, see ``signals.py``, and here for
    older sessions) and pushed forward every few minutes while the person is active. The time of the
    last activity is also kept in the session and checked here, so the limit holds whatever the
    session backend does with expired sessions.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.tweestaps_verplicht:
            limiet = settings.STAFF_SESSION_IDLE_TIMEOUT
            nu = int(time.time())
            laatst = request.session.get(SESSIE_LAATST_ACTIEF)
            if laatst is not None and nu - laatst > limiet:
                logout(request)  # then the request goes on as anonymous: private pages ask to log in
            else:
                if request.session.get("_session_expiry") != limiet:
                    sessieduur_instellen(request, user)
                if laatst is None or nu - laatst >= VERLENGEN_NA:
                    request.session[SESSIE_LAATST_ACTIEF] = nu
        return self.get_response(request)


class GeenOpslagMiddleware:
    """Every response to a logged-in person: ``Cache-Control: no-store`` unless the view chose a policy.

    Pages of logged-in people may show personal data; no browser or proxy may keep them. Anonymous
    responses are left alone (public pages keep their own caching and ETags).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True)
        return response
