"""What every open data response carries: CORS for GET from any origin, an ETag of its
content and a Last-Modified, so that clients poll cheaply (304 Not Modified)."""

import hashlib
from collections.abc import Callable
from datetime import datetime, time

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from audit.selectors import latest_change_at

PREFIX = "/api/"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
    "Access-Control-Max-Age": "86400",
}
# Figures of the situation picture change when evidence is imported, which is not in the
# audit trail: those answers carry an ETag only.
WITHOUT_LAST_MODIFIED = ("/api/v1/situation-pictures/",)


def last_change() -> datetime:
    """When published data last changed, as far as it can have: the newest write in the
    audit trail, and no earlier than today's start (progress is reckoned by the day)."""
    newest = latest_change_at()
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return max(newest, midnight) if newest else midnight


class OpenDataMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = self._conditional(request, self.get_response(request))
        for name, value in CORS.items():
            response[name] = value
        return response

    def _conditional(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming or response.get("Content-Type", "").startswith("text/html"):
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        modified = None
        if not request.path.startswith(WITHOUT_LAST_MODIFIED):
            modified = last_change().timestamp()
            response["Last-Modified"] = http_date(modified)
        conditional = get_conditional_response(
            request, etag=etag, last_modified=int(modified) if modified else None, response=response
        )
        return conditional or response
