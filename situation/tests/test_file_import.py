import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from imports.tabular import TableError
from places.models import District, Municipality
from situation.models import Complaint, CrimeStatistic, SurveyResult
from situation.services.files import file_import
from situation.vocabularies import Channel, Problem

pytestmark = pytest.mark.django_db

CATEGORIES = [
    "Misshandel",
    "Skadegörelse",
    "Inbrott i bostad",
    "Stöld ur fordon",
    "Bedrägeri",
    "Rån",
    "Narkotikabrott",
    "Rattfylleri",
    "Olaga hot",
    "Cykelstöld",
    "Klotter",
]


def crime_csv(broken_row: int | None = None) -> bytes:
    lines = ["kommun;år;brottskategori;antal;per_100000"]
    for municipality in Municipality.objects.order_by("code"):
        for category in CATEGORIES:
            lines.append(
                f"{municipality.code};2016;{category};{len(lines)};{len(lines) / 10:.1f}".replace(
                    ".", ","
                )
            )
    if broken_row is not None:
        cells = lines[broken_row - 1].split(";")
        cells[3] = "tolv"
        lines[broken_row - 1] = ";".join(cells)
    return "\n".join(lines).encode("utf-8")


def test_an_error_on_row_3017_stores_nothing_and_names_row_column_and_reason() -> None:
    data = crime_csv(broken_row=3017)
    report = file_import(kind="crime_statistics", file_name="brott.csv", data=data)
    assert report.total == 290 * len(CATEGORIES)
    assert [str(e) for e in report.errors] == [
        "row 3017, column kommun: 'tolv' is not a whole number".replace("kommun", "antal")
    ]
    assert not report.stored and "Nothing was stored" in report.summary()
    assert CrimeStatistic.objects.count() == 0


def test_keeping_the_valid_rows_stores_exactly_those_and_says_so() -> None:
    data = crime_csv(broken_row=3017)
    report = file_import(kind="crime_statistics", file_name="brott.csv", data=data, keep_valid=True)
    assert report.stored
    assert report.skipped_rows == [3017]
    assert len(report.kept_rows) == report.total - 1 and 3017 not in report.kept_rows
    assert CrimeStatistic.objects.count() == report.total - 1
    assert f"{report.total - 1} rows were stored" in report.summary()


def test_statistics_are_read_with_swedish_numbers_and_mapped_to_problems() -> None:
    file_import(kind="crime_statistics", file_name="brott.csv", data=crime_csv())
    eslov = Municipality.objects.get(name="Eslöv")
    assault = CrimeStatistic.objects.get(municipality=eslov, category="Misshandel")
    assert assault.year == 2016 and assault.per_100k == Decimal(assault.reported) / 10
    problems = dict(
        CrimeStatistic.objects.filter(municipality=eslov).values_list("category", "problem")
    )
    assert problems["Misshandel"] == Problem.VIOLENCE
    assert problems["Inbrott i bostad"] == Problem.BURGLARY
    assert problems["Rattfylleri"] == Problem.IMPAIRED_DRIVING
    assert problems["Cykelstöld"] == Problem.THEFT


def test_importing_the_same_file_again_changes_nothing_and_new_figures_update() -> None:
    data = crime_csv()
    first = file_import(kind="crime_statistics", file_name="brott.csv", data=data)
    again = file_import(kind="crime_statistics", file_name="brott.csv", data=data)
    assert first.created == again.unchanged == first.total and again.created == 0
    # Two digits put before the figure: still a plausible count (situation/vocabularies.py).
    changed = data.replace(b"0180;2016;Misshandel;", b"0180;2016;Misshandel;99")
    report = file_import(kind="crime_statistics", file_name="brott.csv", data=changed)
    assert report.updated == 1
    assert CrimeStatistic.objects.filter(reported__gte=9900).count() == 1


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_survey_results_from_xlsx() -> None:
    data = xlsx(
        [
            ["Kommun", "Område", "År", "Fråga", "Andel", "Index"],
            ["Eslöv", "Centrala Eslöv", 2015, "Bilar som körs på ett störande sätt", 41.5, 5.9],
            ["Eslöv", "Centrala Eslöv", 2015, "Otrygg ute sent en kväll", 27, None],
            ["Eslöv", "", 2015, "Nedskräpning", None, 4.2],
        ]
    )
    report = file_import(kind="survey_results", file_name="trygghet.xlsx", data=data)
    assert report.stored and report.created == 3 and report.errors == []
    result = SurveyResult.objects.get(question__startswith="Bilar")
    assert (result.area, result.share, result.index) == (
        "Centrala Eslöv",
        Decimal("41.5"),
        Decimal("5.9"),
    )
    assert SurveyResult.objects.get(question="Nedskräpning").problem == Problem.LITTERING


@time_machine.travel(date(2026, 11, 30))
def test_survey_rows_need_a_figure_and_shares_stop_at_100() -> None:
    data = (
        "kommun,år,fråga,andel,index\n"
        "Eslöv,2015,Otrygg,,\n"
        "Eslöv,2015,Nedskräpning,140,\n"
        "Ingenstans,2015,Klotter,10,\n"
        "Eslöv,1899,Klotter,10,\n"
    ).encode()
    report = file_import(kind="survey_results", file_name="t.csv", data=data)
    assert [str(e) for e in report.errors] == [
        "row 2, column andel: give a share, an index or both",
        "row 3, column andel: '140' is more than 100",
        "row 4, column kommun: no municipality is called or numbered 'Ingenstans'",
        "row 5, column år: '1899' is not a year between 1990 and 2026",
    ]
    assert SurveyResult.objects.count() == 0


