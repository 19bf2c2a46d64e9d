"""Swedish first: the interface is Swedish unless the visitor chose English themselves; no
request carrying a NUL character gets past the door, and no other control character gets
into a form's or a query's values."""

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from api.middleware import PREFIX as API_PREFIX
from lib.text import without_controls

if TYPE_CHECKING:
    from django.http.request import _ImmutableQueryDict


def _language(request: HttpRequest) -> str:
    """The language the visitor picked (cookie), else LANGUAGE_CODE. A client of the open
    data API has no language button: there, and only there, it may ask in Accept-Language."""
    if request.path.startswith(API_PREFIX):
        return translation.get_language_from_request(request)
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Use the language the visitor picked; never guess from the browser on the site's
    pages, since a Swedish public service speaks Swedish unless asked not to."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = _language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        api = request.path.startswith(API_PREFIX)
        patch_vary_headers(response, ("Cookie", "Accept-Language") if api else ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


def _posts_form(request: HttpRequest) -> bool:
    return request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    )


def _holds_nul(request: HttpRequest) -> bool:
    """Whether the path, a query parameter or a form field (name or value) holds NUL."""
    if "\x00" in request.path:
        return True
    fields = [request.GET]
    if _posts_form(request):
        fields.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for data in fields
        for key, values in data.lists()
    )


class RefuseNulMiddleware:
    """No text Löften stores or looks up may hold a NUL character: PostgreSQL refuses it
    with a server error, and no person types one. Such a request is answered 400 at once,
    before any view reads it, for every form, query parameter and path alike."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request):
            message = _("The request holds a NUL character, which no field accepts.")
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"detail": message}, status=400)
            # A page of the site, with a way back, rather than a bare line of text.
            return render(
                request,
                "400.html",
                {"heading": _("The request cannot be read"), "message": message},
                status=400,
            )
        return self.get_response(request)


def _cleaned(data: "_ImmutableQueryDict") -> "_ImmutableQueryDict":
    """The same fields, names and values without control characters (the same object
    when there were none)."""
    pairs = [(key, value) for key, values in data.lists() for value in values]
    if all(without_controls(k) == k and without_controls(v) == v for k, v in pairs):
        return data
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, value in pairs:
        cleaned.appendlist(without_controls(key), without_controls(value))
    cleaned._mutable = False
    return cast("_ImmutableQueryDict", cleaned)


class CleanControlsMiddleware:
    """Text pasted from a word processor carries control characters (a vertical tab for
    a line break) that nobody sees, and a feed or Word file holding one cannot be written.
    Every query and form value is taken without them (tab and line breaks stay), so no
    form or lookup has to remember to. Runs after RefuseNulMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.GET = _cleaned(request.GET)
        if _posts_form(request):
            request.POST = _cleaned(request.POST)
        return self.get_response(request)
