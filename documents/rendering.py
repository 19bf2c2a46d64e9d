"""Rendering pages to tagged PDF with WeasyPrint: A4, the interface language, PDF/UA-1."""

import base64
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from documents.model import Document


def render_pdf(template: str, context: dict[str, Any], request: HttpRequest | None = None) -> bytes:
    """Render a template (a whole HTML document with its own print CSS) to a tagged PDF.

    PDF/UA-1 makes WeasyPrint tag the structure for screen readers and take the title and
    language from the document's <title> and <html lang>.
    """
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    base = request.build_absolute_uri("/") if request is not None else None
    document: bytes = HTML(string=html, base_url=base).write_pdf(pdf_variant="pdf/ua-1")
    return document


def pdf_of(doc: Document) -> bytes:
    """A document as tagged A4 PDF: its logo and title on the first page, who it is from
    and what it is on every page's head, the printing date and page numbers at its foot."""
    from weasyprint import HTML

    doc = doc.printable()
    logo_uri = ""
    if doc.logo:
        logo_uri = f"data:{doc.logo_type};base64,{base64.b64encode(doc.logo).decode()}"
    with translation.override(doc.language):
        html = render_to_string(
            "documents/document.html",
            {
                "doc": doc,
                "logo_uri": logo_uri,
                "page_word": _("Page"),
                "of_word": _("of"),
            },
        )
    result: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return result
