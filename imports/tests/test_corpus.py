"""The parser measured on the corpus: right kind and target for at least 90% of the
activities, no invented activities, every signatory found."""

from pathlib import Path
from typing import Any

import pytest

from imports.readers import read_text
from imports.reading import parse_text
from imports.tests.corpus import CASES, Case
from imports.tests.documents import write_docx, write_pdf


def _parse(case: Case, folder: Path) -> dict[str, Any]:
    lines = case.text.strip().splitlines()
    if case.fmt == "docx":
        path = write_docx(folder / "case.docx", lines[0], lines[1:])
    elif case.fmt == "pdf":
        path = write_pdf(folder / "case.pdf", lines)
    else:
        path = folder / f"case.{case.fmt}"
        path.write_text(case.text, encoding="utf-8")
    found: dict[str, Any] = parse_text(read_text(path))["documents"][0]
    return found


def test_the_corpus_has_at_least_20_cases_in_several_formats() -> None:
    assert len(CASES) >= 20
    assert {case.fmt for case in CASES} >= {"txt", "html", "docx", "pdf"}


def test_parser_quality_on_the_corpus(tmp_path: Path) -> None:
    expected_total = right = invented = 0
    missing_signatories: list[str] = []
    report = []
    for case in CASES:
        document = _parse(case, tmp_path)
        found = [(a["kind"], a["target"]) for a in document["activities"]]
        expected_total += len(case.activities)
        remaining = list(found)
        for wanted in case.activities:
            if wanted in remaining:
                remaining.remove(wanted)
                right += 1
        invented += max(0, len(found) - len(case.activities))
        names = [s["name"] for s in document["signatories"]]
        missing_signatories += [f"{case.name}: {n}" for n in case.signatories if n not in names]
        if remaining or len(found) != len(case.activities):
            report.append(f"{case.name}: expected {case.activities}, found {found}")
    share = right / expected_total
    print(
        f"\ncorpus: {right}/{expected_total} activities right ({share:.0%}), "
        f"{invented} invented, {len(missing_signatories)} signatories missed"
    )
    assert share >= 0.9, "\n".join(report)
    assert invented == 0, "\n".join(report)
    assert missing_signatories == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_year_and_follow_up_of_each_case(case: Case, tmp_path: Path) -> None:
    document = _parse(case, tmp_path)
    assert document["year"] == case.year
    if case.follow_up:
        assert document["follow_up"] == case.follow_up