def test_complaints_are_classified_unless_the_file_names_the_problem() -> None:
    eslov = Municipality.objects.get(name="Eslöv")
    District.objects.create(municipality=eslov, name="Centrala Eslöv")
    data = (
        "kommun;datum;text;kanal;plats;område;lat;lng;får visas;problem\n"
        "Eslöv;2015-10-02;Bilarna kör för fort på Storgatan.;E-post;Storgatan;"
        "centrala eslöv;55,8393;13,3036;ja;\n"
        "Eslöv;2015-10-05;Det är otryggt vid stationen.;telefon;;;;;nej;Ungdomsgäng och "
        "otrygga mötesplatser\n"
    ).encode()
    report = file_import(kind="complaints", file_name="klagomal.csv", data=data)
    assert report.errors == [] and report.created == 2
    speeding, station = Complaint.objects.order_by("received_on")
    assert speeding.problem == speeding.suggested_problem == Problem.SPEEDING
    assert speeding.suggested_confidence >= 0.5
    assert speeding.district is not None and speeding.channel == Channel.EMAIL
    assert (speeding.latitude, speeding.longitude) == (55.8393, 13.3036)
    assert speeding.may_show_anonymised and not station.may_show_anonymised
    assert station.problem == Problem.YOUTH_GATHERINGS
    again = file_import(kind="complaints", file_name="klagomal.csv", data=data)
    assert again.unchanged == 2 and Complaint.objects.count() == 2


def test_complaint_rows_are_checked_across_cells_and_for_repeats() -> None:
    data = (
        "kommun;datum;text;område;lat;lng\n"
        "Eslöv;2015-10-02;Klotter på skolan.;Norra Eslöv;;\n"
        "Eslöv;2015-10-02;Skräp i parken.;;55,8;\n"
        "Eslöv;2015-31-12;Skräp i parken.;;;\n"
        "Eslöv;2015-10-03;Buskörning.;;;\n"
        "Eslöv;2015-10-03;Buskörning.;;;\n"
    ).encode()
    report = file_import(kind="complaints", file_name="k.csv", data=data, keep_valid=True)
    assert [str(e) for e in report.errors] == [
        "row 2, column område: Eslöv has no district called Norra Eslöv",
        "row 3, column lat: give both lat and lng, or neither",
        "row 4, column datum: '2015-31-12' is not a date written as YYYY-MM-DD",
        "row 6, column –: the same as row 5",
    ]
    assert report.kept_rows == [5]
    assert Complaint.objects.get().text == "Buskörning."


def test_an_importer_is_held_to_their_own_municipalities() -> None:
    lund = Municipality.objects.get(name="Lund")
    data = "kommun;år;brottskategori;antal\nEslöv;2016;Rån;3\nLund;2016;Rån;30\n".encode()
    report = file_import(
        kind="crime_statistics",
        file_name="b.csv",
        data=data,
        allowed_municipalities={lund.pk},
        keep_valid=True,
    )
    assert [str(e) for e in report.errors] == [
        "row 2, column kommun: you may not import evidence for Eslöv"
    ]
    assert list(CrimeStatistic.objects.values_list("municipality__name", flat=True)) == ["Lund"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("b.csv", b"", "empty"),
        ("b.csv", "kommun;år;antal\nEslöv;2016;3\n".encode(), "lacks the column(s) brottskategori"),
        ("b.pdf", b"%PDF-1.4", "Only .csv and .xlsx"),
        ("b.xlsx", b"not a workbook", "not a readable XLSX"),
    ],
)
def test_a_file_that_cannot_be_read_at_all_is_refused_with_the_reason(
    name: str, data: bytes, message: str
) -> None:
    with pytest.raises(TableError, match=message.replace("(", r"\(").replace(")", r"\)")):
        file_import(kind="crime_statistics", file_name=name, data=data)


def test_a_windows_1252_csv_from_excel_is_read() -> None:
    data = "kommun;år;brottskategori;antal\nEslöv;2016;Skadegörelse;12\n".encode("cp1252")
    report = file_import(kind="crime_statistics", file_name="b.csv", data=data)
    assert report.created == 1
    assert CrimeStatistic.objects.get().category == "Skadegörelse"


def test_the_command_reports_rows_and_refuses_to_store_a_file_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "brott.csv"
    path.write_bytes(
        "kommun;år;brottskategori;antal\nEslöv;2016;Rån;3\nEslöv;2016;Stöld;-4\n".encode()
    )
    with pytest.raises(CommandError, match="Nothing was stored"):
        call_command("evidence", "import", "crime_statistics", str(path))
    assert "brott.csv: row 3, column antal: '-4' is negative" in capsys.readouterr().err
    call_command("evidence", "import", "crime_statistics", str(path), "--keep-valid")
    assert "1 row was stored" in capsys.readouterr().out
    assert CrimeStatistic.objects.count() == 1


def test_a_complaint_row_placed_outside_sweden_or_the_municipality_is_named() -> None:
    data = (
        "kommun;datum;text;lat;lng\n"
        "Eslöv;2015-10-02;Klotter på skolan.;13,3036;55,8393\n"
        "Eslöv;2015-10-03;Skräp i parken.;59,3326;18,0649\n"
        "Eslöv;2015-10-04;Buskörning.;55,8393;13,3036\n"
    ).encode()
    report = file_import(kind="complaints", file_name="k.csv", data=data, keep_valid=True)
    swapped, stockholm = (str(e) for e in report.errors)
    assert swapped.startswith("row 2, column lat: The point 13.3036, 55.8393 lies outside Sweden")
    assert stockholm.startswith("row 3, column lat: This point lies 481 km from the centre of")
    assert report.kept_rows == [4]
    assert Complaint.objects.get().text == "Buskörning."
