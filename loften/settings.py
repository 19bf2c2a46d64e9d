"""Settings for Löften: every knob is an environment variable (see .env.example)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

from core.env import env_bool, env_int, env_list, env_str, tile_origins

# Lets admin, form and feed classes take their model as a type argument at run time too.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
# A .env file beside the code (or the file ENV_FILE names; none if it is empty) fills in
# what the real environment leaves unset.
ENV_FILE = env_str("ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    load_dotenv(ENV_FILE, override=False)

DEBUG = env_bool("DEBUG", False)
DEMO_MODE = env_bool("DEMO_MODE", DEBUG)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is false: set it in the environment or in .env "
            "(`make run` writes a development .env; see .env.example)."
        )
    SECRET_KEY = "insecure-demo-key-only-for-DEBUG-true"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The admin, with its login rate-limited like the staff login (loften/admin_site.py).
    "loften.admin_site.LoftenAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "loften",
    "core",
    "places",
    "accounts",
    "promises",
    "portal",
    "audit",
    "imports",
    "situation",
    "documents",
    "followup",
    "api",
    "ninja",
]

MIDDLEWARE = [
    # First: every log line written while the request is answered carries its id.
    "core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that answers, so that every answer (a refusal too) is in the
    # request's language.
    "loften.middleware.LanguageMiddleware",
    # A NUL in a path, query or form is refused with 400 before anything reads it; other
    # control characters are dropped from query and form values.
    "loften.middleware.RefuseNulMiddleware",
    "loften.middleware.CleanControlsMiddleware",
    # Anonymous reads from the replica, when there is one (core.replicas).
    "core.replicas.ReplicaMiddleware",
    # Public pages and open data answered from the cache for anonymous visitors, before
    # anything reads the session or the database (core.pagecache).
    "core.pagecache.PageCacheMiddleware",
    # The open data API's CORS, ETag and Last-Modified (outside everything else, so that it
    # sees the final answer).
    "api.middleware.OpenDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorRequiredMiddleware",
    "audit.context.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Turns a rate-limited request into RATELIMIT_VIEW's "429 Too many requests".
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "loften.urls"
WSGI_APPLICATION = "loften.wsgi.application"

# Django's widget templates, with a required one-choice list chosen and no maxlength cuts.
FORM_RENDERER = "core.renderers.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "loften.context_processors.site",
            ],
        },
    },
]

(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'loften.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
# A PostgreSQL streaming replica for the public pages' reads (core.replicas); writes, staff
# and every client for REPLICA_PIN_SECONDS after it wrote read from the primary.
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(
            env_str("DATABASE_REPLICA_URL"), conn_max_age=env_int("CONN_MAX_AGE", 0)
        ),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["core.replicas.ReplicaRouter"]
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when given, holds every cache: rate limits, rendered documents and public pages,
# shared by all processes and app servers.
REDIS_URL = env_str("REDIS_URL")
_REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
# A cache shared by all processes, for rate limits: a database table by default (nothing
# to install; `loften migrate` makes it, in core.migrations), Redis in larger setups.
CACHES = {
    "default": (
        _REDIS
        if REDIS_URL and not env_str("CACHE_BACKEND")
        else {
            "BACKEND": env_str("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
            "LOCATION": env_str("CACHE_LOCATION", "loften_cache"),
        }
    ),
    # Rendered public pages (core.pagecache). Without Redis they are kept in the process's
    # memory when PAGE_CACHE=local (the demo: one process), else not at all: memory of one
    # process cannot tell another that a page changed.
    "pages": (
        {**_REDIS, "KEY_PREFIX": env_str("PAGE_CACHE_PREFIX", "loften")}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
        if env_str("PAGE_CACHE", "local" if DEBUG else "off") == "local"
        else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    ),
}
# How long a rendered page is kept at most (a write makes it stale at once anyway).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How many rendered pages each process also keeps in its own memory (a hit then reads only
# their versions from the shared cache).
PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 200)
# How long a request waits for another that is rendering the same stale page, at most,
# before it renders the page itself.
PAGE_RENDER_WAIT_SECONDS = env_int("PAGE_RENDER_WAIT_SECONDS", 3)
# How long a proxy or CDN may serve a public page before it asks again (s-maxage); 0: it
# asks every time, and gets a 304 when the page is unchanged.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 0)
# What names this deploy (e.g. the commit); without it, a digest of the code is taken.
RELEASE = env_str("RELEASE")

AUTHENTICATION_BACKENDS = [
    # Counts failed logins per account and per address and refuses while locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to Argon2 at the next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "promises:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = env_str("LANGUAGE_CODE", "sv")
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of sv, en, not {LANGUAGE_CODE!r}")
LOCALE_PATHS = [BASE_DIR / "locale"]
# The project's own date and number formats per language (loften/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = "loften.formats"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic gathers the static files and writes their manifest.
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Uploads: no page accepts a file over UPLOAD_LIMIT_BYTES (imports/limits.py holds each
# page's own limit), so reading a request body stops there (core/uploads.py).
UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.uploads.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Logins: sessions end after SESSION_COOKIE_AGE seconds without use.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True

# Two-factor authentication (TOTP): administrators and coordinators must use it unless the
# site runs as the demo.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEMO_MODE)
OTP_TOTP_ISSUER = "Löften"

# Lockout after repeated failed logins, per account and per address.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False
# Count each client by its own address, also behind a proxy (core.http.client_address).
AXES_CLIENT_IP_CALLABLE = "core.http.client_address"

# The situation picture (docs/situation.md): the police's open events feed, fetched every
# POLICE_EVENTS_INTERVAL_MINUTES by a background task, and the map's tile server.
POLICE_EVENTS_URL = env_str("POLICE_EVENTS_URL", "https://polisen.se/api/events")
POLICE_EVENTS_INTERVAL_MINUTES = env_int("POLICE_EVENTS_INTERVAL_MINUTES", 60)
POLICE_EVENTS_TIMEOUT_SECONDS = env_int("POLICE_EVENTS_TIMEOUT_SECONDS", 30)
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
# The map's tiles are images from the tile server: the CSP must let them in.
MAP_TILE_SOURCES = tile_origins(MAP_TILE_URL)

# Follow-ups (docs/reports.md): a follow-up is due FOLLOW_UP_DUE_DAYS after its period ends;
# reminders go out FOLLOW_UP_REMINDER_DAYS before that. The daily run (drafts, reminders)
# starts at FOLLOW_UP_RUN_HOUR local time. E-mails link to pages under SITE_URL.
FOLLOW_UP_DUE_DAYS = env_int("FOLLOW_UP_DUE_DAYS", 14)
FOLLOW_UP_REMINDER_DAYS = env_int("FOLLOW_UP_REMINDER_DAYS", 5)
FOLLOW_UP_RUN_HOUR = env_int("FOLLOW_UP_RUN_HOUR", 6)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Printed documents (docs/reports.md): kept DOCUMENT_CACHE_SECONDS under a digest of what
# they show; those longer than DOCUMENT_INLINE_SIZE blocks and table rows are rendered by the
# background worker, queued at most once per DOCUMENT_QUEUE_SECONDS.
DOCUMENT_CACHE_SECONDS = env_int("DOCUMENT_CACHE_SECONDS", 7 * 24 * 3600)
DOCUMENT_INLINE_SIZE = env_int("DOCUMENT_INLINE_SIZE", 300)
DOCUMENT_QUEUE_SECONDS = env_int("DOCUMENT_QUEUE_SECONDS", 600)

# The open data API (docs/api.md): requests per address and minute (or "/h", "/d").
API_RATE = env_str("API_RATE", "120/m")
# Whose address is counted: core.http.client_address (TRUST_X_FORWARDED_FOR, set below).

# HTTPS and browser protections. Production defaults are the strict ones; `loften check
# --deploy` reports nothing with DEBUG=false, a strong SECRET_KEY and ALLOWED_HOSTS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page uses are switched off for every page and anything it embeds;
# the report form's "use my position" keeps geolocation, for our own origin alone.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere: the pages load their own files and nothing else.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MAP_TILE_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# E-mail (password reset). The console backend prints mails, for the demo.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "loften@localhost")
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60)

# Rate limits on public forms (requests per address), counted in the cache.
RATELIMIT_VIEW = "loften.views.rate_limited"
# Every limit counts the client's own address, also behind a proxy.
RATELIMIT_IP_META_KEY = "core.http.rate_limit_address"
SEARCH_RATE = env_str("SEARCH_RATE", "120/m")
LOGIN_RATE = env_str("LOGIN_RATE", "30/m")
PASSWORD_RESET_RATE = env_str("PASSWORD_RESET_RATE", "5/h")


# How long personal data is kept before `loften purge` removes it (docs/personal-data.md).
RETENTION_AUDIT_ADDRESS_DAYS = env_int("RETENTION_AUDIT_ADDRESS_DAYS", 180)
RETENTION_LOGIN_RECORDS_DAYS = env_int("RETENTION_LOGIN_RECORDS_DAYS", 90)
RETENTION_INACTIVE_ACCOUNT_DAYS = env_int("RETENTION_INACTIVE_ACCOUNT_DAYS", 365)
# Who answers for personal data, shown on the public privacy page.
# The demo names a fictional one, as it does the accessibility contact below.
DATA_CONTROLLER = env_str(
    "DATA_CONTROLLER", "Löftens demonstrationsinstallation (påhittad)" if DEMO_MODE else ""
)
PRIVACY_CONTACT_EMAIL = env_str(
    "PRIVACY_CONTACT_EMAIL", "dataskydd@example.org" if DEMO_MODE else ""
)
# Where to report accessibility problems, on the accessibility statement (/tillganglighet/).
# The demo shows an address that reaches no one (example.org is reserved for examples), so
# its statement reads as a real one does; a deployment names its own, or is warned (W002).
ACCESSIBILITY_CONTACT_EMAIL = env_str(
    "ACCESSIBILITY_CONTACT_EMAIL", "tillganglighet@example.org" if DEMO_MODE else ""
)

# Behind a reverse proxy, take the client's address from the X-Forwarded-For header: the
# entry TRUSTED_PROXY_COUNT places from the right, the one the nearest proxy appended. The
# lockout, the rate limits, the audit trail and the API throttle all count by it
# (core.http.client_address). Only turn on when a proxy always sets the header.
# AUDIT_TRUST_X_FORWARDED_FOR is the older name of the switch, still read.
TRUST_X_FORWARDED_FOR = env_bool(
    "TRUST_X_FORWARDED_FOR", env_bool("AUDIT_TRUST_X_FORWARDED_FOR", False)
)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 1 or more")

# Logs on standard error, one JSON object a line (LOG_FORMAT=json, outside DEBUG) or plain
# text, each with the id of the request it was written for (core.logs). Every answered
# request is one line on `loften.requests` (REQUEST_LOG_LEVEL=WARNING turns that off).
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            # ISO 8601 in UTC, to the millisecond.
            "timestamp": "time",
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"loften.requests": {"level": env_str("REQUEST_LOG_LEVEL", "INFO")}},
}
