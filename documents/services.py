"""Rendering with a cache: a document's file is kept under the digest of what it shows, so
it is rendered again exactly when its data (or the day it is printed) changes. A long
document is rendered by the background worker while the reader waits on a short page."""

from django.conf import settings
from django.core.cache import cache

from documents.model import Document
from documents.rendering import pdf_of
from documents.word import docx_of

FORMATS = {
    "pdf": ("application/pdf", pdf_of),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx_of,
    ),
}


def _key(doc: Document, fmt: str) -> str:
    return f"document:{fmt}:{doc.fingerprint()}"


def document_render(doc: Document, fmt: str) -> bytes:
    """Render the document now and keep the file for the next reader."""
    data = FORMATS[fmt][1](doc)
    key = _key(doc, fmt)
    cache.set(key, data, settings.DOCUMENT_CACHE_SECONDS)
    cache.delete(f"{key}:queued")
    return data


def document_file(doc: Document, fmt: str) -> bytes | None:
    """The document's file: kept from an earlier rendering, rendered now when the document
    is short, or None while the background worker renders a long one (queued once)."""
    key = _key(doc, fmt)
    data: bytes | None = cache.get(key)
    if data is not None:
        return data
    if doc.size() <= settings.DOCUMENT_INLINE_SIZE:
        return document_render(doc, fmt)
    if cache.add(f"{key}:queued", True, timeout=settings.DOCUMENT_QUEUE_SECONDS):
        from documents.tasks import document_render_later

        document_render_later.enqueue(doc.to_json(), fmt)
    found: bytes | None = cache.get(key)  # a worker in this process may have finished
    return found
