"""Rate limit and cache headers of the open-data API.

Rate limit: at most ``API_TEMPOLIMIET`` requests per ``API_TEMPOVENSTER`` seconds per client address
(``koplopers.accounts.throttle.ip_adres``: REMOTE_ADDR, which a trusted proxy must set), counted in the
cache. Above it: 429 with ``Retry-After`` (seconds until the window ends). Responses that pass get
``Cache-Control: public, max-age=API_CACHE_SECONDEN``; ConditionalGetMiddleware adds the ETag and answers
a matching ``If-None-Match`` with 304.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from koplopers.accounts.throttle import ip_adres


def _te_vaak(request) -> int:
    """0 if the request may pass, else the seconds until the client may ask again."""
    limiet = settings.API_TEMPOLIMIET
    if not limiet:
        return 0
    venster = settings.API_TEMPOVENSTER
    nu = time.time()
    begin = int(nu // venster) * venster
    sleutel = f"api:tempo:{ip_adres(request) or 'onbekend'}:{begin}"
    cache.add(sleutel, 0, venster + 5)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, venster + 5)
        aantal = 1
    if aantal <= limiet:
        return 0
    return max(1, int(begin + venster - nu + 0.999))


def begrensd(view):
    """Wrap an API view: the rate limit first, then public caching of what it answers."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        wachten = _te_vaak(request)
        if wachten:
            response = JsonResponse(
                {
                    "detail": _("Te veel verzoeken. Probeer het over %(seconden)s seconden opnieuw.")
                    % {"seconden": wachten},
                    "fouten": [],
                },
                status=429,
            )
            response["Retry-After"] = str(wachten)
            patch_cache_control(response, no_store=True)
            return response
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 404):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDEN)
        return response

    return wrapper
