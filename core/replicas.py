"""Public reads on a PostgreSQL streaming replica, everything else on the primary.

With DATABASE_REPLICA_URL set, an anonymous GET or HEAD (no session, not just after a
write) reads from the replica: those are the public pages the news brings readers to.
Everything else stays on the primary: every write, every logged-in user, and every request
of a client for REPLICA_PIN_SECONDS after it wrote (a cookie says so), so that the page after
a form shows what the form saved. A public page rendered for the page cache right after a
write also reads from the primary (core.pagecache), so no page older than the write is
stored under its new version.

The replica lags the primary by a moment; REPLICA_PIN_SECONDS must be longer than the lag
ever gets (watch `pg_stat_replication.replay_lag`)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

REPLICA = "replica"
PRIMARY = "default"
# Set on the answer to a write: for a while after, this client reads from the primary.
PIN_COOKIE = "loften_primary"
_SAFE = ("GET", "HEAD", "OPTIONS")
_reading: ContextVar[str] = ContextVar("reading", default=PRIMARY)


def configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def primary() -> Iterator[None]:
    """Reads within read from the primary, whatever the request would read from."""
    token = _reading.set(PRIMARY)
    try:
        yield
    finally:
        _reading.reset(token)


class ReplicaRouter:
    """Reads go where the request's middleware decided; writes and migrations to the
    primary. The replica is the same database a moment ago, so relations hold across."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        return _reading.get()

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY


class ReplicaMiddleware:
    """Decides where this request reads (see the module's doc)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not configured():
            return self.get_response(request)
        cookies = request.COOKIES
        public_read = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in cookies
            and PIN_COOKIE not in cookies
        )
        token = _reading.set(REPLICA if public_read else PRIMARY)
        try:
            response = self.get_response(request)
        finally:
            _reading.reset(token)
        if request.method not in _SAFE:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
