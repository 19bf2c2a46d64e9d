"""Project-wide views: the answer to a rate-limited request, and a health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Too many requests from one address in a short time: say so, and when to retry."""
    return render(request, "429.html", status=429)


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
