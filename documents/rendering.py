"""Rendering pages to tagged PDF with WeasyPrint: A4, the interface language, PDF/UA-1."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string


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
