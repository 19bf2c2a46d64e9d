"""Printed documents, public and internal, as PDF or Word. Who may read what is decided as
for the pages they print: the public selectors for the public, the permission module and
the staff selectors for staff."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts import permissions
from documents import builders
from documents.model import Document
from documents.services import FORMATS, document_file
from followup import selectors as followup_selectors
from followup.views import evaluation_for_viewer, follow_up_for_viewer
from places.models import Municipality
from promises import selectors as promise_selectors
from situation import selectors as situation_selectors


def document_response(request: HttpRequest, doc: Document, fmt: str) -> HttpResponse:
    """The document's file, or a page that waits for it while the worker renders it. The
    digest of its content is its ETag, so a client that has it is told so."""
    etag = f'"{doc.fingerprint()}-{fmt}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    data = document_file(doc, fmt)
    if data is None:
        return render(request, "documents/preparing.html", {"doc": doc}, status=202)
    response = HttpResponse(data, content_type=FORMATS[fmt][0])
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{doc.file_stem}.{fmt}"'
    response["ETag"] = etag
    return response


# Public documents: only what is published.


@require_safe
def public_promise(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    promise = promise_selectors.public_promise(slug, year)
    if promise is None:
        raise Http404
    doc = builders.promise_document(promise, timezone.localdate())
    return document_response(request, doc, fmt)


@require_safe
def public_follow_up(
    request: HttpRequest, slug: str, year: int, number: int, fmt: str
) -> HttpResponse:
    found = followup_selectors.public_follow_up(slug, year, number)
    if found is None:
        raise Http404
    return document_response(request, builders.follow_up_document(found), fmt)


@require_safe
def public_evaluation(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    promise = promise_selectors.public_promise(slug, year)
    found = followup_selectors.public_evaluation_of(promise) if promise else None
    if found is None:
        raise Http404
    return document_response(request, builders.evaluation_document(found, public=True), fmt)


@require_safe
def public_picture(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    if not situation_selectors.is_published(municipality, year):
        raise Http404
    doc = builders.picture_document(
        situation_selectors.year_picture(municipality, year),
        answered=situation_selectors.answering_promises(municipality, year, public=True),
        public=True,
        period_label=str(year),
        before_label=str(year - 1),
    )
    return document_response(request, doc, fmt)


# Internal documents: drafts included, for those who may read them.


@require_safe
@login_required
def staff_promise(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    permissions.require_staff(request)
    promise = promise_selectors.staff_promise_document(request.user, pk)
    if promise is None:
        raise Http404
    doc = builders.promise_document(promise, timezone.localdate())
    return document_response(request, doc, fmt)


@require_safe
@login_required
def staff_follow_up(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    found = follow_up_for_viewer(request, pk)
    return document_response(request, builders.follow_up_document(found), fmt)


@require_safe
@login_required
def staff_evaluation(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    found = evaluation_for_viewer(request, pk)
    return document_response(request, builders.evaluation_document(found, public=False), fmt)
