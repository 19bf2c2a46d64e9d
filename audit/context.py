"""The request an audited write happens in: the middleware keeps it here for the trail."""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)


def client_address() -> str | None:
    """The address of the request being handled, or None outside a request."""
    request = _request.get()
    if request is None:
        return None
    if settings.AUDIT_TRUST_X_FORWARDED_FOR:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            # The proxy appends the address it saw; that last entry is the one it vouches for.
            return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def current_user() -> Any:
    """The logged-in user of the request being handled, or None."""
    request = _request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class AuditContextMiddleware:
    """Keeps the request at hand for the audit trail while it is handled."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
