import pytest

from core.downloads import csv_response, file_name_header


def test_a_file_name_header_names_the_file_as_an_attachment() -> None:
    assert file_name_header("lagesbild-eslov-2016", "csv") == (
        'attachment; filename="lagesbild-eslov-2016.csv"'
    )


def test_a_pdf_may_be_shown_inline() -> None:
    assert file_name_header("loften-eslov", "pdf", inline=True) == (
        'inline; filename="loften-eslov.pdf"'
    )


@pytest.mark.parametrize(
    ("stem", "ext"),
    [
        ("a\n", "csv"),
        ("a\r\nSet-Cookie: x=1", "csv"),
        ('a"; filename="evil.exe', "csv"),
        ("a b", "csv"),
        ("../etc", "csv"),
        ("", "csv"),
        ("eslov", "csv\n"),
        ("eslov", ""),
    ],
)
def test_a_file_name_that_is_not_a_slug_is_refused(stem: str, ext: str) -> None:
    with pytest.raises(ValueError):
        file_name_header(stem, ext)


def test_a_csv_response_is_named_marked_and_safe() -> None:
    response = csv_response("loften-eslov", ["title", "done"], [["=1+1", -2]])
    assert response["Content-Disposition"] == 'attachment; filename="loften-eslov.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode() == "\ufefftitle;done\r\n'=1+1;-2\r\n"
