"""What the stand-alone benchmarks share: logging, a fresh database, percentiles."""

import statistics
import time

import psycopg2


def log(tekst: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {tekst}", flush=True)


def database_opnieuw(naam: str) -> None:
    """Drop and create the benchmark's own PostgreSQL database on 127.0.0.1."""
    verbinding = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    verbinding.autocommit = True
    with verbinding.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{naam}"')
    verbinding.close()


def percentiel(waarden: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    gesorteerd = sorted(waarden)
    index = max(0, min(len(gesorteerd) - 1, round(p / 100 * len(gesorteerd) + 0.5) - 1))
    return gesorteerd[index]


def samenvatting(waarden: list[float]) -> dict:
    return {
        "n": len(waarden),
        "p50": statistics.median(waarden),
        "p90": percentiel(waarden, 90),
        "p99": percentiel(waarden, 99),
        "max": max(waarden),
    }
