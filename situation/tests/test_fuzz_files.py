"""Property-based fuzzing of every file import: whatever a file holds (control characters,
NUL, bytes that are not UTF-8, broken zip parts, rows of any shape), reading it either
reports rows and errors or refuses the whole file in words; it never fails otherwise, and
a file with errors stores nothing."""

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Cast
from imports.readers import ReadError, read_text
from imports.tabular import TableError
from situation.models import Complaint, CrimeStatistic, SurveyResult
from situation.services.files import IMPORT_KINDS, file_import

HEADERS = {
    "crime_statistics": "kommun;år;brottskategori;antal;per_100000",
    "survey_results": "kommun;år;område;fråga;andel;index",
    "complaints": "kommun;datum;text;mottagare;kanal;plats;lat;lon",
}
CELL = st.one_of(
    st.sampled_from(["1281", "2017", "Eslöv", "12", "0", "-1", "", "1e309", "\x00", "\x0b"]),
    st.text(max_size=20),
)
ROW = st.lists(CELL, min_size=0, max_size=7).map(
    lambda cells: ";".join(c.replace("\n", " ") for c in cells)
)
BODY = st.lists(ROW, max_size=8).map("\n".join)
RAW = st.one_of(
    st.binary(max_size=200),
    st.sampled_from([b"PK\x03\x04" + b"\x00" * 40, b"\xef\xbb\xbf", b"\xff\xfe\x00"]),
)


def _stored() -> tuple[int, int, int]:
    return (Complaint.objects.count(), CrimeStatistic.objects.count(), SurveyResult.objects.count())


@pytest.mark.parametrize("kind", sorted(IMPORT_KINDS))
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=BODY,
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_any_evidence_file_is_read_or_refused_in_words(
    cast: Cast, kind: str, body: str, suffix: str, encoding: str
) -> None:
    data = f"{HEADERS[kind]}\n{body}".encode(encoding, "replace")
    before = _stored()
    try:
        report = file_import(
            kind=kind,
            file_name=f"fil{suffix}",
            data=data,
            by=cast.coordinator,
            allowed_municipalities={cast.eslov.pk},
        )
    except TableError as error:
        assert str(error)
        assert _stored() == before
        return
    if report.errors:
        assert _stored() == before


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=RAW, suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf", ""]))
def test_any_promise_text_file_is_read_or_refused_in_words(
    tmp_path_factory: Any, raw: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("upload") / f"upload{suffix}"
    path.write_bytes(raw)
    try:
        text = read_text(path)
    except ReadError as error:
        assert str(error)
    else:
        assert "\x00" not in text
