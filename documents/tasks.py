"""Background work of the documents, run by `loften db_worker` in production."""

from django_tasks import task

from documents.model import Document
from documents.services import document_render


@task()
def document_render_later(doc_json: str, fmt: str) -> int:
    """Render a long document and keep its file; returns its size in bytes."""
    return len(document_render(Document.from_json(doc_json), fmt))
