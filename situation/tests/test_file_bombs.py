"""Hostile evidence files: archives that unpack to far more than they weigh, endless rows,
floods of errors, and imports whose check or store died on the way."""

import io
import time
import zipfile
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import Workbook

from conftest import Cast, client_for
from imports import tabular
from imports.limits import ERRORS_KEPT
from imports.models import FileImport, FileImportStatus
from imports.tabular import TableError, read_rows
from situation.models import CrimeStatistic
from situation.services import files

pytestmark = pytest.mark.django_db

UPLOAD = "/arbete/lagesbild/eslov/inlasning/"


def _page(run: FileImport) -> str:
    return f"/arbete/lagesbild/inlasning/{run.pk}/"


def _workbook(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_member(xlsx: bytes, name: str, content: bytes) -> bytes:
    """The workbook with one more part added, as a hostile file would carry it."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for member in source.infolist():
            target.writestr(member, source.read(member))
        target.writestr(name, content)
    return buffer.getvalue()


HEADER = ["kommun", "år", "brottskategori", "antal"]


def _upload(client: Any, data: bytes, name: str) -> FileImport:
    response = client.post(
        UPLOAD, {"kind": "crime_statistics", "file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return FileImport.objects.get()


def test_an_xlsx_that_unpacks_to_60_mb_is_refused_at_once(cast: Cast) -> None:
    bomb = _with_member(
        _workbook([HEADER, ["Eslöv", 2016, "Rån", 3]]), "xl/media/fill.bin", b"\0" * 60 * 2**20
    )
    assert len(bomb) < 200_000
    started = time.monotonic()
    run = _upload(client_for(cast.coordinator), bomb, "brott.xlsx")
    assert time.monotonic() - started < 5
    assert run.status == FileImportStatus.FAILED and run.data is None
    assert "brott.xlsx" in run.summary and "the limit is 50 MB" in run.summary
    assert CrimeStatistic.objects.count() == 0


def test_a_part_packed_more_than_100_to_1_is_refused_as_a_bomb() -> None:
    bomb = _with_member(_workbook([HEADER]), "xl/worksheets/sheet2.xml", b" " * 5 * 2**20)
    with pytest.raises(TableError, match="xl/worksheets/sheet2.xml.*compressed bomb"):
        list(read_rows("brott.xlsx", bomb))


def test_whether_a_file_is_checked_in_the_background_depends_on_what_it_unpacks_to(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from situation import tasks

    queued: list[int] = []
    monkeypatch.setattr(tasks, "evidence_file_check", SimpleNamespace(enqueue=queued.append))
    # Packed far below the inline limit, but its parts unpack to 2 MB of sheet.
    rows = [HEADER] + [["Eslöv", 2016, f"Kategori {n:05}", n] for n in range(1, 40_000)]
    workbook = _workbook(rows)
    assert len(workbook) < files.INLINE_LIMIT_BYTES < tabular.unpacked_bytes("b.xlsx", workbook)
    run = files.file_import_start(
        municipality=cast.eslov,
        kind="crime_statistics",
        file_name="brott.xlsx",
        data=workbook,
        by=cast.coordinator,
    )
    assert queued == [run.pk] and run.status == FileImportStatus.CHECKING
    small = files.file_import_start(
        municipality=cast.eslov,
        kind="crime_statistics",
        file_name="liten.xlsx",
        data=_workbook([HEADER, ["Eslöv", 2016, "Rån", 3]]),
        by=cast.coordinator,
    )
    assert queued == [run.pk] and small.status == FileImportStatus.CHECKED


def test_reading_stops_at_the_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    workbook = _workbook([HEADER] + [["Eslöv", 2016, "Rån", n] for n in range(60)])
    with pytest.raises(TableError, match="brott.xlsx has more than 50 rows"):
        list(read_rows("brott.xlsx", workbook))
    text = "\n".join(["kommun;år;brottskategori;antal"] + ["Eslöv;2016;Rån;1"] * 60).encode()
    with pytest.raises(TableError, match="more than 50 rows"):
        list(read_rows("brott.csv", text))
    assert len(list(read_rows("brott.xlsx", _workbook([HEADER] * 50)))) == 50


def test_reading_stops_at_a_row_with_too_many_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_CELLS_PER_ROW", 20)
    workbook = _workbook([HEADER, ["Eslöv", 2016, "Rån", 3, *range(30)]])
    with pytest.raises(TableError, match="Row 2 of brott.xlsx has more than 20 cells"):
        list(read_rows("brott.xlsx", workbook))
    # Empty cells at the end of a row are not counted.
    assert list(read_rows("b.csv", b"a;b" + b";" * 40 + b"\n")) == [["a", "b"]]


def test_only_the_first_errors_are_kept_and_the_rest_counted(cast: Cast) -> None:
    bad = 1200
    lines = ["kommun;år;brottskategori;antal"] + [f"Eslöv;2016;Kat {n};tolv" for n in range(bad)]
    client = client_for(cast.coordinator)
    run = _upload(client, "\n".join(lines).encode(), "brott.csv")
    assert run.status == FileImportStatus.CHECKED
    assert len(run.errors) == ERRORS_KEPT and run.errors[0][0] == 2
    assert run.errors[-1][0] == ERRORS_KEPT + 1  # the first ones, by row
    assert run.errors_left_out == bad - ERRORS_KEPT
    assert run.rows_with_errors == bad and run.bad_rows == bad
    page = client.get(_page(run)).content.decode()
    assert f"The first {ERRORS_KEPT} errors are shown, and 700 more errors were found." in page
    assert "No row is correct, so nothing can be stored." in page
    client.post(_page(run), {"action": "keep_valid"})
    run.refresh_from_db()
    assert run.status == FileImportStatus.CHECKED and CrimeStatistic.objects.count() == 0


@pytest.mark.parametrize(
    "status", [FileImportStatus.CHECKING, FileImportStatus.STORING, FileImportStatus.FAILED]
)
def test_a_stuck_or_failed_import_can_be_cancelled_and_its_file_is_deleted(
    cast: Cast, status: str
) -> None:
    run = FileImport.objects.create(
        kind="crime_statistics",
        municipality=cast.eslov,
        file_name="brott.csv",
        data=b"kommun;\xc3\xa5r;brottskategori;antal\n",
        status=status,
        created_by=cast.coordinator,
    )
    client = client_for(cast.coordinator)
    page = client.get(_page(run)).content.decode()
    assert 'name="action" value="cancel"' in page
    # Someone of another municipality cannot.
    assert (
        client_for(cast.other_coordinator).post(_page(run), {"action": "cancel"}).status_code == 404
    )
    run.refresh_from_db()
    assert run.status == status and run.data is not None
    client.post(_page(run), {"action": "cancel"})
    run.refresh_from_db()
    assert run.status == FileImportStatus.CANCELLED and run.data is None


def test_a_stored_import_cannot_be_cancelled(cast: Cast) -> None:
    run = FileImport.objects.create(
        kind="crime_statistics",
        municipality=cast.eslov,
        file_name="brott.csv",
        status=FileImportStatus.STORED,
    )
    client = client_for(cast.coordinator)
    assert 'value="cancel"' not in client.get(_page(run)).content.decode()
    client.post(_page(run), {"action": "cancel"})
    run.refresh_from_db()
    assert run.status == FileImportStatus.STORED


def test_a_check_or_store_that_finishes_after_a_cancel_changes_nothing(cast: Cast) -> None:
    data = "kommun;år;brottskategori;antal\nEslöv;2016;Rån;3\n".encode()
    checking = FileImport.objects.create(
        kind="crime_statistics", municipality=cast.eslov, file_name="brott.csv", data=data
    )
    late = FileImport.objects.get(pk=checking.pk)  # the worker's copy, read before the cancel
    files.file_import_cancel(run=checking)
    files.file_import_check(run=late)
    checking.refresh_from_db()
    assert checking.status == FileImportStatus.CANCELLED and checking.data is None
    storing = FileImport.objects.create(
        kind="crime_statistics",
        municipality=cast.eslov,
        file_name="brott.csv",
        data=data,
        status=FileImportStatus.STORING,
    )
    late = FileImport.objects.get(pk=storing.pk)
    files.file_import_cancel(run=storing)
    files.file_import_store(run=late, keep_valid=False, by=None)
    storing.refresh_from_db()
    assert storing.status == FileImportStatus.CANCELLED and storing.data is None
    assert CrimeStatistic.objects.count() == 0


@override_settings(UPLOAD_LIMIT_BYTES=10_000)
def test_an_upload_over_the_limit_is_cut_off_while_it_arrives(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        UPLOAD, {"kind": "crime_statistics", "file": SimpleUploadedFile("b.csv", b"x" * 50_000)}
    )
    assert response.status_code == 200
    assert "The file is larger than 100 MB." in response.content.decode()
    assert not FileImport.objects.exists()


def test_a_file_broken_past_its_start_fails_instead_of_staying_checking(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    huge_cell = "kommun;år;brottskategori;antal\nEslöv;2016;" + "R" * 200_000 + ";3\n"
    run = _upload(client, huge_cell.encode(), "brott.csv")
    assert run.status == FileImportStatus.FAILED and "not a readable CSV file" in run.summary
    FileImport.objects.all().delete()
    workbook = _workbook([HEADER, ["Eslöv", 2016, "Rån", 3]])
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]  # cut off inside the rows
            target.writestr(member, content)
    run = _upload(client, buffer.getvalue(), "brott.xlsx")
    assert run.status == FileImportStatus.FAILED and "not a readable XLSX" in run.summary
