"""Project-wide views: the answer to a request too large or otherwise unreadable, to a
rate-limited request, and the health and readiness checks."""

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_safe

from imports.limits import MB, TEXT_FILE_BYTES


def _megabytes(size: int) -> str:
    """ "2,5 MB", "20 MB": a limit in megabytes, in the language's decimal sign."""
    value = size / MB
    return f"{number_format(int(value) if value.is_integer() else round(value, 1))}\xa0MB"


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page, except for a form past DATA_UPLOAD_MAX_MEMORY_SIZE: that one is
    answered 413 with the limit, and on the import page with the way round it (a file)."""
    if not isinstance(exception, RequestDataTooBig):
        return defaults.bad_request(request, exception)
    # The middleware reading the form meets the limit first, before the session and the
    # user are known: the answer is a page of its own, not the page's form.
    limit = _megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    start = reverse("imports:start")
    if request.path_info == start:
        context = {
            "heading": _("The pasted text is too long"),
            "message": _(
                "A form takes at most %(limit)s, and the pasted text is longer. Save it as "
                "a file (.txt, .html, .docx or .pdf) and upload it instead: a file may be "
                "up to %(file_limit)s."
            )
            % {"limit": limit, "file_limit": _megabytes(TEXT_FILE_BYTES)},
            "back": start,
            "back_label": _("Bring in another text"),
        }
    else:
        context = {
            "heading": _("The form is too large"),
            "message": _(
                "A form takes at most %(limit)s. Shorten what was entered and send it again."
            )
            % {"limit": limit},
        }
    return render(request, "400.html", context, status=413)


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Too many requests from one address in a short time: say so, and when to retry."""
    return render(request, "429.html", status=429)


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - reported, without its message (it may
        # hold the connection's address or user)
        return f"unreachable ({type(error).__name__})"
    return "ok"


def _cache(alias: str) -> str:
    store = caches[alias]
    if type(store).__name__ == "DummyCache":
        return "off"
    try:
        store.set("loften:ready", "yes", 10)
        return "ok" if store.get("loften:ready") == "yes" else "not keeping values"
    except Exception as error:  # noqa: BLE001 - as for the database
        return f"unreachable ({type(error).__name__})"


def _pending_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """For a load balancer deciding whether to send this server requests: the database and
    every cache answer, and no migration is waiting (the code would read tables that are not
    there yet). 200 when ready, else 503; the body says what is wrong."""
    database = _database()
    found = {
        "database": database,
        "caches": {alias: _cache(alias) for alias in settings.CACHES},
        "pending_migrations": _pending_migrations() if database == "ok" else [],
    }
    ready = (
        database == "ok"
        and all(state in ("ok", "off") for state in found["caches"].values())  # type: ignore[attr-defined]
        and not found["pending_migrations"]
    )
    return JsonResponse({"ready": ready, **found}, status=200 if ready else 503)
