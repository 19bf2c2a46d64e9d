"""A promise text whose count for an activity cannot be a yearly target is not stored as
read: the parser reports it as `implausible_figures`, with a warning, and leaves it out."""

from pathlib import Path

import pytest

from conftest import Cast
from imports.forms import ActivityRowForm
from imports.models import ImportedDocument
from imports.reading import parse_text
from imports.services import import_files
from promises.models import CitizenPromise

TEXT = """Medborgarlöften i Eslöv 2017
Lokalpolisområde Eslöv och kommunen lovar att
- genomföra 20170 trafikkontroller
- genomföra 4 trygghetsvandringar
"""


def test_the_parser_reports_a_target_past_the_bound_and_leaves_it_out() -> None:
    document = parse_text(TEXT)["documents"][0]
    controls, walks = document["activities"]
    assert controls["target"] is None and walks["target"] == 4
    assert document["implausible_figures"] == [
        {
            "text": "genomföra 20170 trafikkontroller",
            "field": "target",
            "value": 20170,
            "max": 10000,
        }
    ]
    assert any("20170" in warning for warning in document["warnings"])
    assert not any(w.startswith("No count found") for w in document["warnings"])


def test_a_figure_within_the_bound_is_not_reported() -> None:
    document = parse_text(TEXT.replace("20170", "10000"))["documents"][0]
    assert document["implausible_figures"] == []
    assert document["activities"][0]["target"] == 10000


@pytest.mark.django_db
def test_an_imported_text_stores_no_implausible_target_and_keeps_the_warning(
    cast: Cast, tmp_path: Path
) -> None:
    CitizenPromise.objects.filter(municipality=cast.eslov).delete()
    path = tmp_path / "eslov.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = import_files(paths=[path], municipality=cast.eslov, by=cast.coordinator)
    promise = result.created[0]
    controls = promise.activities.get(kind="traffic_control")
    assert controls.target is None
    warnings = ImportedDocument.objects.get(promise=promise).warnings
    assert any("20170" in warning for warning in warnings)


def test_the_review_form_refuses_a_target_past_the_bound() -> None:
    form = ActivityRowForm(
        {"kind": "traffic_control", "target": "20170", "description": "Kontroller"}
    )
    assert not form.is_valid()
    assert "10,000" in form.errors["target"][0]
