"""The answer to a download: the document's file, or a page that waits for it. Each app's
own views decide who may read a document and build it; this only delivers it."""

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render

from core.downloads import file_name_header
from documents.model import Document
from documents.services import FORMATS, document_file


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
    response["Content-Disposition"] = file_name_header(doc.file_stem, fmt, inline=fmt == "pdf")
    response["ETag"] = etag
    return response
