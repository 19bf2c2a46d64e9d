import io
from decimal import Decimal

import pytest

from lib.spreadsheet import spreadsheet_cell, write_csv


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://example.com","klick")',
        "=cmd|' /C calc'!A0",
        "@SUM(A1)",
        "+1+1",
        "-2",
        "\t=1+1",
        "\r=1+1",
        "＝1+1",
    ],
)
def test_text_that_would_start_a_formula_gets_an_apostrophe(text: str) -> None:
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Trafikkontroller", "1+1", " =1", "", "a=b", "e-post"])
def test_other_text_is_written_as_it_is(value: str) -> None:
    assert spreadsheet_cell(value) == value


@pytest.mark.parametrize("value", [-2, 3, -0.25, Decimal("-1.500"), None, True])
def test_numbers_and_other_values_stay_as_they_are(value: object) -> None:
    assert spreadsheet_cell(value) is value


def test_a_csv_is_written_with_semicolons_and_every_cell_made_safe() -> None:
    out = io.StringIO()
    write_csv([["title", "count"], ["=1+1", -2], ["Säkrare; trafik", 7]], out)
    assert out.getvalue().splitlines() == [
        "title;count",
        "'=1+1;-2",
        '"Säkrare; trafik";7',
    ]


def test_a_moment_is_written_to_the_second() -> None:
    from datetime import UTC, datetime

    moment = datetime(2016, 4, 7, 11, 0, 0, 6, tzinfo=UTC)
    assert spreadsheet_cell(moment) == "2016-04-07 11:00:00+00:00"
