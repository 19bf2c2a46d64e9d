"""The request an audited write happens in: the middleware keeps it here for the trail."""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest, HttpResponse

from core import http

_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)


def client_address() -> str | None:
    """The address of the request being handled, or None outside a request."""
    request = _request.get()
    if request is None:
        return None
    return http.client_address(request) or None


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
