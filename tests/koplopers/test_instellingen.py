"""Settings read from the environment: the Redis cache, error reports (Sentry or mail), the database.

Each case imports the settings in a fresh process with its own environment.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASIS = Path(__file__).resolve().parents[2]

TONEN = """
import json
import django
django.setup()
from django.conf import settings
import sentry_sdk
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_locatie": settings.CACHES["default"].get("LOCATION"),
    "admins": settings.ADMINS,
    "sentry": sentry_sdk.get_client().is_active(),
    "request_handlers": settings.LOGGING["loggers"]["django.request"]["handlers"],
    "task_handlers": settings.LOGGING["loggers"]["django.tasks"]["handlers"],
    "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "db_options": settings.DATABASES["default"].get("OPTIONS", {}),
}, default=str))
"""


def _instellingen(**omgeving) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("CACHE_URL", "SENTRY_DSN", "ADMINS")}
    env.update(DJANGO_SETTINGS_MODULE="koplopers.settings.dev", **omgeving)
    uitvoer = subprocess.run(
        [sys.executable, "-c", TONEN], cwd=BASIS, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(uitvoer.stdout.strip().splitlines()[-1])


def test_redis_cache_url_selects_the_fail_open_backend_and_others_are_untouched():
    redis = _instellingen(CACHE_URL="redis://127.0.0.1:6399/1")
    standaard = _instellingen()

    assert redis["cache"] == "koplopers.cache.StoringsbestendigeRedisCache"
    assert redis["cache_locatie"] == "redis://127.0.0.1:6399/1"
    assert standaard["cache"] == "django.core.cache.backends.locmem.LocMemCache"


def test_without_sentry_errors_and_failed_tasks_are_mailed_to_admins():
    instellingen = _instellingen(ADMINS="beheer@example.nl,ontwikkelaar@example.nl")

    assert instellingen["admins"] == ["beheer@example.nl", "ontwikkelaar@example.nl"]
    assert instellingen["sentry"] is False
    assert "mail_admins" in instellingen["request_handlers"]
    assert "mail_admins" in instellingen["task_handlers"]


def test_with_sentry_dsn_sentry_reports_instead_of_mail():
    instellingen = _instellingen(SENTRY_DSN="https://publiekesleutel@sentry.example.invalid/42")

    assert instellingen["sentry"] is True
    assert "mail_admins" not in instellingen["request_handlers"]
    assert "mail_admins" not in instellingen["task_handlers"]


def test_database_connections_are_health_checked_and_connecting_is_bounded():
    postgres = _instellingen(DATABASE_URL="postgres://postgres@127.0.0.1:5999/koplopers_x")

    assert postgres["health_checks"] is True
    assert postgres["db_options"]["connect_timeout"] == 3
