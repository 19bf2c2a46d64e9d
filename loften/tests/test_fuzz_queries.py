"""Property-based fuzzing of every query parameter the public pages, the open data and the
API read: whatever bytes a caller puts in them (every C0 control character, NUL, bytes that
are not UTF-8, lone surrogates encoded as UTF-8, very long values), no answer is a server
error, and no public page writes anything."""

from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import AuditEvent
from conftest import Cast, client_for
from promises.models import ActivityReport, CitizenPromise

PAGES = [
    "/",
    "/sverige/",
    "/sverige/jamfor/",
    "/flode/",
    "/kalender.ics",
    "/oppna-data/",
    "/oppna-data/loften.csv",
    "/oppna-data/aktiviteter.csv",
    "/oppna-data/lagesbilder.csv",
    "/kommun/eslov/",
    "/kommun/eslov/2017/",
    "/kommun/eslov/lagesbild/2017/",
    "/kommun/eslov/kalender.ics",
    "/api/v1/",
    "/api/v1/municipalities",
    "/api/v1/police-areas",
    "/api/v1/agreements",
    "/api/v1/promises",
    "/api/v1/follow-ups",
    "/api/v1/evaluations",
    "/api/v1/situation-pictures",
]
# Every name a public view or the API reads from the query string.
NAMES = [
    "q",
    "ar",
    "kommun",
    "kvartal",
    "sida",
    "next",
    "lan",
    "region",
    "aktivitet",
    "status",
    "municipality",
    "county",
    "year",
    "activity_kind",
    "cursor",
    "limit",
]
HOSTILE_BYTES = st.one_of(
    st.sampled_from(
        [bytes([c]) for c in range(32)]
        + [b"\x7f", b"\xed\xa0\x80", b"\xff\xfe", b"\xc3", b"%", b"%00", b"\r\n", b"a" * 5000]
    ),
    st.binary(max_size=30),
    st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.integers(min_value=-(2**70), max_value=2**70).map(lambda n: str(n).encode()),
)
QUERY = st.dictionaries(st.sampled_from(NAMES), HOSTILE_BYTES, min_size=1, max_size=4)


def _query(values: dict[str, bytes]) -> str:
    return "&".join(f"{name}={quote_from_bytes(value, safe='')}" for name, value in values.items())


def _written() -> tuple[int, int, int]:
    return (
        AuditEvent.objects.count(),
        CitizenPromise.objects.count(),
        ActivityReport.objects.count(),
    )


@pytest.mark.parametrize("path", PAGES)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(values=QUERY)
def test_no_query_string_makes_a_public_page_fail_or_write(
    cast: Cast, path: str, values: dict[str, Any]
) -> None:
    before = _written()
    response = client_for().get(f"{path}?{_query(values)}")
    assert response.status_code < 500, (path, values)
    assert _written() == before
