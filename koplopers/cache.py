"""A Redis cache that fails open: an unreachable or slow Redis makes pages slower, never a 500.

``CACHE_URL=redis://…`` selects :class:`StoringsbestendigeRedisCache`. Every cache call that meets a
connection error or a timeout counts as a miss (reads give the default, writes do nothing); after such
a failure Redis is skipped altogether for ``PAUZE`` seconds (a small circuit breaker), so requests
during an outage do not each wait for a timeout. One log line when an outage starts and one when
Redis answers again; not one per request.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("koplopers.storingen")

# Short: a cache that answers slower than this is no use to a web request.
STANDAARD_OPTIES = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}


class _Stroomonderbreker:
    """Per process and cache location: is Redis out, and since when; log the start and end of an outage."""

    def __init__(self, naam: str, pauze: float):
        self.naam = naam
        self.pauze = pauze
        self._lock = threading.Lock()
        self._open_tot = 0.0  # monotonic time until which Redis is skipped
        self._storing_sinds = None  # wall time of the first failure of this outage

    def overslaan(self) -> bool:
        return time.monotonic() < self._open_tot

    def mislukt(self, fout: Exception) -> None:
        with self._lock:
            self._open_tot = time.monotonic() + self.pauze
            if self._storing_sinds is None:
                self._storing_sinds = time.time()
                logger.warning(
                    "event=cache_storing_begin cache=%s fout=%s pauze_s=%s", self.naam, type(fout).__name__, self.pauze
                )

    def gelukt(self) -> None:
        if self._storing_sinds is None:
            return
        with self._lock:
            if self._storing_sinds is None:
                return
            duur = time.time() - self._storing_sinds
            self._storing_sinds = None
            logger.warning("event=cache_storing_einde cache=%s duur_s=%.1f", self.naam, duur)

    @property
    def in_storing(self) -> bool:
        return self._storing_sinds is not None


_onderbrekers: dict[str, _Stroomonderbreker] = {}
_onderbrekers_lock = threading.Lock()


def onderbreker_voor(locatie: str, pauze: float) -> _Stroomonderbreker:
    """One circuit breaker per Redis location and process: Django makes a cache object per thread."""
    with _onderbrekers_lock:
        if locatie not in _onderbrekers:
            _onderbrekers[locatie] = _Stroomonderbreker(locatie, pauze)
        return _onderbrekers[locatie]


class StoringsbestendigeRedisCache(RedisCache):
    """Django's RedisCache with short socket timeouts, failures treated as misses, and a circuit breaker.

    ``OPTIONS`` may override the timeouts (``socket_connect_timeout``, ``socket_timeout`` in seconds) and
    set ``pauze`` (seconds to skip Redis after a failure; default 5).
    """

    PAUZE = 5.0

    def __init__(self, server, params):
        params = dict(params)
        opties = {**STANDAARD_OPTIES, **params.get("OPTIONS", {})}
        pauze = float(opties.pop("pauze", self.PAUZE))
        params["OPTIONS"] = opties
        super().__init__(server, params)
        self._fouten = (self._lib_fouten(),)
        self.onderbreker = onderbreker_voor(",".join(self._servers), pauze)

    @staticmethod
    def _lib_fouten():
        import redis

        # ConnectionError and TimeoutError (both RedisError); also a server that is loading or read-only.
        return redis.RedisError

    def _probeer(self, doen, anders):
        if self.onderbreker.overslaan():
            return anders
        try:
            uitkomst = doen()
        except self._fouten as fout:
            self.onderbreker.mislukt(fout)
            return anders
        self.onderbreker.gelukt()
        return uitkomst

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer(lambda: RedisCache.add(self, key, value, timeout, version), False)

    def get(self, key, default=None, version=None):
        return self._probeer(lambda: RedisCache.get(self, key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._probeer(lambda: RedisCache.set(self, key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer(lambda: RedisCache.touch(self, key, timeout, version), False)

    def delete(self, key, version=None):
        return self._probeer(lambda: RedisCache.delete(self, key, version), False)

    def get_many(self, keys, version=None):
        return self._probeer(lambda: RedisCache.get_many(self, keys, version), {})

    def has_key(self, key, version=None):
        return self._probeer(lambda: RedisCache.has_key(self, key, version), False)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read is not there: the caller handles ValueError as for a missing key.
        uitkomst = self._probeer(lambda: RedisCache.incr(self, key, delta, version), None)
        if uitkomst is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return uitkomst

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that failed to be inserted.
        return self._probeer(lambda: RedisCache.set_many(self, data, timeout, version), list(data))

    def delete_many(self, keys, version=None):
        self._probeer(lambda: RedisCache.delete_many(self, keys, version), None)

    def clear(self):
        return self._probeer(lambda: RedisCache.clear(self), False)
