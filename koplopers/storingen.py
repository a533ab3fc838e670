"""Surviving a database outage: a short Dutch 503 page instead of a 500, one log line per outage.

While the database cannot be reached every request that needs it gets ``503 Service Unavailable``
with ``Retry-After``; pages that do not need it keep working. The page is rendered without a request
(no context processors, so no session or user lookup) and therefore without the database. Recovery
needs no restart: with ``CONN_HEALTH_CHECKS`` Django replaces a dead persistent connection at the next
request, and the first query that succeeds again ends the outage.

The log gets ``event=database_storing_begin`` (an error: mailed to ADMINS or sent to Sentry) when the
first request fails and
``event=database_storing_einde`` (with the duration and the number of 503s) when a query succeeds again:
per process, not per request, and no traceback for each refused request.
"""

import logging
import threading
import time

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("koplopers.storingen")

DATABASEFOUTEN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDEN = 30


class _Databasestoring:
    """Per process: is the database out since when, and how many requests were refused meanwhile."""

    def __init__(self):
        self._lock = threading.Lock()
        self.sinds = None
        self.geweigerd = 0

    @property
    def actief(self) -> bool:
        return self.sinds is not None

    def fout(self, fout: Exception) -> None:
        with self._lock:
            self.geweigerd += 1
            if self.sinds is None:
                self.sinds = time.time()
                # ERROR: reaches Sentry or ADMINS, once per outage and process (not per refused request).
                logger.error(
                    "event=database_storing_begin fout=%s melding=%s",
                    type(fout).__name__,
                    _eerste_regel(fout),
                )

    def hersteld(self) -> None:
        with self._lock:
            if self.sinds is None:
                return
            logger.warning(
                "event=database_storing_einde duur_s=%.1f geweigerd=%d", time.time() - self.sinds, self.geweigerd
            )
            self.sinds = None
            self.geweigerd = 0


storing = _Databasestoring()


def _eerste_regel(fout: Exception) -> str:
    regel = (str(fout).strip().splitlines() or [""])[0]
    return '"' + regel[:120].replace('"', "'") + '"'


def is_databasefout(fout: BaseException | None) -> bool:
    return isinstance(fout, DATABASEFOUTEN)


def niet_beschikbaar(request, *, reden: str, retry_after: int = RETRY_AFTER_SECONDEN) -> HttpResponse:
    """The house-style 503 page. Rendered without the request: no context processor may need the database.

    ``reden`` is ``"database"`` or ``"druk"`` (too many PDFs being made at once). The request is marked so
    that ``django.request`` does not log (or mail) each of these answers: they are counted elsewhere.
    """
    inhoud = render_to_string("503.html", {"reden": reden, "retry_after": retry_after})
    antwoord = HttpResponse(inhoud, status=503)
    antwoord["Retry-After"] = str(retry_after)
    antwoord["Cache-Control"] = "no-store"
    if request is not None:
        request.storing_gemeld = True
    return antwoord


def databasestoring_antwoord(request, fout: Exception) -> HttpResponse:
    storing.fout(fout)
    return niet_beschikbaar(request, reden="database")


class DatabasestoringMiddleware:
    """Turns a lost database connection into the 503 page and notices when queries succeed again.

    View and template errors arrive in ``process_exception``; errors raised in other middleware reach
    ``koplopers.views.serverfout`` (handler500), which answers the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not storing.actief:
            return self.get_response(request)
        # During an outage: does any query of this request succeed? Then the outage is over.
        verbinding = connections[DEFAULT_DB_ALIAS]
        gelukt = []

        def opletten(execute, sql, params, many, context):
            uitkomst = execute(sql, params, many, context)
            gelukt.append(True)
            return uitkomst

        with verbinding.execute_wrapper(opletten):
            antwoord = self.get_response(request)
        if gelukt:
            storing.hersteld()
        return antwoord

    def process_exception(self, request, exception):
        if is_databasefout(exception):
            return databasestoring_antwoord(request, exception)
        return None


class GeenStoringsruis(logging.Filter):
    """Drop ``django.request`` records of answers already reported by this module (the 503s of an outage)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        return not getattr(request, "storing_gemeld", False)
