"""The test suite: fast hashing, in-memory mail and cache, SQLite unless DATABASE_URL is set."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("DEBUG", "false")

from .base import *  # noqa: E402,F403
from .base import STORAGES, env  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/koplopers-test-media")  # noqa: S108
DEMO_DATA_ALLOWED = True

# The permission matrix makes hundreds of requests from one address: no rate limit in tests
# (tests/api/test_api.py switches it on with override_settings).
API_TEMPOLIMIET = 0
