"""The test suite: fast hashing, in-memory mail and cache, SQLite unless DATABASE_URL is set."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("DEBUG", "false")

from .base import *  # noqa: E402,F403
from .base import DATABASES, STORAGES, env  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/koplopers-test-media")  # noqa: S108
DEMO_DATA_ALLOWED = True
# Tasks run at once in the test process (on commit); tests of the real queue switch to the db backend.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}

# A worker process started by a test (tests/post) gets its queue and mail server from these variables.
if os.environ.get("TEST_TASKS_BACKEND") == "db":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
if os.environ.get("TEST_SMTP_PORT"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ["TEST_SMTP_PORT"]), "timeout": 5},
        }
    }

# On SQLite the test database is a file, so that a worker process started by a test can open it too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": f"/tmp/koplopers-test-{os.getpid()}.sqlite3"}  # noqa: S108

# The permission matrix makes hundreds of requests from one address: no rate limit in tests
# (tests/api/test_api.py switches it on with override_settings).
API_TEMPOLIMIET = 0
