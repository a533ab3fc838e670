"""Middleware of the project package."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone

# A proxy's timestamp older than this (or in the future) is not believed: the server's own clock counts then.
AANKOMST_SPELING = timedelta(minutes=2)


def _proxy_tijd(waarde: str, nu: datetime) -> datetime | None:
    """``t=1764460800.123`` or ``1764460800.123`` (seconds, as nginx's ``$msec``), if plausible."""
    try:
        seconden = float(waarde.strip().removeprefix("t="))
        moment = datetime.fromtimestamp(seconden, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return moment if timedelta(0) <= nu - moment <= AANKOMST_SPELING else None


class AankomstMiddleware:
    """Note when a request arrived, before any other work: a deadline counts arrival, not the end of the work.

    Behind a reverse proxy, requests may wait in the application server's queue before Django sees them.
    If ``AANKOMST_HEADER`` names a header that the proxy sets itself (e.g. nginx
    ``proxy_set_header X-Request-Start "t=${msec}";`` → ``AANKOMST_HEADER=HTTP_X_REQUEST_START``), its time
    counts, when plausible. Only set it if the proxy always overwrites that header.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = getattr(settings, "AANKOMST_HEADER", "")

    def __call__(self, request):
        nu = timezone.now()
        proxy = _proxy_tijd(request.META.get(self.header, ""), nu) if self.header else None
        request.aangekomen_op = proxy or nu
        return self.get_response(request)
