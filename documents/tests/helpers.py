"""Reading documents back as a person (or a screen reader) would: their text and tags."""

import io
from typing import Any

import pdfplumber
from docx import Document as read_docx


def pdf_text(data: bytes) -> tuple[str, dict[str, Any], Any]:
    """The PDF's text, its metadata and its catalog (for the tags)."""
    assert data.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        images = sum(len(page.images) for page in pdf.pages)
        return text, {**pdf.metadata, "images": images}, pdf.doc.catalog


def docx_text(data: bytes) -> tuple[str, Any]:
    """The Word file's text (paragraphs, tables, header and footer) and the document."""
    document = read_docx(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    section = document.sections[0]
    parts += [p.text for p in section.header.paragraphs]
    parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts), document


def assert_tagged(metadata: dict[str, Any], catalog: Any, title: str, language: bytes) -> None:
    """PDF/UA's essentials: a structure tree, marked content, the title shown, a language."""
    assert metadata.get("Title") == title
    assert "StructTreeRoot" in catalog and "MarkInfo" in catalog
    assert catalog["Lang"] == language
    viewer = catalog.get("ViewerPreferences")
    if hasattr(viewer, "resolve"):
        viewer = viewer.resolve()
    assert viewer is not None and viewer.get("DisplayDocTitle") is True, viewer
