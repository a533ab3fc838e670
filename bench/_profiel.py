"""Where does a page spend its time? cProfile plus the SQL of one request, in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koplopers_bench SECRET_KEY=x \\
        .venv/bin/python bench/_profiel.py /gemeenten/ [--herhaal 20] [--regels 30]

Uses the ``koplopers_bench`` database that ``bench/run.py`` leaves behind and production settings (with
``DEBUG`` off, ``SECURE_SSL_REDIRECT`` off). Prints the queries of the first request with their time,
then the functions with the most cumulative time over ``--herhaal`` further requests.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koplopers.settings.production")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/koplopers_bench")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pad")
    parser.add_argument("--herhaal", type=int, default=20)
    parser.add_argument("--regels", type=int, default=30)
    parser.add_argument("--gzip", action="store_true", help="stuur Accept-Encoding: gzip mee")
    args = parser.parse_args()
    headers = {"HTTP_ACCEPT_ENCODING": "gzip"} if args.gzip else {}
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=True)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(args.pad, **headers)
    print(f"status {response.status_code}, {len(response.content)} bytes, {len(queries)} queries")
    for query in queries:
        print(f"  {float(query['time']) * 1000:7.2f} ms  {query['sql'][:160]}")

    begin = time.perf_counter()
    profiel = cProfile.Profile()
    profiel.enable()
    for _ in range(args.herhaal):
        client.get(args.pad, **headers)
    profiel.disable()
    print(f"\n{args.herhaal} requests, gemiddeld {(time.perf_counter() - begin) / args.herhaal * 1000:.1f} ms")
    pstats.Stats(profiel).sort_stats("cumulative").print_stats(args.regels)


if __name__ == "__main__":
    main()
