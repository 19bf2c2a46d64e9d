import io
from datetime import date

import pdfplumber
import pytest

from conftest import Cast, client_for
from situation.tests.factories import complaint, event
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db


def test_the_picture_prints_as_a_tagged_pdf_with_its_figures(cast: Cast) -> None:
    for day in (1, 2, 3):
        complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, day), text="Hemlig text om Anna.")
    event(cast.eslov, Problem.SPEEDING, date(2016, 4, 1))
    event(cast.eslov, Problem.BURGLARY, date(2016, 4, 1))
    response = client_for(cast.coordinator, language="sv").get("/arbete/lagesbild/eslov/2016/pdf/")
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert pdf.metadata.get("Title") == "Lägesbild Eslöv 2016"
        catalog = pdf.doc.catalog
        # Tagged for screen readers, in Swedish (PDF/UA).
        assert "StructTreeRoot" in catalog and "MarkInfo" in catalog
        assert catalog["Lang"] == b"sv"
    assert "Lägesbild Eslöv 2016" in text
    assert "Hastighetsöverträdelser" in text and "Inbrott" in text
    assert text.index("Hastighetsöverträdelser") < text.index("Inbrott")
    assert "Sida 1 av 1" in text
    assert "Hemlig" not in text  # figures, not records
