"""Two-factor authentication before any page, for those who need it.

Programme staff and reviewers must set up or pass TOTP right after their password; so must anyone
who enabled TOTP themselves. Until then only the two-factor pages and logging out are reachable.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from .signals import SESSIE_TWEESTAPS, heeft_tweestaps

VRIJE_URLS = {"accounts:tweestaps", "accounts:tweestaps_instellen", "accounts:logout"}


def tweestaps_verplicht(user) -> bool:
    """Roles that may not work without a second factor."""
    return bool(user.is_programmastaf or user.beoordelaar_organisatie)


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
