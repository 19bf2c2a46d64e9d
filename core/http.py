"""What every page shares about HTTP, whatever its app: allowed methods and whose address a
request comes from."""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.views.decorators.http import require_http_methods

# A page with a form: shown with GET (or HEAD), sent with POST, nothing else.
FORM_METHODS = require_http_methods(["GET", "HEAD", "POST"])


def _forwarded_address(header: str, proxies: int) -> str | None:
    """The entry the nearest trusted proxy appended, counted from the right; None when the
    header is too short or that entry is no IP address. Entries further left are whatever
    the client sent, so they are never read."""
    entries = [entry.strip() for entry in header.split(",")]
    if proxies < 1 or len(entries) < proxies:
        return None
    try:
        return str(ipaddress.ip_address(entries[-proxies]))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address of the client: the connection's, or, where TRUST_X_FORWARDED_FOR says a
    proxy sets X-Forwarded-For, the entry that proxy added. Used alike by the lockout, the
    rate limits, the audit trail and the API throttle, so they all count the same client."""
    remote = request.META.get("REMOTE_ADDR") or ""
    if not settings.TRUST_X_FORWARDED_FOR:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return _forwarded_address(forwarded, settings.TRUSTED_PROXY_COUNT) or remote


def rate_limit_address(request: HttpRequest) -> str:
    """The client address for django-ratelimit, which cannot count a missing one: with no
    address at all (gunicorn on a Unix socket, no trusted header) every client would share one
    counter, so the setup is refused instead."""
    address = client_address(request)
    if not address:
        raise ImproperlyConfigured(
            "The request has no client address: behind a proxy on a Unix socket, set "
            "TRUST_X_FORWARDED_FOR=true and have the proxy set X-Forwarded-For."
        )
    return address
