"""A bounded, closed-loop HTTP load generator (stdlib only) for ``bench/run.py``.

Each of ``verbindingen`` threads keeps its own ``http.client.HTTPConnection`` to a loopback address and
sends the next request as soon as the previous response has been read completely, until a fixed
duration has passed or a fixed maximum number of requests has been sent, whichever comes first. It
always stops by itself. gunicorn's sync workers close the connection after every response;
``HTTPConnection`` then opens a new one for the next request, so that cost is part of each latency, as it
is for a browser talking to a sync worker without a proxy in front.
"""

import http.client
import ipaddress
import threading
import time
from dataclasses import dataclass, field

MAX_REQUESTS_PER_THREAD = 200_000


def assert_loopback(host: str) -> None:
    """Refuse to send load anywhere but this machine."""
    adres = "127.0.0.1" if host == "localhost" else host
    if not ipaddress.ip_address(adres).is_loopback:
        raise ValueError(f"load only goes to loopback addresses, not {host}")


@dataclass
class Meting:
    latencies: list[float] = field(default_factory=list)  # seconds, one per successful request
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    bytes: int = 0
    duration: float = 0.0

    def merge(self, other: "Meting") -> None:
        self.latencies.extend(other.latencies)
        for status, aantal in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + aantal
        self.errors += other.errors
        self.bytes += other.bytes
        self.duration += other.duration


def fetch(host: str, port: int, pad: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One request on a fresh connection: status, headers (lower-case names), body."""
    assert_loopback(host)
    verbinding = http.client.HTTPConnection(host, port, timeout=30)
    try:
        verbinding.request("GET", pad, headers=headers or {})
        antwoord = verbinding.getresponse()
        return antwoord.status, {k.lower(): v for k, v in antwoord.getheaders()}, antwoord.read()
    finally:
        verbinding.close()


def _worker(host, port, pad, headers, deadline, max_requests, uitkomst: Meting) -> None:
    verbinding = http.client.HTTPConnection(host, port, timeout=30)
    verzonden = 0
    while verzonden < max_requests and time.perf_counter() < deadline:
        verzonden += 1
        begin = time.perf_counter()
        try:
            verbinding.request("GET", pad, headers=headers)
            antwoord = verbinding.getresponse()
            inhoud = antwoord.read()
        except (OSError, http.client.HTTPException):
            uitkomst.errors += 1
            verbinding.close()
            verbinding = http.client.HTTPConnection(host, port, timeout=30)
            continue
        uitkomst.latencies.append(time.perf_counter() - begin)
        uitkomst.statuses[antwoord.status] = uitkomst.statuses.get(antwoord.status, 0) + 1
        uitkomst.bytes += len(inhoud)
    verbinding.close()


def drive(
    host: str,
    port: int,
    pad: str,
    *,
    seconden: float,
    verbindingen: int,
    headers: dict | None = None,
    max_requests_per_thread: int = MAX_REQUESTS_PER_THREAD,
) -> Meting:
    """Closed-loop load on one URL for ``seconden`` seconds with ``verbindingen`` concurrent clients."""
    assert_loopback(host)
    if not 0 < seconden <= 600:
        raise ValueError("seconden must be between 0 and 600")
    per_thread = [Meting() for _ in range(verbindingen)]
    start_barrier = threading.Barrier(verbindingen + 1)
    deadline_box = {}

    def run(index):
        start_barrier.wait()  # all threads and the clock start together
        _worker(host, port, pad, headers or {}, deadline_box["t"], max_requests_per_thread, per_thread[index])

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(verbindingen)]
    for thread in threads:
        thread.start()
    begin = time.perf_counter()
    deadline_box["t"] = begin + seconden
    start_barrier.wait()
    for thread in threads:
        thread.join(timeout=seconden + 60)
    totaal = Meting()
    for meting in per_thread:
        totaal.merge(meting)
    totaal.duration = time.perf_counter() - begin
    return totaal


def percentile(gesorteerd: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not gesorteerd:
        return float("nan")
    rang = max(1, min(len(gesorteerd), round(p / 100 * len(gesorteerd) + 0.5)))
    return gesorteerd[rang - 1]


def summarise(meting: Meting) -> dict:
    gesorteerd = sorted(meting.latencies)
    ms = 1000.0
    return {
        "requests": len(gesorteerd),
        "errors": meting.errors,
        "statuses": {str(k): v for k, v in sorted(meting.statuses.items())},
        "seconds": round(meting.duration, 3),
        "rps": round(len(gesorteerd) / meting.duration, 1) if meting.duration else None,
        "p50_ms": round(percentile(gesorteerd, 50) * ms, 2),
        "p90_ms": round(percentile(gesorteerd, 90) * ms, 2),
        "p99_ms": round(percentile(gesorteerd, 99) * ms, 2),
        "max_ms": round(gesorteerd[-1] * ms, 2) if gesorteerd else None,
        "mean_bytes": round(meting.bytes / len(gesorteerd)) if gesorteerd else 0,
    }
