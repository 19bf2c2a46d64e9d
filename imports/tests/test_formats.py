"""Word and PDF inputs read like text; a PDF without a text layer is refused clearly."""

from pathlib import Path
from typing import Any

import pytest

from imports.readers import ReadError, read_text
from imports.reading import parse_text
from imports.tests.documents import write_blank_pdf, write_docx, write_pdf

LINES = [
    "Bakgrund",
    "Trygghetsmätningen visade oro för mopedåkning i Östra Exempelby.",
    "Aktiviteter",
    "• Tolv trafikkontroller med inriktning på mopeder.",
    "• Två trygghetsvandringar tillsammans med bostadsbolaget.",
    "Uppföljning",
    "Löftet följs upp kvartalsvis.",
    "3 mars 2024",
    "Karin Exempel",
    "Lokalpolisområdeschef",
]


def _check(document: dict[str, Any]) -> None:
    assert document["year"] == 2024
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("traffic_control", 12),
        ("safety_walk", 2),
    ]
    assert document["activities"][0]["focus"] == ["mopeds"]
    assert document["follow_up"] == "quarterly"
    assert document["signed_on"] == "2024-03-03"
    assert document["signatories"] == [{"name": "Karin Exempel", "title": "Lokalpolisområdeschef"}]


def test_word_document(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "loften.docx", "Medborgarlöfte för Exempelby 2024", LINES)
    _check(parse_text(read_text(path))["documents"][0])


def test_pdf_with_a_text_layer(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "loften.pdf", ["Medborgarlöfte för Exempelby 2024", *LINES])
    _check(parse_text(read_text(path))["documents"][0])


def test_pdf_without_text_layer_is_refused_clearly(tmp_path: Path) -> None:
    path = write_blank_pdf(tmp_path / "skannad.pdf")
    with pytest.raises(ReadError, match="no text layer"):
        read_text(path)


@pytest.mark.parametrize("name", ["trasig.docx", "trasig.pdf"])
def test_broken_word_and_pdf_files_are_refused_clearly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(
        b"PK\x03\x04 not really a zip" if name.endswith(".docx") else b"%PDF-1.4\n garbage"
    )
    with pytest.raises(ReadError, match=f"{name}: not a readable"):
        read_text(path)
