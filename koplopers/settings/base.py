"""Settings shared by every environment.

Every deployment difference is read from the environment (django-environ):
``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS``, ``DATABASE_URL``, ``CACHE_URL``,
``EMAIL_URL``, ``EMAIL_TIMEOUT``, ``DEFAULT_FROM_EMAIL``, ``MAP_TILE_URL``, ``TRUSTED_PROXY_COUNT``, ``ADMINS``,
``SENTRY_DSN``, ``LOG_LEVEL``, ``TASKS_BACKEND``, ``TASKS_REDIS_URL``, ``AANKOMST_HEADER``.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# How many reverse proxies of our own stand in front of the app (each appends to X-Forwarded-For).
# 0: the client's address is REMOTE_ADDR. Used by the login throttle (koplopers/accounts/throttle.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

INSTALLED_APPS = [
    # Without GDAL, django-leaflet's admin module cannot be imported, so the
    # admin does not autodiscover: every app registers its admin in ready(). The site is
    # koplopers.admin_site.PortaalAdminSite: only for accounts that passed two-factor authentication.
    "koplopers.apps.PortaalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # single-use backup codes for a lost phone
    "leaflet",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks_db",
    "koplopers",
    "koplopers.accounts",
    "koplopers.privacy",
    "koplopers.post",
    "gemeenten",
    "selectie",
    "selectie.beoordeling",
    "kennisbank",
]

MIDDLEWARE = [
    "koplopers.middleware.AankomstMiddleware",  # first: the moment a request arrived (deadlines count that)
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Below ConditionalGetMiddleware, so a private page gets no-store before an ETag could be added.
    "koplopers.accounts.middleware.GeenOpslagMiddleware",
    "koplopers.accounts.middleware.SessieInactiviteitMiddleware",
    "koplopers.accounts.middleware.TweestapsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Innermost: a lost database connection in a view or template becomes the 503 page.
    "koplopers.storingen.DatabasestoringMiddleware",
]

# A header with the time the reverse proxy received the request (see koplopers.middleware), e.g.
# HTTP_X_REQUEST_START; empty: the moment Django sees the request counts.
AANKOMST_HEADER = env("AANKOMST_HEADER", default="")

ROOT_URLCONF = "koplopers.urls"
WSGI_APPLICATION = "koplopers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "koplopers.context_processors.portaal",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A persistent connection that died (database restarted) is replaced at the next request, not used.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database host fails the request after this many seconds instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3)
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://koplopers")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # redis://… : Django's RedisCache with short timeouts that treats an unreachable Redis as a miss.
    CACHES["default"]["BACKEND"] = "koplopers.cache.StoringsbestendigeRedisCache"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "koplopers.accounts.throttle.InlogBlokkadeBackend",  # login throttling per address and per account
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
OTP_TOTP_ISSUER = "Koploperportaal"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # reset and confirmation links: one day
LOGIN_REDIRECT_URL = "home"
# Sessions of accounts that need two-factor authentication (programme staff, reviewers, admin accounts)
# end after this many seconds without a request (a working day); other sessions keep SESSION_COOKIE_AGE.
STAFF_SESSION_IDLE_TIMEOUT = env.int("STAFF_SESSION_IDLE_TIMEOUT", default=8 * 60 * 60)
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django 6.1 mailers, configured from EMAIL_URL (smtp+tls://user:pass@host:587, consolemail://).
_mail = env.email("EMAIL_URL", default="consolemail://")
_mail_options = {
    "host": _mail.get("EMAIL_HOST"),
    "port": _mail.get("EMAIL_PORT"),
    "username": _mail.get("EMAIL_HOST_USER"),
    "password": _mail.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _mail.get("EMAIL_USE_TLS"),
    "use_ssl": _mail.get("EMAIL_USE_SSL"),
}
MAILERS = {
    "default": {
        "BACKEND": _mail["EMAIL_BACKEND"],
        "OPTIONS": {key: value for key, value in _mail_options.items() if value},
    }
}
# Never wait longer than EMAIL_TIMEOUT seconds for the mail server (the MAILERS form of the old setting
# of that name; sending happens in the task worker anyway).
if MAILERS["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"]["timeout"] = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Koploperportaal <noreply@koploperportaal.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Public PDFs (WeasyPrint): at most this many renders at once per process; a request that finds no free
# place within PDF_WACHTTIJD seconds gets 503 with Retry-After. Cached PDFs are not limited.
PDF_GELIJKTIJDIG = env.int("PDF_GELIJKTIJDIG", default=1)
PDF_WACHTTIJD = env.float("PDF_WACHTTIJD", default=2.0)

# Background tasks (django.tasks): sending e-mail, rendering the confirmation PDF.
# TASKS_BACKEND=db (default): the queue is a table in the database, run `manage.py db_worker` (django-tasks-db).
# TASKS_BACKEND=rq: the queue is in Redis (TASKS_REDIS_URL), run `manage.py rqworker default` (django-tasks-rq).
# TASKS_BACKEND=immediate: run at once, in the process that enqueues (tests, or a quick local try-out).
TASKS_BACKEND = env("TASKS_BACKEND", default="db")
_TASK_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": env("TASKS_REDIS_URL", default="redis://127.0.0.1:6379/2")}}

MESSAGE_TAGS = {10: "info", 20: "info", 25: "succes", 30: "waarschuwing", 40: "fout"}

# Strict Content-Security-Policy: no inline script or style anywhere.
MAP_TILE_URL = env(
    "MAP_TILE_URL",
    default="https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png",
)
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    default='Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a> (BRT-Achtergrondkaart)',
)
MAP_BOUNDARY_ATTRIBUTION = "Grenzen: CBS / Kadaster (PDOK), CC BY 4.0"
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]) if MAP_TILE_URL else None
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"] + ([_tile_origin] if _tile_origin else []),
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (52.2, 5.3),
    "DEFAULT_ZOOM": 7,
    "MIN_ZOOM": 6,
    "MAX_ZOOM": 13,
    "TILES": [(_("Achtergrondkaart"), MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})] if MAP_TILE_URL else [],
    "RESET_VIEW": False,
    "NO_GLOBALS": True,
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Errors reach someone: Sentry when SENTRY_DSN is set, otherwise mail to ADMINS ("a@b.nl,c@d.nl").
ADMINS = env.list("ADMINS", default=[])
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    # The Django and logging integrations are on by default: 500s and ERROR log records (a failed task)
    # become events. No personal data is sent.
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        send_default_pii=False,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
_foutmelders = [] if SENTRY_DSN else ["mail_admins"]

# key=value lines on stderr; outages can be counted with ``grep -c event=database_storing_begin``.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"sleutelwaarde": {"()": "koplopers.logboek.SleutelWaardeFormatter"}},
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "geen_storingsruis": {"()": "koplopers.storingen.GeenStoringsruis"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "sleutelwaarde"},
        "mail_admins": {
            "level": "ERROR",
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false"],
        },
    },
    "loggers": {
        # 500s (with traceback); not the 503s of a database outage, which koplopers.storingen reports once.
        "django.request": {
            "handlers": ["console", *_foutmelders],
            "filters": ["geen_storingsruis"],
            "level": "WARNING",
            "propagate": False,
        },
        # Failed background tasks.
        "django.tasks": {"handlers": ["console", *_foutmelders], "level": "WARNING", "propagate": False},
        # Outages: the start of a database outage is an ERROR (reported once), the rest is information.
        "koplopers.storingen": {"handlers": ["console", *_foutmelders], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# The open-data API (/api/v1/): requests per window per client address, and how long a response may be cached.
API_TEMPOLIMIET = env.int("API_TEMPOLIMIET", default=120)
API_TEMPOVENSTER = 60
API_CACHE_SECONDEN = 300
