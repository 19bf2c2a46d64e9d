"""Logs a machine can read: each line one JSON object (python-json-logger), and every line
written while a request is answered carries that request's id, the one the proxy sent in
X-Request-ID or one made here, so that an error is found from the id a user or the proxy's
log gives. Each answered request is logged once, on `loften.requests`, with its status and
time."""

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponseBase

HEADER = "X-Request-ID"
# An id the proxy sends is kept when it is short and plain; anything else is replaced, so
# that no client writes what it likes into the logs.
_PLAIN_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_current: ContextVar[str] = ContextVar("request_id", default="")
requests_log = logging.getLogger("loften.requests")


def current_request_id() -> str:
    return _current.get()


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


class RequestIdMiddleware:
    """First of all middleware: names the request, answers with its id, and logs it once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        given = request.headers.get(HEADER, "")
        request_id = given if _PLAIN_ID.match(given) else uuid.uuid4().hex
        token = _current.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if requests_log.isEnabledFor(logging.INFO):
                requests_log.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            _current.reset(token)
