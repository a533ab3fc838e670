"""Production: everything from the environment, HTTPS enforced, no demo data."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
DEMO_DATA_ALLOWED = False

# The cache is shared by every process that serves the portal: the public data version lives there
# (gemeenten.selectors.publieke_versie), so a write made through one worker is seen by the others at
# once. Without CACHE_URL (one server): a file cache on this machine's disk, shared by its gunicorn
# workers. Several servers need a cache they all reach: CACHE_URL=redis://… (see README "In productie").
if not env("CACHE_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", default="/var/cache/koploperportaal"),
        }
    }
