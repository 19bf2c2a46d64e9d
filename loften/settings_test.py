"""Settings for the test suite: the real settings with a fixed key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DEMO_MODE", "true")

from loften.settings import *  # noqa: E402,F403
from loften.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files from the source folders; no collectstatic in tests.
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
# The suite calls the API far more often than any client may.
API_RATE = "100000/m"
# The suite's tests share no cache: rate limits count in each test's own database table, and
# rendered pages are not kept, except where core/tests/test_page_cache.py turns the page cache
# on (in Redis when REDIS_URL is set, as in CI).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "loften_cache",
    },
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# One line per request would bury a failing test's own output.
LOGGING = {**LOGGING, "loggers": {"loften.requests": {"level": "WARNING"}}}  # noqa: F405
