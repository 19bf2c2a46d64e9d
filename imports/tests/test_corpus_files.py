"""The development corpus is well formed: every case has one text and an expected reading
that follows the README, in words that occur in its text."""

import pytest

from imports.tests.corpus_files import (
    FORMATS,
    GENRES,
    NEW_KINDS,
    RATE_PERIODS,
    CorpusCase,
    corpus_cases,
)
from promises.vocabularies import ActivityKind

CASES = corpus_cases()
KINDS = {kind.value for kind in ActivityKind} | set(NEW_KINDS)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_is_well_formed(case: CorpusCase) -> None:
    assert case.source.suffix in (".txt", ".html"), f"{case.name}: one .txt or .html text"
    expected = case.expected
    assert expected["genre"] == case.genre
    assert expected["render_as"] in FORMATS
    if expected["render_as"] == "html":
        assert case.source.suffix == ".html"
    text = case.text.casefold()
    year, period = expected["year"], expected["period"]
    assert year is None or 2010 <= year <= 2026
    assert period is None or (len(period) == 2 and period[0] <= period[1])
    assert all(name.casefold()[:5] in text for name in expected["municipalities"])
    for signatory in expected["signatories"]:
        assert set(signatory) == {"name", "title"}
        assert signatory["name"].split()[-1].casefold() in text, signatory
    activities = expected["activities"]
    if case.genre == "follow_up":
        assert expected["achieved"], f"{case.name}: a follow-up states what was achieved"
    for activity in activities:
        assert set(activity) == {"kind", "target", "rate", "minimum", "says"}, activity
        assert activity["kind"] in KINDS, activity
        assert activity["target"] is None or activity["target"] >= 1
        rate = activity["rate"]
        assert rate is None or (rate["per"] in RATE_PERIODS and rate["count"] >= 1)
        assert activity["says"].casefold() in text, f"{case.name}: {activity['says']!r}"
    for done in expected.get("achieved", []):
        assert set(done) == {"kind", "done", "says"} and done["kind"] in KINDS, done
        assert done["says"].casefold() in text, f"{case.name}: {done['says']!r}"


def test_the_corpus_covers_the_genres_and_formats() -> None:
    assert {case.genre for case in CASES} == set(GENRES)
    assert {case.expected["render_as"] for case in CASES} == set(FORMATS)
    assert len(CASES) >= 80
