"""Project-wide views: the answer to a request too large or otherwise unreadable, to a
rate-limited request, and a health check."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import HttpRequest, HttpResponse
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
